import { describe, expect, it } from 'vitest';
import { checkLoadedContent, formatProblems } from '../../src/lib/content-checks';
import { loadContent } from '../support/content';

// Every file in content/ against its schema and the cross-file checks, without a build.
describe('content/ as it is in the repository', () => {
  const content = loadContent();

  it('has exactly one site identity', () => {
    expect(content.site.map((s) => s.id)).toEqual(['site']);
  });

  it('passes the cross-file checks', () => {
    const problems = checkLoadedContent(content);
    expect(formatProblems(problems)).toBe('');
  });
});
