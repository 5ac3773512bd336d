// The printed checklist and the SOP say the same thing about originals and photocopies (one
// sentence in content/site/site.yaml), and the checklist keeps the recipient's documents apart
// from the applicant's own. Everything is read from content/.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent, SITE } from '../support/content';
import { documentCondition } from '../../src/lib/rules/applicant';
import { isPublished } from '../../src/lib/service-rules';

const DIST = path.resolve(import.meta.dirname, '..', '..', 'dist');
const content = loadContent();
const site = content.site[0]!.data;
const html = (urlPath: string) => readFileSync(path.join(DIST, urlPath, 'index.html'), 'utf8');
const text = (page: string) => page.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ');
// Only published services have pages (a draft stays hidden unless the office shows it).
const withDocs = content.services.filter((s) => s.data.documents.length > 0 && isPublished(s.data, content.sops.find((x) => x.id === s.data.sop)?.data));

describe('originals and photocopies, said once', () => {
  it.runIf(site.documentCopies)('appear on every printable checklist and at the first step of every SOP a service uses', () => {
    for (const s of withDocs) expect(text(html(`/layanan/${s.id}/daftar-periksa/`)), s.id).toContain(site.documentCopies!);
    for (const sopId of new Set(withDocs.map((s) => s.data.sop))) {
      const page = text(html(`/sop/${sopId}/`));
      const first = content.sops.find((x) => x.id === sopId)!.data.steps[0]!;
      if (first.inputs) expect(page, sopId).toContain(site.documentCopies!);
    }
  });

  it('no document hint says otherwise', () => {
    for (const d of content.documentTypes) expect(d.data.hint, d.id).not.toMatch(/fotokopi/i);
  });
});

describe('the checklist separates the two persons', () => {
  it("lists the applicant's own documents under their own heading, with when each is asked", () => {
    for (const s of withDocs) {
      const page = text(html(`/layanan/${s.id}/daftar-periksa/`));
      const own = s.data.documents.filter((d) => d.of === 'pengaju');
      expect(page.includes('Dokumen orang yang mengajukan atas nama penerima'), s.id).toBe(own.length > 0);
      for (const d of s.data.documents) {
        const condition = documentCondition(d, SITE.villages);
        if (condition) expect(page, `${s.id} ${d.key}`).toContain(condition);
      }
    }
  });
});
