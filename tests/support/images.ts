// Image files made without an image library: PNG is simple enough to write by hand in Node
// (chunks with a CRC, pixel rows deflated), which is all hostile-image tests need; a camera-like
// JPEG is drawn by the browser itself.
import { crc32, deflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** One PNG chunk: length, type, data, CRC over type and data. */
export function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

/** The PNG signature and its IHDR chunk, declaring width × height at the given bit depth and colour type. */
export function pngHead(width: number, height: number, bitDepth: number, colourType: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = bitDepth;
  header[9] = colourType;
  return Buffer.concat([SIGNATURE, pngChunk('IHDR', header)]);
}

/**
 * An RGB PNG declaring `width`×`height`, every chunk with a valid CRC. With `rows` below the
 * height only that many pixel rows are stored: a file of a few hundred bytes that asks a decoder
 * for width×height×4 bytes of memory (a decompression bomb). `idat` replaces the pixel data.
 */
export function png(width: number, height: number, options: { rows?: number; idat?: Buffer; color?: [number, number, number] } = {}): Buffer {
  const rows = Math.min(options.rows ?? height, height);
  let idat = options.idat;
  if (!idat) {
    const [r, g, b] = options.color ?? [200, 120, 60];
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) row.set([r, g, b], 1 + x * 3);
    idat = deflateSync(Buffer.concat(Array.from({ length: rows }, () => row)));
  }
  // 8-bit truecolour (colour type 2).
  return Buffer.concat([pngHead(width, height, 8, 2), pngChunk('IDAT', idat), pngChunk('IEND', Buffer.alloc(0))]);
}

/**
 * A noisy camera-like JPEG made in the page's canvas (no image library in Node), as bytes: large
 * enough at 3000×2000 (over 1 MB) that the in-browser compressor has real work to do. It shows
 * `label` and, below it, `detail` (by default a fictitious NIK, as on a photographed document).
 */
export async function jpegPhoto(page: Page, width: number, height: number, label: string, detail = 'NIK 1901014507800001'): Promise<Buffer> {
  const base64 = await page.evaluate(
    async ({ width, height, label, detail }) => {
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const ctx = canvas.getContext('2d')!;
      const image = ctx.createImageData(width, height);
      let seed = 7;
      for (let i = 0; i < image.data.length; i += 4) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        const n = seed % 60;
        image.data[i] = 150 + n;
        image.data[i + 1] = 120 + n;
        image.data[i + 2] = 90 + n;
        image.data[i + 3] = 255;
      }
      ctx.putImageData(image, 0, 0);
      ctx.fillStyle = '#f4f4f0';
      ctx.fillRect(width * 0.1, height * 0.15, width * 0.8, height * 0.7);
      ctx.fillStyle = '#111';
      ctx.font = `${Math.round(height / 14)}px sans-serif`;
      ctx.fillText(label, width * 0.15, height * 0.4);
      ctx.fillText(detail, width * 0.15, height * 0.6);
      const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/jpeg', 0.95));
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(binary);
    },
    { width, height, label, detail },
  );
  return Buffer.from(base64, 'base64');
}
