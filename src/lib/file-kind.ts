// Small file helpers the form needs before (and without) loading the photo compressor.

// Some Android file pickers give an empty type; the extension is then all there is.
const IMAGE_EXTENSION = /\.(jpe?g|jfif|png|webp|gif|bmp|heic|heif|avif)$/i;

/** True for a picture the browser may be able to decode (not for PDF or other documents). */
export function isImage(file: File): boolean {
  const type = file.type.toLowerCase();
  if (type !== '') return type.startsWith('image/');
  return IMAGE_EXTENSION.test(file.name);
}

/** "380 KB", "2,4 MB": decimal comma as in Indonesian, 1 KB = 1024 B. */
export function humanSize(bytes: number): string {
  const value = Number.isFinite(bytes) && bytes > 0 ? bytes : 0;
  if (value < 1000) return `${Math.round(value)} B`;
  const kb = Math.round(value / 1024);
  // Switch unit before four digits appear ("1.023 KB" reads worse than "1 MB").
  if (kb < 1000) return `${Math.max(kb, 1)} KB`;
  const units = ['MB', 'GB', 'TB'];
  let scaled = value / 1024 / 1024;
  let unit = 0;
  while (Math.round(scaled * 10) / 10 >= 1000 && unit < units.length - 1) {
    scaled /= 1024;
    unit++;
  }
  const rounded = Math.round(scaled * 10) / 10;
  const text = Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1).replace('.', ',');
  return `${text} ${units[unit]}`;
}

/**
 * A chosen document file made ready to send: a photo is shrunk by the compressor, loaded only now
 * (pages without a chosen photo never download it); anything else is left as it is. Throws the
 * compressor's PhotoError, whose message can be shown to the person as it is.
 */
export async function prepareDocumentFile(file: File): Promise<{ file: File; note: string }> {
  if (!isImage(file)) return { file, note: '' };
  const { compressImage } = await import('./photo-compress');
  const result = await compressImage(file);
  return { file: result.file, note: result.compressed ? `Foto diperkecil dari ${humanSize(result.originalBytes)} menjadi ${humanSize(result.outputBytes)}.` : '' };
}
