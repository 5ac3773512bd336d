// Every rule an application must meet, as one pure function run by both the browser (before
// sending, through the zod schema in src/lib/validation/application.ts) and the PocketBase hook
// (before saving). Field names are the PocketBase field names. Messages are Indonesian and say
// how to fix the problem.
import { kkProblem, nikProblem, normaliseDigits } from './nik';
import { phoneProblem, toE164 } from './phone';
import { NAME, SUBMISSION_ID, SUBMISSION_ID_MESSAGE, UNREADABLE_MESSAGE, unreadableText } from './text';
import { imagePixelsProblem } from './image-size';

/** What a service asks of an application (from content/, exported in /data/portal.json). */
export interface ServiceRules {
  id: string;
  title: string;
  onlineApplication: boolean;
  documents: { key: string; label: string; required: boolean; accept: string[]; maxSizeMB: number }[];
  questions: { id: string; question: string; expected: 'ya' | 'tidak'; ifNot: string }[];
}

export interface ApplicationContext {
  service: ServiceRules | undefined;
  kecamatanIds: readonly string[];
  privacyNoticeVersion: string;
  /** Today in the office's time zone, YYYY-MM-DD (a birth date may not be after it). */
  today: string;
  /** The office's phone as site.yaml writes it: the example in the phone number's message. */
  officePhone?: string | undefined;
}

export const TEXT_FIELDS = [
  'layanan',
  'nama_lengkap',
  'nik',
  'nomor_kk',
  'tanggal_lahir',
  'telepon',
  'kecamatan',
  'desa_kelurahan',
  'alamat',
  'pemohon_adalah',
  'nama_pengaju',
  'hubungan',
  'persetujuan_versi',
  'id_pengiriman',
] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

export type ApplicationInput = Record<TextField, string> & { jawaban_kelayakan: Record<string, string> };

/** A chosen file as both sides see it: the browser's File, or PocketBase's upload. */
export interface FileInfo {
  size: number;
  /** Declared MIME type; empty when unknown (the server checks the content itself). */
  type: string;
  /** Pixels the file's header declares (server only, see image-size.ts): null for an unreadable image. */
  pixels?: number | null;
}

export interface ValidationResult {
  /** Field (or document key, or "kelayakan_<question id>") → message. Empty when valid. */
  errors: Record<string, string>;
  /** Normalised values to store: trimmed text, NIK/KK digits, E.164 phone. */
  value: ApplicationInput;
}


function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

const TYPE_NAMES: Record<string, string> = { 'image/jpeg': 'JPG', 'image/png': 'PNG', 'image/webp': 'WebP', 'application/pdf': 'PDF' };

/** "JPG, PNG, atau PDF". */
export function acceptedTypesText(accept: readonly string[]): string {
  const names = accept.map((a) => TYPE_NAMES[a] ?? a);
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')}, atau ${names[names.length - 1]}`;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
}

