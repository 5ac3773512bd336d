// Every rule an application must meet, as one pure function run by both the browser (before
// sending, through src/lib/validation/application.ts) and the PocketBase hook
// (before saving). Field names are the PocketBase field names. Messages are Indonesian and say
// how to fix the problem.
import { kkProblem, nikProblem, normaliseDigits } from './nik';
import { phoneProblem, toE164 } from './phone';
import { NAME, SUBMISSION_ID, SUBMISSION_ID_MESSAGE, UNREADABLE_MESSAGE, unreadableText } from './text';
import { imagePixelsProblem } from './image-limit';
import { APPLICANT_ROLE_IDS, DEFAULT_IDENTITY, documentNeed, type IdentityRules, type PersonDocument } from './applicant';

/** What a service asks of an application (from content/, exported in /data/portal.json). */
export interface ServiceRules {
  id: string;
  title: string;
  /** Takes applications now: online in content/ and, for a draft, switched on (src/lib/service-rules.ts). */
  onlineApplication: boolean;
  /** A draft (rancangan): the service or its SOP is not adopted yet; every page naming it says so. */
  draft?: boolean;
  documents: (PersonDocument & { label: string; accept: string[]; maxSizeMB: number })[];
  questions: { id: string; question: string; expected: 'ya' | 'tidak'; ifNot: string }[];
  /** Identity data asked of the recipient and of an applicant who is someone else (default: DEFAULT_IDENTITY). */
  identity?: IdentityRules | undefined;
  /** Roles that may apply (ids of APPLICANT_ROLES); all when absent. */
  applicants?: string[] | undefined;
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
  'nik_pengaju',
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

/**
 * What is wrong with one chosen document file, or undefined: the same words for the application
 * form, its server check and a re-upload asked for by staff (lacak/unggah-ulang).
 */
export function documentFileProblem(doc: ServiceRules['documents'][number], file: FileInfo): string | undefined {
  if (file.size === 0) return `Berkas ${doc.label} kosong. Pilih berkas lain.`;
  if (file.size > doc.maxSizeMB * 1024 * 1024) return `Berkas ${doc.label} terlalu besar (${megabytes(file.size)}). Paling besar ${doc.maxSizeMB} MB.`;
  if (file.type && !doc.accept.includes(file.type)) return `${doc.label} harus berupa berkas ${acceptedTypesText(doc.accept)}.`;
  if (imagePixelsProblem(file.pixels) === 'unreadable') return `Berkas ${doc.label} bukan foto yang dapat dibaca. Pilih foto JPG atau PNG, atau berkas PDF.`;
  if (imagePixelsProblem(file.pixels) === 'too_large') return `Gambar pada berkas ${doc.label} terlalu besar untuk diproses. Ambil ulang foto dengan resolusi lebih kecil.`;
  return undefined;
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
    if (nama.length === 0) errors['nama_lengkap'] = 'Tulis nama lengkap penerima layanan.';
    else if (nama.length < 3) errors['nama_lengkap'] = 'Nama terlalu pendek. Tulis nama lengkap penerima sesuai KTP, KIA, atau akta kelahiran.';
    else if (nama.length > 100) errors['nama_lengkap'] = 'Nama terlalu panjang. Tulis paling banyak 100 karakter.';
    else if (!NAME.test(nama)) errors['nama_lengkap'] = 'Nama hanya berisi huruf, spasi, titik, koma, apostrof, atau tanda hubung.';
  }

  const identity = service.identity ?? DEFAULT_IDENTITY;
  // Each identity item: empty is fine where the service does not require it, and dropped where
  // it does not ask for it; a value given is checked all the same.
  const idNumber = (field: 'nik' | 'nomor_kk' | 'nik_pengaju', need: string, problemOf: (v: string) => string | null) => {
    if (errors[field]) return;
    if (need === 'tidak_diminta' || (need === 'tidak_wajib' && value[field].length === 0)) {
      value[field] = need === 'tidak_diminta' ? '' : value[field];
      return;
    }
    const problem = problemOf(value[field]);
    if (problem) errors[field] = problem;
    else value[field] = normaliseDigits(value[field]);
  };
  idNumber('nik', identity.penerima.nik, nikProblem);
  idNumber('nomor_kk', identity.penerima.nomor_kk, kkProblem);

