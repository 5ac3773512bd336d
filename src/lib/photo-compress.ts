// Shrinks a document photo in the browser before upload: cheap phones on slow mobile data send
// 3–6 MB camera photos, while a KTP or KK stays legible at 2000 px and a few hundred KB.
// Re-encoding through a canvas also drops EXIF (GPS position, phone model): that is deliberate.
// Loaded with a dynamic import only when a photo is chosen, so it uses no npm packages.

import { humanSize, isImage } from './file-kind';

// Re-exported for callers that already load this module.
export { humanSize, isImage };

export interface CompressResult {
  file: File;
  originalBytes: number;
  outputBytes: number;
  width: number;
  height: number;
  compressed: boolean;
  ms: number;
}

export interface CompressOptions {
  maxLongSide?: number;
  quality?: number;
  /** Lower limit for tests; defaults to MAX_INPUT_PIXELS. */
  maxInputPixels?: number;
}

/** An error whose message is an Indonesian sentence that can be shown to the person as it is. */
export class PhotoError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PhotoError';
  }
}

export const MAX_LONG_SIDE = 2000;
export const JPEG_QUALITY = 0.7;
export const MAX_INPUT_PIXELS = 50_000_000; // refuse decompression bombs before drawing

export const MESSAGE_TOO_LARGE = 'Foto terlalu besar untuk diproses. Ambil ulang foto dengan resolusi lebih kecil.';
export const MESSAGE_UNREADABLE = 'Berkas ini bukan foto yang dapat dibaca. Pilih foto JPG atau PNG, atau berkas PDF.';
const MESSAGE_FAILED = 'Foto tidak dapat diperkecil di perangkat ini. Coba lagi, atau pilih foto lain.';


/** Reads byte ranges of a file, from one head buffer when it can (a few awaits instead of many). */
class ByteReader {
  private head: Uint8Array = new Uint8Array(0);
  constructor(private readonly file: Blob) {}

  async init(length: number): Promise<void> {
    this.head = new Uint8Array(await this.file.slice(0, length).arrayBuffer());
  }

  async at(offset: number, length: number): Promise<Uint8Array | null> {
    if (offset + length <= this.head.length) return this.head.subarray(offset, offset + length);
    if (offset + length > this.file.size) return null;
    return new Uint8Array(await this.file.slice(offset, offset + length).arrayBuffer());
  }
}

const u16be = (b: Uint8Array, i: number) => ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
const u16le = (b: Uint8Array, i: number) => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
const u24le = (b: Uint8Array, i: number) => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8) | ((b[i + 2] ?? 0) << 16);
const u32be = (b: Uint8Array, i: number) => (((b[i] ?? 0) << 24) >>> 0) + (((b[i + 1] ?? 0) << 16) | ((b[i + 2] ?? 0) << 8) | (b[i + 3] ?? 0));
const ascii = (b: Uint8Array, i: number, n: number) => String.fromCharCode(...b.subarray(i, i + n));

/**
 * Width and height declared in the file header (JPEG, PNG, WebP, GIF), found by content, not by
 * name or type. Null when the format is unknown (e.g. HEIC): the decoded size is checked then.
 */
export async function declaredSize(file: Blob): Promise<{ width: number; height: number } | null> {
  const reader = new ByteReader(file);
  await reader.init(64 * 1024);
  const start = await reader.at(0, 30);
  if (!start) return null;

  if (start[0] === 0xff && start[1] === 0xd8) return jpegSize(reader);
  if (ascii(start, 1, 3) === 'PNG' && ascii(start, 12, 4) === 'IHDR') {
    return { width: u32be(start, 16), height: u32be(start, 20) };
  }
  if (ascii(start, 0, 4) === 'GIF8') return { width: u16le(start, 6), height: u16le(start, 8) };
  if (ascii(start, 0, 4) === 'RIFF' && ascii(start, 8, 4) === 'WEBP') {
    const chunk = ascii(start, 12, 4);
    if (chunk === 'VP8X') return { width: u24le(start, 24) + 1, height: u24le(start, 27) + 1 };
    if (chunk === 'VP8L') {
      const bits = ((start[21] ?? 0) | ((start[22] ?? 0) << 8) | ((start[23] ?? 0) << 16) | ((start[24] ?? 0) << 24)) >>> 0;
      return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
    }
    if (chunk === 'VP8 ') return { width: u16le(start, 26) & 0x3fff, height: u16le(start, 28) & 0x3fff };
  }
  return null;
}

