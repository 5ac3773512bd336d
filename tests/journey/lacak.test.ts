import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, expectFocusOn, holdScript, islandsHydrated, useJourney, expectAddress, expectWidestCodesFit } from '../support/journey';
import { applyAsSamplePerson, SAMPLE_PERSONAL_STRINGS, VECTOR_DOCUMENT, VECTOR_SERVICE } from '../support/application';
import { SITE, UNKNOWN_CODE } from '../support/content';
import { REPAIR, REQUESTS } from '../support/records';
import { advance, portalOf } from '../support/staff';
import { formatExpectedDays } from '../../src/lib/duration';

const journey = useJourney();

const PERSONAL_STRINGS = SAMPLE_PERSONAL_STRINGS;
const SERVICE = VECTOR_SERVICE.data.title;
// Status labels by meaning, and the office's WhatsApp, from the content under test.
const INITIAL_LABEL = REQUESTS.initial.label;
const REPAIR_LABEL = REQUESTS.label(REPAIR);

const apply = () => applyAsSamplePerson(journey.pb.url);

async function expectNoPersonalData(page: Page) {
  const html = await page.content();
  for (const value of PERSONAL_STRINGS) expect(html, value).not.toContain(value);
}

async function expectNoSidewaysScroll(page: Page) {
  const fits = await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
  expect(fits, 'halaman melebar ke samping').toBe(true);
}

/** Chromium logs every 404 answer as a console error; the not-found answer is expected. */
const unexpected = (errors: string[]) => errors.filter((e) => !/status of 404/.test(e));

const resultHeading = (page: Page) => page.locator('.track-result h2');

