import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { measureSite } from '../../scripts/lib/page-weight.mjs';
import { SITE_DIR } from '../../scripts/lib/pocketbase.mjs';

const DIST = SITE_DIR;
const pages = measureSite(DIST).filter((p) => p.file.endsWith('.html'));

/** The page's CSP <meta> as directive name → sources. */
function policyOf(html: string): Map<string, string[]> {
  const metas = [...html.matchAll(/<meta http-equiv="content-security-policy" content="([^"]*)"/gi)];
  expect(metas, 'one CSP <meta> per page').toHaveLength(1);
  const policy = new Map<string, string[]>();
  for (const directive of metas[0]![1]!.split(';')) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (name) policy.set(name, sources);
  }
  return policy;
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('Content-Security-Policy of the built site', () => {
  it('is on every page, with no unsafe-inline or unsafe-eval anywhere', () => {
    expect(pages.length).toBeGreaterThan(20);
    for (const page of pages) {
      const policy = policyOf(readFileSync(page.file, 'utf8'));
      expect(policy.get('default-src'), page.page).toEqual(["'self'"]);
      expect(policy.get('object-src'), page.page).toEqual(["'none'"]);
      for (const [name, sources] of policy) {
        expect(sources, `${page.page} ${name}`).not.toContain("'unsafe-inline'");
        expect(sources, `${page.page} ${name}`).not.toContain("'unsafe-eval'");
      }
    }
  });

  it('allows each inline script and style by its hash, and nothing inline that a hash cannot allow', () => {
    for (const page of pages) {
      const html = readFileSync(page.file, 'utf8');
      const policy = policyOf(html);
      for (const [, body] of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
        expect(policy.get('script-src'), `${page.page}: inline script ${body!.slice(0, 60)}`).toContain(sha256(body!));
      }
      for (const [, body] of html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)) {
        expect(policy.get('style-src'), `${page.page}: inline style ${body!.slice(0, 60)}`).toContain(sha256(body!));
      }
      // Attributes are not covered by hashes: an onclick= or style= would be refused in the browser.
      expect(html.match(/<[^>]+\s(?:on[a-z]+|style)="[^"]*"/g), page.page).toBeNull();
    }
  });
});
