import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measurePage } from '../../scripts/lib/page-weight.mjs';
import { SITE_DIR } from '../../scripts/lib/pocketbase.mjs';
import { fileUrl, requestRaw, type RawResponse } from '../../scripts/lib/wire.mjs';
import { VECTOR_SERVICE } from '../support/application';
import { loadContent } from '../support/content';
import { startTestPocketBase, usePocketBase, type TestPocketBase } from '../support/pocketbase';

// The built site as PocketBase sends it (pocketbase/pb_hooks/lib/static-delivery.js): files in
// dist/ precompressed by the build, a cache policy per kind, the 404 page. Files are found from
// dist/, never named by their hash. requestRaw never decodes a body, so these compare the bytes
// on the wire with the files themselves.
const pb = usePocketBase();

const FORM_PAGE = `/layanan/${VECTOR_SERVICE.id}/ajukan/`;
/** A well-formed code of this office that no request has. */
const UNKNOWN_CODE = `${loadContent().site[0]!.data.trackingPrefix}-222-222-222`;
const form = measurePage(SITE_DIR, path.join(SITE_DIR, FORM_PAGE, 'index.html'));
const largestJs = [...form.jsFiles].sort((a, b) => statSync(path.join(SITE_DIR, b)).size - statSync(path.join(SITE_DIR, a)).size)[0]!;
const firstService = readdirSync(path.join(SITE_DIR, 'layanan')).find((name) => existsSync(path.join(SITE_DIR, 'layanan', name, 'index.html')))!;
const guidePicture = readdirSync(path.join(SITE_DIR, 'panduan')).find((name) => name.endsWith('.png'))!;

/** URL path → the file it must deliver. */
const TEXT_FILES: Record<string, string> = {
  '/': 'index.html',
  [`/layanan/${firstService}/`]: `layanan/${firstService}/index.html`,
  [FORM_PAGE]: `${FORM_PAGE.slice(1)}index.html`,
  [fileUrl(form.cssFiles[0]!)]: form.cssFiles[0]!,
  [fileUrl(largestJs)]: largestJs,
  '/cari/indeks.json': 'cari/indeks.json',
  '/sitemap.xml': 'sitemap.xml',
};
const IMMUTABLE = 'public, max-age=31536000, immutable';

const fileBytes = (rel: string, dir = SITE_DIR) => readFileSync(path.join(dir, rel));
const get = (urlPath: string, headers: Record<string, string> = {}, method = 'GET', base = pb.url): Promise<RawResponse> => requestRaw(base + urlPath, { method, headers });
const header = (res: RawResponse, name: string) => {
  const value = res.headers[name];
  return Array.isArray(value) ? value.join(', ') : (value ?? null);
};
const varies = (res: RawResponse) => (header(res, 'vary') ?? '').split(',').map((v) => v.trim().toLowerCase());
function decoded(res: RawResponse): Buffer {
  const encoding = header(res, 'content-encoding');
  if (encoding === 'br') return brotliDecompressSync(res.body);
  if (encoding === 'gzip') return gunzipSync(res.body);
  expect(encoding, 'an encoding the test does not know').toBeNull();
  return res.body;
}

