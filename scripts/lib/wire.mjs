// Bytes on the wire: what the running product really sends for a page, its stylesheets and its
// scripts when asked the way a browser asks (Accept-Encoding: br, gzip). Node's fetch decodes
// compressed bodies and hides what was transferred, so this speaks node:http and counts the body
// bytes as they arrive (no headers, no chunk framing).
import http from 'node:http';
import { gzipSync } from 'node:zlib';

/** What current browsers send (they add deflate and zstd, which the product does not offer). */
export const BROWSER_ACCEPT_ENCODING = 'br, gzip';

/** One request; the body exactly as received, never decoded. */
export function requestRaw(url, { method = 'GET', headers = {} } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** URL path of a file given relative to the site folder: `_astro/a.js` → `/_astro/a.js`. */
export function fileUrl(relative) {
  return `/${relative.split(/[\\/]+/).join('/')}`;
}

/**
 * Body bytes the product sends for one page (from measurePage): its HTML, the stylesheets it
 * links and the scripts it loads up front, and the Content-Encoding of each answer.
 */
export async function measureWire(base, page, { acceptEncoding = BROWSER_ACCEPT_ENCODING } = {}) {
  const encodings = new Set();
  const get = async (urlPath) => {
    const res = await requestRaw(base + urlPath, { headers: acceptEncoding ? { 'Accept-Encoding': acceptEncoding } : {} });
    if (res.status !== 200) throw new Error(`${urlPath}: HTTP ${res.status}`);
    const encoding = res.headers['content-encoding'];
    // A file compression cannot shrink (Astro's 47-byte client stub) is rightly sent as it is,
    // as the build's precompress step decides; only one that would have shrunk counts against.
    if (typeof encoding === 'string' && encoding) encodings.add(encoding);
    else encodings.add(gzipSync(res.body).length < res.body.length ? 'identity' : 'identity (not worth compressing)');
    return res.body.length;
  };
  let cssBytes = 0;
  let jsBytes = 0;
  const htmlBytes = await get(page.page);
  for (const file of page.cssFiles) cssBytes += await get(fileUrl(file));
  for (const file of page.jsFiles) jsBytes += await get(fileUrl(file));
  return { page: page.page, htmlBytes, cssBytes, jsBytes, totalBytes: htmlBytes + cssBytes + jsBytes, encodings: [...encodings].sort() };
}
