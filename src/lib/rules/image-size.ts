// The pixel size an image file declares in its header, read from its first bytes only. The
// server refuses decompression bombs with it: a 300 kB PNG can declare 2.5 gigapixels, and
// PocketBase decodes the whole image the first time staff open a thumbnail in the admin UI.
// Takes any indexable bytes (a Uint8Array in tests, the byte slice PocketBase's toBytes gives).

// The limit lives apart so the forms load it without this header reader (which only the
// server and the lazily loaded photo compressor need).
export { MAX_IMAGE_PIXELS, imagePixelsProblem } from './image-limit';

/** How many leading bytes the server reads: EXIF, XMP and ICC segments may push a JPEG's frame header far in. */
export const IMAGE_HEAD_BYTES = 512 * 1024;

type Bytes = ArrayLike<number>;

const at = (b: Bytes, i: number) => (i < b.length ? b[i]! & 0xff : 0);
const u16be = (b: Bytes, i: number) => (at(b, i) << 8) | at(b, i + 1);
const u16le = (b: Bytes, i: number) => at(b, i) | (at(b, i + 1) << 8);
const u24le = (b: Bytes, i: number) => at(b, i) | (at(b, i + 1) << 8) | (at(b, i + 2) << 16);
const u32be = (b: Bytes, i: number) => at(b, i) * 0x1000000 + ((at(b, i + 1) << 16) | (at(b, i + 2) << 8) | at(b, i + 3));
const ascii = (b: Bytes, i: number, n: number) => {
  let s = '';
  for (let k = 0; k < n; k++) s += String.fromCharCode(at(b, i + k));
  return s;
};

function jpegSize(b: Bytes): { width: number; height: number } | null {
  let offset = 2;
  // Every step moves forward, so the walk ends within the bytes read, however the file is crafted.
  while (offset + 4 <= b.length) {
    // Stray bytes where a marker belongs: decoders (Go's among them) skip them and may find a
    // frame header further on, so this file's size cannot be known from here.
    if (at(b, offset) !== 0xff) return null;
    const code = at(b, offset + 1);
    if (code === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    if (code === 0x01 || (code >= 0xd0 && code <= 0xd7)) {
      offset += 2; // markers without a length
      continue;
    }
    if (code === 0xd9 || code === 0xda) return null; // end of image or start of scan before any frame header
    if (code >= 0xc0 && code <= 0xcf && code !== 0xc4 && code !== 0xc8 && code !== 0xcc) {
      if (offset + 9 > b.length) return null;
      return { width: u16be(b, offset + 7), height: u16be(b, offset + 5) };
    }
    const size = u16be(b, offset + 2);
    if (size < 2) return null;
    offset += 2 + size;
  }
  return null;
}

/**
 * Width and height an image declares: undefined when the bytes are not an image a decoder would
 * read (not a JPEG, PNG, WebP or GIF, e.g. a PDF; or a PNG or WebP without its header chunk first,
 * which decoders refuse), null for a JPEG whose frame header is not where a well-formed file
 * has it within these bytes.
 */
export function declaredImageSize(bytes: Bytes): { width: number; height: number } | null | undefined {
  if (at(bytes, 0) === 0xff && at(bytes, 1) === 0xd8 && at(bytes, 2) === 0xff) return jpegSize(bytes);
  if (at(bytes, 0) === 0x89 && ascii(bytes, 1, 3) === 'PNG') {
    return ascii(bytes, 12, 4) === 'IHDR' && bytes.length >= 24 ? { width: u32be(bytes, 16), height: u32be(bytes, 20) } : undefined;
  }
  if (ascii(bytes, 0, 4) === 'GIF8') return bytes.length >= 10 ? { width: u16le(bytes, 6), height: u16le(bytes, 8) } : undefined;
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP' && bytes.length >= 30) {
    const chunk = ascii(bytes, 12, 4);
    if (chunk === 'VP8X') return { width: u24le(bytes, 24) + 1, height: u24le(bytes, 27) + 1 };
    if (chunk === 'VP8L') {
      const bits = (at(bytes, 21) | (at(bytes, 22) << 8) | (at(bytes, 23) << 16) | (at(bytes, 24) << 24)) >>> 0;
      return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
    }
    if (chunk === 'VP8 ') return { width: u16le(bytes, 26) & 0x3fff, height: u16le(bytes, 28) & 0x3fff };
  }
  return undefined;
}

/** Pixels an upload declares in its first bytes (see declaredImageSize): undefined, null, or width × height. */
export function declaredPixels(head: Bytes): number | null | undefined {
  const size = declaredImageSize(head);
  return size ? size.width * size.height : size;
}

