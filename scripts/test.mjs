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

/** One vitest run; its JSON report's counts join the totals. Returns whether everything passed. */
async function vitest(label, args) {
  const jsonFile = path.join(resultsDir, `vitest-${label}.json`);
  rmSync(jsonFile, { force: true });
  const vitestArgs = [
    path.join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'),
    'run',
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
        failures.push(path.relative(ROOT, suite.name));
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
if (extraArgs.length > 0) {
  // `npm test -- <filter or flags>`: one run, as asked.
  await vitest('all', extraArgs);
} else if (await vitest('fast', ['--project', 'unit', '--project', 'site'])) {
  // The seconds-long checks first: when the rules or the built site are wrong, the minutes of
  // PocketBase and Chromium tests after them would only repeat the news.
  await vitest('servers', ['--project', 'integration', '--project', 'journey']);
} else {
  failures.push('integration dan journey tidak dijalankan: unit/site gagal lebih dulu');
}

if (failures.length) console.error(`\nGagal: ${failures.join(', ')}`);
console.log(`\n${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed > 0 ? 1 : 0);
