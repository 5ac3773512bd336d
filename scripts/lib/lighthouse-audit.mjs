// Mobile Lighthouse audits in Debian's Chromium, through Lighthouse's Node API with its
// defaults: mobile form factor and simulated throttling (a Moto G-class phone on slow 4G).
// Never throws: when Lighthouse cannot run here, the result says why instead.
//
// Lighthouse (about 176 MB installed) is for the bench only, so it is not one of the project's
// dependencies: the first bench installs it into node_modules/.cache/portal-bench-lighthouse
// (npm, pinned version), and later benches reuse that. BENCH_LIGHTHOUSE=0 skips the audit.
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const LIGHTHOUSE_VERSION = '13.5.0';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const LIGHTHOUSE_DIR = path.join(ROOT, 'node_modules', '.cache', 'portal-bench-lighthouse');

/**
 * The entry file of Lighthouse: the project's own if one is installed, otherwise the bench's copy,
 * installed first when missing (with a message, since it downloads about 176 MB once).
 */
export function lighthouseEntry({ install = true, log = console.log } = {}) {
  try {
    return createRequire(import.meta.url).resolve('lighthouse');
  } catch {
    // not in the project's node_modules: the bench's own copy
  }
  const fromCache = () => createRequire(path.join(LIGHTHOUSE_DIR, 'package.json')).resolve('lighthouse');
  const installed = path.join(LIGHTHOUSE_DIR, 'node_modules', 'lighthouse', 'package.json');
  if (existsSync(installed) && JSON.parse(readFileSync(installed, 'utf8')).version === LIGHTHOUSE_VERSION) return fromCache();
  if (!install) throw new Error(`Lighthouse ${LIGHTHOUSE_VERSION} is not installed`);
  log(`» Lighthouse ${LIGHTHOUSE_VERSION} is not installed (it is for the bench only, about 176 MB): installing it once into ${path.relative(ROOT, LIGHTHOUSE_DIR)}/ with npm…`);
  execFileSync('npm', ['install', '--prefix', LIGHTHOUSE_DIR, '--no-save', '--no-audit', '--no-fund', '--loglevel=error', `lighthouse@${LIGHTHOUSE_VERSION}`], { stdio: 'inherit' });
  return fromCache();
}

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
export const METRICS = {
  fcpMs: 'first-contentful-paint',
  lcpMs: 'largest-contentful-paint',
  tbtMs: 'total-blocking-time',
  cls: 'cumulative-layout-shift',
  speedIndexMs: 'speed-index',
};

/** Audits each URL in turn in one headless Chromium; scores are 0–100. */
export async function auditPages(urls, { chromePath = '/usr/bin/chromium' } = {}) {
  if (process.env.BENCH_LIGHTHOUSE === '0') return { ran: false, reason: 'skipped (BENCH_LIGHTHOUSE=0)' };
  let lighthouse;
  let chromeLauncher;
  let version;
  try {
    const entry = lighthouseEntry();
    lighthouse = (await import(pathToFileURL(entry).href)).default;
    // chrome-launcher as Lighthouse itself resolves it: it is Lighthouse's dependency, not ours.
    const fromLighthouse = createRequire(entry);
    chromeLauncher = await import(pathToFileURL(fromLighthouse.resolve('chrome-launcher')).href);
    version = JSON.parse(readFileSync(fromLighthouse.resolve('lighthouse/package.json'), 'utf8')).version;
  } catch (err) {
    return { ran: false, reason: `Lighthouse could not be installed or loaded: ${err.message}` };
  }
  let chrome;
  try {
    chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ['--headless=new', '--no-sandbox'], logLevel: 'silent' });
  } catch (err) {
    return { ran: false, version, reason: `Chromium did not start for Lighthouse: ${err.message}` };
  }
  const pages = [];
  try {
    for (const url of urls) {
      try {
        const result = await lighthouse(url, { port: chrome.port, logLevel: 'error', output: 'json', onlyCategories: CATEGORIES });
        const lhr = result?.lhr;
        if (!lhr) throw new Error('no result');
        const scores = Object.fromEntries(CATEGORIES.map((c) => [c, lhr.categories[c]?.score == null ? null : Math.round(lhr.categories[c].score * 100)]));
        const metrics = Object.fromEntries(Object.entries(METRICS).map(([key, id]) => [key, lhr.audits[id]?.numericValue ?? null]));
        pages.push({
          url,
          scores,
          metrics,
          runtimeError: lhr.runtimeError?.message ?? null,
          warnings: lhr.runWarnings ?? [],
          formFactor: lhr.configSettings.formFactor,
          throttling: lhr.configSettings.throttlingMethod,
          benchmarkIndex: lhr.environment?.benchmarkIndex ?? null,
          userAgent: lhr.environment?.hostUserAgent ?? null,
        });
      } catch (err) {
        pages.push({ url, error: String(err?.message ?? err) });
      }
    }
  } finally {
    await chrome.kill();
  }
  return { ran: pages.some((p) => !p.error), version, pages };
}
