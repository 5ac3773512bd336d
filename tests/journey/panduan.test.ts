import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { expectAccessible, useJourney } from '../support/journey';
import { DESKTOP, openAs } from '../support/workspace';
import { advance, advanceToStep, createStaff, portalOf, staffTeam, type StaffAccount } from '../support/staff';
import { applicationVectors, applyAsSamplePerson, reportAsSamplePerson, SAMPLE_PERSON, SAMPLE_REPORT } from '../support/application';
import { OTHER_PERSON } from '../support/casework';
import { jpegPhoto } from '../support/images';
import { setDueDate } from '../support/backdate';
import { statusWithMeaning, STATUS_LISTS } from '../support/workflow';
import { GUIDE_IMAGE_DIR, guideShot, pngSize, type FictitiousData } from '../support/guide-shots';
import { flowContextOf } from '../../src/lib/portal-data';
import { decidingRoles, judge, judgeReportTask, recordsVisitResult } from '../../src/lib/rules/sop-flow';
import { OFFLINE_NOTICE } from '../../src/lib/field-visit';
import { documentNeed } from '../../src/lib/rules/applicant';
import { waitFor } from '../support/wait';

// The staff guide (content/pages/panduan-petugas.md) walks a new staff member through the
// workspace at /petugas/; this journey does each of its jobs in the real workspace, the way the
// guide tells a person to (visible buttons by their labels, labelled fields), and takes the
// guide's pictures on the way (tests/support/guide-shots.ts: test-results/panduan/ always,
// public/panduan/ with UPDATE_GUIDE=1). Only what leads up to a pictured step is set up through
// the test helpers (applications, a report, moving a request to the step before). Roles,
// service, steps and statuses come from content/ by what they mean, never by Bangka's keys;
// the people are fictitious, with names that read like real ones since they are on the pictures.
// axe runs on every pictured state.

const journey = useJourney();
const data = portalOf();
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const PHONE_SHOT = { width: 360, height: 800 };

/** The sample application's service (Bangka: alat bantu disabilitas), its SOP and documents. */
const BASE = applicationVectors()[0]!.input;
const SERVICE = data.services.find((s) => s.id === BASE.layanan)!;
const FLOW = flowContextOf(data, SERVICE.id);
/** The SOP step a field worker records with a home visit, and its first decision step. */
const VISIT_STEP = FLOW.steps.findIndex((_, i) => recordsVisitResult(FLOW, i));
const DECISION_STEP = FLOW.steps.findIndex((s) => s.kind === 'decision');

/** Roles by what they do (content/reference/roles.yaml), never by key. */
const roleWhere = (what: string, test: (r: (typeof data.roles)[number]) => boolean) => {
  const role = data.roles.find((r) => r.account && test(r));
  if (!role) throw new Error(`tidak ada peran ${what} di content/reference/roles.yaml`);
  return role;
};
const FRONT = roleWhere('front office', (r) => r.cases && !r.field && r.can.includes('perbaikan'));
/** The field role that the SOP sends on the home visit, and that may open the applicant's photo. */
const FIELD = roleWhere('lapangan', (r) => r.field && FLOW.steps[VISIT_STEP]!.roles.includes(r.id) && r.documents.length > 0);
const DECIDER = roleWhere('pemutus', (r) => FLOW.steps[DECISION_STEP]!.roles.includes(r.id));
const REOPENER = roleWhere('pembuka kembali', (r) => r.id === decidingRoles(FLOW)[0]);
const EXPORTER = data.roles.find((r) => r.account && r.can.includes('ekspor') && !r.can.includes('log-akses')) ?? roleWhere('ekspor', (r) => r.can.includes('ekspor'));
const LOG_READER = roleWhere('log akses', (r) => r.can.includes('log-akses'));

/** A person's name for each role with an account, in the order of roles.yaml. */
const TEAM_NAMES = ['Rina Marlina', 'Agus Salim', 'Dedi Kurniawan', 'Sri Wahyuni', 'Budi Santoso', 'Wulan Sari', 'Yusuf Hamdani', 'Fitri Handayani'];
const NEWCOMER = { nama: 'Nurul Hidayah', email: 'nurul.hidayah@dinsos.localhost' };

