// Shared test data for applications: the vectors in tests/vectors/permohonan.json, the
// rules context built from content/ (as the build does for portal.json), and real files.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { acceptsApplications, serviceRules } from '../../src/lib/service-rules';
import { documentNeed } from '../../src/lib/rules/applicant';
import type { ApplicationContext, ApplicationInput, FileInfo } from '../../src/lib/rules/application';
import { loadContent } from './content';
import { png } from './images';

const content = loadContent();
const types = new Map(content.documentTypes.map((d) => [d.id, d.data]));
const site = content.site[0]!.data;
export const PRIVACY_VERSION = site.privacyNoticeVersion;

export function contextFor(serviceId: string, today = '2026-11-23'): ApplicationContext {
  const service = content.services.find((s) => s.id === serviceId);
  return {
    service: service ? serviceRules(service.id, service.data, types, content.sops.find((s) => s.id === service.data.sop)?.data) : undefined,
    kecamatanIds: content.kecamatan.map((k) => k.id),
    privacyNoticeVersion: PRIVACY_VERSION,
    today,
    officePhone: site.phone,
  };
}

const byOrder = <T extends { id: string; data: { order: number } }>(list: readonly T[]) => [...list].sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id));

/**
 * Who applies in the vectors' base (tests/vectors/permohonan.json): an adult recipient for
 * themself. Only the documents asked of such an application are sent (a KIA for an adult, or a
 * guardian's KTP, is refused).
 */
const VECTOR_PERSON = { pemohon_adalah: 'diri_sendiri', tanggal_lahir: '1980-07-05' };
const VECTOR_TODAY = '2026-11-23';
const askedOfVectorPerson = (d: Parameters<typeof documentNeed>[0]) => documentNeed(d, VECTOR_PERSON, VECTOR_TODAY) !== 'tidak_diminta';

/**
 * The service the application vectors are for, from the content under test: the first one (by
 * order) that takes applications (online and published), from the recipient themself, and asks
 * them for a document as a JPEG photo.
 */
export const VECTOR_SERVICE = (() => {
  const sops = new Map(content.sops.map((s) => [s.id, s.data]));
  const service = byOrder(content.services).find(
    (s) =>
      acceptsApplications(s.data, sops.get(s.data.sop)) &&
      (!s.data.applicants || s.data.applicants.includes('diri_sendiri')) &&
      s.data.documents.some((d) => d.required && askedOfVectorPerson(d) && types.get(d.key)?.accept.includes('image/jpeg')),
  );
  if (!service) throw new Error('Konten tidak punya layanan daring yang meminta foto dokumen: vektor permohonan tidak dapat diuji.');
  return service;
})();

/** The documents VECTOR_SERVICE asks of the vectors' base applicant, in the service's order. */
export const VECTOR_DOCUMENTS = VECTOR_SERVICE.data.documents.filter(askedOfVectorPerson);

/** The document the vectors break (@document): the service's first required one that takes JPEG photos. */
export const VECTOR_DOCUMENT = (() => {
  const key = VECTOR_DOCUMENTS.find((d) => d.required && types.get(d.key)!.accept.includes('image/jpeg'))!.key;
  return { key, ...types.get(key)! };
})();

/** The sample service's last document that takes a PDF (Bangka: the letter of application), sent as one; undefined when none does. */
export const PDF_DOCUMENT = [...VECTOR_DOCUMENTS].reverse().find((d) => types.get(d.key)!.accept.includes('application/pdf'))?.key;

/** What the vectors' @-words stand for in the content under test (tests/vectors/permohonan.json). */
function vectorTokens(): Record<string, string> {
  const service = VECTOR_SERVICE.data;
  const document = VECTOR_DOCUMENT.key;
  const asked = new Set(service.documents.map((d) => d.key));
  const question = service.eligibility.questions[0];
  return {
    '@region': site.region.code.replace('.', ''),
    '@service': VECTOR_SERVICE.id,
    '@kecamatan': content.kecamatan[0]!.id,
    '@question': question?.id ?? '',
    '@wrongAnswer': question?.expected === 'ya' ? 'tidak' : 'ya',
    '@document': document,
    '@documentMaxBytes': String(Math.round(types.get(document)!.maxSizeMB * 1024 * 1024)),
    '@otherDocument': content.documentTypes.find((d) => !asked.has(d.id))?.id ?? '',
    '@notOnlineService': content.services.find((s) => !s.data.onlineApplication)?.id ?? '',
  };
}

export interface ApplicationCase {
  name: string;
  input: ApplicationInput;
  files: Record<string, FileInfo | null>;
  errors: string[];
}

/** A file in the vectors; its size may be "@documentMaxBytes" or "@documentMaxBytes+1". */
type RawFile = { size: number | string; type: string } | null;

interface RawVectors {
  base: Record<string, string>;
  answers: Record<string, string>;
  files: Record<string, RawFile>;
  cases: { name: string; text?: Record<string, string>; answers?: Record<string, string | null>; files?: Record<string, RawFile>; errors: string[] }[];
}