  if (!errors['tanggal_lahir']) {
    const born = value.tanggal_lahir;
    const need = identity.penerima.tanggal_lahir;
    if (need === 'tidak_diminta') value.tanggal_lahir = '';
    else if (born.length === 0) {
      if (need === 'wajib') errors['tanggal_lahir'] = 'Isi tanggal lahir penerima sesuai KTP, KIA, akta kelahiran, atau KK.';
    } else if (!isIsoDate(born)) errors['tanggal_lahir'] = 'Tanggal lahir tidak sah. Periksa hari, bulan, dan tahunnya.';
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

  const roles = service.applicants ?? APPLICANT_ROLE_IDS;
  if (!(APPLICANT_ROLE_IDS as readonly string[]).includes(value.pemohon_adalah)) {
    errors['pemohon_adalah'] = 'Pilih siapa yang mengajukan permohonan.';
  } else if (!(roles as readonly string[]).includes(value.pemohon_adalah)) {
    errors['pemohon_adalah'] = 'Layanan ini tidak dapat diajukan oleh pihak tersebut. Pilih yang lain, atau tanyakan ke kantor Dinas Sosial.';
  } else if (value.pemohon_adalah !== 'diri_sendiri') {
    if (!errors['nama_pengaju']) {
      if (value.nama_pengaju.length < 3) errors['nama_pengaju'] = 'Tulis nama Anda sebagai orang yang mengajukan.';
      else if (value.nama_pengaju.length > 100) errors['nama_pengaju'] = 'Nama terlalu panjang. Tulis paling banyak 100 karakter.';
      else if (!NAME.test(value.nama_pengaju)) errors['nama_pengaju'] = 'Nama hanya berisi huruf, spasi, titik, koma, apostrof, atau tanda hubung.';
    }
    // For relatives and neighbours the relationship says who they are; the other roles say it themselves.
    const relationRequired = value.pemohon_adalah === 'mewakili';
    if (!errors['hubungan']) {
      if (relationRequired && value.hubungan.length < 2) errors['hubungan'] = 'Tulis hubungan Anda dengan penerima, misalnya anak, kakak, atau tetangga.';
      else if (value.hubungan.length > 50) errors['hubungan'] = 'Hubungan terlalu panjang. Tulis paling banyak 50 karakter.';
    }
    idNumber('nik_pengaju', identity.pengaju.nik, (v) => nikProblem(v)?.replace('Isi NIK', 'Isi NIK Anda') ?? null);
  }
  if (value.pemohon_adalah === 'diri_sendiri' || errors['pemohon_adalah']) {
    // Applying for oneself: nobody else's name or number is kept.
    value.nama_pengaju = '';
    value.hubungan = '';
    value.nik_pengaju = '';
  }

  if (value.persetujuan_versi !== ctx.privacyNoticeVersion) {
    errors['persetujuan_versi'] = 'Centang pernyataan persetujuan untuk melanjutkan.';
  }
  if (!SUBMISSION_ID.test(value.id_pengiriman)) {
    errors['id_pengiriman'] = SUBMISSION_ID_MESSAGE;
  }

  {
    const requested = new Map(service.documents.map((d) => [d.key, d]));
    const who = { pemohon_adalah: value.pemohon_adalah, tanggal_lahir: errors['tanggal_lahir'] ? '' : value.tanggal_lahir };
    for (const doc of service.documents) {
      const file = files[doc.key];
      const need = documentNeed(doc, who, ctx.today);
      if (need === 'tidak_diminta') {
        if (file) errors[doc.key] = doc.of === 'pengaju' ? `${doc.label} hanya diminta bila permohonan diajukan oleh orang lain. Hapus berkas ini.` : `${doc.label} tidak diminta untuk penerima seusia ini. Hapus berkas ini.`;
        continue;
      }
      if (!file) {
        if (need === 'wajib') errors[doc.key] = `Unggah ${doc.label}.`;
        continue;
      }
      const problem = documentFileProblem(doc, file);
      if (problem) errors[doc.key] = problem;
    }
    for (const [key, file] of Object.entries(files)) {
      if (file && !requested.has(key)) errors[key] = 'Dokumen ini tidak diminta untuk layanan ini.';
    }
  }
  return { errors, value };
}
