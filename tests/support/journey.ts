// One PocketBase (serving the built site) and one Chromium per journey file.
import { afterAll, beforeAll } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { startTestPocketBase, type TestPocketBase } from './pocketbase';
import { axeViolations, launchBrowser, PHONE, type TestBrowser } from './browser';

export interface Journey {
  pb: TestPocketBase;
  browser: TestBrowser;
  /** A fresh page (own context) at phone width unless told otherwise, with console errors collected. */
  open: (options?: { viewport?: { width: number; height: number } }) => Promise<{ page: Page; context: BrowserContext; consoleErrors: string[]; close: () => Promise<void> }>;
}

export function useJourney(): Journey {
  const journey = {} as Journey;
  beforeAll(async () => {
    const [pb, browser] = await Promise.all([startTestPocketBase(), launchBrowser()]);
    journey.pb = pb;
    journey.browser = browser;
    journey.open = async (options = {}) => {
      const { page, context } = await browser.newPage({ viewport: options.viewport ?? PHONE, baseURL: pb.url });
      const consoleErrors: string[] = [];
      page.on('console', (msg) => msg.type() === 'error' && consoleErrors.push(msg.text()));
      page.on('pageerror', (err) => consoleErrors.push(err.message));
      return { page, context, consoleErrors, close: () => context.close() };
    };
  });
  afterAll(async () => {
    await journey.browser?.close();
    await journey.pb?.stop();
  });
  return journey;
}

/** axe finds nothing, or the test fails listing what it found. */
export async function expectAccessible(page: Page): Promise<void> {
  const violations = await axeViolations(page);
  if (violations.length > 0) {
    throw new Error(`axe menemukan pelanggaran di ${page.url()}:\n${JSON.stringify(violations, null, 2)}`);
  }
}
