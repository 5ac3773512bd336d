// A field worker's visit on the phone (/petugas/kunjungan/): what is recorded, kept as a draft on
// the device (draft-store) from the first keystroke, and sent with one submission id however many
// times the signal drops, so the server records it once (`ulang: true` on a repeat).
import type { AksiJawaban, CaseKind, Kunjungan } from './api/petugas';
import { clearDraft, listDrafts, loadDraft, saveDraft, stashDraft, type Draft } from './draft-store';
import { apiUpload } from './petugas-client';
import { UNREADABLE_MESSAGE, unreadableText } from './rules/text';

/** Shown whenever a visit is waiting for the signal (plain words: it is safe, and it will go). */
export const OFFLINE_NOTICE = 'Belum terkirim: tidak ada sinyal. Data tersimpan di ponsel ini dan dikirim otomatis saat sinyal kembali.';

/** The server's limits on a visit (case-actions.js): photos, their size, the note. */
export const MAX_VISIT_PHOTOS = 3;
export const MAX_VISIT_PHOTO_BYTES = 5 * 1024 * 1024;
const NOTE_MAX = 2000;
const PUBLIC_NOTE_MAX = 1000;
const REASON_MIN = 10;

export type VisitAction = 'langkah' | 'status' | 'catatan';

/** What the person fills in. Reports use status and catatan_publik; requests the rest. */
export interface VisitInput {
  aksi: VisitAction;
  hasil_verifikasi: '' | 'layak' | 'tidak_layak';
  status: string;
  catatan_internal: string;
  catatan_publik: string;
  lintang: string;
  bujur: string;
  /** Metres, for the person's own reassurance; not sent. */
  akurasi: number | null;
}

export const EMPTY_VISIT: VisitInput = { aksi: 'langkah', hasil_verifikasi: '', status: '', catatan_internal: '', catatan_publik: '', lintang: '', bujur: '', akurasi: null };

/** The draft of one visit on this phone. */
export interface VisitDraft {
  jenis: CaseKind;
  id: string;
  /** Tracking code and title, to name the visit while it waits (no personal data). */
  kode: string;
  judul: string;
  input: VisitInput;
  submissionId: string;
  /** Send was pressed: it goes by itself when the signal returns, and the form is locked. */
  pending: boolean;
  /** The SOP's words for the step, or the chosen report status: to say what was recorded. */
  kegiatan: string;
}

/** What the form needs to know about the case to check the input. */
export interface VisitNeeds {
  /** The step also records layak / tidak layak. */
  result: boolean;
  /** Reports: the statuses this person may choose, and which need a reason for the reporter. */
  targets: { id: string; label: string; perlu_alasan: boolean }[];
}

/** Per-account prefix: a draft is only ever sent by the account that wrote it. */
export function draftPrefix(accountId: string): string {
  return `kunjungan:${accountId}:`;
}

export function draftKey(accountId: string, kind: CaseKind, id: string): string {
  return `${draftPrefix(accountId)}${kind}:${id}`;
}

/** Field → Indonesian message, in the order of the form. Empty when the visit may be sent. */
export function visitProblems(input: VisitInput, needs: VisitNeeds): Record<string, string> {
  const errors: Record<string, string> = {};
  if (input.aksi === 'langkah' && needs.result && input.hasil_verifikasi !== 'layak' && input.hasil_verifikasi !== 'tidak_layak') {
    errors['hasil_verifikasi'] = 'Pilih hasil kunjungan: layak atau tidak layak.';
  }
  if (input.aksi === 'status') {
    const target = needs.targets.find((t) => t.id === input.status);
    if (!target) errors['status'] = 'Pilih apa yang terjadi pada kunjungan ini.';
    else if (target.perlu_alasan && input.catatan_publik.trim().length < REASON_MIN) {
      errors['catatan_publik'] = `Tulis alasan untuk pelapor (paling sedikit ${REASON_MIN} karakter); alasan ini tampil di halaman lacak.`;
    }
  }
  if (input.catatan_publik && unreadableText(input.catatan_publik, true)) errors['catatan_publik'] = UNREADABLE_MESSAGE;
  else if (input.catatan_publik.trim().length > PUBLIC_NOTE_MAX) errors['catatan_publik'] = `Terlalu panjang. Tulis paling banyak ${PUBLIC_NOTE_MAX} karakter.`;
  if (input.aksi === 'catatan' && !input.catatan_internal.trim() && !input.catatan_publik.trim()) errors['catatan_internal'] = 'Tulis catatan kunjungan.';
  if (unreadableText(input.catatan_internal, true)) errors['catatan_internal'] = UNREADABLE_MESSAGE;
  else if (input.catatan_internal.trim().length > NOTE_MAX) errors['catatan_internal'] = `Terlalu panjang. Tulis paling banyak ${NOTE_MAX} karakter.`;
  return errors;
}

