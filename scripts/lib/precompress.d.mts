import type { AstroIntegration } from 'astro';

export const COMPRESSIBLE: RegExp;
export const VARIANTS: readonly [{ readonly suffix: '.br'; readonly encoding: 'br' }, { readonly suffix: '.gz'; readonly encoding: 'gzip' }];
export interface PrecompressTotals {
  /** compressible files found */
  files: number;
  /** their bytes */
  bytes: number;
  /** bytes of every file as brotli (or as it is, where brotli would not be smaller) */
  br: number;
  /** the same for gzip */
  gzip: number;
  /** variants written */
  written: number;
  ms: number;
}
export function precompressDir(dir: string): Promise<PrecompressTotals>;
export function precompress(): AstroIntegration;
