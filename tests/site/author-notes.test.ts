// An official must be able to read every public page without meeting a note meant for the
// authors (issue 15), and every value the office has not confirmed is marked as such.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUTHOR_NOTE_PATTERNS, AWAITING_TEXT, isAwaiting } from '../../src/lib/provenance';
import { loadContent } from '../support/content';

const DIST = path.resolve(import.meta.dirname, '..', '..', 'dist');

function publicFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return publicFiles(full);
    return /\.(html|json|xml|txt)$/.test(name) ? [full] : [];
  });
}

/** Visible text and attribute values of a page, without scripts' code. */
const textOf = (html: string) => html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, ' ');

describe('no author notes on public pages', () => {
  const files = existsSync(DIST) ? publicFiles(DIST) : [];
  const content = loadContent();

  it('has a built site to read', () => {
    expect(files.length, 'dist/ belum ada: jalankan `npm run build`').toBeGreaterThan(0);
  });

  it('shows no seed reference, scan remark or "dirumuskan untuk portal" on any page', () => {
    const found: string[] = [];
    for (const file of files) {
      const text = textOf(readFileSync(file, 'utf8'));
      for (const pattern of AUTHOR_NOTE_PATTERNS) {
        const m = pattern.exec(text);
        if (m) found.push(`${path.relative(DIST, file)}: "${text.slice(Math.max(0, m.index - 40), m.index + 40)}"`);
      }
    }
    expect(found).toEqual([]);
  });

  it('never prints an authors\u2019 source note from content/', () => {
    const notes = [...content.services, ...content.sops]
      .flatMap((e) => [e.data.source.note, ...('steps' in e.data ? e.data.steps.map((s) => s.sourceNote) : [])])
      .filter((n): n is string => Boolean(n))
      .map((n) => n.replace(/\s+/g, ' ').slice(0, 60));
    expect(notes.length).toBeGreaterThan(0);
    const pages = files.map((f) => textOf(readFileSync(f, 'utf8')));
    expect(notes.filter((n) => pages.some((p) => p.includes(n)))).toEqual([]);
  });

  it('marks an SOP value awaiting confirmation with the one neutral wording, and a draft SOP carries no approval line', () => {
    for (const sop of content.sops) {
      const file = path.join(DIST, 'sop', sop.id, 'index.html');
      if (!existsSync(file)) continue;
      const html = readFileSync(file, 'utf8');
      if (sop.data.awaitingConfirmation.length > 0) expect(html, sop.id).toContain(AWAITING_TEXT);
      if (isAwaiting(sop.data.awaitingConfirmation, 'legalBasis')) {
        for (const law of sop.data.legalBasis) expect(html, sop.id).not.toContain(law);
      }
      if (sop.data.source.status === 'rancangan') expect(html, sop.id).not.toContain('Disahkan oleh');
      else expect(html, sop.id).toContain('Disahkan oleh');
    }
  });

  it('shows opening hours the office has not confirmed on no page', () => {
    const site = content.site[0]!.data;
    if (!isAwaiting(site.awaitingConfirmation, 'openingHours')) return;
    const shown = files.filter((f) => site.openingHours.some((h) => readFileSync(f, 'utf8').includes(`${h.open}–${h.close}`)));
    expect(shown.map((f) => path.relative(DIST, f))).toEqual([]);
  });
});
