import { describe, expect, it } from 'vitest';
import { COMPRESSIBLE } from '../../scripts/lib/precompress.mjs';
import { loadHookLib } from '../support/hook-lib';

interface StaticDelivery {
  chooseEncoding(header: string | null): string;
  cacheControl(rel: string): string;
  cleanPath(raw: string): string | null;
  isVariantPath(rel: string): boolean;
  COMPRESSIBLE: RegExp;
}

describe('static delivery choices (pb_hooks/lib/static-delivery.js)', () => {
  const delivery = loadHookLib<StaticDelivery>('static-delivery.js');

  it('compresses the same kinds of file the build precompresses', () => {
    expect(delivery.COMPRESSIBLE.source).toBe(COMPRESSIBLE.source);
    expect(delivery.COMPRESSIBLE.flags).toBe(COMPRESSIBLE.flags);
  });

  it('prefers brotli, honours q-values and zero, and falls back to the file as it is', () => {
    const cases: [string | null, string][] = [
      [null, ''],
      ['', ''],
      ['gzip, deflate, br, zstd', 'br'],
      ['br', 'br'],
      ['gzip', 'gzip'],
      ['GZIP', 'gzip'],
      ['x-gzip', 'gzip'],
      ['gzip;q=1, br;q=0.5', 'gzip'],
      ['br;q=0, gzip', 'gzip'],
      ['br; q=0.8, gzip; q=0.8', 'br'],
      ['br;q=0, gzip;q=0', ''],
      ['identity', ''],
      ['deflate, zstd', ''],
      ['*', 'br'],
      ['*;q=0', ''],
      ['gzip, *;q=0', 'gzip'],
      ['br;q=2', ''],
      ['br;q=abc, gzip', 'gzip'],
    ];
    for (const [header, expected] of cases) expect(delivery.chooseEncoding(header), String(header)).toBe(expected);
  });

  it('keeps hashed files a year, images an hour, everything else revalidated', () => {
    expect(delivery.cacheControl('_astro/ApplicationForm.abc123.js')).toBe('public, max-age=31536000, immutable');
    expect(delivery.cacheControl('_astro/global.abc.css')).toBe('public, max-age=31536000, immutable');
    expect(delivery.cacheControl('panduan/masuk.png')).toBe('public, max-age=3600');
    expect(delivery.cacheControl('favicon.svg')).toBe('public, max-age=3600');
    for (const rel of ['index.html', 'layanan/x/index.html', 'cari/indeks.json', 'sitemap.xml', 'petugas/index.html']) expect(delivery.cacheControl(rel), rel).toBe('no-cache');
  });

  it('refuses paths that would leave the site folder, and tells variants from other files', () => {
    expect(delivery.cleanPath('')).toBe('');
    expect(delivery.cleanPath('layanan/x/')).toBe('layanan/x');
    expect(delivery.cleanPath('./a//b')).toBe('a/b');
    expect(delivery.cleanPath('../etc/passwd')).toBeNull();
    expect(delivery.cleanPath('a/../../b')).toBeNull();
    expect(delivery.cleanPath('a\\..\\b')).toBeNull();
    expect(delivery.isVariantPath('_astro/a.js.br')).toBe(true);
    expect(delivery.isVariantPath('index.html.gz')).toBe(true);
    expect(delivery.isVariantPath('unduhan/arsip.tar.gz')).toBe(false);
    expect(delivery.isVariantPath('_astro/a.js')).toBe(false);
  });
});
