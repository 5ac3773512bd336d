import path from 'node:path';
import { describe, expect, it, onTestFailed, vi } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { DESKTOP } from '../support/browser';
import { useJourney } from '../support/journey';
import { applyAsSamplePerson, SAMPLE_PERSON } from '../support/application';
import { portalOf } from '../support/staff';
import { guideShot } from '../support/guide-shots';

// Administrators work in PocketBase's own admin UI (/_/), a third-party app; staff do not (they
// have the workspace at /petugas/). This journey drives the real UI in Chromium and checks what
// an administrator does and meets there, in Indonesian: creating a staff account (which must
// change its password before any work), correcting a typo in a request (recorded in its history
// as the administrator's edit), being refused a change of outcome (status, assignment) with the
// hook's message on the field, being refused any edit or deletion of the history, and switching
// an account off. No axe scan here: we do not control the admin UI's markup.
//
// On the way it takes the administrators' screenshots for the staff guide (content/pages/panduan-petugas.md)
// with tests/support/guide-shots.ts: always to test-results/panduan/, and to public/panduan/ only
// with UPDATE_GUIDE=1, so the committed images change on purpose and not on every test run.
//
// The admin UI has no stable test ids of its own; the selectors below (data-pb attributes, field
// `name` attributes, English button labels) are those of PocketBase 0.40 and may need adjusting
// after an upgrade.

const journey = useJourney();

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** The account the administrator creates: fictitious, like everything on a guide picture. */
const NEW_STAFF = { email: 'dewi.contoh@dinsos.localhost', nama: 'Dewi Contoh', password: 'Sandi-Awal-Dewi-2026' };

/** The right-hand record panel: what a picture shows when the whole screen is too large a file. */
const RECORD_PANEL = { x: 560, y: 0, width: 720, height: 900 };

/** A guide picture (tests/support/guide-shots.ts): the sample person's data and these two accounts only. */
const shot = (page: Page, name: string) =>
  guideShot(page, name, { numbers: [SAMPLE_PERSON.nik, SAMPLE_PERSON.nomor_kk], phones: [SAMPLE_PERSON.telepon], emails: [journey.pb.superuser.email, NEW_STAFF.email] }, { region: RECORD_PANEL });

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
  // The option list is a popover; a click elsewhere while it is still open only closes it. A
  // multiple choice (peran) keeps it open for the next pick: its own button closes it.
  const list = select.locator('.dropdown');
  await list.waitFor({ state: 'hidden', timeout: 1_000 }).catch(() => select.locator('button.selected-container').click());
  await list.waitFor({ state: 'hidden' });
}

/** Scrolls the open record back to its first fields (status and catatan_publik come early). */
const scrollToTop = (modal: Locator) => modal.locator('.modal-content').evaluate((el) => el.scrollTo({ top: 0 }));

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

