// One PocketBase (serving the built site) and one Chromium per journey file. A failed test keeps
// a full-page screenshot and a Playwright trace (open it with `npx playwright show-trace`) of every
// page it left open, in test-results/journey-failures/, and prints what each page was saying (its
// address, alerts, field errors, status lines, console errors): CI keeps only the log.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { startTestPocketBase, type TestPocketBase } from './pocketbase';
import { axeViolations, launchBrowser, PHONE, type TestBrowser } from './browser';
import { CODE_ALPHABET } from '../../src/lib/rules/tracking-code';

export interface Journey {
  pb: TestPocketBase;
  browser: TestBrowser;
  /** A fresh page (own context) at phone width unless told otherwise, with console errors collected. */
  open: (options?: { viewport?: { width: number; height: number } }) => Promise<{ page: Page; context: BrowserContext; consoleErrors: string[]; close: () => Promise<void> }>;
}

const FAILURES = path.resolve(import.meta.dirname, '..', '..', 'test-results', 'journey-failures');

export function useJourney(): Journey {
  const journey = {} as Journey;
  const opened = new Set<{ page: Page; context: BrowserContext; consoleErrors: string[] }>();
  beforeEach((ctx) => {
    ctx.onTestFailed(async () => {
      const name = `${path.basename(ctx.task.file?.name ?? 'journey', '.test.ts')}-${ctx.task.name}`.replace(/[^\w-]+/g, '-').slice(0, 120);
      mkdirSync(FAILURES, { recursive: true });
      let n = 0;
      for (const { page, context, consoleErrors } of opened) {
        n++;
        const said = await whatThePageSays(page).catch((err: Error) => `(halaman tidak terbaca: ${err.message})`);
        process.stderr.write(`\n[journey-failure ${name}-${n}] ${page.url()}\n${said}\nconsole: ${JSON.stringify(consoleErrors)}\n`);
        await page.screenshot({ path: path.join(FAILURES, `${name}-${n}.png`), fullPage: true }).catch(() => {});
        await context.tracing.stop({ path: path.join(FAILURES, `${name}-${n}.zip`) }).catch(() => {});
      }
    });
  });
  beforeAll(async () => {
    const [pb, browser] = await Promise.all([startTestPocketBase(), launchBrowser()]);
    journey.pb = pb;
    journey.browser = browser;
    journey.open = async (options = {}) => {
      const { page, context } = await browser.newPage({ viewport: options.viewport ?? PHONE, baseURL: pb.url });
      // Kept only when the test fails (see above); closing the context drops it. The actions and a
      // filmstrip by default; JOURNEY_TRACE=full adds DOM snapshots (slower, for a hunt).
      await context.tracing.start({ screenshots: true, snapshots: process.env['JOURNEY_TRACE'] === 'full' });
      const consoleErrors: string[] = [];
      const entry = { page, context, consoleErrors };
      opened.add(entry);
      page.on('console', (msg) => msg.type() === 'error' && consoleErrors.push(msg.text()));
      page.on('pageerror', (err) => consoleErrors.push(err.message));
      return {
        page,
        context,
        consoleErrors,
        close: async () => {
          opened.delete(entry);
          await context.close();
        },
      };
    };
  });
  afterAll(async () => {
    await journey.browser?.close();
    await journey.pb?.stop();
  });
  return journey;
}

