// The staff workspace's API (/api/petugas/…, pocketbase/pb_hooks/petugas.pb.js): request and
// answer types, one definition for the hooks' behaviour, the workspace islands and the tests.
// Dates are ISO instants (UTC); the workspace shows them in the office's time zone.
import type { RolePower, StatusMeaning } from '../../schemas/reference';

export type CaseKind = 'permohonan' | 'laporan';
export type CaseAccess = 'semua' | 'ditugaskan' | 'tidak';

/** GET /api/petugas/saya: the signed-in staff member. */
export interface Saya {
  id: string;
  nama: string;
  email: string;
  peran: { id: string; label: string }[];
  wewenang: RolePower[];
  akses_kasus: CaseAccess;
  /** True until the first password change: the workspace shows only the change form. */
  wajib_ganti_sandi: boolean;
  kantor: { nama: string; zona: 'WIB' | 'WITA' | 'WIT'; prefiks: string };
}

/** POST /api/petugas/sandi. */
export interface GantiSandi {
  sandi_lama: string;
  sandi_baru: string;
  sandi_baru_ulang: string;
}

/** One row of a queue. */
export interface AntreanItem {
  id: string;
  jenis: CaseKind;
  kode: string;
  /** The service's title, or "Laporan: <kind>". */
  judul: string;
  /** Applicant's or recipient's name (requests); null for reports and for roles that do not see it. */
  nama: string | null;
  kecamatan: string;
  status: string;
  status_label: string;
  diajukan: string;
  batas_tahap: string | null;
  terlambat: boolean;
  /** Urgent reports (urgensi: mendesak). */
  mendesak: boolean;
  /** Number of server-computed flags (same NIK elsewhere, NIK outside the area…). */
  tanda: number;
  /** Whether the signed-in person may take the next SOP step now. */
  menunggu_saya: boolean;
  petugas_lapangan: { id: string; nama: string } | null;
}

/** GET /api/petugas/antrean?jenis=&layanan=&kecamatan=&status=&terlambat=1&jatuh_tempo=1&untuk_saya=1&mendesak=1&q=&halaman= */
export interface AntreanQuery {
  jenis?: CaseKind;
  layanan?: string;
  kecamatan?: string;
  status?: string;
  terlambat?: '1';
  /** The current stage is due today (office time): the "Batas tahap hari ini" card. */
  jatuh_tempo?: '1';
  untuk_saya?: '1';
  mendesak?: '1';
  /** Tracking code, NIK, name or phone; spaces, dashes, lower case and 0/+62 are all fine. */
  q?: string;
  halaman?: number;
}

export interface Antrean {
  total: number;
  halaman: number;
  jumlah_halaman: number;
  per_halaman: number;
  item: AntreanItem[];
  /** What the filters may choose from (for this person). */
  pilihan: {
    layanan: { id: string; label: string }[];
    kecamatan: { id: string; label: string }[];
    status: { id: string; label: string; jenis: CaseKind }[];
  };
}

/** GET /api/petugas/hari-ini: the first screen. */
export interface HariIni {
  kartu: { kunci: 'baru' | 'jatuh_tempo' | 'terlambat' | 'laporan_mendesak' | 'menunggu_saya' | 'kunjungan'; label: string; jumlah: number; query: AntreanQuery }[];
  /** Open urgent reports, oldest first (danger first). */
  mendesak: AntreanItem[];
  /** What waits for the signed-in person, oldest first (at most 20). */
  menunggu_saya: AntreanItem[];
}

export interface Tanda {
  kunci: 'nik_layanan_sama' | 'nik_luar_wilayah' | 'beberapa_layanan';
  pesan: string;
  /** Other requests it points at (codes the person may open). */
  terkait: { id: string; kode: string; judul: string; status_label: string }[];
}

export interface DokumenKasus {
  kunci: string;
  label: string;
  wajib: boolean;
  /** Stored file name (open with a file token), or null when not sent. */
  berkas: string | null;
  pemeriksaan: { hasil: 'sesuai' | 'perlu_diganti'; alasan: string; oleh: string; waktu: string } | null;
  /** Asked to be replaced in the current repair. */
  diminta_ulang: boolean;
  /** Files this one replaced (a re-upload by the applicant or an administrator), newest first; kept until the request closes. */
  versi: { id: string; berkas: string; waktu: string; oleh: string }[];
}

export interface LangkahKasus {
  indeks: number;
  tahap: string;
  tahap_label: string;
  kegiatan: string;
  jenis: 'start' | 'process' | 'decision' | 'end';
  peran: { id: string; label: string }[];
  /** Who recorded it and when, or null while it is to be done. */
  dicatat: { oleh: string; waktu: string } | null;
  sekarang: boolean;
}

