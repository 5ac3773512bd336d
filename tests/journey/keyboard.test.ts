import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DESKTOP } from '../support/browser';
import { useJourney } from '../support/journey';
import { VECTOR_SERVICE } from '../support/application';

// The content's sample service and its SOP (Bangka: alat bantu).
const SERVICE_PATH = `/layanan/${VECTOR_SERVICE.id}/`;
const SOP_PATH = `/sop/${VECTOR_SERVICE.data.sop}/`;

const journey = useJourney();

interface Focused {
  tag: string;
  text: string;
  visibleIndicator: boolean;
  inViewport: boolean;
}

/** What has focus now, and whether a sighted keyboard user can see where it is. */
async function focused(page: Page): Promise<Focused | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const rect = el.getBoundingClientRect();
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== 'none';
    return {
      tag: el.tagName.toLowerCase(),
      text: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 60),
      visibleIndicator: outline || shadow,
      inViewport: rect.bottom > 0 && rect.top < window.innerHeight && rect.width > 0,
    };
  });
}

/** Tabs through the whole page; returns every stop. */
async function tabThrough(page: Page, max = 200): Promise<Focused[]> {
  const stops: Focused[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (!f) break;
    if (stops.length > 0 && stops[0]!.text === f.text && stops[0]!.tag === f.tag && i > 2) break;
    stops.push(f);
  }
  return stops;
}

describe('keyboard only', () => {
  for (const [name, pathname, mustReach] of [
    ['home', '/', 'Cari layanan dan ajukan permohonan'],
    ['a service', SERVICE_PATH, 'Daftar periksa dokumen'],
    ['an SOP', SOP_PATH, 'Lihat alur langkah yang mudah dibaca di ponsel'],
  ] as const) {
    it(`${name}: the skip link comes first, every stop shows focus, and the main action is reachable`, async () => {
      const { page, close } = await journey.open({ viewport: DESKTOP });
      await page.goto(pathname);
      await page.keyboard.press('Tab');
      const first = await focused(page);
      expect(first?.text).toBe('Langsung ke isi halaman');
      expect(first?.inViewport).toBe(true);
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('isi');

      await page.goto(pathname);
      const stops = await tabThrough(page);
      expect(stops.length).toBeGreaterThan(5);
      expect(stops.filter((s) => !s.visibleIndicator).map((s) => `${s.tag} "${s.text}"`)).toEqual([]);
      expect(stops.filter((s) => !s.inViewport).map((s) => `${s.tag} "${s.text}"`)).toEqual([]);
      expect(stops.some((s) => s.text.startsWith(mustReach)), `${mustReach} harus dapat dicapai dengan Tab`).toBe(true);
      await close();
    });
  }

  it('the wide SOP table can be scrolled from the keyboard', async () => {
    const { page, close } = await journey.open();
    await page.goto(SOP_PATH);
    const region = page.getByRole('region', { name: 'Langkah dan mutu baku' });
    await region.focus();
    const before = await region.evaluate((el) => el.scrollLeft);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    // Scrolling may be smooth: wait for it rather than read it at once.
    await region.evaluate((el, start) => new Promise<void>((resolve, reject) => {
      const until = Date.now() + 3000;
      const check = () => (el.scrollLeft > start ? resolve() : Date.now() > until ? reject(new Error('tidak bergeser')) : requestAnimationFrame(check));
      check();
    }), before);
    expect(await region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(before);
    await close();
  });
});
