import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, expectFocusOn, holdScript, useJourney } from '../support/journey';

// The kotak saran: a server-rendered form and a few KB of script (no Preact, no SDK) that checks it
// with the server's own rules and sends it through send() (src/lib/forms/send.ts).

const journey = useJourney();
const SCRIPT = /\/_astro\/SaranForm\.astro[^/]*\.js$/;

/** The form's script has taken over the form (a press of "Kirim saran" is now handled there). */
const scriptReady = (page: Page) => page.locator('form#saran-form[data-siap="ya"]').waitFor({ state: 'attached' });

async function expectStored(text: string) {
  const pb = journey.pb;
  return pb.admin.collection('saran').getFirstListItem(pb.admin.filter('pesan = {:text}', { text }));
}

async function expectThanks(page: Page) {
  await page.getByRole('status').filter({ hasText: 'saran Anda sudah kami terima' }).waitFor();
  await expectFocusOn(page, '.panel h2');
}

describe('kotak saran journey (server-rendered form → send() → record)', () => {
  it('a visitor fixes an error found in the browser and sends a suggestion that staff can read', async () => {
    const { page, consoleErrors, close } = await journey.open();
    await page.goto('/saran/');
    await expect(page.getByRole('heading', { level: 1, name: 'Kotak Saran' }).isVisible()).resolves.toBe(true);
    await scriptReady(page);
    await expectAccessible(page);

    // Sending an empty form shows the error summary, focused, and the message on the field.
    await page.getByRole('button', { name: 'Kirim saran' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Ada yang perlu diperbaiki' });
    await summary.waitFor();
    await expectFocusOn(page, '.error-summary');
    const field = page.getByLabel('Saran atau masukan');
    expect(await page.locator('#saran-pesan-galat').textContent()).toBe('Tulis saran atau masukan Anda.');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect((await field.getAttribute('aria-describedby'))?.split(' ')).toEqual(['saran-pesan-petunjuk', 'saran-pesan-galat']);
    // The optional contact is fine: not marked.
    expect(await page.locator('#saran-kontak').getAttribute('aria-invalid')).toBeNull();
    await expectAccessible(page);

    // The summary links to the field.
    await summary.getByRole('link').first().click();
    await expectFocusOn(page, '#saran-pesan');

    // Too short: the shared rule's message replaces the first one (one message, one summary).
    await field.fill('pendek');
    await page.getByRole('button', { name: 'Kirim saran' }).click();
    await page.locator('#saran-pesan-galat', { hasText: 'terlalu pendek' }).waitFor();
    expect(await page.locator('.error-summary').count()).toBe(1);
    expect(await page.locator('.error-message').count()).toBe(1);

    const text = `Loket ramah disabilitas sangat membantu ${Date.now()}`;
    await field.fill(text);
    await page.getByRole('button', { name: 'Kirim saran' }).click();
    await expectThanks(page);
    await expectAccessible(page);
    expect((await expectStored(text))['pesan']).toBe(text);
    expect(consoleErrors).toEqual([]);
    await close();
  });

  it('shows the server’s own field message on the field when the server refuses what the browser let through', async () => {
    const { page, consoleErrors, close } = await journey.open();
    await page.goto('/saran/');
    await scriptReady(page);
    // An older script, or a rule changed on the server since the page was loaded: the real server
    // gets a text its rule refuses, while the browser's check passed.
    await page.route('**/api/collections/saran/records', (route) => route.continue({ postData: JSON.stringify({ pesan: 'pendek', kontak: '' }) }));
    const text = 'Antrean di loket pagi hari terlalu panjang, mohon tambah petugas.';
    await page.getByLabel('Saran atau masukan').fill(text);
    await page.getByRole('button', { name: 'Kirim saran' }).click();
    await page.getByRole('alert').filter({ hasText: 'Ada yang perlu diperbaiki' }).waitFor();
    await expectFocusOn(page, '.error-summary');
    expect(await page.locator('#saran-pesan-galat').textContent()).toMatch(/^Saran terlalu pendek/);
    expect(await page.getByLabel('Saran atau masukan').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Saran atau masukan').inputValue()).toBe(text);
    await expectAccessible(page);
    expect(consoleErrors.filter((e) => !/status of 400/.test(e))).toEqual([]);
    await close();
  });

  it('keeps the text when the connection drops, says so, and sends it once back online', async () => {
    const { page, context, consoleErrors, close } = await journey.open();
    await page.goto('/saran/');
    await scriptReady(page);
    const text = `Mohon sediakan kursi roda di pintu masuk ${Date.now()}`;
    await page.getByLabel('Saran atau masukan').fill(text);
    await page.getByLabel('Nomor telepon atau surel (tidak wajib)').fill('0812 3456 7890');
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Kirim saran' }).click();
    const problem = page.getByRole('alert').filter({ hasText: 'Saran belum terkirim' });
    await problem.waitFor();
    expect(await problem.textContent()).toContain('Sambungan terputus');
    await expectFocusOn(page, '.error-summary');
    expect(await page.getByLabel('Saran atau masukan').inputValue()).toBe(text);
    expect(await page.getByLabel('Nomor telepon atau surel (tidak wajib)').inputValue()).toBe('0812 3456 7890');
    // No field is blamed for a lost connection.
    expect(await page.locator('[aria-invalid="true"]').count()).toBe(0);
    await expectAccessible(page);

    await context.setOffline(false);
    await page.getByRole('button', { name: 'Kirim saran' }).click();
    await expectThanks(page);
    expect((await expectStored(text))['kontak']).toBe('0812 3456 7890');
    expect(consoleErrors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
    await close();
  });

  it('works without the page’s script (JavaScript off, or not arrived): errors on the fields from the server, text kept, then sent', async () => {
    const { page, consoleErrors, close } = await journey.open();
    await page.route(SCRIPT, (route) => route.abort());
    await page.goto('/saran/');
    // Markup in the text comes back as text, never as markup.
    const short = '<b>x</b>';
    await page.getByLabel('Saran atau masukan').fill(short);
    await page.getByLabel('Nomor telepon atau surel (tidak wajib)').fill('"0812" <i>');
    await page.getByRole('button', { name: 'Kirim saran' }).click();
    await page.getByRole('alert').filter({ hasText: 'Ada yang perlu diperbaiki' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/saran/kirim');
    await expectFocusOn(page, '.error-summary');
    expect(await page.locator('#saran-pesan-galat').textContent()).toMatch(/^Saran terlalu pendek/);
    const field = page.getByLabel('Saran atau masukan');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect((await field.getAttribute('aria-describedby'))?.split(' ')).toEqual(['saran-pesan-petunjuk', 'saran-pesan-galat']);
    expect(await field.inputValue()).toBe(short);
    expect(await page.getByLabel('Nomor telepon atau surel (tidak wajib)').inputValue()).toBe('"0812" <i>');
    expect(await page.locator('#saran-form b, #saran-form i').count()).toBe(0);
    expect(await page.locator('.error-summary a').getAttribute('href')).toBe('#saran-pesan');
    await expectAccessible(page);

    const text = `Petugas loket sangat sabar melayani lansia ${Date.now()}`;
    await field.fill(text);
    await page.getByLabel('Nomor telepon atau surel (tidak wajib)').fill('');
    await page.getByRole('button', { name: 'Kirim saran' }).click();
    await page.waitForURL('**/saran/terkirim/');
    await page.getByRole('heading', { level: 1, name: 'Terima kasih, saran Anda sudah kami terima' }).waitFor();
    await expectAccessible(page);
    expect((await expectStored(text))['kontak']).toBe('');
    expect(consoleErrors.filter((e) => !/ERR_FAILED|status of 400/.test(e))).toEqual([]);
    await close();
  });

  it('keeps what a person typed before the page’s script ran (a slow phone), and sends it', async () => {
    const { page, consoleErrors, close } = await journey.open();
    // Hold the form's script back until the text is typed, as a slow link does.
    const { requested, release } = await holdScript(page, SCRIPT);
    // Not 'load' nor 'domcontentloaded': both wait for the held module script.
    await page.goto('/saran/', { waitUntil: 'commit' });
    const message = 'Mohon tambah kursi di ruang tunggu untuk lansia, saya ketik sebelum halaman siap.';
    await page.locator('#saran-pesan').fill(message);
    await page.locator('#saran-kontak').fill('budi@contoh.id');
    await requested;
    expect(await page.locator('form#saran-form[data-siap]').count()).toBe(0);
    release();
    await scriptReady(page);
    await page.getByRole('button', { name: 'Kirim saran' }).click();
    await expectThanks(page);
    const stored = await expectStored(message);
    expect(stored['kontak']).toBe('budi@contoh.id');
    expect(consoleErrors).toEqual([]);
    await close();
  });
});
