// How many pixels an uploaded picture may declare, and the verdict on a declared size
// (image-size.ts reads the size from a file's header).

/** The most pixels an uploaded photo may declare (the browser compressor's limit too). */
export const MAX_IMAGE_PIXELS = 50_000_000;

/** Whether an uploaded picture can be kept: 'unreadable', 'too_large' or null. `pixels` as from declaredPixels. */
export function imagePixelsProblem(pixels: number | null | undefined): 'unreadable' | 'too_large' | null {
  if (pixels === null) return 'unreadable';
  if (pixels !== undefined && pixels > MAX_IMAGE_PIXELS) return 'too_large';
  return null;
}
