import { readFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { RecordModel } from 'pocketbase';
import { expectAccessible, useJourney } from '../support/journey';
import { reportForm, sampleApplicationForm, SAMPLE_PERSON, SAMPLE_PERSONAL_STRINGS, SAMPLE_REPORT, personalValuesIn } from '../support/application';
import { attachDocuments, reviewApplication, sendApplication, sendReport, startApplication, type Applicant } from '../support/forms';
import { png } from '../support/images';
import { UNSUR } from '../../src/lib/rules/ikm';
import { FINISHED, REPAIR, REPORTS, content, putOnBoard } from '../support/records';
import { VECTOR_SERVICE } from '../support/application';
import { documentNeed } from '../../src/lib/rules/applicant';
import { advance } from '../support/staff';
import { statusWithMeaning } from '../support/workflow';
import { SITE_DIR } from '../../scripts/lib/pocketbase.mjs';

// After real journeys (applications and reports through the forms and the API, staff moving
// them on with public and internal notes, a survey, a suggestion, and a bad submission), nothing
// a person submitted may be found on any public page, in any public API answer, in a message
// sent to an applicant, or in PocketBase's output and request log (UU 27/2022 PDP: public views
// show no personal data).

const journey = useJourney();
const DIST = SITE_DIR;

/** Sent through the real application form, on behalf of a relative. */
const APPLICANT: Applicant = {
  pemohon_adalah: 'mewakili',
  nama_pengaju: 'Bambang Sutrisnowati',
  hubungan: 'menantu dari Bekasi',
  nama_lengkap: 'Ratnaningsih Widyastuti',
  nik: '1901026712730006',
  nomor_kk: '1901022805090011',
  tanggal_lahir: '1973-12-27',
  telepon: '0819-3141-5926',
  kecamatan: 'merawang',
  desa_kelurahan: 'Dusun Teratai Tersembunyi',
  alamat: 'Lorong Kemuning Nomor 41 samping surau Al-Ikhlas',
};
/** Sent through the real report form, with the phone's position and contact. */
const REPORTER = {
  desa_kelurahan: 'Kampung Bakau Senyap',
  patokan: 'Kolong jembatan Sungai Limbung dekat bengkel Harapan',
  deskripsi: 'Nenek berkerudung ungu duduk sendirian, bercerita tentang anaknya di Palembang',
  contact: { nama: 'Hendrawan Saputro', telepon: '0878-1122-3344' },
  position: { latitude: -1.912345, longitude: 105.987654 },
};
const SURVEY_COMMENT = 'Petugas sangat ramah, antar saja ke rumah saya di Gang Anggrek Sembilan';
const SARAN = { pesan: 'Tolong kabari saya soal bantuan untuk Ibu Rukmini Lestari di Pangkalbalam', kontak: '0896-7788-9900' };
/** A refused application: its values never reach a record, and must not reach a log either. */
const REFUSED = { nik: '190103450882117', nomor_kk: '1901035012880007', telepon: '0838-2020-3030', nama_lengkap: 'Suwarsih Handayani Pratiwi' };

/** Every submitted value, as typed; personalValuesIn also finds the numbers in other forms. */
const PERSONAL = [
  ...SAMPLE_PERSONAL_STRINGS,
  ...Object.entries(APPLICANT).filter(([k]) => !['pemohon_adalah', 'kecamatan'].includes(k)).map(([, v]) => v as string),
  '27 Desember 1973',
  ...['desa_kelurahan', 'patokan', 'deskripsi', 'nama_pelapor', 'telepon_pelapor'].map((k) => SAMPLE_REPORT[k as keyof typeof SAMPLE_REPORT]),
  // GPS to four decimals (about 11 m) is already a person's whereabouts.
  '1.8734',
  '106.1042',
  REPORTER.desa_kelurahan,
  REPORTER.patokan,
  REPORTER.deskripsi,
  REPORTER.contact.nama,
  REPORTER.contact.telepon,
  '1.9123',
  '105.9876',
  SURVEY_COMMENT,
  SARAN.pesan,
  SARAN.kontak,
  ...Object.values(REFUSED),
];
/** What the logs must never hold in any form: identity numbers and phones. */
const NUMBERS = [SAMPLE_PERSON.nik, SAMPLE_PERSON.nomor_kk, SAMPLE_PERSON.telepon, APPLICANT.nik, APPLICANT.nomor_kk, APPLICANT.telepon, SAMPLE_REPORT.telepon_pelapor, REPORTER.contact.telepon, SARAN.kontak, REFUSED.nik, REFUSED.nomor_kk, REFUSED.telepon];

/** A staff member's internal note on every step: never in a message to the applicant. */
const STAFF_NOTE = 'Catatan dalam: rumah kontrakan milik Haji Sulaiman, anak sulung di Lapas';
const SMALL_PNG = png(160, 120);
const state = {
  codes: [] as string[],
  /** Public answers seen on the way: the create answers a sender's own device received. */
  answers: [] as { source: string; text: string }[],
};

async function post(collection: string, body: FormData): Promise<{ status: number; text: string }> {
  const res = await fetch(`${journey.pb.url}/api/collections/${collection}/records`, { method: 'POST', body });
  const text = await res.text();
  state.answers.push({ source: `POST ${collection} → ${res.status}`, text });
  return { status: res.status, text };
}

const byCode = (collection: string, code: string) => journey.pb.admin.collection(collection).getFirstListItem(journey.pb.admin.filter('kode_lacak = {:k}', { k: code }));

/** Staff move a record to `target` through the workspace's actions, each with a public note (never personal data). */
async function move(collection: 'permohonan' | 'laporan', code: string, target: string) {
  const { id } = await byCode(collection, code);
  await advance(journey.pb, collection, id, target, { note: (n, aksi) => `Tahap ${n + 1} (${aksi}) sudah dicatat petugas.`, internal: () => STAFF_NOTE });
}

describe('no personal value on any public page, in any public answer, or in a log', () => {
  it('journeys: forms in the browser and through the API, staff updates, a survey, a suggestion, a refused submission', async () => {
    const { page, context, close } = await journey.open();
    page.on('response', async (res) => {
      if (res.request().method() === 'POST' && res.url().includes('/api/collections/')) state.answers.push({ source: `browser POST ${res.url()} → ${res.status()}`, text: await res.text().catch(() => '') });
    });

    // Through the real forms: an application with five photos, and a report with GPS and contact.
    await startApplication(page, VECTOR_SERVICE.id, APPLICANT);
    const asked = VECTOR_SERVICE.data.documents.filter((d) => documentNeed(d, APPLICANT, new Date().toISOString().slice(0, 10)) !== 'tidak_diminta');
    await attachDocuments(page, asked.map((d) => d.key), { name: 'dokumen.png', mimeType: 'image/png', buffer: SMALL_PNG });
    await reviewApplication(page);
    const browserApplication = await sendApplication(page);
    await context.grantPermissions(['geolocation'], { origin: journey.pb.url });
    await context.setGeolocation({ ...REPORTER.position, accuracy: 10 });
    await page.goto('/lapor/');
    const browserReport = await sendReport(page, { jenis: 'Orang telantar', urgent: true, kecamatan: 'pemali', desa_kelurahan: REPORTER.desa_kelurahan, patokan: REPORTER.patokan, deskripsi: REPORTER.deskripsi, contact: REPORTER.contact, gps: true });
    expect((await byCode('laporan', browserReport))['lintang']).toBeCloseTo(REPORTER.position.latitude, 5);

    // Through the API: the sample person's application and a report with a photo.
    const apiApplication = JSON.parse((await post('permohonan', sampleApplicationForm())).text).kode_lacak as string;
    const apiReport = JSON.parse((await post('laporan', reportForm({ ...SAMPLE_REPORT }, 1))).text).kode_lacak as string;
    state.codes = [browserApplication, browserReport, apiApplication, apiReport];

    // A refused submission: a 15-digit NIK and no consent. PocketBase logs a 400 for it.
    const refused = await post('permohonan', sampleApplicationForm({ ...REFUSED, persetujuan_versi: '' }));
    expect(refused.status).toBe(400);
    expect(Object.keys((JSON.parse(refused.text) as { data: Record<string, unknown> }).data).sort()).toEqual(['nik', 'persetujuan_versi']);
    expect((await post('laporan', reportForm({ ...SAMPLE_REPORT, telepon_pelapor: '0838-2020-3030x' }))).status).toBe(400);

    // Staff: the browser application is finished (then rated), the API one waits for corrections.
    await move('permohonan', browserApplication, FINISHED);
    await move('permohonan', apiApplication, REPAIR);
    await move('laporan', browserReport, REPORTS.checking.next.find((id) => !REPORTS.statuses.find((s) => s.id === id)?.closed)!);
    await move('laporan', apiReport, statusWithMeaning(content.reportStatuses, 'success'));
    const survey = new FormData();
    for (const u of UNSUR) survey.append(u.id, '4');
    survey.append('saran', SURVEY_COMMENT);
    expect((await fetch(`${journey.pb.url}/api/lacak/${browserApplication}/survei`, { method: 'POST', body: survey })).status).toBe(200);
    // The survey keeps no tracking code and no time: staff cannot join it to the applicant.
    const answers = JSON.stringify(await journey.pb.admin.collection('survei_kepuasan').getFullList());
    for (const code of state.codes) expect(answers).not.toContain(code);
    expect(answers).not.toMatch(/"created"|"kode_lacak"/);

    // A suggestion with a phone number to call back, through the real kotak saran.
    await page.goto('/saran/');
    await page.getByLabel('Saran atau masukan').fill(SARAN.pesan);
    await page.getByLabel('Nomor telepon atau surel (tidak wajib)').fill(SARAN.kontak);
    await page.getByRole('button', { name: 'Kirim saran' }).click();
    await page.getByRole('status').filter({ hasText: 'saran Anda sudah kami terima' }).waitFor();
    await close();

    expect(state.answers.filter((a) => a.source.startsWith('browser')).length).toBeGreaterThanOrEqual(3);
  }, 120_000);

  it('every message to applicants and reporters carries the code and the stage, never a personal value or a staff note', async () => {
    const { admin } = journey.pb;
    // No provider here: the sender renders nothing new, it hands the messages to staff (wa.me).
    await admin.send('/api/pesan-keluar/proses', { method: 'POST' });
    const rows = await admin.collection('pesan_keluar').getFullList();
    // The browser application went all the way (received … completed, survey), the API one was sent back.
    const events = (code: string) => rows.filter((r) => r['kode_lacak'] === code).map((r) => String(r['peristiwa']));
    expect(events(state.codes[0]!)).toEqual(expect.arrayContaining(['diterima', 'selesai', 'survei']));
    expect(events(state.codes[2]!)).toEqual(expect.arrayContaining(['diterima', 'perbaikan']));
    const problems: string[] = [];
    for (const r of rows) {
      const text = `${String(r['subjek'])}\n${String(r['teks'])}`;
      const found = personalValuesIn(text, [...PERSONAL, STAFF_NOTE]);
      if (found.length > 0) problems.push(`${String(r['kode_lacak'])} ${String(r['peristiwa'])}: ${found.join(', ')}`);
      if (!state.codes.includes(String(r['kode_lacak'])) || !text.includes(String(r['kode_lacak']))) problems.push(`${String(r['peristiwa'])}: tanpa kode lacak`);
    }
    console.log(`pindai pesan: ${rows.length} pesan`);
    expect(problems).toEqual([]);
  });

  it('every page in the sitemap and every tracking page, as rendered in Chromium, and every answer they loaded', async () => {
    const sitemap = readFileSync(path.join(DIST, 'sitemap.xml'), 'utf8');
    const pages = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
    const dynamic = [
      ...state.codes.map((code) => `/lacak/?kode=${encodeURIComponent(code)}`),
      `/survei/?kode=${encodeURIComponent(state.codes[0]!)}`,
      '/progres/?jenis=laporan',
      '/progres/?kecamatan=merawang',
      '/progres/?status=perlu_perbaikan',
      // The verification page of every letter issued on the way (a finished request's BASTB).
      ...(await journey.pb.admin.collection('surat').getFullList()).map((l) => `/verifikasi/${l.id}`),
    ];
    expect(dynamic.some((a) => a.startsWith('/verifikasi/')), 'tidak ada surat yang terbit dalam perjalanan ini').toBe(true);
    // The board shows yesterday's state in groups of five: each report joins four plain ones of
    // its kind, kecamatan and status, a week back (the two applications stay alone, unshown).
    await putOnBoard(journey.pb, 'laporan', state.codes[1]!);
    await putOnBoard(journey.pb, 'laporan', state.codes[3]!);
    const { page, consoleErrors, close } = await journey.open();
    const loaded: { source: string; text: string }[] = [];
    page.on('response', async (res) => {
      const type = res.headers()['content-type'] ?? '';
      if (/json|text|javascript/.test(type)) loaded.push({ source: `${page.url()} ← ${res.url()}`, text: await res.text().catch(() => '') });
    });

    const started = Date.now();
    const problems: string[] = [];
    const scan = async (address: string) => {
      const res = await page.goto(address);
      if (res?.status() !== 200) problems.push(`${address}: status ${res?.status()}`);
      await page.waitForLoadState('networkidle');
      const rendered = `${await page.content()}\n${await page.locator('body').innerText()}`;
      const found = personalValuesIn(rendered, PERSONAL);
      if (found.length > 0) problems.push(`${address}: ${found.join(', ')}`);
    };
    for (const address of pages) await scan(address);
    for (const address of dynamic) await scan(address);

    // The states only data makes: tracking a request, with corrections asked; the board; the figures.
    await page.goto(`/lacak/?kode=${encodeURIComponent(state.codes[2]!)}`);
    await page.getByRole('heading', { name: 'Yang perlu Anda lakukan' }).waitFor();
    await expectAccessible(page);
    await page.goto(`/lacak/?kode=${encodeURIComponent(state.codes[1]!)}`);
    await page.getByText('Laporan: Orang telantar').first().waitFor();
    await expectAccessible(page);
    await page.goto('/progres/');
    await page.locator('.board-table tbody tr').nth(1).waitFor();
    expect(await page.locator('.board-table tbody tr').count()).toBe(2);
    await expectAccessible(page);
    await page.goto('/kinerja/');
    await page.waitForLoadState('networkidle');
    await expectAccessible(page);

    for (const answer of loaded) {
      const found = personalValuesIn(answer.text, PERSONAL);
      if (found.length > 0) problems.push(`${answer.source}: ${found.join(', ')}`);
    }
    console.log(`pindai halaman: ${pages.length + dynamic.length} halaman, ${loaded.length} jawaban dimuat, ${((Date.now() - started) / 1000).toFixed(1)} s`);
    expect(problems).toEqual([]);
    expect(loaded.some((a) => a.source.includes('/api/lacak/'))).toBe(true);
    expect(loaded.some((a) => a.source.includes('/api/progres'))).toBe(true);
    expect(loaded.some((a) => a.source.includes('/api/verifikasi/'))).toBe(true);
    expect(consoleErrors).toEqual([]);
    await close();
  }, 240_000);

  it('every public API answer to a guest: tracking, survey check, figures, board, portal data, every collection, every file', async () => {
    const { admin, url } = journey.pb;
    const collections = await admin.collections.getFullList();
    const records: { collection: string; record: RecordModel }[] = [];
    for (const c of collections) {
      if (c.type === 'view') continue;
      for (const record of await admin.collection(c.name).getFullList({ batch: 500 })) records.push({ collection: c.name, record });
    }
    // Every stored value is in a record, so a guest answer that held a record's data would show it.
    expect(records.filter((r) => r.collection === 'permohonan')).toHaveLength(2);

    const paths: string[] = [
      '/api/statistik',
      '/api/progres',
      '/api/progres?jenis=laporan',
      '/api/progres?jenis=permohonan&kecamatan=merawang',
      '/api/progres?halaman=2',
      '/cari/indeks.json',
      '/api/collections',
      '/api/settings',
      '/api/logs',
      `/api/lakin/ekspor?tahun=${new Date().getUTCFullYear()}`,
      ...state.codes.flatMap((code) => [`/api/lacak/${encodeURIComponent(code)}`, `/api/lacak/${encodeURIComponent(code)}/survei`]),
      ...records.filter((r) => r.collection === 'surat').flatMap((r) => [`/api/verifikasi/${r.record.id}`, `/verifikasi/${r.record.id}`, `/api/petugas/surat/${r.record.id}`]),
      ...collections.flatMap((c) => [`/api/collections/${c.name}/records`, `/api/collections/${c.name}/records?perPage=500&fields=*`]),
    ];
    let files = 0;
    for (const { collection, record } of records) {
      paths.push(`/api/collections/${collection}/records/${record.id}`);
      for (const field of collections.find((c) => c.name === collection)!.fields.filter((f) => f.type === 'file')) {
        const names = ([] as string[]).concat((record[field.name] as string | string[] | undefined) ?? []).filter(Boolean);
        for (const name of names) {
          files++;
          paths.push(`/api/files/${record.collectionId}/${record.id}/${name}`, `/api/files/${collection}/${record.id}/${name}?thumb=100x100`, `/api/files/${collection}/${record.id}/${name}?download=1`);
        }
      }
    }
    expect(files).toBeGreaterThanOrEqual(6); // five documents of the browser application, one report photo at least

    const statuses: Record<string, number> = {};
    const leaks: string[] = [];
    for (const p of paths) {
      const res = await fetch(`${url}${p}`);
      const text = await res.text();
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      if (p.startsWith('/api/files/') && res.status === 200) leaks.push(`${p}: berkas terbuka untuk tamu`);
      if (/^\/api\/collections\/(permohonan|laporan|saran|survei_kepuasan|riwayat_|petugas_lapangan|pesan_keluar|surat|register_surat|versi_dokumen|bukti_pemohon|_)/.test(p) && res.status === 200 && !/"items":\[\]/.test(text)) leaks.push(`${p}: ${res.status} ${text.slice(0, 120)}`);
      const found = personalValuesIn(text, PERSONAL);
      if (found.length > 0) leaks.push(`${p}: ${found.join(', ')}`);
    }
    for (const answer of state.answers) {
      const found = personalValuesIn(answer.text, PERSONAL);
      if (found.length > 0) leaks.push(`${answer.source}: ${found.join(', ')}`);
    }
    console.log(`pindai API: ${paths.length} alamat (${files} berkas), status ${JSON.stringify(statuses)}; ${state.answers.length} jawaban kirim`);
    expect(leaks).toEqual([]);
  }, 120_000);

  it('PocketBase output and its request log hold no NIK, KK or phone number, not even of the refused submission or a staff search', async () => {
    const { admin, logs, url } = journey.pb;
    // Staff looking people up in the admin UI type the number or name into the search box: the UI
    // sends it in ?filter=, which PocketBase writes into the request log's address.
    const lookups: string[] = [
      admin.filter('nik = {:nik}', { nik: APPLICANT.nik }),
      admin.filter('telepon ~ {:t}', { t: APPLICANT.telepon.replace(/\D/g, '').slice(1) }),
      `nama_lengkap ~ '${SAMPLE_PERSON.nama_lengkap}' || nomor_kk = ${SAMPLE_PERSON.nomor_kk}`,
    ];
    for (const filter of lookups) await admin.collection('permohonan').getList(1, 5, { filter });
    expect((await admin.collection('permohonan').getList(1, 5, { filter: lookups[0]! })).totalItems).toBe(1);
    // The request log is written in batches, in order: once this marker is in, so is everything before.
    const marker = `/api/progres?penanda=${randomUUID().replace(/[^a-f]/g, '')}`;
    await fetch(`${url}${marker}`);
    const all: Record<string, unknown>[] = [];
    const deadline = Date.now() + 20_000;
    const urlOf = (l: Record<string, unknown>) => (l['data'] as { url?: string }).url;
    for (;;) {
      all.length = 0;
      for (let p = 1; ; p++) {
        const list = await admin.logs.getList(p, 500, { sort: 'created' });
        all.push(...list.items);
        if (p >= list.totalPages) break;
      }
      if (all.some((l) => urlOf(l) === marker) || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(all.some((l) => urlOf(l) === marker), 'penanda di log').toBe(true);
    const refusedEntry = all.find((l) => (l['data'] as { status?: number }).status === 400 && urlOf(l) === '/api/collections/permohonan/records');
    expect(refusedEntry, 'entri log permohonan yang ditolak').toBeTruthy();
    // PocketBase keeps which fields failed and why, never the values.
    expect(JSON.stringify(refusedEntry)).toContain('NIK harus 16 angka. Yang Anda isi 15 angka.');

    const requestLog = JSON.stringify(all);
    // Anonymous paths (reports, suggestions, every code look-up) keep no address and no browser.
    const anonymous = all.filter((l) => {
      const data = l['data'] as { url?: string; method?: string };
      return /^\/api\/lacak\//.test(data.url ?? '') || (data.method === 'POST' && /^\/api\/collections\/(laporan|saran)\/records$/.test(data.url ?? ''));
    });
    expect(anonymous.length).toBeGreaterThanOrEqual(state.codes.length);
    for (const l of anonymous) {
      const data = l['data'] as Record<string, unknown>;
      expect([data['userIP'] ?? '0.0.0.0', data['remoteIP'] ?? '0.0.0.0', data['userAgent']], urlOf(l)).toEqual(['0.0.0.0', '0.0.0.0', '']);
    }
    // The searches are there, readable, with their values masked (pb_hooks/lib/log-privacy.js).
    expect(all.map(urlOf)).toContain('/api/collections/permohonan/records?page=1&perPage=5&filter=nik%20%3D%20%22*%22');
    const output = logs.join('\n');
    console.log(`log: ${all.length} entri permintaan, ${logs.length} baris keluaran PocketBase`);
    expect(personalValuesIn(requestLog, NUMBERS), 'log permintaan').toEqual([]);
    expect(personalValuesIn(output, NUMBERS), 'keluaran PocketBase').toEqual([]);
    // Nor any other personal value.
    expect(personalValuesIn(requestLog, PERSONAL), 'log permintaan').toEqual([]);
    expect(personalValuesIn(output, PERSONAL), 'keluaran PocketBase').toEqual([]);
  }, 60_000);
});
