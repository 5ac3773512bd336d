// Decision letters (pocketbase/pb_hooks/surat.pb.js, lib/surat.js): the public verification a
// letter's QR code opens, the letter for printing and the staff's changes to it. One definition
// for the hooks, the islands (Verification, Letter, Reupload's letter list) and the tests.

/** GET /api/verifikasi/{id}: only whether the document is genuine; 404 with the same keys, empty. */
export interface Verifikasi {
  ditemukan: boolean;
  nomor: string | null;
  /** The letter's date in the office's words ("3 Desember 2026"). */
  tanggal: string | null;
  jenis: string | null;
  kantor: string;
  status: 'berlaku' | 'dicabut' | null;
  status_label: string | null;
  /** The recipient's initials, never the name. */
  inisial: string | null;
  pesan: string | null;
}

/** Every key of `Verifikasi`, for the tests that check nothing else is public. */
export const VERIFIKASI_KEYS = ['ditemukan', 'inisial', 'jenis', 'kantor', 'nomor', 'pesan', 'status', 'status_label', 'tanggal'] as const satisfies readonly (keyof Verifikasi)[];
// A key added to `Verifikasi` but not to the list above fails the type check here.
const verifikasiKeysComplete: [Exclude<keyof Verifikasi, (typeof VERIFIKASI_KEYS)[number]>] extends [never] ? true : never = true;
void verifikasiKeysComplete;

/**
 * The whole letter, for printing: GET /api/petugas/surat/{id} (staff, logged like a document
 * read), and each of POST /api/lacak/{kode}/surat's `surat` (the proven applicant).
 */
export interface SuratLengkap {
  id: string;
  nomor: string;
  judul: string;
  jenis: string;
  templat: string;
  tanggal: string;
  status: 'berlaku' | 'dicabut';
  /** ISO instant, or null while in force. */
  dicabut_pada: string | null;
  kode_lacak: string;
  kantor: { nama: string; alamat: string };
  perihal: string;
  paragraf: string[];
  tanda_tangan: { label: string; nama: string }[];
  penandatangan: { peran: string; nama: string };
  /** The signed scan's stored file name (open with a file token), or null. */
  pindaian: string | null;
  /** The verification page's path, for the QR code. */
  verifikasi: string;
}

/** POST /api/lacak/{kode}/surat { bukti }. */
export interface SuratSaya {
  surat: SuratLengkap[];
}

/** POST /api/petugas/surat/{id}/cabut. */
export interface CabutSurat {
  /** Why (10 to 1000 characters); recorded in the request's history. */
  alasan: string;
}

export interface SuratDicabut {
  id: string;
  status: 'dicabut';
}

/** POST /api/petugas/surat/{id}/pindaian (multipart `pindaian`: one PDF, JPG or PNG up to 10 MB). */
export interface PindaianTerlampir {
  id: string;
  pindaian: true;
}
