// Decision letters: the public verification answer (GET /api/verifikasi/{id}) and the whole
// letter for printing (staff, and the proven applicant), and what issuing, revoking and a scan
// decide: which templates a status change issues, a letter's number and text, who may revoke and
// why not. The writes (the per-year register, the letter, its chained history entry) stay in
// pocketbase/pb_hooks/lib/surat.js.
import type { SuratLengkap, Verifikasi } from '../api/surat';
import { MONTHS } from '../format';
import type { PortalData } from '../portal-data';
import { zoneOffsetHours } from '../rules/working-time';
import { UNREADABLE_MESSAGE, unreadableText } from '../rules/text';
import type { Refusals } from './common';
import { parsePbDate } from './common';
import { fieldRefusal } from './case-actions';
import { letterRevokers } from './case-view';
import { roleLabel } from './petugas';
import type { Actor } from './workspace';

/** One stored letter, as the `surat` collection holds it (dates as PocketBase's text, `isi` as JSON text). */
export interface LetterRow extends Pick<SuratLengkap, 'id' | 'nomor' | 'judul' | 'jenis' | 'templat'> {
  tanggal: string;
  status: string;
  dicabut_pada: string;
  isi: string;
  penandatangan_peran: string;
  penandatangan_nama: string;
  pindaian: string;
  inisial: string;
}

/** The database as the verification needs it (pb_hooks/lib/surat.js). */
export interface VerifikasiDb {
  /** The letter with this id, or null. */
  letter(id: string): LetterRow | null;
}

/** The office's calendar day of `date`: { year, text: "30 November 2026" } (the hooks' engine has no Intl). */
export function officeDate(data: PortalData, date: Date): { year: number; text: string } {
  const local = new Date(date.getTime() + zoneOffsetHours(data.site.timeZone) * 3_600_000);
  return { year: local.getUTCFullYear(), text: `${local.getUTCDate()} ${MONTHS[local.getUTCMonth()]} ${local.getUTCFullYear()}` };
}

const letterDate = (data: PortalData, letter: LetterRow) => officeDate(data, new Date(letter.tanggal.replace(' ', 'T'))).text;

/** GET /api/verifikasi/{id}: only that it is genuine. The same keys, empty, for an unknown id. */
export function verifikasi(db: VerifikasiDb, data: PortalData, rawId: unknown): Verifikasi {
  const id = String(rawId || '');
  // Only an id of PocketBase's form is looked up: anything else is unknown at once.
  const letter = /^[a-z0-9]{15}$/.test(id) ? db.letter(id) : null;
  const body: Verifikasi = { ditemukan: false, nomor: null, tanggal: null, jenis: null, kantor: data.site.officeName, status: null, status_label: null, inisial: null, pesan: null };
  if (!letter) {
    body.pesan = `Dokumen dengan alamat ini tidak terdaftar di ${data.site.officeName}. Periksa alamatnya, atau tanyakan ke kantor.`;
    return body;
  }
  const revoked = letter.status === 'dicabut';
  body.ditemukan = true;
  body.nomor = letter.nomor;
  body.tanggal = letterDate(data, letter);
  body.jenis = letter.jenis;
  body.status = revoked ? 'dicabut' : 'berlaku';
  body.status_label = revoked ? 'Dicabut' : 'Berlaku';
  body.inisial = letter.inisial;
  return body;
}

/** The whole letter, for printing (staff, or the proven applicant); `kodeLacak` is its request's code. */
export function suratLengkap(letter: LetterRow, kodeLacak: string, data: PortalData): SuratLengkap {
  let isi: Partial<Pick<SuratLengkap, 'perihal' | 'paragraf' | 'tanda_tangan'>> = {};
  try {
    isi = (JSON.parse(letter.isi) as typeof isi | null) ?? {};
  } catch {
    isi = {};
  }
  const revokedAt = parsePbDate(letter.dicabut_pada);
  return {
    id: letter.id,
    nomor: letter.nomor,
    judul: letter.judul,
    jenis: letter.jenis,
    templat: letter.templat,
    tanggal: letterDate(data, letter),
    status: letter.status === 'dicabut' ? 'dicabut' : 'berlaku',
    dicabut_pada: revokedAt ? revokedAt.toISOString() : null,
    kode_lacak: kodeLacak,
    kantor: { nama: data.site.officeName, alamat: data.site.officeAddress },
    perihal: isi.perihal || '',
    paragraf: isi.paragraf || [],
    tanda_tangan: isi.tanda_tangan || [],
    penandatangan: { peran: letter.penandatangan_peran, nama: letter.penandatangan_nama },
    pindaian: letter.pindaian || null,
    verifikasi: `/verifikasi/${letter.id}`,
  };
}

