// Hostile input against every public endpoint, table-driven: each row is a request an attacker
// (or a broken client) could send, and what must come back. Refused rows get a clear 4xx
// (per-field Indonesian messages on forms) and leave nothing behind, neither a record, a history
// entry nor a file; "stored" rows are accepted and stored as plain text or a safely renamed
// file, with an answer that tells the guest nothing but the tracking code. No row may see a 5xx.
// The browser-side half (escaped rendering, the photo compressor's bomb) is in
// tests/journey/hostile-render.test.ts.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RecordModel } from 'pocketbase';
import { usePocketBase } from '../support/pocketbase';
import { applicationForm, applicationVectors, applyAsSamplePerson, fakeFile, reportForm, SAMPLE_PERSONAL_STRINGS, SAMPLE_REPORT, VECTOR_DOCUMENT, VECTOR_DOCUMENTS, VECTOR_SERVICE } from '../support/application';
import { loadContent, SITE, UNKNOWN_CODE } from '../support/content';
import { png } from '../support/images';
import { DISGUISED, jpegHugeHeader, pngBomb, rawGet, replaceBytes, serialise, SVG_WITH_SCRIPT, HTML_WITH_SCRIPT } from '../support/hostile';
import { UNSUR } from '../../src/lib/rules/ikm';
import { CODE_ALPHABET } from '../../src/lib/rules/tracking-code';
import { STATUS_LISTS, statusWithMeaning } from '../support/workflow';
import { advance, portalOf, staffTeam } from '../support/staff';
import type { ApplicationInput } from '../../src/lib/rules/application';

const pb = usePocketBase({ rateLimits: false });

type Store = 'permohonan' | 'laporan' | 'saran' | 'survei_kepuasan';

interface Answer {
  status: number;
  text: string;
  json: Record<string, unknown> | null;
  headers: Record<string, string>;
}

type Expectation =
  /** Refused with one of these statuses; for a form, exactly these fields carry a message. */
  | { refused: number[]; fields?: string[]; message?: RegExp; nothingStoredIn?: string; notAForm?: true }
  /** Accepted: one new record, checked as staff see it. */
  | { stored: Store; check?: (record: RecordModel) => void | Promise<void> }
  /** A read-only endpoint that answers, harmlessly. */
  | { answered: number[]; check?: (answer: Answer) => void };

interface Row {
  name: string;
  send: () => Promise<Answer>;
  expect: Expectation;
  /** Anything else that must hold afterwards (e.g. a record a guest tried to change is unchanged). */
  after?: () => Promise<void>;
}

// The sample service's documents and questions, from the content under test: DOC takes JPEG
// photos (Bangka: the KTP), PHOTO_DOC only photos (Bangka: the full-body photo), OTHER_DOC is a
// second one taking JPEG. SERVICE_DOCS are those asked of the vectors' applicant (an adult
// applying for themself: no KIA, no guardian's KTP).
const DOC_TYPES = loadContent().documentTypes;
// A place name of this office, written in markup.
const PLACE = loadContent().kecamatan[0]!.data.name;
const acceptOf = (key: string) => DOC_TYPES.find((d) => d.id === key)!.data.accept;
const SERVICE_DOCS = VECTOR_DOCUMENTS;
const DOC = VECTOR_DOCUMENT.key;
const PHOTO_DOC = SERVICE_DOCS.find((d) => d.required && acceptOf(d.key).every((t) => t.startsWith('image/')))?.key ?? DOC;
const OTHER_DOC = SERVICE_DOCS.find((d) => d.required && d.key !== DOC && acceptOf(d.key).includes('image/jpeg'))?.key ?? DOC;
/** A required document taking PDF (Bangka: the SKTM), and its size limit in bytes. */
const PDF_DOC = SERVICE_DOCS.find((d) => d.required && acceptOf(d.key).includes('application/pdf'))!.key;
const PDF_DOC_MAX = Math.round(DOC_TYPES.find((d) => d.id === PDF_DOC)!.data.maxSizeMB * 1024 * 1024);
/** A document taking PNG (Bangka: the letter of application), and a document type of this office the service does not ask for. */
const PNG_DOC = SERVICE_DOCS.find((d) => acceptOf(d.key).includes('image/png'))!.key;
const UNASKED_DOC = DOC_TYPES.find((d) => !VECTOR_SERVICE.data.documents.some((x) => x.key === d.id))!.id;
const REQUIRED_DOCS = SERVICE_DOCS.filter((d) => d.required).map((d) => d.key).sort();
const QUESTIONS = VECTOR_SERVICE.data.eligibility.questions.map((q) => q.id);
/** Every question answered as expected, as the form sends it. */
const GOOD_ANSWERS = Object.fromEntries(VECTOR_SERVICE.data.eligibility.questions.map((q) => [q.id, q.expected]));
const INITIAL = statusWithMeaning(STATUS_LISTS.permohonan, 'initial');
const REPORT_INITIAL = statusWithMeaning(STATUS_LISTS.laporan, 'initial');
const SUCCESS = statusWithMeaning(STATUS_LISTS.permohonan, 'success');

const CODE = new RegExp(`^${SITE.trackingPrefix}-[${CODE_ALPHABET}]{3}-[${CODE_ALPHABET}]{3}-[${CODE_ALPHABET}]{3}$`);
const MB = 1024 * 1024;
const ONE_MB_TEXT = 'a'.repeat(MB);
/** PocketBase's own (English) field messages: a form field must never show one of these. */
const ENGLISH = /^(Invalid|Cannot|Must|The |Failed|Only|Missing|Something|Value|Please)/;
const INDONESIAN = /\b(tidak|Tulis|Pilih|Unggah|Periksa|terlalu|Berkas|berkas|Foto|foto|Isian|Hapus|Kode|kode|Jawab|Jawaban|Centang|harus|paling|bukan|Ada|Survei|Layanan|Saran|Kontak|Nama|Tanggal|Alamat|Nomor|NIK|Lokasi|Ceritakan|Jenis|Kecamatan|Status|Tahun|Halaman|Pilihan|Dokumen|diminta|sah|Isi|Data|Kiriman)\b/;
/** A name PocketBase gave an uploaded file: snake case, a random part, a plain extension. */
const SAFE_FILE_NAME = /^[a-z0-9_]{1,120}(\.[a-z0-9]{1,20}){1,2}$/;

/** What the rows need from the running server, filled before the first row. */
const ctx = {
  seedCode: '',
  ids: {} as Record<string, string>,
  files: {} as Record<string, string>,
  collectionIds: {} as Record<string, string>,
  openSurveyCode: '',
  bomb: new Uint8Array(0) as Uint8Array,
  /** A request waiting for a repair of `repairDoc`, and a valid proof token for it (re-upload rows). */
  repairCode: '',
  repairToken: '',
};
/** The asked document and one not asked, image fields of the vectors' service (from content/). */
const REPAIR_SERVICE = portalOf().services.find((s) => s.id === applicationVectors()[0]!.input.layanan)!;
const [repairDoc, otherDoc] = REPAIR_SERVICE.documents.filter((d) => d.accept.includes('image/png')) as [(typeof REPAIR_SERVICE.documents)[0], (typeof REPAIR_SERVICE.documents)[0]];

// ------------------------------------------------------------------ requests

function jsonOf(text: string): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null; // an HTML page or a plain-text line
  }
}

async function answerOf(res: Response): Promise<Answer> {
  const text = await res.text();
  return { status: res.status, text, json: jsonOf(text), headers: Object.fromEntries(res.headers.entries()) };
}

async function request(method: string, target: string, body?: BodyInit | Uint8Array, headers: Record<string, string> = {}): Promise<Answer> {
  // Bytes are copied into a plain ArrayBuffer-backed array, which fetch takes as is.
  const payload = body instanceof Uint8Array ? new Uint8Array(body) : body;
  return answerOf(await fetch(`${pb.url}${target}`, { method, body: payload ?? null, headers, redirect: 'manual' }));
}

const get = (target: string, headers: Record<string, string> = {}) => request('GET', target, undefined, headers);
const create = (collection: string, body: BodyInit | Uint8Array, headers: Record<string, string> = {}) => request('POST', `/api/collections/${collection}/records`, body, headers);
const createJson = (collection: string, value: unknown) => create(collection, JSON.stringify(value), { 'content-type': 'application/json' });

/** A form posted as bytes where `marker` is replaced (invalid UTF-8, NUL in a file name...). */
async function createPatched(collection: string, form: FormData, marker: string, bytes: Buffer | string): Promise<Answer> {
  const { body, contentType } = await serialise(form);
  return create(collection, replaceBytes(body, marker, bytes), { 'content-type': contentType });
}

/** A raw GET (no URL cleaning), following same-origin redirects the way a browser would. */
async function raw(target: Buffer | string): Promise<Answer> {
  let res = await rawGet(pb.url, target);
  for (let hops = 0; hops < 3 && res.status >= 300 && res.status < 400 && res.headers['location']?.startsWith('/'); hops++) {
    res = await rawGet(pb.url, res.headers['location']);
  }
  const text = res.body.toString('utf8');
  return { status: res.status, text, json: jsonOf(text), headers: res.headers };
}

// ------------------------------------------------------------------ forms

/** A valid application (the first shared vector) with text overrides and extra or replaced files. */
function application(text: Record<string, string> = {}, files: Record<string, File | File[] | null> = {}): FormData {
  const base = applicationVectors()[0]!;
  const { jawaban_kelayakan: rawAnswers, ...rest } = text;
  const input = { ...base.input, id_pengiriman: randomUUID(), ...rest } as ApplicationInput;
  const form = applicationForm(input, Object.fromEntries(Object.entries(base.files).filter(([key]) => !(key in files))));
  // Eligibility answers as sent, not re-encoded: some rows send broken JSON on purpose.
  if (rawAnswers !== undefined) form.set('jawaban_kelayakan', rawAnswers);
  for (const [key, value] of Object.entries(files)) for (const file of value === null ? [] : [value].flat()) form.append(key, file);
  return form;
}

