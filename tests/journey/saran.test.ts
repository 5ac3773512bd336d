import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPocketBase, type TestPocketBase } from '../support/pocketbase';
import { axeViolations, launchBrowser, type TestBrowser } from '../support/browser';
import { expectFocusOn } from '../support/journey';

let pb: TestPocketBase;
let browser: TestBrowser;
beforeAll(async () => {
  [pb, browser] = await Promise.all([startTestPocketBase(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await pb?.stop();
});

describe('kotak saran journey (island → PocketBase SDK → record)', () => {
  it('a visitor fixes an error and sends a suggestion that staff can read', async () => {
    const { page, context } = await browser.newPage({ baseURL: pb.url });
    const consoleErrors: string[] = [];
    page.on('console', (msg) => msg.type() === 'error' && consoleErrors.push(msg.text()));

    await page.goto('/saran/');
    await expect(page.getByRole('heading', { level: 1, name: 'Kotak Saran' }).isVisible()).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    // Sending an empty form shows the error summary, focused, and the message on the field.
    await page.getByRole('button', { name: 'Kirim saran' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Ada yang perlu diperbaiki' });
    await summary.waitFor();
    await expectFocusOn(page, '.error-summary');
    expect(await page.locator('#saran-pesan-galat').textContent()).toContain('Tulis saran atau masukan Anda.');
    expect(await page.getByLabel('Saran atau masukan').getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);

    // The summary links to the field.
    await summary.getByRole('link').first().click();
    await expectFocusOn(page, '#saran-pesan');

    const text = `Loket ramah disabilitas sangat membantu ${Date.now()}`;
    await page.getByLabel('Saran atau masukan').fill(text);
    await page.getByRole('button', { name: 'Kirim saran' }).click();
    await page.getByRole('status').filter({ hasText: 'saran Anda sudah kami terima' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const stored = await pb.admin.collection('saran').getFirstListItem(pb.admin.filter('pesan = {:text}', { text }));
    expect(stored['pesan']).toBe(text);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('keeps what a person typed before the page’s script ran (a slow phone), and sends it', async () => {
    const { page, context } = await browser.newPage({ baseURL: pb.url });
    // Hold the island's own script back until the text is typed, as a slow link does.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/_astro\/SaranForm\.[^/]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto('/saran/');
    const message = 'Mohon tambah kursi di ruang tunggu untuk lansia, saya ketik sebelum halaman siap.';
    await page.locator('#saran-pesan').fill(message);
    release();
    await page.waitForFunction(() => document.querySelector('astro-island[ssr]') === null);
    await page.getByRole('button', { name: 'Kirim saran' }).click();
    await page.getByRole('status').filter({ hasText: 'saran Anda sudah kami terima' }).waitFor();
    expect(await pb.admin.collection('saran').getFirstListItem(pb.admin.filter('pesan = {:p}', { p: message }))).toBeTruthy();
    await context.close();
  });
});
