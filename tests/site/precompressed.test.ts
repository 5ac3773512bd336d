import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { COMPRESSIBLE, VARIANTS } from '../../scripts/lib/precompress.mjs';

// The build (scripts/lib/precompress.mjs, an Astro integration) writes a brotli and a gzip copy
// beside every text file of dist/, which PocketBase sends to browsers that accept them.
const DIST = path.resolve(import.meta.dirname, '..', '..', 'dist');
const VARIANT = /\.(br|gz)$/;

function filesIn(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesIn(full) : [full];
  });
}

const all = existsSync(DIST) ? filesIn(DIST) : [];
const originals = all.filter((f) => !VARIANT.test(f));
const compressible = originals.filter((f) => COMPRESSIBLE.test(f));
const rel = (f: string) => path.relative(DIST, f);

describe('precompressed copies in the built site', () => {
  it('covers pages, styles, scripts, the search index and the SVGs', () => {
    const kinds = new Set(compressible.map((f) => path.extname(f)));
    for (const ext of ['.html', '.css', '.js', '.json', '.svg']) expect(kinds, ext).toContain(ext);
    expect(compressible.length).toBeGreaterThan(100);
  });

  it('has a brotli and a gzip copy of every text file over 512 bytes, each decoding to exactly the file', () => {
    const problems: string[] = [];
    for (const file of compressible) {
      const data = readFileSync(file);
      for (const { suffix, encoding } of VARIANTS) {
        if (!existsSync(file + suffix)) {
          if (data.length > 512) problems.push(`${rel(file)}: no ${suffix}`);
          continue;
        }
        const packed = readFileSync(file + suffix);
        const unpacked = encoding === 'br' ? brotliDecompressSync(packed) : gunzipSync(packed);
        if (!unpacked.equals(data)) problems.push(`${rel(file)}${suffix}: not the file's bytes`);
        if (packed.length >= data.length) problems.push(`${rel(file)}${suffix}: not smaller than the file`);
        // The server ignores a variant older than its file (made from an earlier copy of it).
        if (Math.floor(statSync(file + suffix).mtimeMs / 1000) < Math.floor(statSync(file).mtimeMs / 1000)) problems.push(`${rel(file)}${suffix}: older than the file`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('compresses no image, PDF or font, and leaves no copy without its file', () => {
    const variants = all.filter((f) => VARIANT.test(f));
    expect(variants.length).toBeGreaterThan(0);
    const strays = variants.filter((f) => {
      const original = f.replace(VARIANT, '');
      return !COMPRESSIBLE.test(original) || !existsSync(original);
    });
    expect(strays.map(rel)).toEqual([]);
    const binaries = originals.filter((f) => /\.(png|jpe?g|webp|avif|gif|ico|pdf|woff2?)$/i.test(f));
    expect(binaries.length).toBeGreaterThan(0); // the staff guide's pictures
    for (const file of binaries) for (const { suffix } of VARIANTS) expect(existsSync(file + suffix), rel(file) + suffix).toBe(false);
  });
});
