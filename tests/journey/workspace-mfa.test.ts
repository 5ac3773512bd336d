import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, useJourney } from '../support/journey';
import { createStaff, portalOf, type StaffAccount } from '../support/staff';
import { startSmtpSink, type SmtpSink } from '../support/smtp';
import { DESKTOP } from '../support/workspace';

// Where the office has SMTP, an administrator can require an emailed one-time code as a second
// factor (PocketBase's MFA with OTP, switched on for the `petugas` collection in the admin UI).
// Here PocketBase really mails the code, over SMTP, to a local receiver; the staff member types it
// into the workspace's sign-in page, after a wrong code and a fresh one.

const journey = useJourney();
let smtp: SmtpSink;
let staff: StaffAccount;

beforeAll(async () => {
  smtp = await startSmtpSink();
  const admin = journey.pb.admin;
  const frontOffice = portalOf().roles.find((r) => r.account && r.cases && !r.field)!;
  // The account exists (and has changed its first password) before the office turns MFA on.
  staff = await createStaff(journey.pb, { nama: 'Rina Contoh', peran: [frontOffice.id] });
  // What an administrator sets in the admin UI: mail settings, then MFA and OTP for petugas.
  await admin.settings.update({ meta: { senderName: 'Dinas Sosial', senderAddress: 'portal@dinsos.localhost' }, smtp: { enabled: true, host: smtp.host, port: smtp.port, tls: false, authMethod: 'PLAIN', username: '', password: '' } });
  await admin.collections.update('petugas', { mfa: { enabled: true }, otp: { enabled: true } });
});
afterAll(async () => {
  await smtp?.close();
});

/** The six-digit code in a mail. */
function codeIn(text: string): string {
  const match = /<strong>(\d{6})<\/strong>/.exec(text);
  if (!match) throw new Error(`tidak ada kode di surel:\n${text}`);
  return match[1]!;
}

async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'halaman melebar ke samping').toBeLessThanOrEqual(0);
}

describe('a second factor by email, where the office requires it', () => {
  it('asks for the mailed code after the password, refuses a wrong one, sends a new one, and signs in with it', async () => {
    const { page, consoleErrors, close } = await journey.open();
    await page.goto('/petugas/masuk/');
    await page.getByLabel('Alamat surel').fill(staff.email);
    await page.getByLabel('Kata sandi').fill(staff.password);
    const sent = smtp.mails.length;
    await page.getByRole('button', { name: 'Masuk' }).click();

    // The code step: the password alone does not sign in.
    await page.getByRole('heading', { name: 'Kode masuk' }).waitFor();
    if (process.env['WORKSPACE_SHOTS']) await page.screenshot({ path: `${process.env['WORKSPACE_SHOTS']}/masuk-kode.png`, fullPage: true });
    const first = await smtp.next(staff.email, sent);
    expect(first.text).toContain('Kode masuk ruang kerja petugas');
    expect(first.text).toContain(staff.nama);
    const firstCode = codeIn(first.text);
    expect(await page.evaluate(() => window.localStorage.getItem('petugas_auth'))).toBeNull();
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);

    // A typo, then a wrong code: each gets its message on the field.
    await page.getByLabel('Kode dari surel').fill('12a456');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.locator('#f-kode-galat').getByText('Kode masuk berupa angka saja').waitFor();
    const wrong = firstCode === '000000' ? '111111' : '000000';
    await page.getByLabel('Kode dari surel').fill(wrong);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.locator('#f-kode-galat').getByText('Kode masuk salah atau sudah kedaluwarsa').waitFor();
    await expectAccessible(page);
    if (process.env['WORKSPACE_SHOTS']) await page.screenshot({ path: `${process.env['WORKSPACE_SHOTS']}/masuk-kode-salah.png`, fullPage: true });

    // A new code replaces the first, which no longer works.
    const before = smtp.mails.length;
    await page.getByRole('button', { name: 'Kirim kode baru' }).click();
    await page.getByRole('status').getByText('Kode baru sudah dikirim').waitFor();
    const second = codeIn((await smtp.next(staff.email, before)).text);
    await page.getByLabel('Kode dari surel').fill(second);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForURL((url) => url.pathname === '/petugas/');
    await page.locator('.ws-session__who').getByText(staff.nama).waitFor();
    expect(consoleErrors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
    await close();
  }, 90_000);

  it('reads well on a desktop screen, and the password alone still gives no token through the API', async () => {
    const res = await fetch(`${journey.pb.url}/api/collections/petugas/auth-with-password`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ identity: staff.email, password: staff.password }) });
    expect(res.status).toBe(401);
    const body = (await res.json()) as { token?: string; mfaId?: string };
    expect(body.token).toBeUndefined();
    expect(body.mfaId).toBeTruthy();

    const { page, close } = await journey.open({ viewport: DESKTOP });
    await page.goto('/petugas/masuk/');
    await page.getByLabel('Alamat surel').fill(staff.email);
    await page.getByLabel('Kata sandi').fill(staff.password);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('heading', { name: 'Kode masuk' }).waitFor();
    await expectAccessible(page);
    await expectNoSidewaysScroll(page);
    await close();
  }, 60_000);
});
