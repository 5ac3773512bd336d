// A decision produces a letter whose QR code verifies it, then shows it revoked (issue 14 point 3),
// in a real Chromium: the deciding staff member opens and prints it (A4, one page), anyone opens
// the QR address and sees only that it is genuine, the revocation from the case page turns that
// page to "dicabut", and the applicant opens their copy from /lacak/ after the proof. axe finds
// nothing in any state. Services, roles and statuses come from content/.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, useJourney } from '../support/journey';
import { applyAsSamplePerson, SAMPLE_PERSON, SAMPLE_PERSONAL_STRINGS } from '../support/application';
import { advance, portalOf, staffTeam } from '../support/staff';
import { statusWithMeaning, STATUS_LISTS } from '../support/workflow';
import { DESKTOP, openAs } from '../support/workspace';
import { PHONE } from '../support/browser';
import { flowContextOf } from '../../src/lib/portal-data';
import { decidingRoles } from '../../src/lib/rules/sop-flow';
import { qrPath } from '../../src/lib/qr-path';
import { png } from '../support/images';

const journey = useJourney();
const data = portalOf();
const SHOTS = path.resolve(import.meta.dirname, '..', '..', 'test-results', 'surat');
mkdirSync(SHOTS, { recursive: true });
const REJECTED = statusWithMeaning(STATUS_LISTS.permohonan, 'rejected');
const template = data.letters.find((l) => l.onStatus.includes(REJECTED))!;
const service = data.services.find((s) => (template.services.length === 0 || template.services.includes(s.id)) && s.steps.some((st) => st.kind === 'decision'))!;
const REASON = 'Penerima sudah menerima alat bantu yang sama tahun ini.';

async function sound(page: Page, name: string) {
  await expectAccessible(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: path.join(SHOTS, `${name}-${page.viewportSize()!.width}.png`), fullPage: true });
}

/** Nothing of the person but initials on a public page. */
async function nothingPersonal(page: Page) {
  const html = await page.content();
  for (const value of [...SAMPLE_PERSONAL_STRINGS, SAMPLE_PERSON.nama_lengkap, REASON]) expect(html, value).not.toContain(value);
}

