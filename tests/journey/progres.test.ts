import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, expectFocusOn, holdScript, islandsHydrated, useJourney, expectAddress } from '../support/journey';
import { DESKTOP } from '../support/browser';
import { SAMPLE_PERSONAL_STRINGS } from '../support/application';
import { backdate, mondayAt, OFFSET_MS } from '../support/backdate';
import { apply, FINISHED, KECAMATAN, move, report, REPORT_TYPES, REQUESTS, SERVICES, survey, type Sent } from '../support/records';
import { MIN_PUBLIC_COUNT } from '../../src/lib/rules';
import { formatDate } from '../../src/lib/format';

// The public board shows groups of at least MIN_PUBLIC_COUNT requests or reports per week, as
// of the start of today; /kinerja/ shows the live figures with small counts withheld in words.

const journey = useJourney();

const REPORT_SECRETS = {
  deskripsi: 'Nenek duduk sendirian di halte, tampak bingung',
  patokan: 'Depan Halte Pasar Rahasia',
  desa_kelurahan: 'Dusun Rahasia Pelapor',
  nama_pelapor: 'Yulianti Pelapor Uji',
  telepon_pelapor: '081233334444',
};
const PERSONAL = [...SAMPLE_PERSONAL_STRINGS, ...Object.values(REPORT_SECRETS)];
const [A, B] = SERVICES as [(typeof SERVICES)[0], (typeof SERVICES)[0]];
const [K0, K1, K2, K3] = KECAMATAN as [(typeof KECAMATAN)[0], (typeof KECAMATAN)[0], (typeof KECAMATAN)[0], (typeof KECAMATAN)[0]];
const [T0, T1] = REPORT_TYPES as [(typeof REPORT_TYPES)[0], (typeof REPORT_TYPES)[0]];
const MIN = MIN_PUBLIC_COUNT;
const sent: Sent[] = [];

async function times(n: number, send: () => Promise<Sent>): Promise<Sent[]> {
  const out: Sent[] = [];
  for (let i = 0; i < n; i++) out.push(await send());
  sent.push(...out);
  return out;
}

async function expectNoPersonalData(page: Page) {
  const html = await page.content();
  for (const value of [...PERSONAL, ...sent.map((s) => s.code)]) expect(html, value).not.toContain(value);
}

async function expectNoSidewaysScroll(page: Page) {
  const fits = await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
  expect(fits, 'halaman melebar ke samping').toBe(true);
}

beforeAll(async () => {
  const pb = journey.pb;
  // Last week: five of A finished in one kecamatan, five received in two others, one refused,
  // two of B finished; each finished request answered the survey.
  const finishedA = await times(5, () => apply(pb, A.id, K0.id));
  const received = [...(await times(3, () => apply(pb, A.id, K1.id))), ...(await times(2, () => apply(pb, A.id, K2.id)))];
  const refused = await times(1, () => apply(pb, A.id, K1.id));
  const finishedB = await times(2, () => apply(pb, B.id, K0.id));
  for (const r of [...finishedA, ...finishedB]) await move(pb, 'permohonan', r.id, REQUESTS.pathTo(FINISHED));
  await move(pb, 'permohonan', refused[0]!.id, [REQUESTS.refused.id]);
  for (const r of [...finishedA, ...finishedB]) await survey(pb, r.code, 4);
  backdate(pb.dataDir, 'permohonan', [...finishedA, ...received, ...refused, ...finishedB].map((r) => r.id), mondayAt(1));
  // The week before: five reports with the reporter's details in one kecamatan, and one lone report.
  const reports = await times(5, () => report(pb, T0.id, K0.id, { ...REPORT_SECRETS, anonim: 'false', urgensi: 'mendesak' }));
  const lone = await times(1, () => report(pb, T1.id, K3.id));
  backdate(pb.dataDir, 'laporan', [...reports, ...lone].map((r) => r.id), mondayAt(2));
  // Sent today: on /kinerja/ now, on the board tomorrow.
  await times(1, () => report(pb, T0.id, K0.id, REPORT_SECRETS));
}, 90_000);

const yesterday = formatDate(new Date(Date.now() + OFFSET_MS - 86_400_000).toISOString().slice(0, 10));

