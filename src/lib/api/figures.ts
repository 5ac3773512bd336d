// The public figures' API (src/lib/server/statistik.ts and progres.ts): GET /api/statistik for
// /kinerja/ and GET /api/progres for /progres/. One definition for the hooks' logic, the islands
// and the tests.
// No figure rests on fewer than `ambang` records: a withheld one is null and named in the
// nearest `disembunyikan` with its reason (src/lib/rules/disclosure.ts).
import type { HiddenReason } from '../rules/disclosure';
import type { IkmResult } from '../rules/ikm';

/** Why a figure is withheld: too few items, or it would give such a figure away by subtraction. */
export type { HiddenReason };
/** Keyed by field ("total", "per_status.selesai", "ikm", …). */
export type Hidden = Partial<Record<string, HiddenReason>>;
export type Counts = Record<string, number | null>;

/**
 * An IKM as the API publishes it: src/lib/rules/ikm.ts's result, with the per-unsur NRR
 * (Permenpan RB 14/2017 reports them; each rests on the same ≥ `ambang` answers as the index).
 */
export type PublishedIkm = IkmResult;

/** One service's applications. */
export interface ServiceFigures {
  layanan: string;
  judul: string;
  total: number | null;
  per_status: Counts;
  selesai: number | null;
  median_hari_kerja: number | null;
  standar_hari_kerja: number | null;
  /** The SOP's total officers' working time, in minutes; null when the SOP fixes none. */
  standar_menit: number | null;
  persen_dalam_standar: number | null;
  disembunyikan: Hidden;
}

export interface ReportTypeFigures {
  jenis: string;
  label: string;
  total: number | null;
  per_status: Counts;
  disembunyikan: Hidden;
}

export interface SurveyFigures {
  layanan: string;
  judul: string;
  ikm: PublishedIkm | null;
  populasi: number | null;
  sampel_minimum: number | null;
  disembunyikan: Hidden;
}

/** GET /api/statistik. */
export interface Statistik {
  /** When the figures were computed (ISO instant); at most a minute old. */
  diperbarui: string;
  /** The smallest count published. */
  ambang: number;
  permohonan: { total: number | null; per_layanan: ServiceFigures[]; per_status: Counts; disembunyikan: Hidden };
  laporan: { total: number | null; per_jenis: ReportTypeFigures[]; disembunyikan: Hidden };
  ikm: { keseluruhan: PublishedIkm | null; populasi: number | null; sampel_minimum: number | null; per_layanan: SurveyFigures[]; disembunyikan: Hidden };
}

/**
 * One row of GET /api/progres: a group of at least `ambang` requests or reports of one kind,
 * kecamatan (or "Beberapa kecamatan"), status and week. These seven fields and nothing else are
 * ever shown; the board never holds a single record.
 */
export interface BoardItem {
  jenis: 'permohonan' | 'laporan';
  jenis_label: string;
  kecamatan: string;
  /** Monday of the week the requests or reports came in. */
  minggu: string;
  status_label: string;
  selesai: boolean;
  jumlah: number;
}

/** GET /api/progres?jenis=&kecamatan=&status=&halaman= */
export interface Progres {
  /** The last day the daily batch holds (YYYY-MM-DD). */
  data_sampai: string;
  /** The smallest group published. */
  ambang: number;
  total: number;
  jumlah_baris: number;
  halaman: number;
  jumlah_halaman: number;
  per_halaman: number;
  /** The filters as the server understood them (unknown values dropped). */
  filter: { jenis: string; kecamatan: string; status: string };
  per_jenis: Record<string, number>;
  per_kecamatan: Record<string, number>;
  per_status: Record<string, number>;
  /** Requests and reports in no row; null when 1 to ambang − 1 (then not said exactly). */
  tidak_ditampilkan: number | null;
  disembunyikan: Hidden;
  items: BoardItem[];
}
