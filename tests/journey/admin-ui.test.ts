import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFailed, vi } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { RecordModel } from 'pocketbase';
import { DESKTOP } from '../support/browser';
import { useJourney } from '../support/journey';
import { applyAsSamplePerson, SAMPLE_PERSON } from '../support/application';

// Staff work in PocketBase's own admin UI (/_/), a third-party app: this journey drives the real
// UI in Chromium and checks that our hooks reach staff there, in Indonesian: a forbidden status
// change is refused on the field, a reason for the applicant is demanded where one is due, every
// change lands in riwayat_permohonan with the staff account, and the history cannot be edited or
// deleted. No axe scan here: we do not control the admin UI's markup.
//
// On the way it takes the screenshots for the staff guide (content/pages/panduan-petugas.md):
// always to test-results/panduan/, and to public/panduan/ only with UPDATE_GUIDE=1, so the
// committed images change on purpose and not on every test run.
//
// The admin UI has no stable test ids of its own; the selectors below (data-pb attributes, field
// `name` attributes, English button labels) are those of PocketBase 0.40 and may need adjusting
// after an upgrade.

const journey = useJourney();

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const SHOT_DIRS = [path.join(ROOT, 'test-results', 'panduan'), ...(process.env.UPDATE_GUIDE === '1' ? [path.join(ROOT, 'public', 'panduan')] : [])];
const MAX_IMAGE_BYTES = 200 * 1024;

/** Fields whose values may be shown on a screenshot: the sample person's, nobody else's. */
const SAMPLE_NUMBERS = [SAMPLE_PERSON.nik, SAMPLE_PERSON.nomor_kk];
const SAMPLE_PHONE_DIGITS = SAMPLE_PERSON.telepon.replace(/\D/g, '').replace(/^0/, '');

/** The visible page shows no NIK, KK, phone or email other than the fictitious test data. */
async function expectOnlyFictitiousData(page: Page) {
  const text = await page.locator('body').innerText();
  for (const [number] of text.matchAll(/\d{16}/g)) expect(SAMPLE_NUMBERS, `nomor ${number} di layar`).toContain(number);
  for (const [phone] of text.matchAll(/(?:\+62|\b0)8[\d -]{7,14}\d/g)) {
    expect(phone.replace(/\D/g, '').replace(/^(62|0)/, ''), `telepon ${phone} di layar`).toBe(SAMPLE_PHONE_DIGITS);
  }
  for (const [email] of text.matchAll(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g)) expect(email).toBe(journey.pb.superuser.email);
}

/**
 * A viewport PNG for the guide. Over 200 KB it is taken again at `region` only (by default the
 * right-hand record panel), and it must then fit.
 */
async function shot(page: Page, name: string, region = { x: 560, y: 0, width: 720, height: 900 }) {
  // Toasts fade and popovers animate; a finished frame every time.
  await page.waitForTimeout(350);
  await expectOnlyFictitiousData(page);
  let png = await page.screenshot({ animations: 'disabled', caret: 'hide' });
  if (png.length > MAX_IMAGE_BYTES) png = await page.screenshot({ animations: 'disabled', caret: 'hide', clip: region });
  expect(png.length, `${name}.png terlalu besar`).toBeLessThanOrEqual(MAX_IMAGE_BYTES);
  for (const dir of SHOT_DIRS) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `${name}.png`), png);
  }
}

const sidebar = (page: Page) => page.locator('[data-pb="pageSidebar"]');
const recordsTable = (page: Page) => page.locator('[data-pb="recordsListTable"]');
const recordModal = (page: Page) => page.locator('[data-pb="recordUpsertModal"]');
const toasts = (page: Page) => page.locator('.toasts-container .toast');
const rowWith = (page: Page, text: string) => recordsTable(page).getByRole('row').filter({ hasText: text });

async function openCollection(page: Page, name: string) {
  await sidebar(page).getByTitle(name, { exact: true }).click();
  await page.waitForURL(new RegExp(`collection=${name}(&|$)`));
  await recordsTable(page).waitFor();
}

