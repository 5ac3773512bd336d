// `npm run bench`: figures, not pass/fail (these machines are shared and noisy). Prints and
// writes bench-results/report.{md,json}:
//   - the weight of every built page (gzip HTML, CSS, JS, requests), and the bytes the running
//     product really sends for it (HTML, CSS, JS with Accept-Encoding: br, gzip, as a browser asks);
//   - the application form's JS before and after a photo is chosen (budget 35 KB before);
//   - each staff workspace page's JS (goal 60 KB), the field visit page also with its compressor;
//   - compression of sample phone photos of a document (2 to 16 megapixels, landscape and
//     portrait) in Chromium (bytes in/out, ms);
//   - start-up of the whole product (`node scripts/start.mjs`) on a fresh and on an existing
//     data dir, memory of the launcher and PocketBase, and a clean stop;
//   - intake: submissions per second and p50/p95 with three compressed photos each at 1 and 10
//     concurrent senders, with errors and lost submissions counted; the application create
//     beside a bare PocketBase collection with the same fields and files (the intake ratio);
//   - a burst of 50 senders who retry a "coba lagi" answer, with PocketBase's peak memory, under
//     the memory settings `npm start` derives from the machine;
//   - the tracking route beside PocketBase's own record view, same load, same run;
//   - a mobile Lighthouse audit of the home, a service and a form page (Lighthouse is installed
//     on demand, outside the project's dependencies);
//   - each goal of issue 16 as measured, goal, and met or not.
// `--only intake,burst` (or BENCH_ONLY=…) runs only those parts, for quick comparisons on a busy
// machine; parts: weight, photos, startup, wire, intake (1 and 10 senders, and the ratio beside
// a bare collection), burst, tracking, lighthouse. The intake and burst photo is then the 12 MP
// sample alone. The report says which parts ran; a goal not measured says so.
import { existsSync, mkdirSync, writeFileSync, readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import PocketBase from 'pocketbase';
import { runAstro } from './lib/site.mjs';
import { ROOT, SITE_DIR, freePort } from './lib/pocketbase.mjs';
import { buildServer, withTsModule } from './lib/server-build.mjs';
import { measureSite, gzipSize } from './lib/page-weight.mjs';
import { runLoad, summarise, mdTable } from './lib/bench-utils.mjs';
import { BROWSER_ACCEPT_ENCODING, fileUrl, measureWire, requestRaw } from './lib/wire.mjs';
import { startProduct } from './lib/product-process.mjs';
import { auditPages } from './lib/lighthouse-audit.mjs';
import { measureIntakeRatio, measureUploadBurst, pocketbaseSettings } from './lib/intake-bench.mjs';
import { issue16Goals, metText } from './lib/bench-goals.mjs';

const KB = 1024;
const kb = (n) => (n / KB).toFixed(1);
const mb = (n) => (n / KB / KB).toFixed(1);
const ms = (n) => (Number.isFinite(n) ? n.toFixed(0) : '–');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const benchStarted = performance.now();
const PARTS = ['weight', 'photos', 'startup', 'wire', 'intake', 'burst', 'tracking', 'lighthouse'];
const onlyArg = process.argv.find((a) => a.startsWith('--only'));
const onlyText = onlyArg ? (onlyArg.includes('=') ? onlyArg.split('=')[1] : process.argv[process.argv.indexOf(onlyArg) + 1]) : process.env.BENCH_ONLY;
const only = onlyText ? onlyText.split(',').map((p) => p.trim()).filter(Boolean) : PARTS;
const unknownParts = only.filter((p) => !PARTS.includes(p));
if (unknownParts.length > 0) {
  console.error(`Unknown bench part(s): ${unknownParts.join(', ')}. Parts: ${PARTS.join(', ')}.`);
  process.exit(2);
}
/** Whether this run measures `part` (all of them unless --only names some). */
const wants = (part) => only.includes(part);
/**
 * Issue 16 point 4 as one goal row: every page, stylesheet and script arrived compressed, a hashed
 * asset is cached for a year (immutable), and a page is revalidated.
 */
async function staticGoal(base, wire, formPage) {
  const uncompressed = wire.filter((w) => w.encodings.includes('identity')).map((w) => w.page);
  const asset = formPage?.jsFiles?.[0];
  const assetCache = asset ? String((await requestRaw(base + fileUrl(asset), { method: 'HEAD' })).headers['cache-control'] ?? '') : '';
  const pageCache = String((await requestRaw(`${base}/`, { method: 'HEAD' })).headers['cache-control'] ?? '');
  const immutable = /max-age=31536000/.test(assetCache) && /immutable/.test(assetCache);
  const revalidated = /no-cache/.test(pageCache);
  const total = wire.reduce((sum, w) => sum + w.totalBytes, 0);
  const plain = wire.reduce((sum, w) => sum + w.uncompressedBytes, 0);
  return {
    goal: 'Static files compressed and cached (HTML, CSS, JS as served to a browser)',
    measured: `${wire.length - uncompressed.length}/${wire.length} pages compressed (${(total / 1024).toFixed(0)} KB on the wire vs ${(plain / 1024).toFixed(0)} KB uncompressed); /_astro/: "${assetCache}"; HTML: "${pageCache}"`,
    target: 'every page compressed; hashed assets a year, immutable; HTML revalidated',
    met: uncompressed.length === 0 && immutable && revalidated,
  };
}

const report = {
  date: new Date().toISOString(),
  parts: only,
  machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryBytes: os.totalmem(), node: process.version, loadAverageAtStart: os.loadavg() },
  pages: [],
  wire: [],
  form: {},
  workspace: [],
  compression: [],
  startup: {},
  memory: [],
  intake: [],
  intakeRatio: null,
  uploadBurst: null,
  pocketbaseSettings: null,
  tracking: {},
  lighthouse: {},
};