/** The multipart body of POST /api/petugas/kasus/{jenis}/{id}/aksi for this visit. */
export function visitForm(draft: Pick<VisitDraft, 'input' | 'submissionId'>, photos: readonly File[]): FormData {
  const { input } = draft;
  const form = new FormData();
  form.append('aksi', input.aksi);
  form.append('id_pengiriman', draft.submissionId);
  if (input.catatan_internal.trim()) form.append('catatan_internal', input.catatan_internal.trim());
  if (input.aksi === 'langkah') {
    if (input.hasil_verifikasi) form.append('hasil_verifikasi', input.hasil_verifikasi);
    if (input.lintang && input.bujur) {
      form.append('lintang', input.lintang);
      form.append('bujur', input.bujur);
    }
    for (const photo of photos) form.append('foto', photo, photo.name);
  } else {
    if (input.aksi === 'status') form.append('status', input.status);
    if (input.catatan_publik.trim()) form.append('catatan_publik', input.catatan_publik.trim());
  }
  return form;
}

/** Photos as the draft keeps them (foto_0…), and back. */
export function photoFiles(photos: readonly File[]): Record<string, File> {
  return Object.fromEntries(photos.map((p, i) => [`foto_${i}`, p]));
}

export function photosOf(draft: Draft<VisitDraft>): File[] {
  return Object.keys(draft.files)
    .sort()
    .map((k) => draft.files[k]!)
    .map((f) => new File([f.blob], f.name, { type: f.type }));
}

export async function saveVisit(accountId: string, draft: VisitDraft, photos: readonly File[]): Promise<void> {
  await saveDraft<VisitDraft>(draftKey(accountId, draft.jenis, draft.id), draft, photoFiles(photos));
}

/** The visit's text, kept synchronously as the page goes away (see draft-store's stashDraft). */
export function stashVisit(accountId: string, draft: VisitDraft): void {
  stashDraft<VisitDraft>(draftKey(accountId, draft.jenis, draft.id), draft);
}

export function loadVisit(accountId: string, kind: CaseKind, id: string): Promise<Draft<VisitDraft> | null> {
  return loadDraft<VisitDraft>(draftKey(accountId, kind, id));
}

export function clearVisit(accountId: string, kind: CaseKind, id: string): Promise<void> {
  return clearDraft(draftKey(accountId, kind, id));
}

/** The visits on this phone whose send was pressed and that have not reached the office yet. */
export async function pendingVisits(accountId: string): Promise<Draft<VisitDraft>[]> {
  return (await listDrafts<VisitDraft>(draftPrefix(accountId))).filter((d) => d.data.pending);
}

/** Sends one visit; throws ApiRefusal or Offline (the draft stays, and so does its submission id). */
export function sendVisit(draft: VisitDraft, photos: readonly File[], onProgress: (fraction: number) => void = () => {}): Promise<AksiJawaban> {
  const path = `/api/petugas/kasus/${encodeURIComponent(draft.jenis)}/${encodeURIComponent(draft.id)}/aksi`;
  return apiUpload<AksiJawaban>(path, visitForm(draft, photos), onProgress);
}

/**
 * The order of the visit list: urgent reports first, then late ones, then by due date (soonest
 * first; none last), then by tracking code so the order never jumps between loads.
 */
export function sortVisits(visits: readonly Kunjungan[]): Kunjungan[] {
  const due = (v: Kunjungan) => (v.batas_tahap ? Date.parse(v.batas_tahap) : Number.POSITIVE_INFINITY);
  return [...visits].sort((a, b) => Number(b.mendesak) - Number(a.mendesak) || Number(b.terlambat) - Number(a.terlambat) || due(a) - due(b) || a.kode.localeCompare(b.kode));
}

/** The visit form's address for a case. */
export function visitUrl(kind: CaseKind, id: string): string {
  return `/petugas/kunjungan/?jenis=${encodeURIComponent(kind)}&id=${encodeURIComponent(id)}`;
}
