import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, expectFocusOn, holdScript, useJourney } from '../support/journey';
import { applyAsSamplePerson } from '../support/application';
import { UNKNOWN_CODE } from '../support/content';
import { UNSUR } from '../../src/lib/rules/ikm';
import { STATUS_LISTS, statusWithMeaning } from '../support/workflow';
import { advance } from '../support/staff';

const journey = useJourney();

/** A new application taken by staff along the allowed path to "selesai"; returns its code. */
async function finishedRequest(): Promise<{ code: string; id: string }> {
  const code = await applyAsSamplePerson(journey.pb.url);
  const admin = journey.pb.admin;
  const { id } = await admin.collection('permohonan').getFirstListItem(admin.filter('kode_lacak = {:k}', { k: code }));
  await advance(journey.pb, 'permohonan', id, statusWithMeaning(STATUS_LISTS.permohonan, 'success'));
  return { code, id };
}

async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'halaman melebar ke samping').toBeLessThanOrEqual(0);
}

async function expectFine(page: Page) {
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);
}

describe('rating a finished request (SKM)', () => {
  it('goes from the tracking page to the survey, shows errors on the fields, thanks the person, and refuses a second response', async () => {
    const { code } = await finishedRequest();
    const { page, consoleErrors, close } = await journey.open();

    await page.goto(`/lacak/?kode=${code}`);
    await page.getByRole('heading', { level: 2, name: `Permohonan ${code}` }).waitFor();
    expect(await page.locator('.track-status__label').textContent()).toBe('Selesai');
    await expectFine(page);
    await page.getByRole('link', { name: 'Beri penilaian layanan' }).click();

    await page.waitForURL(/\/survei\/\?kode=/);
    expect(new URL(page.url()).searchParams.get('kode')).toBe(code);
    await page.getByRole('heading', { level: 2, name: 'Penilaian Anda' }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Survei kepuasan layanan');
    expect(await page.locator('.survey-code').textContent()).toContain(code);
    expect(await page.locator('.survey-code').textContent()).toContain('Bantuan Alat Bantu bagi Penyandang Disabilitas');
    // Nine questions of four answers; the respondent data says it is optional and asks no name or NIK.
    expect(await page.locator('fieldset.survey-question').count()).toBe(9);
    expect(await page.locator('fieldset.survey-question input[type=radio]').count()).toBe(36);
    expect(await page.getByRole('heading', { level: 2, name: 'Tentang Anda (tidak wajib)' }).isVisible()).toBe(true);
    expect(await page.getByLabel('Jenis kelamin (tidak wajib)').isVisible()).toBe(true);
    expect(await page.locator('form').getByLabel(/nama|NIK/i).count()).toBe(0);
    // Each radio is at least 24 × 24 px (WCAG 2.5.8).
    const box = await page.locator('#survei-u1-1').boundingBox();
    expect(box!.width).toBeGreaterThanOrEqual(24);
    expect(box!.height).toBeGreaterThanOrEqual(24);
    await expectFine(page);

    // Sent empty: a summary that takes focus, and a message on each of the nine questions.
    await page.getByRole('button', { name: 'Kirim penilaian' }).click();
    await page.getByRole('heading', { level: 2, name: 'Ada yang perlu diperbaiki' }).waitFor();
    await expectFocusOn(page, '.error-summary');
    expect(await page.locator('.error-summary li').count()).toBe(9);
    expect(await page.locator('fieldset.field--error').count()).toBe(9);
    expect(await page.locator('fieldset.survey-question').first().locator('.error-message').textContent()).toContain('Pilih salah satu jawaban untuk pertanyaan 1 (persyaratan).');
    // The summary's link leads to the first answer of that question.
    expect(await page.locator('.error-summary a').first().getAttribute('href')).toBe('#survei-u1-1');
    await expectFine(page);

    // Answer all nine (by clicking the answer's text), some respondent data and a suggestion.
    for (const [i, u] of UNSUR.entries()) {
      await page.locator('fieldset.survey-question').nth(i).getByText(u.options[i % 2 === 0 ? 3 : 2], { exact: true }).click();
    }
    await page.getByLabel('Usia (tidak wajib)').selectOption('40-49');
    await page.getByLabel('Apa yang perlu kami perbaiki?').fill('Mohon kabari lewat WhatsApp saat bantuan siap diambil.');
    let posts = 0;
    page.on('request', (req) => {
      if (req.method() === 'POST' && req.url().includes(`/api/lacak/${code}/survei`)) posts++;
    });
    // A double click sends once.
    await page.getByRole('button', { name: 'Kirim penilaian' }).dblclick();
    const thanks = page.getByRole('heading', { level: 2, name: 'Terima kasih atas penilaian Anda' });
    await thanks.waitFor();
    await expectFocusOn(page, '.panel[role="status"] h2');
    expect(posts).toBe(1);
    await expectFine(page);

    const admin = journey.pb.admin;
    // The answer keeps no code: it is the only one stored in this test so far.
    const stored = (await admin.collection('survei_kepuasan').getFullList())[0]!;
    expect(JSON.stringify(stored)).not.toContain(code);
    expect(UNSUR.map((u) => stored[u.id])).toEqual([4, 3, 4, 3, 4, 3, 4, 3, 4]);
    expect(stored['kelompok_usia']).toBe('40-49');
    expect(stored['jenis_kelamin']).toBe('');
    expect(stored['layanan']).toBe((await admin.collection('permohonan').getFirstListItem(admin.filter('kode_lacak = {:k}', { k: code })))['layanan']);

    // A second visit: told at once, before any question.
    await page.goto(`/survei/?kode=${code}`);
    await page.getByRole('heading', { level: 2, name: 'Survei sudah diisi' }).waitFor();
    expect(await page.locator('.survey').textContent()).toContain('Survei untuk kode ini sudah diisi. Terima kasih.');
    expect(await page.locator('fieldset.survey-question').count()).toBe(0);
    await expectFine(page);

    expect(consoleErrors).toEqual([]);
    await close();
  });

  it('shows server messages on the fields when the survey was sent from another device meanwhile', async () => {
    const { code } = await finishedRequest();
    const { page, close } = await journey.open();
    await page.goto(`/survei/?kode=${code}`);
    await page.getByRole('heading', { level: 2, name: 'Penilaian Anda' }).waitFor();

    // Someone else sends a response for the same code first.
    const form = new FormData();
    for (const u of UNSUR) form.append(u.id, '3');
    expect((await fetch(`${journey.pb.url}/api/lacak/${code}/survei`, { method: 'POST', body: form })).status).toBe(200);

    for (const [i] of UNSUR.entries()) await page.locator('fieldset.survey-question').nth(i).locator('input[type=radio]').first().check();
    await page.getByRole('button', { name: 'Kirim penilaian' }).click();
    await page.getByRole('heading', { level: 2, name: 'Ada yang perlu diperbaiki' }).waitFor();
    expect(await page.locator('.error-summary').textContent()).toContain('Survei untuk kode ini sudah diisi. Terima kasih.');
    expect(await page.locator('.survey-code.field--error .error-message').textContent()).toContain('sudah diisi');
    await expectFine(page);
    await close();
  });

  it('keeps every answer when the connection drops, says so, and sends them once back online', async () => {
    const { code } = await finishedRequest();
    const { page, context, consoleErrors, close } = await journey.open();
    await page.goto(`/survei/?kode=${code}`);
    await page.getByRole('heading', { level: 2, name: 'Penilaian Anda' }).waitFor();
    for (const [i] of UNSUR.entries()) await page.locator('fieldset.survey-question').nth(i).locator('input[type=radio]').nth(2).check();
    const saran = 'Ruang tunggu perlu kipas angin.';
    await page.getByLabel('Apa yang perlu kami perbaiki?').fill(saran);

    await context.setOffline(true);
    await page.getByRole('button', { name: 'Kirim penilaian' }).click();
    const problem = page.getByRole('alert').filter({ hasText: 'Penilaian belum terkirim' });
    await problem.waitFor();
    expect(await problem.textContent()).toContain('Sambungan terputus');
    await expectFocusOn(page, '.error-summary');
    expect(await page.locator('fieldset.survey-question input[type=radio]:checked').count()).toBe(UNSUR.length);
    expect(await page.getByLabel('Apa yang perlu kami perbaiki?').inputValue()).toBe(saran);
    expect(await page.locator('[aria-invalid="true"], .field--error').count()).toBe(0);
    await expectFine(page);

    await context.setOffline(false);
    await page.getByRole('button', { name: 'Kirim penilaian' }).click();
    await page.getByRole('heading', { level: 2, name: 'Terima kasih atas penilaian Anda' }).waitFor();
    const admin = journey.pb.admin;
    expect(await admin.collection('survei_kepuasan').getFirstListItem(admin.filter('saran = {:s}', { s: saran }))).toBeTruthy();
    expect(consoleErrors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
    await close();
  });

  it('offers nothing to type before its script runs, so nothing typed on a slow phone can be lost', async () => {
    const { code } = await finishedRequest();
    const { page, consoleErrors, close } = await journey.open();
    const { requested, release } = await holdScript(page, /\/_astro\/Survey\.[^/]+\.js$/);
    await page.goto(`/survei/?kode=${code}`, { waitUntil: 'commit' });
    await requested;
    await page.locator('.survey-loading').waitFor();
    // The questions, the respondent fields and the suggestion box come with the island (after the
    // code is checked); a field drawn before it would be reset by hydration.
    expect(await page.locator('.survey input, .survey select, .survey textarea').count()).toBe(0);
    release();
    await page.getByRole('heading', { level: 2, name: 'Penilaian Anda' }).waitFor();
    expect(consoleErrors).toEqual([]);
    await close();
  });

  it('asks for a code when there is none, and explains an unknown or unfinished one', async () => {
    const { page, consoleErrors, close } = await journey.open();
    await page.goto('/survei/');
    await page.getByLabel('Kode pelacakan permohonan').waitFor();
    await expectFine(page);

    await page.getByLabel('Kode pelacakan permohonan').fill(UNKNOWN_CODE);
    await page.getByRole('button', { name: 'Lanjut ke survei' }).click();
    await page.getByText('Kode pelacakan tidak ditemukan.', { exact: false }).first().waitFor();
    expect(await page.getByLabel('Kode pelacakan permohonan').getAttribute('aria-invalid')).toBe('true');
    await expectFine(page);

    const open = await applyAsSamplePerson(journey.pb.url);
    await page.goto(`/survei/?kode=${open}`);
    await page.getByRole('heading', { level: 2, name: 'Survei belum dapat diisi' }).waitFor();
    expect(await page.getByRole('link', { name: `Lihat tahap permohonan ${open}` }).getAttribute('href')).toBe(`/lacak/?kode=${open}`);
    await expectFine(page);

    expect(consoleErrors).toEqual([]);
    await close();
  });

  it('offers no survey for a request closed without being served, and says why when opened anyway', async () => {
    const code = await applyAsSamplePerson(journey.pb.url);
    const admin = journey.pb.admin;
    const { id } = await admin.collection('permohonan').getFirstListItem(admin.filter('kode_lacak = {:k}', { k: code }));
    await advance(journey.pb, 'permohonan', id, statusWithMeaning(STATUS_LISTS.permohonan, 'rejected'), { note: () => 'Persyaratan tidak terpenuhi.' });
    const { page, consoleErrors, close } = await journey.open();
    await page.goto(`/lacak/?kode=${code}`);
    await page.getByRole('heading', { level: 2, name: `Permohonan ${code}` }).waitFor();
    expect(await page.getByRole('link', { name: 'Beri penilaian layanan' }).count()).toBe(0);
    await page.goto(`/survei/?kode=${code}`);
    await page.getByRole('heading', { level: 2, name: 'Survei tidak dapat diisi' }).waitFor();
    expect(await page.locator('fieldset.survey-question').count()).toBe(0);
    await expectFine(page);
    expect(consoleErrors).toEqual([]);
    await close();
  });

  it('reads well on a desktop screen too', async () => {
    const { code } = await finishedRequest();
    const { page, close } = await journey.open({ viewport: { width: 1280, height: 900 } });
    await page.goto(`/survei/?kode=${code}`);
    await page.getByRole('heading', { level: 2, name: 'Penilaian Anda' }).waitFor();
    await expectFine(page);
    await close();
  });
});
