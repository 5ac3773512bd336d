import { describe, expect, it } from 'vitest';
import { checkContent, formatProblems } from '../../src/lib/content-checks';
import { loadContent } from '../support/content';

// Every file in content/ against its schema and the cross-file checks, without a build.
describe('content/ as it is in the repository', () => {
  const content = loadContent();

  it('has exactly one site identity', () => {
    expect(content.site.map((s) => s.id)).toEqual(['site']);
  });

  it('passes the cross-file checks', () => {
    const problems = checkContent({
      services: content.services,
      sops: content.sops,
      programmes: content.programmes,
      ppksIds: new Set(content.ppks.map((p) => p.id)),
      documentTypeIds: new Set(content.documentTypes.map((d) => d.id)),
      statuses: content.statuses,
      reportStatuses: content.reportStatuses,
      reportTypes: content.reportTypes,
    });
    expect(formatProblems(problems)).toBe('');
  });
});