/** The visible messages of a page, one per line: enough to tell a wrong answer from a slow one. */
async function whatThePageSays(page: Page): Promise<string> {
  const lines = await page.evaluate(() =>
    Array.from(document.querySelectorAll('[role="alert"], [role="status"], .error-summary, [id$="-galat"], h1'))
      .filter((el) => (el as HTMLElement).offsetParent !== null || el.tagName === 'H1')
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}: ${(el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 200)}`),
  );
  return lines.join('\n');
}

/** axe finds nothing, or the test fails listing what it found. */
export async function expectAccessible(page: Page): Promise<void> {
  const violations = await axeViolations(page);
  if (violations.length > 0) {
    throw new Error(`axe menemukan pelanggaran di ${page.url()}:\n${JSON.stringify(violations, null, 2)}`);
  }
}

/**
 * Every tracking code on the page, redrawn with the widest symbol a code can hold, fits a 320 px
 * screen: no sideways scroll, no code past the edge. Codes are random, and a narrow one passing
 * says little (a code with W and M was cut off before). The page's own text comes back after.
 */
export async function expectWidestCodesFit(page: Page): Promise<void> {
  const viewport = page.viewportSize()!;
  await page.setViewportSize({ width: 320, height: viewport.height });
  try {
    const fit = await page.evaluate((symbols) => {
      // The innermost elements whose whole text is a code, whatever their markup.
      const isCode = (el: Element) => /^[A-Z0-9]+(-[A-Z0-9]{3}){3}$/.test((el.textContent ?? '').trim());
      const codes = Array.from(document.body.querySelectorAll<HTMLElement>('*')).filter((el) => isCode(el) && !Array.from(el.children).some(isCode));
      const kept: [Text, string][] = [];
      for (const el of codes) {
        const style = getComputedStyle(el);
        const ctx = document.createElement('canvas').getContext('2d')!;
        ctx.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const widest = [...symbols].reduce((a, b) => (ctx.measureText(b).width > ctx.measureText(a).width ? b : a));
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
          kept.push([node, node.data]);
          node.data = node.data.replace(/[A-Z0-9]/g, widest);
        }
      }
      const width = document.documentElement.clientWidth;
      const result = {
        codes: codes.length,
        sideways: document.documentElement.scrollWidth - width,
        // The text's own box: a block's box stays inside the screen while its text runs past.
        pastTheEdge: codes
          .filter((el) => {
            const text = document.createRange();
            text.selectNodeContents(el);
            return text.getBoundingClientRect().right > width;
          })
          .map((el) => el.textContent?.trim()),
      };
      for (const [node, data] of kept) node.data = data;
      return result;
    }, `${CODE_ALPHABET}ABCDEFGHIJKLMNOPQRSTUVWXYZ`);
    expect(fit.codes, 'tidak ada kode pelacakan di halaman').toBeGreaterThan(0);
    expect(fit.pastTheEdge).toEqual([]);
    expect(fit.sideways).toBeLessThanOrEqual(0);
  } finally {
    await page.setViewportSize(viewport);
  }
}

/**
 * Waits (up to 5 s) until the focused element matches `selector`. Islands move focus in an effect
 * after paint, so an immediate check races the page on a loaded machine; this still fails, naming
 * what has focus instead, when focus never arrives.
 */
export async function expectFocusOn(page: Page, selector: string): Promise<void> {
  try {
    await page.waitForFunction((s) => document.activeElement?.matches(s) ?? false, selector, { timeout: 5000 });
  } catch {
    const actual = await page.evaluate(() => {
      const el = document.activeElement;
      return el ? `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className ? '.' + String(el.className).split(' ').join('.') : ''}` : 'tidak ada';
    });
    throw new Error(`fokus tidak sampai ke ${selector}; fokus ada di ${actual}`);
  }
}

/**
 * Holds back the scripts matching `url` as a slow link does, so a test can type before a form's
 * script runs. `requested` resolves once the page asked for one; `release` lets them through.
 */
export async function holdScript(page: Page, url: RegExp): Promise<{ requested: Promise<void>; release: () => void }> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let asked!: () => void;
  const requested = new Promise<void>((resolve) => (asked = resolve));
  await page.route(url, async (route) => {
    asked();
    await held;
    await route.continue();
  });
  return { requested, release };
}

/**
 * What the address says, once the page has written it. Islands write the address (?q=, ?kode=,
 * filters) in an effect after they draw, so a read right after the drawing races it.
 */
export const expectAddress = (page: Page, read: (url: URL) => string | null) => expect.poll(() => read(new URL(page.url())), { timeout: 5_000 });

/** Every island on the page has hydrated (Astro drops `ssr` from an island once it ran). */
export const islandsHydrated = (page: Page) => page.waitForFunction(() => document.querySelector('astro-island[ssr]') === null);
