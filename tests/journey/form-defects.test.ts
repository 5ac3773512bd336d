import { describe, expect, it } from 'vitest';
import { expectAccessible, expectFocusOn, useJourney } from '../support/journey';
import { startApplication } from '../support/forms';
import { SAMPLE_PERSON } from '../support/application';
import { KECAMATAN, SERVICES } from '../support/records';

// Issue 13 point 3's defects, as a person meets them on the application's documents step: the
// error summary does not snatch focus back while files are chosen, a refused file is not named
// beside its error, and every field with an error points at it (aria-describedby).

const journey = useJourney();
const service = SERVICES[0]!;
/** A file no document field takes: refused in the browser, on its field. */
const REFUSED = { name: 'scan.txt', mimeType: 'text/plain', buffer: Buffer.from('bukan foto dan bukan PDF') };

describe('the documents step after a failed Lanjut', () => {
  it('keeps focus on the file being chosen, names no refused file, and ties each error to its field', async () => {
    const { page, consoleErrors, close } = await journey.open();
    await startApplication(page, service.id, { ...SAMPLE_PERSON, kecamatan: KECAMATAN[0]!.id });
    await page.getByRole('button', { name: 'Lanjut' }).click();
    await expectFocusOn(page, '.error-summary');
    const inputs = page.locator('input[type="file"][aria-invalid="true"]');
    expect(await inputs.count()).toBeGreaterThan(0);
    for (const id of await inputs.evaluateAll((els) => els.map((el) => el.id))) {
      expect(await page.locator(`#${id}`).getAttribute('aria-describedby'), id).toContain(`${id}-galat`);
      expect(await page.locator(`#${id}-galat`).textContent()).not.toMatch(/^Galat/);
    }

    // A refused file: the message is on the field, focus stays there, the browser names no file.
    const first = (await inputs.first().getAttribute('id'))!;
    await page.locator(`#${first}`).focus();
    await page.locator(`#${first}`).setInputFiles(REFUSED);
    await page.locator(`#${first}-galat`).waitFor();
    await page.waitForFunction((id) => (document.getElementById(id) as HTMLInputElement).value === '', first);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(false);
    expect(await page.locator(`#${first}-terpilih`).count()).toBe(0);
    await expectAccessible(page);
    expect(consoleErrors).toEqual([]);
    await close();
  });
});

describe('starting over', () => {
  it('asks before wiping the draft, keeps everything on "Tidak", and wipes only on "Ya"', async () => {
    const { page, consoleErrors, close } = await journey.open();
    await startApplication(page, service.id, { ...SAMPLE_PERSON, kecamatan: KECAMATAN[0]!.id });
    await page.getByRole('button', { name: 'Hapus isian dan mulai dari awal' }).click();
    const ask = page.getByRole('alertdialog');
    await ask.waitFor();
    await expectFocusOn(page, '[role="alertdialog"]');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Tidak, lanjutkan mengisi' }).click();
    await ask.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Kembali' }).click();
    expect(await page.getByLabel('Nama lengkap penerima').inputValue()).toBe(SAMPLE_PERSON.nama_lengkap);

    await page.getByRole('button', { name: 'Hapus isian dan mulai dari awal' }).click();
    await page.getByRole('button', { name: 'Ya, hapus dan mulai dari awal' }).click();
    await page.getByRole('heading', { name: 'Siapa yang dapat mengajukan' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Siapa yang dapat mengajukan' }).waitFor();
    // Nothing of the wiped answers came back with the reload.
    expect(await page.locator('input[type="radio"]:checked').count()).toBe(0);
    expect(consoleErrors).toEqual([]);
    await close();
  });
});

describe('the browser’s Back button', () => {
  it('goes to the previous step of the application, with its answers, and Forward comes back', async () => {
    const { page, consoleErrors, close } = await journey.open();
    await startApplication(page, service.id, { ...SAMPLE_PERSON, kecamatan: KECAMATAN[0]!.id });
    const form = new URL(page.url()).pathname;
    await page.goBack();
    await page.getByRole('heading', { name: 'Data penerima dan pemohon' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(form);
    expect(await page.getByLabel('Nama lengkap penerima').inputValue()).toBe(SAMPLE_PERSON.nama_lengkap);
    await page.goBack();
    await page.getByRole('heading', { name: 'Siapa yang dapat mengajukan' }).waitFor();
    await page.goForward();
    await page.getByRole('heading', { name: 'Data penerima dan pemohon' }).waitFor();
    await expectAccessible(page);
    expect(consoleErrors).toEqual([]);
    await close();
  });
});

describe('the later steps when the connection dropped before they arrived', () => {
  it('says so on the step, keeps the answers, and shows the step after "Muat ulang" once it can be fetched', async () => {
    const { page, consoleErrors, close } = await journey.open();
    // The steps after the first are fetched once the form shows (application/later-steps.ts).
    let blocked = true;
    await page.route(/\/_astro\/later-steps\.[^/]+\.js$/, (route) => (blocked ? route.abort('internetdisconnected') : route.continue()));
    await page.goto(`/layanan/${service.id}/ajukan/`);
    await page.getByRole('heading', { name: 'Siapa yang dapat mengajukan' }).waitFor();
    for (const fieldset of await page.locator('fieldset').all()) await fieldset.getByLabel('Ya', { exact: true }).check();
    await page.getByRole('button', { name: 'Lanjut' }).click();
    await page.getByRole('heading', { name: 'Data penerima dan pemohon' }).waitFor();
    await page.getByText('Bagian formulir ini belum termuat').waitFor();
    await expectAccessible(page);

    blocked = false;
    await page.getByRole('button', { name: 'Muat ulang' }).click();
    await page.getByLabel('Nama lengkap penerima').waitFor();
    expect(await page.getByRole('heading', { name: 'Data penerima dan pemohon' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Kembali' }).click();
    await page.getByRole('heading', { name: 'Siapa yang dapat mengajukan' }).waitFor();
    expect(await page.locator('input[type="radio"]:checked').count()).toBe(await page.locator('fieldset').count());
    // The refused fetch is the browser's own console line; nothing else went wrong.
    expect(consoleErrors.filter((e) => !/later-steps|Failed to load resource|dynamically imported module/.test(e))).toEqual([]);
    await close();
  });
});

describe('the report’s photo after a failed Kirim', () => {
  it('keeps focus on the photo field when a photo is refused, and ties the message to it', async () => {
    const { page, consoleErrors, close } = await journey.open();
    await page.goto('/lapor/');
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    await expectFocusOn(page, '.error-summary');
    const photo = page.locator('#f-foto');
    await photo.focus();
    await photo.setInputFiles(REFUSED);
    await page.locator('#f-foto-galat').waitFor();
    expect(await photo.getAttribute('aria-invalid')).toBe('true');
    expect(await photo.getAttribute('aria-describedby')).toContain('f-foto-galat');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(false);
    await expectAccessible(page);
    expect(consoleErrors).toEqual([]);
    await close();
  });
});