const server = await buildServer();
// The office's first online service (by order) and its first kecamatan: the bench names nobody's keys.
const BENCH_SERVICE = server.data.services.find((s) => s.onlineApplication && s.documents.length > 0 && (!s.applicants || s.applicants.includes('diri_sendiri')));
const BENCH_KECAMATAN = server.data.kecamatan[0];
if (!existsSync(path.join(SITE_DIR, 'index.html')) || process.env.BENCH_BUILD === '1') await runAstro(['build'], { quiet: true });

// --- Page weight -------------------------------------------------------------------------
const pages = measureSite(SITE_DIR);
report.pages = pages.map(({ file, jsFiles, cssFiles, ...p }) => p);
if (wants('weight')) console.log('Page weight (gzip, KB):');
if (wants('weight')) console.table(pages.map((p) => ({ page: p.page, html: kb(p.htmlBytes), css: kb(p.cssBytes), js: kb(p.jsBytes), requests: p.requests })));

// --- Form JS before and after a photo ---------------------------------------------------------
const form = pages.find((p) => p.page === `/layanan/${BENCH_SERVICE.id}/ajukan/`);
const assetsDir = path.join(SITE_DIR, '_astro');
const compressorChunk = (existsSync(assetsDir) ? readdirSync(assetsDir) : []).find((f) => f.startsWith('photo-compress'));
const compressorBytes = compressorChunk ? gzipSize(readFileSync(path.join(SITE_DIR, '_astro', compressorChunk))) : 0;
report.form = { page: form?.page, jsBeforePhoto: form?.jsBytes, jsAfterPhoto: (form?.jsBytes ?? 0) + compressorBytes, budgetBeforePhoto: 35 * KB };
if (wants('weight')) console.log(`\nForm page JS: ${kb(report.form.jsBeforePhoto)} KB before a photo (budget 35 KB, ${((report.form.jsBeforePhoto / (35 * KB)) * 100).toFixed(0)}% of it), ${kb(report.form.jsAfterPhoto)} KB after (+${kb(compressorBytes)} KB compressor, loaded on demand)`);

// --- Staff workspace JS ---------------------------------------------------------------------
// Staff use cheap phones too (a TKSK on a motorbike): each workspace page's JS against 60 KB.
const WORKSPACE_GOAL = 60 * KB;
const VISIT_PAGE = '/petugas/kunjungan/';
report.workspace = pages
  .filter((p) => p.page.startsWith('/petugas/'))
  .map((p) => ({ page: p.page, jsBytes: p.jsBytes, jsWithPhoto: p.page === VISIT_PAGE ? p.jsBytes + compressorBytes : null, goal: WORKSPACE_GOAL }));
