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

const resultsDir = path.join(ROOT, 'test-results');
mkdirSync(resultsDir, { recursive: true });

/**
 * Runs vitest (through `command`, a script that ends in vitest) with a JSON report and adds its
 * counts to the results; `label` names its failures.
 */
async function vitestRun(label, command, args) {
  const jsonFile = path.join(resultsDir, `${label}.json`);
  rmSync(jsonFile, { force: true });
  const code = await new Promise((resolve) => {
    const child = spawn(process.execPath, [...command, '--reporter=default', '--reporter=json', `--outputFile.json=${jsonFile}`, ...args], { cwd: ROOT, stdio: 'inherit', env: process.env });
    child.on('exit', (c) => resolve(c ?? 1));
  });
  const failedBefore = results.failed;
  if (existsSync(jsonFile)) {
    const report = JSON.parse(readFileSync(jsonFile, 'utf8'));
    results.passed += report.numPassedTests ?? 0;
    results.failed += report.numFailedTests ?? 0;
    // A test file that fails to load has no failed test in it, but it is a failure.
    for (const suite of report.testResults ?? []) {
      if (suite.status === 'failed' && (suite.assertionResults ?? []).every((a) => a.status !== 'failed')) {
        results.failed++;
        failures.push(`${label}: ${path.relative(ROOT, suite.name)}`);
      }
    }
  } else {
    results.failed++;
    failures.push(`${label} (no report written)`);
  }
  if (code !== 0 && results.failed === failedBefore) {
    results.failed++;
    failures.push(`${label} exited with code ${code}`);
  }
}

const VITEST = [path.join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run'];
await vitestRun('vitest', VITEST, process.argv.slice(2));

// The second office (tests/fixtures/office-b): the site and the server built from its content
// alone, and the tests that read what an office declares (services, documents, questions,
// kecamatan, statuses by meaning, roles, codes, labels) run on it. The choice is justified in
// README.md (Adopting the portal); the rest holds no office-specific path, or repeats these
// templates and routes. Skipped when `npm test` is given a filter.
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
if (process.argv.length <= 2) {
  const started = Date.now();
  await vitestRun('office-b', [path.join(ROOT, 'scripts', 'office.mjs'), path.join(ROOT, 'tests', 'fixtures', 'office-b')], OFFICE_B_TESTS);
  console.log(`» Kantor kedua (tests/fixtures/office-b): ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (failures.length) console.error(`\nGagal: ${failures.join(', ')}`);
console.log(`\n${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed > 0 ? 1 : 0);