/** Fictitious applicants besides SAMPLE_PERSON; only the one followed through the SOP is pictured with numbers. */
const K_HOME = BASE.kecamatan;
const K_OTHER = data.kecamatan.find((k) => k.id !== K_HOME)!;
const FOLLOWED = { ...OTHER_PERSON, nomor_kk: '1901022005100007', tanggal_lahir: '1985-03-12', pemohon_adalah: 'diri_sendiri', nama_pengaju: '', hubungan: '', alamat: 'Jalan Kenari Nomor 8, RT 03, sebelah bengkel las', desa_kelurahan: 'Kenanga Rahasia' };
const OTHERS = [
  { nama_lengkap: 'Ahmad Fauzi', nik: '1901030506750003', nomor_kk: '1901031002080011', tanggal_lahir: '1975-06-05', telepon: '0812-7000-1122', kecamatan: K_OTHER.id },
  { nama_lengkap: 'Nurhayati', nik: '1901035708820004', nomor_kk: '1901031708090012', tanggal_lahir: '1982-08-17', telepon: '0813-7000-2233', kecamatan: K_OTHER.id },
  { nama_lengkap: 'Hasanah', nik: '1901016903700005', nomor_kk: '1901012903990013', tanggal_lahir: '1970-03-29', telepon: '0852-7000-3344', kecamatan: K_HOME },
  { nama_lengkap: 'Rudi Hartono', nik: '1901041111690006', nomor_kk: '1901041111000014', tanggal_lahir: '1969-11-11', telepon: '0857-7000-4455', kecamatan: K_HOME },
].map((p) => ({ ...p, pemohon_adalah: 'diri_sendiri', nama_pengaju: '', hubungan: '', alamat: 'Jalan Contoh Nomor 1', desa_kelurahan: 'Kenanga Rahasia' }));

/** What the pictures may show: the fictitious people's numbers, and the new account's address. */
const ALLOWED: FictitiousData = {
  numbers: [SAMPLE_PERSON.nik, SAMPLE_PERSON.nomor_kk, FOLLOWED.nik, FOLLOWED.nomor_kk],
  phones: [SAMPLE_PERSON.telepon, FOLLOWED.telepon, SAMPLE_REPORT.telepon_pelapor],
  emails: [NEWCOMER.email],
};

/** axe on the state as it is, then the guide's picture of the viewport. */
async function photograph(page: Page, name: string) {
  await expectAccessible(page);
  await guideShot(page, name, ALLOWED);
}

