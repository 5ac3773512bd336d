import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_DIR, ROOT, SITE_DIR } from '../../scripts/lib/pocketbase.mjs';
import { loadContent } from '../support/content';

// An office that adopts the portal by editing content/ must get a site with nothing of the office
// the code was written for. Built from another office's content (scripts/office.mjs), the site
// holds nothing of the default office: its name, region, town, street, phones, e-mail, kecamatan
// or code prefix. (The other way round proves nothing: Bangka's own pages rightly name Kota
// Banjarbaru, where one of its programmes came from.)
const DEFAULT_CONTENT = path.join(ROOT, 'content');
const IS_DEFAULT = path.resolve(CONTENT_DIR) === path.resolve(DEFAULT_CONTENT);
const OTHER = IS_DEFAULT ? path.join(ROOT, 'tests', 'fixtures', 'office-b') : DEFAULT_CONTENT;

const mine = loadContent();
const theirs = loadContent(OTHER);

/** What names the other office, leaving out any word this office uses too. */
function identityOf(content: ReturnType<typeof loadContent>): string[] {
  const site = content.site[0]!.data;
  return [
    site.officeName,
    site.shortName,
    site.region.name,
    site.address.city,
    site.address.street,
    site.phone,
    site.whatsappDisplay,
    site.whatsapp,
    site.email,
    `${site.trackingPrefix}-`,
    ...content.kecamatan.map((k) => k.data.name),
  ];
}
const ownWords = identityOf(mine).join('\n').toLowerCase();
const FOREIGN = [...new Set(identityOf(theirs))].filter((s) => !ownWords.includes(s.toLowerCase()));

/** The built site's text files (pages, scripts, styles, data); pictures and compressed copies are not text. */
function textFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return textFiles(full);
    return /\.(html|js|css|json|xml|txt|svg|webmanifest)$/.test(name) ? [full] : [];
  });
}

describe.skipIf(IS_DEFAULT)(`the built site names only its own office (${mine.site[0]!.data.officeName})`, () => {
  it('holds no name, place, number or code prefix of the other office', () => {
    expect(FOREIGN.length).toBeGreaterThan(5);
    const found: string[] = [];
    for (const file of textFiles(SITE_DIR)) {
      const text = readFileSync(file, 'utf8');
      for (const word of FOREIGN) if (text.includes(word)) found.push(`${path.relative(SITE_DIR, file)}: ${word}`);
    }
    expect(found).toEqual([]);
  });
});
