import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, useJourney } from '../support/journey';
import { DESKTOP, openAs } from '../support/workspace';
import { createStaff } from '../support/staff';
import { applyAsSamplePerson } from '../support/application';
import { attachDocuments, reviewApplication, sendApplication, sendReport, startApplication, type Applicant } from '../support/forms';
import { content } from '../support/records';
import { VECTOR_DOCUMENTS, VECTOR_SERVICE } from '../support/application';
import { png } from '../support/images';
import { ROLES } from '../support/casework';

// Messages to applicants (issue 14) where the office has no WhatsApp provider yet, as small offices
// start: the applicant chooses the channel on the form; the message waits in "Belum terhubungi";
// staff send it with "Kirim lewat WhatsApp" (a wa.me link with the template's text) and record
// that they did. axe on every state at 360 px and 1366 px. WORKSPACE_SHOTS=<dir> keeps pictures.

const journey = useJourney();
const SHOTS = process.env['WORKSPACE_SHOTS'];

async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}-${page.viewportSize()?.width ?? 0}.png`), fullPage: true });
}

async function expectAccessibleAtBoth(page: Page, name: string) {
  for (const size of [{ width: 360, height: 780 }, DESKTOP]) {
    await page.setViewportSize(size);
    await expectAccessible(page);
    const fits = await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
    expect(fits, `${name} melebar ke samping pada ${size.width} px`).toBe(true);
    await shot(page, name);
  }
  await page.setViewportSize({ width: 360, height: 780 });
}

const runSender = () => journey.pb.admin.send('/api/pesan-keluar/proses', { method: 'POST' });
const rowsOf = (code: string) => journey.pb.admin.collection('pesan_keluar').getFullList({ filter: journey.pb.admin.filter('kode_lacak = {:k}', { k: code }) });

const APPLICANT: Applicant = {
  pemohon_adalah: 'diri_sendiri',
  nama_lengkap: 'Rohani Binti Samsudin',
  nik: '1901024107700003',
  nomor_kk: '1901021506080009',
  tanggal_lahir: '1970-07-01',
  telepon: '0717-92566',
  kecamatan: 'merawang',
  desa_kelurahan: 'Desa Jada Bahrin',
  alamat: 'Jalan Raya Merawang Nomor 12',
};

describe('the applicant chooses how to hear back', () => {
  it('on a landline, WhatsApp is refused on the field; email needs an address; the choice reaches the outbox', async () => {
    const { page, consoleErrors, close } = await journey.open();
    await startApplication(page, VECTOR_SERVICE.id, APPLICANT);
    await page.getByRole('button', { name: 'Kembali' }).click();
    await page.getByRole('heading', { name: 'Data penerima dan pemohon' }).waitFor();
    await page.getByRole('radio', { name: /^WhatsApp/ }).check();
    await page.getByRole('button', { name: 'Lanjut' }).click();
    await page.locator('#f-saluran_pesan-galat').waitFor();
    expect(await page.locator('#f-saluran_pesan-galat').textContent()).toContain('nomor HP');
    await expectAccessibleAtBoth(page, 'pesan-form-saluran-salah');
    await page.getByRole('radio', { name: /^Surel/ }).check();
    await page.getByRole('button', { name: 'Lanjut' }).click();
    await page.locator('#f-surel-galat').waitFor();
    await expectAccessibleAtBoth(page, 'pesan-form-surel-kosong');
    await page.getByLabel('Alamat surel (email)').fill('rohani@contoh.id');
    await page.getByRole('button', { name: 'Lanjut' }).click();
    await page.getByRole('heading', { name: 'Dokumen' }).waitFor();
    await attachDocuments(page, VECTOR_DOCUMENTS.map((d) => d.key), { name: 'dokumen.png', mimeType: 'image/png', buffer: png(160, 120) });
    await reviewApplication(page);
    expect(await page.locator('.summary').textContent()).toContain('rohani@contoh.id');
    const code = await sendApplication(page);
    const rows = await rowsOf(code);
    expect(rows.map((r) => [r['peristiwa'], r['saluran'], r['tujuan']])).toEqual([['diterima', 'email', 'rohani@contoh.id']]);
    expect(consoleErrors).toEqual([]);
    await close();
  }, 120_000);
});

describe('a reporter who may be contacted chooses too', () => {
  it('WhatsApp or SMS beside the number; SMS reaches the outbox', async () => {
    const { page, consoleErrors, close } = await journey.open();
    await page.goto('/lapor/');
    await page.getByLabel('Ya, cantumkan kontak saya').check();
    await page.getByRole('radio', { name: /^SMS/ }).waitFor();
    expect(await page.getByRole('radio', { name: /^Surel/ }).count()).toBe(0);
    await expectAccessibleAtBoth(page, 'pesan-lapor-saluran');
    const code = await sendReport(page, {
      jenis: content.reportTypes[0]!.data.label,
      urgent: false,
      kecamatan: content.kecamatan[0]!.id,
      desa_kelurahan: 'Desa Uji',
      patokan: 'Dekat masjid besar',
      deskripsi: 'Seorang bapak tua tidur di emperan toko sejak kemarin.',
      contact: { nama: 'Pelapor Uji', telepon: '0812-7777-8888' },
      channel: 'SMS',
    });
    const rows = await rowsOf(code);
    expect(rows.map((r) => [r['peristiwa'], r['saluran']])).toEqual([['diterima', 'sms']]);
    expect(consoleErrors).toEqual([]);
    await close();
  }, 120_000);
});

describe('"Belum terhubungi" without a WhatsApp provider', () => {
  it('staff send the message by wa.me and record it; a field worker not assigned sees nothing of it', async () => {
    const code = await applyAsSamplePerson(journey.pb.url);
    // No provider is configured in this portal: the sender hands the message to staff.
    expect((await runSender())['manual']).toBeGreaterThanOrEqual(1);
    const [row] = await rowsOf(code);
    expect(row!['status']).toBe('manual');

    const field = await createStaff(journey.pb, { nama: 'Yusuf Hamdani', peran: [ROLES.field.id] });
    const other = await openAs(journey, field, '/petugas/pesan/');
    await other.page.getByText('Semua pemohon dan pelapor sudah terhubungi').waitFor();
    await expectAccessibleAtBoth(other.page, 'pesan-kosong');
    await other.close();

    const office = await createStaff(journey.pb, { nama: 'Siti Rahmawati', peran: [ROLES.office.id] });
    const { page, context, consoleErrors, close } = await openAs(journey, office, '/petugas/pesan/');
    const card = page.locator('li.ws-visit', { hasText: code });
    await card.waitFor();
    await card.getByText('Belum ada penyedia pesan').waitFor();
    await card.getByText('Isi pesan').click();
    expect(await card.locator('.ws-message-text').textContent()).toBe(row!['teks']);
    await expectAccessibleAtBoth(page, 'pesan-antrean');

    const link = card.getByRole('link', { name: /Kirim lewat WhatsApp/ });
    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(/^https:\/\/wa\.me\/62\d+\?text=/);
    expect(decodeURIComponent(href.split('?text=')[1]!)).toBe(row!['teks']);
    // WhatsApp opens in a new tab; here it is answered locally (the test never leaves the machine).
    await context.route('https://wa.me/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>WhatsApp</title>' }));
    const [tab] = await Promise.all([context.waitForEvent('page'), link.click()]);
    expect(tab.url()).toBe(href);
    await tab.close();

    const caseHref = (await card.getByRole('link', { name: code, exact: true }).getAttribute('href'))!;
    await card.getByRole('button', { name: /Sudah saya kirim/ }).click();
    await page.getByRole('status').filter({ hasText: `Pesan untuk ${code}` }).waitFor();
    expect(await page.locator('li.ws-visit', { hasText: code }).count()).toBe(0);
    await expectAccessibleAtBoth(page, 'pesan-terkirim');
    const after = await journey.pb.admin.collection('pesan_keluar').getOne(row!.id);
    expect([after['status'], after['dikirim_oleh']]).toEqual(['dikirim_petugas', office.id]);
    // The case page shows every message and how it went.
    await page.goto(caseHref);
    const section = page.locator('section[aria-labelledby="pesan"]');
    await section.getByText('Dikirim petugas').waitFor();
    expect(await section.textContent()).toContain('oleh Siti Rahmawati');
    await expectAccessibleAtBoth(page, 'pesan-kasus');
    await page.goto('/petugas/pesan/');
    await page.getByText('Semua pemohon dan pelapor sudah terhubungi').or(page.locator('li.ws-visit').first()).first().waitFor();
    // The menu shows the page to those who handle cases.
    expect(await page.locator('nav[aria-label="Menu ruang kerja"] a[href="/petugas/pesan/"]').getAttribute('aria-current')).toBe('page');
    expect(consoleErrors).toEqual([]);
    await close();
  }, 120_000);
});
