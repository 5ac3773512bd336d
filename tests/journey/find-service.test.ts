import { describe, expect, it } from 'vitest';
import { expectAccessible, holdScript, islandsHydrated, useJourney, expectAddress } from '../support/journey';
import { VECTOR_SERVICE } from '../support/application';
import { loadContent } from '../support/content';

const journey = useJourney();
// The content's sample service (Bangka: alat bantu), its group, documents and a search word
// that is not in its title (Bangka: "kursi roda").
const content = loadContent();
const SERVICE = { id: VECTOR_SERVICE.id, title: VECTOR_SERVICE.data.title };
const GROUP = content.serviceGroups.find((g) => g.id === VECTOR_SERVICE.data.group)!.data.title;
const DOCUMENTS = VECTOR_SERVICE.data.documents.map((d) => content.documentTypes.find((t) => t.id === d.key)!.data.label);
const WORD = VECTOR_SERVICE.data.keywords.find((k) => !SERVICE.title.toLowerCase().includes(k.toLowerCase()))!;

describe('finding a service', () => {
  it('a person finds a service from the home page in three clicks and opens its printable checklist', async () => {
    const { page, consoleErrors, close } = await journey.open();
    await page.goto('/');
    await expectAccessible(page);
    // Counted by the browser, not by the test: each page the person had to open adds one entry.
    const startEntries = await page.evaluate(() => history.length);

    await page.getByRole('link', { name: /Cari layanan dan ajukan permohonan/ }).click();
    await page.waitForURL('**/layanan/');
    await expectAccessible(page);

    await page.getByRole('link', { name: SERVICE.title }).click();
    await page.waitForURL(`**/layanan/${SERVICE.id}/`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(SERVICE.title);
    expect(await page.getByRole('link', { name: 'Ajukan permohonan' }).count() + (await page.getByRole('heading', { name: 'Ajukan permohonan' }).count())).toBeGreaterThan(0);
    await expectAccessible(page);

    await page.getByRole('link', { name: /daftar periksa dokumen untuk dicetak/ }).click();
    await page.waitForURL(`**/layanan/${SERVICE.id}/daftar-periksa/`);
    expect((await page.evaluate(() => history.length)) - startEntries).toBeLessThanOrEqual(3);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Daftar periksa dokumen');
    for (const label of DOCUMENTS) {
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
    const group = page.getByRole('region', { name: GROUP });
    await group.getByRole('link', { name: SERVICE.title }).click();
    await page.waitForURL(`**/layanan/${SERVICE.id}/`);
    await close();
  });

  it('the header search finds a service by a word people use, not its title', async () => {
    const { page, consoleErrors, close } = await journey.open();
    await page.goto('/');
    await page.getByRole('searchbox', { name: 'Cari layanan atau SOP' }).fill(WORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/cari/?${new URLSearchParams({ q: WORD })}`);
    const results = page.locator('.search-results').first();
    // An SOP may carry the service's title too: the service's own link is the first.
    await results.getByRole('link', { name: SERVICE.title }).first().waitFor();
    await expectAccessible(page);
    await page.getByLabel('Kata yang dicari').fill('zzzz tidak ada');
    await page.getByText('Tidak ada hasil untuk “zzzz tidak ada”').waitFor();
    expect(consoleErrors).toEqual([]);
    await close();
  });

  it('keeps a word typed before the search page’s script ran (a slow phone) and searches for it', async () => {
    const { page, consoleErrors, close } = await journey.open();
    // Hold the island back until the word is typed, as a slow link does.
    const { requested, release } = await holdScript(page, /\/_astro\/Search\.[^/]+\.js$/);
    await page.goto('/cari/', { waitUntil: 'commit' });
    const field = page.getByLabel('Kata yang dicari');
    await field.fill(WORD);
    await requested;
    release();
    await islandsHydrated(page);
    await page.getByRole('heading', { level: 2, name: new RegExp(`hasil untuk “${WORD}”`) }).waitFor();
    expect(await field.inputValue()).toBe(WORD);
    await expectAddress(page, (u) => u.searchParams.get('q')).toBe(WORD);
    expect(consoleErrors).toEqual([]);
    await close();
  });
});
