// Precompression of the built site: every text file in dist/ (HTML, CSS, JS, JSON, SVG, XML,
// plain text) gets a brotli `.br` and a gzip `.gz` next to it, made once per build at the
// strongest settings, so PocketBase sends a phone ~3× fewer bytes without compressing anything
// per request (pocketbase/pb_hooks/lib/static-delivery.js picks the variant). Images, PDFs and
// fonts are already compressed and are left alone.
//
// Runs as an Astro integration after every `astro build` (npm run build, npm start, npm test,
// the bench), so no path to a built site skips it.
import { readdir, readFile, stat, utimes, writeFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Files worth compressing; keep in step with COMPRESSIBLE in pocketbase/pb_hooks/lib/static-delivery.js. */
export const COMPRESSIBLE = /\.(html|css|js|mjs|json|svg|xml|txt|webmanifest)$/i;
/** The variants and the Content-Encoding each stands for. */
export const VARIANTS = /** @type {const} */ ([
  { suffix: '.br', encoding: 'br' },
  { suffix: '.gz', encoding: 'gzip' },
]);

async function filesIn(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesIn(full)));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

function encode(encoding, data) {
  if (encoding === 'br') {
    return brotli(data, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    });
  }
  return gzip(data, { level: zlib.constants.Z_BEST_COMPRESSION });
}

/**
 * Writes `<file>.br` and `<file>.gz` for every compressible file under `dir`. A variant that would
 * not be smaller than the file itself (a tiny SVG) is not written, and a stale one is removed:
 * the server then sends the file as it is. Each variant gets its file's modification time, so
 * every encoding of a file carries the same Last-Modified and the server can tell a variant made
 * from an older copy of the file (older than the file) and ignore it.
 */
export async function precompressDir(dir) {
  const started = performance.now();
  const files = (await filesIn(dir)).filter((f) => COMPRESSIBLE.test(f));
  const totals = { files: files.length, bytes: 0, br: 0, gzip: 0, written: 0, ms: 0 };
  // zlib runs on libuv's thread pool: a few files at a time use every core of a small machine.
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++];
      const [data, info] = await Promise.all([readFile(file), stat(file)]);
      totals.bytes += data.length;
      for (const { suffix, encoding } of VARIANTS) {
        const target = file + suffix;
        const packed = await encode(encoding, data);
        if (packed.length >= data.length) {
          await unlink(target).catch(() => {});
          totals[encoding] += data.length;
          continue;
        }
        await writeFile(target, packed);
        await utimes(target, info.atime, info.mtime);
        totals[encoding] += packed.length;
        totals.written++;
      }
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  totals.ms = performance.now() - started;
  return totals;
}

/** The Astro integration: precompresses the output folder once the build is done. */
export function precompress() {
  return {
    name: 'portal-precompress',
    hooks: {
      /** @param {{ dir: URL, logger: { info: (message: string) => void } }} options */
      'astro:build:done': async ({ dir, logger }) => {
        const t = await precompressDir(fileURLToPath(dir));
        const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
        logger.info(`${t.files} text files (${kb(t.bytes)}) precompressed in ${(t.ms / 1000).toFixed(1)} s: brotli ${kb(t.br)}, gzip ${kb(t.gzip)}`);
      },
    },
  };
}