/** Applying for someone else: the two extra fields filled validly. */
const ON_BEHALF = { pemohon_adalah: 'mewakili', nama_pengaju: 'Rahmat Hidayatullah', hubungan: 'keponakan' };

function answersJson(value: string): Record<string, string> {
  return { jawaban_kelayakan: value };
}

/** A valid anonymous report with overrides; `photos` files in `foto`. */
function report(text: Record<string, string> = {}, photos: File[] = [fakeFile({ size: 30_000, type: 'image/jpeg' }, 'foto')]): FormData {
  const form = reportForm({ ...SAMPLE_REPORT, anonim: 'true', nama_pelapor: '', telepon_pelapor: '', lintang: '', bujur: '', ...text });
  for (const photo of photos) form.append('foto', photo);
  return form;
}

const WITH_CONTACT = { anonim: 'false', nama_pelapor: 'Wahyuni', telepon_pelapor: '0812-7777-6543' };

/** A survey answer for `code`, posted where the form posts it (POST /api/lacak/{kode}/survei). */
function survey(code: string, overrides: Record<string, string> = {}): Promise<Answer> {
  const form = new FormData();
  for (const u of UNSUR) form.append(u.id, overrides[u.id] ?? '3');
  for (const [key, value] of Object.entries(overrides)) if (!UNSUR.some((u) => u.id === key)) form.append(key, value);
  return request('POST', `/api/lacak/${encodeURIComponent(code)}/survei`, form);
}

const saran = (value: Record<string, unknown>) => createJson('saran', value);

/** A file of these bytes under this name and declared type. */
const file = (bytes: Uint8Array | string, name: string, type = '') => new File([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], name, { type });
const jpeg = (name: string, size = 20_000) => new File([fakeFile({ size, type: 'image/jpeg' })], name, { type: 'image/jpeg' });

/** A WebP whose VP8X header declares width × height. */
function webpHuge(width = 16_384, height = 16_384): Buffer {
  const b = Buffer.alloc(64);
  b.write('RIFF', 0, 'latin1');
  b.writeUInt32LE(56, 4);
  b.write('WEBPVP8X', 8, 'latin1');
  b.writeUInt32LE(10, 16);
  b.writeUIntLE(width - 1, 24, 3);
  b.writeUIntLE(height - 1, 27, 3);
  return b;
}

/** A JPEG whose frame header (65500 × 65500) sits after 600 kB of filler, beyond the bytes the server reads. */
function jpegLateFrame(): Buffer {
  const huge = jpegHugeHeader();
  return Buffer.concat([huge.subarray(0, 20), Buffer.alloc(600 * 1024), huge.subarray(20)]);
}

/**
 * A JPEG whose frame header (65500 × 65500) sits after 100 kB of well-formed metadata segments,
 * as a camera's EXIF may put it: beyond the first bytes the server reads of every upload, within
 * the most it reads of an image (the read goes on in steps, lib/uploads.js).
 */
function jpegFrameAfterExif(): Buffer {
  const huge = jpegHugeHeader();
  const segment = (n: number) => Buffer.concat([Buffer.from([0xff, 0xe1, (n + 2) >> 8, (n + 2) & 0xff]), Buffer.alloc(n, 0x45)]);
  return Buffer.concat([huge.subarray(0, 20), segment(50_000), segment(50_000), huge.subarray(20)]);
}

/** A finished application not yet rated: the survey may be sent for it. */
async function finishedCode(): Promise<string> {
  const code = await applyAsSamplePerson(pb.url);
  const { id } = await pb.admin.collection('permohonan').getFirstListItem(pb.admin.filter('kode_lacak = {:k}', { k: code }));
  await advance(pb, 'permohonan', id, statusWithMeaning(STATUS_LISTS.permohonan, 'success'));
  return code;
}

// ------------------------------------------------------------------ bookkeeping

const FORM_COLLECTIONS: Record<Store, true> = { permohonan: true, laporan: true, saran: true, survei_kepuasan: true };
const HISTORY: Record<string, string> = { permohonan: 'riwayat_permohonan', laporan: 'riwayat_laporan' };

async function count(collection: string): Promise<number> {
  return (await pb.admin.collection(collection).getList(1, 1, { skipTotal: false })).totalItems;
}

/** Records of the collection and its history, and record folders with files in storage. */
async function footprint(collection: string): Promise<string> {
  const history = HISTORY[collection];
  let folders = 0;
  try {
    folders = (await readdir(path.join(pb.dataDir, 'storage', ctx.collectionIds[collection] ?? collection))).length;
  } catch {
    folders = 0;
  }
  return JSON.stringify({ records: await count(collection), history: history ? await count(history) : 0, folders });
}

const messageOf = (a: Answer) => String(a.json?.['message'] ?? a.json?.['pesan'] ?? a.text);
const fieldMessages = (a: Answer) => (a.json?.['data'] ?? {}) as Record<string, { message?: string }>;

// ------------------------------------------------------------------ the table

const rows: Row[] = [];
const refuse = (name: string, send: () => Promise<Answer>, expectation: Omit<Extract<Expectation, { refused: number[] }>, 'refused'> & { status?: number[] } = {}, after?: () => Promise<void>) => {
  const { status, ...rest } = expectation;
  rows.push({ name, send, expect: { refused: status ?? [400], ...rest }, ...(after ? { after } : {}) });
};
const store = (name: string, send: () => Promise<Answer>, collection: Store, check?: (record: RecordModel) => void | Promise<void>) => {
  rows.push({ name, send, expect: { stored: collection, ...(check ? { check } : {}) } });
};
const answer = (name: string, send: () => Promise<Answer>, status: number[], check?: (a: Answer) => void) => {
  rows.push({ name, send, expect: { answered: status, ...(check ? { check } : {}) } });
};

// --- application documents: size, count, type, content, bombs -----------------------------

const PERMOHONAN = { nothingStoredIn: 'permohonan' as const };
refuse('foto dokumen 1 MB di atas batasnya', () => create('permohonan', application({}, { [DOC]: jpeg('ktp.jpg', (VECTOR_DOCUMENT.maxSizeMB + 1) * MB) })), { fields: [DOC], message: /Periksa/, ...PERMOHONAN });
refuse('PDF satu bait di atas batasnya', () => create('permohonan', application({}, { [PDF_DOC]: new File([fakeFile({ size: PDF_DOC_MAX + 1, type: 'application/pdf' })], 'surat.pdf') })), { fields: [PDF_DOC], ...PERMOHONAN });
refuse('KTP kosong (0 bait)', () => create('permohonan', application({}, { [DOC]: file(Buffer.alloc(0), 'ktp.jpg', 'image/jpeg') })), { fields: [DOC], ...PERMOHONAN });
refuse('dokumen yang tidak diminta layanan ini', () => create('permohonan', application({}, { [UNASKED_DOC]: new File([fakeFile({ size: 20_000, type: 'application/pdf' })], 'lain.pdf') })), { fields: [UNASKED_DOC], ...PERMOHONAN });
refuse('HTML berakhiran .jpg', () => create('permohonan', application({}, { [DOC]: file(DISGUISED.html, 'ktp.jpg', 'image/jpeg') })), { fields: [DOC], ...PERMOHONAN });
refuse('JavaScript berakhiran .jpg', () => create('permohonan', application({}, { [DOC]: file(DISGUISED.js, 'ktp.jpg', 'image/jpeg') })), { fields: [DOC], ...PERMOHONAN });
refuse('ZIP berakhiran .jpg', () => create('permohonan', application({}, { [OTHER_DOC]: file(DISGUISED.zip, 'kk.jpg', 'image/jpeg') })), { fields: [OTHER_DOC], ...PERMOHONAN });
refuse('EXE Windows berakhiran .jpg', () => create('permohonan', application({}, { [DOC]: file(DISGUISED.exe, 'ktp.jpg', 'image/jpeg') })), { fields: [DOC], ...PERMOHONAN });
refuse('ELF Linux berakhiran .pdf', () => create('permohonan', application({}, { [PDF_DOC]: file(DISGUISED.elf, 'surat.pdf', 'application/pdf') })), { fields: [PDF_DOC], ...PERMOHONAN });
refuse('GIF (jenis yang tidak diterima) berakhiran .png', () => create('permohonan', application({}, { [PHOTO_DOC]: file(DISGUISED.gif, 'badan.png', 'image/png') })), { fields: [PHOTO_DOC], ...PERMOHONAN });
refuse('PDF berakhiran .png untuk foto badan (hanya foto)', () => create('permohonan', application({}, { [PHOTO_DOC]: new File([fakeFile({ size: 20_000, type: 'application/pdf' })], 'badan.png', { type: 'image/png' }) })), { fields: [PHOTO_DOC], ...PERMOHONAN });
refuse('SVG dengan <script> sebagai image/svg+xml', () => create('permohonan', application({}, { [DOC]: file(SVG_WITH_SCRIPT, 'ktp.svg', 'image/svg+xml') })), { fields: [DOC], ...PERMOHONAN });
refuse('SVG dengan <script> menyamar .jpg', () => create('permohonan', application({}, { [DOC]: file(SVG_WITH_SCRIPT, 'ktp.jpg', 'image/jpeg') })), { fields: [DOC], ...PERMOHONAN });
refuse('SVG dengan <script> menyamar .png', () => create('permohonan', application({}, { [PNG_DOC]: file(SVG_WITH_SCRIPT, 'surat.png', 'image/png') })), { fields: [PNG_DOC], ...PERMOHONAN });
refuse('berkas HTML (text/html)', () => create('permohonan', application({}, { [DOC]: file(HTML_WITH_SCRIPT, 'ktp.html', 'text/html') })), { fields: [DOC], ...PERMOHONAN });
refuse('bom dekompresi PNG 50000 × 50000 (300 kB)', () => create('permohonan', application({}, { [DOC]: file(ctx.bomb, 'ktp.png', 'image/png') })), { fields: [DOC], ...PERMOHONAN });
refuse('PNG kecil yang mengaku 65535 × 65535', () => create('permohonan', application({}, { [OTHER_DOC]: file(png(65_535, 65_535, { rows: 1 }), 'kk.png', 'image/png') })), { fields: [OTHER_DOC], ...PERMOHONAN });
refuse('JPEG yang mengaku 65500 × 65500', () => create('permohonan', application({}, { [DOC]: file(jpegHugeHeader(), 'ktp.jpg', 'image/jpeg') })), { fields: [DOC], ...PERMOHONAN });
refuse('WebP yang mengaku 16384 × 16384', () => create('permohonan', application({}, { [PHOTO_DOC]: file(webpHuge(), 'badan.webp', 'image/webp') })), { fields: [PHOTO_DOC], ...PERMOHONAN });
refuse('JPEG dengan kepala bingkai tersembunyi setelah 600 kB', () => create('permohonan', application({}, { [DOC]: file(jpegLateFrame(), 'ktp.jpg', 'image/jpeg') })), { fields: [DOC], ...PERMOHONAN });
refuse('JPEG 65500 × 65500 dengan kepala bingkai setelah 100 kB metadata', async () => {
  const answer = await create('permohonan', application({}, { [DOC]: file(jpegFrameAfterExif(), 'ktp.jpg', 'image/jpeg') }));
  // Too large, not "unreadable": the server read on until it found the frame header.
  expect((answer.json?.['data'] as Record<string, { message: string }> | undefined)?.[DOC]?.message).toMatch(/terlalu besar/);
  return answer;
}, { fields: [DOC], ...PERMOHONAN });
refuse('JPEG dengan bait liar sebelum kepala bingkai 65500 × 65500', () => {
  const huge = jpegHugeHeader();
  return create('permohonan', application({}, { [OTHER_DOC]: file(Buffer.concat([huge.subarray(0, 20), Buffer.alloc(100, 0x5a), huge.subarray(20)]), 'kk.jpg', 'image/jpeg') }));
}, { fields: [OTHER_DOC], ...PERMOHONAN });
store('PNG asli 100 × 100 diterima; gambar kecilnya dibuat hanya atas permintaan staf', () => create('permohonan', application({}, { [DOC]: file(png(100, 100), 'ktp.png', 'image/png') })), 'permohonan', async (r) => {
  const token = await pb.admin.files.getToken();
  const thumb = await fetch(`${pb.url}/api/files/permohonan/${r.id}/${r[DOC]}?thumb=100x100&token=${token}`);
  expect(thumb.status).toBe(200);
  expect(thumb.headers.get('content-type')).toBe('image/png');
});
refuse('berkas di kolom teks (nama_lengkap)', async () => {
  const form = application();
  form.delete('nama_lengkap');
  form.append('nama_lengkap', jpeg('nama.jpg'));
  return create('permohonan', form);
}, { fields: ['nama_lengkap'], ...PERMOHONAN });
refuse('5000 kolom isian dalam satu formulir', async () => {
  const form = application();
  for (let i = 0; i < 5000; i++) form.append(`x${i}`, 'y');
  return create('permohonan', form);
}, { status: [400, 413], message: INDONESIAN, ...PERMOHONAN });
store('dua berkas untuk KTP (satu berkas saja yang disimpan)', () => create('permohonan', application({}, { [DOC]: [jpeg('ktp1.jpg'), jpeg('ktp2.jpg')] })), 'permohonan', (r) => {
  expect(typeof r[DOC]).toBe('string');
  expect(r[DOC]).toMatch(SAFE_FILE_NAME);
});
store('40 berkas untuk kolom yang tidak ada (diabaikan)', () => create('permohonan', application({}, { avatar: Array.from({ length: 40 }, (_, i) => jpeg(`a${i}.jpg`, 1000)) })), 'permohonan', (r) => {
  expect(r['avatar']).toBeUndefined();
});

