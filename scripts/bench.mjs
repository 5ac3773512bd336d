// `npm run bench`: figures, not pass/fail (these machines are shared and noisy). Prints and
// writes bench-results/report.{md,json}:
//   - the weight of every built page (gzip HTML, CSS, JS, requests);
//   - the application form's JS before and after a photo is chosen (budget 35 KB before);
//   - compression of a 12-megapixel document photo in Chromium (bytes in/out, ms);
//   - intake: submissions per second with three compressed photos each against a local
//     PocketBase, at 1 and 10 concurrent senders, with errors and lost submissions counted.
import { existsSync, mkdirSync, writeFileSync, readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import PocketBase from 'pocketbase';
import { runAstro } from './lib/site.mjs';
import { ROOT, SITE_DIR, freePort, migrateUp, startPocketBase, upsertSuperuser } from './lib/pocketbase.mjs';
import { buildHookLibs } from './lib/hooks.mjs';
import { measureSite, gzipSize } from './lib/page-weight.mjs';

const KB = 1024;
const kb = (n) => (n / KB).toFixed(1);
const report = { date: new Date().toISOString(), pages: [], form: {}, compression: {}, intake: [] };

buildHookLibs();
if (!existsSync(path.join(SITE_DIR, 'index.html')) || process.env.BENCH_BUILD === '1') await runAstro(['build'], { quiet: true });

// --- Page weight -------------------------------------------------------------------------
const pages = measureSite(SITE_DIR);
report.pages = pages.map(({ file, jsFiles, ...p }) => p);
console.log('Page weight (gzip, KB):');
console.table(pages.map((p) => ({ page: p.page, html: kb(p.htmlBytes), css: kb(p.cssBytes), js: kb(p.jsBytes), requests: p.requests })));

// --- Form JS before and after a photo ---------------------------------------------------------
const form = pages.find((p) => p.page === '/layanan/alat-bantu-disabilitas/ajukan/');
const assetsDir = path.join(SITE_DIR, '_astro');
const compressorChunk = (existsSync(assetsDir) ? readdirSync(assetsDir) : []).find((f) => f.startsWith('photo-compress'));
const compressorBytes = compressorChunk ? gzipSize(readFileSync(path.join(SITE_DIR, '_astro', compressorChunk))) : 0;
report.form = { page: form?.page, jsBeforePhoto: form?.jsBytes, jsAfterPhoto: (form?.jsBytes ?? 0) + compressorBytes, budgetBeforePhoto: 35 * KB };
console.log(`\nForm page JS: ${kb(report.form.jsBeforePhoto)} KB before a photo (budget 35 KB, ${((report.form.jsBeforePhoto / (35 * KB)) * 100).toFixed(0)}% of it), ${kb(report.form.jsAfterPhoto)} KB after (+${kb(compressorBytes)} KB compressor, loaded on demand)`);



// --- Photo compression in Chromium ------------------------------------------------------------
const bundle = (
  await build({
    stdin: { contents: "import { compressImage } from './src/lib/photo-compress'; window.__compress = compressImage;", resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    format: 'esm',
    write: false,
  })
).outputFiles[0].text;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = await (await browser.newContext()).newPage();
await page.setContent('<!doctype html><title>bench</title>');
await page.addScriptTag({ content: bundle, type: 'module' });
await page.waitForFunction(() => '__compress' in window);
const compression = await page.evaluate(async () => {
  // A 12-megapixel "phone photo of a document": noisy background, a page with text.
  const canvas = document.createElement('canvas');
  canvas.width = 4000;
  canvas.height = 3000;
  const ctx = canvas.getContext('2d');
  const img = ctx.createImageData(4000, 3000);
  let seed = 11;
  for (let i = 0; i < img.data.length; i += 4) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    const n = seed % 48;
    img.data[i] = 140 + n;
    img.data[i + 1] = 110 + n;
    img.data[i + 2] = 80 + n;
    img.data[i + 3] = 255;
  }
  ctx.putImageData(img, 0, 0);
  ctx.fillStyle = '#f5f5f0';
  ctx.fillRect(500, 300, 3000, 2400);
  ctx.fillStyle = '#111';
  ctx.font = '90px sans-serif';
  for (let line = 0; line < 18; line++) ctx.fillText(`Baris ${line + 1}: NIK 1901014507800001 NAMA SITI AMINAH`, 600, 450 + line * 125);
  const blob = await new Promise((r) => canvas.toBlob(r, 'image/jpeg', 0.92));
  const file = new File([blob], 'dokumen.jpg', { type: 'image/jpeg' });
  const runs = [];
  let out;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    out = await window.__compress(file);
    runs.push(performance.now() - t);
  }
  const bytes = new Uint8Array(await out.file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { inputBytes: file.size, outputBytes: out.outputBytes, width: out.width, height: out.height, ms: runs.sort((a, b) => a - b)[1], jpeg: btoa(binary) };
});
await browser.close();
const photo = Buffer.from(compression.jpeg, 'base64');
delete compression.jpeg;
report.compression = compression;
console.log(`\n12 MP document photo: ${kb(compression.inputBytes)} KB → ${kb(compression.outputBytes)} KB (${(compression.inputBytes / compression.outputBytes).toFixed(1)}× smaller), ${compression.width}×${compression.height}, median ${compression.ms.toFixed(0)} ms`);

// --- Intake throughput against a local PocketBase -------------------------------------------------
const dataDir = await mkdtemp(path.join(tmpdir(), 'portal-bench-'));
const superuser = { email: 'bench@dinsos.localhost', password: `bench-${randomUUID()}` };
await migrateUp(dataDir);
await upsertSuperuser(dataDir, superuser.email, superuser.password);
const pb = await startPocketBase({ dataDir, port: await freePort(), siteDir: SITE_DIR });
const admin = new PocketBase(pb.url);
await admin.collection('_superusers').authWithPassword(superuser.email, superuser.password);
// Measure the server, not the per-address limiter (which is on in production).
await admin.settings.update({ rateLimits: { enabled: false } });
const version = JSON.parse(readFileSync(path.join(SITE_DIR, 'data', 'portal.json'), 'utf8')).site.privacyNoticeVersion;

function application() {
  const form = new FormData();
  const fields = {
    layanan: 'alat-bantu-disabilitas',
    nama_lengkap: 'Siti Aminah',
    nik: '1901014507800001',
    nomor_kk: '1901010101100001',
    tanggal_lahir: '1980-07-05',
    telepon: '0812-3456-7890',
    kecamatan: 'sungailiat',
    desa_kelurahan: 'Sungailiat',
    alamat: 'Jalan Pemuda RT 01',
    pemohon_adalah: 'diri_sendiri',
    persetujuan_versi: version,
    id_pengiriman: randomUUID(),
    jawaban_kelayakan: JSON.stringify({ domisili: 'ya', disabilitas: 'ya' }),
  };
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const key of ['ktp', 'kk', 'foto_badan']) form.append(key, new File([photo], `${key}.jpg`, { type: 'image/jpeg' }));
  form.append('sktm', new File(['%PDF-1.4\n%%EOF\n'], 'sktm.pdf', { type: 'application/pdf' }));
  form.append('surat_permohonan', new File(['%PDF-1.4\n%%EOF\n'], 'surat.pdf', { type: 'application/pdf' }));
  return form;
}