/**
 * Writes a filter into the records search box (a contenteditable code editor) and runs it with
 * the Search button. The text goes in as one input, as when pasted: typed key by key, the editor's
 * autocomplete can take over a keystroke ("s" became "sktm"), and Enter may pick a suggestion.
 */
async function search(page: Page, filter: string) {
  const bar = page.locator('.page-content .records-searchbar-wrapper');
  const box = bar.getByRole('textbox');
  await box.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.insertText(filter);
  await expect.poll(() => box.textContent()).toBe(filter);
  await bar.getByRole('button', { name: 'Search', exact: true }).click();
  await expect.poll(() => new URL(page.url().replace('#/', '')).searchParams.get('filter')).toBe(filter);
}

/** Shows only the given columns (a per-browser setting of the admin UI, also handy for staff). */
async function showColumns(page: Page, keep: string[]) {
  await page.getByRole('button', { name: 'Toggle columns' }).click();
  const menu = page.locator('.records-list-columns-dropdown');
  await menu.waitFor();
  const switches = menu.locator('input[type="checkbox"]');
  for (let i = 0; i < (await switches.count()); i++) {
    const toggle = switches.nth(i);
    const label = menu.locator(`label[for="${await toggle.getAttribute('id')}"]`);
    const wanted = keep.includes((await label.textContent())!.trim());
    // The table redraws after every switch; a click during a redraw can be lost, so check and retry.
    await vi.waitFor(
      async () => {
        if ((await toggle.isChecked()) !== wanted) await label.click();
        expect(await toggle.isChecked()).toBe(wanted);
      },
      { timeout: 5_000, interval: 250 },
    );
  }
  await page.keyboard.press('Escape');
  await menu.waitFor({ state: 'hidden' });
}

/** Scrolls the list past the record id column, so the chosen columns fill the screenshot. */
async function scrollPastId(page: Page) {
  const idWidth = await recordsTable(page).locator('th.col-field-name-id').evaluate((th) => th.getBoundingClientRect().width);
  await page.locator('[data-pb="recordsList"]').evaluate((el, left) => el.scrollTo({ left }), idWidth);
}

/** Sorts the list by a column, oldest (ascending) first; the UI toggles the direction per click. */
async function sortAscending(page: Page, field: string) {
  for (let i = 0; i < 3 && !page.url().includes(`sort=${field}`); i++) {
    await recordsTable(page).locator(`th.col-field-name-${field}`).click();
    await page.waitForTimeout(200);
  }
  expect(page.url()).toContain(`sort=${field}`);
}

async function openRecord(page: Page, rowText: string): Promise<Locator> {
  await rowWith(page, rowText).click();
  const modal = recordModal(page);
  await modal.waitFor();
  return modal;
}

/** Picks a value in a select field of the open record (a button with a popover list). */
async function choose(modal: Locator, field: string, value: string) {
  const select = modal.locator(`output[name="${field}"]`);
  await select.locator('button.selected-container').click();
  await select.locator('.select-option').filter({ hasText: new RegExp(`^${value}$`) }).click();
  await expect.poll(() => select.locator('.selected-item').first().textContent()).toBe(value);
  // The option list is a popover; a click elsewhere while it is still open only closes it.
  await select.locator('.dropdown').waitFor({ state: 'hidden' });
}

/** Scrolls the open record back to its first fields (status and catatan_publik come early). */
const scrollToTop = (modal: Locator) => modal.locator('.modal-content').evaluate((el) => el.scrollTo({ top: 0 }));

const note = (modal: Locator) => modal.locator('textarea[name="catatan_publik"]');
/**
 * Saves the open record. Now and then (about one run in ten) the UI swallows the click on Save
 * changes and sends nothing; the click is repeated only when no update request left the page.
 */