if (wants('weight')) console.log('\nStaff workspace JS (gzip KB, goal 60 KB):');
if (wants('weight')) console.table(report.workspace.map((w) => ({ page: w.page, js: kb(w.jsBytes), 'of goal': `${((w.jsBytes / WORKSPACE_GOAL) * 100).toFixed(0)}%`, 'after a photo': w.jsWithPhoto === null ? '' : kb(w.jsWithPhoto) })));

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
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = await (await browser.newContext()).newPage();
await page.setContent('<!doctype html><title>bench</title>');
await page.addScriptTag({ content: bundle, type: 'module' });
await page.waitForFunction(() => '__compress' in window);
// Phone cameras people use: an old 2 MP phone, a cheap 8 MP one held upright, the common 12 MP
// and a 16 MP one. The 12 MP result is what the intake bench sends.
const PHOTO_SAMPLES = [
  { name: '2 MP', width: 1600, height: 1200 },
  { name: '8 MP portrait', width: 2448, height: 3264 },
  { name: '12 MP', width: 4000, height: 3000 },
  { name: '16 MP', width: 4608, height: 3456 },
];
// Without the photos part, only the sample the intake sends.
const compression = await page.evaluate(async (samples) => {
  const results = [];
  for (const sample of samples) {
    // A "phone photo of a document": noisy background, a page with text.
    const { width: w, height: h } = sample;
    const canvas = document.createElement('canvas');
    canvas.width = w;
    canvas.height = h;
    const ctx = canvas.getContext('2d');
    const img = ctx.createImageData(w, h);
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
    ctx.fillRect(w * 0.125, h * 0.1, w * 0.75, h * 0.8);
    ctx.fillStyle = '#111';
    const fontPx = Math.round(Math.min(w, h) * 0.03);
    ctx.font = `${fontPx}px sans-serif`;
    for (let line = 0; line < 18; line++) ctx.fillText(`Baris ${line + 1}: NIK 1901014507800001 NAMA SITI AMINAH`, w * 0.15, h * 0.15 + line * fontPx * 1.4);
    const blob = await new Promise((r) => canvas.toBlob(r, 'image/jpeg', 0.92));
    const file = new File([blob], 'dokumen.jpg', { type: 'image/jpeg' });
    const runs = [];
    let out;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      out = await window.__compress(file);
      runs.push(performance.now() - t);
    }
    const result = { sample: sample.name, inputWidth: w, inputHeight: h, inputBytes: file.size, outputBytes: out.outputBytes, width: out.width, height: out.height, ms: runs.sort((a, b) => a - b)[1] };
    if (sample.name === '12 MP') {
      const bytes = new Uint8Array(await out.file.arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      result.jpeg = btoa(binary);
    }
    results.push(result);
  }
  return results;
}, wants('photos') ? PHOTO_SAMPLES : PHOTO_SAMPLES.filter((s) => s.name === '12 MP'));
await browser.close();
const intakeSample = compression.find((c) => c.jpeg);
const photo = Buffer.from(intakeSample.jpeg, 'base64');
delete intakeSample.jpeg;
if (wants('photos')) report.compression = compression;
if (wants('photos')) console.log('\nDocument photo compression in Chromium (median of 3):');
if (wants('photos')) console.table(compression.map((c) => ({ photo: c.sample, in: `${c.inputWidth}×${c.inputHeight}, ${kb(c.inputBytes)} KB`, out: `${c.width}×${c.height}, ${kb(c.outputBytes)} KB`, smaller: `${(c.inputBytes / c.outputBytes).toFixed(1)}×`, ms: c.ms.toFixed(0) })));

// --- The whole product: start-up and memory ------------------------------------------------------
// `npm start` as a person runs it, less the site build (done above; PORTAL_SKIP_BUILD=1), with a
// known superuser so the bench can sign in.
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'portal-bench-'));
const superuser = { email: 'bench@dinsos.localhost', password: `bench-${randomUUID()}` };
const productEnv = { PB_SUPERUSER_EMAIL: superuser.email, PB_SUPERUSER_PASSWORD: superuser.password };
const port = await freePort();
const startRow = (label, started, stopped) => ({ start: label, readyMs: started.readyMs, serveSpawnedMs: started.serveSpawnedMs, announcedMs: started.announcedMs, ...stopped });
const snapshot = (when, product) => report.memory.push({ when, ...product.memory() });