async function intake(concurrency, total) {
  const latencies = [];
  let errors = 0;
  const codes = new Set();
  let next = 0;
  const started = performance.now();
  async function sender() {
    while (next < total) {
      next++;
      const t = performance.now();
      try {
        const res = await fetch(`${pb.url}/api/collections/permohonan/records`, { method: 'POST', body: application() });
        const body = await res.json();
        if (res.status === 200 && body.kode_lacak) codes.add(body.kode_lacak);
        else errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - t);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, sender));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const q = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
  return { concurrency, total, seconds, perSecond: total / seconds, p50: q(0.5), p95: q(0.95), errors, accepted: codes.size };
}

const before = (await admin.collection('permohonan').getList(1, 1)).totalItems;
for (const [concurrency, total] of [
  [1, 30],
  [10, 100],
]) {
  const r = await intake(concurrency, total);
  report.intake.push(r);
}
const stored = (await admin.collection('permohonan').getList(1, 1)).totalItems - before;
const accepted = report.intake.reduce((s, r) => s + r.accepted, 0);
report.intakeLost = accepted - stored;
await pb.stop();
await rm(dataDir, { recursive: true, force: true });
console.log('\nIntake with three compressed photos each (plus two small PDFs):');
console.table(report.intake.map((r) => ({ concurrency: r.concurrency, submissions: r.total, 'per second': r.perSecond.toFixed(1), 'p50 ms': r.p50.toFixed(0), 'p95 ms': r.p95.toFixed(0), errors: r.errors })));
console.log(`accepted ${accepted}, stored ${stored}, lost ${report.intakeLost}`);

// --- Report files ---------------------------------------------------------------------------
const outDir = path.join(ROOT, 'bench-results');
mkdirSync(outDir, { recursive: true });
writeFileSync(path.join(outDir, 'report.json'), JSON.stringify(report, null, 2));
const md = [
  `# Benchmark ${report.date}`,
  '',
  '## Pages (gzip KB)',
  '',
  '| page | HTML | CSS | JS | requests |',
  '|---|---:|---:|---:|---:|',
  ...report.pages.map((p) => `| ${p.page} | ${kb(p.htmlBytes)} | ${kb(p.cssBytes)} | ${kb(p.jsBytes)} | ${p.requests} |`),
  '',
  `## Application form`,
  '',
  `JS before a photo: ${kb(report.form.jsBeforePhoto)} KB (budget 35 KB); after: ${kb(report.form.jsAfterPhoto)} KB.`,
  '',
  '## Photo compression (Chromium, 12 MP)',
  '',
  `${kb(compression.inputBytes)} KB → ${kb(compression.outputBytes)} KB, ${compression.width}×${compression.height}, ${compression.ms.toFixed(0)} ms.`,
  '',
  '## Intake',
  '',
  '| concurrency | submissions | per second | p50 ms | p95 ms | errors |',
  '|---:|---:|---:|---:|---:|---:|',
  ...report.intake.map((r) => `| ${r.concurrency} | ${r.total} | ${r.perSecond.toFixed(1)} | ${r.p50.toFixed(0)} | ${r.p95.toFixed(0)} | ${r.errors} |`),
  '',
  `Lost submissions: ${report.intakeLost}.`,
  '',
];
writeFileSync(path.join(outDir, 'report.md'), md.join('\n'));
console.log(`\nReport: ${path.relative(ROOT, outDir)}/report.md and report.json`);
