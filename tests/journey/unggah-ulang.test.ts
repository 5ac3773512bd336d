// Re-upload by code (issue 14 point 2) in a real Chromium: staff ask for a repair, the applicant
// on a 360 px phone on a slow mobile link (throttled through the DevTools protocol) proves who
// they are on /lacak/, sends the photo (compressed on the phone, with progress, retried after the
// signal drops), and the workspace shows the new file and the old one as a version. axe finds
// nothing in any state. Services, documents, roles and statuses come from content/.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { expectAccessible, useJourney } from '../support/journey';
import { applyAsSamplePerson, SAMPLE_PERSON, SAMPLE_PERSONAL_STRINGS } from '../support/application';
import { REPAIR, REQUESTS } from '../support/records';
import { advance, portalOf, staffTeam } from '../support/staff';
import { jpegPhoto } from '../support/images';
import { DESKTOP, openAs } from '../support/workspace';
import { flowContextOf } from '../../src/lib/portal-data';

const journey = useJourney();
const data = portalOf();
const SHOTS = path.resolve(import.meta.dirname, '..', '..', 'test-results', 'unggah-ulang');
mkdirSync(SHOTS, { recursive: true });

const service = data.services.find((s) => s.documents.some((d) => d.accept.includes('image/jpeg')))!;
const asked = service.documents.find((d) => d.accept.includes('image/jpeg'))!;
const statusLabel = (id: string) => data.statuses.find((s) => s.id === id)!.label;

/** A slow mobile link, as many applicants have: 400 ms round trip, about 400 kbit/s down, 200 up. */
async function slowLink(cdp: CDPSession, offline = false) {
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline, latency: 400, downloadThroughput: 50 * 1024, uploadThroughput: 25 * 1024 });
}