describe('tracking a request by its code', () => {
  it('shows the status, the stages and the correction a person has to send, and no personal data', async () => {
    const code = await apply();
    const { page, consoleErrors, close } = await journey.open();

    // Opened from a link that carries the code.
    await page.goto(`/lacak/?kode=${code}`);
    await page.getByRole('heading', { level: 2, name: `Permohonan ${code}` }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Lacak permohonan');
    expect(await page.getByLabel('Kode pelacakan').inputValue()).toBe(code);
    expect(await page.locator('.track-status__label').textContent()).toBe(INITIAL_LABEL);
    expect(await page.getByText(SERVICE, { exact: true }).isVisible()).toBe(true);
    const stages = page.locator('ol.track-stages > li');
    expect(await stages.count()).toBe(5);
    expect(await stages.first().getAttribute('aria-current')).toBe('step');
    expect(await stages.first().textContent()).toContain('Tahap saat ini');
    // The service's expectation from content, as dates; a stage whose time the SOP does not fix
    // says so and has no due date.
    const service = portalOf().services.find((s) => s.title === SERVICE)!;
    const days = formatExpectedDays({ minDays: service.expectedDays.min, maxDays: service.expectedDays.max });
    expect(await page.locator('.facts').textContent()).toContain(`Perkiraan selesaibiasanya ${days}`);
    const open = service.stages.findIndex((st) => !st.timed);
    expect(open, 'layanan contoh punya tahap tanpa waktu tetap').toBeGreaterThan(0);
    expect(await stages.nth(open).textContent()).toContain('Batas waktutidak ada');
    expect(await stages.first().textContent()).toContain('Waktu kerja petugas (SOP)');
    expect(await page.locator('.track-result').getAttribute('aria-live')).toBe('polite');
    expect(await page.locator('.track-result').getAttribute('aria-busy')).toBe('false');
    await expectAccessible(page);
    await expectNoPersonalData(page);
    await expectNoSidewaysScroll(page);

    // Staff check the documents, then ask for a new photo of the KK.
    const admin = journey.pb.admin;
    const record = await admin.collection('permohonan').getFirstListItem(admin.filter('kode_lacak = {:k}', { k: code }));
    await advance(journey.pb, 'permohonan', record.id, REQUESTS.checking.id, { note: () => 'Berkas sedang diperiksa petugas.' });
    const note = 'Foto KK terpotong di bagian bawah, mohon kirim ulang.';
    await advance(journey.pb, 'permohonan', record.id, REPAIR, { note: () => note, repairDocuments: [VECTOR_DOCUMENT.key] });

    await page.reload();
    await page.getByRole('heading', { level: 2, name: `Permohonan ${code}` }).waitFor();
    expect(await page.locator('.track-status__label').textContent()).toBe(REPAIR_LABEL);
    const fix = page.getByRole('region', { name: 'Yang perlu Anda lakukan' });
    expect(await fix.getByText(VECTOR_DOCUMENT.label, { exact: true }).isVisible()).toBe(true);
    expect(await fix.getByText(note).isVisible()).toBe(true);
    // Documents are sent from this page or brought in, never by WhatsApp (issue 14).
    expect(await fix.locator('a[href*="wa.me"]').count()).toBe(0);
    expect(await fix.getByRole('button', { name: 'Kirim dokumen' }).isVisible()).toBe(true);
    // Newest first: the correction request heads the history, the receipt ends it.
    const history = page.locator('.track-history > li');
    expect(await history.count()).toBe(3);
    expect(await history.first().textContent()).toContain(REPAIR_LABEL);
    expect(await history.last().textContent()).toContain(INITIAL_LABEL);
    expect(await page.getByText('Berkas sedang diperiksa petugas.').isVisible()).toBe(true);
    await expectAccessible(page);
    await expectNoPersonalData(page);
    await expectNoSidewaysScroll(page);

    // The code typed by hand, in lower case with spaces, gives the same answer and takes focus there.
    await page.goto('/lacak/');
    await page.getByLabel('Kode pelacakan').fill(code.toLowerCase().replace(/-/g, ' '));
    await page.getByRole('button', { name: 'Lacak' }).click();
    await page.getByRole('heading', { level: 2, name: `Permohonan ${code}` }).waitFor();
    expect(await page.locator('.track-status__label').textContent()).toBe(REPAIR_LABEL);
    await expectFocusOn(page, '#lacak-hasil');
    await expectAddress(page, (u) => u.searchParams.get('kode')).toBe(code);
    await expectAccessible(page);
    await expectNoPersonalData(page);
    await expectWidestCodesFit(page);

    // A well-formed code that does not exist, submitted on the same page.
    await page.getByLabel('Kode pelacakan').fill(UNKNOWN_CODE);
    await page.getByRole('button', { name: 'Lacak' }).click();
    await page.getByText(`Kode ${UNKNOWN_CODE} tidak ditemukan.`).waitFor();
    expect(await resultHeading(page).textContent()).toBe('Kode tidak ditemukan');
    await expectFocusOn(page, '.track-result h2');
    await expectWidestCodesFit(page);
    expect(await page.locator('.track-result').getByText(/tidak memakai huruf O, I, L, U, V atau angka 0 dan 1/).isVisible()).toBe(true);
    expect(await page.locator('.track-result').getByRole('link', { name: SITE.whatsappDisplay }).isVisible()).toBe(true);
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);

    // A code with a letter the alphabet leaves out is answered without asking the server.
    await page.getByLabel('Kode pelacakan').fill(`${SITE.trackingPrefix}-7K3-MQ0-XPW`);
    await page.getByRole('button', { name: 'Lacak' }).click();
    await page.getByRole('heading', { level: 2, name: 'Kode belum benar' }).waitFor();
    expect(await page.getByLabel('Kode pelacakan').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page);

    expect(unexpected(consoleErrors)).toEqual([]);
    await close();
  });

  it('says so when the connection fails or the person tried too often, and offers to try again', async () => {
    const code = await apply();
    const { page, close } = await journey.open();
    await page.route('**/api/lacak/**', (route) => route.abort('internetdisconnected'));
    await page.goto(`/lacak/?kode=${code}`);
    await page.getByRole('heading', { level: 2, name: 'Status belum dapat dimuat' }).waitFor();
    await expectAccessible(page);

    await page.unroute('**/api/lacak/**');
    await page.route('**/api/lacak/**', (route) => route.fulfill({ status: 429, contentType: 'application/json', body: '{"message":"Too Many Requests."}' }));
    await page.getByRole('button', { name: 'Coba lagi' }).click();
    await page.getByRole('heading', { level: 2, name: 'Terlalu banyak percobaan' }).waitFor();
    expect(await page.locator('.track-result').textContent()).toContain('Tunggu satu menit');
    await expectAccessible(page);

    await page.unroute('**/api/lacak/**');
    await page.getByRole('button', { name: 'Coba lagi' }).click();
    await page.getByRole('heading', { level: 2, name: `Permohonan ${code}` }).waitFor();
    expect(await page.locator('.track-status__label').textContent()).toBe(INITIAL_LABEL);
    await close();
  });

  it('keeps a code typed before the page’s script ran (a slow phone), over the link’s own code', async () => {
    const [linked, typed] = [await apply(), await apply()];
    const { page, consoleErrors, close } = await journey.open();
    // Hold the island back until the person has typed, as a slow link does.
    const { requested, release } = await holdScript(page, /\/_astro\/Tracking\.[^/]+\.js$/);
    // Opened from a link with one code (a static page cannot show it before the island runs); the
    // person types another one, lower case and without hyphens.
    await page.goto(`/lacak/?kode=${linked}`, { waitUntil: 'commit' });
    const field = page.getByLabel('Kode pelacakan');
    await field.waitFor();
    await requested;
    const written = typed.replace(/-/g, '').toLowerCase();
    await field.fill(written);
    release();
    await islandsHydrated(page);
    expect(await field.inputValue()).toBe(written);
    // The island looked nothing up on its own: the typed code is the one the person sends.
    expect(await page.locator('.track-result').textContent()).toBe('');
    await page.getByRole('button', { name: 'Lacak', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: `Permohonan ${typed}` }).waitFor();
    await expectAddress(page, (u) => u.searchParams.get('kode')).toBe(typed);
    expect(consoleErrors).toEqual([]);
    await close();
  });

  it('reads well on a desktop screen too', async () => {
    const code = await apply();
    const { page, consoleErrors, close } = await journey.open({ viewport: { width: 1280, height: 900 } });
    await page.goto(`/lacak/?kode=${code}`);
    await page.getByRole('heading', { level: 2, name: `Permohonan ${code}` }).waitFor();
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);
    expect(consoleErrors).toEqual([]);
    await close();
  });
});
