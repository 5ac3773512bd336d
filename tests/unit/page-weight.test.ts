import { mkdtempSync, mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gzipSize, measurePage, measureSite } from '../../scripts/lib/page-weight.mjs';

function fixtureSite() {
  const dist = mkdtempSync(path.join(tmpdir(), 'weight-'));
  mkdirSync(path.join(dist, '_astro'));
  mkdirSync(path.join(dist, 'form'));
  writeFileSync(path.join(dist, '_astro', 'site.css'), 'body{color:red}'.repeat(50));
  writeFileSync(path.join(dist, '_astro', 'island.js'), 'import{h as a}from"./chunk.js";const l=()=>import("./lazy.js");export default a;');
  writeFileSync(path.join(dist, '_astro', 'chunk.js'), 'export const h=1;'.repeat(40));
  writeFileSync(path.join(dist, '_astro', 'lazy.js'), 'export const big="' + 'x'.repeat(5000) + '";');
  writeFileSync(path.join(dist, '_astro', 'renderer.js'), 'import"./chunk.js";export default 2;');
  writeFileSync(
    path.join(dist, 'index.html'),
    '<!doctype html><html><head><link rel="stylesheet" href="/_astro/site.css"></head><body><h1>Beranda</h1></body></html>',
  );
  writeFileSync(
    path.join(dist, 'form', 'index.html'),
    '<!doctype html><html><head><link rel="stylesheet" href="/_astro/site.css"><script type="application/ld+json">{"a":1}</script></head><body>' +
      '<astro-island uid="1" component-url="/_astro/island.js" renderer-url="/_astro/renderer.js"></astro-island>' +
      '<script>window.x=1</script></body></html>',
  );
  return dist;
}

describe('page weight helper', () => {
  it('counts no JS for a page without scripts, and the gzip of its HTML and CSS', () => {
    const dist = fixtureSite();
    const home = measurePage(dist, path.join(dist, 'index.html'));
    expect(home.page).toBe('/');
    expect(home.jsBytes).toBe(0);
    expect(home.htmlBytes).toBe(gzipSize(readFileSync(path.join(dist, 'index.html'))));
    expect(home.cssBytes).toBe(gzipSize(readFileSync(path.join(dist, '_astro', 'site.css'))));
    expect(home.requests).toBe(2);
  });

  it('follows static imports of islands once each, skips dynamic imports and JSON data blocks', () => {
    const dist = fixtureSite();
    const form = measurePage(dist, path.join(dist, 'form', 'index.html'));
    const files = ['island.js', 'chunk.js', 'renderer.js'].map((f) => readFileSync(path.join(dist, '_astro', f)));
    const expected = files.reduce((s, f) => s + gzipSize(f), 0) + gzipSize('window.x=1');
    expect(form.jsFiles.sort()).toEqual(['_astro/chunk.js', '_astro/island.js', '_astro/renderer.js']);
    expect(form.jsBytes).toBe(expected);
    expect(form.islands).toBe(1);
  });

  it('lists every page of a site', () => {
    const pages = measureSite(fixtureSite()).map((p) => p.page);
    expect(pages).toEqual(['/', '/form/']);
  });
});