// --- file names: PocketBase renames every upload ---------------------------------------------

const storedPhotoName = (r: RecordModel) => {
  const names = r['foto'] as string[];
  expect(names).toHaveLength(1);
  expect(names[0]).toMatch(SAFE_FILE_NAME);
  expect(names[0]).not.toMatch(/\.\.|\/|\\/);
};
const NAME_TRICKS: [string, string][] = [
  ['nama berkas ../../../../etc/passwd.jpg', '../../../../etc/passwd.jpg'],
  ['nama berkas ..\\..\\windows\\system32\\foto.jpg', '..\\..\\windows\\system32\\foto.jpg'],
  ['nama berkas jalur absolut /etc/shadow.jpg', '/etc/shadow.jpg'],
  ['nama berkas C:\\Windows\\foto.jpg', 'C:\\Windows\\foto.jpg'],
  ['nama berkas ..%2f..%2fpb_data%2fdata.db.jpg', '..%2f..%2fpb_data%2fdata.db.jpg'],
  ['nama berkas 1000 karakter', `${'a'.repeat(1000)}.jpg`],
  ['nama berkas dengan RTL override (foto\u202Egpj.exe)', 'foto\u202Egpj.exe'],
  ['nama berkas tersembunyi .htaccess', '.htaccess'],
  ['nama berkas ganda foto.php.jpg', 'foto.php.jpg'],
  ['nama berkas <script>alert(1)</script>.jpg', '<script>alert(1)</script>.jpg'],
  ['nama berkas emoji dan huruf Jawa 😀ꦲꦏ꧀ꦱꦫ.jpg', '😀ꦲꦏ꧀ꦱꦫ.jpg'],
];
for (const [name, fileName] of NAME_TRICKS) store(name, () => create('laporan', report({}, [jpeg(fileName)])), 'laporan', storedPhotoName);
refuse('nama berkas dengan NUL (foto\\0.php.jpg)', () => createPatched('laporan', report({}, [jpeg('fotoNULMARK.php.jpg')]), 'NULMARK', Buffer.from([0])), { message: /tidak dapat dibaca/, nothingStoredIn: 'laporan' });
store('nama berkas dengan tanda kutip dan CRLF di kepala multipart', () => createPatched('laporan', report({}, [jpeg('QUOTEMARK.jpg')]), 'QUOTEMARK', 'a"; name="status'), 'laporan', (r) => {
  for (const name of r['foto'] as string[]) expect(name).toMatch(SAFE_FILE_NAME);
  expect(r['status']).toBe(REPORT_INITIAL);
});
store('foto .html berisi JPEG: staf menerimanya sebagai gambar dalam kotak pasir', () => create('laporan', report({}, [jpeg('halaman.html')])), 'laporan', async (r) => {
  storedPhotoName(r);
  const token = await pb.admin.files.getToken();
  const res = await fetch(`${pb.url}/api/files/laporan/${r.id}/${(r['foto'] as string[])[0]}?token=${token}`);
  expect(res.status).toBe(200);
  // Served as what it is, never rendered as a page on this origin, whatever its name says.
  expect(res.headers.get('content-type')).toBe('image/jpeg');
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'.*sandbox/);
});

// --- report photos ----------------------------------------------------------------------------

const LAPORAN = { nothingStoredIn: 'laporan' as const };
refuse('empat foto laporan (batas 3)', () => create('laporan', report({}, [0, 1, 2, 3].map((i) => jpeg(`f${i}.jpg`)))), { fields: ['foto'], ...LAPORAN });
refuse('60 foto laporan', () => create('laporan', report({}, Array.from({ length: 60 }, (_, i) => jpeg(`f${i}.jpg`, 2000)))), { fields: ['foto'], ...LAPORAN });
refuse('foto laporan 6 MB', () => create('laporan', report({}, [jpeg('besar.jpg', 6 * MB)])), { fields: ['foto'], ...LAPORAN });
refuse('foto laporan kosong', () => create('laporan', report({}, [file(Buffer.alloc(0), 'kosong.jpg', 'image/jpeg')])), { fields: ['foto'], ...LAPORAN });
refuse('SVG dengan <script> menyamar foto laporan .png', () => create('laporan', report({}, [file(SVG_WITH_SCRIPT, 'foto.png', 'image/png')])), { fields: ['foto'], ...LAPORAN });
refuse('PDF sebagai foto laporan', () => create('laporan', report({}, [new File([fakeFile({ size: 20_000, type: 'application/pdf' })], 'foto.jpg', { type: 'image/jpeg' })])), { fields: ['foto'], ...LAPORAN });
refuse('bom dekompresi PNG sebagai foto laporan', () => create('laporan', report({}, [file(ctx.bomb, 'foto.png', 'image/png')])), { fields: ['foto'], ...LAPORAN });
refuse('JPEG 65500 × 65500 sebagai foto laporan', () => create('laporan', report({}, [file(jpegHugeHeader(), 'foto.jpg', 'image/jpeg')])), { fields: ['foto'], ...LAPORAN });

// --- application text: very long, control characters, script and HTML ------------------------

for (const [field, text] of [
  ['layanan', { layanan: ONE_MB_TEXT }],
  ['nama_lengkap', { nama_lengkap: ONE_MB_TEXT }],
  ['nik', { nik: '1'.repeat(MB) }],
  ['nomor_kk', { nomor_kk: '1'.repeat(MB) }],
  ['tanggal_lahir', { tanggal_lahir: ONE_MB_TEXT }],
  ['telepon', { telepon: '0'.repeat(MB) }],
  ['kecamatan', { kecamatan: ONE_MB_TEXT }],
  ['desa_kelurahan', { desa_kelurahan: ONE_MB_TEXT }],
  ['alamat', { alamat: ONE_MB_TEXT }],
  ['pemohon_adalah', { pemohon_adalah: ONE_MB_TEXT }],
  ['nama_pengaju', { ...ON_BEHALF, nama_pengaju: ONE_MB_TEXT }],
  ['hubungan', { ...ON_BEHALF, hubungan: ONE_MB_TEXT }],
  ['persetujuan_versi', { persetujuan_versi: ONE_MB_TEXT }],
  ['id_pengiriman', { id_pengiriman: 'a'.repeat(MB) }],
] as const) {
  refuse(`permohonan: 1 MB teks di ${field}`, () => create('permohonan', application(text)), { fields: [field], ...PERMOHONAN });
}

