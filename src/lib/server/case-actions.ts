// POST /api/petugas/kasus/{jenis}/{id}/aksi: what one action on a request or report does. Judged
// by the SOP rules (src/lib/rules/sop-flow.ts) for the person's roles (a refusal says, in
// Indonesian, who may do it) and validated field by field, here on plain data; the hook
// (pb_hooks/lib/case-actions.js) saves the resulting plan with its chained history entry in one
// transaction, after checking that nobody changed the case meanwhile.
import type { AksiJawaban } from '../api/petugas';
import type { PortalData } from '../portal-data';
import { judge, judgeReport, judgeReportTask, nextFieldRoles, recordsVisitResult, type FlowAction } from '../rules/sop-flow';
import { SUBMISSION_ID, SUBMISSION_ID_MESSAGE, UNREADABLE_MESSAGE, unreadableText } from '../rules/text';
import type { Refusals } from './common';
import { byId, pbDate } from './common';
import type { CaseFile } from './case-view';
import { flowOf, reportFlowOf, stateOf, type Actor } from './workspace';

const NOTE_MIN = 10;
const NOTE_MAX = 1000;
const INTERNAL_MAX = 2000;

const FLOW_ACTIONS: readonly FlowAction[] = ['langkah', 'perbaikan', 'lanjutkan', 'tolak', 'batal', 'tugaskan', 'buka-kembali', 'periksa-dokumen'];

/** What the action needs from the database and the request besides the case itself. */
export interface CaseActionDb {
  /** Whether this submission id is already in the case's history (an action sent again). */
  earlierSend(submissionId: string): boolean;
  /** A staff account: whether it is active and its roles; null when there is none. */
  staffMember(id: string): { aktif: boolean; roles: string[] } | null;
  /** Checks the visit photos sent with the request: an Indonesian message, or null when fine. */
  photoProblem(): string | null;
}

/** What to save: the case's new fields, status and step, and its history entry. */
export interface ActionPlan {
  fields: Record<string, unknown>;
  status: string;
  langkah: number;
  publicNote: string;
  internalNote: string;
  /** The history entry's `jenis`. */
  kind: string;
  /** Which of the person's roles the action used. */
  role: string;
  /** The step recorded (`langkah` actions of requests), else null. */
  step: number | null;
  /** What changed, for the history's `perubahan`. */
  change: Record<string, unknown>;
  /** Whether visit photos are to be attached (requests' `langkah`). */
  photos: boolean;
  /** The documents asked for again (requests' `perbaikan`), else []. */
  asked: string[];
  answer: AksiJawaban;
}

/** The answer to an action sent again: the case as it stands, nothing done twice. */
export type ActionOutcome = { resent: AksiJawaban } | { plan: ActionPlan };

type Body = Record<string, unknown>;

function text(body: Body, key: string): string {
  const v = body[key];
  return v === undefined || v === null ? '' : String(v).trim();
}

function list(body: Body, key: string): string[] {
  const v = body[key];
  if (v === undefined || v === null || v === '') return [];
  if (Array.isArray(v)) return v.map(String);
  const s = String(v);
  if (s.charAt(0) === '[') {
    try {
      const parsed: unknown = JSON.parse(s);
      return Array.isArray(parsed) ? parsed.map(String) : [];
    } catch {
      return [];
    }
  }
  return s.split(',').map((x) => x.trim()).filter(Boolean);
}

function objectOf(body: Body, key: string): Record<string, { hasil?: unknown; alasan?: unknown } | null> | null {
  const v = body[key];
  if (!v) return {};
  if (typeof v === 'object') return v as Record<string, { hasil?: unknown; alasan?: unknown }>;
  try {
    const parsed: unknown = JSON.parse(String(v));
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, { hasil?: unknown; alasan?: unknown }>) : {};
  } catch {
    return null;
  }
}

/** Free-text rules shared with the public forms: no control or bidirectional characters. */
function checkNote(errors: Record<string, string>, key: string, value: string, min: number, max: number, label: string): void {
  if (unreadableText(value, true)) errors[key] = UNREADABLE_MESSAGE;
  else if (min > 0 && value.length < min) errors[key] = label + ' (paling sedikit ' + min + ' karakter).';
  else if (value.length > max) errors[key] = 'Terlalu panjang. Tulis paling banyak ' + max + ' karakter.';
}

/** Per-field errors as one 400: the message of the only field, or a general one. */
export function fieldRefusal(refuse: Refusals, errors: Record<string, string>): Error {
  const keys = Object.keys(errors);
  return refuse.badRequest(keys.length === 1 ? errors[keys[0]!]! : 'Periksa kembali isian Anda.', errors);
}

