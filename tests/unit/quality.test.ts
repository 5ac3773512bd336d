// The quality page states only what the latest results say, and nothing when there are none.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { benchSummary, testSummary } from '../../src/lib/quality';

const root = mkdtempSync(path.join(tmpdir(), 'portal-quality-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('quality figures', () => {
  it('are absent, not invented, without results', () => {
    expect(testSummary(root)).toBeNull();
    expect(benchSummary(root)).toBeNull();
  });

  it('come from npm test’s two reports in test-results/ and bench-results/report.json', () => {
    mkdirSync(path.join(root, 'test-results'));
    mkdirSync(path.join(root, 'bench-results'));
    // npm test writes two reports: unit and site first, then integration and journey.
    writeFileSync(
      path.join(root, 'test-results', 'vitest-fast.json'),
      JSON.stringify({
        startTime: Date.UTC(2026, 10, 30, 7, 0),
        numPassedTests: 4,
        numFailedTests: 0,
        numTotalTests: 4,
        testResults: [{ name: '/x/tests/unit/format.test.ts', assertionResults: [{ fullName: 'formats dates', status: 'passed' }] }],
      }),
    );
    writeFileSync(
      path.join(root, 'test-results', 'vitest-servers.json'),
      JSON.stringify({
        startTime: Date.UTC(2026, 10, 30, 7, 1),
        numPassedTests: 5,
        numFailedTests: 1,
        numTotalTests: 6,
        testResults: [
          { name: '/x/tests/journey/all-pages.test.ts', assertionResults: [{ fullName: 'every page passes axe at 360 px', status: 'passed' }] },
          { name: '/x/tests/journey/reflow.test.ts', assertionResults: [{ fullName: 'no page scrolls sideways', status: 'failed' }] },
        ],
      }),
    );
    // …and a third for the second office's subset (tests/fixtures/office-b).
    writeFileSync(
      path.join(root, 'test-results', 'vitest-office-b.json'),
      JSON.stringify({
        startTime: Date.UTC(2026, 10, 30, 7, 9),
        numPassedTests: 2,
        numFailedTests: 0,
        numTotalTests: 2,
        testResults: [{ name: '/x/tests/site/pages.test.ts', assertionResults: [{ fullName: 'every service page', status: 'passed' }, { fullName: 'every SOP page', status: 'passed' }] }],
      }),
    );
    writeFileSync(
      path.join(root, 'bench-results', 'report.json'),
      JSON.stringify({
        date: '2026-11-30T08:00:00.000Z',
        pages: [
          { page: '/', htmlBytes: 3000, cssBytes: 2000, jsBytes: 0, islands: 0 },
          { page: '/lacak/', htmlBytes: 2000, cssBytes: 2000, jsBytes: 9000, islands: 1 },
          { page: '/sop/x/', htmlBytes: 1000, cssBytes: 2000, jsBytes: 500, islands: 0 },
        ],
        lighthouse: { pages: [{ url: 'http://127.0.0.1:1/', scores: { performance: 98, accessibility: 100 } }, { url: 'http://127.0.0.1:1/lacak/', error: 'timeout' }] },
      }),
    );
    const tests = testSummary(root)!;
    expect(tests).toMatchObject({ passed: 11, failed: 1, total: 12, date: '2026-11-30T07:00:00.000Z' });
    expect(tests.accessibility.map((a) => [a.passed, a.failed])).toEqual([
      [1, 0],
      [0, 1],
    ]);
    expect(tests.accessibility[0]!.check).toContain('axe');
    const bench = benchSummary(root)!;
    expect(bench).toMatchObject({ pages: 3, heaviest: { page: '/lacak/', bytes: 13000 }, medianBytes: 5000, pagesWithJsWithoutIsland: 1 });
    expect(bench.lighthouse).toEqual([{ page: '/', scores: { performance: 98, accessibility: 100 } }]);
  });
});
