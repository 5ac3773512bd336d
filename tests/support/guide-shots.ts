// Screenshots for the staff guide (content/pages/panduan-petugas.md), taken by the journeys that
// drive the real workspace (tests/journey/panduan.test.ts) and the admin UI
// (tests/journey/admin-ui.test.ts). Each picture goes to test-results/panduan/ on every run, and
// to public/panduan/ (what the guide shows) only with UPDATE_GUIDE=1, so the committed images
// change on purpose and not on every test run. Every picture shows fictitious data only, and
// stays small enough for a page read on a phone.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
/** Where the guide's pictures live (served as /panduan/…). */
export const GUIDE_IMAGE_DIR = path.join(ROOT, 'public', 'panduan');
const SHOT_DIRS = [path.join(ROOT, 'test-results', 'panduan'), ...(process.env['UPDATE_GUIDE'] === '1' ? [GUIDE_IMAGE_DIR] : [])];
export const MAX_IMAGE_BYTES = 200 * 1024;

/** What may be on a picture: the fictitious people's numbers and phones, and the test accounts' addresses. */
export interface FictitiousData {
  /** 16-digit numbers (NIK, KK). */
  numbers?: readonly string[];
  /** Phone numbers, in any written form (compared by their digits after 0 or 62). */
  phones?: readonly string[];
  emails?: readonly string[];
}

const phoneCore = (phone: string) => phone.replace(/\D/g, '').replace(/^(62|0)/, '');

/** The visible page shows no NIK, KK, phone or email other than the allowed fictitious ones. */
export async function expectOnlyFictitiousData(page: Page, allowed: FictitiousData): Promise<void> {
  const text = await page.locator('body').innerText();
  for (const [number] of text.matchAll(/\d{16}/g)) expect(allowed.numbers ?? [], `nomor ${number} di layar`).toContain(number);
  const phones = (allowed.phones ?? []).map(phoneCore);
  for (const [phone] of text.matchAll(/(?:\+62|\b0)8[\d -]{7,14}\d/g)) expect(phones, `telepon ${phone} di layar`).toContain(phoneCore(phone));
  for (const [email] of text.matchAll(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g)) expect(allowed.emails ?? [], `surel ${email} di layar`).toContain(email);
}

/**
 * A viewport PNG `name`.png for the guide (never the full page: the caller scrolls what matters
 * to the top first). Over 200 KB it is taken again at `region` when one is given, and it must
 * then fit.
 */
export async function guideShot(page: Page, name: string, allowed: FictitiousData, options: { region?: { x: number; y: number; width: number; height: number } } = {}): Promise<Buffer> {
  // Toasts fade and popovers animate: wait until no animation or transition is running, so each
  // picture is a finished frame.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  await expectOnlyFictitiousData(page, allowed);
  let png = await page.screenshot({ animations: 'disabled', caret: 'hide' });
  if (png.length > MAX_IMAGE_BYTES && options.region) png = await page.screenshot({ animations: 'disabled', caret: 'hide', clip: options.region });
  expect(png.length, `${name}.png terlalu besar`).toBeLessThanOrEqual(MAX_IMAGE_BYTES);
  for (const dir of SHOT_DIRS) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `${name}.png`), png);
  }
  return png;
}

/** Width and height of a PNG, from its IHDR chunk. */
export function pngSize(png: Buffer): { width: number; height: number } {
  if (png.length < 24 || !png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) || png.toString('latin1', 12, 16) !== 'IHDR') throw new Error('bukan berkas PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}