function expand(value: string, tokens: Record<string, string>): string {
  if (value === '@privacyNoticeVersion') return PRIVACY_VERSION;
  if (value === '@unique') return randomUUID();
  const m = value.match(/^@repeat:(.):(\d+)$/);
  if (m) return m[1]!.repeat(Number(m[2]));
  // Longest first, so @documentMaxBytes is not read as @document.
  return Object.keys(tokens)
    .sort((a, b) => b.length - a.length)
    .reduce((text, token) => text.split(token).join(tokens[token]!), value);
}

export function applicationVectors(): ApplicationCase[] {
  const raw = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '..', 'vectors', 'permohonan.json'), 'utf8')) as RawVectors;
  const tokens = vectorTokens();
  const service = VECTOR_SERVICE.data;
  // The base answers every question as expected and sends every document asked of it in a type it takes: a
  // JPEG where it takes one, except PDF_DOCUMENT, sent as a PDF, so both kinds go through.
  const baseAnswers = Object.fromEntries(service.eligibility.questions.map((q) => [q.id, q.expected]));
  const typeFor = (key: string) => {
    const accept = types.get(key)!.accept;
    return key === PDF_DOCUMENT ? 'application/pdf' : accept.includes('image/jpeg') ? 'image/jpeg' : accept[0]!;
  };
  const baseFiles: Record<string, RawFile> = Object.fromEntries(VECTOR_DOCUMENTS.map((d) => [d.key, { size: 20000, type: typeFor(d.key) }]));
  const keysOf = <V>(o: Record<string, V> | undefined) => Object.fromEntries(Object.entries(o ?? {}).map(([k, v]) => [expand(k, tokens), v]));
  const sizeOf = (info: RawFile): FileInfo | null => {
    if (!info || typeof info.size === 'number') return info as FileInfo | null;
    const [token, plus] = info.size.split('+');
    return { ...info, size: Number(expand(token!, tokens)) + Number(plus ?? 0) };
  };
  return raw.cases
    .filter((c) => !Object.values(c.text ?? {}).includes('@notOnlineService') || tokens['@notOnlineService'])
    .filter((c) => !Object.keys(c.answers ?? {}).includes('@question') || tokens['@question'])
    .filter((c) => !Object.keys(c.files ?? {}).includes('@otherDocument') || tokens['@otherDocument'])
    .map((c) => {
      const text = Object.fromEntries(Object.entries({ ...raw.base, ...c.text }).map(([k, v]) => [k, expand(v, tokens)]));
      const answers = Object.fromEntries(
        Object.entries({ ...baseAnswers, ...raw.answers, ...keysOf(c.answers) })
          .filter(([, v]) => v !== null)
          .map(([k, v]) => [k, expand(v as string, tokens)]),
      ) as Record<string, string>;
      const files = Object.fromEntries(Object.entries({ ...baseFiles, ...raw.files, ...keysOf(c.files) }).map(([k, v]) => [k, sizeOf(v as RawFile)]));
      return { name: c.name, input: { ...(text as Record<string, string>), jawaban_kelayakan: answers } as ApplicationInput, files, errors: c.errors.map((e) => expand(e, tokens)) };
    });
}

const SIGNATURES: Record<string, number[]> = {
  // Start of image and a 16 × 16 frame header, as the server reads a JPEG's size (image-size.ts).
  'image/jpeg': [0xff, 0xd8, 0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x10, 0x00, 0x10, 0x01, 0x01, 0x11, 0x00],
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'image/webp': [0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50],
  'application/pdf': [...Buffer.from('%PDF-1.4\n')],
};

/** A file of exactly `size` bytes whose content starts like the given type. */
export function fakeFile(info: FileInfo, name = 'berkas'): File {
  const bytes = new Uint8Array(info.size);
  const signature = SIGNATURES[info.type] ?? [];
  bytes.set(signature.slice(0, info.size));
  const ext = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'application/pdf': 'pdf' }[info.type] ?? 'bin';
  return new File([bytes], `${name}.${ext}`, { type: info.type });
}

/** multipart body for the records API, as the form sends it. */
export function applicationForm(input: ApplicationInput, files: Record<string, FileInfo | null>): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(input)) {
    form.append(key, key === 'jawaban_kelayakan' ? JSON.stringify(value) : String(value));
  }
  for (const [key, info] of Object.entries(files)) if (info) form.append(key, fakeFile(info, key));
  return form;
}

/** The four digits of the office's region code: a NIK or KK from its own kabupaten/kota starts with them. */
export const REGION_DIGITS = site.region.code.replace('.', '');

/** A person applying on someone's behalf; none of these values may reach a public page or answer. */
export const SAMPLE_PERSON = {
  nama_lengkap: 'Sumarni Binti Kasim',
  nik: `${REGION_DIGITS}015508640009`,
  nomor_kk: `${REGION_DIGITS}011203150004`,
  telepon: '0813-9876-5432',
  desa_kelurahan: 'Kenanga Rahasia',
  alamat: 'Gang Melati Nomor 77 belakang warung Pak Darto',
  pemohon_adalah: 'mewakili',
  nama_pengaju: 'Rahmat Hidayatullah',
  hubungan: 'keponakan',
  tanggal_lahir: '1980-07-05',
} as const;

