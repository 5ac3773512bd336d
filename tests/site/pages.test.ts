import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { measureSite } from '../../scripts/lib/page-weight.mjs';
import { loadContent } from '../support/content';
import { SITE_DIR } from '../../scripts/lib/pocketbase.mjs';
import { formatExpectedDays, formatWorkingTime, toMinutes } from '../../src/lib/duration';
import { isPublished } from '../../src/lib/service-rules';

const DIST = SITE_DIR;
const content = loadContent();
const built = (urlPath: string) => path.join(DIST, urlPath, 'index.html');
const html = (urlPath: string) => readFileSync(built(urlPath), 'utf8');

describe('pages generated from content/', () => {
  it('has a page for every published service and a printable checklist for each that asks for documents', () => {
    // A draft the office has not switched on has no pages (tests/site/drafts.test.ts).
    for (const service of content.services.filter((s) => isPublished(s.data, content.sops.find((x) => x.id === s.data.sop)?.data))) {
      expect(existsSync(built(`/layanan/${service.id}/`)), service.id).toBe(true);
      const hasDocs = service.data.documents.length > 0;
      expect(existsSync(built(`/layanan/${service.id}/daftar-periksa/`)), `${service.id} daftar periksa`).toBe(hasDocs);
    }
  });

  it('has a page for every SOP with one table row per step and a column per actor', () => {
    for (const sop of content.sops) {
      const page = html(`/sop/${sop.id}/`);
      const matrix = page.slice(page.indexOf('class="sop-matrix"'));
      const body = matrix.slice(matrix.indexOf('<tbody>'), matrix.indexOf('</tbody>'));
      expect((body.match(/<tr>/g) ?? []).length, sop.id).toBe(sop.data.steps.length);
      const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      for (const actor of sop.data.actors) expect(matrix, `${sop.id} ${actor.label}`).toContain(`>${escapeHtml(actor.label)}</th>`);
    }
  });

  it('shows the expected working days and the standard time computed from the SOP on the service page', () => {
    // Every service declares the days a citizen can expect and its duration, which the build
    // holds equal to its SOP's step times (the officers' working time).
    for (const service of content.services.filter((s) => isPublished(s.data, content.sops.find((x) => x.id === s.data.sop)?.data))) {
      const page = html(`/layanan/${service.id}/`);
      expect(page, service.id).toContain(formatExpectedDays(service.data.expectedTime));
      expect(page, service.id).toContain(formatWorkingTime(toMinutes(service.data.duration)));
      expect(page, service.id).toContain(`href="/sop/${service.data.sop}/"`);
    }
  });

  it('lists every built public page in the sitemap, and nothing that was not built', () => {
    const sitemap = readFileSync(path.join(DIST, 'sitemap.xml'), 'utf8');
    const listed = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!, 'http://x').pathname).sort();
    // The staff workspace is not for search engines (noindex, Workspace.astro), nor are the shells
    // of one letter (/surat/) and of its verification (/verifikasi/<id>), which show nothing alone,
    // nor a page reached only after an action (noindex, e.g. the kotak saran's thanks).
    const pages = measureSite(DIST)
      .filter((p) => !/<meta name="robots" content="noindex/.test(readFileSync(p.file, 'utf8')))
      .map((p) => p.page)
      .filter((p) => p !== '/404.html' && !p.startsWith('/petugas/') && p !== '/surat/' && p !== '/verifikasi/')
      .sort();
    expect(pages).not.toContain('/saran/terkirim/');
    expect(listed).toEqual(pages);
  });

  it('writes dates, money and times the EYD V way on the pages', () => {
    const all = measureSite(DIST).map((p) => readFileSync(p.file, 'utf8')).join('\n');
    expect(all).not.toMatch(/Rp\s\d/); // "Rp1.000", never "Rp 1.000"
    expect(all).not.toMatch(/\b(Pebruari|Nopember|Jum'at)\b/);
    expect(all).not.toMatch(/\b\d{2}:\d{2} (WIB|WITA|WIT)\b/); // "08.00 WIB", never "08:00 WIB"
  });

  it('puts no personal name of an official on any page', () => {
    // The seeds name real officials (with their NIP); the portal names positions only.
    const all = measureSite(DIST).map((p) => readFileSync(p.file, 'utf8')).join('\n');
    expect(all).not.toMatch(/NIP\.?\s*\d{8}/);
  });
});
