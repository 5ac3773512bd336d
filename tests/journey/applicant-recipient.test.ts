import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, useJourney, expectWidestCodesFit } from '../support/journey';
import { DESKTOP, openAs } from '../support/workspace';
import { jpegPhoto } from '../support/images';
import { portalOf, staffTeam } from '../support/staff';
import { applicationFor, bornYearsAgo, childService, requiredFiles } from '../support/applicant';
import { ageOn, applicantRoleLabel, applicantRoles } from '../../src/lib/rules/applicant';
import { SITE } from '../support/content';
import { formatDate, villageLabel } from '../../src/lib/format';
import { officeDate, zoneOffsetHours } from '../../src/lib/rules/working-time';
import { writeDirect } from '../support/backdate';

// A mother applies on a 360 px phone for her 12-year-old son: the form asks for the child's
// data as the recipient's and hers as the applicant's, wants the child's KK and akta or KIA but
// no KTP, and her own KTP where the service says so; the tracking page and the staff case page
// show both persons. The service is found in content/ by what it declares, not by its key.

const journey = useJourney();
const portal = portalOf();
const service = childService(portal);
const SHOTS = path.resolve(import.meta.dirname, '..', '..', 'test-results', 'pemohon-penerima');
mkdirSync(SHOTS, { recursive: true });

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const CHILD = { nama_lengkap: 'Rizki Pratama', nik: '1901011501140003', nomor_kk: '1901011203150004', tanggal_lahir: bornYearsAgo(12) };
const MOTHER = { pemohon_adalah: 'orang_tua_wali', nama_pengaju: 'Sumarni Binti Kasim', hubungan: 'ibu kandung', nik_pengaju: '1901015508640009' };
const roleLabel = applicantRoles(SITE.villages).find((r) => r.id === 'orang_tua_wali')!.label;

/** axe finds nothing and nothing scrolls sideways at this width; a screenshot for a person to look at. */
async function sound(page: Page, name: string) {
  await expectAccessible(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), name).toBeLessThanOrEqual(0);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