refuse('nama dengan NUL (\\u0000)', () => create('permohonan', application({ nama_lengkap: 'Siti\u0000Aminah' })), { fields: ['nama_lengkap'], ...PERMOHONAN });
refuse('alamat dengan ESC (\\u001b[2J)', () => create('permohonan', application({ alamat: 'Jalan Pemuda \u001b[2J RT 01' })), { fields: ['alamat'], ...PERMOHONAN });
refuse('desa dengan BEL (\\u0007)', () => create('permohonan', application({ desa_kelurahan: 'Sungai\u0007liat' })), { fields: ['desa_kelurahan'], ...PERMOHONAN });
refuse('desa berbaris dua (isian satu baris)', () => create('permohonan', application({ desa_kelurahan: 'Sungai\nliat' })), { fields: ['desa_kelurahan'], ...PERMOHONAN });
refuse('nama dengan RTL override (\\u202e)', () => create('permohonan', application({ nama_lengkap: 'Siti \u202eanimA' })), { fields: ['nama_lengkap'], ...PERMOHONAN });
refuse('nama pengaju dengan DEL (\\u007f)', () => create('permohonan', application({ ...ON_BEHALF, nama_pengaju: 'Rahmat\u007f' })), { fields: ['nama_pengaju'], ...PERMOHONAN });
refuse('alamat dengan RTL override (\u202e) dan isolat (\u2066)', () => create('permohonan', application({ alamat: 'Jalan \u202eromeP\u202c RT 01 \u2066x\u2069' })), { fields: ['alamat'], ...PERMOHONAN });
store('alamat beberapa baris (CRLF) disimpan apa adanya', () => create('permohonan', application({ alamat: 'Jalan Pemuda\r\nRT 01 RW 02' })), 'permohonan', (r) => {
  expect(r['alamat']).toBe('Jalan Pemuda\r\nRT 01 RW 02');
});
refuse('nama dengan UTF-8 tidak sah (bait 0xff 0xfe)', () => createPatched('permohonan', application({ nama_lengkap: 'BADUTF8MARK' }), 'BADUTF8MARK', Buffer.from([0x53, 0xff, 0xfe, 0x69, 0x74, 0x69])), { fields: ['nama_lengkap'], ...PERMOHONAN });
store('alamat dengan UTF-8 tidak sah disimpan sebagai teks yang terbaca', () => createPatched('permohonan', application({ alamat: 'BADUTF8MARK' }), 'BADUTF8MARK', Buffer.concat([Buffer.from('Jalan '), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(' RT 01')])), 'permohonan', (r) => {
  expect(String(r['alamat'])).toMatch(/^Jalan .* RT 01$/);
});

const SCRIPT = '<script>alert(document.cookie)</script>';
for (const [field, text] of [
  ['nama_lengkap', { nama_lengkap: '<img src=x onerror=alert(1)>' }],
  ['nik', { nik: SCRIPT }],
  ['nomor_kk', { nomor_kk: SCRIPT }],
  ['tanggal_lahir', { tanggal_lahir: SCRIPT }],
  ['telepon', { telepon: SCRIPT }],
  ['kecamatan', { kecamatan: SCRIPT }],
  ['layanan', { layanan: SCRIPT }],
  ['pemohon_adalah', { pemohon_adalah: SCRIPT }],
  ['nama_pengaju', { ...ON_BEHALF, nama_pengaju: '<svg onload=alert(1)>' }],
  ['persetujuan_versi', { persetujuan_versi: SCRIPT }],
  ['id_pengiriman', { id_pengiriman: '<script>alert(1)</script>' }],
] as const) {
  refuse(`permohonan: skrip di ${field}`, () => create('permohonan', application(text)), { fields: [field], ...PERMOHONAN });
}
store('permohonan: skrip di alamat disimpan sebagai teks biasa', () => create('permohonan', application({ alamat: `${SCRIPT} Jalan Pemuda` })), 'permohonan', (r) => {
  expect(r['alamat']).toBe(`${SCRIPT} Jalan Pemuda`);
});
store('permohonan: HTML di desa disimpan sebagai teks biasa', () => create('permohonan', application({ desa_kelurahan: `<b onmouseover=alert(1)>${PLACE}</b>` })), 'permohonan', (r) => {
  expect(r['desa_kelurahan']).toBe(`<b onmouseover=alert(1)>${PLACE}</b>`);
});
store('permohonan: iframe di hubungan disimpan sebagai teks biasa', () => create('permohonan', application({ ...ON_BEHALF, hubungan: '<iframe src=javascript:alert(1)>' })), 'permohonan', (r) => {
  expect(r['hubungan']).toBe('<iframe src=javascript:alert(1)>');
});

// --- NIK, phone and date abuse -----------------------------------------------------------------

refuse("NIK berisi SQL (1' OR '1'='1)", () => create('permohonan', application({ nik: "1' OR '1'='1" })), { fields: ['nik'], ...PERMOHONAN });
refuse('NIK angka Arab-Indik (١٩٠١٠١٤٥٠٧٨٠٠٠٠١)', () => create('permohonan', application({ nik: '١٩٠١٠١٤٥٠٧٨٠٠٠٠١' })), { fields: ['nik'], ...PERMOHONAN });
refuse('NIK dalam notasi ilmiah (1.901014507800001e15)', () => create('permohonan', application({ nik: '1.901014507800001e15' })), { fields: ['nik'], ...PERMOHONAN });
refuse('telepon +62 dengan 40 angka', () => create('permohonan', application({ telepon: `+62${'8'.repeat(40)}` })), { fields: ['telepon'], ...PERMOHONAN });
refuse('telepon berisi tel: URI dan skrip', () => create('permohonan', application({ telepon: 'tel:0812"><script>' })), { fields: ['telepon'], ...PERMOHONAN });
refuse('tanggal lahir ISO dengan jam dan SQL', () => create('permohonan', application({ tanggal_lahir: "1980-07-05T00:00:00Z' OR 1=1 --" })), { fields: ['tanggal_lahir'], ...PERMOHONAN });
refuse('tanggal lahir tahun 99999', () => create('permohonan', application({ tanggal_lahir: '99999-01-01' })), { fields: ['tanggal_lahir'], ...PERMOHONAN });
refuse('tanggal lahir 0000-00-00', () => create('permohonan', application({ tanggal_lahir: '0000-00-00' })), { fields: ['tanggal_lahir'], ...PERMOHONAN });

// --- eligibility answers (JSON) ----------------------------------------------------------------

const BOTH_QUESTIONS = QUESTIONS.map((q) => `kelayakan_${q}`).sort();
const [Q1 = 'q1', Q2 = 'q2'] = QUESTIONS;
refuse('jawaban kelayakan bukan JSON', () => create('permohonan', application(answersJson('ya ya ya'))), { fields: BOTH_QUESTIONS, ...PERMOHONAN });
refuse('jawaban kelayakan JSON terpotong', () => create('permohonan', application(answersJson(`{"${Q1}":"ya",`))), { fields: BOTH_QUESTIONS, ...PERMOHONAN });
refuse('jawaban kelayakan bersarang 100000 tingkat', () => create('permohonan', application(answersJson(`${'['.repeat(100_000)}${']'.repeat(100_000)}`))), { fields: BOTH_QUESTIONS, ...PERMOHONAN });
refuse('jawaban kelayakan berupa larik', () => create('permohonan', application(answersJson('["ya","ya"]'))), { fields: BOTH_QUESTIONS, ...PERMOHONAN });
refuse('jawaban kelayakan berupa objek operator ($ne)', () => create('permohonan', application(answersJson(`{"${Q1}":{"$ne":"tidak"},"${Q2}":{"$gt":""}}`))), { fields: BOTH_QUESTIONS, ...PERMOHONAN });
refuse('jawaban kelayakan lewat __proto__', () => create('permohonan', application(answersJson(JSON.stringify({ ['__proto__']: GOOD_ANSWERS })))), { fields: BOTH_QUESTIONS, ...PERMOHONAN });
store('jawaban kelayakan 1 MB dengan kunci tambahan: hanya jawaban yang ditanyakan disimpan', () => create('permohonan', application(answersJson(JSON.stringify({ ...GOOD_ANSWERS, sampah: 'x'.repeat(MB) })))), 'permohonan', (r) => {
  expect(r['jawaban_kelayakan']).toEqual(GOOD_ANSWERS);
});
store('jawaban kelayakan dengan constructor.prototype: hanya jawaban yang disimpan', () => create('permohonan', application(answersJson(JSON.stringify(GOOD_ANSWERS).replace(/}$/, ',"constructor":{"prototype":{"polluted":"ya"}}}')))), 'permohonan', (r) => {
  expect(r['jawaban_kelayakan']).toEqual(GOOD_ANSWERS);
});
store('kolom bernama __proto__ dan constructor diabaikan', () => {
  const form = application();
  form.append('__proto__', JSON.stringify({ status: SUCCESS }));
  form.append('constructor', 'x');
  return create('permohonan', form);
}, 'permohonan', (r) => {
  expect(r['status']).toBe(INITIAL);
  expect(Object.prototype.hasOwnProperty.call(r, 'constructor')).toBe(false);
});

// --- fields only the server or staff may set ---------------------------------------------------

