// Image files made in Node without an image library: PNG is simple enough to write by hand
// (chunks with a CRC, pixel rows deflated), which is all hostile-image tests need.
import { crc32, deflateSync } from 'node:zlib';

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