let product;
try {
  if (wants('startup')) {
    console.log('\n» Starting the product on a fresh data dir, stopping it, starting it again…');
    const fresh = await startProduct({ dataDir, port, env: productEnv });
    snapshot('after start, fresh data dir', fresh);
    report.startup.fresh = startRow('fresh data dir', fresh, await fresh.stop('SIGINT'));
  }
  product = await startProduct({ dataDir, port, env: productEnv });
  snapshot('after start, existing data dir', product);
  const base = product.base;
  report.pocketbaseSettings = pocketbaseSettings(product.servePid);

  // --- Bytes on the wire ---------------------------------------------------------------------------
  // What the product sends for each page, its CSS and its JS, asked as a browser asks, beside the
  // same files asked for with no Accept-Encoding (the bytes without compression).
  if (wants('wire')) {
    console.log('» Pages on the wire…');
    for (const p of pages) {
      const served = await measureWire(base, p);
      const plain = await measureWire(base, p, { acceptEncoding: '' });
      report.wire.push({ ...served, uncompressedBytes: plain.totalBytes });
    }
    const formWire = report.wire.find((w) => w.page === form?.page);
    const compressorWire = compressorChunk ? (await requestRaw(`${base}/_astro/${compressorChunk}`, { headers: { 'Accept-Encoding': BROWSER_ACCEPT_ENCODING } })).body.length : 0;
    report.form.wire = { acceptEncoding: BROWSER_ACCEPT_ENCODING, html: formWire?.htmlBytes, css: formWire?.cssBytes, jsBeforePhoto: formWire?.jsBytes, jsAfterPhoto: (formWire?.jsBytes ?? 0) + compressorWire };
    report.staticOnTheWire = { goal: await staticGoal(base, report.wire, form) };
  }

  const admin = new PocketBase(base);
  await admin.collection('_superusers').authWithPassword(superuser.email, superuser.password);
  // Measure the server, not the per-address limiter (which is on in production).
  await admin.settings.update({ rateLimits: { enabled: false } });
  report.rateLimitsEnabled = (await admin.settings.getAll()).rateLimits.enabled;
  if (report.rateLimitsEnabled) throw new Error('Rate limits are still on; the figures would measure the limiter.');

  // --- Intake ------------------------------------------------------------------------------------
  const version = server.data.site.privacyNoticeVersion;
  // The documents the service asks of an adult applying for themself (the shared rule the form and
  // the server use): the server refuses any other.
  const { value: benchDocuments } = await withTsModule(`export { documentNeed } from './src/lib/rules/applicant';`, (mod) =>
    BENCH_SERVICE.documents.filter((doc) => mod.documentNeed(doc, { pemohon_adalah: 'diri_sendiri', tanggal_lahir: '1980-07-05' }, new Date().toISOString().slice(0, 10)) !== 'tidak_diminta'),
  );
  const application = () => {
    const form = new FormData();
    const fields = {
      layanan: BENCH_SERVICE.id,
      nama_lengkap: 'Siti Aminah',
      nik: `${server.data.site.regionCode.replace('.', '')}014507800001`,
      nomor_kk: `${server.data.site.regionCode.replace('.', '')}010101100001`,
      tanggal_lahir: '1980-07-05',
      telepon: '0812-3456-7890',
      kecamatan: BENCH_KECAMATAN.id,
      desa_kelurahan: BENCH_KECAMATAN.name,
      alamat: 'Jalan Pemuda RT 01',
      pemohon_adalah: 'diri_sendiri',
      persetujuan_versi: version,
      id_pengiriman: randomUUID(),
      jawaban_kelayakan: JSON.stringify(Object.fromEntries(BENCH_SERVICE.questions.map((q) => [q.id, q.expected]))),
    };
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    // A photo for every document asked of this applicant that takes one, a small PDF for the others.
    for (const doc of benchDocuments) {
      if (doc.accept.includes('image/jpeg')) form.append(doc.key, new File([photo], `${doc.key}.jpg`, { type: 'image/jpeg' }));
      else form.append(doc.key, new File(['%PDF-1.4\n%%EOF\n'], `${doc.key}.pdf`, { type: 'application/pdf' }));
    }
    return form;
  };
  const submit = async () => {
    const res = await fetch(`${base}/api/collections/permohonan/records`, { method: 'POST', body: application() });
    const body = await res.json().catch(() => ({}));
    if (res.status !== 200 || !body.kode_lacak) throw new Error(`HTTP ${res.status} ${body.message ?? ''}`.trim());
    return body.kode_lacak;
  };
  // The tracking part reads the records the intake stored.
  const levels = [];
  if (wants('intake') || wants('tracking')) {
    console.log('» Intake at 1 and 10 concurrent senders…');
    for (const [concurrency, total] of [
      [1, 30],
      [10, 100],
    ]) {
      const run = await runLoad({ concurrency, total, task: submit });
      levels.push({ concurrency, total, run });
    }
    snapshot('after intake (1, 10 senders)', product);
  }
  if (wants('intake')) {
    console.log('» Intake beside a bare PocketBase collection (concurrency 10, alternating rounds)…');
    report.intakeRatio = await measureIntakeRatio({ base, admin, pid: product.servePid, makeForm: application });
  }
  if (wants('burst')) {
    console.log('» Upload burst: 50 senders who retry a "coba lagi" answer…');
    report.uploadBurst = await measureUploadBurst({ base, admin, pid: product.servePid, makeForm: application, senders: 50, total: 300 });
    snapshot('after the 50-sender upload burst', product);
  }
  // Lost = acknowledged with a tracking code but not in the database afterwards.
  const storedRecords = await admin.collection('permohonan').getFullList({ fields: 'id,kode_lacak', batch: 500 });
  const idByCode = new Map(storedRecords.map((r) => [r['kode_lacak'], r.id]));
  report.intake = levels.map(({ concurrency, total, run }) => {
    const { requests, ...stats } = summarise([run]);
    const stored = run.values.filter((code) => idByCode.has(code)).length;
    return { concurrency, total, ...stats, accepted: run.values.length, stored, lost: run.values.length - stored };
  });
  report.intakeLost = report.intake.reduce((s, r) => s + r.lost, 0);

  // --- Tracking route beside PocketBase's own record view ----------------------------------------
  // Same records, concurrency and count; alternating rounds so neither gets the quieter moment.
  if (wants('tracking')) {
    console.log('» Tracking route and record view…');
    const targets = storedRecords.map((r) => ({ code: r['kode_lacak'], id: r.id }));
    const get = async (url, headers) => {
      const res = await fetch(url, { headers });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
    };
    const auth = { Authorization: admin.authStore.token };
    const routes = {
      lacak: { label: 'GET /api/lacak/{kode}', task: (i) => get(`${base}/api/lacak/${encodeURIComponent(targets[i % targets.length].code)}`) },
      view: { label: 'GET /api/collections/permohonan/records/{id}', task: (i) => get(`${base}/api/collections/permohonan/records/${targets[i % targets.length].id}`, auth) },
    };
    const TRACKING = { concurrency: 10, rounds: 10, perRound: 1000, warmUp: 500 }; // a few seconds a side: shorter runs swung p95 0.93–1.34×
    for (const route of Object.values(routes)) await runLoad({ concurrency: TRACKING.concurrency, total: TRACKING.warmUp, task: route.task });
    const runs = { lacak: [], view: [] };
    for (let round = 0; round < TRACKING.rounds; round++) {
      for (const key of round % 2 === 0 ? ['lacak', 'view'] : ['view', 'lacak']) {
        runs[key].push(await runLoad({ concurrency: TRACKING.concurrency, total: TRACKING.perRound, task: (i) => routes[key].task(round * TRACKING.perRound + i) }));
      }
    }
    const lacak = { route: routes.lacak.label, ...summarise(runs.lacak) };
    const view = { route: routes.view.label, auth: 'superuser', ...summarise(runs.view) };
    report.tracking = {
      ...TRACKING,
      records: targets.length,
      lacak,
      recordView: view,
      ratio: { throughput: lacak.perSecond / view.perSecond, p95: lacak.p95 / view.p95 },
    };
    snapshot('after tracking load', product);
  }

  // --- Lighthouse (mobile) -------------------------------------------------------------------------
  if (wants('lighthouse')) {
    console.log('» Lighthouse (mobile) on three pages…');
    const auditPaths = ['/', `/layanan/${BENCH_SERVICE.id}/`, `/layanan/${BENCH_SERVICE.id}/ajukan/`];
    report.lighthouse = await auditPages(auditPaths.map((p) => base + p), { chromePath: CHROMIUM });
    for (const p of report.lighthouse.pages ?? []) p.page = new URL(p.url).pathname;
  }
} finally {
  if (product) report.startup.restart = startRow('existing data dir', product, await product.stop('SIGINT'));
  await rm(dataDir, { recursive: true, force: true });
}
report.machine.loadAverageAtEnd = os.loadavg();
report.durationSeconds = (performance.now() - benchStarted) / 1000;