store('permohonan: status, kode lacak, dan catatan publik dari klien diabaikan', () => create('permohonan', application({ status: SUCCESS, kode_lacak: UNKNOWN_CODE, catatan_publik: 'disetujui sendiri', dokumen_perbaikan: DOC })), 'permohonan', (r) => {
  expect(r['status']).toBe(INITIAL);
  expect(r['kode_lacak']).not.toBe(UNKNOWN_CODE);
  expect(r['catatan_publik']).toBe('');
  expect(r['dokumen_perbaikan']).toEqual([]);
});
store('permohonan: kolom petugas (catatan internal, verifikasi, kategori PPKS) dari klien diabaikan', () => create('permohonan', application({ catatan_internal: 'sudah dicek', kategori_ppks: 'fakir-miskin', hasil_verifikasi: 'layak', tanggal_verifikasi: '2026-01-01 00:00:00.000Z', catatan_verifikasi: 'layak, disetujui' })), 'permohonan', (r) => {
  expect(r['catatan_internal']).toBe('');
  expect(r['kategori_ppks']).toBe('');
  expect(r['hasil_verifikasi']).toBe('');
  expect(r['tanggal_verifikasi']).toBe('');
  expect(r['catatan_verifikasi']).toBe('');
});
store('permohonan: tanda sistem (berkas_dihapus, terlambat, ditutup, waktu persetujuan, created) dari klien diabaikan', () => create('permohonan', application({ berkas_dihapus: 'true', terlambat: 'true', ditutup: '2000-01-01 00:00:00.000Z', persetujuan_waktu: '2000-01-01 00:00:00.000Z', created: '2000-01-01 00:00:00.000Z' })), 'permohonan', (r) => {
  expect(r['berkas_dihapus']).toBe(false);
  expect(r['terlambat']).toBe(false);
  expect(r['ditutup']).toBe('');
  expect(String(r['persetujuan_waktu'])).not.toMatch(/^2000/);
  expect(String(r['created'])).not.toMatch(/^2000/);
});
store('permohonan: foto verifikasi (berkas staf) dari klien tidak disimpan', () => create('permohonan', application({}, { foto_verifikasi: jpeg('verifikasi.jpg') })), 'permohonan', (r) => {
  expect(r['foto_verifikasi']).toEqual([]);
});
store('permohonan: penugasan petugas lapangan dari klien diabaikan', () => create('permohonan', application({ petugas_lapangan: ctx.ids['petugas']! })), 'permohonan', (r) => {
  expect(r['petugas_lapangan']).toBe('');
});
store('laporan: status, penanganan, penerusan, dan catatan internal dari klien diabaikan', () => create('laporan', report({ status: statusWithMeaning(STATUS_LISTS.laporan, 'success'), penanganan: 'pemulangan', diteruskan_ke: 'tagana', catatan_internal: 'x', catatan_publik: 'selesai sendiri', berkas_dihapus: 'true', kode_lacak: UNKNOWN_CODE })), 'laporan', (r) => {
  expect(r['status']).toBe(REPORT_INITIAL);
  expect(r['penanganan']).toEqual([]);
  expect(r['diteruskan_ke']).toEqual([]);
  expect(r['catatan_internal']).toBe('');
  expect(r['catatan_publik']).toBe('');
  expect(r['berkas_dihapus']).toBe(false);
  expect(r['kode_lacak']).not.toBe(UNKNOWN_CODE);
});
refuse('permohonan: id rekaman pilihan klien berisi jalur', () => create('permohonan', application({ id: '../../pb_data' })), { fields: ['id'], ...PERMOHONAN });
store('permohonan: ?expand dan ?fields tidak membuka data pribadi di jawaban', () => request('POST', '/api/collections/permohonan/records?expand=petugas_lapangan&fields=*,nik,nama_lengkap,telepon', application()), 'permohonan');

// --- wrong content types and broken bodies ----------------------------------------------------

refuse('permohonan sebagai JSON tanpa berkas', () => createJson('permohonan', { ...applicationVectors()[0]!.input, id_pengiriman: randomUUID() }), { fields: REQUIRED_DOCS, ...PERMOHONAN });
refuse('permohonan JSON dengan tipe salah (larik, objek, angka)', () => createJson('permohonan', { ...applicationVectors()[0]!.input, id_pengiriman: randomUUID(), nama_lengkap: ['Siti', 'Aminah'], nik: { $gt: '' }, telepon: 6281234567890, jawaban_kelayakan: GOOD_ANSWERS }), { ...PERMOHONAN });
refuse('permohonan sebagai application/x-www-form-urlencoded', () => create('permohonan', new URLSearchParams({ ...applicationVectors()[0]!.input, id_pengiriman: randomUUID() } as unknown as Record<string, string>)), { ...PERMOHONAN });
refuse('permohonan sebagai text/plain', () => create('permohonan', 'nama_lengkap=Siti', { 'content-type': 'text/plain' }), { message: /tidak dapat dibaca/, ...PERMOHONAN });
refuse('multipart dengan boundary yang tidak cocok', async () => {
  const { body } = await serialise(application());
  return create('permohonan', body, { 'content-type': 'multipart/form-data; boundary=bukan-batas-yang-dipakai' });
}, { message: /tidak dapat dibaca/, ...PERMOHONAN });
refuse('multipart tanpa boundary', async () => {
  const { body } = await serialise(application());
  return create('permohonan', body, { 'content-type': 'multipart/form-data' });
}, { message: /tidak dapat dibaca/, ...PERMOHONAN });
refuse('multipart terpotong di tengah berkas', async () => {
  const { body, contentType } = await serialise(application());
  return create('permohonan', body.subarray(0, Math.floor(body.length / 2)), { 'content-type': contentType });
}, { message: /tidak dapat dibaca/, ...PERMOHONAN });
refuse('JSON rusak', () => create('saran', '{"pesan": "halo', { 'content-type': 'application/json' }), { message: /tidak dapat dibaca/, nothingStoredIn: 'saran' });
refuse('badan 40 MB ke kotak saran', () => createJson('saran', { pesan: 'x'.repeat(40 * MB) }), { status: [413], message: /terlalu besar/, nothingStoredIn: 'saran' });

// --- report text -------------------------------------------------------------------------------

for (const [field, text] of [
  ['jenis', { jenis: SCRIPT }],
  ['urgensi', { urgensi: SCRIPT }],
  ['kategori_ppks', { kategori_ppks: SCRIPT }],
  ['kecamatan', { kecamatan: `${SAMPLE_REPORT.kecamatan}' OR '1'='1` }],
  ['nama_pelapor', { ...WITH_CONTACT, nama_pelapor: SCRIPT }],
  ['telepon_pelapor', { ...WITH_CONTACT, telepon_pelapor: SCRIPT }],
  ['lintang', { lintang: '1; DROP TABLE laporan', bujur: '106.1' }],
  ['lintang', { lintang: 'NaN', bujur: 'Infinity' }],
  ['persetujuan_versi', { persetujuan_versi: SCRIPT }],
  ['desa_kelurahan', { desa_kelurahan: ONE_MB_TEXT }],
  ['patokan', { patokan: ONE_MB_TEXT }],
  ['deskripsi', { deskripsi: ONE_MB_TEXT }],
  ['nama_pelapor', { ...WITH_CONTACT, nama_pelapor: ONE_MB_TEXT }],
  ['patokan', { patokan: 'Halte\u0000depan toko' }],
  ['deskripsi', { deskripsi: 'Ibu tua tidur di halte \u001b]8;;http://x\u0007' }],
] as const) {
  refuse(`laporan: ${JSON.stringify((text as Record<string, string>)[field]).slice(0, 40)} di ${field}`, () => create('laporan', report(text)), { fields: [field], ...LAPORAN });
}
for (const field of ['desa_kelurahan', 'patokan', 'deskripsi'] as const) {
  const value = field === 'desa_kelurahan' ? `<b>${PLACE}</b>` : `${SCRIPT} di depan toko, mohon segera dibantu`;
  store(`laporan: skrip di ${field} disimpan sebagai teks biasa`, () => create('laporan', report({ [field]: value })), 'laporan', (r) => {
    expect(r[field]).toBe(value);
  });
}
store('laporan: pilihan anonim berisi skrip tidak menyimpan skrip', () => create('laporan', report({ ...WITH_CONTACT, anonim: SCRIPT })), 'laporan', (r) => {
  expect(typeof r['anonim']).toBe('boolean');
});

// --- kotak saran -------------------------------------------------------------------------------

refuse('saran: 1 MB teks', () => saran({ pesan: ONE_MB_TEXT }), { fields: ['pesan'], nothingStoredIn: 'saran' });
refuse('saran: kontak 1 MB', () => saran({ pesan: 'Pelayanan sudah baik.', kontak: ONE_MB_TEXT }), { fields: ['kontak'], nothingStoredIn: 'saran' });
refuse('saran: pesan berupa objek operator', () => saran({ pesan: { $ne: null } }), { fields: ['pesan'], nothingStoredIn: 'saran' });
refuse('saran: berkas sebagai pesan', () => {
  const form = new FormData();
  form.append('pesan', file(HTML_WITH_SCRIPT, 'pesan.html', 'text/html'));
  return create('saran', form);
}, { fields: ['pesan'], nothingStoredIn: 'saran' });
store('saran: skrip disimpan sebagai teks biasa', () => saran({ pesan: `${SCRIPT} <img src=x onerror=alert(1)>`, kontak: '"><svg onload=alert(1)>' }), 'saran', (r) => {
  expect(r['pesan']).toBe(`${SCRIPT} <img src=x onerror=alert(1)>`);
  expect(r['kontak']).toBe('"><svg onload=alert(1)>');
});
refuse('saran: karakter kendali dan RTL override ditolak', () => saran({ pesan: 'Antrean \u0000lama\u001b[31m sekali \u202eini', kontak: '' }), { fields: ['pesan'], message: /Periksa/, nothingStoredIn: 'saran' });
store('saran: sintaks filter PocketBase disimpan sebagai teks biasa', () => saran({ pesan: "x' || id != '' || pesan ~ '%", kontak: '@request.auth.id' }), 'saran', (r) => {
  expect(r['pesan']).toBe("x' || id != '' || pesan ~ '%");
});

// --- survey ------------------------------------------------------------------------------------