/** Walks JPEG segments to the frame header (SOFn); EXIF and ICC segments may push it far in. */
async function jpegSize(reader: ByteReader): Promise<{ width: number; height: number } | null> {
  let offset = 2;
  // A bounded walk: a crafted file cannot keep us reading forever.
  for (let segments = 0; segments < 1000; segments++) {
    const marker = await reader.at(offset, 2);
    if (!marker || marker[0] !== 0xff) return null;
    const code = marker[1] ?? 0;
    if (code === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    if (code === 0x01 || (code >= 0xd0 && code <= 0xd7)) {
      offset += 2; // markers without a length
      continue;
    }
    if (code === 0xd9 || code === 0xda) return null; // end of image or start of scan: no frame header seen
    const isFrame = code >= 0xc0 && code <= 0xcf && code !== 0xc4 && code !== 0xc8 && code !== 0xcc;
    if (isFrame) {
      const frame = await reader.at(offset + 4, 5);
      if (!frame) return null;
      return { width: u16be(frame, 3), height: u16be(frame, 1) };
    }
    const length = await reader.at(offset + 2, 2);
    if (!length) return null;
    const size = u16be(length, 0);
    if (size < 2) return null;
    offset += 2 + size;
  }
  return null;
}

type Source = { image: CanvasImageSource; width: number; height: number; release: () => void };

/** Decodes with the phone's rotation (EXIF orientation) applied. */
async function decode(file: File): Promise<Source> {
  if (typeof createImageBitmap === 'function') {
    const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
    return { image: bitmap, width: bitmap.width, height: bitmap.height, release: () => bitmap.close() };
  }
  // Old browsers without createImageBitmap: an <img> also applies EXIF orientation by default.
  const url = URL.createObjectURL(file);
  const img = new Image();
  img.src = url;
  try {
    await img.decode();
  } catch (error) {
    URL.revokeObjectURL(url);
    throw error;
  }
  return { image: img, width: img.naturalWidth, height: img.naturalHeight, release: () => URL.revokeObjectURL(url) };
}

async function drawToJpeg(source: Source, width: number, height: number, quality: number): Promise<Blob | null> {
  if (typeof OffscreenCanvas === 'function') {
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d');
    if (!ctx) return null;
    paint(ctx, source, width, height);
    return canvas.convertToBlob({ type: 'image/jpeg', quality });
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  paint(ctx, source, width, height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
  // Give the pixel memory back at once; cheap phones have little of it.
  canvas.width = 0;
  canvas.height = 0;
  return blob;
}

function paint(ctx: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D, source: Source, width: number, height: number): void {
  // JPEG has no transparency: a transparent PNG would otherwise turn black.
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(source.image, 0, 0, width, height);
}

function jpegName(name: string): string {
  const base = name.replace(/\.[^./\\]*$/, '').trim();
  return `${base || 'foto'}.jpg`;
}

/**
 * Photo → JPEG of at most `maxLongSide` px on the long side, without metadata. Anything that is
 * not an image (PDF) comes back untouched. Throws PhotoError with a message for the person.
 */
export async function compressImage(input: File, options: CompressOptions = {}): Promise<CompressResult> {
  const started = performance.now();
  const maxLongSide = options.maxLongSide ?? MAX_LONG_SIDE;
  const quality = options.quality ?? JPEG_QUALITY;
  const maxInputPixels = options.maxInputPixels ?? MAX_INPUT_PIXELS;
  const elapsed = () => Math.round(performance.now() - started);

  if (!isImage(input)) {
    return { file: input, originalBytes: input.size, outputBytes: input.size, width: 0, height: 0, compressed: false, ms: elapsed() };
  }

  // The header tells the size before any pixel memory is taken.
  let declared: { width: number; height: number } | null = null;
  try {
    declared = await declaredSize(input);
  } catch {
    declared = null; // unreadable header: let the decoder decide
  }
  if (declared && declared.width * declared.height > maxInputPixels) throw new PhotoError(MESSAGE_TOO_LARGE);

  let source: Source;
  try {
    source = await decode(input);
  } catch {
    throw new PhotoError(MESSAGE_UNREADABLE);
  }

  try {
    // Formats whose header we do not parse (HEIC) are checked here, still before drawing.
    if (source.width * source.height > maxInputPixels) throw new PhotoError(MESSAGE_TOO_LARGE);
    if (source.width < 1 || source.height < 1) throw new PhotoError(MESSAGE_UNREADABLE);

    const scale = Math.min(1, maxLongSide / Math.max(source.width, source.height));
    const width = Math.max(1, Math.round(source.width * scale));
    const height = Math.max(1, Math.round(source.height * scale));

    let blob: Blob | null;
    try {
      blob = await drawToJpeg(source, width, height, quality);
    } catch {
      blob = null;
    }
    if (!blob || blob.size === 0) throw new PhotoError(MESSAGE_FAILED);

    const file = new File([blob], jpegName(input.name), { type: 'image/jpeg' });
    return { file, originalBytes: input.size, outputBytes: file.size, width, height, compressed: true, ms: elapsed() };
  } finally {
    source.release();
  }
}
