import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, useJourney, expectAddress } from '../support/journey';
import { DESKTOP, openAs } from '../support/workspace';
import { createStaff } from '../support/staff';
import { SAMPLE_PERSON } from '../support/application';
import { K1, OTHER_PERSON, ROLES, seedCasework, type Casework } from '../support/casework';
import { MESSAGES } from '../../src/islands/petugas/SignIn';

// The staff workspace's first pages: signing in (keyboard only), the first password change, sign
// out, "Hari ini", and the queues with their search and filters in the address. axe on every state
// at 360 px and 1366 px. WORKSPACE_SHOTS=<dir> keeps screenshots of each state.

const journey = useJourney();
const SHOTS = process.env['WORKSPACE_SHOTS'];

async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  const width = page.viewportSize()?.width ?? 0;
  await page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), fullPage: true });
  // A phone page is long: also in screen-high pieces, readable at full size.
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0, i = 1; width < 400 && y < height && i <= 4; y += 900, i++) {
    await page.screenshot({ path: path.join(SHOTS, `${name}-${width}-${i}.png`), fullPage: true, clip: { x: 0, y, width, height: Math.min(900, height - y) } });
  }
}

/** axe at this width, then again at the other one (same page, same state). */
async function expectAccessibleAtBoth(page: Page, name: string) {
  const start = page.viewportSize()!;
  for (const size of start.width === DESKTOP.width ? [DESKTOP, { width: 360, height: 780 }] : [{ width: 360, height: 780 }, DESKTOP]) {
    await page.setViewportSize(size);
    await expectAccessible(page);
    const fits = await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
    expect(fits, `${name} melebar ke samping pada ${size.width} px`).toBe(true);
    await shot(page, name);
  }
  await page.setViewportSize(start);
}