const SURVEY = { nothingStoredIn: 'survei_kepuasan' as const };
for (const code of ["' OR 1=1 --", "kode_lacak != ''", '%', '*', "x' || id != '", '../'.repeat(20), 'B'.repeat(10_000)]) {
  // A code the router cannot even take as one path segment gets its 404; any other, the field message.
  refuse(`survei: kode ${JSON.stringify(code.slice(0, 30))}`, () => survey(code), { status: [400, 404], message: /Kode pelacakan|tidak ditemukan/, ...SURVEY });
}
refuse('survei: jawaban berisi skrip', () => survey(ctx.openSurveyCode, { u1: SCRIPT }), { fields: ['u1'], ...SURVEY });
refuse('survei: jawaban 1 OR 1=1', () => survey(ctx.openSurveyCode, { u2: '1 OR 1=1' }), { fields: ['u2'], ...SURVEY });
refuse('survei: jawaban 1e308', () => survey(ctx.openSurveyCode, { u3: '1e308' }), { fields: ['u3'], ...SURVEY });
refuse('survei: jawaban -1', () => survey(ctx.openSurveyCode, { u4: '-1' }), { fields: ['u4'], ...SURVEY });
refuse('survei: jenis kelamin berisi skrip', () => survey(ctx.openSurveyCode, { jenis_kelamin: SCRIPT }), { fields: ['jenis_kelamin'], ...SURVEY });
refuse('survei: saran 1 MB', () => survey(ctx.openSurveyCode, { saran: ONE_MB_TEXT }), { fields: ['saran'], ...SURVEY });
refuse('survei: karakter kendali di saran', () => survey(ctx.openSurveyCode, { saran: 'Bagus\u202e sekali' }), { fields: ['saran'], ...SURVEY });
refuse('survei: langsung lewat API koleksi', () => create('survei_kepuasan', JSON.stringify({ layanan: 'x', u1: 4 }), { 'content-type': 'application/json' }), { status: [403], message: /petugas/, ...SURVEY });
store('survei: skrip di saran disimpan sebagai teks biasa; layanan dari server, tanpa kode', async () => survey(await finishedCode(), { saran: `${SCRIPT} mohon diperbaiki`, layanan: '<script>', kunci_kode: 'palsu', bulan: '2000-01', created: '2000-01-01 00:00:00.000Z' }), 'survei_kepuasan', (r) => {
  expect(r['saran']).toBe(`${SCRIPT} mohon diperbaiki`);
  expect(r['layanan']).toBe(applicationVectors()[0]!.input.layanan);
  expect(r['kunci_kode']).toMatch(/^[0-9a-f]{64}$/);
  expect(r['bulan']).not.toBe('2000-01');
  expect(r['kode_lacak']).toBeUndefined();
  expect(r['created']).toBeUndefined();
});

// --- tracking codes ----------------------------------------------------------------------------

// The office's prefix in look-alike letters: Cyrillic where a letter has a twin, and full width.
const CYRILLIC_TWINS: Record<string, string> = { A: 'А', B: 'В', C: 'С', E: 'Е', H: 'Н', K: 'К', M: 'М', O: 'О', P: 'Р', T: 'Т', X: 'Х' };
const CYRILLIC_PREFIX = SITE.trackingPrefix.replace(/[A-Z]/g, (c) => CYRILLIC_TWINS[c] ?? c);
const fullWidth = (text: string) => text.replace(/[A-Z0-9-]/g, (c) => (c === '-' ? c : String.fromCharCode(c.charCodeAt(0) + 0xfee0)));
const TRACKING_CODES: [string, string][] = [
  ['SQL OR 1=1', "' OR 1=1 --"],
  ['filter kode_lacak != \'\'', "kode_lacak != ''"],
  ['persen', '%'],
  ['bintang', '*'],
  ['..%2f', '..%2f'],
  ['10.000 karakter', SITE.trackingPrefix.repeat(3_334)],
  ['huruf kecil dari kode yang tidak ada', `${SITE.trackingPrefix.toLowerCase()}-222-222-223`],
  [`huruf Kiril yang mirip (${CYRILLIC_PREFIX})`, `${CYRILLIC_PREFIX}-222-222-222`],
  ['angka lebar penuh', fullWidth(`${SITE.trackingPrefix}-222-222-222`)],
  ['tanda kutip ganda', '"'],
  ['||', '||'],
  ["filter x' || id != '", "x' || id != '"],
  ['filter dengan placeholder {:id}', '{:id}'],
  ['@request.auth.id', '@request.auth.id'],
  ['kode asli dengan sintaks filter di belakangnya', '@SEED || 1=1'],
  ['kode asli dengan huruf 0 (bukan alfabet)', '@SEED0'],
  ['NUL di tengah kode', `${SITE.trackingPrefix}-222\u0000-222-222`],
];
for (const [name, code] of TRACKING_CODES) {
  refuse(`lacak: ${name}`, () => get(`/api/lacak/${encodeURIComponent(code.replace('@SEED', ctx.seedCode))}`), { status: [400, 404], message: /Kode pelacakan/ });
}
refuse('lacak: % mentah di jalur', () => raw('/api/lacak/%'), { status: [400, 404] });
refuse('lacak: ../ menuju pb_data', () => raw('/api/lacak/../../pb_data/data.db'), { status: [404] });
for (const code of ["' OR 1=1 --", "x' || id != '", 'B'.repeat(5000)]) {
  answer(`cek survei: kode ${JSON.stringify(code.slice(0, 20))} dijawab "tidak dapat diisi"`, () => get(`/api/lacak/${encodeURIComponent(code)}/survei`), [200], (a) => {
    expect(a.json).toMatchObject({ dapat_diisi: false, layanan: null });
    expect(String(a.json?.['pesan'])).toMatch(INDONESIAN);
  });
}

// --- re-upload by code: the proof and the upload (issue 14) -----------------------------------

const proveWith = (code: string, body: string) => request('POST', `/api/lacak/${encodeURIComponent(code)}/bukti`, body, { 'content-type': 'application/json' });
const proofBody = (jenis: unknown, nilai: unknown, extra: Record<string, unknown> = {}) => JSON.stringify({ bukti_jenis: jenis, bukti_nilai: nilai, ...extra });
refuse('bukti: badan bukan JSON', () => proveWith(ctx.repairCode, '{{{'), { status: [400] });
refuse('bukti: jenis berupa larik', () => proveWith(ctx.repairCode, proofBody(['telepon'], '1234')), { fields: ['bukti_jenis'] });
refuse('bukti: jenis yang tidak dikenal (nama ibu)', () => proveWith(ctx.repairCode, proofBody('nama_ibu', 'Siti')), { fields: ['bukti_jenis'] });
refuse('bukti: nilai berupa objek {$ne: null}', () => proveWith(ctx.repairCode, proofBody('telepon', { $ne: null })), { fields: ['bukti_nilai'] });
refuse("bukti: telepon ' OR 1=1 --", () => proveWith(ctx.repairCode, proofBody('telepon', "' OR 1=1 --")), { fields: ['bukti_nilai'] });
refuse('bukti: telepon dengan wildcard %%%%', () => proveWith(ctx.repairCode, proofBody('telepon', '%%%%')), { fields: ['bukti_nilai'] });
refuse('bukti: telepon dengan NUL di tengah', () => proveWith(ctx.repairCode, proofBody('telepon', '12\u000034')), { fields: ['bukti_nilai'] });
refuse('bukti: telepon 1 MB', () => proveWith(ctx.repairCode, proofBody('telepon', ONE_MB_TEXT)), { fields: ['bukti_nilai'] });
refuse("bukti: tanggal lahir dengan ' OR '1'='1", () => proveWith(ctx.repairCode, proofBody('tanggal_lahir', "1980-07-05' OR '1'='1")), { fields: ['bukti_nilai'] });
refuse('bukti: tanggal lahir 31 Februari', () => proveWith(ctx.repairCode, proofBody('tanggal_lahir', '1980-02-31')), { fields: ['bukti_nilai'] });
refuse('bukti: tanggal lahir dengan jam (LIKE awalan)', () => proveWith(ctx.repairCode, proofBody('tanggal_lahir', '1980-07-05T00:00:00Z')), { fields: ['bukti_nilai'] });
refuse("bukti: kode x' || id != '", () => proveWith("x' || id != '", proofBody('telepon', '1234')), { fields: ['kode'], message: /Kode pelacakan tidak sah/ });
refuse('bukti: kode 10.000 karakter', () => proveWith('BKA'.repeat(3_334), proofBody('telepon', '1234')), { fields: ['kode'] });
refuse('bukti: nilai salah dengan status dan kode lain di badan', () => proveWith(ctx.repairCode, proofBody('telepon', '0000', { status: 'selesai', kode_lacak: ctx.seedCode, id: ctx.ids['permohonan'] })), { status: [403], message: /tidak cocok/ });

const reupload = (parts: Record<string, string | File | File[]>, code = () => ctx.repairCode) => () => {
  const form = new FormData();
  for (const [key, value] of Object.entries(parts)) for (const v of Array.isArray(value) ? value : [value]) form.append(key, v);
  return request('POST', `/api/lacak/${encodeURIComponent(code())}/unggah`, form);
};
const stillInRepair = async () => {
  const rec = await pb.admin.collection('permohonan').getFirstListItem(pb.admin.filter('kode_lacak = {:k}', { k: ctx.repairCode }));
  expect(rec['status']).toBe(statusWithMeaning(STATUS_LISTS.permohonan, 'repair'));
};
const VERSIONS = { nothingStoredIn: 'versi_dokumen' as const };
const withToken = (files: Record<string, File | File[]>, extra: Record<string, string> = {}) => ({ id_pengiriman: randomUUID(), ...extra, ...files });
refuse('unggah ulang: tanpa bukti', () => reupload({ id_pengiriman: randomUUID(), [repairDoc.key]: file(png(40, 30), 'a.png', 'image/png') })(), { status: [401], ...VERSIONS }, stillInRepair);
refuse('unggah ulang: bukti x.y.z', () => reupload({ bukti: 'x.y.z', id_pengiriman: randomUUID(), [repairDoc.key]: file(png(40, 30), 'a.png', 'image/png') })(), { status: [401], ...VERSIONS }, stillInRepair);
refuse('unggah ulang: JWT alg=none sebagai bukti', () => reupload({ bukti: 'eyJhbGciOiJub25lIn0.eyJpZCI6IngifQ.', id_pengiriman: randomUUID(), [repairDoc.key]: file(png(40, 30), 'a.png', 'image/png') })(), { status: [401], ...VERSIONS }, stillInRepair);
refuse('unggah ulang: bukti sah untuk kode lain', () => reupload({ bukti: ctx.repairToken, id_pengiriman: randomUUID(), [repairDoc.key]: file(png(40, 30), 'a.png', 'image/png') }, () => ctx.seedCode)(), { status: [401], ...VERSIONS }, stillInRepair);
const withProof = (name: string, files: Record<string, File | File[]>, fields: string[], extra: Record<string, string> = {}) =>
  refuse(`unggah ulang: ${name}`, () => reupload({ bukti: ctx.repairToken, ...withToken(files, extra) })(), { fields, ...VERSIONS }, stillInRepair);