/** What every action sends besides its own fields, each checked into `errors`. */
function actionInput(body: Body, errors: Record<string, string>) {
  const input = { aksi: text(body, 'aksi'), publicNote: text(body, 'catatan_publik'), internalNote: text(body, 'catatan_internal'), submissionId: text(body, 'id_pengiriman') };
  checkNote(errors, 'catatan_publik', input.publicNote, 0, NOTE_MAX, '');
  checkNote(errors, 'catatan_internal', input.internalNote, 0, INTERNAL_MAX, '');
  if (input.submissionId && !SUBMISSION_ID.test(input.submissionId)) errors.id_pengiriman = SUBMISSION_ID_MESSAGE;
  return input;
}

function resent(statuses: readonly { id: string; label: string }[], c: CaseFile, langkah: number): { resent: AksiJawaban } {
  const s = byId(statuses, c.status);
  return { resent: { status: c.status, status_label: s ? s.label : '', langkah, ulang: true } };
}

/** Which of the person's roles the action used (recorded with it). */
function roleUsed(judgeOne: (roles: string[]) => boolean, roles: readonly string[]): string {
  for (const role of roles) if (judgeOne([role])) return role;
  return roles[0] || '';
}

/** An action on a request: the plan to save, or the answer to a send already recorded. */
export function requestAction(db: CaseActionDb, data: PortalData, actor: Actor, c: CaseFile, body: Body, refuse: Refusals, now: Date): ActionOutcome {
  const ctx = flowOf(data, c.layanan);
  const state = stateOf(actor, c);
  const errors: Record<string, string> = {};
  const { aksi, publicNote, internalNote, submissionId } = actionInput(body, errors);
  if (submissionId && db.earlierSend(submissionId)) return resent(data.statuses, c, c.langkah);

  let verdict: { status: string; langkah: number };
  if (aksi === 'catatan') {
    const s = byId(data.statuses, state.status);
    if (s && s.closed) throw refuse.forbidden('Permohonan sudah ditutup; catatan baru tidak dapat ditambahkan. Buka kembali bila perlu.');
    if (!publicNote && !internalNote) errors.catatan_internal = 'Tulis catatan untuk pemohon atau untuk petugas.';
    verdict = { status: state.status, langkah: state.langkah };
  } else if ((FLOW_ACTIONS as readonly string[]).includes(aksi)) {
    const v = judge(ctx, state, actor.roles, aksi as FlowAction);
    if (!v.allowed) throw refuse.forbidden(v.message);
    verdict = v;
  } else {
    throw fieldRefusal(refuse, { aksi: 'Tindakan tidak dikenal.' });
  }

  const fields: Record<string, unknown> = {};
  const change: Record<string, unknown> = {};
  let kind = 'status';
  const service = byId(data.services, c.layanan);
  const keys = service ? service.documents.map((d) => d.key) : [];
  if (aksi === 'tolak' || aksi === 'batal' || aksi === 'perbaikan') {
    if (publicNote.length < NOTE_MIN) errors.catatan_publik = 'Tulis alasan untuk pemohon (paling sedikit ' + NOTE_MIN + ' karakter); alasan ini tampil di halaman lacak.';
  }
  if (aksi === 'perbaikan') {
    const asked = list(body, 'dokumen_perbaikan');
    if (asked.length === 0) errors.dokumen_perbaikan = 'Pilih dokumen yang harus dilengkapi atau diganti pemohon.';
    else if (asked.some((k) => !keys.includes(k))) errors.dokumen_perbaikan = 'Ada dokumen yang tidak diminta layanan ini.';
    fields.dokumen_perbaikan = asked;
    change.dokumen_perbaikan = asked;
  }
  if (aksi === 'lanjutkan') fields.dokumen_perbaikan = [];
  if (aksi === 'buka-kembali') {
    const reason = text(body, 'alasan');
    checkNote(errors, 'alasan', reason, NOTE_MIN, INTERNAL_MAX, 'Tulis alasan membuka kembali permohonan ini');
    kind = 'buka_kembali';
    change.alasan = reason;
  }
  if (aksi === 'tugaskan') {
    kind = 'penugasan';
    const assignee = text(body, 'petugas_lapangan');
    const person = assignee ? db.staffMember(assignee) : null;
    const needed = nextFieldRoles(ctx, state);
    if (!person || !person.aktif) errors.petugas_lapangan = 'Pilih petugas lapangan yang aktif.';
    else if (needed.length > 0 && !person.roles.some((x) => needed.includes(x))) errors.petugas_lapangan = 'Petugas ini tidak memegang peran untuk langkah lapangan permohonan ini.';
    fields.petugas_lapangan = assignee;
    change.petugas_lapangan = assignee;
  }
  if (aksi === 'periksa-dokumen') {
    kind = 'pemeriksaan_dokumen';
    const checks = objectOf(body, 'pemeriksaan');
    const existing: Record<string, unknown> = { ...c.pemeriksaan_dokumen };
    // A problem with one document is reported on that document (`pemeriksaan.<key>`), naming it.
    const labelOf = (key: string): string => service?.documents.find((d) => d.key === key)?.label ?? key;
    if (!checks || Object.keys(checks).length === 0) errors.pemeriksaan = 'Pilih hasil pemeriksaan paling sedikit satu dokumen.';
    else {
      for (const key in checks) {
        const check = checks[key] || {};
        const reason = String(check.alasan || '').trim();
        if (!keys.includes(key)) errors.pemeriksaan = 'Ada dokumen yang tidak diminta layanan ini.';
        else if (check.hasil !== 'sesuai' && check.hasil !== 'perlu_diganti') errors['pemeriksaan.' + key] = 'Pilih sesuai atau perlu diganti untuk ' + labelOf(key) + '.';
        else if (check.hasil === 'perlu_diganti' && reason.length < 5) errors['pemeriksaan.' + key] = 'Tulis alasan ' + labelOf(key) + ' perlu diganti (paling sedikit 5 karakter).';
        else if (reason.length > 500) errors['pemeriksaan.' + key] = 'Alasan untuk ' + labelOf(key) + ' terlalu panjang. Tulis paling banyak 500 karakter.';
        else if (unreadableText(String(check.alasan || ''), true)) errors['pemeriksaan.' + key] = UNREADABLE_MESSAGE;
        else existing[key] = { hasil: check.hasil, alasan: reason, oleh: actor.label, waktu: now.toISOString() };
      }
    }
    fields.pemeriksaan_dokumen = existing;
    change.pemeriksaan = Object.keys(checks || {});
  }
  if (aksi === 'langkah') {
    kind = 'langkah';
    change.langkah = state.langkah;
    const result = text(body, 'hasil_verifikasi');
    const visit = recordsVisitResult(ctx, state.langkah);
    if (visit && result !== 'layak' && result !== 'tidak_layak') errors.hasil_verifikasi = 'Pilih hasil kunjungan: layak atau tidak layak.';
    if (result && !visit) errors.hasil_verifikasi = 'Hasil kunjungan hanya dicatat pada langkah verifikasi lapangan.';
    else if (result) {
      if (result !== 'layak' && result !== 'tidak_layak') errors.hasil_verifikasi = 'Pilih hasil kunjungan: layak atau tidak layak.';
      fields.hasil_verifikasi = result;
      fields.tanggal_verifikasi = pbDate(now);
      if (internalNote) fields.catatan_verifikasi = internalNote;
      change.hasil_verifikasi = result;
    }
    const lat = text(body, 'lintang');
    const lng = text(body, 'bujur');
    if (lat || lng) {
      const la = Number(lat);
      const lo = Number(lng);
      if (!(la >= -90 && la <= 90 && lo >= -180 && lo <= 180) || !lat || !lng) errors.lintang = 'Lokasi GPS tidak sah. Ambil lokasi lagi atau kosongkan.';
      else fields.lokasi_kunjungan = { lintang: la, bujur: lo };
    }
    const photoProblem = db.photoProblem();
    if (photoProblem) errors.foto = photoProblem;
  }
  if (Object.keys(errors).length > 0) throw fieldRefusal(refuse, errors);
  if (submissionId) change.id_pengiriman = submissionId;
  const role = aksi === 'catatan' ? actor.roles[0] || '' : roleUsed((roles) => judge(ctx, state, roles, aksi as FlowAction).allowed, actor.roles);
  const s = byId(data.statuses, verdict.status);
  return {
    plan: {
      fields,
      status: verdict.status,
      langkah: verdict.langkah,
      publicNote,
      internalNote,
      kind,
      role,
      step: aksi === 'langkah' ? state.langkah : null,
      change,
      photos: aksi === 'langkah',
      asked: aksi === 'perbaikan' ? (fields.dokumen_perbaikan as string[]) : [],
      answer: { status: verdict.status, status_label: s ? s.label : verdict.status, langkah: verdict.langkah, ulang: false },
    },
  };
}