describe('the public progress board', () => {
  it('lists groups of five or more per week, never the lone records, and narrows them by kecamatan', async () => {
    const { page, consoleErrors, close } = await journey.open();
    await page.goto('/progres/');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Perkembangan laporan dan permohonan');
    await page.getByText('Ada 15 permohonan dan laporan dalam 3 baris; menampilkan baris 1–3.').waitFor();
    const rows = page.locator('table.board-table tbody tr');
    expect(await rows.count()).toBe(3);
    expect(await page.locator('table.board-table caption').textContent()).toContain('halaman 1 dari 1');
    expect(await page.locator('table.board-table th[scope="col"]').count()).toBe(5);
    expect(await rows.filter({ hasText: A.title }).count()).toBe(2);
    expect(await rows.filter({ hasText: 'Beberapa kecamatan' }).count()).toBe(1);
    expect(await rows.filter({ hasText: T0.label }).count()).toBe(1);
    expect(await rows.filter({ hasText: 'Sudah ditutup' }).count()).toBe(1);
    // The refused request, the lone report and B's two finished requests are in no row.
    expect(await rows.filter({ hasText: REQUESTS.label(REQUESTS.refused.id) }).count()).toBe(0);
    expect(await rows.filter({ hasText: T1.label }).count()).toBe(0);
    expect(await rows.filter({ hasText: K3.name }).count()).toBe(0);
    for (const row of await rows.all()) {
      const cells = await row.locator('td .cell-value').allTextContents();
      expect(Number(cells[4]), cells.join(' | ')).toBeGreaterThanOrEqual(MIN);
      expect(cells[0], 'minggu, bukan tanggal').toMatch(/^\d{1,2}( \p{L}+( \d{4})?)?–\d{1,2} \p{L}+ \d{4}$/u);
    }
    expect(await page.locator('.board-asof').textContent()).toContain(`Diperbarui setiap hari; data sampai ${yesterday}.`);
    expect(await page.locator('.board-asof').textContent()).toContain(`Kurang dari ${MIN} permohonan dan laporan tidak ditampilkan`);
    // Counts sit in the choices; the live region carries the summary.
    expect(await page.getByLabel('Kecamatan').locator(`option[value="${K0.id}"]`).textContent()).toBe(`${K0.name} (10)`);
    expect(await page.getByLabel('Kecamatan').locator(`option[value="${K1.id}"]`).textContent()).toBe(`${K1.name} (0)`);
    expect(await page.locator('.board-summary').getAttribute('aria-live')).toBe('polite');
    expect(await page.getByText(/tidak pernah ditampilkan/).isVisible()).toBe(true);
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);
    await expectNoPersonalData(page);

    await page.getByLabel('Kecamatan').selectOption(K0.id);
    await page.getByRole('button', { name: 'Tampilkan' }).click();
    await page.getByText(`Ada 10 permohonan dan laporan di Kecamatan ${K0.name} dalam 2 baris; menampilkan baris 1–2.`).waitFor();
    expect(await rows.count()).toBe(2);
    for (const row of await rows.all()) expect(await row.textContent()).toContain(K0.name);
    await expectAddress(page, (u) => u.searchParams.get('kecamatan')).toBe(K0.id);
    await expectFocusOn(page, '#progres-hasil');
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);

    // The same choice from a link (or the form sent before the script ran).
    await page.goto(`/progres/?jenis=laporan&kecamatan=${K0.id}`);
    await page.getByText(`Ada 5 laporan warga di Kecamatan ${K0.name} dalam 1 baris; menampilkan baris 1–1.`).waitFor();
    expect(await page.getByLabel('Jenis').inputValue()).toBe('laporan');
    expect(await rows.count()).toBe(1);
    await expectNoPersonalData(page);

    // A kecamatan whose requests were all merged or withheld shows nothing, and says why.
    await page.goto(`/progres/?kecamatan=${K1.id}`);
    await page.getByText(`Tidak ada permohonan dan laporan di Kecamatan ${K1.name} yang dapat ditampilkan.`).waitFor();
    expect(await page.getByText(`Tidak ada kelompok berisi sedikitnya ${MIN} permohonan atau laporan`).isVisible()).toBe(true);
    expect(await rows.count()).toBe(0);
    await expectAccessible(page);

    // A choice the server does not know is explained, not shown as an empty list.
    await page.goto('/progres/?kecamatan=jakarta');
    await page.getByRole('heading', { level: 2, name: 'Pilihan belum benar' }).waitFor();
    expect(await page.getByText('Kecamatan tidak dikenal').isVisible()).toBe(true);
    await expectAccessible(page);

    expect(consoleErrors.filter((e) => !/status of 400/.test(e))).toEqual([]);
    await close();
  });

  it('keeps a choice made before the board’s script ran (a slow phone), and applies it with Tampilkan', async () => {
    const { page, consoleErrors, close } = await journey.open();
    const { requested, release } = await holdScript(page, /\/_astro\/ProgressBoard\.[^/]+\.js$/);
    await page.goto('/progres/', { waitUntil: 'commit' });
    await requested;
    await page.getByLabel('Kecamatan').selectOption(K0.id);
    release();
    await islandsHydrated(page);
    // The list the address asks for (all), the person's choice still in its select.
    await page.getByText('Ada 15 permohonan dan laporan dalam 3 baris; menampilkan baris 1–3.').waitFor();
    expect(await page.getByLabel('Kecamatan').inputValue()).toBe(K0.id);
    await page.getByRole('button', { name: 'Tampilkan' }).click();
    await page.waitForURL(`**/progres/?kecamatan=${K0.id}`);
    expect(consoleErrors).toEqual([]);
    await close();
  });

  it('fits a desktop screen', async () => {
    const { page, close } = await journey.open({ viewport: DESKTOP });
    await page.goto('/progres/');
    await page.getByText('Ada 15 permohonan dan laporan dalam 3 baris; menampilkan baris 1–3.').waitFor();
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);
    await close();
  });
});