// --- Console summary -------------------------------------------------------------------------------
const wireTotal = (key) => report.wire.reduce((sum, w) => sum + w[key], 0);
const gzipTotal = report.pages.reduce((sum, p) => sum + p.htmlBytes + p.cssBytes + p.jsBytes, 0);
const fw = report.form.wire;
if (wants('wire')) {
  console.log(`\nPages on the wire (KB, HTML + CSS + JS as served with Accept-Encoding: ${BROWSER_ACCEPT_ENCODING}):`);
  console.table(report.wire.map((w) => ({ page: w.page, html: kb(w.htmlBytes), css: kb(w.cssBytes), js: kb(w.jsBytes), total: kb(w.totalBytes), encoding: w.encodings.join(' '), uncompressed: kb(w.uncompressedBytes) })));
  console.log(`All ${report.wire.length} pages: ${kb(wireTotal('totalBytes'))} KB on the wire, ${kb(wireTotal('uncompressedBytes'))} KB uncompressed, ${kb(gzipTotal)} KB by the gzip estimate.`);
  console.log(`Form page on the wire: HTML ${kb(fw.html ?? 0)} KB, CSS ${kb(fw.css ?? 0)} KB, JS ${kb(fw.jsBeforePhoto ?? 0)} KB before a photo, ${kb(fw.jsAfterPhoto)} KB after.`);
}
// Without the startup part, only the restart (the product the other parts ran against) is timed.
const startups = [report.startup.fresh, report.startup.restart].filter(Boolean);
console.log('\nStart-up of `node scripts/start.mjs` (site already built) until / and /api/health answer 200:');
console.table(startups.map((s) => ({ start: s.start, 'ready ms': ms(s.readyMs), 'serve spawned ms': ms(s.serveSpawnedMs), 'announced ms': ms(s.announcedMs), 'stop ms': ms(s.stopMs), exit: s.exitCode ?? s.exitSignal, 'left over': s.leftOver.length })));
console.log('Memory (MB; peak = VmHWM):');
console.table(report.memory.map((m) => ({ when: m.when, launcher: mb(m.launcher.rss), 'launcher peak': mb(m.launcher.hwm), pocketbase: mb(m.pocketbase.rss), 'pocketbase peak': mb(m.pocketbase.hwm), total: mb(m.totalRss) })));
if (report.intake.length > 0) console.log('Intake with three compressed photos each (plus two small PDFs):');
if (report.intake.length > 0) console.table(report.intake.map((r) => ({ concurrency: r.concurrency, submissions: r.total, 'per second': r.perSecond.toFixed(1), 'p50 ms': ms(r.p50), 'p95 ms': ms(r.p95), errors: r.errors, accepted: r.accepted, stored: r.stored, lost: r.lost })));
const t = report.tracking;
if (wants('tracking')) {
  console.log(`Tracking vs record view (concurrency ${t.concurrency}, ${t.rounds}×${t.perRound} requests each over ${t.records} records, after ${t.warmUp} warm-up):`);
  console.table([t.lacak, t.recordView].map((r) => ({ route: r.auth ? `${r.route} as ${r.auth}` : r.route, requests: r.requests, 'per second': r.perSecond.toFixed(0), 'p50 ms': r.p50.toFixed(1), 'p95 ms': r.p95.toFixed(1), errors: r.errors })));
  console.log(`tracking ÷ record view: throughput ${t.ratio.throughput.toFixed(2)}×, p95 ${t.ratio.p95.toFixed(2)}×`);
}
const lh = report.lighthouse;
const lhRows = (lh.pages ?? []).map((p) =>
  p.error
    ? [p.page, `failed: ${p.error}`, '', '', '', '', '', '', '', '']
    : [p.page, p.scores.performance, p.scores.accessibility, p.scores['best-practices'], p.scores.seo, ms(p.metrics.fcpMs), ms(p.metrics.lcpMs), ms(p.metrics.tbtMs), p.metrics.cls?.toFixed(3), ms(p.metrics.speedIndexMs)],
);
const lhHeaders = ['page', 'performance', 'accessibility', 'best practices', 'SEO', 'FCP ms', 'LCP ms', 'TBT ms', 'CLS', 'Speed Index ms'];
if (wants('lighthouse')) console.log(`Lighthouse ${lh.version ?? ''} (mobile, simulated throttling):`);
if (!wants('lighthouse')) {
  // not part of this run
} else if (lh.reason) console.log(`  not run: ${lh.reason}`);
else console.table(lhRows.map((r) => Object.fromEntries(lhHeaders.map((h, i) => [h, r[i]]))));
printIntakeAndMemory(report);
report.goals = issue16Goals(report);
console.log('Goals of issue 16:');
console.table(report.goals.map((g) => ({ goal: g.goal, measured: g.measured, target: g.target, result: metText(g.met) })));
console.log(`\nBench took ${report.durationSeconds.toFixed(0)} s.`);