describe('compressed delivery of the built site', () => {
  it('found the files it checks in dist/', () => {
    expect(form.cssFiles.length).toBeGreaterThan(0);
    expect(largestJs).toMatch(/^_astro\/.+\.js$/);
    expect(statSync(path.join(SITE_DIR, largestJs)).size).toBeGreaterThan(10_000);
  });

  for (const [urlPath, rel] of Object.entries(TEXT_FILES)) {
    it(`${urlPath}: brotli and gzip answers decode to exactly the file, with their own length and type`, async () => {
      const file = fileBytes(rel);
      const plain = await get(urlPath);
      expect(plain.status).toBe(200);
      expect(header(plain, 'content-encoding')).toBeNull();
      expect(plain.body.equals(file)).toBe(true);
      expect(varies(plain)).toContain('accept-encoding');
      for (const [accept, encoding] of [
        ['br', 'br'],
        ['gzip', 'gzip'],
        ['gzip, deflate, br, zstd', 'br'], // what Chromium sends
        ['br;q=0, gzip', 'gzip'],
        ['x-gzip', 'gzip'],
        ['*', 'br'],
      ] as const) {
        const res = await get(urlPath, { 'Accept-Encoding': accept });
        expect(res.status, accept).toBe(200);
        expect(header(res, 'content-encoding'), accept).toBe(encoding);
        expect(decoded(res).equals(file), accept).toBe(true);
        expect(res.body.length, accept).toBeLessThan(file.length);
        expect(Number(header(res, 'content-length')), accept).toBe(res.body.length);
        expect(header(res, 'content-type'), accept).toBe(header(plain, 'content-type'));
        expect(varies(res), accept).toContain('accept-encoding');
        // The security headers of pocketbase/pb_hooks/lib/middlewares.js travel with every encoding.
        expect(header(res, 'content-security-policy'), accept).toContain("frame-ancestors 'self'");
        expect(header(res, 'referrer-policy'), accept).toBe('same-origin');
        expect(header(res, 'x-content-type-options'), accept).toBe('nosniff');
      }
    });
  }

  it('sends the file as it is to a client that accepts no compression', async () => {
    for (const accept of ['identity', 'br;q=0, gzip;q=0', 'deflate', '*;q=0']) {
      const res = await get('/', { 'Accept-Encoding': accept });
      expect(header(res, 'content-encoding'), accept).toBeNull();
      expect(res.body.equals(fileBytes('index.html')), accept).toBe(true);
    }
  });

  it('never compresses images, and names no encoding in Vary for them', async () => {
    const res = await get(`/panduan/${guidePicture}`, { 'Accept-Encoding': 'br, gzip' });
    expect(res.status).toBe(200);
    expect(header(res, 'content-type')).toBe('image/png');
    expect(header(res, 'content-encoding')).toBeNull();
    expect(res.body.equals(fileBytes(`panduan/${guidePicture}`))).toBe(true);
    expect(varies(res)).not.toContain('accept-encoding');
  });

  it('never serves a precompressed variant as a file of its own', async () => {
    for (const urlPath of [`${fileUrl(largestJs)}.br`, `${fileUrl(largestJs)}.gz`, '/index.html.br', '/cari/indeks.json.gz']) {
      expect(existsSync(path.join(SITE_DIR, urlPath.slice(1))), `${urlPath} is on disk`).toBe(true);
      const res = await get(urlPath, { 'Accept-Encoding': 'br' });
      expect(res.status, urlPath).toBe(404);
      expect(decoded(res).equals(fileBytes('404.html')), urlPath).toBe(true);
    }
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const url = fileUrl(largestJs);
    const full = await get(url, { 'Accept-Encoding': 'br' });
    const head = await get(url, { 'Accept-Encoding': 'br' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    for (const name of ['content-encoding', 'content-length', 'content-type', 'etag', 'cache-control', 'last-modified']) {
      expect(header(head, name), name).toBe(header(full, name));
    }
  });

  it('answers a Range request with bytes of the file itself, never of a compressed variant', async () => {
    const file = fileBytes('index.html');
    const part = await get('/', { 'Accept-Encoding': 'br, gzip', Range: 'bytes=10-109' });
    expect(part.status).toBe(206);
    expect(header(part, 'content-encoding')).toBeNull();
    expect(header(part, 'content-range')).toBe(`bytes 10-109/${file.length}`);
    expect(part.body.equals(file.subarray(10, 110))).toBe(true);
    const outside = await get('/', { 'Accept-Encoding': 'br', Range: `bytes=${file.length + 10}-` });
    expect(outside.status).toBe(416);
    expect(header(outside, 'content-range')).toBe(`bytes */${file.length}`);
    expect(header(outside, 'cache-control')).toBeNull();
  });
});

describe('cache policy of the built site', () => {
  it('lets browsers keep the hashed /_astro/ files for a year without asking again', async () => {
    for (const rel of [largestJs, form.cssFiles[0]!]) {
      for (const accept of ['br', 'gzip', '']) {
        const res = await get(fileUrl(rel), accept ? { 'Accept-Encoding': accept } : {});
        expect(header(res, 'cache-control'), `${rel} ${accept}`).toBe(IMMUTABLE);
      }
    }
  });

  it('makes pages, the search index and other unhashed text files revalidate, with a validator per encoding', async () => {
    for (const urlPath of ['/', FORM_PAGE, '/cari/indeks.json', '/sitemap.xml', '/favicon.svg']) {
      const tags = new Set<string>();
      for (const accept of ['br', 'gzip', '']) {
        const res = await get(urlPath, accept ? { 'Accept-Encoding': accept } : {});
        const expected = urlPath === '/favicon.svg' ? 'public, max-age=3600' : 'no-cache';
        expect(header(res, 'cache-control'), `${urlPath} ${accept}`).toBe(expected);
        expect(header(res, 'etag'), `${urlPath} ${accept}`).toMatch(/^"[^"]+"$/);
        expect(header(res, 'last-modified'), `${urlPath} ${accept}`).toBeTruthy();
        tags.add(header(res, 'etag')!);
      }
      const rel = urlPath.endsWith('/') ? `${urlPath.slice(1)}index.html` : urlPath.slice(1);
      const variants = ['.br', '.gz'].filter((suffix) => existsSync(path.join(SITE_DIR, rel + suffix))).length;
      expect(tags.size, `${urlPath}: one ETag per encoding`).toBe(1 + variants);
    }
  });

  it('keeps unhashed images for an hour, then revalidates them', async () => {
    const res = await get(`/panduan/${guidePicture}`);
    expect(header(res, 'cache-control')).toBe('public, max-age=3600');
    const again = await get(`/panduan/${guidePicture}`, { 'If-None-Match': header(res, 'etag')! });
    expect(again.status).toBe(304);
  });

  it('answers 304 without a body when the page has not changed, for each encoding', async () => {
    for (const accept of ['br', 'gzip', '']) {
      const first = await get(FORM_PAGE, accept ? { 'Accept-Encoding': accept } : {});
      const etag = header(first, 'etag')!;
      const again = await get(FORM_PAGE, { ...(accept ? { 'Accept-Encoding': accept } : {}), 'If-None-Match': etag });
      expect(again.status, accept).toBe(304);
      expect(again.body.length, accept).toBe(0);
      expect(header(again, 'etag'), accept).toBe(etag);
      expect(header(again, 'cache-control'), accept).toBe('no-cache');
      expect(varies(again), accept).toContain('accept-encoding');
      expect(header(again, 'content-security-policy'), accept).toContain("frame-ancestors 'self'");
      const bySince = await get(FORM_PAGE, { ...(accept ? { 'Accept-Encoding': accept } : {}), 'If-Modified-Since': header(first, 'last-modified')! });
      expect(bySince.status, accept).toBe(304);
    }
    // A validator of another encoding is another representation: the full answer, not a 304.
    const brTag = header(await get(FORM_PAGE, { 'Accept-Encoding': 'br' }), 'etag')!;
    const gz = await get(FORM_PAGE, { 'Accept-Encoding': 'gzip', 'If-None-Match': brTag });
    expect(gz.status).toBe(200);
    expect(decoded(gz).equals(fileBytes(`${FORM_PAGE.slice(1)}index.html`))).toBe(true);
  });

  it('answers an unknown page with 404 and the site 404 page in every encoding, revalidated', async () => {
    for (const accept of ['br', 'gzip', '']) {
      const res = await get('/halaman-yang-tidak-ada/', accept ? { 'Accept-Encoding': accept } : {});
      expect(res.status, accept).toBe(404);
      expect(header(res, 'content-type'), accept).toBe('text/html; charset=utf-8');
      expect(decoded(res).equals(fileBytes('404.html')), accept).toBe(true);
      expect(Number(header(res, 'content-length')), accept).toBe(res.body.length);
      expect(header(res, 'cache-control'), accept).toBe('no-cache');
      expect(header(res, 'content-security-policy'), accept).toContain("frame-ancestors 'self'");
    }
  });
});

describe('API answers', () => {
  it('never carry a public cache header, an encoding or a validator from the static delivery', async () => {
    for (const urlPath of ['/api/health', `/api/lacak/${UNKNOWN_CODE}`, '/api/tidak-ada', '/api/', '/api']) {
      const res = await get(urlPath, { 'Accept-Encoding': 'br, gzip' });
      const cache = header(res, 'cache-control') ?? '';
      expect(cache, urlPath).not.toMatch(/public|max-age=[1-9]|immutable/);
      expect(header(res, 'content-encoding'), urlPath).toBeNull();
      expect(header(res, 'etag'), urlPath).toBeNull();
      expect(varies(res), urlPath).not.toContain('accept-encoding');
    }
    expect(header(await get(`/api/lacak/${UNKNOWN_CODE}`), 'cache-control')).toBe('no-store');
  });

  it('leave the anonymous figures with the minute of caching their own route sets (statistik.pb.js)', async () => {
    // Counts of at least 5 with no personal data, the same for every visitor: the one /api/
    // answer a shared cache may keep, by its own hook's decision, untouched by the site's delivery.
    const res = await get('/api/statistik', { 'Accept-Encoding': 'br, gzip' });
    expect(res.status).toBe(200);
    expect(header(res, 'cache-control')).toBe('public, max-age=60');
    expect(header(res, 'content-encoding')).toBeNull();
    expect(header(res, 'etag')).toBeNull();
  });
});

describe('a site folder whose variants are older than their files', () => {
  let site: string;
  let server: TestPocketBase;
  beforeAll(async () => {
    site = await mkdtemp(path.join(tmpdir(), 'portal-site-'));
    mkdirSync(path.join(site, 'baru'));
    mkdirSync(path.join(site, 'lama'));
    const page = (word: string) => Buffer.from(`<!doctype html><title>${word}</title>${`<p>${word} `.repeat(200)}`);
    writeFileSync(path.join(site, 'baru', 'index.html'), page('baru'));
    writeFileSync(path.join(site, 'baru', 'index.html.br'), brotliCompressSync(page('baru')));
    writeFileSync(path.join(site, 'baru', 'index.html.gz'), gzipSync(page('baru')));
    // Variants made from an earlier copy of the page, which was then replaced by hand.
    writeFileSync(path.join(site, 'lama', 'index.html.br'), brotliCompressSync(page('usang')));
    writeFileSync(path.join(site, 'lama', 'index.html.gz'), gzipSync(page('usang')));
    writeFileSync(path.join(site, 'lama', 'index.html'), page('lama'));
    const earlier = new Date(Date.now() - 60_000);
    utimesSync(path.join(site, 'lama', 'index.html.br'), earlier, earlier);
    utimesSync(path.join(site, 'lama', 'index.html.gz'), earlier, earlier);
    server = await startTestPocketBase({ env: { PORTAL_SITE_DIR: site } });
  });
  afterAll(async () => {
    await server?.stop();
    await rm(site, { recursive: true, force: true });
  });

  it('sends the file itself rather than a stale variant, and fresh variants as usual', async () => {
    for (const accept of ['br', 'gzip']) {
      const stale = await get('/lama/', { 'Accept-Encoding': accept }, 'GET', server.url);
      expect(header(stale, 'content-encoding'), accept).toBeNull();
      expect(stale.body.equals(fileBytes('lama/index.html', site)), accept).toBe(true);
      const fresh = await get('/baru/', { 'Accept-Encoding': accept }, 'GET', server.url);
      expect(header(fresh, 'content-encoding'), accept).toBe(accept);
      expect(decoded(fresh).equals(fileBytes('baru/index.html', site)), accept).toBe(true);
    }
  });

  it('falls back to a plain 404 page when the site has none', async () => {
    const res = await get('/tidak-ada', { 'Accept-Encoding': 'br' }, 'GET', server.url);
    expect(res.status).toBe(404);
    expect(decoded(res).toString()).toContain('Halaman tidak ditemukan');
  });
});