export interface RiwayatKasus {
  waktu: string;
  jenis: string;
  status_label: string;
  oleh: string;
  catatan_publik: string;
  /** Empty for roles that do not see internal notes. */
  catatan_internal: string;
  /** For a recorded SOP step (`jenis` langkah): its index in `Kasus.langkah`; otherwise null. */
  langkah: number | null;
}

/** An action this person may take now, with what it needs (the workspace asks for exactly that). */
export interface AksiTersedia {
  aksi: Aksi;
  label: string;
  /** For `langkah`: the SOP's words for the step being recorded. */
  keterangan: string;
  perlu: ('catatan_publik' | 'alasan' | 'dokumen_perbaikan' | 'petugas_lapangan' | 'hasil_verifikasi' | 'pemeriksaan' | 'status' | 'penerusan' | 'penanganan')[];
  /** For a status change of a report: where it may go (`menutup`: the report is closed for good). */
  tujuan?: { id: string; label: string; perlu_alasan: boolean; menutup: boolean }[];
  /** Reports: the choices of `penerusan` (social pillars) and of `penanganan` (forms of handling). */
  pilihan?: { id: string; label: string }[];
}

export type Aksi = 'langkah' | 'perbaikan' | 'lanjutkan' | 'tolak' | 'batal' | 'tugaskan' | 'buka-kembali' | 'periksa-dokumen' | 'catatan' | 'status' | 'penanganan';

/** GET /api/petugas/kasus/{jenis}/{id} */
/** A letter issued on the request (content/letters/), printable at /surat/?id=…. */
export interface SuratKasus {
  id: string;
  nomor: string;
  judul: string;
  status: 'berlaku' | 'dicabut';
  tanggal: string;
  boleh_cabut: boolean;
  /** The signed scan attached by staff (open with a file token), or null. */
  pindaian: string | null;
}

export interface Kasus {
  /** Letters issued on this request (empty for a report, and for a field worker). */
  surat: SuratKasus[];
  id: string;
  jenis: CaseKind;
  kode: string;
  judul: string;
  layanan: string | null;
  status: { id: string; label: string; meaning: StatusMeaning | null; ditutup: boolean };
  diajukan: string;
  batas_tahap: string | null;
  terlambat: boolean;
  /** A decided request: changes need a reasoned reopening by the deciding role. */
  disegel: boolean;
  /** Applicant/recipient (requests) or reporter (reports); fields the role may not see are null. */
  orang: {
    nama: string | null;
    nik: string | null;
    nomor_kk: string | null;
    tanggal_lahir: string | null;
    telepon: string | null;
    kecamatan: string;
    desa_kelurahan: string | null;
    alamat: string | null;
    pemohon_adalah: string | null;
    nama_pengaju: string | null;
    hubungan: string | null;
    /** The applicant's NIK when someone else applied and the service asks for it. */
    nik_pengaju: string | null;
  };
  /** Reports: what was reported. */
  laporan: { urgensi: 'biasa' | 'mendesak'; deskripsi: string | null; patokan: string | null; lintang: number | null; bujur: number | null; anonim: boolean; diteruskan_ke: string[]; diteruskan_label: string[]; unit_tujuan: string; penanganan: string[]; penanganan_label: string[]; foto: string[] } | null;
  kelayakan: { pertanyaan: string; jawaban: string; diharapkan: string; sesuai: boolean }[];
  dokumen: DokumenKasus[];
  petugas_lapangan: { id: string; nama: string } | null;
  verifikasi: { hasil: 'layak' | 'tidak_layak' | null; tanggal: string | null; catatan: string | null; foto: string[]; lintang: number | null; bujur: number | null } | null;
  langkah: LangkahKasus[];
  riwayat: RiwayatKasus[];
  tanda: Tanda[];
  aksi: AksiTersedia[];
  /** A map link to the place (GPS for reports, the address otherwise). */
  peta: string | null;
  /** Messages to the applicant or reporter about this case, newest first (lib/notify.js). */
  pesan: PesanItem[];
}

/** POST /api/petugas/kasus/{jenis}/{id}/aksi (JSON, or multipart when photos are sent). */
export interface AksiPermintaan {
  aksi: Aksi;
  /** To the applicant; starts empty for every action. Required (≥ 10 characters) to refuse, cancel or ask for a repair. */
  catatan_publik?: string;
  /** Among staff only. */
  catatan_internal?: string;
  /** Why a decided request is reopened (≥ 10 characters). */
  alasan?: string;
  dokumen_perbaikan?: string[];
  petugas_lapangan?: string;
  pemeriksaan?: Record<string, { hasil: 'sesuai' | 'perlu_diganti'; alasan?: string }>;
  hasil_verifikasi?: 'layak' | 'tidak_layak';
  lintang?: number;
  bujur?: number;
  /** Makes a retried send (a field visit or report status sent again after the connection returned) idempotent. */
  id_pengiriman?: string;
  /** Reports: the status to move to. */
  status?: string;
  /** Reports: forwarding to a named person, social pillars, and a unit without an account. */
  ditugaskan_ke?: string;
  diteruskan_ke?: string[];
  unit_tujuan?: string;
  penanganan?: string[];
}