// --- Report files ---------------------------------------------------------------------------
const outDir = path.join(ROOT, 'bench-results');
mkdirSync(outDir, { recursive: true });
writeFileSync(path.join(outDir, 'report.json'), JSON.stringify(report, null, 2));
const m = report.machine;
/** A section of the markdown report when its part ran, else nothing. */
const section = (part, lines) => (wants(part) ? lines() : []);
const md = [
  `# Benchmark ${report.date}`,
  '',
  `${m.cpus} × ${m.cpuModel}, ${mb(m.memoryBytes)} MB, Node ${m.node}. Load average ${m.loadAverageAtStart.map((n) => n.toFixed(1)).join(' ')} at the start, ${m.loadAverageAtEnd.map((n) => n.toFixed(1)).join(' ')} at the end (the machine is shared: compare runs with care). The bench took ${report.durationSeconds.toFixed(0)} s.`,
  ...(only.length < PARTS.length ? ['', `Only these parts ran: ${only.join(', ')}.`] : []),
  '',
  ...section('weight', () => [
  '## Pages (gzip KB)',
  '',
  mdTable(['page', 'HTML', 'CSS', 'JS', 'requests'], report.pages.map((p) => [p.page, kb(p.htmlBytes), kb(p.cssBytes), kb(p.jsBytes), p.requests])),
  '',
  ]),
  ...section('wire', () => [
  `## Pages on the wire (KB)`,
  '',
  `Body bytes the running product sent for each page's HTML, stylesheets and up-front scripts when asked with \`Accept-Encoding: ${BROWSER_ACCEPT_ENCODING}\` (as a browser asks), and the same files asked for without compression. All ${report.wire.length} pages: ${kb(wireTotal('totalBytes'))} KB on the wire, ${kb(wireTotal('uncompressedBytes'))} KB uncompressed (gzip estimate above: ${kb(gzipTotal)} KB).`,
  '',
  mdTable(['page', 'HTML', 'CSS', 'JS', 'total', 'encoding', 'uncompressed'], report.wire.map((w) => [w.page, kb(w.htmlBytes), kb(w.cssBytes), kb(w.jsBytes), kb(w.totalBytes), w.encodings.join(' '), kb(w.uncompressedBytes)])),
  '',
  `## Application form`,
  '',
  `JS before a photo: ${kb(report.form.jsBeforePhoto)} KB gzip estimate (budget 35 KB); after: ${kb(report.form.jsAfterPhoto)} KB.`,
  `On the wire (${report.form.wire.acceptEncoding}): HTML ${kb(report.form.wire.html ?? 0)} KB, CSS ${kb(report.form.wire.css ?? 0)} KB, JS ${kb(report.form.wire.jsBeforePhoto ?? 0)} KB before a photo, ${kb(report.form.wire.jsAfterPhoto)} KB after.`,
  '',
  ]),
  ...section('weight', () => [
  '## Staff workspace JS (gzip KB, goal 60 KB)',
  '',
  mdTable(['page', 'JS', 'of goal', 'after a photo'], report.workspace.map((w) => [w.page, kb(w.jsBytes), `${((w.jsBytes / w.goal) * 100).toFixed(0)}%`, w.jsWithPhoto === null ? '–' : kb(w.jsWithPhoto)])),
  '',
  ]),
  ...section('photos', () => [
  '## Photo compression (Chromium)',
  '',
  'A phone photo of a document at each camera size, compressed by the form\'s own code (median of 3 runs). The 12 MP result is the photo the intake bench sends.',
  '',
  mdTable(['photo', 'in (px)', 'in KB', 'out (px)', 'out KB', 'smaller', 'ms'], compression.map((c) => [c.sample, `${c.inputWidth}×${c.inputHeight}`, kb(c.inputBytes), `${c.width}×${c.height}`, kb(c.outputBytes), `${(c.inputBytes / c.outputBytes).toFixed(1)}×`, c.ms.toFixed(0)])),
  '',
  ]),
  '## Start-up and stop',
  '',
  '`node scripts/start.mjs` (what `npm start` runs) with the site already built (`PORTAL_SKIP_BUILD=1`): "ready" is from the spawn until `/` and `/api/health` both answer 200. "serve spawned" is when `pocketbase serve` appeared; before it the launcher starts Node, bundles the hook rules, migrates and upserts the superuser. "announced" is when the launcher printed that the portal runs. Stopped with SIGINT (Ctrl-C); "left over" counts processes still running afterwards.',
  '',
  mdTable(['start', 'ready ms', 'serve spawned ms', 'announced ms', 'stop ms', 'exit code', 'left over'], startups.map((s) => [s.start, ms(s.readyMs), ms(s.serveSpawnedMs), ms(s.announcedMs), ms(s.stopMs), s.exitCode ?? s.exitSignal ?? (s.timedOut ? 'timed out' : '–'), s.leftOver.length])),
  '',
  '## Memory (MB)',
  '',
  'RSS (VmRSS) now and peak (VmHWM) of the Node launcher and of PocketBase; total is the RSS of both.',
  '',
  mdTable(['when', 'launcher RSS', 'launcher peak', 'PocketBase RSS', 'PocketBase peak', 'total RSS'], report.memory.map((x) => [x.when, mb(x.launcher.rss), mb(x.launcher.hwm), mb(x.pocketbase.rss), mb(x.pocketbase.hwm), mb(x.totalRss)])),
  '',
  ...section('intake', () => [
  '## Intake',
  '',
  'Three compressed photos and two small PDFs per submission; rate limits off. Lost = acknowledged with a tracking code but not stored.',
  '',
  mdTable(['concurrency', 'submissions', 'per second', 'p50 ms', 'p95 ms', 'errors', 'accepted', 'stored', 'lost'], report.intake.map((r) => [r.concurrency, r.total, r.perSecond.toFixed(1), ms(r.p50), ms(r.p95), r.errors, r.accepted, r.stored, r.lost])),
  ...(report.intake.some((r) => r.errors) ? ['', `First errors: ${report.intake.flatMap((r) => r.errorSamples).join('; ')}`] : []),
  '',
  ]),
  ...intakeAndMemoryMarkdown(report),
  ...section('tracking', () => [
  '## Tracking route beside PocketBase\'s record view',
  '',
  `Concurrency ${t.concurrency}, ${t.rounds} alternating rounds of ${t.perRound} requests each over ${t.records} real records, after ${t.warmUp} warm-up requests each. The record view runs the project's enrich hook too.`,
  '',
  mdTable(['route', 'requests', 'per second', 'p50 ms', 'p95 ms', 'errors'], [t.lacak, t.recordView].map((r) => [`\`${r.route}\`${r.auth ? ` as ${r.auth}` : ''}`, r.requests, r.perSecond.toFixed(0), r.p50.toFixed(1), r.p95.toFixed(1), r.errors])),
  '',
  `Tracking ÷ record view: throughput ${t.ratio.throughput.toFixed(2)}×, p95 ${t.ratio.p95.toFixed(2)}×.`,
  '',
  ]),
  ...section('lighthouse', () => [
  '## Lighthouse (mobile)',
  '',
  ...(lh.reason
    ? [`Not run: ${lh.reason}`]
    : [
        `Lighthouse ${lh.version}, default mobile form factor and simulated throttling (Moto G-class, slow 4G), headless Debian Chromium, pages served by the product's PocketBase.`,
        '',
        mdTable(lhHeaders, lhRows),
        '',
        // Lighthouse's own measure of the host CPU: low values mean the simulated figures are pessimistic.
        `Lighthouse's host CPU benchmark index: ${(lh.pages ?? []).map((p) => p.benchmarkIndex ?? '–').join(', ')}.`,
        ...(lh.pages ?? []).flatMap((p) => [...(p.runtimeError ? [p.runtimeError] : []), ...(p.warnings ?? [])].map((w) => `- ${p.page}: ${w}`)),
      ]),
  '',
  ]),
];
md.push('## Goals of issue 16', '', mdTable(['goal', 'measured', 'goal', 'result'], report.goals.map((g) => [g.goal, g.measured, g.target, metText(g.met)])), '');
writeFileSync(path.join(outDir, 'report.md'), md.join('\n'));
console.log(`Report: ${path.relative(ROOT, outDir)}/report.md and report.json`);