/** An action on a report: the plan to save, or the answer to a send already recorded. */
export function reportAction(db: CaseActionDb, data: PortalData, actor: Actor, c: CaseFile, body: Body, refuse: Refusals): ActionOutcome {
  const ctx = reportFlowOf(data, c.jenis);
  const state = stateOf(actor, c);
  const errors: Record<string, string> = {};
  const { aksi, publicNote, internalNote, submissionId } = actionInput(body, errors);
  // A malformed submission id is answered alone, before anything else is judged.
  if (errors.id_pengiriman) throw fieldRefusal(refuse, { id_pengiriman: errors.id_pengiriman });
  if (submissionId && db.earlierSend(submissionId)) return resent(data.reportStatuses, c, 0);
  const current = byId(data.reportStatuses, state.status);
  const fields: Record<string, unknown> = {};
  const change: Record<string, unknown> = {};
  let kind = 'catatan';
  let target = state.status;
  let role = actor.roles[0] || '';
  if (aksi === 'status') {
    target = text(body, 'status');
    // No choice made is a field to fill in, not a refusal of the person.
    if (!target) throw fieldRefusal(refuse, { status: 'Pilih status baru laporan.' });
    const verdict = judgeReport(ctx, state, actor.roles, target);
    if (!verdict.allowed) throw refuse.forbidden(verdict.message);
    const next = byId(data.reportStatuses, target);
    if (next && next.needsReason && publicNote.length < NOTE_MIN) errors.catatan_publik = 'Tulis alasan untuk pelapor (paling sedikit ' + NOTE_MIN + ' karakter); alasan ini tampil di halaman lacak.';
    kind = 'status';
    for (const r of actor.roles) if (judgeReport(ctx, state, [r], target).allowed) role = r;
  } else if (aksi === 'tugaskan') {
    const verdict = judgeReportTask(ctx, state, actor.roles, 'tugaskan');
    if (!verdict.allowed) throw refuse.forbidden(verdict.message);
    kind = 'penerusan';
    const person = text(body, 'ditugaskan_ke');
    if (person) {
      const p = db.staffMember(person);
      if (!p || !p.aktif) errors.ditugaskan_ke = 'Pilih petugas yang aktif.';
      fields.ditugaskan_ke = person;
    }
    const pillars = list(body, 'diteruskan_ke');
    const known = data.pilarSosial.map((x) => x.id);
    if (pillars.some((x) => !known.includes(x))) errors.diteruskan_ke = 'Pilar sosial tidak dikenal.';
    if (pillars.length > 0) fields.diteruskan_ke = pillars;
    const unit = text(body, 'unit_tujuan');
    checkNote(errors, 'unit_tujuan', unit, 0, 200, '');
    if (unit) fields.unit_tujuan = unit;
    if (!person && pillars.length === 0 && !unit) errors.ditugaskan_ke = 'Pilih orang, pilar sosial, atau tulis unit tujuan.';
    change.ditugaskan_ke = person;
    change.diteruskan_ke = pillars;
    change.unit_tujuan = unit;
  } else if (aksi === 'penanganan') {
    const verdict = judgeReportTask(ctx, state, actor.roles, 'penanganan');
    if (!verdict.allowed) throw refuse.forbidden(verdict.message);
    kind = 'perubahan_data';
    const kinds = list(body, 'penanganan');
    if (kinds.length === 0 || kinds.some((k) => !c.penanganan_pilihan.includes(k))) errors.penanganan = 'Pilih bentuk penanganan dari daftar.';
    fields.penanganan = kinds;
    change.penanganan = kinds;
  } else if (aksi === 'catatan') {
    if (current && current.closed) throw refuse.forbidden('Laporan sudah ditutup; catatan baru tidak dapat ditambahkan.');
    if (!publicNote && !internalNote) errors.catatan_internal = 'Tulis catatan untuk pelapor atau untuk petugas.';
  } else {
    throw fieldRefusal(refuse, { aksi: 'Tindakan tidak dikenal.' });
  }
  if (Object.keys(errors).length > 0) throw fieldRefusal(refuse, errors);
  if (submissionId) change.id_pengiriman = submissionId;
  const s = byId(data.reportStatuses, target);
  return {
    plan: {
      fields,
      status: target,
      langkah: 0,
      publicNote,
      internalNote,
      kind,
      role,
      step: null,
      change,
      photos: false,
      asked: [],
      answer: { status: target, status_label: s ? s.label : target, langkah: 0, ulang: false },
    },
  };
}
