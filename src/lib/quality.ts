// Figures for the quality page (/mutu/), read at build time from the latest results on this
// machine: `npm test` writes test-results/vitest-fast.json (unit, site) and vitest-servers.json
// (integration, journey; absent when the fast ones failed) and vitest-office-b.json (the second
// office's subset, tests/fixtures/office-b), `npm run bench` writes
// bench-results/report.json. Either may be missing; the page then says so instead of claiming.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface TestSummary {
  date: string;
  passed: number;
  failed: number;
  total: number;
  /** The accessibility checks (axe on every page, reflow at 200% zoom, keyboard), in Indonesian, with their results. */
  accessibility: { check: string; passed: number; failed: number }[];
}

export interface BenchSummary {
  date: string;
  pages: number;
  /** Largest page: HTML + CSS + JS, gzip bytes, and its path. */
  heaviest: { page: string; bytes: number } | null;
  /** Median page weight, gzip bytes. */
  medianBytes: number | null;
  /** Information pages (no island) that ship JavaScript: should be 0. */
  pagesWithJsWithoutIsland: number;
  lighthouse: { page: string; scores: Record<string, number | null> }[];
}

interface VitestJson {
  startTime: number;
  numPassedTests: number;
  numFailedTests: number;
  numTotalTests: number;
  testResults: { name: string; assertionResults: { fullName: string; status: string }[] }[];
}

interface BenchJson {
  date: string;
  pages?: { page: string; htmlBytes: number; cssBytes: number; jsBytes: number; islands?: number }[];
  lighthouse?: { pages?: { page?: string; url: string; scores?: Record<string, number | null>; error?: string }[] };
}

/** Test files whose results the page reports as accessibility checks, and how it names them. */
const ACCESSIBILITY_CHECKS: { file: RegExp; check: string }[] = [
  { file: /all-pages\.test\.ts$/, check: 'Setiap halaman diperiksa dengan axe (WCAG 2.2 AA) di layar ponsel 360 px dan layar komputer 1280 px' },
  { file: /reflow\.test\.ts$/, check: 'Setiap halaman pada perbesaran 200% di ponsel 360 px: tidak perlu digeser ke samping' },
  { file: /keyboard\.test\.ts$/, check: 'Alur utama dapat dipakai hanya dengan papan ketik' },
];

function readJson<T>(file: string): T | null {
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

/** The last `npm test`: its vitest reports (unit and site, servers, the second office's subset) as one. */
function lastTestRun(root: string): VitestJson | null {
  const parts = ['vitest-fast.json', 'vitest-servers.json', 'vitest-office-b.json'].map((f) => readJson<VitestJson>(path.join(root, 'test-results', f))).filter((j): j is VitestJson => j !== null);
  if (parts.length === 0) return null;
  return {
    startTime: Math.min(...parts.map((p) => p.startTime)),
    numPassedTests: parts.reduce((n, p) => n + p.numPassedTests, 0),
    numFailedTests: parts.reduce((n, p) => n + p.numFailedTests, 0),
    numTotalTests: parts.reduce((n, p) => n + p.numTotalTests, 0),
    testResults: parts.flatMap((p) => p.testResults),
  };
}

export function testSummary(root: string): TestSummary | null {
  const json = lastTestRun(root);
  if (!json) return null;
  return {
    date: new Date(json.startTime).toISOString(),
    passed: json.numPassedTests,
    failed: json.numFailedTests,
    total: json.numTotalTests,
    accessibility: ACCESSIBILITY_CHECKS.flatMap(({ file, check }) => {
      const results = json.testResults.filter((f) => file.test(f.name)).flatMap((f) => f.assertionResults);
      if (results.length === 0) return [];
      return [{ check, passed: results.filter((a) => a.status === 'passed').length, failed: results.filter((a) => a.status === 'failed').length }];
    }),
  };
}

export function benchSummary(root: string): BenchSummary | null {
  const json = readJson<BenchJson>(path.join(root, 'bench-results', 'report.json'));
  if (!json) return null;
  const weights = (json.pages ?? []).map((p) => ({ page: p.page, bytes: p.htmlBytes + p.cssBytes + p.jsBytes, jsWithoutIsland: (p.islands ?? 0) === 0 && p.jsBytes > 0 }));
  const sorted = [...weights].sort((a, b) => a.bytes - b.bytes);
  return {
    date: json.date,
    pages: weights.length,
    heaviest: sorted.at(-1) ? { page: sorted.at(-1)!.page, bytes: sorted.at(-1)!.bytes } : null,
    medianBytes: sorted.length ? sorted[Math.floor(sorted.length / 2)]!.bytes : null,
    pagesWithJsWithoutIsland: weights.filter((w) => w.jsWithoutIsland).length,
    lighthouse: (json.lighthouse?.pages ?? []).filter((p) => p.scores && !p.error).map((p) => ({ page: p.page ?? new URL(p.url).pathname, scores: p.scores! })),
  };
}