/** Console lines of the intake ratio and the upload burst (issue 16, points 1 and 3). */
function printIntakeAndMemory(r) {
  const i = r.intakeRatio;
  const settings = r.pocketbaseSettings;
  if (i) console.log(`Intake beside a bare PocketBase collection (concurrency ${i.concurrency}, ${i.rounds} alternating rounds of ${i.perRound}, CPU of the PocketBase process):`);
  if (i) console.table([i.portal, i.bare].map((x) => ({ collection: x.collection, 'per second': x.perSecond.toFixed(1), 'p50 ms': ms(x.p50), 'p95 ms': ms(x.p95), 'CPU ms/request': x.cpuMsPerRequest.toFixed(1), errors: x.errors, lost: x.lost })));
  if (i) console.log(`application ÷ bare: throughput ${i.ratio.throughput.toFixed(2)}×, CPU per request ${i.ratio.cpu.toFixed(2)}×`);
  const b = r.uploadBurst;
  if (b) console.log(`Upload burst (${b.senders} senders, ${b.total} applications; GOMEMLIMIT ${settings.goMemLimit ?? 'unset'}, at most ${settings.maxUploads ?? 'default'} uploads at once, ${settings.hooksPool ?? 'default'} JS runtimes): ${b.accepted} accepted, ${b.refusals} "coba lagi" answers and ${b.networkRetries} broken connections retried, ${b.errors} errors, ${b.lost} lost, p95 ${ms(b.p95)} ms; PocketBase peak ${mb(b.peakRss)} MB.`);
}