/** The applicant's own NIK, sent when a service asks for it (identity.pengaju.nik). */
export const SAMPLE_APPLICANT_NIK = `${REGION_DIGITS}011203850011`;

/** SAMPLE_PERSON's values as they could appear anywhere (phone in every form, birth date spelled out). */
export const SAMPLE_PERSONAL_STRINGS = [
  SAMPLE_APPLICANT_NIK,
  ...Object.values(SAMPLE_PERSON).filter((v) => v.length > 8),
  '081398765432',
  '6281398765432',
  '5 Juli 1980',
];

/** A small real PNG photo (decodable, so the server's image checks pass), named as given. */
export function photoFile(name: string): File {
  return new File([new Uint8Array(png(160, 120))], `${name}.png`, { type: 'image/png' });
}

/** SAMPLE_PERSON's application (with `overrides`), every image document a real photo, as the form sends it. */
export function sampleApplicationForm(overrides: Record<string, string> = {}): FormData {
  const base = applicationVectors()[0]!;
  const files = Object.fromEntries(Object.entries(base.files).filter(([, info]) => !info?.type.startsWith('image/')));
  const form = applicationForm({ ...base.input, ...SAMPLE_PERSON, id_pengiriman: randomUUID(), ...overrides }, files);
  for (const [key, info] of Object.entries(base.files)) if (info?.type.startsWith('image/')) form.append(key, photoFile(key));
  return form;
}

/** Sends an application for SAMPLE_PERSON (with any field replaced, e.g. another person's); returns its tracking code. */
export async function applyAsSamplePerson(baseUrl: string, overrides: Record<string, string> = {}): Promise<string> {
  const res = await fetch(`${baseUrl}/api/collections/permohonan/records`, {
    method: 'POST',
    body: sampleApplicationForm(overrides),
  });
  if (res.status !== 200) throw new Error(`permohonan ditolak: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { kode_lacak: string }).kode_lacak;
}

/** The report kind the samples use: the first (by order) handled under an SOP that names PPKS categories. */
export const SAMPLE_REPORT_TYPE = (() => {
  const type = byOrder(content.reportTypes).find((t) => t.data.sop && t.data.ppks.length > 0);
  if (!type) throw new Error('Konten tidak punya jenis laporan dengan SOP dan kategori PPKS.');
  return type;
})();

/** A resident reporting someone with contact and GPS; none of these values may reach a public page or answer. */
export const SAMPLE_REPORT = {
  jenis: SAMPLE_REPORT_TYPE.id,
  urgensi: 'mendesak',
  kategori_ppks: SAMPLE_REPORT_TYPE.data.ppks[0]!,
  kecamatan: content.kecamatan[0]!.id,
  desa_kelurahan: 'Kampung Cempaka Sunyi',
  patokan: 'Emperan toko kelontong Sinar Abadi di Jalan Kenari',
  deskripsi: 'Kakek berbaju loreng tidur di emperan, kakinya bengkak dan belum makan',
  anonim: 'false',
  nama_pelapor: 'Yohana Kartikasari',
  telepon_pelapor: '0857-2468-1357',
  lintang: '-1.873421',
  bujur: '106.104287',
} as const;

/** multipart body for the laporan records API, as the report form sends it. */
export function reportForm(fields: Record<string, string>, photos = 0): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries({ persetujuan_versi: PRIVACY_VERSION, id_pengiriman: randomUUID(), ...fields })) form.append(key, value);
  for (let i = 0; i < photos; i++) form.append('foto', photoFile(`foto${i}`));
  return form;
}

/** Sends SAMPLE_REPORT (with any field replaced); returns its tracking code. */
export async function reportAsSamplePerson(baseUrl: string, overrides: Record<string, string> = {}, photos = 0): Promise<string> {
  const res = await fetch(`${baseUrl}/api/collections/laporan/records`, { method: 'POST', body: reportForm({ ...SAMPLE_REPORT, ...overrides }, photos) });
  if (res.status !== 200) throw new Error(`laporan ditolak: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { kode_lacak: string }).kode_lacak;
}

/**
 * Where any of `values` shows up in `text`, in any form it could take: as typed, and, for
 * numbers (NIK, KK, phone), as its digits with any spaces, dots, dashes or +62/62/0 prefix,
 * since a page or a log may reformat them. Returns the values found (empty when clean).
 */
export function personalValuesIn(text: string, values: readonly string[]): string[] {
  // "0857-2468 1357", "+62 857…" and "857.2468.1357" all become one run of digits.
  const digitRuns = text.replace(/(?<=\d)[\s.\-()]+(?=\d)/g, '').replace(/\+(?=\d)/g, '');
  const found: string[] = [];
  for (const value of values) {
    const digits = value.replace(/\D/g, '');
    const isNumber = digits.length >= 8 && /^[\d\s.\-()+]+$/.test(value);
    // A phone number's core: without the 0 or 62 prefix, so every written form contains it.
    const core = isNumber ? digits.replace(/^(62|0)(?=8)/, '') : '';
    if (text.includes(value) || (core && digitRuns.includes(core))) found.push(value);
  }
  return found;
}