/** Presses Tab until the element matching `selector` has focus (keyboard only; fails after 40 stops). */
async function tabTo(page: Page, selector: string) {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab tidak pernah sampai ke ${selector}`);
}

/**
 * The error summary takes focus after the messages render (an effect, after paint): typing before
 * that lands in the summary, not the field, so the next step waits for it as a person's eyes would.
 */
async function summaryHasFocus(page: Page) {
  await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary') ?? false, undefined, { timeout: 5000 });
}

/** The menu entries shown, once the header's island has narrowed them to the person's roles. */
async function visibleMenu(page: Page): Promise<string[]> {
  await page.locator('.ws-session').waitFor();
  await page.waitForFunction(() => document.querySelectorAll('nav[aria-label="Menu ruang kerja"] li[hidden]').length > 0);
  return page.locator('nav[aria-label="Menu ruang kerja"] li:visible').allTextContents();
}

describe('signing in', () => {
  it('a new staff member signs in with the keyboard only, changes the first password, lands on Hari ini, and signs out', async () => {
    const account = await createStaff(journey.pb, { nama: 'Rina Wulandari', peran: [ROLES.office.id], changePassword: false });
    const { page, consoleErrors, close } = await journey.open();
    // A workspace page sends a visitor who is not signed in to sign in, and back afterwards.
    await page.goto('/petugas/antrean/?terlambat=1');
    await page.waitForURL((url) => url.pathname === '/petugas/masuk/');
    expect(new URL(page.url()).searchParams.get('lanjut')).toBe('/petugas/antrean/?terlambat=1');
    await page.getByLabel('Alamat surel').waitFor();
    expect(await page.locator('nav[aria-label="Menu ruang kerja"]').count()).toBe(0);
    await expectAccessibleAtBoth(page, 'masuk');

    // Empty, then a malformed address: messages on the fields.
    await tabTo(page, 'button[type="submit"]');
    await page.keyboard.press('Enter');
    await page.locator('#f-surel-galat').waitFor();
    expect(await page.locator('#f-surel-galat').textContent()).toContain(MESSAGES.surelKosong);
    expect(await page.locator('#f-sandi-galat').textContent()).toContain(MESSAGES.sandiKosong);
    await summaryHasFocus(page);
    await expectAccessibleAtBoth(page, 'masuk-kosong');
    await tabTo(page, '#f-surel');
    await page.keyboard.type(account.email.replace('@', ' di '));
    await tabTo(page, '#f-sandi');
    await page.keyboard.type('sandi-yang-salah-sekali');
    await page.keyboard.press('Enter');
    await page.getByText(MESSAGES.surelSalah).first().waitFor();
    await summaryHasFocus(page);
    expect(await page.locator('#f-surel').getAttribute('aria-invalid')).toBe('true');

    // The right address with a wrong password: the message sits on the password field.
    await tabTo(page, '#f-surel');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(account.email);
    await tabTo(page, '#f-sandi');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('sandi-yang-salah-sekali');
    await page.keyboard.press('Enter');
    await page.locator('#f-sandi-galat').getByText(MESSAGES.salah).waitFor();
    expect(await page.locator('#f-surel-galat').count()).toBe(0);
    expect(await page.locator('#f-sandi').getAttribute('aria-describedby')).toBe('f-sandi-galat');
    expect(await page.locator('#f-sandi').inputValue()).toBe('');
    await expectAccessibleAtBoth(page, 'masuk-salah');

    // The first password: straight to the account page, which says why.
    await tabTo(page, '#f-sandi');
    await page.keyboard.type(account.password);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/petugas/akun/');
    await page.getByRole('heading', { name: 'Ganti kata sandi pertama Anda' }).waitFor();
    expect(await page.locator('.summary').textContent()).toContain(ROLES.office.label);
    expect(await page.locator('.summary').textContent()).toContain(account.email);
    expect(await visibleMenu(page)).toEqual(['Akun saya']);
    await expectAccessibleAtBoth(page, 'akun-pertama');

    // Other pages wait until the password is changed.
    await page.goto('/petugas/');
    await page.waitForURL((url) => url.pathname === '/petugas/akun/');
    expect(new URL(page.url()).searchParams.get('lanjut')).toBe('/petugas/');
    await page.getByLabel('Kata sandi lama').waitFor();

    // A repeat that differs: the server's message on that field.
    const next = 'Kopi pagi di Sungai 2026';
    await tabTo(page, '#f-sandi_lama');
    await page.keyboard.type(account.password);
    await tabTo(page, '#f-sandi_baru');
    await page.keyboard.type(next);
    await tabTo(page, '#f-sandi_baru_ulang');
    await page.keyboard.type(`${next}!`);
    await page.keyboard.press('Enter');
    await page.locator('#f-sandi_baru_ulang-galat').getByText('Ulangi kata sandi baru dengan tepat sama.').waitFor();
    await expectAccessibleAtBoth(page, 'akun-galat');
    expect(await page.locator('#f-sandi_baru').inputValue()).toBe(next);
    expect(await page.locator('#f-sandi_baru_ulang').inputValue()).toBe('');
    await tabTo(page, '#f-sandi_baru_ulang');
    await page.keyboard.type(next);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/petugas/');
    await page.getByRole('heading', { level: 1, name: 'Hari ini' }).waitFor();
    await page.getByText('Selamat bekerja, Rina Wulandari.').waitFor();
    await page.locator('.ws-cards').waitFor();
    expect(await visibleMenu(page)).toEqual(['Hari ini', 'Antrean', 'Belum terhubungi', 'Akun saya']);

    // Sign out from the header, by keyboard.
    await tabTo(page, 'button.ws-signout');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/petugas/masuk/');
    expect(await page.evaluate(() => window.localStorage.getItem('petugas_auth'))).toBeNull();
    await page.goto('/petugas/');
    await page.waitForURL((url) => url.pathname === '/petugas/masuk/');

    // The new password works; `lanjut` brings the person back where they were.
    await tabTo(page, '#f-surel');
    await page.keyboard.type(account.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(next);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/petugas/');
    await page.locator('.ws-cards').waitFor();
    expect(consoleErrors.filter((e) => !/status of (400|403)/.test(e))).toEqual([]);
    await close();
  });

  it('never follows `lanjut` off the workspace, and says when an account is switched off or tries too often', async () => {
    const inactive = await createStaff(journey.pb, { nama: 'Sudah Pensiun', peran: [ROLES.office.id], changePassword: false });
    const account = await createStaff(journey.pb, { nama: 'Dewi Lestari', peran: [ROLES.office.id] });
    await journey.pb.admin.collection('petugas').update(inactive.id, { aktif: false });
    const { page, close } = await journey.open({ viewport: DESKTOP });

    await page.goto(`/petugas/masuk/?lanjut=${encodeURIComponent('//contoh.example/petugas/')}`);
    await page.getByLabel('Alamat surel').fill(account.email);
    await page.getByLabel('Kata sandi').fill(account.password);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForURL((url) => url.pathname === '/petugas/');
    expect(new URL(page.url()).host).toBe(new URL(journey.pb.url).host);
    // Hari ini has loaded: signing out under a page still starting would race its own redirect.
    await page.locator('.ws-cards').waitFor();

    await page.evaluate(() => window.localStorage.removeItem('petugas_auth'));
    await page.goto('/petugas/masuk/');
    await page.getByLabel('Alamat surel').fill(inactive.email);
    await page.getByLabel('Kata sandi').fill(inactive.password);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.locator('#f-surel-galat').getByText(MESSAGES.tidakAktif).waitFor();
    await expectAccessibleAtBoth(page, 'masuk-tidak-aktif');

    // Spend what is left of the 10 sign-ins per 5 minutes from this address, then try once more.
    for (let i = 0; i < 12; i++) {
      const res = await fetch(`${journey.pb.url}/api/collections/petugas/auth-with-password`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ identity: account.email, password: 'bukan-sandinya' }) });
      if (res.status === 429) break;
    }
    await page.getByLabel('Alamat surel').fill(account.email);
    await page.getByLabel('Kata sandi').fill(account.password);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.locator('#f-sandi-galat').getByText(MESSAGES.terlaluSering).waitFor();
    await expectAccessibleAtBoth(page, 'masuk-terlalu-sering');
    await close();
    // The rest of this file signs in through stored sessions; the limiter stays out of its way.
    await journey.pb.admin.settings.update({ rateLimits: { enabled: false } });
  });
});

describe('Hari ini and the queues', () => {
  let work: Casework;
  beforeAll(async () => {
    await journey.pb.admin.settings.update({ rateLimits: { enabled: false } });
    work = await seedCasework(journey.pb);
  }, 90_000);

  it('Hari ini: counts one click from their lists, urgent reports first, then my own work', async () => {
    const { page, consoleErrors, close } = await openAs(journey, work.office, '/petugas/');
    await page.locator('.ws-cards').waitFor();
    const cards = page.locator('.ws-cards a');
    const first = cards.first();
    expect(await first.textContent()).toMatch(/^1\s*Laporan mendesak$/);
    expect(await first.getAttribute('class')).toContain('ws-card--alert');
    expect(new URL((await first.getAttribute('href'))!, journey.pb.url).search).toBe('?jenis=laporan&mendesak=1');
    expect(await cards.filter({ hasText: 'Terlambat' }).textContent()).toMatch(/^1\s*Terlambat$/);
    expect(await cards.filter({ hasText: 'Batas tahap hari ini' }).getAttribute('href')).toBe('/petugas/antrean/?jatuh_tempo=1');
    const headings = await page.locator('main h2:not(.visually-hidden)').allTextContents();
    expect(headings.slice(0, 2)).toEqual(['Laporan mendesak', 'Menunggu tindakan saya']);
    const urgent = page.locator('#hari-ini-mendesak + p + ul li');
    expect(await urgent.count()).toBe(1);
    expect(await urgent.locator('a').getAttribute('href')).toBe(`/petugas/kasus/?jenis=laporan&id=${work.urgentReport.id}`);
    expect(await urgent.textContent()).toMatch(/Masuk \d{1,2} \p{L}+ \d{4} pukul \d{2}\.\d{2} WIB/u);
    expect(await visibleMenu(page)).toEqual(['Hari ini', 'Antrean', 'Belum terhubungi', 'Akun saya']);
    expect(await page.getByRole('link', { name: 'Kunjungan saya' }).count()).toBe(0);
    await expectAccessibleAtBoth(page, 'hari-ini');

    // One click: the late card opens the queue with that filter.
    await cards.filter({ hasText: 'Terlambat' }).click();
    await page.waitForURL((url) => url.pathname === '/petugas/antrean/' && url.searchParams.get('terlambat') === '1');
    await page.locator('table.ws-table tbody tr').first().waitFor();
    expect(await page.locator('table.ws-table tbody tr').count()).toBe(1);
    expect(await page.locator('table.ws-table tbody').textContent()).toContain(work.late.code);
    expect(await page.getByLabel('Terlambat dari waktu standar SOP').isChecked()).toBe(true);
    expect(consoleErrors).toEqual([]);
    await close();
  });

  it('the menu and first screen follow the role: a field worker gets Kunjungan saya, a head of office gets Ekspor', async () => {
    const field = await openAs(journey, work.field, '/petugas/');
    await field.page.locator('.ws-cards').waitFor();
    expect(await visibleMenu(field.page)).toEqual(['Hari ini', 'Antrean', 'Belum terhubungi', 'Kunjungan saya', 'Akun saya']);
    expect(await field.page.locator('main').getByRole('link', { name: 'Kunjungan saya' }).getAttribute('href')).toBe('/petugas/kunjungan/');
    expect(await field.page.locator('.ws-cards').textContent()).not.toContain('Permohonan baru');
    await expectAccessibleAtBoth(field.page, 'hari-ini-lapangan');
    await field.close();

    const head = await openAs(journey, work.team[ROLES.exporter.id]!, '/petugas/', { viewport: DESKTOP });
    await head.page.locator('.ws-cards').waitFor();
    expect(await visibleMenu(head.page)).toEqual(['Hari ini', 'Antrean', 'Belum terhubungi', 'Ekspor dan akses', 'Akun saya']);
    await head.close();

    // A role that works with figures only: no queue, and the first screen says where its work is.
    if (ROLES.numbersOnly) {
      const planner = await openAs(journey, work.team[ROLES.numbersOnly.id]!, '/petugas/');
      await planner.page.getByText('Peran Anda tidak menangani permohonan dan laporan satu per satu.').waitFor();
      expect(await visibleMenu(planner.page)).toEqual(['Hari ini', 'Ekspor dan akses', 'Akun saya']);
      expect(await planner.page.locator('.ws-cards').count()).toBe(0);
      await expectAccessibleAtBoth(planner.page, 'hari-ini-angka');
      await planner.close();
    }
  });

  it('the queue: search as people type it, filters in the address, back and forward, an empty result', async () => {
    const { page, consoleErrors, close } = await openAs(journey, work.office, '/petugas/antrean/', { viewport: DESKTOP });
    const rows = page.locator('table.ws-table tbody tr');
    const summary = page.locator('.board-summary');
    await summary.getByText('Ada 5 permohonan yang cocok; menampilkan 1–5.').waitFor();
    expect(await page.locator('nav[aria-label="Jenis antrean"] a[aria-current="page"]').textContent()).toBe('Permohonan (5)');
    await page.locator('nav[aria-label="Jenis antrean"] a').filter({ hasText: 'Laporan (3)' }).waitFor();
    expect(await page.locator('table.ws-table th[scope="col"]').allTextContents()).toEqual(['Kode dan layanan', 'Penerima', 'Kecamatan', 'Status', 'Batas tahap', 'Petugas lapangan', 'Keterangan']);
    const assignedRow = rows.filter({ hasText: work.assigned.code });
    expect(await assignedRow.textContent()).toContain(work.field.nama);
    expect(await assignedRow.locator('.ws-tag--flag').count()).toBe(1);
    expect(await rows.filter({ hasText: work.late.code }).locator('.ws-tag--late').textContent()).toBe('Terlambat');
    await expectAccessibleAtBoth(page, 'antrean');

    const search = page.getByLabel('Cari kode, NIK, nama, atau nomor telepon');
    const find = async (typed: string, expected: string[]) => {
      await search.fill(typed);
      await search.press('Enter');
      await page.waitForURL((url) => url.searchParams.get('q') === typed);
      await summary.getByText(`Ada ${expected.length} permohonan yang cocok`).waitFor();
      expect((await rows.locator('.ws-code').allTextContents()).sort(), typed).toEqual([...expected].sort());
    };
    await find(SAMPLE_PERSON.nik.replace(/(\d{4})(?=\d)/g, '$1 '), [work.fresh.code, work.assigned.code, work.late.code]);
    // Focus moves to the result's heading (after the render that shows it).
    await page.waitForFunction(() => document.activeElement?.id === 'antrean-hasil', null, { timeout: 5000 });
    await find(OTHER_PERSON.telepon, [work.checked.code, work.dueToday.code]);
    await find(work.checked.code.toLowerCase().replace(/-/g, ''), [work.checked.code]);
    await find(OTHER_PERSON.nama_lengkap.split(' ')[0]!.toLowerCase(), [work.checked.code, work.dueToday.code]);
    await expectAccessibleAtBoth(page, 'antrean-cari');

    // Back and forward walk through the searches.
    await page.goBack();
    await page.waitForURL((url) => url.searchParams.get('q') === work.checked.code.toLowerCase().replace(/-/g, ''));
    await summary.getByText('Ada 1 permohonan yang cocok').waitFor();
    expect(await search.inputValue()).toBe(work.checked.code.toLowerCase().replace(/-/g, ''));
    await page.goForward();
    await summary.getByText('Ada 2 permohonan yang cocok').waitFor();

    // A search that cannot be meant as typed is answered on the field, before any request.
    await search.fill(`${work.checked.code.split('-')[0]!}-12`);
    await search.press('Enter');
    await page.locator('#f-q-galat').getByText(/Kode pelacakan tidak dikenali/).waitFor();
    expect(await search.getAttribute('aria-invalid')).toBe('true');
    await expectAccessibleAtBoth(page, 'antrean-cari-galat');

    // Filters from the form: kecamatan, then late; a link with them opens the same list.
    await search.fill('');
    await page.getByLabel('Kecamatan').selectOption(K1.id);
    await page.getByRole('button', { name: 'Tampilkan' }).click();
    await summary.getByText('Ada 2 permohonan yang cocok').waitFor();
    await expectAddress(page, (u) => u.search).toBe(`?kecamatan=${K1.id}`);
    expect((await rows.locator('.ws-code').allTextContents()).sort()).toEqual([work.checked.code, work.assigned.code].sort());
    await expectAccessibleAtBoth(page, 'antrean-kecamatan');
    await page.getByLabel('Terlambat dari waktu standar SOP').check();
    await page.getByRole('button', { name: 'Tampilkan' }).click();
    await summary.getByText('Tidak ada permohonan yang cocok.').waitFor();
    await expectAddress(page, (u) => u.search).toBe(`?kecamatan=${K1.id}&terlambat=1`);
    expect(await rows.count()).toBe(0);
    await page.getByText('Tidak ada permohonan yang cocok dengan pilihan ini.').waitFor();
    await expectAccessibleAtBoth(page, 'antrean-kosong');
    // The tab says how many reports the shared filters hold; switching keeps them.
    await page.locator('nav[aria-label="Jenis antrean"] a').filter({ hasText: 'Laporan (0)' }).waitFor();
    await page.getByRole('link', { name: 'Hapus pilihan dan tampilkan semua permohonan yang masih terbuka' }).click();
    await summary.getByText('Ada 5 permohonan yang cocok').waitFor();

    // A colleague opening the shared address sees the same list.
    const shared = await openAs(journey, work.team[ROLES.assigner.id]!, `/petugas/antrean/?kecamatan=${K1.id}`);
    await shared.page.locator('.board-summary').getByText('Ada 2 permohonan yang cocok').waitFor();
    expect(await shared.page.getByLabel('Kecamatan').inputValue()).toBe(K1.id);
    await shared.close();

    // Reports: urgent first, then only the urgent ones.
    await page.locator('nav[aria-label="Jenis antrean"] a').filter({ hasText: 'Laporan' }).click();
    await summary.getByText('Ada 3 laporan yang cocok').waitFor();
    await expectAddress(page, (u) => u.searchParams.get('jenis')).toBe('laporan');
    expect(await rows.first().locator('.ws-code').textContent()).toBe(work.urgentReport.code);
    expect(await rows.first().locator('.ws-tag--urgent').textContent()).toBe('Mendesak');
    await page.getByLabel('Laporan mendesak').check();
    await page.getByRole('button', { name: 'Tampilkan' }).click();
    await summary.getByText('Ada 1 laporan yang cocok').waitFor();
    await expectAccessibleAtBoth(page, 'antrean-laporan');
    expect(consoleErrors).toEqual([]);
    await close();
  });

  it('the queue on a phone: rows stacked as cards, and a field worker sees only what is assigned', async () => {
    const { page, close } = await openAs(journey, work.field, '/petugas/antrean/');
    const rows = page.locator('table.ws-table tbody tr');
    await page.locator('.board-summary').getByText('Ada 1 permohonan yang cocok').waitFor();
    expect(await rows.locator('.ws-code').allTextContents()).toEqual([work.assigned.code]);
    await page.getByText('Anda hanya melihat permohonan dan laporan yang ditugaskan kepada Anda.').waitFor();
    // On a phone the other filters fold away until one is chosen; the results come first.
    const more = page.locator('details.ws-filters__more');
    expect(await more.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await more.locator('summary').click();
    await page.getByLabel('Kecamatan').waitFor();
    // Stacked: the row is a block with each value under its column name.
    expect(await rows.first().evaluate((tr) => getComputedStyle(tr).display)).toBe('block');
    expect(await rows.first().locator('.cell-label').first().isVisible()).toBe(true);
    await expectAccessibleAtBoth(page, 'antrean-lapangan');
    // Searching another person's NIK does not widen what a field worker sees.
    await page.getByLabel('Cari kode, NIK, nama, atau nomor telepon').fill(OTHER_PERSON.nik);
    await page.getByRole('button', { name: 'Tampilkan' }).click();
    await page.locator('.board-summary').getByText('Tidak ada permohonan yang cocok.').waitFor();
    await close();
  });
});
