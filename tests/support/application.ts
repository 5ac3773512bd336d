// Shared test data for applications: the vectors in tests/vectors/permohonan.json, the
// rules context built from content/ (as the build does for portal.json), and real files.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { serviceRules } from '../../src/lib/service-rules';
import type { ApplicationContext, ApplicationInput, FileInfo } from '../../src/lib/rules/application';
import { loadContent } from './content';
import { png } from './images';

const content = loadContent();
const types = new Map(content.documentTypes.map((d) => [d.id, d.data]));
export const PRIVACY_VERSION = content.site[0]!.data.privacyNoticeVersion;

export function contextFor(serviceId: string, today = '2026-11-23'): ApplicationContext {
  const service = content.services.find((s) => s.id === serviceId);
  return {
    service: service ? serviceRules(service.id, service.data, types, content.sops.find((s) => s.id === service.data.sop)?.data) : undefined,
    kecamatanIds: content.kecamatan.map((k) => k.id),
    privacyNoticeVersion: PRIVACY_VERSION,
    today,
  };
}

export interface ApplicationCase {
  name: string;
  input: ApplicationInput;
  files: Record<string, FileInfo | null>;
  errors: string[];
}

interface RawVectors {
  base: Record<string, string>;
  answers: Record<string, string>;
  files: Record<string, FileInfo | null>;
  cases: { name: string; text?: Record<string, string>; answers?: Record<string, string | null>; files?: Record<string, FileInfo | null>; errors: string[] }[];
}

function expand(value: string): string {
  if (value === '@privacyNoticeVersion') return PRIVACY_VERSION;
  if (value === '@unique') return randomUUID();
  const m = value.match(/^@repeat:(.):(\d+)$/);
  return m ? m[1]!.repeat(Number(m[2])) : value;
}

export function applicationVectors(): ApplicationCase[] {
  const raw = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '..', 'vectors', 'permohonan.json'), 'utf8')) as RawVectors;
  return raw.cases.map((c) => {
    const text = Object.fromEntries(Object.entries({ ...raw.base, ...c.text }).map(([k, v]) => [k, expand(v)]));
    const answers = Object.fromEntries(Object.entries({ ...raw.answers, ...c.answers }).filter(([, v]) => v !== null)) as Record<string, string>;
    const files = { ...raw.files, ...c.files };
    return { name: c.name, input: { ...(text as Record<string, string>), jawaban_kelayakan: answers } as ApplicationInput, files, errors: c.errors };
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

/** A person applying on someone's behalf; none of these values may reach a public page or answer. */
export const SAMPLE_PERSON = {
  nama_lengkap: 'Sumarni Binti Kasim',
  nik: '1901015508640009',
  nomor_kk: '1901011203150004',
  telepon: '0813-9876-5432',
  desa_kelurahan: 'Kenanga Rahasia',
  alamat: 'Gang Melati Nomor 77 belakang warung Pak Darto',
  pemohon_adalah: 'mewakili',
  nama_pengaju: 'Rahmat Hidayatullah',
  hubungan: 'keponakan',
  tanggal_lahir: '1980-07-05',
} as const;

/** SAMPLE_PERSON's values as they could appear anywhere (phone in every form, birth date spelled out). */
export const SAMPLE_PERSONAL_STRINGS = [
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

/** A resident reporting someone with contact and GPS; none of these values may reach a public page or answer. */
export const SAMPLE_REPORT = {
  jenis: 'ppks-terlantar',
  urgensi: 'mendesak',
  kategori_ppks: 'lanjut-usia-terlantar',
  kecamatan: 'sungailiat',
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