/** The answer to an action: where the case is now. */
export interface AksiJawaban {
  status: string;
  status_label: string;
  langkah: number;
  /** The action had already been recorded (same id_pengiriman). */
  ulang: boolean;
}

/** GET /api/petugas/lapangan: the field worker's visits. */
export interface Kunjungan {
  id: string;
  jenis: CaseKind;
  kode: string;
  judul: string;
  nama: string | null;
  telepon: string | null;
  kecamatan: string;
  desa_kelurahan: string | null;
  alamat: string | null;
  peta: string | null;
  /** The step to record there (requests), or what the resident reported (reports). */
  kegiatan: string;
  /** Whether this step records a verification result (layak / tidak layak). */
  perlu_hasil: boolean;
  batas_tahap: string | null;
  terlambat: boolean;
  /** Urgent reports (urgensi: mendesak); false for requests. */
  mendesak: boolean;
  /** Reports: the status changes this person may record (as `AksiTersedia.tujuan`); empty for requests. */
  tujuan: { id: string; label: string; perlu_alasan: boolean }[];
}

/** GET /api/petugas/rekan?kasus=&jenis=: who may be assigned, suggested by kecamatan first. */
export interface Rekan {
  id: string;
  nama: string;
  peran: string;
  kecamatan: string[];
  disarankan: boolean;
}

/** GET /api/petugas/log-akses?halaman= (roles with `log-akses`). */
export interface LogAkses {
  total: number;
  halaman: number;
  jumlah_halaman: number;
  item: { waktu: string; oleh: string; kode: string; jenis: CaseKind; dokumen: string; ditolak: boolean }[];
}

/** GET /api/petugas/ekspor/iku?tahun= (roles with `ekspor`): the key indicators (IKU) of a year, from pocketbase/pb_hooks/lib/lakin.js. */
export interface Iku {
  tahun: number;
  indikator: {
    kunci: string;
    label: string;
    /** What the numerator and the denominator count, in the server's words. */
    label_pembilang: string;
    label_penyebut: string;
    /** Persons served (a NIK counts once; a report about a PPKS is one person). */
    pembilang: number;
    /** Persons whose case was decided: served or refused. */
    penyebut: number;
    /** pembilang ÷ penyebut × 100, two decimals; null when nothing was decided that year. */
    nilai: number | null;
  }[];
  /** How persons are counted, in the server's words. */
  catatan: string;
}

/**
 * The error body of every refused call: `message`, plus per-field messages in `data`. A document
 * check (`periksa-dokumen`) reports a problem with one document as `pemeriksaan.<document key>`.
 */
export interface Penolakan {
  status: number;
  message: string;
  data: Record<string, { code: string; message: string }>;
}

/** One message of the "Belum terhubungi" queue (GET /api/petugas/pesan; lib/notify.js). */
export interface PesanItem {
  id: string;
  kasus: { jenis: CaseKind; id: string; kode: string };
  peristiwa: 'diterima' | 'perbaikan' | 'kunjungan' | 'diputus' | 'selesai' | 'survei';
  saluran: 'whatsapp' | 'sms' | 'email';
  status: 'gagal' | 'tidak_pasti' | 'manual' | 'dikirim_petugas' | 'menunggu' | 'mengirim' | 'terkirim';
  status_label: string;
  teks: string;
  /** The number as 0812-…, or the email address. */
  tujuan: string;
  /** wa.me link with the message's text (phone numbers only). */
  wa_me: string | null;
  /** sms: link with the text, when the person chose SMS. */
  sms: string | null;
  mailto: string | null;
  percobaan: number;
  galat: string;
  dibuat: string | null;
  /** When the provider took it, or staff recorded sending it. */
  terkirim: string | null;
  /** The staff member who sent it by their own WhatsApp. */
  dikirim_oleh: string | null;
}

export interface PesanAntrean {
  items: PesanItem[];
}

/**
 * The query of the LAKIN exports: GET /api/petugas/ekspor/lakin.csv?tahun= and …/ekspor/iku?tahun=
 * (roles with `ekspor`), and GET /api/lakin/ekspor?tahun= (superusers). The year 2000 to 2100,
 * this year when left out. lakin.csv answers text/csv as `lakin-<tahun>.csv`; iku answers `Iku`.
 */
export interface EksporQuery {
  tahun?: number;
}