async function save(modal: Locator) {
  const page = modal.page();
  const button = modal.getByRole('button', { name: 'Save changes' });
  for (let attempt = 1; ; attempt++) {
    const sent = page.waitForRequest((r) => r.method() === 'PATCH' && r.url().includes('/api/collections/'), { timeout: 3_000 });
    await button.click();
    try {
      await sent;
      return;
    } catch (err) {
      if (attempt === 3) throw err;
    }
  }
}

/** Dismisses the toasts (messages at the bottom) so they do not cover the next screenshot. */
async function clearToasts(page: Page) {
  // A toast may fade out by itself between finding and clicking it.
  for (const button of await page.locator('.toasts-container .toast-remove').all()) await button.click({ timeout: 2_000 }).catch(() => {});
  await toasts(page).first().waitFor({ state: 'detached', timeout: 5_000 });
}

/** Closes the open record with unsaved edits: the UI asks first, and they are discarded. */
async function closeDiscarding(page: Page) {
  const modal = recordModal(page);
  await modal.getByRole('button', { name: 'Close', exact: true }).click();
  await page.getByRole('button', { name: 'Yes, discard' }).click();
  await modal.waitFor({ state: 'detached' });
}

describe('staff in the PocketBase admin UI', () => {
  it('sign in, find a request, change its status within the rules, and find every change in an untouchable history', async () => {
    const admin = journey.pb.admin;
    const superuser = journey.pb.superuser;
    const byCode = async (code: string) => admin.collection('permohonan').getFirstListItem(admin.filter('kode_lacak = {:k}', { k: code }));
    const historyOf = (record: RecordModel) => admin.collection('riwayat_permohonan').getFullList({ filter: admin.filter('permohonan = {:id}', { id: record.id }), sort: 'created' });

    // Two applications from the (fictitious) sample person, and a field worker to assign.
    const codeA = await applyAsSamplePerson(journey.pb.url);
    const codeB = await applyAsSamplePerson(journey.pb.url);
    const recordA = await byCode(codeA);
    const recordB = await byCode(codeB);
    const worker = await admin.collection('petugas_lapangan').create({ nama: 'Rudi Contoh', jenis: 'TKSK', kecamatan: 'sungailiat', telepon: '', aktif: true });
    // B has waited past its stage's due date; the 15-minute job would mark it so.
    await admin.collection('permohonan').update(recordB.id, { batas_tahap: '2026-11-02 09:00:00.000Z', terlambat: true });

    const { page, close } = await journey.open({ viewport: DESKTOP });
    // What the admin UI showed when a step failed: the first thing to look at after an upgrade.
    onTestFailed(async () => {
      await page.screenshot({ path: path.join(ROOT, 'test-results', 'admin-ui-gagal.png') }).catch(() => {});
    });

    // 1. Sign in with the superuser account.
    await page.goto('/_/');
    await page.getByLabel('Email').fill(superuser.email);
    await shot(page, 'masuk');
    await page.getByLabel('Password', { exact: true }).fill(superuser.password);
    await page.getByRole('button', { name: 'Login' }).click();
    await page.locator('[data-pb="appHeader"]').getByText(superuser.email).waitFor();

    // 2. The new requests, oldest first, then the overdue ones.
    await openCollection(page, 'permohonan');
    await showColumns(page, ['kode_lacak', 'layanan', 'status', 'created', 'batas_tahap', 'terlambat']);
    await search(page, 'status = "diterima"');
    await sortAscending(page, 'created');
    await rowWith(page, codeA).waitFor();
    await rowWith(page, codeB).waitFor();
    await scrollPastId(page);
    await shot(page, 'daftar-baru');

    await search(page, 'terlambat = true');
    await expect.poll(() => rowWith(page, codeA).count()).toBe(0);
    await rowWith(page, codeB).waitFor();
    await scrollPastId(page);
    await shot(page, 'daftar-terlambat');

    // Find A by its tracking code and open it.
    await search(page, codeA);
    await expect.poll(() => rowWith(page, codeB).count()).toBe(0);
    let modal = await openRecord(page, codeA);
    expect(await modal.locator('textarea[name="kode_lacak"]').inputValue()).toBe(codeA);

    // 3. A forbidden jump (diterima → selesai) is refused with the hook's message on the field.
    await choose(modal, 'status', 'selesai');
    await save(modal);
    const forbidden = 'Status tidak dapat berubah dari “Diterima” langsung ke “Selesai”. Pilihan berikutnya: “Verifikasi berkas”, “Perlu perbaikan”, “Tidak dapat dipenuhi”, “Dibatalkan”.';
    await modal.getByText(forbidden).waitFor();
    await toasts(page).filter({ hasText: forbidden }).waitFor();
    await scrollToTop(modal);
    await shot(page, 'status-ditolak-sistem');
    const unchanged = await admin.collection('permohonan').getOne(recordA.id);
    expect(unchanged['status']).toBe('diterima');
    expect(unchanged['catatan_publik']).toBe('');
    expect(await historyOf(recordA)).toHaveLength(1);
    await clearToasts(page);

    // 4. An allowed change with a note for the applicant is saved and recorded with the account.
    await choose(modal, 'status', 'verifikasi_berkas');
    await note(modal).fill('Berkas Anda sedang diperiksa petugas.');
    await scrollToTop(modal);
    await shot(page, 'ubah-status');
    await save(modal);
    await modal.waitFor({ state: 'detached' });
    const checked = await admin.collection('permohonan').getOne(recordA.id);
    expect(checked['status']).toBe('verifikasi_berkas');
    expect(checked['catatan_publik']).toBe('Berkas Anda sedang diperiksa petugas.');
    const afterCheck = await historyOf(recordA);
    const checkEntry = afterCheck.find((h) => h['status'] === 'verifikasi_berkas');
    expect(checkEntry).toMatchObject({ jenis: 'status', status_dari: 'diterima', petugas: superuser.email, catatan_publik: 'Berkas Anda sedang diperiksa petugas.' });

    // 5. Ditolak needs a reason written in this change; without one the note field says so.
    await clearToasts(page);
    modal = await openRecord(page, codeA);
    await choose(modal, 'status', 'ditolak');
    await save(modal);
    const reasonMessage = 'Tulis alasan untuk pemohon (paling sedikit 10 karakter) di Catatan publik sebelum mengubah status menjadi “Tidak dapat dipenuhi”.';
    await modal.getByText(reasonMessage).waitFor();
    await scrollToTop(modal);
    await shot(page, 'alasan-wajib');
    expect((await admin.collection('permohonan').getOne(recordA.id))['status']).toBe('verifikasi_berkas');
    await clearToasts(page);
    const reason = 'Alat bantu yang sama sudah diterima tahun ini dari program lain.';
    await note(modal).fill(reason);
    await save(modal);
    await modal.waitFor({ state: 'detached' });
    const refused = await admin.collection('permohonan').getOne(recordA.id);
    expect(refused['status']).toBe('ditolak');
    expect(refused['catatan_publik']).toBe(reason);
    expect(refused['ditutup']).not.toBe('');
    expect((await historyOf(recordA)).find((h) => h['status'] === 'ditolak')).toMatchObject({ status_dari: 'verifikasi_berkas', petugas: superuser.email, catatan_publik: reason });

    // Assigning a field worker on B (its file check done through the API) is recorded too.
    await admin.collection('permohonan').update(recordB.id, { status: 'verifikasi_berkas', catatan_publik: 'Berkas lengkap.' });
    await clearToasts(page);
    await search(page, codeB);
    await expect.poll(() => rowWith(page, codeA).count()).toBe(0);
    modal = await openRecord(page, codeB);
    const workerField = modal.locator('output[name="petugas_lapangan"]');
    await workerField.getByRole('button', { name: 'Open records picker' }).click();
    const picker = page.locator('.records-picker-modal');
    await picker.locator('.records-picker-list .list-item').filter({ hasText: 'Rudi Contoh' }).click();
    await picker.getByRole('button', { name: 'Set selection' }).click();
    await picker.waitFor({ state: 'detached' });
    await workerField.getByText('Rudi Contoh').waitFor();
    await choose(modal, 'status', 'verifikasi_lapangan');
    await note(modal).fill('Petugas lapangan akan berkunjung ke rumah penerima.');
    await modal.locator('.record-field-input:has(output[name="petugas_lapangan"])').scrollIntoViewIfNeeded();
    await shot(page, 'petugas-lapangan');
    await save(modal);
    await modal.waitFor({ state: 'detached' });
    const assigned = await admin.collection('permohonan').getOne(recordB.id);
    expect(assigned['petugas_lapangan']).toBe(worker.id);
    expect(assigned['status']).toBe('verifikasi_lapangan');
    const assignment = (await historyOf(recordB)).find((h) => h['jenis'] === 'penugasan');
    expect(assignment).toMatchObject({ petugas: superuser.email });
    expect(assignment!['catatan_internal']).toContain('Rudi Contoh');

    // 6. The history of A: every change with who made it; it cannot be edited or deleted.
    await clearToasts(page);
    await openCollection(page, 'riwayat_permohonan');
    await showColumns(page, ['status', 'catatan_publik', 'created', 'petugas']);
    await search(page, `permohonan.kode_lacak = "${codeA}"`);
    await rowWith(page, reason).waitFor();
    await rowWith(page, 'Berkas Anda sedang diperiksa petugas.').waitFor();
    await expect.poll(() => rowWith(page, 'Berkas lengkap.').count()).toBe(0);
    await scrollPastId(page);
    await shot(page, 'riwayat');

    modal = await openRecord(page, 'Berkas Anda sedang diperiksa petugas.');
    await modal.locator('textarea[name="petugas"]').fill('orang-lain@dinsos.localhost');
    await note(modal).fill('Catatan yang diganti belakangan.');
    await save(modal);
    await toasts(page).filter({ hasText: 'Riwayat adalah catatan audit dan tidak dapat diubah.' }).waitFor();
    await closeDiscarding(page);
    await clearToasts(page);

    modal = await openRecord(page, 'Berkas Anda sedang diperiksa petugas.');
    await modal.getByRole('button', { name: 'More options' }).click();
    await modal.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('button', { name: 'Delete record' }).click();
    await toasts(page).filter({ hasText: 'Riwayat adalah catatan audit dan tidak dapat dihapus.' }).waitFor();
    // PocketBase 0.40 closes the record after a delete attempt, refused or not.
    await modal.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Refresh' }).click();
    await rowWith(page, 'Berkas Anda sedang diperiksa petugas.').waitFor();
    const kept = await admin.collection('riwayat_permohonan').getOne(checkEntry!.id);
    expect(kept).toMatchObject({ petugas: superuser.email, catatan_publik: 'Berkas Anda sedang diperiksa petugas.', status: 'verifikasi_berkas' });
    expect(await historyOf(recordA)).toHaveLength(afterCheck.length + 1);

    // The guide's LAKIN download (a command for the browser console) works on the signed-in admin
    // page; the address opened directly is refused, since the admin session is not a cookie.
    const guide = readFileSync(path.join(ROOT, 'content', 'pages', 'panduan-petugas.md'), 'utf8');
    const command = guide.match(/```js\n([\s\S]*?)```/)?.[1];
    expect(command, 'perintah unduh LAKIN di panduan').toContain('/api/lakin/ekspor');
    const year = new Date().getUTCFullYear();
    const [download] = await Promise.all([page.waitForEvent('download'), page.evaluate(`{ ${command!.replace('const tahun = 2026;', `const tahun = ${year};`)} }`)]);
    expect(download.suggestedFilename()).toBe(`lakin-${year}.csv`);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split(/\r?\n/)[0]).toBe('dimensi,kunci,label,jumlah');
    expect(csv).toContain('alat-bantu-disabilitas');
    expect(csv).not.toContain(SAMPLE_PERSON.nama_lengkap);
    expect((await page.goto(`/api/lakin/ekspor?tahun=${year}`))?.status()).toBe(401);

    await close();
  }, 180_000);
});