withProof('SVG dengan <script>', { [repairDoc.key]: file(SVG_WITH_SCRIPT, 'ktp.svg', 'image/svg+xml') }, [repairDoc.key]);
withProof('HTML berakhiran .jpg', { [repairDoc.key]: file(DISGUISED.html, 'ktp.jpg', 'image/jpeg') }, [repairDoc.key]);
withProof('EXE berakhiran .png', { [repairDoc.key]: file(DISGUISED.exe, 'ktp.png', 'image/png') }, [repairDoc.key]);
withProof('bom dekompresi PNG 50000 × 50000', { [repairDoc.key]: file(ctx.bomb, 'ktp.png', 'image/png') }, [repairDoc.key]);
withProof('JPEG yang mengaku 65500 × 65500', { [repairDoc.key]: file(jpegHugeHeader(), 'ktp.jpg', 'image/jpeg') }, [repairDoc.key]);
withProof('berkas di atas batas ukuran', { [repairDoc.key]: jpeg('ktp.jpg', (repairDoc.maxSizeMB + 1) * MB) }, [repairDoc.key]);
withProof('berkas kosong', { [repairDoc.key]: file(Buffer.alloc(0), 'ktp.png', 'image/png') }, [repairDoc.key]);
withProof('dua berkas untuk satu dokumen', { [repairDoc.key]: [file(png(40, 30), 'a.png', 'image/png'), file(png(40, 30), 'b.png', 'image/png')] }, [repairDoc.key]);
withProof('dokumen yang tidak diminta ikut dikirim, dengan status=selesai', { [repairDoc.key]: file(png(40, 30), 'a.png', 'image/png'), [otherDoc.key]: file(png(40, 30), 'b.png', 'image/png') }, [otherDoc.key], { status: 'selesai', catatan_publik: 'Selesai.' });
withProof('tanpa dokumen yang diminta', {}, [repairDoc.key]);
refuse("unggah ulang: id_pengiriman '; DROP TABLE", () => reupload({ bukti: ctx.repairToken, id_pengiriman: "'; DROP TABLE permohonan; --", [repairDoc.key]: file(png(40, 30), 'a.png', 'image/png') })(), { fields: ['id_pengiriman'], ...VERSIONS }, stillInRepair);

// --- letters: the public verification and the applicant's copy (issue 14) ------------------------

for (const [name, id] of [
  ['id acak 15 huruf', 'abcdefghijklmno'],
  ["' OR 1=1 --", "' OR 1=1 --"],
  ['..%2f menuju data.db', '..%2f..%2fdata.db'],
  ['10.000 karakter', 'a'.repeat(10_000)],
  ['NUL', 'abc\u0000def'],
  ['filter id != ""', 'id != ""'],
] as const) {
  refuse(`verifikasi: ${name}`, () => get(`/api/verifikasi/${encodeURIComponent(id)}`), { status: [404], message: /tidak terdaftar/ });
}
refuse('surat pemohon: tanpa bukti', () => request('POST', `/api/lacak/${encodeURIComponent(ctx.seedCode)}/surat`, '{}', { 'content-type': 'application/json' }), { status: [401] });
refuse('surat pemohon: bukti berupa objek', () => request('POST', `/api/lacak/${encodeURIComponent(ctx.seedCode)}/surat`, JSON.stringify({ bukti: { $ne: '' } }), { 'content-type': 'application/json' }), { status: [401] });
refuse('surat pemohon: bukti sah kode lain', () => request('POST', `/api/lacak/${encodeURIComponent(ctx.seedCode)}/surat`, JSON.stringify({ bukti: ctx.repairToken }), { 'content-type': 'application/json' }), { status: [401] });
refuse('tamu: cabut surat', () => request('POST', '/api/petugas/surat/abcdefghijklmno/cabut', JSON.stringify({ alasan: 'Dicabut oleh orang luar.' }), { 'content-type': 'application/json' }), { status: [401, 403] });
refuse('tamu: baca surat lewat ruang kerja', () => get('/api/petugas/surat/abcdefghijklmno'), { status: [401, 403] });

// --- records API as a guest ----------------------------------------------------------------------

const GUEST_COLLECTIONS = ['permohonan', 'laporan', 'riwayat_permohonan', 'riwayat_laporan', 'saran', 'survei_kepuasan', 'petugas', 'log_akses', '_superusers'];
// Letters, their register and kept versions: a guest lists nothing of them either.
for (const collection of ['surat', 'register_surat', 'versi_dokumen', 'bukti_pemohon']) {
  answer(`tamu: daftar ${collection}`, () => get(`/api/collections/${collection}/records?perPage=500`), [200, 401, 403, 404], (a) => {
    if (a.status === 200) expect(a.json?.['items'], collection).toEqual([]);
  });
}
for (const collection of GUEST_COLLECTIONS) {
  const id = () => ctx.ids[collection]!;
  const base = `/api/collections/${collection}/records`;
  // Staff-readable collections answer a guest's list with an empty page; the others refuse.
  answer(`tamu: daftar ${collection} dengan filter id != ''`, () => get(`${base}?filter=${encodeURIComponent("id != ''")}&perPage=500`), [200, 401, 403, 404], (a) => {
    if (a.status === 200) expect(a.json?.['items'], collection).toEqual([]);
  });
  refuse(`tamu: lihat ${collection}`, () => get(`${base}/${id()}`), { status: [401, 403, 404] });
  refuse(`tamu: ubah ${collection}`, () => request('PATCH', `${base}/${id()}`, JSON.stringify({ status: SUCCESS, catatan_publik: 'x', email: 'x@x.x', password: 'x' }), { 'content-type': 'application/json' }), { status: [401, 403, 404] }, async () => {
    const now = await pb.admin.collection(collection).getOne(id());
    expect(now['catatan_publik'] ?? '').not.toBe('x');
    expect(now['status'] ?? '').not.toBe(SUCCESS);
  });
  refuse(`tamu: hapus ${collection}`, () => request('DELETE', `${base}/${id()}`), { status: [401, 403, 404] }, async () => {
    expect((await pb.admin.collection(collection).getOne(id())).id).toBe(id());
  });
}
refuse('tamu: buat riwayat permohonan palsu', () => createJson('riwayat_permohonan', { permohonan: ctx.ids['permohonan'], status: SUCCESS, catatan_publik: 'selesai' }), { status: [400, 403], nothingStoredIn: 'riwayat_permohonan' });
refuse('tamu: buat akun superuser', () => createJson('_superusers', { email: 'penyusup@contoh.id', password: 'Sandi-Rahasia-123', passwordConfirm: 'Sandi-Rahasia-123' }), { status: [400, 401, 403], nothingStoredIn: '_superusers' });
refuse("tamu: masuk superuser dengan ' OR 1=1 --", () => request('POST', '/api/collections/_superusers/auth-with-password', JSON.stringify({ identity: "' OR 1=1 --", password: "' OR 1=1 --" }), { 'content-type': 'application/json' }), { status: [400, 401, 403] });
refuse('tamu: permintaan batch yang membuat permohonan', () => request('POST', '/api/batch', JSON.stringify({ requests: [{ method: 'POST', url: '/api/collections/permohonan/records', body: { status: SUCCESS } }] }), { 'content-type': 'application/json' }), { status: [400, 403], notAForm: true, ...PERMOHONAN });
for (const target of ['/api/collections', '/api/settings', '/api/logs', '/api/backups', '/api/crons']) {
  refuse(`tamu: ${target}`, () => get(target), { status: [401, 403, 404] });
}

// --- files as a guest --------------------------------------------------------------------------

refuse('tamu: berkas KTP dengan nama persisnya', () => get(`/api/files/permohonan/${ctx.ids['permohonan']}/${ctx.files['ktp']}`), { status: [401, 403, 404] });
refuse('tamu: gambar kecil (thumb) KTP', () => get(`/api/files/permohonan/${ctx.ids['permohonan']}/${ctx.files['ktp']}?thumb=100x100`), { status: [401, 403, 404] });
refuse('tamu: berkas KTP dengan token palsu', () => get(`/api/files/permohonan/${ctx.ids['permohonan']}/${ctx.files['ktp']}?token=eyJhbGciOiJub25lIn0.eyJ0eXBlIjoiZmlsZSJ9.`), { status: [401, 403, 404] });
refuse('tamu: foto laporan', () => get(`/api/files/laporan/${ctx.ids['laporan']}/${ctx.files['foto']}?download=1`), { status: [401, 403, 404] });
refuse('tamu: berkas lewat ..%2f menuju data.db', () => raw(`/api/files/permohonan/${ctx.ids['permohonan']}/..%2f..%2f..%2fdata.db`), { status: [400, 404] });
refuse('tamu: berkas lewat koleksi ..%2f..', () => raw('/api/files/..%2f..%2f/x/data.db'), { status: [400, 404] });
refuse('tamu: token berkas tanpa masuk', () => request('POST', '/api/files/token'), { status: [400, 401, 403] });