describe('administrators in the PocketBase admin UI', () => {
  it('create a staff account, correct a typo, are refused outcomes and history edits, and switch an account off', async () => {
    const admin = journey.pb.admin;
    const superuser = journey.pb.superuser;
    const data = portalOf();
    const frontOffice = data.roles.find((r) => r.account && r.cases && !r.field)!;
    const historyOf = (id: string) => admin.collection('riwayat_permohonan').getFullList({ filter: admin.filter('permohonan = {:id}', { id }), sort: 'urutan' });

    const code = await applyAsSamplePerson(journey.pb.url);
    const request = await admin.collection('permohonan').getFirstListItem(admin.filter('kode_lacak = {:k}', { k: code }));

    const { page, close } = await journey.open({ viewport: DESKTOP });
    // What the admin UI showed when a step failed: the first thing to look at after an upgrade.
    onTestFailed(async () => {
      await page.screenshot({ path: path.join(ROOT, 'test-results', 'admin-ui-gagal.png') }).catch(() => {});
    });

    // 1. Sign in with the administrator's (superuser) account.
    await page.goto('/_/');
    await page.getByLabel('Email').fill(superuser.email);
    await shot(page, 'admin-masuk');
    await page.getByLabel('Password', { exact: true }).fill(superuser.password);
    await page.getByRole('button', { name: 'Login' }).click();
    await page.locator('[data-pb="appHeader"]').getByText(superuser.email).waitFor();

    // 2. A new staff account with the front office's role and a first password.
    await openCollection(page, 'petugas');
    await page.getByRole('button', { name: 'New record', exact: true }).click();
    let modal = recordModal(page);
    await modal.waitFor();
    await modal.locator('input[name="email"]').fill(NEW_STAFF.email);
    await modal.locator('input[name="password"]').fill(NEW_STAFF.password);
    await modal.locator('input[name="passwordConfirm"]').fill(NEW_STAFF.password);
    await modal.locator('textarea[name="nama"], input[name="nama"]').fill(NEW_STAFF.nama);
    await choose(modal, 'peran', frontOffice.id);
    await scrollToTop(modal);
    await shot(page, 'admin-akun-baru');
    await modal.getByRole('button', { name: 'Create', exact: true }).click();
    await modal.waitFor({ state: 'detached' });
    const account = await admin.collection('petugas').getFirstListItem(admin.filter('email = {:e}', { e: NEW_STAFF.email }));
    expect(account).toMatchObject({ nama: NEW_STAFF.nama, peran: [frontOffice.id], aktif: true, wajib_ganti_sandi: true });

    // The first password signs in but opens no case until it is changed.
    const signIn = await fetch(`${journey.pb.url}/api/collections/petugas/auth-with-password`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ identity: NEW_STAFF.email, password: NEW_STAFF.password }) });
    expect(signIn.status).toBe(200);
    const { token } = (await signIn.json()) as { token: string };
    const queue = await fetch(`${journey.pb.url}/api/petugas/antrean`, { headers: { Authorization: token } });
    expect(queue.status).toBe(403);
    expect(((await queue.json()) as { message: string }).message).toContain('Ganti kata sandi');

    // 3. A typo in the address is the administrator's to correct; the history records the edit.
    await openCollection(page, 'permohonan');
    await search(page, code);
    modal = await openRecord(page, code);
    const corrected = `${String(request['alamat'])} (RT 02)`;
    await modal.locator('textarea[name="alamat"], input[name="alamat"]').fill(corrected);
    await save(modal);
    await modal.waitFor({ state: 'detached' });
    expect((await admin.collection('permohonan').getOne(request.id))['alamat']).toBe(corrected);
    const edit = (await historyOf(request.id)).find((h) => h['jenis'] === 'perubahan_data');
    expect(edit).toMatchObject({ petugas: `administrator (${superuser.email})`, perubahan: ['alamat'] });
    expect(JSON.stringify(edit)).not.toContain(String(request['alamat']));

    // 4. An outcome is the staff's, through the SOP: a status change is refused on the field.
    await clearToasts(page);
    modal = await openRecord(page, code);
    const other = data.statuses.find((s) => s.id !== request['status'] && s.meaning === 'success')!;
    await choose(modal, 'status', other.id);
    await save(modal);
    const refusal = 'Kolom ini diubah oleh petugas lewat ruang kerja /petugas/ sesuai SOP, dan tercatat di riwayat; administrator tidak mengubahnya di sini.';
    await modal.getByText(refusal).first().waitFor();
    await scrollToTop(modal);
    await shot(page, 'admin-status-ditolak');
    expect((await admin.collection('permohonan').getOne(request.id))['status']).toBe(request['status']);
    await closeDiscarding(page);
    await clearToasts(page);

    // 5. The history cannot be edited or deleted, not even by an administrator.
    await openCollection(page, 'riwayat_permohonan');
    await showColumns(page, ['jenis', 'status', 'petugas', 'created']);
    await search(page, `permohonan.kode_lacak = "${code}"`);
    await rowWith(page, 'perubahan_data').waitFor();
    await shot(page, 'admin-riwayat');
    modal = await openRecord(page, 'perubahan_data');
    await modal.locator('textarea[name="petugas"], input[name="petugas"]').fill('orang-lain@dinsos.localhost');
    await save(modal);
    await toasts(page).filter({ hasText: 'tidak dapat diubah' }).first().waitFor();
    await closeDiscarding(page);
    await clearToasts(page);
    modal = await openRecord(page, 'perubahan_data');
    await modal.getByRole('button', { name: 'More options' }).click();
    await modal.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('button', { name: 'Delete record' }).click();
    await toasts(page).filter({ hasText: 'tidak dapat dihapus' }).first().waitFor();
    await modal.waitFor({ state: 'detached' });
    expect(await admin.collection('riwayat_permohonan').getOne(edit!.id)).toMatchObject({ petugas: `administrator (${superuser.email})`, hash: edit!['hash'] });

    // 6. Someone leaves the office: the account is switched off (never deleted: the history names it).
    await clearToasts(page);
    await openCollection(page, 'petugas');
    await search(page, `email = "${NEW_STAFF.email}"`);
    modal = await openRecord(page, NEW_STAFF.nama);
    // The switch is a styled checkbox: its label takes the click; the modal may still be settling.
    const active = modal.locator('input[name="aktif"]');
    const activeLabel = modal.locator(`label[for="${await active.getAttribute('id')}"]`);
    await vi.waitFor(
      async () => {
        if (await active.isChecked()) await activeLabel.click();
        expect(await active.isChecked()).toBe(false);
      },
      { timeout: 5_000, interval: 250 },
    );
    await save(modal);
    await modal.waitFor({ state: 'detached' });
    expect((await admin.collection('petugas').getOne(account.id))['aktif']).toBe(false);
    const again = await fetch(`${journey.pb.url}/api/collections/petugas/auth-with-password`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ identity: NEW_STAFF.email, password: NEW_STAFF.password }) });
    // PocketBase refuses an inactive account's correct password with 403 (the authRule).
    expect(again.status).toBe(403);
    // A token issued before the switch opens no work either, in the workspace or the records API.
    const stale = await fetch(`${journey.pb.url}/api/petugas/antrean`, { headers: { Authorization: token } });
    expect(stale.status).toBe(403);
    expect(((await stale.json()) as { message: string }).message).toContain('tidak aktif');
    const direct = await fetch(`${journey.pb.url}/api/collections/permohonan/records`, { headers: { Authorization: token } });
    expect(((await direct.json()) as { items?: unknown[] }).items ?? []).toEqual([]);

    await close();
  }, 180_000);
});
