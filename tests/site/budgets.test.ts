import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { measureSite } from '../../scripts/lib/page-weight.mjs';

const DIST = path.resolve(import.meta.dirname, '..', '..', 'dist');

describe('budgets of the built site', () => {
  it('has been built', () => {
    expect(existsSync(path.join(DIST, 'index.html')), 'dist/ ontbreekt: jalankan `npm test` (membangun situs dulu)').toBe(true);
  });

  const pages = existsSync(DIST) ? measureSite(DIST) : [];

  it('ships no JavaScript on any page without an island', () => {
    const offenders = pages.filter((p) => p.islands === 0 && p.jsBytes > 0).map((p) => `${p.page}: ${p.jsBytes} B`);
    expect(pages.length).toBeGreaterThan(0);
    expect(offenders).toEqual([]);
  });
});
