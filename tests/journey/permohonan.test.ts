import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, expectFocusOn, useJourney } from '../support/journey';
import { advance } from '../support/staff';
import { jpegPhoto as photo } from '../support/images';
import { REGION_DIGITS, VECTOR_DOCUMENT, VECTOR_DOCUMENTS, VECTOR_SERVICE } from '../support/application';
import { loadContent, SITE } from '../support/content';
import { villageLabel } from '../../src/lib/format';
import { portalOf } from '../support/staff';
import { flowContextOf } from '../../src/lib/portal-data';

// A citizen applies for a service (the content's sample service: Bangka's alat bantu) from the
// service page on a phone, with photos of the documents, loses nothing on a reload or a dropped
// connection, and gets a code; staff change the status and the tracking page shows it.

const journey = useJourney();
const content = loadContent();
const SERVICE = VECTOR_SERVICE;
const QUESTIONS = SERVICE.data.eligibility.questions;
const DOC_TYPES = new Map(content.documentTypes.map((d) => [d.id, d.data]));
/**
 * The documents asked of an adult applying for themself (as the vectors' applicant). The big photo
 * goes to the document the vectors use; others get a small photo, or a PDF where they take no photo.
 */
const DOCS = VECTOR_DOCUMENTS.map((d) => d.key);
const takesPhoto = (key: string) => DOC_TYPES.get(key)!.accept.includes('image/jpeg');
const KECAMATAN = content.kecamatan[0]!.data;
const NIK = `${REGION_DIGITS}014507800001`;
const KK = `${REGION_DIGITS}010101100001`;
/** The first stage with a field step of the sample service's SOP (Bangka: verifikasi lapangan), and its label. */
const FIELD_STAGE = (() => {
  const data = portalOf();
  const step = flowContextOf(data, SERVICE.id).steps.find((st) => st.roles.some((r) => data.roles.find((x) => x.id === r)?.field))!;
  return { id: step.stage, label: data.statuses.find((x) => x.id === step.stage)!.label };
})();
const VISIT_NOTE = `Petugas Kecamatan ${KECAMATAN.name} akan berkunjung minggu ini.`;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

async function fillDetails(page: Page, nik: string) {
  await page.getByLabel('Saya sendiri, untuk diri saya').check();
  await page.getByLabel('Nama lengkap penerima').fill('Siti Aminah');
  await page.getByLabel(/^NIK penerima/).fill(nik);
  await page.getByLabel('Nomor Kartu Keluarga (KK)').fill(KK);
  await page.getByLabel('Tanggal', { exact: true }).fill('5');
  await page.getByLabel('Bulan', { exact: true }).fill('7');
  await page.getByLabel('Tahun', { exact: true }).fill('1980');
  await page.getByLabel('Nomor telepon atau WhatsApp yang dapat dihubungi').fill('0812-3456-7890');
  await page.getByLabel('Kecamatan tempat tinggal').selectOption(content.kecamatan[0]!.id);
  await page.getByLabel(villageLabel(SITE.villages), { exact: true }).fill('Sukamaju');
  await page.getByLabel('Alamat').fill('Jalan Pemuda RT 01, dekat masjid');
}

