import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, useJourney } from '../support/journey';
import { DESKTOP, openAs } from '../support/workspace';
import { act, assignFieldStep, advance, createStaff, portalOf, staffTeam, type StaffAccount } from '../support/staff';
import { applyAsSamplePerson, reportAsSamplePerson, SAMPLE_PERSON, SAMPLE_REPORT } from '../support/application';
import { jpegPhoto } from '../support/images';
import { flowContextOf } from '../../src/lib/portal-data';
import { judgeReport, judgeReportTask, recordsVisitResult } from '../../src/lib/rules/sop-flow';
import { toE164 } from '../../src/lib/rules/phone';
import { OFFLINE_NOTICE, visitUrl } from '../../src/lib/field-visit';
import type { AksiJawaban, Kunjungan } from '../../src/lib/api/petugas';

// A TKSK/PSM on a 360 px phone with a weak signal records a home visit (/petugas/kunjungan/):
// the visit waits on the phone while there is no signal and goes by itself when it returns,
// a send whose answer was lost is recorded once, and nobody else sees any of it.

const journey = useJourney();
const data = portalOf();
const NOTE = 'Rumah semi permanen, pemohon tinggal bersama anaknya; kursi roda lama sudah patah.';
/** `VISIT_SCREENSHOTS=/some/dir` keeps screenshots of each state to look at. */
const SHOTS = process.env['VISIT_SCREENSHOTS'];

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** Browser noise of a connection cut on purpose (the test's offline switch or an aborted answer). */
const cutConnection = (e: string) => /Failed to load resource|ERR_INTERNET_DISCONNECTED|ERR_FAILED/.test(e);

interface FieldCase {
  id: string;
  kode: string;
  worker: StaffAccount;
  /** The SOP step the visit records, and the stage it leads to. */
  step: number;
  activity: string;
  nextStage: string;
}

/** A new application, moved through the SOP to its field verification step and assigned to the team's field account. */
async function applicationAtFieldStep(): Promise<FieldCase> {
  const pb = journey.pb;
  const kode = await applyAsSamplePerson(pb.url);
  const rec = await pb.admin.collection('permohonan').getFirstListItem(`kode_lacak = "${kode}"`);
  const ctx = flowContextOf(data, String(rec['layanan']));
  const step = ctx.steps.findIndex((_, i) => recordsVisitResult(ctx, i));
  expect(step, 'SOP layanan contoh tidak punya langkah verifikasi lapangan').toBeGreaterThan(0);
  await advance(pb, 'permohonan', rec.id, ctx.steps[step]!.stage);
  const worker = await assignFieldStep(pb, rec.id);
  const now = await pb.admin.collection('permohonan').getOne(rec.id);
  expect(Number(now['langkah']), 'permohonan belum berada di langkah lapangan').toBe(step);
  expect(now['petugas_lapangan']).toBe(worker.id);
  return { id: rec.id, kode, worker, step, activity: ctx.steps[step]!.activity, nextStage: ctx.steps[step + 1]!.stage };
}

async function visitEntries(id: string, step: number) {
  return journey.pb.admin.collection('riwayat_permohonan').getFullList({ filter: `permohonan = "${id}" && jenis = "langkah" && langkah = ${step}` });
}

/** GET /api/petugas/lapangan as `account`. */
async function visitsOf(account: StaffAccount): Promise<Kunjungan[]> {
  const res = await fetch(`${journey.pb.url}/api/petugas/lapangan`, { headers: { Authorization: account.client.authStore.token } });
  expect(res.status).toBe(200);
  return (await res.json()) as Kunjungan[];
}

interface ReportCase {
  id: string;
  kode: string;
  jenis: string;
  status: string;
  urgensi: string;
}

/** The sample (urgent) report, forwarded to `worker` by an account allowed to forward it. */
async function reportAssignedTo(worker: StaffAccount): Promise<ReportCase> {
  const pb = journey.pb;
  const kode = await reportAsSamplePerson(pb.url);
  const rec = await pb.admin.collection('laporan').getFirstListItem(`kode_lacak = "${kode}"`);
  const report = { id: rec.id, kode, jenis: String(rec['jenis']), status: String(rec['status']), urgensi: String(rec['urgensi']) };
  const forwarder = Object.values(team).find((a) => judgeReportTask(reportContext(report), { status: report.status, assignedToMe: false }, a.roles, 'tugaskan').allowed)!;
  const assigned = await act(pb, forwarder, 'laporan', rec.id, { aksi: 'tugaskan', ditugaskan_ke: worker.id });
  expect(assigned.status).toBe(200);
  return report;
}

function reportContext(report: ReportCase) {
  const type = data.reportTypes.find((t) => t.id === report.jenis)!;
  return { statuses: data.reportStatuses, roles: data.roles, stageRoles: type.stageRoles };
}

/** The statuses `worker` may move the report to once it is assigned to them (the SOP rules). */
function reportTargets(report: ReportCase, worker: StaffAccount): string[] {
  const next = data.reportStatuses.find((s) => s.id === report.status)?.next ?? [];
  return next.filter((id) => judgeReport(reportContext(report), { status: report.status, assignedToMe: true }, worker.roles, id).allowed);
}

let team: Record<string, StaffAccount>;
beforeAll(async () => {
  team = await staffTeam(journey.pb);
});

describe('field verification on the phone', () => {
  it('records a visit with a photo offline, and sends it by itself once the signal returns', async () => {
    const fc = await applicationAtFieldStep();
    const { page, context, consoleErrors, close } = await openAs(journey, fc.worker, '/petugas/kunjungan/');

    // The list: the visit with everything needed to get there.
    await page.getByRole('heading', { level: 1, name: 'Kunjungan saya' }).waitFor();
    const card = page.locator('.ws-visit').filter({ hasText: fc.kode });
    await card.waitFor();
    const text = (await card.textContent()) ?? '';
    for (const value of [SAMPLE_PERSON.nama_lengkap, SAMPLE_PERSON.desa_kelurahan, SAMPLE_PERSON.alamat, fc.activity]) expect(text).toContain(value);
    expect(await card.locator('a[href^="tel:"]').getAttribute('href')).toBe(`tel:${toE164(SAMPLE_PERSON.telepon)}`);
    expect(await card.getByRole('link', { name: /^Buka peta/ }).getAttribute('href')).toMatch(/^https:\/\/www\.openstreetmap\.org\/search\?query=.*Gang%20Melati/);
    await expectAccessible(page);
    await shot(page, '1-daftar-360');

    // The form: result, note, a real photo shrunk on the phone.
    await card.getByRole('link', { name: /^Catat kunjungan/ }).click();
    await page.waitForURL((url) => url.search.includes(`id=${fc.id}`));
    await page.getByRole('heading', { name: 'Hasil kunjungan' }).waitFor();
    await expectAccessible(page);
    // Sending with nothing chosen: the message is on the field.
    await page.getByRole('button', { name: 'Kirim hasil kunjungan' }).click();
    await page.locator('#f-hasil_verifikasi-galat').filter({ hasText: 'Pilih hasil kunjungan: layak atau tidak layak.' }).waitFor();
    await expectAccessible(page);
    const photo = await jpegPhoto(page, 3000, 2000, 'RUMAH PEMOHON');
    expect(photo.length).toBeGreaterThan(1_000_000);
    await page.locator('#f-foto').setInputFiles({ name: 'IMG_20261123_093000.jpg', mimeType: 'image/jpeg', buffer: photo });
    await page.locator('#f-foto-terpilih').filter({ hasText: /diperkecil dari/ }).waitFor();
    await page.getByLabel('Layak', { exact: true }).check();
    await page.getByLabel(/^Catatan kunjungan/).fill(NOTE);
    await expectAccessible(page);
    await shot(page, '2-formulir-foto-360');

    // No signal: it says so, keeps everything, and the office has nothing yet.
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Kirim hasil kunjungan' }).click();
    await page.getByRole('alert').filter({ hasText: OFFLINE_NOTICE }).waitFor();
    await page.getByRole('heading', { name: 'Menunggu dikirim' }).waitFor();
    await expectAccessible(page);
    await shot(page, '3-tanpa-sinyal-360');
    expect(await visitEntries(fc.id, fc.step)).toHaveLength(0);
    expect(Number((await journey.pb.admin.collection('permohonan').getOne(fc.id))['langkah'])).toBe(fc.step);

    // The app is closed; the signal returns; the visit is opened again and goes by itself.
    await page.close();
    await context.setOffline(false);
    const again = await context.newPage();
    again.on('console', (msg) => msg.type() === 'error' && consoleErrors.push(msg.text()));
    again.on('pageerror', (err) => consoleErrors.push(err.message));
    await again.goto(visitUrl('permohonan', fc.id));
    const done = again.getByRole('status').filter({ has: again.getByRole('heading', { name: 'Kunjungan tercatat' }) });
    await done.waitFor();
    const summary = (await done.textContent()) ?? '';
    expect(summary).toContain('Layak');
    expect(summary).toContain(NOTE);
    expect(summary).toContain('1 foto');
    expect(summary).toContain(data.statuses.find((s) => s.id === fc.nextStage)!.label);
    await expectAccessible(again);
    await shot(again, '4-terkirim-360');

    // The office has it exactly once: result, note, one photo under a neutral name, next stage.
    const entries = await visitEntries(fc.id, fc.step);
    expect(entries).toHaveLength(1);
    expect(entries[0]!['akun']).toBe(fc.worker.id);
    const rec = await journey.pb.admin.collection('permohonan').getOne(fc.id);
    expect(rec['hasil_verifikasi']).toBe('layak');
    expect(rec['catatan_verifikasi']).toBe(NOTE);
    expect(rec['foto_verifikasi']).toHaveLength(1);
    expect(rec['foto_verifikasi'][0]).toMatch(/^foto_verifikasi_[a-z0-9]{10}\.jpg$/);
    expect(rec['status']).toBe(fc.nextStage);
    expect(Number(rec['langkah'])).toBe(fc.step + 1);

    // Nothing is left on the phone, and the visit is off the list.
    await again.reload();
    await again.getByText('Tidak ada yang perlu Anda catat pada kasus ini sekarang').waitFor();
    expect(await again.getByText('masih tersimpan di ponsel').count()).toBe(0);
    await again.goto('/petugas/kunjungan/');
    await again.getByRole('heading', { level: 1, name: 'Kunjungan saya' }).waitFor();
    await again.locator('.ws-visits, .notice').first().waitFor();
    expect(await again.locator('.ws-visit').filter({ hasText: fc.kode }).count()).toBe(0);

    // The office screen: the same form at 1366 px.
    const other = await applicationAtFieldStep();
    const wide = await openAs(journey, other.worker, visitUrl('permohonan', other.id), { viewport: DESKTOP });
    await wide.page.getByRole('heading', { name: 'Hasil kunjungan' }).waitFor();
    await expectAccessible(wide.page);
    await shot(wide.page, '5-formulir-1366');
    const overflow = await wide.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    await wide.close();

    expect(consoleErrors.filter((e) => !cutConnection(e))).toEqual([]);
    await close();
  });

  it('sends a waiting visit as soon as the signal returns on the open page, and from the list of visits', async () => {
    // On the open form: the browser's `online` event sends it, without a tap.
    const fc = await applicationAtFieldStep();
    const { page, context, consoleErrors, close } = await openAs(journey, fc.worker, visitUrl('permohonan', fc.id));
    await page.getByRole('heading', { name: 'Hasil kunjungan' }).waitFor();
    await page.getByLabel('Layak', { exact: true }).check();
    // The phone's position, with the person's permission (the page's Permissions-Policy allows it here).
    await context.grantPermissions(['geolocation'], { origin: journey.pb.url });
    await context.setGeolocation({ latitude: -1.87654, longitude: 106.11223, accuracy: 15 });
    await page.getByRole('button', { name: 'Pakai lokasi saya sekarang' }).click();
    await page.getByText('Lokasi ponsel terpasang (ketepatan sekitar 15 m).').waitFor();
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Kirim hasil kunjungan' }).click();
    await page.getByRole('alert').filter({ hasText: OFFLINE_NOTICE }).waitFor();
    expect(await visitEntries(fc.id, fc.step)).toHaveLength(0);
    await context.setOffline(false);
    await page.getByRole('heading', { name: 'Kunjungan tercatat' }).waitFor();
    expect(await visitEntries(fc.id, fc.step)).toHaveLength(1);
    expect((await journey.pb.admin.collection('permohonan').getOne(fc.id))['lokasi_kunjungan']).toEqual({ lintang: -1.87654, bujur: 106.11223 });

    // From the list: a visit left waiting goes when the list is opened with a signal.
    const later = await applicationAtFieldStep();
    await page.goto(visitUrl('permohonan', later.id));
    await page.getByRole('heading', { name: 'Hasil kunjungan' }).waitFor();
    await page.getByLabel('Tidak layak', { exact: true }).check();
    await page.getByLabel(/^Catatan kunjungan/).fill('Tidak ada orang di rumah; tetangga mengatakan pemohon sudah pindah.');
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Kirim hasil kunjungan' }).click();
    await page.getByRole('alert').filter({ hasText: OFFLINE_NOTICE }).waitFor();
    await page.close();
    await context.setOffline(false);
    const list = await context.newPage();
    list.on('pageerror', (err) => consoleErrors.push(err.message));
    await list.goto('/petugas/kunjungan/');
    await list.getByRole('status').filter({ hasText: 'Terkirim:' }).filter({ hasText: later.kode }).waitFor();
    await expectAccessible(list);
    await shot(list, '9-daftar-terkirim-360');
    expect(await list.locator('.ws-visit').filter({ hasText: later.kode }).count()).toBe(0);
    const entries = await visitEntries(later.id, later.step);
    expect(entries).toHaveLength(1);
    expect((await journey.pb.admin.collection('permohonan').getOne(later.id))['hasil_verifikasi']).toBe('tidak_layak');
    expect(consoleErrors.filter((e) => !cutConnection(e))).toEqual([]);
    await close();
  });

  it('records a visit once when the answer to the first send is lost, and says the retry was a repeat', async () => {
    const fc = await applicationAtFieldStep();
    const { page, consoleErrors, close } = await openAs(journey, fc.worker, visitUrl('permohonan', fc.id));
    await page.getByRole('heading', { name: 'Hasil kunjungan' }).waitFor();
    await page.getByLabel('Tidak layak', { exact: true }).check();
    await page.getByLabel(/^Catatan kunjungan/).fill('Pemohon sudah menerima kursi roda tahun lalu dari program lain.');
    // Location refused (headless Chromium refuses without a grant): said plainly, and the visit still goes.
    await page.getByRole('button', { name: 'Pakai lokasi saya sekarang' }).click();
    await page.getByText('Izin lokasi tidak diberikan. Tidak apa-apa: kunjungan tetap dapat dikirim tanpa lokasi.').waitFor();
    await expectAccessible(page);
    await page.locator('#f-foto').setInputFiles({ name: 'rumah.jpg', mimeType: 'image/jpeg', buffer: await jpegPhoto(page, 800, 600, 'RUMAH') });
    await page.locator('#f-foto-terpilih').waitFor();

    // The first send reaches the office, but its answer never reaches the phone.
    const answers: AksiJawaban[] = [];
    const ids: string[] = [];
    await page.route('**/api/petugas/kasus/permohonan/*/aksi', async (route) => {
      ids.push(/name="id_pengiriman"\r\n\r\n([A-Za-z0-9-]+)/.exec(route.request().postDataBuffer()?.toString('latin1') ?? '')?.[1] ?? '');
      const response = await route.fetch();
      answers.push((await response.json()) as AksiJawaban);
      if (answers.length === 1) await route.abort('internetdisconnected');
      else await route.fulfill({ response });
    });
    await page.getByRole('button', { name: 'Kirim hasil kunjungan' }).click();
    await page.getByRole('alert').filter({ hasText: OFFLINE_NOTICE }).waitFor();
    expect(answers).toHaveLength(1);
    expect(answers[0]!.ulang).toBe(false);
    expect(await visitEntries(fc.id, fc.step)).toHaveLength(1);

    // The retry carries the same submission id: answered as a repeat, recorded nothing twice.
    await page.getByRole('button', { name: 'Coba kirim sekarang' }).click();
    const done = page.getByRole('status').filter({ has: page.getByRole('heading', { name: 'Kunjungan tercatat' }) });
    await done.waitFor();
    expect(answers).toHaveLength(2);
    expect(answers[1]!.ulang).toBe(true);
    expect(ids[0]).toMatch(/^[A-Za-z0-9-]{16,64}$/);
    expect(ids[1]).toBe(ids[0]);
    expect(await done.textContent()).toContain('tidak dicatat dua kali');
    await expectAccessible(page);

    const entries = await visitEntries(fc.id, fc.step);
    expect(entries).toHaveLength(1);
    expect(entries[0]!['perubahan']).toMatchObject({ id_pengiriman: ids[0] });
    const rec = await journey.pb.admin.collection('permohonan').getOne(fc.id);
    expect(rec['hasil_verifikasi']).toBe('tidak_layak');
    expect(rec['lokasi_kunjungan']).toBeNull();
    expect(rec['foto_verifikasi']).toHaveLength(1);
    expect(Number(rec['langkah'])).toBe(fc.step + 1);
    expect(consoleErrors.filter((e) => !cutConnection(e))).toEqual([]);
    await close();
  });

  it('shows another TKSK/PSM none of it, even at the visit’s own address', async () => {
    const fc = await applicationAtFieldStep();
    // The assigned worker does see it: the check below can fail.
    const mine = await openAs(journey, fc.worker, '/petugas/kunjungan/');
    await mine.page.locator('.ws-visit').filter({ hasText: fc.kode }).waitFor();
    await mine.close();

    const stranger = await createStaff(journey.pb, { nama: 'Uji TKSK lain', peran: fc.worker.roles, kecamatan: data.kecamatan.map((k) => k.id) });
    const { page, consoleErrors, close } = await openAs(journey, stranger, '/petugas/kunjungan/');
    await page.getByText('Tidak ada kunjungan yang ditugaskan kepada Anda saat ini.').waitFor();
    const body = (await page.locator('main').textContent()) ?? '';
    for (const value of [fc.kode, SAMPLE_PERSON.nama_lengkap, SAMPLE_PERSON.alamat]) expect(body).not.toContain(value);
    await expectAccessible(page);

    await page.goto(visitUrl('permohonan', fc.id));
    await page.getByRole('alert').filter({ hasText: 'Kasus tidak ditemukan, atau tidak ditugaskan kepada Anda.' }).waitFor();
    const visitBody = (await page.locator('main').textContent()) ?? '';
    for (const value of [fc.kode, SAMPLE_PERSON.nama_lengkap, SAMPLE_PERSON.alamat]) expect(visitBody).not.toContain(value);
    expect(await page.locator('form').count()).toBe(0);
    await expectAccessible(page);
    await shot(page, '6-bukan-tugas-360');
    expect(consoleErrors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
    await close();
  });

  it('lists an urgent report assigned to me first, with its GPS map link, and records a note on it once', async () => {
    const pb = journey.pb;
    const fc = await applicationAtFieldStep();
    const report = await reportAssignedTo(fc.worker);
    expect(report.urgensi).toBe('mendesak');

    const { page, consoleErrors, close } = await openAs(journey, fc.worker, '/petugas/kunjungan/');
    const first = page.locator('.ws-visit').first();
    await first.waitFor();
    expect(await first.textContent()).toContain(report.kode);
    expect(await first.textContent()).toContain('Mendesak');
    expect(await first.textContent()).toContain(SAMPLE_REPORT.patokan);
    expect(await first.getByRole('link', { name: /^Buka peta/ }).getAttribute('href')).toContain(`mlat=${SAMPLE_REPORT.lintang}`);
    expect(await page.locator('.ws-visit').filter({ hasText: fc.kode }).count()).toBe(1);
    const item = (await visitsOf(fc.worker)).find((v) => v.id === report.id)!;
    expect(item.mendesak).toBe(true);
    for (const t of item.tujuan) expect(await first.textContent()).toContain(t.label);
    await expectAccessible(page);
    await shot(page, '7-daftar-laporan-360');

    // What the server allows decides the form: a status change, or (as here when none) a note.
    await first.getByRole('link', { name: /^Catat kunjungan/ }).click();
    await page.getByRole('heading', { name: 'Hasil kunjungan' }).waitFor();
    await expectAccessible(page);
    const target = item.tujuan.find((t) => !t.perlu_alasan);
    if (target) await page.getByLabel(target.label, { exact: true }).check();
    else expect(await page.getByLabel('Belum ada perubahan, hanya catatan').isChecked()).toBe(true);
    await page.getByLabel(/^Catatan kunjungan/).fill('Kakek ditemui di emperan toko, sudah diberi makan dan air minum.');
    await page.getByRole('button', { name: 'Kirim hasil kunjungan' }).click();
    await page.getByRole('heading', { name: 'Kunjungan tercatat' }).waitFor();
    await expectAccessible(page);
    const history = await pb.admin.collection('riwayat_laporan').getFullList({ filter: `laporan = "${report.id}" && akun = "${fc.worker.id}"` });
    expect(history).toHaveLength(1);
    expect(history[0]!['catatan_internal']).toContain('Kakek ditemui');
    const submissionId = (history[0]!['perubahan'] as { id_pengiriman?: string }).id_pengiriman;
    expect(submissionId).toMatch(/^[A-Za-z0-9-]{16,64}$/);

    // The same send again (a lost answer) is a repeat, for reports too.
    const repeat = await act(pb, fc.worker, 'laporan', report.id, { aksi: target ? 'status' : 'catatan', ...(target ? { status: target.id } : {}), catatan_internal: 'lagi', id_pengiriman: submissionId! });
    expect(repeat.status).toBe(200);
    expect(repeat.body.ulang).toBe(true);
    expect(await pb.admin.collection('riwayat_laporan').getFullList({ filter: `laporan = "${report.id}" && akun = "${fc.worker.id}"` })).toHaveLength(1);
    expect(consoleErrors).toEqual([]);
    await close();
  });

  it('lets the field worker whose role the report’s SOP names record the status the server offers', async () => {
    const pb = journey.pb;
    // The team's field account that may move a newly assigned report on (from the SOP, not a key).
    const fresh = { id: '', kode: '', jenis: SAMPLE_REPORT.jenis, status: data.reportStatuses.find((s) => s.meaning === 'initial')!.id, urgensi: '' };
    const worker = Object.values(team).find((a) => a.roles.some((r) => data.roles.find((x) => x.id === r)?.field) && reportTargets(fresh, a).length > 0);
    expect(worker, 'tidak ada petugas lapangan yang boleh mengubah status laporan contoh').toBeDefined();
    const report = await reportAssignedTo(worker!);
    const item = (await visitsOf(worker!)).find((v) => v.id === report.id)!;
    expect(item.tujuan.map((t) => t.id).sort()).toEqual(reportTargets(report, worker!).sort());
    const target = item.tujuan.find((t) => !t.perlu_alasan)!;

    const { page, consoleErrors, close } = await openAs(journey, worker!, '/petugas/kunjungan/');
    const card = page.locator('.ws-visit').filter({ hasText: report.kode });
    await card.waitFor();
    for (const t of item.tujuan) expect(await card.textContent()).toContain(t.label);
    await card.getByRole('link', { name: /^Catat kunjungan/ }).click();
    await page.getByRole('heading', { name: 'Hasil kunjungan' }).waitFor();
    // Nothing chosen: the message is on the field.
    await page.getByRole('button', { name: 'Kirim hasil kunjungan' }).click();
    await page.locator('#f-status-galat').waitFor();
    await expectAccessible(page);
    await page.getByLabel(target.label, { exact: true }).check();
    await page.getByLabel(/^Catatan kunjungan/).fill('Orangnya ditemui di lokasi dan bersedia dibantu.');
    await page.getByRole('button', { name: 'Kirim hasil kunjungan' }).click();
    const done = page.getByRole('status').filter({ has: page.getByRole('heading', { name: 'Kunjungan tercatat' }) });
    await done.waitFor();
    expect(await done.textContent()).toContain(target.label);
    await expectAccessible(page);
    await shot(page, '8-laporan-terkirim-360');
    expect((await pb.admin.collection('laporan').getOne(report.id))['status']).toBe(target.id);
    expect(await pb.admin.collection('riwayat_laporan').getFullList({ filter: `laporan = "${report.id}" && akun = "${worker!.id}"` })).toHaveLength(1);
    expect(consoleErrors).toEqual([]);
    await close();
  });
});