// --- staff-only export and public figures ------------------------------------------------------

refuse('tamu: ekspor LAKIN', () => get('/api/lakin/ekspor?tahun=2026'), { status: [401, 403] });
refuse('tamu: ekspor LAKIN dengan JWT alg=none', () => get('/api/lakin/ekspor', { authorization: 'eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJ0eXBlIjoiYXV0aCIsImNvbGxlY3Rpb25JZCI6InBiY18zMTQyNjM1ODIzIn0.' }), { status: [401, 403] });
for (const tahun of ["2026' OR 1=1 --", '99999', '2026abc', '-2026', '1e3']) {
  refuse(`staf: ekspor LAKIN tahun ${JSON.stringify(tahun)}`, async () => get(`/api/lakin/ekspor?tahun=${encodeURIComponent(tahun)}`, { authorization: pb.admin.authStore.token }), { status: [400], message: /Tahun tidak sah/ });
}
for (const [name, query] of [
  ["status ' OR 1=1", `status=${encodeURIComponent("' OR 1=1 --")}`],
  ['jenis skrip', `jenis=${encodeURIComponent(SCRIPT)}`],
  ['kecamatan 10.000 karakter', `kecamatan=${'a'.repeat(10_000)}`],
  ['halaman -1', 'halaman=-1'],
  ['halaman 1e9', 'halaman=1e9'],
] as const) {
  refuse(`progres: ${name}`, () => get(`/api/progres?${query}`), { status: [400], message: INDONESIAN });
}
answer('statistik: parameter filter dan expand diabaikan', () => get(`/api/statistik?filter=${encodeURIComponent("id != ''")}&expand=permohonan&fields=*,nik`), [200], (a) => {
  expect(a.json).not.toBeNull();
  expect(a.text).not.toMatch(/"(nik|nama_lengkap|telepon|alamat)"/);
});

// --- the static site: traversal never reaches data files ---------------------------------------

for (const target of [
  '/../pb_data/data.db',
  '/../../pocketbase/pb_data/data.db',
  '/%2e%2e/pb_data/data.db',
  '/%2e%2e%2f%2e%2e%2fpocketbase%2fpb_data%2fdata.db',
  '/..%2f..%2fpackage.json',
  '/..%5c..%5cpackage.json',
  '/..\\..\\package.json',
  '/%c0%ae%c0%ae/%c0%ae%c0%ae/package.json',
  '/index.html%00.db',
  '/%00',
  '/data/portal.json%2f..%2f..%2f..%2fpocketbase%2fpb_hooks%2flacak.pb.js',
  '//etc/passwd',
  '/.env',
  '/.git/config',
  '/pocketbase/pb_hooks/lib/permohonan.js',
  '/_/../../pb_data/data.db',
]) {
  refuse(`situs: ${target}`, () => raw(target), { status: [400, 404] });
}
refuse('situs: NUL mentah di jalur', () => raw(Buffer.from([0x2f, 0x00, 0x2e, 0x2e, 0x2f, 0x70])), { status: [400] });

// ------------------------------------------------------------------ running the table

describe('hostile input against every public endpoint', () => {
  beforeAll(async () => {
    ctx.bomb = await pngBomb();
    for (const name of GUEST_COLLECTIONS) ctx.collectionIds[name] = (await pb.admin.collections.getOne(name)).id;

    ctx.seedCode = await applyAsSamplePerson(pb.url);
    const seed = await pb.admin.collection('permohonan').getFirstListItem(pb.admin.filter('kode_lacak = {:k}', { k: ctx.seedCode }));
    ctx.ids['permohonan'] = seed.id;
    ctx.files['ktp'] = String(seed[DOC]);
    ctx.ids['riwayat_permohonan'] = (await pb.admin.collection('riwayat_permohonan').getFirstListItem(pb.admin.filter('permohonan = {:id}', { id: seed.id }))).id;

    const sent = await create('laporan', report());
    const seededReport = await pb.admin.collection('laporan').getOne(String(sent.json?.['id']));
    ctx.ids['laporan'] = seededReport.id;
    ctx.files['foto'] = (seededReport['foto'] as string[])[0]!;
    ctx.ids['riwayat_laporan'] = (await pb.admin.collection('riwayat_laporan').getFirstListItem(pb.admin.filter('laporan = {:id}', { id: seededReport.id }))).id;

    ctx.ids['saran'] = (await pb.admin.collection('saran').create({ pesan: 'Saran rahasia untuk petugas saja.', kontak: '0812-0000-1111' })).id;
    const rated = await finishedCode();
    ctx.ids['survei_kepuasan'] = String((await survey(rated)).json?.['id']);
    ctx.openSurveyCode = await finishedCode();
    // A field worker's account (the first field role of this office).
    const team = await staffTeam(pb);
    ctx.ids['petugas'] = Object.values(team).find((a) => a.roles.some((r) => portalOf().roles.find((x) => x.id === r)?.field))!.id;
    // An access-log entry exists once staff open a document.
    const seeded = await pb.admin.collection('permohonan').getFirstListItem(pb.admin.filter('kode_lacak = {:k}', { k: ctx.seedCode }));
    await fetch(pb.admin.files.getURL(seeded, String(seeded[DOC]), { token: await pb.admin.files.getToken() }));
    ctx.ids['log_akses'] = (await pb.admin.collection('log_akses').getFirstListItem(''))['id'];
    ctx.ids['_superusers'] = (await pb.admin.collection('_superusers').getFirstListItem('')).id;
    // A request waiting for a repair, and a valid proof for it (by the phone's last 4 digits).
    ctx.collectionIds['versi_dokumen'] = (await pb.admin.collections.getOne('versi_dokumen')).id;
    ctx.repairCode = await applyAsSamplePerson(pb.url);
    const repair = await pb.admin.collection('permohonan').getFirstListItem(pb.admin.filter('kode_lacak = {:k}', { k: ctx.repairCode }));
    await advance(pb, 'permohonan', repair.id, statusWithMeaning(STATUS_LISTS.permohonan, 'repair'), { repairDocuments: [repairDoc.key] });
    const proof = await proveWith(ctx.repairCode, proofBody('telepon', String(repair['telepon']).slice(-4)));
    ctx.repairToken = String(proof.json?.['token']);
  }, 60_000);

  it('has at least 100 rows', () => {
    expect(rows.length).toBeGreaterThanOrEqual(100);
    expect(rows.map((r) => r.name).filter((name, i, all) => all.indexOf(name) !== i)).toEqual([]);
  });

  for (const row of rows) {
    it(row.name, async () => {
      const e = row.expect;
      const collection = 'refused' in e ? e.nothingStoredIn : 'stored' in e ? e.stored : undefined;
      const before = collection ? await footprint(collection) : '';
      const countBefore = collection ? await count(collection) : 0;

      const a = await row.send();
      const shown = `${a.status} ${a.text.slice(0, 300)}`;
      expect(a.status, shown).toBeLessThan(500);
      expect(a.status, shown).toBeGreaterThan(0);
      // Nothing of other people's requests comes back, whatever was asked.
      for (const value of [...SAMPLE_PERSONAL_STRINGS, ctx.seedCode]) expect(a.text, shown).not.toContain(value);
      expect(a.text).not.toContain('SQLite format');

      if ('refused' in e) {
        expect(e.refused, shown).toContain(a.status);
        const message = messageOf(a);
        expect(message.trim().length, shown).toBeGreaterThan(0);
        if (e.message) expect(message, shown).toMatch(e.message);
        // The public forms answer in Indonesian, whatever went wrong.
        if (collection && collection in FORM_COLLECTIONS && !e.notAForm) {
          expect(message, shown).toMatch(INDONESIAN);
          expect(message, shown).not.toMatch(ENGLISH);
        }
        if (e.fields) {
          const fields = fieldMessages(a);
          expect(Object.keys(fields).sort(), shown).toEqual([...e.fields].sort());
          for (const field of e.fields) {
            expect(fields[field]?.message, field).toMatch(INDONESIAN);
            expect(fields[field]?.message, field).not.toMatch(ENGLISH);
          }
        } else if (a.status === 400 && collection && a.json?.['data'] && Object.keys(fieldMessages(a)).length > 0) {
          // Any field message a form gets is Indonesian too.
          for (const [field, m] of Object.entries(fieldMessages(a))) expect(m.message, field).not.toMatch(ENGLISH);
        }
        if (a.json && 'ditemukan' in a.json) {
          expect(a.json['ditemukan']).toBe(false);
          // A tracking answer carries no history; a verification answer has no such key at all.
          if ('riwayat' in a.json) expect(a.json['riwayat']).toEqual([]);
        }
        if (collection) expect(await footprint(collection), `${row.name}: nothing stored`).toBe(before);
      } else if ('stored' in e) {
        expect(a.status, shown).toBe(200);
        const id = String(a.json?.['id']);
        if (e.stored === 'permohonan' || e.stored === 'laporan') {
          // An `expand` asked for in the address may come back, empty: nothing related is shown.
          if (a.json && 'expand' in a.json) expect(a.json['expand'], shown).toEqual({});
          expect(Object.keys(a.json ?? {}).filter((k) => k !== 'expand').sort(), shown).toEqual(['collectionId', 'collectionName', 'id', 'kode_lacak']);
          expect(a.json?.['kode_lacak']).toMatch(CODE);
        } else if (e.stored === 'survei_kepuasan') {
          expect(Object.keys(a.json ?? {}), shown).toEqual(['id']);
        }
        expect(await count(e.stored)).toBe(countBefore + 1);
        const record = await pb.admin.collection(e.stored).getOne(id);
        await e.check?.(record);
      } else {
        expect(e.answered, shown).toContain(a.status);
        e.check?.(a);
      }
      await row.after?.();
    });
  }

  it('survives all of it: still healthy, no panic in the log', async () => {
    expect((await fetch(`${pb.url}/api/health`)).status).toBe(200);
    expect(pb.logs.join('\n')).not.toMatch(/panic|runtime error|fatal error/i);
  });
});