/** Markdown sections of the intake ratio and the upload burst. */
function intakeAndMemoryMarkdown(r) {
  const i = r.intakeRatio;
  const b = r.uploadBurst;
  const settings = r.pocketbaseSettings;
  return [
    ...(i ? [
    '## Intake beside a bare PocketBase collection',
    '',
    `The application create (all of the portal's hooks) and a bare collection \`${i.bare.collection}\` with the same fields and the same five files, no hooks of its own and no rules, in the same PocketBase: concurrency ${i.concurrency}, ${i.rounds} alternating rounds of ${i.perRound} after ${i.warmUp} warm-up each. App-wide middlewares (security headers, log privacy, upload names and bound) run for both. CPU is the PocketBase process's own (user + system) per request.`,
    '',
    mdTable(['collection', 'per second', 'p50 ms', 'p95 ms', 'CPU ms/request', 'errors', 'lost'], [i.portal, i.bare].map((x) => [`\`${x.collection}\``, x.perSecond.toFixed(1), ms(x.p50), ms(x.p95), x.cpuMsPerRequest.toFixed(1), x.errors, x.lost])),
    '',
    `Application ÷ bare: throughput ${i.ratio.throughput.toFixed(2)}×, CPU per request ${i.ratio.cpu.toFixed(2)}×.`,
    '',
    ] : []),
    ...(b ? [
    '## Upload burst and memory',
    '',
    `${b.senders} senders, ${b.total} applications, each retrying a 503/429 ("coba lagi") after the server's Retry-After, or a broken connection after a second, as a person would tap Kirim again (same submission id, at most ${b.maxTries} tries). PocketBase as \`npm start\` set it up on this machine: GOMEMLIMIT ${settings.goMemLimit ?? 'unset'}, at most ${settings.maxUploads ?? 'default'} uploads at once, ${settings.hooksPool ?? 'default'} prewarmed JS runtimes.`,
    '',
    mdTable(['accepted', '"coba lagi" retried', 'broken connections retried', 'errors', 'lost', 'per second', 'p95 ms', 'RSS before MB', 'highest RSS sampled MB', 'peak RSS (VmHWM) MB'], [[`${b.accepted}/${b.total}`, b.refusals, b.networkRetries, b.errors, b.lost, b.perSecond.toFixed(1), ms(b.p95), mb(b.rssBefore), mb(b.rssHighestSample), mb(b.peakRss)]]),
    ...(b.refusalMessages.length ? ['', `What the refused heard: ${b.refusalMessages.map((m) => `"${m}"`).join('; ')}`] : []),
    ...(b.networkCauses.length ? ['', `Broken connections: ${b.networkCauses.join('; ')}`] : []),
    ...(b.errorSamples.length ? ['', `Gave up: ${b.errorSamples.join('; ')}`] : []),
    '',
    ] : []),
  ];
}
