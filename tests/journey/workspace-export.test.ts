import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, useJourney, expectAddress } from '../support/journey';
import { DESKTOP, openAs } from '../support/workspace';
import { act, advance, portalOf, staffTeam, type StaffAccount } from '../support/staff';
import { personalValuesIn, SAMPLE_PERSONAL_STRINGS } from '../support/application';
import { applicationFor, KECAMATAN, SERVICES } from '../support/records';
import { OTHER_PERSON } from '../support/casework';
import { STATUS_LISTS, statusWithMeaning } from '../support/workflow';
import { loadContent } from '../support/content';
import { formatDate, formatNumber } from '../../src/lib/format';
import type { Iku, LogAkses } from '../../src/lib/api/petugas';

// Ekspor dan akses (/petugas/ekspor/): a role that exports picks a year, downloads the LAKIN CSV
// (counts only) and reads the key indicator as the server counts it; a role that reads the access
// log sees a document opening that really happened, refusals marked, page by page; a role with
// neither power is told so. axe and no sideways scroll at 360 px and 1366 px on every state.
// WORKSPACE_SHOTS=<dir> keeps screenshots of each state.

const journey = useJourney();
const SHOTS = process.env['WORKSPACE_SHOTS'];
const data = portalOf();
const content = loadContent();
const zone = content.site[0]!.data.timeZone;

/** Roles by their powers, never by key. */
const EXPORTER = data.roles.find((r) => r.account && r.can.includes('ekspor') && !r.can.includes('log-akses')) ?? data.roles.find((r) => r.account && r.can.includes('ekspor'))!;
const LOG_READER = data.roles.find((r) => r.account && r.can.includes('log-akses'))!;
const NEITHER = data.roles.find((r) => r.account && !r.field && !r.can.includes('ekspor') && !r.can.includes('log-akses'))!;
const OPENER = data.roles.find((r) => r.account && r.cases && !r.field)!;
const FIELD = data.roles.find((r) => r.account && r.field)!;
const DOC_LABELS = new Map(content.documentTypes.map((d) => [d.id, d.data.label]));

async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  const width = page.viewportSize()?.width ?? 0;
  await page.screenshot({ path: path.join(SHOTS, `ekspor-${name}-${width}.png`), fullPage: true });
  // A phone page is long: also in screen-high pieces, readable at full size.
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0, i = 1; width < 400 && y < height && i <= 4; y += 900, i++) {
    await page.screenshot({ path: path.join(SHOTS, `ekspor-${name}-${width}-${i}.png`), fullPage: true, clip: { x: 0, y, width, height: Math.min(900, height - y) } });
  }
}

/** axe and no sideways scroll at this width, then at the other one (same page, same state). */
async function expectAccessibleAtBoth(page: Page, name: string) {
  const start = page.viewportSize()!;
  const phone = { width: 360, height: 780 };
  for (const size of start.width === DESKTOP.width ? [DESKTOP, phone] : [phone, DESKTOP]) {
    await page.setViewportSize(size);
    await expectAccessible(page);
    const fits = await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
    expect(fits, `${name} melebar ke samping pada ${size.width} px`).toBe(true);
    await shot(page, name);
  }
  await page.setViewportSize(start);
}

