import { describe, expect, it } from 'vitest';
import { humanSize, isImage } from '../../src/lib/file-kind';

describe('file sizes as a person reads them (EYD V)', () => {
  it('writes kilobytes as whole numbers and megabytes with a decimal comma', () => {
    expect(humanSize(380 * 1024)).toBe('380 KB');
    expect(humanSize(2.4 * 1024 * 1024)).toBe('2,4 MB');
    expect(humanSize(3_145_728)).toBe('3 MB');
    expect(humanSize(1024)).toBe('1 KB');
    expect(humanSize(1536)).toBe('2 KB');
    expect(humanSize(10.25 * 1024 * 1024)).toBe('10,3 MB');
  });

  it('counts 1 KB as 1024 bytes', () => {
    expect(humanSize(400 * 1024)).toBe('400 KB');
    expect(humanSize(400_000)).toBe('391 KB');
  });

  it('handles tiny, empty and nonsense sizes without odd output', () => {
    expect(humanSize(0)).toBe('0 B');
    expect(humanSize(512)).toBe('512 B');
    expect(humanSize(-5)).toBe('0 B');
    expect(humanSize(Number.NaN)).toBe('0 B');
  });

  it('moves to the next unit instead of writing four digits', () => {
    expect(humanSize(1000)).toBe('1 KB');
    expect(humanSize(1023 * 1024)).toBe('1 MB');
    expect(humanSize(1024 * 1024 * 1024)).toBe('1 GB');
  });
});

describe('which files are photos', () => {
  it('treats images as photos and PDFs or text as documents to leave alone', () => {
    expect(isImage(new File(['%PDF-1.4'], 'x.pdf', { type: 'application/pdf' }))).toBe(false);
    expect(isImage(new File(['halo'], 'catatan.txt', { type: 'text/plain' }))).toBe(false);
    expect(isImage(new File([new Uint8Array([0xff, 0xd8])], 'ktp.jpg', { type: 'image/jpeg' }))).toBe(true);
    expect(isImage(new File([new Uint8Array(8)], 'kk.png', { type: 'image/png' }))).toBe(true);
    expect(isImage(new File([new Uint8Array(8)], 'IMG_0001.HEIC', { type: 'image/heic' }))).toBe(true);
  });

  it('falls back to the extension when the phone gives no type', () => {
    expect(isImage(new File([new Uint8Array(8)], 'IMG_0001.JPG'))).toBe(true);
    expect(isImage(new File([new Uint8Array(8)], 'foto.webp'))).toBe(true);
    expect(isImage(new File(['%PDF-1.4'], 'sktm.pdf'))).toBe(false);
    expect(isImage(new File(['x'], 'tanpa-ekstensi'))).toBe(false);
  });

  it('believes a declared type over the name (a PDF named .jpg is still a PDF)', () => {
    expect(isImage(new File(['%PDF-1.4'], 'ktp.jpg', { type: 'application/pdf' }))).toBe(false);
  });
});
