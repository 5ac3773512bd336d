import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE } from '../support/browser';
import { expectAccessible, useJourney } from '../support/journey';
import { SITE_DIR } from '../../scripts/lib/pocketbase.mjs';

// Every page in the sitemap, at phone and desktop width: axe finds nothing, nothing overflows the
// screen sideways (wide tables scroll inside their own region), nothing jumps while islands
// load (layout shift below 0.1, "good" in Core Web Vitals), and nothing errors.
const DIST = SITE_DIR;
const sitemap = readFileSync(path.join(DIST, 'sitemap.xml'), 'utf8');
const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!, 'http://x').pathname);

const journey = useJourney();

describe('every page in the sitemap', () => {
  it('lists pages to check', () => {
    expect(paths.length).toBeGreaterThanOrEqual(8);
  });

  for (const viewport of [PHONE, DESKTOP]) {
    // The two widths at once, in two tabs: the file is the longest of the journeys, and one tab often waits.
    it.concurrent(`passes axe and fits a ${viewport.width} px screen`, async () => {
      const { page, consoleErrors, close } = await journey.open({ viewport });
      await page.addInitScript(() => {
        const w = window as unknown as { __layoutShift: number };
        w.__layoutShift = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
            if (!entry.hadRecentInput) w.__layoutShift += entry.value;
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      const problems: string[] = [];
      for (const pathname of paths) {
        const res = await page.goto(pathname);
        if (res?.status() !== 200) problems.push(`${pathname}: status ${res?.status()}`);
        try {
          await expectAccessible(page);
        } catch (err) {
          problems.push((err as Error).message);
        }
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        if (overflow > 0) problems.push(`${pathname}: melebar ${overflow} px ke samping`);
        const shift = await page.evaluate(() => (window as unknown as { __layoutShift: number }).__layoutShift);
        if (shift >= 0.1) problems.push(`${pathname}: tata letak bergeser ${shift.toFixed(3)} saat dimuat`);
      }
      expect(problems).toEqual([]);
      expect(consoleErrors).toEqual([]);
      await close();
    }, 300_000);
  }

  it('answers an unknown address with the 404 page and status 404', async () => {
    const { page, close } = await journey.open();
    const res = await page.goto('/layanan/tidak-ada/');
    expect(res?.status()).toBe(404);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Halaman tidak ditemukan');
    await expectAccessible(page);
    await close();
  });
});