describe('live figures on /kinerja/', () => {
  for (const [name, viewport] of [
    ['phone', undefined],
    ['desktop', DESKTOP],
  ] as const) {
    it(`shows the charts with their tables, and small counts as words (${name})`, async () => {
      const { page, consoleErrors, close } = await journey.open(viewport ? { viewport } : {});
      await page.goto('/kinerja/');
      const section = page.getByRole('region', { name: 'Angka terkini dari portal' });
      await section.getByRole('table', { name: 'Jumlah permohonan per layanan menurut status' }).waitFor();
      const statusTable = section.getByRole('table', { name: 'Jumlah permohonan per layanan menurut status' });
      // A: 5 received, 5 finished, 1 refused. The 1 is "kurang dari 5"; with A's total of 11
      // shown, the received 5 are withheld as well, or 11 − 5 − 5 would give the 1 away.
      const rowA = await statusTable.getByRole('row', { name: new RegExp(A.title) }).textContent();
      expect(rowA).toContain('11');
      expect(rowA).toContain(`${REQUESTS.label(FINISHED)}: 5`);
      expect(rowA).toContain(`${REQUESTS.label(REQUESTS.refused.id)}: kurang dari ${MIN}`);
      expect(rowA).toContain(`${REQUESTS.label(REQUESTS.initial.id)}: tidak ditampilkan`);
      // B: two requests, never shown as a number.
      const rowB = await statusTable.getByRole('row', { name: new RegExp(B.title) }).textContent();
      expect(rowB).toContain(`kurang dari ${MIN}`);
      expect(rowB).not.toMatch(/\b[1-4]\b/);
      const charts = section.locator('svg[role="img"]');
      expect(await charts.count()).toBe(2);
      for (const chart of await charts.all()) {
        expect(await chart.locator('title').count()).toBe(1);
        expect((await chart.locator('desc').textContent())?.length).toBeGreaterThan(10);
      }
      expect(await section.getByRole('img', { name: /Permohonan per layanan menurut tahap/ }).isVisible()).toBe(true);
      expect(await section.getByRole('table', { name: 'Lama penyelesaian dibandingkan waktu standar SOP' }).isVisible()).toBe(true);
      expect(await section.getByRole('table', { name: 'Laporan warga menurut jenis' }).isVisible()).toBe(true);
      // IKM: A's five responses give a value; B's two do not, and neither does the overall
      // value, which with A's would give B's away.
      const ikm = section.getByRole('table', { name: 'Indeks Kepuasan Masyarakat per layanan' });
      expect(await ikm.getByRole('row', { name: new RegExp(A.title) }).textContent()).toContain('100,00');
      expect(await ikm.getByRole('row', { name: new RegExp(B.title) }).textContent()).toContain(`Belum ditampilkan: kurang dari ${MIN} responden`);
      const facts = section.locator('.facts');
      expect(await facts.locator('div', { hasText: 'Indeks Kepuasan Masyarakat' }).locator('dd').textContent()).toContain('Belum ditampilkan');
      expect(await facts.locator('div', { hasText: 'Permohonan layanan' }).locator('dd').textContent()).toBe('tidak ditampilkan');
      // The LAKIN tables written by hand are still there below.
      expect(await page.locator('h2').count()).toBeGreaterThan(1);
      await expectAccessible(page);
      await expectNoSidewaysScroll(page);
      await expectNoPersonalData(page);
      expect(consoleErrors).toEqual([]);
      await close();
    });
  }
});