export function validateApplication(input: Partial<ApplicationInput>, files: Record<string, FileInfo | null | undefined>, ctx: ApplicationContext): ValidationResult {
  const errors: Record<string, string> = {};
  const text = (field: TextField) => String(input[field] ?? '').trim();
  const value = { ...Object.fromEntries(TEXT_FIELDS.map((f) => [f, text(f)])), jawaban_kelayakan: {} } as unknown as ApplicationInput;

  for (const field of TEXT_FIELDS) {
    const raw = String(input[field] ?? '');
    if (unreadableText(raw, field === 'alamat')) errors[field] = UNREADABLE_MESSAGE;
  }

  // Without a service that takes online applications nothing else can be checked meaningfully.
  const service = ctx.service;
  if (!service) return { errors: { layanan: 'Layanan tidak dikenal. Buka kembali halaman layanan lalu ajukan dari sana.' }, value };
  if (!service.onlineApplication) return { errors: { layanan: 'Layanan ini tidak dapat diajukan secara daring. Hubungi kantor Dinas Sosial.' }, value };

  {
    const answers = input.jawaban_kelayakan ?? {};
    for (const q of service.questions) {
      const answer = String(answers[q.id] ?? '');
      if (answer !== 'ya' && answer !== 'tidak') errors[`kelayakan_${q.id}`] = 'Jawab pertanyaan ini dengan Ya atau Tidak.';
      else if (answer !== q.expected) errors[`kelayakan_${q.id}`] = q.ifNot;
      else value.jawaban_kelayakan[q.id] = answer;
    }
  }

  const nama = value.nama_lengkap;
  if (!errors['nama_lengkap']) {
    if (nama.length === 0) errors['nama_lengkap'] = 'Tulis nama lengkap sesuai KTP.';
    else if (nama.length < 3) errors['nama_lengkap'] = 'Nama terlalu pendek. Tulis nama lengkap sesuai KTP.';
    else if (nama.length > 100) errors['nama_lengkap'] = 'Nama terlalu panjang. Tulis paling banyak 100 karakter.';
    else if (!NAME.test(nama)) errors['nama_lengkap'] = 'Nama hanya berisi huruf, spasi, titik, koma, apostrof, atau tanda hubung.';
  }

  if (!errors['nik']) {
    const problem = nikProblem(value.nik);
    if (problem) errors['nik'] = problem;
    else value.nik = normaliseDigits(value.nik);
  }
  if (!errors['nomor_kk']) {
    const problem = kkProblem(value.nomor_kk);
    if (problem) errors['nomor_kk'] = problem;
    else value.nomor_kk = normaliseDigits(value.nomor_kk);
  }

  if (!errors['tanggal_lahir']) {
    const born = value.tanggal_lahir;
    if (born.length === 0) errors['tanggal_lahir'] = 'Isi tanggal lahir sesuai KTP.';
    else if (!isIsoDate(born)) errors['tanggal_lahir'] = 'Tanggal lahir tidak sah. Periksa hari, bulan, dan tahunnya.';
    else if (born > ctx.today) errors['tanggal_lahir'] = 'Tanggal lahir tidak boleh setelah hari ini.';
    else if (born < '1900-01-01') errors['tanggal_lahir'] = 'Tahun lahir tidak mungkin sebelum 1900. Periksa kembali.';
  }

  if (!errors['telepon']) {
    const problem = phoneProblem(value.telepon, ctx.officePhone);
    if (problem) errors['telepon'] = problem;
    else value.telepon = toE164(value.telepon);
  }

  if (!errors['kecamatan'] && !ctx.kecamatanIds.includes(value.kecamatan)) errors['kecamatan'] = 'Pilih kecamatan tempat tinggal.';
  if (!errors['desa_kelurahan']) {
    if (value.desa_kelurahan.length < 2) errors['desa_kelurahan'] = 'Tulis nama desa atau kelurahan.';
    else if (value.desa_kelurahan.length > 100) errors['desa_kelurahan'] = 'Nama desa atau kelurahan terlalu panjang. Tulis paling banyak 100 karakter.';
  }
  if (!errors['alamat']) {
    if (value.alamat.length < 5) errors['alamat'] = 'Tulis alamat: nama jalan, dusun, RT/RW, atau patokan.';
    else if (value.alamat.length > 300) errors['alamat'] = 'Alamat terlalu panjang. Tulis paling banyak 300 karakter.';
  }

  if (value.pemohon_adalah !== 'diri_sendiri' && value.pemohon_adalah !== 'mewakili') {
    errors['pemohon_adalah'] = 'Pilih siapa yang mengajukan permohonan.';
  } else if (value.pemohon_adalah === 'mewakili') {
    if (!errors['nama_pengaju']) {
      if (value.nama_pengaju.length < 3) errors['nama_pengaju'] = 'Tulis nama Anda sebagai orang yang mengajukan.';
      else if (value.nama_pengaju.length > 100) errors['nama_pengaju'] = 'Nama terlalu panjang. Tulis paling banyak 100 karakter.';
      else if (!NAME.test(value.nama_pengaju)) errors['nama_pengaju'] = 'Nama hanya berisi huruf, spasi, titik, koma, apostrof, atau tanda hubung.';
    }
    if (!errors['hubungan']) {
      if (value.hubungan.length < 2) errors['hubungan'] = 'Tulis hubungan Anda dengan penerima, misalnya anak, tetangga, atau petugas desa.';
      else if (value.hubungan.length > 50) errors['hubungan'] = 'Hubungan terlalu panjang. Tulis paling banyak 50 karakter.';
    }
  } else {
    // Applying for oneself: nobody else's name is kept.
    value.nama_pengaju = '';
    value.hubungan = '';
  }

  if (value.persetujuan_versi !== ctx.privacyNoticeVersion) {
    errors['persetujuan_versi'] = 'Centang pernyataan persetujuan untuk melanjutkan.';
  }
  if (!SUBMISSION_ID.test(value.id_pengiriman)) {
    errors['id_pengiriman'] = SUBMISSION_ID_MESSAGE;
  }

  {
    const requested = new Map(service.documents.map((d) => [d.key, d]));
    for (const doc of service.documents) {
      const file = files[doc.key];
      if (!file) {
        if (doc.required) errors[doc.key] = `Unggah ${doc.label}.`;
        continue;
      }
      if (file.size === 0) errors[doc.key] = `Berkas ${doc.label} kosong. Pilih berkas lain.`;
      else if (file.size > doc.maxSizeMB * 1024 * 1024) errors[doc.key] = `Berkas ${doc.label} terlalu besar (${megabytes(file.size)}). Paling besar ${doc.maxSizeMB} MB.`;
      else if (file.type && !doc.accept.includes(file.type)) errors[doc.key] = `${doc.label} harus berupa berkas ${acceptedTypesText(doc.accept)}.`;
      else if (imagePixelsProblem(file.pixels) === 'unreadable') errors[doc.key] = `Berkas ${doc.label} bukan foto yang dapat dibaca. Pilih foto JPG atau PNG, atau berkas PDF.`;
      else if (imagePixelsProblem(file.pixels) === 'too_large') errors[doc.key] = `Gambar pada berkas ${doc.label} terlalu besar untuk diproses. Ambil ulang foto dengan resolusi lebih kecil.`;
    }
    for (const [key, file] of Object.entries(files)) {
      if (file && !requested.has(key)) errors[key] = 'Dokumen ini tidak diminta untuk layanan ini.';
    }
  }
  return { errors, value };
}
