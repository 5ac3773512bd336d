// Decision letters: the public verification answer (GET /api/verifikasi/{id}) and the whole
// letter for printing (staff, and the proven applicant). Issuing, revoking and scans stay in
// pocketbase/pb_hooks/lib/surat.js: they are writes chained into the request's history.
import type { SuratLengkap, Verifikasi } from '../api/surat';
import { MONTHS } from '../format';
import type { PortalData } from '../portal-data';
import { zoneOffsetHours } from '../rules/working-time';
import { parsePbDate } from './common';

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