type LetterTemplate = PortalData['letters'][number];

/** The templates content/letters/ names for a request of `layanan` arriving at `status` from `previous`. */
export function lettersOnStatus(data: PortalData, layanan: string, previous: string, status: string): LetterTemplate[] {
  if (status === previous) return [];
  return (data.letters || []).filter((t) => t.onStatus.includes(status) && (t.services.length === 0 || t.services.includes(layanan)));
}

/** "Sumarni Binti Kasim" → "S. B. K.": the only trace of the person on the public page. */
export function initialsOf(name: string): string {
  return String(name || '')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 5)
    .map((w) => w.charAt(0).toUpperCase() + '.')
    .join(' ');
}

const fill = (text: string, values: Record<string, string>): string => String(text).replace(/\{([a-z_]+)\}/g, (m, key: string) => (values[key] !== undefined ? values[key]! : m));
const pad = (n: number): string => {
  const s = String(n);
  return s.length >= 3 ? s : ('000' + s).slice(-3);
};

/** The request's words a letter is filled with. */
export interface LetterRequest {
  nama_lengkap: string;
  layanan: string;
  kode_lacak: string;
  catatan_publik: string;
}

/** A letter's number, initials and text (`isi`) from its template, register number, day and signatory. */
export function letterDraft(data: PortalData, t: LetterTemplate, request: LetterRequest, number: number, day: { year: number; text: string }, signer: { role: string; name: string }) {
  const service = data.services.find((s) => s.id === request.layanan);
  const values: Record<string, string> = {
    nama: request.nama_lengkap,
    layanan: service ? service.title : request.layanan,
    kode: request.kode_lacak,
    alasan: request.catatan_publik,
    tanggal: day.text,
    kantor: data.site.officeName,
    alamat_kantor: data.site.officeAddress,
  };
  return {
    nomor: fill(t.numberFormat, { nomor: pad(number), tahun: String(day.year) }),
    inisial: initialsOf(values.nama!),
    isi: {
      perihal: fill(t.subject, values),
      paragraf: t.body.map((p) => fill(p, values)),
      tanda_tangan: [{ label: signer.role, nama: signer.name }].concat(t.alsoSigns.map((a) => ({ label: a.label, nama: a.who === 'penerima' ? values.nama! : '' }))),
    },
  };
}

/**
 * POST /api/petugas/surat/{id}/cabut: whether this person may revoke the letter and with which
 * reason; the role used and the reason, or an Indonesian refusal.
 */
export function revocation(data: PortalData, actor: Actor, letter: { status: string; templat: string }, layanan: string, body: Record<string, unknown>, refuse: Refusals): { role: string; reason: string } {
  const allowed = letterRevokers(data, layanan, letter.templat);
  if (!actor.roles.some((role) => allowed.includes(role))) throw refuse.forbidden('Surat hanya dapat dicabut oleh ' + allowed.map((role) => roleLabel(data, role)).join(' atau ') + '.');
  if (letter.status === 'dicabut') throw refuse.badRequest('Surat ini sudah dicabut.');
  const reason = typeof body.alasan === 'string' ? body.alasan.trim() : '';
  if (reason.length < 10 || reason.length > 1000 || unreadableText(reason, true)) {
    const message = unreadableText(reason, true) ? UNREADABLE_MESSAGE : reason.length > 1000 ? 'Terlalu panjang. Tulis paling banyak 1000 karakter.' : 'Tulis alasan pencabutan (paling sedikit 10 karakter).';
    throw fieldRefusal(refuse, { alasan: message });
  }
  return { role: actor.roles.find((role) => allowed.includes(role))!, reason };
}

/** What is wrong with a signed scan sent: one PDF, JPG or PNG of at most 10 MB, an image readable; "" when fine. */
export function scanProblem(files: number, type: string, size: number, pixelsProblem: () => string | null): string {
  if (files !== 1) return 'Pilih satu berkas pindaian (PDF, JPG, atau PNG).';
  if (!['application/pdf', 'image/jpeg', 'image/png'].includes(type)) return 'Pindaian harus berupa berkas PDF, JPG, atau PNG.';
  if (size > 10 * 1024 * 1024) return 'Pindaian terlalu besar. Paling besar 10 MB.';
  if (type !== 'application/pdf' && pixelsProblem()) return 'Gambar pindaian tidak dapat dibaca atau terlalu besar untuk diproses.';
  return '';
}