describe('a decision letter', () => {
  it('prints on one A4 page with a QR code that verifies it, then shows it revoked', async () => {
    const code = await applyAsSamplePerson(journey.pb.url, { layanan: service.id });
    const admin = journey.pb.admin;
    const rec = await admin.collection('permohonan').getFirstListItem(admin.filter('kode_lacak = {:k}', { k: code }));
    await advance(journey.pb, 'permohonan', rec.id, REJECTED, { note: (_n, aksi) => (aksi === 'tolak' ? REASON : undefined) });
    const [letter] = await admin.collection('surat').getFullList({ filter: admin.filter('permohonan = {:id}', { id: rec.id }) });
    expect(letter).toBeDefined();
    const team = await staffTeam(journey.pb);
    const deciders = decidingRoles(flowContextOf(data, service.id));
    const decider = Object.values(team).find((a) => deciders.includes(a.roles[0]!))!;

    // Staff: the case page lists the letter; the letter page prints it.
    const ws = await openAs(journey, decider, `/petugas/kasus/?jenis=permohonan&id=${rec.id}`, { viewport: DESKTOP });
    await ws.page.getByRole('heading', { level: 2, name: 'Surat' }).waitFor();
    expect(await ws.page.getByText(String(letter!['nomor'])).first().isVisible()).toBe(true);
    await sound(ws.page, '1-kasus');

    for (const viewport of [PHONE, DESKTOP]) {
      const view = await openAs(journey, decider, `/surat/?id=${letter!.id}`, { viewport });
      await view.page.getByRole('heading', { name: template.title }).waitFor();
      expect(await view.page.locator('.letter').textContent()).toContain(SAMPLE_PERSON.nama_lengkap);
      expect(await view.page.locator('.letter').textContent()).toContain(REASON);
      // The QR code holds exactly the verification address.
      const expected = qrPath(`${journey.pb.url}/verifikasi/${letter!.id}`);
      expect(await view.page.locator('svg.letter-qr path').getAttribute('d')).toBe(expected.d);
      await sound(view.page, '2-surat');
      if (viewport === DESKTOP) {
        await view.page.emulateMedia({ media: 'print' });
        expect(await view.page.locator('.site-header').isVisible()).toBe(false);
        expect(await view.page.getByRole('button', { name: 'Cetak surat' }).isVisible()).toBe(false);
        const pdf = await view.page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
        writeFileSync(path.join(SHOTS, 'surat.pdf'), pdf);
        expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length, 'surat muat di satu halaman A4').toBe(1);
      }
      expect(view.consoleErrors).toEqual([]);
      await view.close();
    }

    // Anyone who scans the QR code: genuine and in force, nothing personal beyond initials.
    const pub = await journey.open();
    await pub.page.goto(`/verifikasi/${letter!.id}`);
    await pub.page.getByRole('heading', { name: 'Dokumen asli dan berlaku' }).waitFor();
    expect(await pub.page.locator('.verify').textContent()).toContain(String(letter!['nomor']));
    expect(await pub.page.locator('.verify').textContent()).toContain(String(letter!['inisial']));
    await nothingPersonal(pub.page);
    await sound(pub.page, '3-verifikasi-berlaku');

    // The signed paper, scanned, attached on the case page.
    await ws.page.getByLabel('Pindaian bertanda tangan').setInputFiles({ name: 'pindaian.png', mimeType: 'image/png', buffer: png(400, 560) });
    await ws.page.getByRole('button', { name: 'Lampirkan surat bertanda tangan' }).click();
    await ws.page.getByRole('button', { name: /^Lihat pindaian/ }).waitFor();
    await expectAccessible(ws.page);

    // Revoked from the case page, with a reason.
    await ws.page.getByRole('button', { name: 'Cabut surat ini' }).click();
    await ws.page.getByLabel('Alasan pencabutan').fill('Keputusan ditinjau ulang setelah keberatan pemohon.');
    await expectAccessible(ws.page);
    await ws.page.getByRole('button', { name: 'Cabut surat', exact: true }).click();
    await ws.page.getByText('Dicabut', { exact: true }).first().waitFor();
    await sound(ws.page, '4-kasus-dicabut');
    expect(ws.consoleErrors).toEqual([]);
    await ws.close();

    await pub.page.reload();
    await pub.page.getByRole('heading', { name: 'Dokumen asli, tetapi sudah DICABUT' }).waitFor();
    await nothingPersonal(pub.page);
    await sound(pub.page, '5-verifikasi-dicabut');
    await pub.page.goto('/verifikasi/abcdefghijklmno');
    await pub.page.getByRole('heading', { name: 'Dokumen tidak terdaftar' }).waitFor();
    await sound(pub.page, '6-verifikasi-tidak-ada');
    await pub.close();

    // The applicant, from /lacak/, after the proof.
    const me = await journey.open();
    await me.page.goto(`/lacak/?kode=${code}`);
    await me.page.getByRole('button', { name: 'Buka surat' }).click();
    await me.page.getByRole('heading', { name: 'Buktikan bahwa Anda pemohon' }).waitFor();
    await me.page.locator('#f-bukti_nilai').fill(SAMPLE_PERSON.tanggal_lahir);
    await me.page.getByRole('button', { name: 'Buktikan' }).click();
    await me.page.getByRole('heading', { name: 'Surat Anda' }).waitFor();
    await sound(me.page, '7-lacak-surat');
    await me.page.getByRole('link', { name: new RegExp(String(letter!['nomor']).replace(/[/]/g, '\\/')) }).click();
    await me.page.getByRole('heading', { name: template.title }).waitFor();
    expect(await me.page.getByText('Surat ini sudah DICABUT dan tidak berlaku lagi.').isVisible()).toBe(true);
    await sound(me.page, '8-surat-pemohon');
    expect(me.consoleErrors.filter((e) => !/status of 404/.test(e))).toEqual([]);
    await me.close();
  }, 150_000);
});
