import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PHONE } from '../support/browser';
import { expectAccessible, useJourney, expectWidestCodesFit } from '../support/journey';
import { SAMPLE_REPORT_TYPE } from '../support/application';
import { loadContent, SITE } from '../support/content';
import { villageLabel } from '../../src/lib/format';

// A resident reports someone on the street from a phone: the emergency numbers come first,
// GPS is optional (granted or denied), contact is optional, and nothing reaches a public page.

const journey = useJourney();
// The report kind, place and the word for a village from the content under test.
const TYPE = SAMPLE_REPORT_TYPE;
const KECAMATAN = loadContent().kecamatan[1] ?? loadContent().kecamatan[0]!;
const VILLAGE = villageLabel(SITE.villages);

async function fillCommon(page: Page, description: string) {
  // The option's label goes on with the kind's description.
  await page.getByLabel(new RegExp(`^${TYPE.data.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)).check();
  await page.getByLabel('Tidak mendesak').check();
  await page.getByLabel('Kecamatan').selectOption(KECAMATAN.id);
  await page.getByLabel(VILLAGE, { exact: true }).fill(KECAMATAN.data.name);
  await page.getByLabel('Petunjuk lokasi').fill('Di bawah jembatan dekat pelabuhan');
  await page.getByLabel('Apa yang Anda lihat?').fill(description);
}

async function codeAfterSending(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Kirim laporan' }).click();
  await page.getByRole('heading', { name: 'Laporan terkirim' }).waitFor();
  await expectWidestCodesFit(page);
  return (await page.locator('.confirmation .code').textContent())!.trim();
}

describe('reporting from /lapor', () => {
  it('with GPS allowed and contact given: the report arrives with the position and the phone', async () => {
    const { page, context, consoleErrors, close } = await journey.open();
    await context.grantPermissions(['geolocation'], { origin: journey.pb.url });
    await context.setGeolocation({ latitude: -1.6319, longitude: 105.7751, accuracy: 12 });
    await page.goto('/');
    await page.getByRole('link', { name: /Laporkan orang telantar atau ODGJ/ }).click();
    await page.waitForURL('**/lapor/');
    // The emergency numbers come before anything else on the page.
    const first = await page.locator('main > *').first().textContent();
    expect(first).toContain('Ada orang dalam bahaya sekarang?');
    expect(first).toContain('112');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    await page.getByRole('alert').filter({ hasText: 'Ada yang perlu diperbaiki' }).waitFor();
    await expectAccessible(page);

    const description = `Bapak berjalan tanpa alas kaki dan bicara sendiri ${Date.now()}`;
    await fillCommon(page, description);
    await page.getByLabel('Ya, segera (sakit, terluka, kelaparan, atau dalam bahaya)').check();
    await page.getByRole('alert').filter({ hasText: 'Bila ada nyawa dalam bahaya' }).waitFor();
    await page.getByRole('button', { name: 'Pakai lokasi saya sekarang' }).click();
    await page.getByText(/Lokasi ponsel terpasang \(ketepatan sekitar 12 m\)/).waitFor();
    await page.getByLabel('Ya, cantumkan kontak saya').check();
    await page.getByLabel('Nama Anda (tidak wajib)').fill('Rina Pelapor');
    await page.getByLabel('Nomor telepon atau WhatsApp').fill('0821-5555-4444');
    await page.getByLabel(/Saya setuju dengan/).check();
    await expectAccessible(page);
    const code = await codeAfterSending(page);
    await expectAccessible(page);

    const stored = await journey.pb.admin.collection('laporan').getFirstListItem(journey.pb.admin.filter('kode_lacak = {:k}', { k: code }));
    expect(stored['jenis']).toBe(TYPE.id);
    expect(stored['urgensi']).toBe('mendesak');
    expect(stored['lintang']).toBeCloseTo(-1.6319, 4);
    expect(stored['bujur']).toBeCloseTo(105.7751, 4);
    expect(stored['telepon_pelapor']).toBe('+6282155554444');
    expect(stored['deskripsi']).toBe(description);

    // The tracking page follows it by code and shows nothing the reporter wrote.
    await page.goto(`/lacak/?kode=${encodeURIComponent(code)}`);
    await page.getByText(`Laporan: ${TYPE.data.label}`).first().waitFor();
    const html = await page.content();
    for (const secret of [description, 'Di bawah jembatan', 'Rina Pelapor', '5555-4444', '-1.6319', '105.7751']) expect(html).not.toContain(secret);
    await expectAccessible(page);
    expect(consoleErrors).toEqual([]);
    await close();
  });

  it('with GPS refused and no name: the report still goes, without position or contact', async () => {
    const { page, context, close } = await journey.open({ viewport: PHONE });
    await context.clearPermissions(); // headless Chromium denies geolocation without a grant
    await page.goto('/lapor/');
    await fillCommon(page, 'Perempuan muda duduk di trotoar, tampak kebingungan sejak pagi');
    await page.getByRole('button', { name: 'Pakai lokasi saya sekarang' }).click();
    await page.getByText('Izin lokasi tidak diberikan').waitFor();
    await page.getByLabel('Tidak, kirim tanpa nama (anonim)').check();
    await page.getByLabel(/Saya setuju dengan/).check();
    await expectAccessible(page);
    const code = await codeAfterSending(page);
    const stored = await journey.pb.admin.collection('laporan').getFirstListItem(journey.pb.admin.filter('kode_lacak = {:k}', { k: code }));
    expect(stored['anonim']).toBe(true);
    expect(stored['lintang']).toBe(0);
    expect(stored['nama_pelapor']).toBe('');
    expect(stored['telepon_pelapor']).toBe('');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    await close();
  });

  it('keeps a half-written report on the device across a reload', async () => {
    const { page, close } = await journey.open();
    await page.goto('/lapor/');
    await fillCommon(page, 'Anak kecil sendirian di terminal bus malam hari');
    // No wait: the form saves its draft as the page is left, so a reload right away loses nothing.
    await page.reload();
    await page.getByLabel('Apa yang Anda lihat?').waitFor();
    expect(await page.getByLabel('Apa yang Anda lihat?').inputValue()).toBe('Anak kecil sendirian di terminal bus malam hari');
    expect(await page.getByLabel('Kecamatan').inputValue()).toBe(KECAMATAN.id);
    await close();
  });
});
