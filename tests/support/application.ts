// Shared test data for applications: the vectors in tests/vectors/permohonan.json, the
// rules context built from content/ (as the build does for portal.json), and real files.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { serviceRules } from '../../src/lib/service-rules';
import type { ApplicationContext, ApplicationInput, FileInfo } from '../../src/lib/rules/application';
import { loadContent } from './content';

const content = loadContent();
const types = new Map(content.documentTypes.map((d) => [d.id, d.data]));
export const PRIVACY_VERSION = content.site[0]!.data.privacyNoticeVersion;

export function contextFor(serviceId: string, today = '2026-11-23'): ApplicationContext {
  const service = content.services.find((s) => s.id === serviceId);
  return {
    service: service ? serviceRules(service.id, service.data, types) : undefined,
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
  'image/jpeg': [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00],
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

/** Sends an application for SAMPLE_PERSON; returns its tracking code. */
export async function applyAsSamplePerson(baseUrl: string): Promise<string> {
  const base = applicationVectors()[0]!;
  const res = await fetch(`${baseUrl}/api/collections/permohonan/records`, {
    method: 'POST',
    body: applicationForm({ ...base.input, ...SAMPLE_PERSON, id_pengiriman: randomUUID() }, base.files),
  });
  if (res.status !== 200) throw new Error(`permohonan ditolak: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { kode_lacak: string }).kode_lacak;
}