/** Scrolls `target` to the top of the viewport (a little room above), or the page to its top. */
async function toTop(target: Page | Locator) {
  if ('goto' in target) return target.evaluate(() => window.scrollTo(0, 0));
  await target.evaluate((el) => {
    el.scrollIntoView({ block: 'start' });
    window.scrollBy(0, -16);
  });
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The case page's Tindakan panel: its buttons, and the form one of them opened. */
const actionPanel = (page: Page) => page.locator('section.ws-action-panel');
const caseHeading = (page: Page, code: string) => page.getByRole('heading', { level: 1, name: new RegExp(code) });
/** The page's announcement after an action (role=status), once made. */
const announced = (page: Page, text: string | RegExp) => page.locator('.ws-result p').filter({ hasText: text }).waitFor();
/** Browser noise of a connection cut on purpose. */
const cutConnection = (e: string) => /Failed to load resource|ERR_INTERNET_DISCONNECTED|ERR_FAILED/.test(e);

interface Sent {
  id: string;
  code: string;
}
async function recordOf(kind: 'permohonan' | 'laporan', code: string): Promise<Sent> {
  const rec = await journey.pb.admin.collection(kind).getFirstListItem(journey.pb.admin.filter('kode_lacak = {:k}', { k: code }));
  return { id: rec.id, code };
}
const apply = async (person: Record<string, string> = {}) => recordOf('permohonan', await applyAsSamplePerson(journey.pb.url, person));

let team: Record<string, StaffAccount>;
/** SAMPLE_PERSON's new request: the front office checks its documents and asks for a repair. */
let fresh: Sent;
/** FOLLOWED's request, taken from assignment through the visit and decision to the seal. */
let followed: Sent;
/** A new request past its stage's due date. */
let late: Sent;
/** SAMPLE_REPORT: urgent. */
let urgent: Sent;
/** The TKSK/PSM (field role) who makes the visit: covers every kecamatan in the test team. */
let worker: StaffAccount;

beforeAll(async () => {
  const pb = journey.pb;
  // The team signs in many times from one address in a few seconds.
  await pb.admin.settings.update({ rateLimits: { enabled: false } });
  team = await staffTeam(pb, undefined, { nama: (_, i) => TEAM_NAMES[i % TEAM_NAMES.length]! });
  worker = team[FIELD.id]!;
  // Another field worker, in another kecamatan only: listed, not suggested, for this request.
  await createStaff(pb, { nama: 'Hendra Gunawan', peran: [FIELD.id], kecamatan: [K_OTHER.id] });

  fresh = await apply();
  followed = await apply(FOLLOWED);
  const [c, d, e, decided] = OTHERS;
  const others = [await apply(c), await apply(d)];
  late = await apply(e);
  // Decided this year, so the indicator has figures: one refused now, the followed one served later.
  const refused = await apply(decided);
  await advance(pb, 'permohonan', refused.id, statusWithMeaning(STATUS_LISTS.permohonan, 'rejected'));
  urgent = await recordOf('laporan', await reportAsSamplePerson(pb.url));
  expect(SAMPLE_REPORT.urgensi).toBe('mendesak');

  // The followed request waits at its home visit, not yet assigned (the step before is recorded).
  expect(VISIT_STEP, 'SOP layanan contoh tanpa langkah kunjungan').toBeGreaterThan(0);
  await advanceToStep(pb, followed.id, VISIT_STEP);

  // Due dates follow the SOP's working hours and the clock: set outright, so exactly one is late.
  const nextWeek = new Date(Date.now() + 7 * 86_400_000);
  for (const { id } of [fresh, followed, ...others]) setDueDate(pb.dataDir, 'permohonan', id, nextWeek);
  setDueDate(pb.dataDir, 'laporan', urgent.id, nextWeek);
  setDueDate(pb.dataDir, 'permohonan', late.id, new Date(Date.now() - 2 * 86_400_000));
  await pb.admin.crons.run('tandai_terlambat');
  await waitFor(async () => (await pb.admin.collection('permohonan').getOne(late.id))['terlambat'] === true, 'permohonan terlambat ditandai');
}, 90_000);

describe('the staff guide, job by job, in the real workspace', () => {
  it('a new staff member signs in and changes the first password (masuk, akun-pertama)', async () => {
    const account = await createStaff(journey.pb, { nama: NEWCOMER.nama, email: NEWCOMER.email, peran: [FRONT.id], changePassword: false });
    const { page, consoleErrors, close } = await journey.open({ viewport: DESKTOP });
    await page.goto('/petugas/masuk/');
    await page.getByLabel('Alamat surel').fill(account.email);
    await photograph(page, 'masuk');

    await page.getByLabel('Kata sandi').fill(account.password);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForURL((url) => url.pathname === '/petugas/akun/');
    await page.getByRole('heading', { name: 'Ganti kata sandi pertama Anda' }).waitFor();
    await page.locator('.summary').getByText(account.email).waitFor();
    await toTop(page);
    await photograph(page, 'akun-pertama');

    const mine = 'Kopi pagi di kantor dinas 2026';
    await page.getByLabel('Kata sandi lama').fill(account.password);
    await page.getByLabel('Kata sandi baru', { exact: true }).fill(mine);
    await page.getByLabel('Ulangi kata sandi baru').fill(mine);
    await page.getByRole('button', { name: 'Simpan kata sandi dan mulai bekerja' }).click();
    await page.waitForURL((url) => url.pathname === '/petugas/');
    await page.getByText(`Selamat bekerja, ${NEWCOMER.nama}.`).waitFor();
    expect(consoleErrors).toEqual([]);
    await close();
  });

  it('the front office starts the day, filters the queue, checks documents and asks for a repair (hari-ini … kasus-perbaikan)', async () => {
    const front = team[FRONT.id]!;
    const { page, consoleErrors, close } = await openAs(journey, front, '/petugas/', { viewport: DESKTOP });
    await page.locator('.ws-cards').waitFor();
    const cards = page.locator('.ws-cards a');
    expect(await cards.filter({ hasText: 'Laporan mendesak' }).textContent()).toMatch(/^1\s/);
    expect(await cards.filter({ hasText: 'Terlambat' }).textContent()).toMatch(/^1\s/);
    const waiting = page.locator('#hari-ini-menunggu ~ ul li');
    await waiting.first().waitFor();
    expect(await waiting.count()).toBeGreaterThanOrEqual(3);
    await page.locator('#hari-ini-mendesak ~ ul li').filter({ hasText: urgent.code }).waitFor();
    await photograph(page, 'hari-ini');

    // The queue, narrowed to one kecamatan: its rows, the late one marked.
    await page.getByRole('navigation', { name: 'Menu ruang kerja' }).getByRole('link', { name: 'Antrean' }).click();
    await page.waitForURL((url) => url.pathname === '/petugas/antrean/');
    const home = data.kecamatan.find((k) => k.id === K_HOME)!;
    await page.getByLabel('Kecamatan').selectOption({ label: home.name });
    await page.getByRole('button', { name: 'Tampilkan' }).click();
    await page.locator('.board-summary').getByText(/^Ada 3 permohonan yang cocok/).waitFor();
    const rows = page.locator('table.ws-table tbody tr');
    expect(await rows.filter({ hasText: late.code }).locator('.ws-tag--late').textContent()).toBe('Terlambat');
    // The filters chosen and the rows they give, on one screen.
    await toTop(page.locator('.ws-filters__more'));
    await photograph(page, 'antrean');

    // A new request, opened from the queue: facts, actions, the person.
    await rows.filter({ hasText: fresh.code }).getByRole('link').click();
    await caseHeading(page, fresh.code).waitFor();
    await page.getByRole('heading', { name: 'Tindakan' }).waitFor();
    await page.getByRole('heading', { name: 'Penerima layanan', exact: true }).waitFor();
    await toTop(page);
    await photograph(page, 'kasus-ringkasan');

    // Documents: one opened and found fitting, one to be replaced, with its reason.
    const [good, bad] = SERVICE.documents.filter((d) => documentNeed(d, SAMPLE_PERSON, new Date().toISOString().slice(0, 10)) !== 'tidak_diminta');
    await page.getByRole('button', { name: new RegExp(`^Lihat ${escape(good!.label)}`) }).click();
    await page.getByRole('link', { name: new RegExp(`^Buka ${escape(good!.label)}`) }).waitFor();
    await page.getByRole('group', { name: `Hasil pemeriksaan ${good!.label}` }).getByLabel('Sesuai', { exact: true }).check();
    await page.getByRole('group', { name: `Hasil pemeriksaan ${bad!.label}` }).getByLabel('Perlu diganti', { exact: true }).check();
    const reason = 'Foto buram, nomor tidak terbaca';
    await page.getByLabel(`Alasan ${bad!.label} perlu diganti`).fill(reason);
    await toTop(page.locator('section.ws-panel', { has: page.getByRole('heading', { level: 2, name: 'Dokumen' }) }));
    await photograph(page, 'kasus-dokumen');
    await page.getByRole('button', { name: 'Simpan pemeriksaan dokumen' }).click();
    await announced(page, 'Pemeriksaan 2 dokumen tersimpan');

    // The repair: the document found wanting is ticked already; a note tells the applicant what to do.
    await page.getByRole('button', { name: 'Minta perbaikan dokumen' }).click();
    const form = page.locator('#aksi-form');
    await form.waitFor();
    expect(await form.getByLabel(new RegExp(`^${escape(bad!.label)}`)).isChecked()).toBe(true);
    expect(await form.getByLabel(new RegExp(`^${escape(good!.label)}`)).isChecked()).toBe(false);
    await form.getByLabel(/^Catatan untuk pemohon/).fill(`Mohon kirim ulang foto ${bad!.label} yang jelas dan tidak terpotong, dari halaman lacak atau dengan datang ke loket.`);
    await toTop(form);
    await photograph(page, 'kasus-perbaikan');
    await form.getByRole('button', { name: 'Kirim permintaan perbaikan' }).click();
    const repair = data.statuses.find((s) => s.meaning === 'repair')!;
    await announced(page, `Status sekarang: ${repair.label}`);
    expect((await journey.pb.admin.collection('permohonan').getOne(fresh.id))['status']).toBe(repair.id);
    expect(consoleErrors).toEqual([]);
    await close();
  });

  it('an urgent report is forwarded to a field worker (laporan)', async () => {
    const type = data.reportTypes.find((t) => t.id === SAMPLE_REPORT.jenis)!;
    const ctx = { statuses: data.reportStatuses, roles: data.roles, stageRoles: type.stageRoles };
    const status = String((await journey.pb.admin.collection('laporan').getOne(urgent.id))['status']);
    // The front office forwards it when its role may; otherwise the first role that may.
    const forwarder = [team[FRONT.id]!, ...Object.values(team)].find((a) => judgeReportTask(ctx, { status, assignedToMe: false }, a.roles, 'tugaskan').allowed)!;
    const { page, consoleErrors, close } = await openAs(journey, forwarder, '/petugas/', { viewport: DESKTOP });
    await page.locator('#hari-ini-mendesak ~ ul li').filter({ hasText: urgent.code }).getByRole('link').click();
    await caseHeading(page, urgent.code).waitFor();
    await page.getByText(SAMPLE_REPORT.deskripsi).waitFor();
    await page.getByRole('button', { name: 'Teruskan atau tugaskan laporan' }).click();
    const form = page.locator('#aksi-form');
    const select = form.getByLabel('Teruskan kepada petugas (bila ada)');
    await select.locator(`option[value="${worker.id}"]`).waitFor({ state: 'attached' });
    const suggested = (await select.locator(`option[value="${worker.id}"]`).textContent())!;
    expect(suggested).toContain('disarankan');
    await select.selectOption({ label: suggested });
    // What was reported, and to whom it goes.
    await toTop(page.locator('section.ws-panel', { has: page.getByRole('heading', { level: 2, name: 'Yang dilaporkan' }) }));
    await photograph(page, 'laporan');
    await form.getByRole('button', { name: 'Teruskan laporan' }).click();
    await announced(page, 'Tersimpan');
    expect((await journey.pb.admin.collection('laporan').getOne(urgent.id))['ditugaskan_ke']).toBe(worker.id);
    expect(consoleErrors).toEqual([]);
    await close();
  });

  it('the Kasi assigns the suggested TKSK/PSM (kasus-tugaskan)', async () => {
    const rec = await journey.pb.admin.collection('permohonan').getOne(followed.id);
    const state = { status: String(rec['status']), langkah: Number(rec['langkah']), assignedToMe: false };
    const assigner = Object.values(team).find((a) => judge(FLOW, state, a.roles, 'tugaskan').allowed)!;
    // As the guide says: a request waiting for a field worker is in the Kasi's own list on Hari ini.
    const { page, consoleErrors, close } = await openAs(journey, assigner, '/petugas/', { viewport: DESKTOP });
    const waiting = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Menunggu tindakan saya' }) });
    await waiting.getByRole('link', { name: followed.code }).click();
    await caseHeading(page, followed.code).waitFor();
    await page.getByRole('button', { name: 'Tugaskan petugas lapangan' }).click();
    const form = page.locator('#aksi-form');
    const select = form.getByLabel('Petugas lapangan', { exact: true });
    await select.locator(`option[value="${worker.id}"]`).waitFor({ state: 'attached' });
    const suggested = (await select.locator(`option[value="${worker.id}"]`).textContent())!;
    expect(suggested).toBe(`${worker.nama} (${FIELD.label}), disarankan`);
    // The worker of another kecamatan is offered too, but not suggested.
    expect(await select.locator('option').filter({ hasText: 'Hendra Gunawan' }).textContent()).not.toContain('disarankan');
    await select.selectOption({ label: suggested });
    await form.getByLabel(/^Catatan untuk pemohon/).fill('Petugas akan berkunjung ke rumah minggu ini.');
    await form.getByLabel(/^Catatan internal/).fill('Pemohon ada di rumah setiap pagi.');
    await toTop(actionPanel(page));
    await photograph(page, 'kasus-tugaskan');
    await form.getByRole('button', { name: 'Tugaskan', exact: true }).click();
    await announced(page, 'Tersimpan');
    expect((await journey.pb.admin.collection('permohonan').getOne(followed.id))['petugas_lapangan']).toBe(worker.id);
    expect(consoleErrors).toEqual([]);
    await close();
  });

  it('the TKSK/PSM records the visit on a phone, without signal, and it goes once the signal returns (kunjungan-*)', { timeout: 90_000 }, async () => {
    const { page, context, consoleErrors, close } = await openAs(journey, worker, '/petugas/', { viewport: PHONE_SHOT });
    await page.getByRole('main').getByRole('link', { name: 'Kunjungan saya' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kunjungan saya' }).waitFor();
    const card = page.locator('.ws-visit').filter({ hasText: followed.code });
    await card.waitFor();
    await toTop(page);
    await photograph(page, 'kunjungan-daftar');

    await card.getByRole('link', { name: /^Catat kunjungan/ }).click();
    await page.getByRole('heading', { name: 'Hasil kunjungan' }).waitFor();
    await page.getByLabel('Layak', { exact: true }).check();
    await page.getByLabel(/^Catatan kunjungan/).fill('Rumah semi permanen; pemohon tinggal bersama istrinya. Kursi roda lama sudah patah.');
    const photo = await jpegPhoto(page, 2400, 1800, 'RUMAH PEMOHON', 'Kenanga Rahasia');
    await page.getByLabel(/^Foto kunjungan/).setInputFiles({ name: 'IMG_20261123_093000.jpg', mimeType: 'image/jpeg', buffer: photo });
    await page.locator('#f-foto-terpilih').filter({ hasText: /diperkecil dari/ }).waitFor();
    await toTop(page.getByRole('group', { name: /^Apakah pemohon layak/ }));
    await photograph(page, 'kunjungan-formulir');

    await context.setOffline(true);
    await page.getByRole('button', { name: 'Kirim hasil kunjungan' }).click();
    await page.getByRole('alert').filter({ hasText: OFFLINE_NOTICE }).waitFor();
    await page.getByRole('heading', { name: 'Menunggu dikirim' }).waitFor();
    await toTop(page.getByRole('alert'));
    await photograph(page, 'kunjungan-menunggu');
    const entries = () => journey.pb.admin.collection('riwayat_permohonan').getFullList({ filter: journey.pb.admin.filter('permohonan = {:id} && jenis = "langkah" && langkah = {:n}', { id: followed.id, n: VISIT_STEP }) });
    expect(await entries()).toHaveLength(0);

    // The signal returns: the open page sends it by itself, once (or at its next try, 30 s on,
    // should the first try still meet the connection coming back).
    await context.setOffline(false);
    await page.getByRole('heading', { name: 'Kunjungan tercatat' }).waitFor({ timeout: 45_000 });
    expect(await entries()).toHaveLength(1);
    const rec = await journey.pb.admin.collection('permohonan').getOne(followed.id);
    expect(rec['hasil_verifikasi']).toBe('layak');
    expect(rec['foto_verifikasi']).toHaveLength(1);
    expect(Number(rec['langkah'])).toBe(VISIT_STEP + 1);
    expect(consoleErrors.filter((e) => !cutConnection(e))).toEqual([]);
    await close();
  });

  it('the role the SOP names decides, and the decided request is sealed (kasus-keputusan, kasus-disegel)', async () => {
    expect(DECISION_STEP, 'SOP layanan contoh tanpa langkah keputusan').toBeGreaterThan(VISIT_STEP);
    // Any step between the visit and the decision is recorded by the helpers.
    await advanceToStep(journey.pb, followed.id, DECISION_STEP);
    const decider = team[DECIDER.id]!;
    const { page, consoleErrors, close } = await openAs(journey, decider, '/petugas/', { viewport: DESKTOP });
    await page.locator('#hari-ini-menunggu ~ ul li').filter({ hasText: followed.code }).getByRole('link').click();
    await caseHeading(page, followed.code).waitFor();
    // The visit's photo is looked at before deciding (an opening the access log shows).
    await page.getByRole('button', { name: 'Lihat foto kunjungan 1' }).click();
    await page.getByRole('img', { name: 'Pratinjau foto kunjungan 1' }).waitFor();
    const activity = FLOW.steps[DECISION_STEP]!.activity;
    await page.getByRole('button', { name: `Setujui: ${activity}` }).click();
    const form = page.locator('#aksi-form');
    await form.getByLabel(/^Catatan untuk pemohon/).fill('Hasil kunjungan disetujui. Permohonan diteruskan kepada Kepala Bidang.');
    await toTop(actionPanel(page));
    await photograph(page, 'kasus-keputusan');
    await form.getByRole('button', { name: 'Setujui dan catat' }).click();
    await announced(page, 'Tersimpan');
    expect(await page.locator('.ws-steps li').nth(DECISION_STEP).textContent()).toContain(`Dicatat oleh ${decider.nama}`);
    await close();

    // The rest of the SOP by the helpers, to its served end; then sealed, as the deciding role sees it.
    await advance(journey.pb, 'permohonan', followed.id, statusWithMeaning(STATUS_LISTS.permohonan, 'success'));
    const sealed = await openAs(journey, team[REOPENER.id]!, `/petugas/kasus/?jenis=permohonan&id=${followed.id}`, { viewport: DESKTOP });
    await caseHeading(sealed.page, followed.code).waitFor();
    await sealed.page.getByText('Disegel.').waitFor();
    await sealed.page.getByRole('button', { name: 'Buka kembali permohonan' }).waitFor();
    await toTop(sealed.page);
    await photograph(sealed.page, 'kasus-disegel');
    expect([...consoleErrors, ...sealed.consoleErrors]).toEqual([]);
    await sealed.close();
  });

  it('a role that exports reads the indicator, and the head of office reads who opened which document (ekspor, log-akses)', async () => {
    const { page, consoleErrors, close } = await openAs(journey, team[EXPORTER.id]!, '/petugas/', { viewport: DESKTOP });
    await page.getByRole('navigation', { name: 'Menu ruang kerja' }).getByRole('link', { name: 'Ekspor dan akses' }).click();
    await page.locator('.ws-iku').waitFor();
    // One served and one refused this year: the indicator has figures.
    expect(await page.locator('.ws-iku__item').first().locator('[data-angka="penyebut"] dd').textContent()).not.toBe('0');
    await toTop(page);
    await photograph(page, 'ekspor');
    await close();

    const reader = await openAs(journey, team[LOG_READER.id]!, '/petugas/ekspor/', { viewport: DESKTOP });
    const rows = reader.page.locator('table.ws-log tbody tr');
    await rows.first().waitFor();
    // The openings of this journey, by the people who made them.
    const docLabel = (key: string) => data.documentTypes.find((d) => d.id === key)?.label ?? key;
    await rows.filter({ hasText: fresh.code }).filter({ hasText: team[FRONT.id]!.nama }).filter({ hasText: docLabel(SERVICE.documents[0]!.key) }).first().waitFor();
    await rows.filter({ hasText: followed.code }).filter({ hasText: team[DECIDER.id]!.nama }).first().waitFor();
    await toTop(reader.page.getByRole('heading', { name: /^Catatan akses dokumen/ }));
    await photograph(reader.page, 'log-akses');
    expect([...consoleErrors, ...reader.consoleErrors]).toEqual([]);
    await reader.close();
  });
});

describe('the staff guide’s pictures', () => {
  it('are each in public/panduan/ at the size the guide gives, and none is left unused', () => {
    const guide = readFileSync(path.join(ROOT, 'content', 'pages', 'panduan-petugas.md'), 'utf8');
    const referenced = new Set<string>();
    const problems: string[] = [];
    for (const [tag] of guide.matchAll(/<img\b[^>]*>/g)) {
      const attr = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
      const src = attr('src') ?? '';
      const file = /^\/panduan\/([\w-]+\.png)$/.exec(src)?.[1];
      if (!file) continue;
      referenced.add(file);
      const where = path.join(GUIDE_IMAGE_DIR, file);
      if (!existsSync(where)) {
        problems.push(`${src} tidak ada di public/panduan/`);
        continue;
      }
      const { width, height } = pngSize(readFileSync(where));
      if (attr('width') !== String(width) || attr('height') !== String(height)) problems.push(`${src}: width="${attr('width')}" height="${attr('height')}", gambarnya ${width}×${height}`);
    }
    for (const file of readdirSync(GUIDE_IMAGE_DIR).filter((f) => f.endsWith('.png'))) {
      if (!referenced.has(file)) problems.push(`public/panduan/${file} tidak dipakai di panduan`);
    }
    expect(referenced.size, 'panduan tanpa gambar /panduan/…png').toBeGreaterThan(0);
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