/** Presses Tab until the element matching `selector` has focus (keyboard only; fails after 40 stops). */
async function tabTo(page: Page, selector: string) {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab tidak pernah sampai ke ${selector}`);
}

async function visibleMenu(page: Page): Promise<string[]> {
  await page.locator('.ws-session').waitFor();
  await page.waitForFunction(() => document.querySelectorAll('nav[aria-label="Menu ruang kerja"] li[hidden]').length > 0);
  return page.locator('nav[aria-label="Menu ruang kerja"] li:visible').allTextContents();
}

async function getJson<T>(account: StaffAccount, route: string): Promise<T> {
  const res = await fetch(`${journey.pb.url}${route}`, { headers: { Authorization: account.client.authStore.token } });
  expect(res.status, route).toBe(200);
  return (await res.json()) as T;
}

/** An application of the first online service for `person`; its record. */
async function apply(person: Record<string, string>) {
  const form = applicationFor(SERVICES[0]!.id, KECAMATAN[0]!.id);
  for (const [key, value] of Object.entries(person)) form.set(key, value);
  const res = await fetch(`${journey.pb.url}/api/collections/permohonan/records`, { method: 'POST', body: form });
  expect(res.status).toBe(200);
  const code = ((await res.json()) as { kode_lacak: string }).kode_lacak;
  return journey.pb.admin.collection('permohonan').getFirstListItem(journey.pb.admin.filter('kode_lacak = {:k}', { k: code }));
}

/** Opens a stored document through PocketBase's file API with a file token, as the workspace does. */
async function openDocument(account: StaffAccount, id: string, filename: string): Promise<number> {
  const token = await account.client.files.getToken();
  const res = await fetch(`${journey.pb.url}/api/files/permohonan/${id}/${filename}?token=${token}`);
  await res.arrayBuffer();
  return res.status;
}

/** The figures shown for an indicator. */
async function shownFigures(page: Page, key: string) {
  const item = page.locator(`.ws-iku__item[data-kunci="${key}"]`);
  const dd = (name: string) => item.locator(`[data-angka="${name}"] dd`).textContent();
  return { label: await item.locator('.ws-iku__label').textContent(), nilai: await dd('nilai'), pembilang: await dd('pembilang'), penyebut: await dd('penyebut') };
}

async function expectFiguresOf(page: Page, account: StaffAccount, year: number) {
  await page.getByRole('heading', { name: `Indikator kinerja utama tahun ${year}` }).waitFor();
  await page.locator('.ws-iku').waitFor();
  const iku = await getJson<Iku>(account, `/api/petugas/ekspor/iku?tahun=${year}`);
  expect(iku.indikator.length).toBeGreaterThan(0);
  for (const ind of iku.indikator) {
    const shown = await shownFigures(page, ind.kunci);
    expect(shown.label).toBe(ind.label);
    expect(shown.pembilang).toBe(formatNumber(ind.pembilang));
    expect(shown.penyebut).toBe(formatNumber(ind.penyebut));
    expect(shown.nilai?.startsWith(ind.nilai === null ? '—' : `${formatNumber(ind.nilai)}%`), `${shown.nilai} ≠ ${ind.nilai}`).toBe(true);
  }
  expect(await page.locator('.ws-iku__how').textContent()).toContain(iku.catatan);
  return iku;
}

describe('Ekspor dan akses', () => {
  let team: Record<string, StaffAccount>;
  /** A request served and one refused, of two different people, this year. */
  let served: Awaited<ReturnType<typeof apply>>;
  beforeAll(async () => {
    await journey.pb.admin.settings.update({ rateLimits: { enabled: false } });
    team = await staffTeam(journey.pb);
    served = await apply({});
    await advance(journey.pb, 'permohonan', served.id, statusWithMeaning(STATUS_LISTS.permohonan, 'success'));
    const refused = await apply({ ...OTHER_PERSON });
    await advance(journey.pb, 'permohonan', refused.id, statusWithMeaning(STATUS_LISTS.permohonan, 'rejected'));
  }, 90_000);

  it('a role that exports picks a year, reads the indicator as the server counts it, and downloads the CSV without personal data', async () => {
    expect(EXPORTER, 'tidak ada peran dengan wewenang ekspor').toBeTruthy();
    const account = team[EXPORTER.id]!;
    const { page, consoleErrors, close } = await openAs(journey, account, '/petugas/ekspor/');
    const year = Number(formatDate(new Date(), zone).slice(-4));
    const select = page.getByLabel('Tahun data');
    await select.waitFor();
    expect(await select.inputValue()).toBe(String(year));
    // Only sensible years: this one and a few before it, none in the future.
    const offered = (await select.locator('option').allTextContents()).map(Number);
    expect(offered[0]).toBe(year);
    expect(Math.min(...offered)).toBeGreaterThanOrEqual(year - 10);
    expect(offered).toEqual([...offered].sort((a, b) => b - a));

    const iku = await expectFiguresOf(page, account, year);
    // The two people of beforeAll were decided this year; one of them was served. (The server
    // counts by the UTC year of entry: in the office's first hours of a new year it is still last year.)
    const main = iku.indikator[0]!;
    if (new Date().getUTCFullYear() === year) {
      expect(main.penyebut).toBeGreaterThanOrEqual(2);
      expect(main.pembilang).toBeGreaterThanOrEqual(1);
      expect(main.pembilang).toBeLessThan(main.penyebut);
    }
    expect(await visibleMenu(page)).toContain('Ekspor dan akses');
    expect(await page.locator('nav[aria-label="Menu ruang kerja"] a[aria-current="page"]').textContent()).toBe('Ekspor dan akses');
    if (!EXPORTER.can.includes('log-akses')) expect(await page.getByRole('heading', { name: 'Catatan akses dokumen' }).count()).toBe(0);
    await expectAccessibleAtBoth(page, 'lakin');

    // Another year, by keyboard: its own figures, and the address says which.
    await tabTo(page, '#f-tahun');
    await page.keyboard.press('ArrowDown');
    await expectFiguresOf(page, account, year - 1);
    await expectAddress(page, (u) => u.searchParams.get('tahun')).toBe(String(year - 1));
    await expectAccessibleAtBoth(page, 'lakin-tahun-lalu');
    await select.selectOption(String(year));
    await expectFiguresOf(page, account, year);

    // The download, by keyboard: fetched with the staff token, handed to the browser as lakin-<year>.csv.
    await tabTo(page, 'button.button');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Unduh data LAKIN (CSV)');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toBe(`lakin-${year}.csv`);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('dimensi,kunci,label,jumlah');
    expect(csv).toContain(`indikator,persentase_pmks_terlayani,Persentase PMKS yang memperoleh pelayanan dasar (%),${main.nilai === null ? '' : main.nilai.toFixed(2)}`);
    expect(personalValuesIn(csv, [...SAMPLE_PERSONAL_STRINGS, OTHER_PERSON.nama_lengkap, OTHER_PERSON.nik, OTHER_PERSON.telepon])).toEqual([]);
    await page.locator('#ekspor-unduh-status').getByText(`Berkas lakin-${year}.csv sudah diunduh.`).waitFor();
    await expectAccessibleAtBoth(page, 'lakin-diunduh');

    // Offline: said next to the button; nothing is lost, the next try works.
    await page.context().setOffline(true);
    await page.getByRole('button', { name: 'Unduh data LAKIN (CSV)' }).click();
    await page.getByRole('heading', { name: 'Berkas belum dapat diunduh' }).waitFor();
    expect(await page.locator('.ws-export .error-summary').first().textContent()).toContain('Sambungan internet terputus');
    await expectAccessibleAtBoth(page, 'lakin-luring');
    await page.context().setOffline(false);
    const [again] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Coba unduh lagi' }).click()]);
    expect(again.suggestedFilename()).toBe(`lakin-${year}.csv`);
    expect(await page.getByRole('heading', { name: 'Berkas belum dapat diunduh' }).count()).toBe(0);
    expect(consoleErrors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e))).toEqual([]);
    await close();
  });

  it('a year the server will not count, and a role taken away while the page is open, are said where they belong', async () => {
    const account = team[EXPORTER.id]!;
    // A year typed into the address that the page does not offer: said on the year field.
    const { page, close } = await openAs(journey, account, '/petugas/ekspor/?tahun=1999', { viewport: DESKTOP });
    const year = Number(formatDate(new Date(), zone).slice(-4));
    await page.locator('#f-tahun-galat').getByText(/Tahun “1999” tidak tersedia/).waitFor();
    expect(await page.getByLabel('Tahun data').getAttribute('aria-invalid')).toBe('true');
    await expectFiguresOf(page, account, year);
    await expectAccessibleAtBoth(page, 'lakin-tahun-salah');

    // The server's own refusal of a year lands on the same field (an option slipped into the list).
    await page.evaluate(() => {
      const option = document.createElement('option');
      option.value = '1999';
      option.textContent = '1999';
      document.querySelector('#f-tahun')!.append(option);
    });
    await page.getByLabel('Tahun data').selectOption('1999');
    await page.locator('#f-tahun-galat').getByText('Tahun tidak sah. Contoh: 2026.').waitFor();
    await page.getByRole('heading', { name: 'Indikator belum dapat dimuat' }).waitFor();
    await page.getByLabel('Tahun data').selectOption(String(year));
    await expectFiguresOf(page, account, year);
    expect(await page.locator('#f-tahun-galat').count()).toBe(0);

    // An administrator takes the power away while the page is open: the server refuses, the page says why.
    await journey.pb.admin.collection('petugas').update(account.id, { peran: [NEITHER.id] });
    try {
      await page.getByRole('button', { name: 'Unduh data LAKIN (CSV)' }).click();
      await page.getByRole('heading', { name: 'Berkas belum dapat diunduh' }).waitFor();
      expect(await page.locator('.ws-export .error-summary').textContent()).toContain('Ekspor data LAKIN dan indikator hanya untuk peran yang diberi wewenang');
      await expectAccessibleAtBoth(page, 'lakin-ditolak');
    } finally {
      await journey.pb.admin.collection('petugas').update(account.id, { peran: [EXPORTER.id] });
    }
    await close();
  });

  it('a role that reads the access log sees who opened which document of which case, refusals marked, newest first, page by page', async () => {
    const opener = team[OPENER.id]!;
    const field = team[FIELD.id]!;
    const reader = team[LOG_READER.id]!;
    const service = data.services.find((s) => s.id === served['layanan'])!;
    const allowed = service.documents.find((d) => served[d.key])!;
    // A field worker, assigned, tries a document their role does not need: refused, and logged.
    const record = await apply({});
    const assigner = Object.values(team).find((a) => data.roles.some((r) => a.roles.includes(r.id) && r.can.includes('tugaskan')))!;
    expect((await act(journey.pb, assigner, 'permohonan', record.id, { aksi: 'tugaskan', petugas_lapangan: field.id })).status).toBe(200);
    const forbidden = service.documents.find((d) => !FIELD.documents.includes(d.key) && record[d.key])!;
    expect(await openDocument(opener, record.id, String(record[allowed.key]))).toBe(200);
    expect(await openDocument(field, record.id, String(record[forbidden.key]))).toBe(404);

    const { page, consoleErrors, close } = await openAs(journey, reader, '/petugas/ekspor/', { viewport: DESKTOP });
    await page.getByRole('heading', { name: 'Catatan akses dokumen' }).waitFor();
    const rows = page.locator('table.ws-log tbody tr');
    await rows.first().waitFor();
    const mine = rows.filter({ hasText: String(record['kode_lacak']) });
    expect(await mine.count()).toBe(2);
    // Newest first: the refused opening came last.
    const refusedRow = mine.nth(0);
    expect(await refusedRow.textContent()).toContain(field.nama);
    expect(await refusedRow.textContent()).toContain(DOC_LABELS.get(forbidden.key));
    expect(await refusedRow.locator('.ws-tag').textContent()).toBe('Ditolak');
    const openedRow = mine.nth(1);
    expect(await openedRow.textContent()).toContain(opener.nama);
    expect(await openedRow.textContent()).toContain(DOC_LABELS.get(allowed.key));
    expect(await openedRow.locator('td').last().textContent()).toContain('Dibuka');
    // Times in the office's zone.
    expect(await openedRow.locator('time').textContent()).toMatch(new RegExp(`^\\d{1,2} \\p{L}+ \\d{4} pukul \\d{2}\\.\\d{2} ${zone}$`, 'u'));
    // A head of office holds both powers in the default content: both parts are on the page.
    if (LOG_READER.can.includes('ekspor')) await page.getByRole('button', { name: 'Unduh data LAKIN (CSV)' }).waitFor();
    expect(personalValuesIn(await page.locator('main').textContent() ?? '', SAMPLE_PERSONAL_STRINGS)).toEqual([]);
    await expectAccessibleAtBoth(page, 'log');
    await page.setViewportSize({ width: 360, height: 780 });
    expect(await refusedRow.evaluate((tr) => getComputedStyle(tr).display)).toBe('block');
    await page.setViewportSize(DESKTOP);

    // Enough openings for a second page (the server shows 50 a page).
    const first = await getJson<LogAkses>(reader, '/api/petugas/log-akses');
    for (let i = first.total; i <= 50; i++) expect(await openDocument(opener, record.id, String(record[allowed.key]))).toBe(200);
    await page.reload();
    await page.getByRole('navigation', { name: 'Halaman catatan akses' }).waitFor();
    await page.getByRole('link', { name: 'Lebih lama ›' }).click();
    await page.waitForURL((url) => url.searchParams.get('halaman') === '2');
    const second = await getJson<LogAkses>(reader, '/api/petugas/log-akses?halaman=2');
    await page.locator('#log-akses-judul').getByText(`halaman 2 dari ${second.jumlah_halaman}`).waitFor();
    expect(await rows.count()).toBe(second.item.length);
    // The oldest openings are here: this test's first one among them.
    expect(await rows.filter({ hasText: String(record['kode_lacak']) }).count()).toBeGreaterThan(0);
    await page.waitForFunction(() => document.activeElement?.id === 'log-akses');
    await expectAccessibleAtBoth(page, 'log-halaman-2');
    await page.goBack();
    await page.waitForURL((url) => !url.searchParams.has('halaman'));
    await page.locator('#log-akses-judul').getByText('halaman 1 dari').waitFor();
    expect(consoleErrors).toEqual([]);
    await close();
  });

  it('an account with neither power is told so, and the menu does not offer the page', async () => {
    const account = team[NEITHER.id]!;
    const { page, consoleErrors, close } = await openAs(journey, account, '/petugas/ekspor/');
    await page.getByRole('heading', { name: 'Halaman ini tidak untuk peran Anda' }).waitFor();
    expect(await page.locator('.ws-refusal').textContent()).toContain(NEITHER.label);
    expect(await page.locator('.ws-refusal').textContent()).toContain(EXPORTER.label);
    expect(await page.getByRole('button', { name: 'Unduh data LAKIN (CSV)' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Catatan akses dokumen' }).count()).toBe(0);
    expect(await visibleMenu(page)).not.toContain('Ekspor dan akses');
    await expectAccessibleAtBoth(page, 'bukan-peran');
    expect(consoleErrors).toEqual([]);
    await close();
  });
});