async function sound(page: Page, name: string) {
  await expectAccessible(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  const html = await page.content();
  for (const value of SAMPLE_PERSONAL_STRINGS) expect(html, value).not.toContain(value);
  await page.screenshot({ path: path.join(SHOTS, `${name}-${page.viewportSize()!.width}.png`), fullPage: true });
}

describe('a repair request reaches the applicant, who sends the document from the phone', () => {
  it('proves, compresses, shows progress, survives a dropped signal, and returns the request to verification', async () => {
    const code = await applyAsSamplePerson(journey.pb.url, { layanan: service.id });
    const admin = journey.pb.admin;
    const rec = await admin.collection('permohonan').getFirstListItem(admin.filter('kode_lacak = {:k}', { k: code }));
    const oldFile = String(rec[asked.key]);
    const note = `Foto ${asked.label} buram, mohon kirim ulang.`;
    // Asked during the document check, so sending returns the request to that check.
    await advance(journey.pb, 'permohonan', rec.id, REQUESTS.checking.id);
    await advance(journey.pb, 'permohonan', rec.id, REPAIR, { note: (_n, aksi) => (aksi === 'perbaikan' ? note : undefined), repairDocuments: [asked.key] });

    const { page, context, consoleErrors, close } = await journey.open();
    const scripts: string[] = [];
    page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
    const cdp = await context.newCDPSession(page);
    await slowLink(cdp);

    await page.goto(`/lacak/?kode=${code}`);
    await page.getByRole('heading', { level: 2, name: `Permohonan ${code}` }).waitFor();
    const fix = page.getByRole('region', { name: 'Yang perlu Anda lakukan' });
    expect(await fix.getByText(asked.label, { exact: true }).isVisible()).toBe(true);
    expect(await fix.getByText(note).isVisible()).toBe(true);
    // Documents never go by WhatsApp: no wa.me link where the person is told how to send them.
    expect(await fix.locator('a[href*="wa.me"]').count()).toBe(0);
    expect(scripts.some((s) => /Reupload|photo-compress/.test(s))).toBe(false);
    await sound(page, '1-perlu-perbaikan');

    // The re-upload part loads only now.
    await fix.getByRole('button', { name: 'Kirim dokumen' }).click();
    await page.getByRole('heading', { name: 'Buktikan bahwa Anda pemohon' }).waitFor();
    expect(scripts.some((s) => /Reupload/.test(s))).toBe(true);
    await sound(page, '2-bukti');

    // Nothing typed: the error is on the field, said in Indonesian.
    await page.getByRole('button', { name: 'Buktikan' }).click();
    await page.getByRole('alert').filter({ hasText: 'Ada yang perlu diperbaiki' }).waitFor();
    expect(await page.locator('#f-bukti_nilai-galat').textContent()).toContain('Isi tanggal lahir penerima layanan.');
    await sound(page, '3-bukti-kosong');

    // A wrong fact, by the phone's last digits.
    const last4 = SAMPLE_PERSON.telepon.replace(/\D/g, '').slice(-4);
    await page.getByLabel('4 angka terakhir nomor telepon', { exact: true }).first().check();
    await page.getByRole('textbox', { name: '4 angka terakhir nomor telepon' }).fill(last4 === '0000' ? '1111' : '0000');
    await page.getByRole('button', { name: 'Buktikan' }).click();
    await page.locator('#f-bukti_nilai-galat').filter({ hasText: 'tidak cocok' }).waitFor();
    expect(await page.locator('#f-bukti_nilai-galat').textContent()).toContain('Sisa percobaan: 4 kali');
    await sound(page, '4-bukti-salah');

    // The right birth date.
    await page.getByLabel('Tanggal lahir penerima layanan', { exact: true }).first().check();
    await page.locator('#f-bukti_nilai').fill(SAMPLE_PERSON.tanggal_lahir);
    await page.getByRole('button', { name: 'Buktikan' }).click();
    await page.getByRole('heading', { name: 'Kirim dokumen yang diminta' }).waitFor();
    expect(await page.locator('.reupload input[type=file]').count()).toBe(1);
    expect(scripts.some((s) => /photo-compress/.test(s))).toBe(false);
    await sound(page, '5-unggah');

    // A camera photo, compressed on the phone before it goes.
    const photo = await jpegPhoto(page, 3000, 2000, asked.label, 'Foto uji');
    await page.getByLabel(asked.label).setInputFiles({ name: 'IMG_20261130_0912.jpg', mimeType: 'image/jpeg', buffer: photo });
    await page.getByText(/Foto diperkecil dari/).waitFor();
    expect(scripts.some((s) => /photo-compress/.test(s))).toBe(true);
    await sound(page, '6-foto-dipilih');

    // The signal drops: the send fails, the photo stays, the person sends again.
    await slowLink(cdp, true);
    await page.getByRole('button', { name: 'Kirim dokumen' }).click();
    await page.getByText(/Sambungan terputus sebelum dokumen terkirim/).waitFor();
    await sound(page, '7-gagal');
    await slowLink(cdp);
    await page.getByRole('button', { name: 'Kirim dokumen lagi' }).click();
    await page.locator('progress#unggah-ulang-progres').waitFor();
    await sound(page, '8-mengirim');
    await page.getByText('Dokumen Anda sudah terkirim dan diterima.').waitFor({ timeout: 45_000 });
    const after = await admin.collection('permohonan').getOne(rec.id);
    const stage = flowContextOf(data, service.id).steps[Number(after['langkah'])]!.stage;
    expect(after['status']).toBe(stage);
    expect(stage).toBe(REQUESTS.checking.id);
    expect(await page.locator('.track-status__label').textContent()).toBe(statusLabel(stage));
    expect(await page.getByRole('region', { name: 'Yang perlu Anda lakukan' }).count()).toBe(0);
    expect(await page.getByText(/Dokumen perbaikan diterima melalui portal/).first().isVisible()).toBe(true);
    await sound(page, '9-terkirim');
    expect(consoleErrors.filter((e) => !/net::ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e))).toEqual([]);
    await close();

    // Stored: the new file replaced the old one, the old one is a version.
    expect(String(after[asked.key])).not.toBe(oldFile);
    const versions = await admin.collection('versi_dokumen').getFullList({ filter: admin.filter('permohonan = {:id}', { id: rec.id }) });
    expect(versions.map((v) => v['dokumen'])).toEqual([asked.key]);

    // The workspace: the history says who sent it, the document shows its earlier version.
    const team = await staffTeam(journey.pb);
    const front = Object.values(team).find((a) => data.roles.some((r) => r.id === a.roles[0] && !r.field && r.can.includes('perbaikan')))!;
    for (const viewport of [DESKTOP, { width: 360, height: 780 }]) {
      const ws = await openAs(journey, front, `/petugas/kasus/?jenis=permohonan&id=${rec.id}`, { viewport });
      await ws.page.getByRole('heading', { level: 1, name: new RegExp(code) }).waitFor();
      expect(await ws.page.getByText('Dokumen dikirim ulang oleh pemohon').first().isVisible()).toBe(true);
      const older = ws.page.locator('details.ws-versions');
      expect(await older.locator('summary').textContent()).toBe('Versi sebelumnya (1)');
      await older.locator('summary').click();
      await expectAccessible(ws.page);
      await ws.page.screenshot({ path: path.join(SHOTS, `10-ruang-kerja-${viewport.width}.png`), fullPage: true });
      expect(ws.consoleErrors).toEqual([]);
      await ws.close();
    }
    // A slow link is slow on purpose: this journey's own limit, not the suite's 60 s.
  }, 180_000);
});
