// 200% zoom on a 360 px phone (issue 15.6, WCAG 1.4.10 Reflow): the page is 180 CSS px wide.
// Chromium has no page-zoom switch for a headless page, so the test gives the page what zoom
// gives it: a 180 × 390 CSS px viewport at device scale 2. No page of the sitemap may scroll
// sideways, the header may take at most 45% of the first screen, and search stays reachable.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PHONE } from '../support/browser';
import { useJourney } from '../support/journey';

const DIST = path.resolve(import.meta.dirname, '..', '..', 'dist');
const sitemap = readFileSync(path.join(DIST, 'sitemap.xml'), 'utf8');
const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!, 'http://x').pathname);
const ZOOMED = { width: PHONE.width / 2, height: PHONE.height / 2 };

const journey = useJourney();

describe('200% zoom on a 360 px phone', () => {
  it('no page scrolls sideways and the header leaves most of the first screen to the page', async () => {
    const { page, close } = await journey.open({ viewport: ZOOMED });
    const problems: string[] = [];
    for (const pathname of paths) {
      await page.goto(pathname);
      const m = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        width: window.innerWidth,
        header: document.querySelector('.site-header')!.getBoundingClientRect().height,
        height: window.innerHeight,
        // Elements that stick out of the page (a wide table scrolls inside its own region instead).
        wide: [...document.querySelectorAll('body *')]
          .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-scroll'))
          .slice(0, 3)
          .map((e) => `${e.tagName.toLowerCase()}.${e.className}`),
      }));
      if (m.scroll > m.width + 1) problems.push(`${pathname}: ${m.scroll} px lebar di layar ${m.width} px (${m.wide.join(', ')})`);
      if (m.header > m.height * 0.45) problems.push(`${pathname}: kepala halaman ${Math.round(m.header)} px dari ${m.height} px layar pertama`);
    }
    await page.goto('/');
    const search = page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Cari' });
    expect(await search.isVisible()).toBe(true);
    await close();
    expect(problems).toEqual([]);
  });

  it('keeps the search box in the header at normal zoom', async () => {
    const { page, close } = await journey.open({ viewport: PHONE });
    await page.goto('/');
    expect(await page.getByRole('searchbox', { name: 'Cari layanan atau SOP' }).isVisible()).toBe(true);
    expect(await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Cari' }).isVisible()).toBe(false);
    await close();
  });
});
