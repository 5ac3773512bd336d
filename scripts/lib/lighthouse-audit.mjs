// Mobile Lighthouse audits in Debian's Chromium, through Lighthouse's Node API with its
// defaults: mobile form factor and simulated throttling (a Moto G-class phone on slow 4G).
// Never throws: when Lighthouse cannot run here, the result says why instead.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

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
  let lighthouse;
  let chromeLauncher;
  try {
    lighthouse = (await import('lighthouse')).default;
    // chrome-launcher as Lighthouse itself resolves it: it is Lighthouse's dependency, not ours.
    const fromLighthouse = createRequire(import.meta.resolve('lighthouse'));
    chromeLauncher = await import(pathToFileURL(fromLighthouse.resolve('chrome-launcher')).href);
  } catch (err) {
    return { ran: false, reason: `Lighthouse is not installed or cannot load: ${err.message}` };
  }
  const version = JSON.parse((await import('node:fs')).readFileSync(createRequire(import.meta.url).resolve('lighthouse/package.json'), 'utf8')).version;
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
