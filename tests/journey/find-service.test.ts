import { describe, expect, it } from 'vitest';
import { expectAccessible, useJourney } from '../support/journey';

const journey = useJourney();

describe('finding a service', () => {
  it('a person finds the assistive-device service from the home page in three clicks and opens its printable checklist', async () => {
    const { page, consoleErrors, close } = await journey.open();
    await page.goto('/');
    await expectAccessible(page);
    // Counted by the browser, not by the test: each page the person had to open adds one entry.
    const startEntries = await page.evaluate(() => history.length);

    await page.getByRole('link', { name: /Cari layanan dan ajukan permohonan/ }).click();
    await page.waitForURL('**/layanan/');
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Bantuan Alat Bantu bagi Penyandang Disabilitas' }).click();
    await page.waitForURL('**/layanan/alat-bantu-disabilitas/');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Bantuan Alat Bantu bagi Penyandang Disabilitas');
    expect(await page.getByRole('link', { name: 'Ajukan permohonan' }).count() + (await page.getByRole('heading', { name: 'Ajukan permohonan' }).count())).toBeGreaterThan(0);
    await expectAccessible(page);

    await page.getByRole('link', { name: /daftar periksa dokumen untuk dicetak/ }).click();
    await page.waitForURL('**/layanan/alat-bantu-disabilitas/daftar-periksa/');
    expect((await page.evaluate(() => history.length)) - startEntries).toBeLessThanOrEqual(3);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Daftar periksa dokumen');
    for (const label of ['KTP penerima', 'Kartu Keluarga (KK)', 'Foto seluruh badan']) {
      expect(await page.getByText(label, { exact: true }).isVisible(), label).toBe(true);
    }
    await expectAccessible(page);

    // On paper the header, footer and hints disappear; the list stays.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('.checklist').first().isVisible()).toBe(true);
    expect(consoleErrors).toEqual([]);
    await close();
  });

  it('the home page groups lead straight to the service in one click', async () => {
    const { page, close } = await journey.open();
    await page.goto('/');
    const group = page.getByRole('region', { name: 'Penyandang disabilitas' });
    await group.getByRole('link', { name: 'Bantuan Alat Bantu bagi Penyandang Disabilitas' }).click();
    await page.waitForURL('**/layanan/alat-bantu-disabilitas/');
    await close();
  });

  it('the header search finds a service by a word people use, not its title', async () => {
    const { page, consoleErrors, close } = await journey.open();
    await page.goto('/');
    await page.getByRole('searchbox', { name: 'Cari layanan atau SOP' }).fill('kursi roda');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/cari/?q=kursi+roda');
    const results = page.locator('.search-results').first();
    await results.getByRole('link', { name: 'Bantuan Alat Bantu bagi Penyandang Disabilitas' }).waitFor();
    await expectAccessible(page);
    await page.getByLabel('Kata yang dicari').fill('zzzz tidak ada');
    await page.getByText('Tidak ada hasil untuk “zzzz tidak ada”').waitFor();
    expect(consoleErrors).toEqual([]);
    await close();
  });
});
