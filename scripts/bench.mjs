// `npm run bench`: figures, not pass/fail (these machines are shared and noisy).
// Prints the weight of every built page; later work adds intake and tracking figures.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { runAstro } from './lib/site.mjs';
import { ROOT } from './lib/pocketbase.mjs';
import { measureSite } from './lib/page-weight.mjs';

const dist = path.join(ROOT, 'dist');
if (!existsSync(path.join(dist, 'index.html')) || process.env.BENCH_BUILD === '1') {
  await runAstro(['build'], { quiet: true });
}
const pages = measureSite(dist);
const kb = (n) => (n / 1024).toFixed(1);
console.log('Page weight (gzip, KB):');
console.table(
  pages.map((p) => ({ page: p.page, html: kb(p.htmlBytes), css: kb(p.cssBytes), js: kb(p.jsBytes), 'html+css': kb(p.htmlBytes + p.cssBytes), requests: p.requests })),
);
const heaviest = pages.reduce((a, b) => (a.htmlBytes + a.cssBytes + a.jsBytes > b.htmlBytes + b.cssBytes + b.jsBytes ? a : b));
const lightest = pages.reduce((a, b) => (a.htmlBytes + a.cssBytes + a.jsBytes < b.htmlBytes + b.cssBytes + b.jsBytes ? a : b));
const total = (p) => p.htmlBytes + p.cssBytes + p.jsBytes;
console.log(`pages: ${pages.length}; heaviest ${heaviest.page} ${kb(total(heaviest))} KB; lightest ${lightest.page} ${kb(total(lightest))} KB; ratio ${(total(heaviest) / total(lightest)).toFixed(1)}×`);
