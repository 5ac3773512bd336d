// Debian's Chromium driven by playwright-core (never a downloaded browser), with an axe
// scan helper for every page a journey visits.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Phone and desktop viewports used for journeys and screenshots. */
export const PHONE = { width: 360, height: 780 } as const;
export const DESKTOP = { width: 1280, height: 900 } as const;

export interface TestBrowser {
  browser: Browser;
  newPage: (options?: { viewport?: { width: number; height: number }; baseURL?: string }) => Promise<{ page: Page; context: BrowserContext }>;
  close: () => Promise<void>;
}

export async function launchBrowser(): Promise<TestBrowser> {
  // Playwright gives each launch a fresh, empty profile. Without these flags Chromium keeps
  // trying to reach the network, which this machine refuses.
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  return {
    browser,
    async newPage(options = {}) {
      const context = await browser.newContext({
        viewport: options.viewport ?? PHONE,
        locale: 'id-ID',
        timezoneId: 'Asia/Jakarta',
        ...(options.baseURL ? { baseURL: options.baseURL } : {}),
      });
      const page = await context.newPage();
      return { page, context };
    },
    async close() {
      await browser.close();
    },
  };
}

/** WCAG 2.2 AA as axe knows it. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface AxeViolationSummary {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/** Runs axe on the page as it is now and returns a compact list of violations. */
export async function axeViolations(page: Page): Promise<AxeViolationSummary[]> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(' ')),
  }));
}