describe.runIf(service)('a parent applying for a child', () => {
  it('applies for a 12-year-old without a KTP for the child, and tracking and the workspace show both persons, the age on the office’s date', async () => {
    const s = service!;
    const input = applicationFor(s, portal, { ...CHILD, ...MOTHER });
    const needed = Object.keys(requiredFiles(s, input));
    const adultOnly = s.documents.filter((d) => d.age === 'dewasa').map((d) => d.key);
    const { page, consoleErrors, close } = await journey.open();

    await page.goto(`/layanan/${s.id}/ajukan/`);
    await page.getByRole('heading', { name: 'Siapa yang dapat mengajukan' }).waitFor();
    await sound(page, '1-kelayakan');
    const questions = page.locator('fieldset');
    for (const [i, q] of s.questions.entries()) await questions.nth(i).getByLabel(q.expected === 'ya' ? 'Ya' : 'Tidak', { exact: true }).check();
    await page.getByRole('button', { name: 'Lanjut' }).click();

    // Data step: nothing chosen yet is reported on the field; then the parent's role opens her own fields.
    await page.getByRole('heading', { name: 'Data penerima dan pemohon' }).waitFor();
    await page.getByRole('button', { name: 'Lanjut' }).click();
    await page.locator('#f-pemohon_adalah-galat').waitFor();
    await sound(page, '2-data-galat');
    await page.getByLabel(roleLabel, { exact: true }).check();
    await page.getByRole('heading', { name: 'Data Anda (yang mengajukan)' }).waitFor();
    await page.getByLabel('Nama Anda (yang mengajukan)').fill(MOTHER.nama_pengaju);
    await page.getByLabel(/^Hubungan Anda dengan penerima/).fill(MOTHER.hubungan);
    if ((await page.locator('#f-nik_pengaju').count()) > 0) await page.locator('#f-nik_pengaju').fill(MOTHER.nik_pengaju);
    await page.getByLabel('Nama lengkap penerima').fill(CHILD.nama_lengkap);
    await page.getByLabel(/^NIK penerima/).fill(CHILD.nik);
    await page.getByLabel(/^Nomor Kartu Keluarga/).fill(CHILD.nomor_kk);
    const [year, month, day] = CHILD.tanggal_lahir.split('-').map(Number);
    await page.getByLabel('Tanggal', { exact: true }).fill(String(day));
    await page.getByLabel('Bulan', { exact: true }).fill(String(month));
    await page.getByLabel('Tahun', { exact: true }).fill(String(year));
    await page.getByLabel('Nomor telepon atau WhatsApp yang dapat dihubungi').fill('0813-9876-5432');
    await page.getByLabel('Kecamatan tempat tinggal').selectOption(portal.kecamatan[0]!.id);
    await page.getByLabel(villageLabel(SITE.villages), { exact: true }).fill('Desa Contoh');
    await page.getByLabel('Alamat').fill('Jalan Contoh RT 01, dekat masjid');
    await sound(page, '3-data-orang-tua');
    await page.getByRole('button', { name: 'Lanjut' }).click();

    // Documents: the child's and the parent's own, apart; no field at all for an adult's KTP.
    await page.getByRole('heading', { name: 'Dokumen', exact: true }).waitFor();
    for (const key of adultOnly) expect(await page.locator(`#f-${key}`).count(), key).toBe(0);
    if (s.documents.some((d) => d.of === 'pengaju' && needed.includes(d.key))) await page.getByRole('heading', { name: 'Dokumen Anda (yang mengajukan)' }).waitFor();
    await page.getByRole('button', { name: 'Lanjut' }).click();
    await page.getByRole('alert').filter({ hasText: 'Ada yang perlu diperbaiki' }).waitFor();
    await sound(page, '4-dokumen-galat');
    const photo = await jpegPhoto(page, 800, 600, 'DOKUMEN');
    for (const key of needed) {
      const doc = s.documents.find((d) => d.key === key)!;
      const file = doc.accept.includes('image/jpeg') ? { name: `${key}.jpg`, mimeType: 'image/jpeg', buffer: photo } : { name: `${key}.pdf`, mimeType: 'application/pdf', buffer: PDF };
      await page.locator(`#f-${key}`).setInputFiles(file);
      await page.locator(`#f-${key}-terpilih`).waitFor();
    }
    await sound(page, '5-dokumen');
    await page.getByRole('button', { name: 'Lanjut' }).click();

    // Review: the child is the recipient, the mother the applicant.
    await page.getByRole('heading', { name: 'Periksa dan kirim' }).waitFor();
    const summary = (await page.locator('.summary').textContent())!;
    expect(summary).toMatch(new RegExp(`Yang mengajukan.*${applicantRoleLabel('orang_tua_wali', SITE.villages)}.*${MOTHER.nama_pengaju}.*Penerima layanan.*${CHILD.nama_lengkap}`));
    await sound(page, '6-periksa');
    await page.getByLabel(/Saya sudah membaca penjelasan di atas/).check();
    await page.getByRole('button', { name: 'Kirim permohonan' }).click();
    await page.getByRole('heading', { name: 'Permohonan terkirim' }).waitFor();
    await sound(page, '7-terkirim');
    const code = (await page.locator('.confirmation .code').textContent())!.trim();
    await expectWidestCodesFit(page);

    // Tracking: who applied, as a role, and nobody's name.
    await page.goto(`/lacak/?kode=${encodeURIComponent(code)}`);
    await page.getByText('Diajukan oleh').waitFor();
    const tracking = (await page.locator('main').textContent())!;
    expect(tracking).toContain(`${applicantRoleLabel('orang_tua_wali', SITE.villages)}, atas nama penerima layanan`);
    for (const name of [CHILD.nama_lengkap, MOTHER.nama_pengaju]) expect(tracking).not.toContain(name);
    await sound(page, '8-lacak');
    expect(consoleErrors).toEqual([]);
    await close();

    const record = await journey.pb.admin.collection('permohonan').getFirstListItem(journey.pb.admin.filter('kode_lacak = {:k}', { k: code }));
    for (const key of adultOnly) expect(record[key], key).toBeFalsy();

    // The staff case page: the recipient (with the age) and the applicant as two sections.
    const team = await staffTeam(journey.pb);
    const office = portal.roles.find((r) => r.account && !r.field && r.cases)!;
    const age = ageOn(CHILD.tanggal_lahir, officeDate(new Date(), SITE.timeZone));
    for (const [width, viewport] of [['360', undefined], ['desktop', DESKTOP]] as const) {
      const opened = await openAs(journey, team[office.id]!, `/petugas/kasus/?jenis=permohonan&id=${record.id}`, viewport ? { viewport } : {});
      await opened.page.getByRole('heading', { level: 1, name: new RegExp(code) }).waitFor();
      const recipient = opened.page.locator('section', { has: opened.page.getByRole('heading', { name: 'Penerima layanan' }) });
      const applicant = opened.page.locator('section', { has: opened.page.getByRole('heading', { name: 'Pemohon (yang mengajukan)' }) });
      expect(await recipient.textContent()).toContain(CHILD.nama_lengkap);
      expect(await recipient.textContent()).toContain(`(${age} tahun)`);
      expect(await recipient.textContent()).not.toContain(MOTHER.nama_pengaju);
      expect(await applicant.textContent()).toContain(MOTHER.nama_pengaju);
      expect(await applicant.textContent()).toContain(applicantRoleLabel('orang_tua_wali', SITE.villages));
      // The documents section lists what this child's case needed: no adult KTP marked missing.
      for (const key of adultOnly) expect(await opened.page.getByRole('heading', { level: 3, name: s.documents.find((d) => d.key === key)!.label, exact: true }).count(), key).toBe(0);
      await sound(opened.page, `9-kasus-${width}`);
      if (!viewport) await expectWidestCodesFit(opened.page);
      expect(opened.consoleErrors).toEqual([]);
      await opened.close();
    }

    // At 00.30 office time on the child's birthday the UTC date is still yesterday: the page
    // counts the age on the office's date, as the form and the server do.
    const officeToday = officeDate(new Date(), SITE.timeZone);
    const birthday = `${Number(officeToday.slice(0, 4)) - 8}${officeToday.slice(4)}`; // 8: a leap day stays a date
    writeDirect(journey.pb.dataDir, 'permohonan', record.id, { tanggal_lahir: `${birthday} 00:00:00.000Z` });
    const earlyMorning = new Date(`${officeToday}T00:30:00.000Z`);
    earlyMorning.setUTCHours(earlyMorning.getUTCHours() - zoneOffsetHours(SITE.timeZone));
    const early = await openAs(journey, team[office.id]!, `/petugas/kasus/?jenis=permohonan&id=${record.id}`, { clock: earlyMorning });
    const recipient = early.page.locator('section', { has: early.page.getByRole('heading', { name: 'Penerima layanan' }) });
    await recipient.getByText(formatDate(birthday)).waitFor();
    expect(await recipient.textContent()).toContain(`${formatDate(birthday)} (8 tahun)`);
    await early.close();
  });
});
