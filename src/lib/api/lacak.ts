// The public routes under /api/lacak/{kode}: the tracking answer, the satisfaction survey, the
// applicant's proof, the re-upload of documents and the applicant's letters. One definition for
// the hooks' logic (src/lib/server/, bundled into pocketbase/pb_hooks/lib/server.generated.js),
// the islands and the tests. Every route answers with these keys only: never a name, NIK, KK,
// phone, address, file or internal note (the tests check the key lists below).
import type { StatusMeaning } from '../../schemas/reference';
import type { RESPONDENT_FIELDS } from '../rules/ikm';
import type { ProofKind } from '../rules/proof';

/** One SOP stage of GET /api/lacak/{kode}. */
export interface TahapLacak {
  status: string;
  label: string;
  /** The SOP's standard time for the stage, in working minutes. */
  menit_standar: number;
  /** false when the SOP does not fix the stage's time: no due date, never late. */
  waktu_tetap: boolean;
  /** When the stage was reached and left (ISO instants), null while not. */
  mulai: string | null;
  selesai: string | null;
  /** Due (ISO instant) for a timed stage once reached; null otherwise. */
  batas: string | null;
  terlambat: boolean;
}

/** One public history entry: a status change, a recorded step or a note to the applicant. */
export interface RiwayatLacak {
  waktu: string;
  status: string;
  status_arti: StatusMeaning | null;
  status_label: string;
  catatan: string;
}

/** GET /api/lacak/{kode}: 200 when found, 404 with the same keys (empty) when not. */
export interface Lacak {
  /** The code as the server normalised it; null when it is no valid code. */
  kode: string | null;
  ditemukan: boolean;
  /** The service's title ("(rancangan)" for a draft service), or "Laporan: <kind>". */
  layanan: string | null;
  diajukan: string | null;
  /** The applicant's role (e.g. "Orang tua atau wali"), never a name; null for reports. */
  diajukan_oleh: string | null;
  status: string | null;
  /** What the status means (content/reference/statuses.yaml `meaning`), null for a working stage. */
  status_arti: StatusMeaning | null;
  status_label: string | null;
  status_keterangan: string | null;
  selesai: boolean;
  /** Served and closed: the survey may be offered (GET /api/lacak/{kode}/survei checks the rest). */
  dapat_dinilai: boolean;
  dalam_waktu_standar: boolean | null;
  /** Working days from receipt to the result (content expectedTime); null for a report. */
  perkiraan_hari_kerja: { min: number; maks: number } | null;
  tahapan: TahapLacak[];
  riwayat: RiwayatLacak[];
  /** Labels of the documents to send again, while the request waits for a repair. */
  dokumen_perbaikan: string[];
  /** Letters were issued on this request: the applicant opens them after the proof. */
  ada_surat: boolean;
  /** Why nothing was found, in the API's own words; null when found. */
  pesan: string | null;
}

/** Every key of `Lacak`, for the tests that check nothing else reaches the public. */
export const LACAK_KEYS = [
  'ada_surat', 'dalam_waktu_standar', 'dapat_dinilai', 'diajukan', 'diajukan_oleh', 'ditemukan', 'dokumen_perbaikan', 'kode', 'layanan',
  'perkiraan_hari_kerja', 'pesan', 'riwayat', 'selesai', 'status', 'status_arti', 'status_keterangan', 'status_label', 'tahapan',
] as const satisfies readonly (keyof Lacak)[];
// A key added to `Lacak` but not to the list above fails the type check here.
const lacakKeysComplete: [Exclude<keyof Lacak, (typeof LACAK_KEYS)[number]>] extends [never] ? true : never = true;
void lacakKeysComplete;

/** Why a code may not rate its request now (GET and POST /api/lacak/{kode}/survei). */
export type AlasanSurvei = 'kode_kosong' | 'tidak_ditemukan' | 'belum_selesai' | 'tidak_dilayani' | 'kedaluwarsa' | 'sudah_diisi';

/** GET /api/lacak/{kode}/survei: may this code rate its request now? */
export interface SurveiCek {
  kode: string | null;
  dapat_diisi: boolean;
  alasan: AlasanSurvei | null;
  pesan: string | null;
  /** The service's (or report kind's) public name, when the code was found. */
  layanan: string | null;
}

/**
 * POST /api/lacak/{kode}/survei (form or JSON): the nine unsur u1…u9 (1 to 4), the respondent's
 * fields (src/lib/rules/ikm.ts RESPONDENT_FIELDS) and the suggestion. Values arrive as text from a
 * form; the server validates them with src/lib/rules/ikm.ts validateSurvey.
 */
export type SurveiKirim = Record<`u${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9}`, string | number> &
  Partial<Record<(typeof RESPONDENT_FIELDS)[number]['id'], string>> & { saran?: string };

/** The answer to a stored survey: its id and nothing else. A refusal is a 400 with `kode_lacak` or unsur errors. */
export interface SurveiTerkirim {
  id: string;
}

/** POST /api/lacak/{kode}/bukti: the applicant proves it is them. */
export interface BuktiPermintaan {
  bukti_jenis: ProofKind;
  bukti_nilai: string;
}

/** A document the proven applicant is asked for. */
export interface DokumenDiminta {
  kunci: string;
  label: string;
  /** MIME types accepted. */
  jenis_berkas: string[];
  ukuran_maks_mb: number;
}

/** The answer to a good proof: a short-lived token (sent in the body of the next calls, never in an address). */
export interface Bukti {
  token: string;
  berlaku_sampai: string;
  dokumen: DokumenDiminta[];
}

/**
 * POST /api/lacak/{kode}/unggah (multipart): `bukti` (the token), `id_pengiriman` (idempotency)
 * and one file per asked document key. The answer: where the request is now.
 */
export interface Unggah {
  status: string;
  /** Absent on a repeated send (`ulang`: the same id_pengiriman was already recorded). */
  status_label?: string;
  ulang: boolean;
}

/** POST /api/lacak/{kode}/surat { bukti }: the applicant's letters, as `SuratLengkap` (src/lib/api/surat.ts). */
export interface SuratSayaPermintaan {
  bukti: string;
}
