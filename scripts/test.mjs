// `npm test`: type check, site build, then every vitest project (unit, site, integration,
// journey). Ends with one plain line "N passed, N failed" counting all of them, and exits
// non-zero on any failure.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { runAstro } from './lib/site.mjs';
import { ROOT } from './lib/pocketbase.mjs';
import { checkServer } from './lib/server-build.mjs';

process.env.ASTRO_TELEMETRY_DISABLED = '1';
const results = { passed: 0, failed: 0 };
const failures = [];

async function step(name, fn) {
  const started = Date.now();
  try {
    await fn();
    results.passed++;
    console.log(`✔ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (err) {
    results.failed++;
    failures.push(name);
    console.error(`✖ ${name}\n${err.output ?? err.message}`);
  }
}

await step('type check (astro check)', async () => {
  const out = await runAstro(['check'], { quiet: true });
  const summary = out.split('\n').filter((l) => /Result|error|warning|hint/.test(l)).slice(-3).join('\n');
  if (summary) console.log(summary);
});
// The generated server files are committed: a change to content/ or the rules without
// `npm run build` would reach production stale, so this only checks (tests regenerate for
// themselves in tests/support/global-setup.ts, and still count this as a failure).
await step('server files match content/ and the rules (npm run build)', async () => {
  const problems = checkServer();
  if (problems.length > 0) throw new Error(problems.join('\n'));
});
await step('site build (astro build)', async () => {
  await runAstro(['build'], { quiet: true });
});

const VITEST = [path.join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run'];
const resultsDir = path.join(ROOT, 'test-results');
mkdirSync(resultsDir, { recursive: true });

/**
 * One vitest run (through `command`, a script that ends in vitest run: vitest itself, or
 * scripts/office.mjs for another office); its JSON report, test-results/vitest-<label>.json, joins
 * the totals and the quality page's figures (src/lib/quality.ts). Returns whether everything passed.
 */
async function vitest(label, args, command = VITEST) {
  const jsonFile = path.join(resultsDir, `vitest-${label}.json`);
  rmSync(jsonFile, { force: true });
  const vitestArgs = [
    ...command,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${jsonFile}`,
    ...args,
  ];
  const failedBefore = results.failed;
  const code = await new Promise((resolve) => {
    const child = spawn(process.execPath, vitestArgs, { cwd: ROOT, stdio: 'inherit', env: process.env });
    child.on('exit', (exitCode) => resolve(exitCode ?? 1));
  });
  if (existsSync(jsonFile)) {
    const report = JSON.parse(readFileSync(jsonFile, 'utf8'));
    results.passed += report.numPassedTests ?? 0;
    results.failed += report.numFailedTests ?? 0;
    // A test file that fails to load has no failed test in it, but it is a failure.
    for (const suite of report.testResults ?? []) {
      if (suite.status === 'failed' && (suite.assertionResults ?? []).every((a) => a.status !== 'failed')) {
        results.failed++;
        failures.push(`${label === 'office-b' ? 'office-b: ' : ''}${path.relative(ROOT, suite.name)}`);
      }
    }
  } else {
    results.failed++;
    failures.push(`vitest ${label} (no report written)`);
  }
  if (code !== 0 && results.failed === failedBefore) {
    results.failed++;
    failures.push(`vitest ${label} exited with code ${code}`);
  }
  return results.failed === failedBefore;
}

const extraArgs = process.argv.slice(2);
// A full run starts without the last run's reports, so a stage not run this time leaves none
// for the quality page to sum.
if (extraArgs.length === 0) for (const f of ['fast', 'servers', 'office-b']) rmSync(path.join(resultsDir, `vitest-${f}.json`), { force: true });
let fastPassed = false;
if (extraArgs.length > 0) {
  // `npm test -- <filter or flags>`: one run, as asked.
  await vitest('all', extraArgs);
} else if ((fastPassed = await vitest('fast', ['--project', 'unit', '--project', 'site']))) {
  // The seconds-long checks first: when the rules or the built site are wrong, the minutes of
  // PocketBase and Chromium tests after them would only repeat the news.
  await vitest('servers', ['--project', 'integration', '--project', 'journey']);
} else {
  failures.push('integration dan journey tidak dijalankan: unit/site gagal lebih dulu');
}

// The second office (tests/fixtures/office-b): the site and the server built from its content
// alone, and the tests that read what an office declares (services, documents, questions,
// kecamatan, statuses by meaning, roles, codes, labels) run on it. The choice is justified in
// README.md (Adopting the portal); the rest holds no office-specific path, or repeats these
// templates and routes. Skipped when `npm test` is given a filter, or when unit/site failed.
const OFFICE_B_TESTS = [
  'tests/site/pages.test.ts',
  'tests/site/csp.test.ts',
  'tests/site/budgets.test.ts',
  'tests/site/other-office.test.ts',
  'tests/integration/permohonan-api.test.ts',
  'tests/integration/lacak-api.test.ts',
  'tests/integration/laporan-api.test.ts',
  'tests/integration/hostile-input.test.ts',
  'tests/integration/statistik-api.test.ts',
  'tests/integration/survei-api.test.ts',
  'tests/journey/permohonan.test.ts',
  'tests/journey/lacak.test.ts',
  'tests/journey/lapor.test.ts',
  'tests/journey/find-service.test.ts',
];
if (fastPassed) {
  const started = Date.now();
  await vitest('office-b', OFFICE_B_TESTS, [path.join(ROOT, 'scripts', 'office.mjs'), path.join(ROOT, 'tests', 'fixtures', 'office-b')]);
  console.log(`» Kantor kedua (tests/fixtures/office-b): ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (failures.length) console.error(`\nGagal: ${failures.join(', ')}`);
console.log(`\n${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed > 0 ? 1 : 0);
