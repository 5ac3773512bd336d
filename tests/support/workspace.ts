// Opening the staff workspace in Chromium as a staff account (tests/support/staff.ts): the
// sign-in the workspace keeps in localStorage ('petugas_auth', src/lib/petugas-client.ts) is put
// there before the page loads, as if the person had signed in on this device earlier.
import type { Journey } from './journey';
import type { StaffAccount } from './staff';

export const DESKTOP = { width: 1366, height: 900 };

export async function openAs(journey: Journey, account: StaffAccount, path: string, options: { viewport?: { width: number; height: number }; clock?: Date } = {}) {
  const opened = await journey.open(options.viewport ? { viewport: options.viewport } : {});
  // The browser's clock stopped at `clock` (the server keeps the real time).
  if (options.clock) await opened.page.clock.setFixedTime(options.clock);
  const auth = JSON.stringify({ token: account.client.authStore.token, record: account.client.authStore.record });
  await opened.page.addInitScript((value) => window.localStorage.setItem('petugas_auth', value), auth);
  await opened.page.goto(path);
  return opened;
}
