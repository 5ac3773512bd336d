import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gzipSize, measureSite, staticModuleGraph } from '../../scripts/lib/page-weight.mjs';
import { SITE_DIR } from '../../scripts/lib/pocketbase.mjs';

const DIST = SITE_DIR;
const KB = 1024;
/** Pages that need an island (the staff workspace is all islands). */
const ISLAND_PAGES = /^\/(cari|lacak|lapor|survei|progres|kinerja|surat|verifikasi)\/$|^\/layanan\/[^/]+\/ajukan\/$|^\/petugas\//;
/** Pages with a form enhanced by a plain script, no framework. */
const SCRIPT_PAGES = /^\/saran\/$/;
/** Every other page is an information page and ships no JavaScript at all. */
const needsJs = (page: string) => ISLAND_PAGES.test(page) || SCRIPT_PAGES.test(page);

function filesIn(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesIn(full) : [full];
  });
}

describe('budgets of the built site', () => {
  it('has been built', () => {
    expect(existsSync(path.join(DIST, 'index.html')), 'dist/ belum ada: jalankan `npm test` (membangun situs dulu)').toBe(true);
  });

  const pages = existsSync(DIST) ? measureSite(DIST) : [];

  it('ships no JavaScript on any page that has neither an island nor a form to enhance', () => {
    const offenders = pages.filter((p) => !needsJs(p.page) && p.jsBytes > 0).map((p) => `${p.page}: ${p.jsBytes} B`);
    expect(pages.length).toBeGreaterThan(0);
    expect(offenders).toEqual([]);
  });

  it('has islands only on the pages that need one', () => {
    expect(pages.filter((p) => p.islands > 0 && !ISLAND_PAGES.test(p.page)).map((p) => p.page)).toEqual([]);
    expect(pages.filter((p) => p.page.endsWith('/ajukan/') && p.islands === 0).map((p) => p.page)).toEqual([]);
  });

  it('keeps the kotak saran at or under 5 KB gzip of JavaScript, without Preact or the PocketBase SDK', () => {
    const saran = pages.filter((p) => SCRIPT_PAGES.test(p.page));
    expect(saran.map((p) => p.page)).toEqual(['/saran/']);
    for (const page of saran) {
      expect(page.islands, page.page).toBe(0);
      expect(page.jsBytes, page.page).toBeGreaterThan(0);
      expect(page.jsBytes, page.page).toBeLessThanOrEqual(5 * KB);
      // One text box does not need a framework or the SDK (the whole of it ships, ~8 KB gzip).
      const code = page.jsFiles.map((f) => readFileSync(path.join(DIST, f), 'utf8')).join('\n');
      expect(code).not.toMatch(/preact|ClientResponseError|pb_auth/);
    }
  });

  it('keeps the application form under 25 KB gzip of JavaScript before a photo is chosen, and its later steps apart', () => {
    const forms = pages.filter((p) => p.page.endsWith('/ajukan/'));
    expect(forms.length).toBeGreaterThan(0);
    // The steps after the first are fetched once the form shows (src/islands/application/later-steps.ts):
    // not before the first step can be used, but counted here so they cannot grow unseen.
    const later = readdirSync(path.join(DIST, '_astro')).find((f) => /^later-steps\.[^.]+\.js$/.test(f));
    expect(later, 'later-steps.*.js tidak ada: langkah berikutnya harus dimuat terpisah').toBeDefined();
    for (const form of forms) {
      expect(form.jsBytes, form.page).toBeLessThanOrEqual(25 * KB);
      // The photo compressor is a dynamic import: it must not be among the files loaded up front.
      expect(form.jsFiles.some((f) => f.includes('photo-compress')), form.page).toBe(false);
      expect(form.jsFiles.some((f) => f.includes('later-steps')), form.page).toBe(false);
      const loaded = new Set(form.jsFiles.map((f) => path.join(DIST, f)));
      const added = [...staticModuleGraph(DIST, `/_astro/${later}`)].filter((f) => !loaded.has(f));
      expect(added.some((f) => f.includes('photo-compress')), form.page).toBe(false);
      const whole = form.jsBytes + added.reduce((sum, f) => sum + gzipSize(readFileSync(f)), 0);
      expect(whole, `${form.page}: semua langkah sebelum foto`).toBeLessThanOrEqual(32 * KB);
    }
  });

  it('keeps /lacak/ under 35 KB gzip of JavaScript before a photo is chosen, the re-upload part included once asked for', () => {
    const lacak = pages.find((p) => p.page === '/lacak/');
    expect(lacak).toBeDefined();
    // Reading a status loads neither the re-upload part nor the photo compressor.
    expect(lacak!.jsFiles.some((f) => /Reupload|photo-compress/.test(f))).toBe(false);
    expect(lacak!.jsBytes).toBeLessThanOrEqual(35 * KB);
    // After "Kirim dokumen": the re-upload chunk and what it imports statically, still before a photo.
    const chunk = readdirSync(path.join(DIST, '_astro')).find((f) => /^Reupload\.[^.]+\.js$/.test(f));
    expect(chunk, 'Reupload.*.js tidak ada: bagian unggah ulang harus dimuat terpisah').toBeDefined();
    const loaded = new Set(lacak!.jsFiles.map((f) => path.join(DIST, f)));
    const added = [...staticModuleGraph(DIST, `/_astro/${chunk}`)].filter((f) => !loaded.has(f));
    expect(added.some((f) => f.includes('photo-compress'))).toBe(false);
    const addedBytes = added.reduce((sum, f) => sum + gzipSize(readFileSync(f)), 0);
    expect(lacak!.jsBytes + addedBytes).toBeLessThanOrEqual(35 * KB);
  });

  it('keeps every staff workspace page under 60 KB gzip of JavaScript (staff use cheap phones too)', () => {
    const workspace = pages.filter((p) => p.page.startsWith('/petugas/'));
    expect(workspace.length).toBeGreaterThan(0);
    expect(workspace.filter((p) => p.jsBytes > 60 * KB).map((p) => `${p.page}: ${p.jsBytes} B`)).toEqual([]);
  });

  it('keeps every page at or under 30 KB gzip of HTML plus CSS', () => {
    const heavy = pages.filter((p) => p.htmlBytes + p.cssBytes > 30 * KB).map((p) => `${p.page}: ${((p.htmlBytes + p.cssBytes) / KB).toFixed(1)} KB`);
    expect(heavy).toEqual([]);
  });

  it('uses no web fonts', () => {
    const files = existsSync(DIST) ? filesIn(DIST) : [];
    expect(files.filter((f) => /\.(woff2?|ttf|otf|eot)$/i.test(f))).toEqual([]);
    const css = files.filter((f) => f.endsWith('.css')).map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(css).not.toMatch(/@font-face/i);
    const html = files.filter((f) => f.endsWith('.html')).map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(html).not.toMatch(/fonts\.(googleapis|gstatic)|@font-face/i);
  });
});