describe(`applying online for ${SERVICE.data.title}`, () => {
  it('from the service page to a tracking code, with a draft that survives a reload and a retry that makes no duplicate', async () => {
    const { page, consoleErrors, close } = await journey.open();
    await page.goto(`/layanan/${SERVICE.id}/`);
    await page.getByRole('link', { name: 'Ajukan permohonan' }).click();
    await page.waitForURL(`**/layanan/${SERVICE.id}/ajukan/`);
    await page.getByRole('heading', { name: 'Siapa yang dapat mengajukan' }).waitFor();
    await expect(page.getByText('hanya di perangkat ini').isVisible()).resolves.toBe(true);
    await expectAccessible(page);

    // Step 1: unanswered questions are reported, then a "no" explains why not.
    await page.getByRole('button', { name: 'Lanjut' }).click();
    await page.getByRole('alert').filter({ hasText: 'Ada yang perlu diperbaiki' }).waitFor();
    await expectAccessible(page);
    const questions = page.locator('fieldset');
    const answer = (expected: 'ya' | 'tidak') => (expected === 'ya' ? 'Ya' : 'Tidak');
    const wrong = (expected: 'ya' | 'tidak') => (expected === 'ya' ? 'Tidak' : 'Ya');
    await questions.nth(0).getByLabel(wrong(QUESTIONS[0]!.expected), { exact: true }).check();
    for (const [i, q] of QUESTIONS.entries()) if (i > 0) await questions.nth(i).getByLabel(answer(q.expected), { exact: true }).check();
    await page.getByRole('button', { name: 'Lanjut' }).click();
    await page.getByText(QUESTIONS[0]!.ifNot).first().waitFor();
    await questions.nth(0).getByLabel(answer(QUESTIONS[0]!.expected), { exact: true }).check();
    await page.getByRole('button', { name: 'Lanjut' }).click();

    // Step 2: a wrong NIK gets its message on the field; fixed, the form goes on.
    await page.getByRole('heading', { name: 'Data penerima dan pemohon' }).waitFor();
    await fillDetails(page, NIK.slice(0, 15));
    await page.getByRole('button', { name: 'Lanjut' }).click();
    await page.locator('#f-nik-galat').filter({ hasText: 'NIK harus 16 angka. Yang Anda isi 15 angka.' }).waitFor();
    expect(await page.getByLabel(/^NIK penerima/).getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page);
    await page.getByLabel(/^NIK penerima/).fill(NIK);
    await page.getByRole('button', { name: 'Lanjut' }).click();
    await page.getByRole('heading', { name: 'Dokumen' }).waitFor();

    // Step 3: photos are shrunk on the phone before they are sent.
    const ktp = await photo(page, 3000, 2000, 'KARTU TANDA PENDUDUK');
    expect(ktp.length).toBeGreaterThan(1_000_000);
    await page.locator(`#f-${VECTOR_DOCUMENT.key}`).setInputFiles({ name: 'IMG_ktp.jpg', mimeType: 'image/jpeg', buffer: ktp });
    await page.getByText(/Foto diperkecil dari .* menjadi/).waitFor();
    const small = await photo(page, 800, 600, 'DOKUMEN');
    for (const key of DOCS.filter((k) => k !== VECTOR_DOCUMENT.key)) {
      const file = takesPhoto(key) ? { name: `${key}.jpg`, mimeType: 'image/jpeg', buffer: small } : { name: `${key}.pdf`, mimeType: 'application/pdf', buffer: PDF };
      await page.locator(`#f-${key}`).setInputFiles(file);
      await page.locator(`#f-${key}-terpilih`).waitFor();
    }
    await expectAccessible(page);

    // The draft (text and files) is on the device: a reload loses nothing.
    // No wait: the form saves its draft as the page is left, so a reload right away loses nothing.
    await page.reload();
    await page.getByText('sudah dipulihkan').waitFor();
    await page.getByRole('heading', { name: 'Dokumen' }).waitFor();
    for (const key of DOCS) await page.locator(`#f-${key}-terpilih`).waitFor();
    await page.getByRole('button', { name: 'Lanjut' }).click();

    // Step 4: check answers, change one, come back.
    await page.getByRole('heading', { name: 'Periksa dan kirim' }).waitFor();
    expect(await page.locator('.summary').textContent()).toContain(NIK);
    expect(await page.locator('.summary').textContent()).toContain('5 Juli 1980');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Ubah Telepon' }).click();
    await page.getByRole('heading', { name: 'Data penerima dan pemohon' }).waitFor();
    await expectFocusOn(page, '#f-telepon');
    await page.getByLabel('Nomor telepon atau WhatsApp yang dapat dihubungi').fill('0813-1111-2222');
    await page.getByRole('button', { name: 'Lanjut' }).click();
    await page.getByRole('button', { name: 'Lanjut' }).click();
    await page.getByRole('heading', { name: 'Periksa dan kirim' }).waitFor();

    // Sending without consent is refused on the field.
    await page.getByRole('button', { name: 'Kirim permohonan' }).click();
    await page.locator('#f-persetujuan_versi-galat').waitFor();
    await page.getByLabel(/Saya sudah membaca penjelasan di atas/).check();

    // The connection drops on the first try: nothing is lost, the retry makes one record.
    let attempts = 0;
    await page.route('**/api/collections/permohonan/records', async (route) => {
      attempts++;
      if (attempts === 1) {
        // The server receives it, but the answer never reaches the phone.
        await route.fetch();
        await route.abort('connectionreset');
      } else {
        await route.continue();
      }
    });
    await page.getByRole('button', { name: 'Kirim permohonan' }).click();
    await page.getByText('Sambungan terputus sebelum permohonan terkirim').waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Kirim permohonan' }).click();
    await page.getByRole('heading', { name: 'Permohonan terkirim' }).waitFor();
    await expectAccessible(page);
    const code = (await page.locator('.confirmation .code').textContent())!.trim();
    expect(code).toMatch(new RegExp(`^${SITE.trackingPrefix}-[2-9A-Z]{3}-[2-9A-Z]{3}-[2-9A-Z]{3}$`));
    expect(await page.locator('.receipt').textContent()).toContain(code);
    const wa = await page.getByRole('link', { name: 'Kirim kode ke WhatsApp saya' }).getAttribute('href');
    expect(decodeURIComponent(wa!)).toContain(code);
    expect(wa).toMatch(/^https:\/\/wa\.me\/\?text=/);
    // The citizen is told the calendar expectation, never an officer's working time per stage.
    const confirmation = (await page.locator('.confirmation').textContent())!;
    expect(confirmation).toMatch(/biasanya selesai dalam \d+(–\d+)? hari kerja, (kira-kira antara|sekitar) \d+ \S+ \d{4}/);
    expect(confirmation).not.toMatch(/waktu standar/i);
    expect(await page.locator('.receipt').textContent()).toContain('Perkiraan selesai');

    // Exactly one record, with the compressed photo and every document.
    const records = await journey.pb.admin.collection('permohonan').getFullList({ filter: journey.pb.admin.filter('kode_lacak = {:k}', { k: code }) });
    expect(records).toHaveLength(1);
    const record = records[0]!;
    expect(attempts).toBe(2);
    const all = await journey.pb.admin.collection('permohonan').getFullList({ filter: journey.pb.admin.filter('id_pengiriman = {:s}', { s: record['id_pengiriman'] }) });
    expect(all).toHaveLength(1);
    expect(record['telepon']).toBe('+6281311112222');
    for (const key of DOCS) expect(record[key], key).toBeTruthy();
    const token = await journey.pb.admin.files.getToken();
    const stored = await fetch(journey.pb.admin.files.getURL(record, record[VECTOR_DOCUMENT.key] as string, { token }));
    const storedBytes = (await stored.arrayBuffer()).byteLength;
    expect(storedBytes).toBeLessThan(400 * 1024);
    expect(storedBytes).toBeLessThan(ktp.length / 2);

    // The draft is gone after success.
    await page.goto(`/layanan/${SERVICE.id}/ajukan/`);
    await page.getByRole('heading', { name: 'Siapa yang dapat mengajukan' }).waitFor();
    expect(await page.getByText('sudah dipulihkan').count()).toBe(0);

    // Staff move it on; the tracking page shows the new stage and the note.
    await advance(journey.pb, 'permohonan', record.id, FIELD_STAGE.id, { note: () => VISIT_NOTE });
    await page.goto(`/lacak/?kode=${encodeURIComponent(code)}`);
    await page.getByText(VISIT_NOTE).first().waitFor();
    expect(await page.getByText(FIELD_STAGE.label).count()).toBeGreaterThan(0);
    await expectAccessible(page);
    const html = await page.content();
    for (const personal of ['Siti Aminah', NIK, KK, '0813-1111-2222', 'Jalan Pemuda RT 01']) expect(html).not.toContain(personal);

    expect(consoleErrors.filter((e) => !/Failed to load resource|ERR_CONNECTION_RESET/.test(e))).toEqual([]);
    await close();
  }, 180_000);
});
