// Shrinks a document photo in the browser before upload: cheap phones on slow mobile data send
// 3–6 MB camera photos, while a KTP or KK stays legible at 2000 px and a few hundred KB.
// Re-encoding through a canvas also drops EXIF (GPS position, phone model): that is deliberate.
// Loaded with a dynamic import only when a photo is chosen, so it uses no npm packages.

import { humanSize, isImage } from './file-kind';
import { declaredImageSize, IMAGE_HEAD_BYTES, MAX_IMAGE_PIXELS } from './rules/image-size';

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
/** Refuse decompression bombs before drawing; the server's limit too. */
export const MAX_INPUT_PIXELS = MAX_IMAGE_PIXELS;

export const MESSAGE_TOO_LARGE = 'Foto terlalu besar untuk diproses. Ambil ulang foto dengan resolusi lebih kecil.';
export const MESSAGE_UNREADABLE = 'Berkas ini bukan foto yang dapat dibaca. Pilih foto JPG atau PNG, atau berkas PDF.';
const MESSAGE_FAILED = 'Foto tidak dapat diperkecil di perangkat ini. Coba lagi, atau pilih foto lain.';


/**
 * Width and height declared in the file header (JPEG, PNG, WebP, GIF), found by content, not by
 * name or type, with the same rule the server applies (rules/image-size.ts). Undefined when the
 * format is unknown (e.g. HEIC): the decoded size is checked then. Null for a JPEG whose frame
 * header is not where a well-formed file has it: the server refuses those, so the form does too.
 */
export async function declaredSize(file: Blob): Promise<{ width: number; height: number } | null | undefined> {
  return declaredImageSize(new Uint8Array(await file.slice(0, IMAGE_HEAD_BYTES).arrayBuffer()));
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
  let declared: { width: number; height: number } | null | undefined;
  try {
    declared = await declaredSize(input);
  } catch {
    throw new PhotoError(MESSAGE_UNREADABLE); // the file itself cannot be read
  }
  if (declared === null) throw new PhotoError(MESSAGE_UNREADABLE);
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
