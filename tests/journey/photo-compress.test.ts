// The photo and draft libraries in a real Chromium, on a page of the built site (same origin, so
// IndexedDB is the site's own). No page ships them yet, so the test bundles them with esbuild and
// serves the bundle at a same-origin path (a future script-src 'self' policy still allows it).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { JSHandle, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useJourney } from '../support/journey';
import { loadContent, SITE } from '../support/content';
import type * as PhotoLib from '../../src/lib/photo-compress';
import type * as DraftLib from '../../src/lib/draft-store';

/** What the bundle puts on `window.__pustakaUji`. */
type Uji = { __pustakaUji: typeof PhotoLib & typeof DraftLib };

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BUNDLE_PATH = '/__uji/pustaka-foto.js';
const KB = 1024;
const MB = 1024 * 1024;

const journey = useJourney();
let bundle = '';

beforeAll(async () => {
  const result = await build({
    stdin: {
      contents: `import * as photo from './src/lib/photo-compress';
import * as draft from './src/lib/draft-store';
window.__pustakaUji = { ...photo, ...draft };`,
      resolveDir: ROOT,
      loader: 'ts',
      sourcefile: 'uji-entry.ts',
    },
    bundle: true,
    format: 'esm',
    target: 'es2022',
    write: false,
  });
  bundle = result.outputFiles[0]?.text ?? '';
  expect(bundle).toContain('createImageBitmap');
});

/** Loads the libraries into the page as it is now (again after every navigation). */
async function loadLibraries(page: Page): Promise<void> {
  await page.route(`**${BUNDLE_PATH}`, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: bundle }));
  await page.addScriptTag({ url: BUNDLE_PATH, type: 'module' });
  await page.waitForFunction(() => '__pustakaUji' in window);
}

async function openSite() {
  const opened = await journey.open();
  await opened.page.goto('/');
  await loadLibraries(opened.page);
  return opened;
}

// The office's own place names on the card, as a KTP issued there would carry them.
interface KtpPlace {
  province: string;
  region: string;
  kecamatan: string;
}
const KTP_PLACE: KtpPlace = {
  province: SITE.region.province.toUpperCase(),
  region: SITE.region.name.toUpperCase(),
  kecamatan: loadContent().kecamatan[0]!.data.name.toUpperCase(),
};

// The functions below run in the browser (Playwright sends their source), so each is self-contained.

/**
 * A phone photo of a KTP on a desk: 4000×3000, a wood-like background, a card with readable text
 * (a 16-digit NIK, name, address...) and per-pixel sensor-like noise, saved at JPEG quality 0.92.
 */
async function makeKtpPhoto({ noise, place }: { noise: number; place: KtpPlace }): Promise<File> {
  let seed = 20261123;
  // xorshift: the same "photo" at every run, so sizes stay comparable.
  const rnd = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 4294967296;
  };
  const W = 4000;
  const H = 3000;
  const canvas = new OffscreenCanvas(W, H);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d context');
  const desk = ctx.createLinearGradient(0, 0, W, H);
  desk.addColorStop(0, '#8a6a4a');
  desk.addColorStop(1, '#5e4430');
  ctx.fillStyle = desk;
  ctx.fillRect(0, 0, W, H);
  for (let i = 0; i < 400; i++) {
    ctx.fillStyle = `rgba(${(60 + rnd() * 80) | 0},${(40 + rnd() * 50) | 0},${(20 + rnd() * 30) | 0},0.25)`;
    ctx.fillRect(0, rnd() * H, W, 2 + rnd() * 18);
  }
  const cx = 600;
  const cy = 620;
  const cw = 2800;
  const ch = 1766; // 85.6 × 54 mm
  ctx.save();
  ctx.shadowColor = 'rgba(0,0,0,0.5)';
  ctx.shadowBlur = 40;
  ctx.fillStyle = '#cfe3f0';
  ctx.beginPath();
  ctx.roundRect(cx, cy, cw, ch, 60);
  ctx.fill();
  ctx.restore();
  const card = ctx.createLinearGradient(cx, cy, cx + cw, cy + ch);
  card.addColorStop(0, 'rgba(180,215,235,0.9)');
  card.addColorStop(1, 'rgba(230,240,250,0.9)');
  ctx.fillStyle = card;
  ctx.beginPath();
  ctx.roundRect(cx, cy, cw, ch, 60);
  ctx.fill();
  ctx.fillStyle = '#1a1a1a';
  ctx.textBaseline = 'top';
  ctx.textAlign = 'center';
  ctx.font = 'bold 64px sans-serif';
  ctx.fillText(`PROVINSI ${place.province}`, cx + cw / 2, cy + 50);
  ctx.fillText(place.region, cx + cw / 2, cy + 130);
  ctx.textAlign = 'left';
  const lines: Array<[string, string]> = [
    ['NIK', '1901024507880003'],
    ['Nama', 'SITI RAHMAWATI'],
    ['Tempat/Tgl Lahir', `${place.kecamatan}, 05-07-1988`],
    ['Jenis Kelamin', 'PEREMPUAN   Gol. Darah: O'],
    ['Alamat', 'JL. JENDERAL SUDIRMAN NO. 12'],
    ['RT/RW', '003/002'],
    ['Kel/Desa', place.kecamatan],
    ['Kecamatan', place.kecamatan],
    ['Agama', 'ISLAM'],
    ['Status Perkawinan', 'KAWIN'],
    ['Pekerjaan', 'MENGURUS RUMAH TANGGA'],
    ['Kewarganegaraan', 'WNI'],
  ];
  // 52 px here is 26 px at 2000 px wide: small print, still readable.
  let y = cy + 240;
  for (const [label, value] of lines) {
    ctx.font = label === 'NIK' ? 'bold 72px sans-serif' : '52px sans-serif';
    ctx.fillText(label, cx + 80, y);
    ctx.fillText(`: ${value}`, cx + 700, y);
    y += label === 'NIK' ? 110 : 100;
  }
  ctx.fillStyle = '#b33';
  ctx.fillRect(cx + cw - 650, cy + 300, 500, 650);
  ctx.fillStyle = '#e8c8a8';
  ctx.beginPath();
  ctx.ellipse(cx + cw - 400, cy + 560, 150, 190, 0, 0, Math.PI * 2);
  ctx.fill();
  const image = ctx.getImageData(0, 0, W, H);
  const d = image.data;
  for (let i = 0; i < d.length; i += 4) {
    const n = (rnd() - 0.5) * noise;
    d[i] = (d[i] ?? 0) + n + (rnd() - 0.5) * noise * 0.3;
    d[i + 1] = (d[i + 1] ?? 0) + n;
    d[i + 2] = (d[i + 2] ?? 0) + n + (rnd() - 0.5) * noise * 0.3;
  }
  ctx.putImageData(image, 0, 0);
  const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 });
  return new File([blob], 'IMG_20261123_101500.jpg', { type: 'image/jpeg' });
}

/** A plain picture of the given size and type (left half red, right half blue). */
async function makePlainPhoto({ width, height, type, name }: { width: number; height: number; type: string; name: string }): Promise<File> {
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d context');
  ctx.fillStyle = '#dd0000';
  ctx.fillRect(0, 0, width / 2, height);
  ctx.fillStyle = '#0000dd';
  ctx.fillRect(width / 2, 0, width / 2, height);
  const blob = await canvas.convertToBlob({ type, quality: 0.9 });
  return new File([blob], name, { type });
}

describe('compressing a document photo before upload', () => {
  it('a 3 MB phone photo of a KTP becomes a legible JPEG of at most 400 KB, 2000 px on the long side', async () => {
    const { page, consoleErrors, close } = await openSite();
    const photo = await page.evaluateHandle(makeKtpPhoto, { noise: 14, place: KTP_PLACE });

    const result = await page.evaluate(async (file) => {
      const lib = (window as unknown as Uji).__pustakaUji;
      const r = await lib.compressImage(file);
      return { ...r, file: undefined, type: r.file.type, name: r.file.name, label: `${lib.humanSize(r.originalBytes)} → ${lib.humanSize(r.outputBytes)}` };
    }, photo);
    console.log(`KTP photo: ${result.originalBytes} B → ${result.outputBytes} B (${result.label}), ${result.width}×${result.height}, ${result.ms} ms`);

    expect(result.originalBytes).toBeGreaterThanOrEqual(2.5 * MB);
    expect(result.outputBytes).toBeLessThanOrEqual(400 * KB);
    expect(Math.max(result.width, result.height)).toBe(2000);
    expect([result.width, result.height]).toEqual([2000, 1500]);
    expect(result.type).toBe('image/jpeg');
    expect(result.name).toBe('IMG_20261123_101500.jpg');
    expect(result.compressed).toBe(true);

    // Legibility: the output against a 2000-px downscale of the original, over the card with its
    // text. Two heavily degraded versions must fail the same threshold, or the check proves nothing.
    const diff = await page.evaluate(async (file) => {
      const lib = (window as unknown as Uji).__pustakaUji;
      const W = 2000;
      const H = 1500;
      const pixels = async (source: Blob) => {
        const canvas = new OffscreenCanvas(W, H);
        const ctx = canvas.getContext('2d');
        if (!ctx) throw new Error('no 2d context');
        ctx.imageSmoothingQuality = 'high';
        const bitmap = await createImageBitmap(source);
        ctx.drawImage(bitmap, 0, 0, W, H); // also scales a 200-px image back up
        bitmap.close();
        return ctx.getImageData(0, 0, W, H).data;
      };
      // The card's text area at 2000 px: from the top line to the last, left of the portrait.
      const [x0, y0, x1, y1] = [340, 330, 1300, 1110];
      const meanAbsDiff = (a: Uint8ClampedArray, b: Uint8ClampedArray) => {
        let sum = 0;
        let n = 0;
        for (let y = y0; y < y1; y++) {
          for (let x = x0; x < x1; x++) {
            const i = (y * W + x) * 4;
            for (let c = 0; c < 3; c++) sum += Math.abs((a[i + c] ?? 0) - (b[i + c] ?? 0));
            n += 3;
          }
        }
        return sum / n;
      };
      const reference = await pixels(file);
      const normal = await lib.compressImage(file);
      const crushed = await lib.compressImage(file, { quality: 0.05 });
      const tiny = await lib.compressImage(file, { maxLongSide: 200 });
      return {
        normal: meanAbsDiff(reference, await pixels(normal.file)),
        crushed: meanAbsDiff(reference, await pixels(crushed.file)),
        tiny: meanAbsDiff(reference, await pixels(tiny.file)),
      };
    }, photo);
    console.log(`mean absolute difference per channel over the card text: normal ${diff.normal.toFixed(2)}, quality 0.05 ${diff.crushed.toFixed(2)}, 200 px ${diff.tiny.toFixed(2)}`);
    const LEGIBLE = 6;
    expect(diff.normal).toBeLessThan(LEGIBLE);
    expect(diff.crushed).toBeGreaterThan(LEGIBLE);
    expect(diff.tiny).toBeGreaterThan(LEGIBLE);

    await photo.dispose();
    expect(consoleErrors).toEqual([]);
    await close();
  });

  it('strips EXIF (GPS, phone model) and applies the phone’s rotation before stripping it', async () => {
    const { page, consoleErrors, close } = await openSite();
    const landscape: JSHandle<File> = await page.evaluateHandle(makePlainPhoto, { width: 400, height: 300, type: 'image/jpeg', name: 'kk.jpeg' });
    const result = await page.evaluate(async (file) => {
      const lib = (window as unknown as Uji).__pustakaUji;
      // A minimal big-endian TIFF: IFD0 with Model = "HP-MURAH-X1" and Orientation = 6 (turn 90° clockwise).
      const model = 'HP-MURAH-X1\0';
      const tiff = [0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8, 0, 2, 0x01, 0x10, 0, 2, 0, 0, 0, model.length, 0, 0, 0, 38, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0];
      const payload = [...'Exif\0\0', ...model].map((ch) => ch.charCodeAt(0));
      payload.splice(6, 0, ...tiff);
      const length = payload.length + 2;
      const app1 = [0xff, 0xe1, length >> 8, length & 0xff, ...payload];
      const jpeg = new Uint8Array(await file.arrayBuffer());
      const bytes = new Uint8Array(jpeg.length + app1.length);
      bytes.set(jpeg.subarray(0, 2)); // SOI
      bytes.set(app1, 2);
      bytes.set(jpeg.subarray(2), 2 + app1.length);
      const withExif = new File([bytes], 'kk.jpeg', { type: 'image/jpeg' });

      const scan = async (blob: Blob) => {
        const b = new Uint8Array(await blob.arrayBuffer());
        let app1Exif = false;
        for (let i = 0; i + 7 < b.length; i++) {
          if (b[i] === 0xff && b[i + 1] === 0xe1 && b[i + 4] === 0x45 && b[i + 5] === 0x78 && b[i + 6] === 0x69 && b[i + 7] === 0x66) app1Exif = true;
        }
        return { app1Exif, model: new TextDecoder('latin1').decode(b).includes('HP-MURAH') };
      };
      const r = await lib.compressImage(withExif);
      const bitmap = await createImageBitmap(r.file);
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('no 2d context');
      ctx.drawImage(bitmap, 0, 0);
      const top = [...ctx.getImageData(bitmap.width / 2, 10, 1, 1).data];
      bitmap.close();
      return { input: await scan(withExif), output: await scan(r.file), width: r.width, height: r.height, name: r.file.name, top };
    }, landscape);

    // The scan does find what it looks for in the input, so its silence on the output means something.
    expect(result.input).toEqual({ app1Exif: true, model: true });
    expect(result.output).toEqual({ app1Exif: false, model: false });
    // Stored landscape with orientation 6 is a portrait photo; its left (red) half ends up on top.
    expect([result.width, result.height]).toEqual([300, 400]);
    expect(result.top[0]).toBeGreaterThan(180);
    expect(result.top[2]).toBeLessThan(60);
    expect(result.name).toBe('kk.jpg');

    // PNG and WebP are re-encoded as JPEG too, transparent areas on white.
    const others = await page.evaluate(async () => {
      const lib = (window as unknown as Uji).__pustakaUji;
      const canvas = new OffscreenCanvas(300, 200);
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('no 2d context');
      ctx.fillStyle = '#000';
      ctx.fillRect(0, 0, 150, 200); // right half stays transparent
      const png = new File([await canvas.convertToBlob({ type: 'image/png' })], 'sktm.scan.png', { type: 'image/png' });
      const webp = new File([await canvas.convertToBlob({ type: 'image/webp' })], 'kk.webp', { type: 'image/webp' });
      const out = [];
      for (const file of [png, webp]) {
        const r = await lib.compressImage(file);
        const bitmap = await createImageBitmap(r.file);
        const check = new OffscreenCanvas(r.width, r.height).getContext('2d');
        if (!check) throw new Error('no 2d context');
        check.drawImage(bitmap, 0, 0);
        bitmap.close();
        out.push({ name: r.file.name, type: r.file.type, compressed: r.compressed, transparentBecame: [...check.getImageData(250, 100, 1, 1).data] });
      }
      return out;
    });
    expect(others.map((o) => [o.name, o.type, o.compressed])).toEqual([
      ['sktm.scan.jpg', 'image/jpeg', true],
      ['kk.jpg', 'image/jpeg', true],
    ]);
    for (const o of others) expect(Math.min(...o.transparentBecame.slice(0, 3))).toBeGreaterThan(240);

    await landscape.dispose();
    expect(consoleErrors).toEqual([]);
    await close();
  });

  it('gives a PDF back untouched, byte for byte', async () => {
    const { page, close } = await openSite();
    const result = await page.evaluate(async () => {
      const lib = (window as unknown as Uji).__pustakaUji;
      const text = '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';
      const pdf = new File([text], 'SKTM Kelurahan.pdf', { type: 'application/pdf' });
      const r = await lib.compressImage(pdf);
      const a = new Uint8Array(await pdf.arrayBuffer());
      const b = new Uint8Array(await r.file.arrayBuffer());
      return { same: r.file === pdf, equalBytes: a.length === b.length && a.every((v, i) => v === b[i]), compressed: r.compressed, name: r.file.name, sizes: [r.originalBytes, r.outputBytes, a.length] };
    });
    expect(result.same).toBe(true);
    expect(result.equalBytes).toBe(true);
    expect(result.compressed).toBe(false);
    expect(result.name).toBe('SKTM Kelurahan.pdf');
    expect(new Set(result.sizes).size).toBe(1);
    await close();
  });

  it('refuses a 56-megapixel image from its header, before decoding it', async () => {
    const { page, close } = await openSite();
    const huge = await page.evaluateHandle(makePlainPhoto, { width: 8000, height: 7000, type: 'image/jpeg', name: 'besar.jpg' });
    const png = await page.evaluateHandle(makePlainPhoto, { width: 2000, height: 1500, type: 'image/png', name: 'pindaian.png' });
    const webp = await page.evaluateHandle(makePlainPhoto, { width: 2000, height: 1500, type: 'image/webp', name: 'pindaian.webp' });
    const refusals = await page.evaluate(async ([huge, png, webp]) => {
      const lib = (window as unknown as Uji).__pustakaUji;
      // Count decodes: a refusal by header must not decode at all.
      let decodes = 0;
      const original = window.createImageBitmap;
      window.createImageBitmap = ((...args: Parameters<typeof createImageBitmap>) => {
        decodes++;
        return original(...args);
      }) as typeof createImageBitmap;
      const attempt = async (file: File, options?: { maxInputPixels: number }) => {
        const before = decodes;
        try {
          const r = await lib.compressImage(file, options);
          return { refused: false, message: `${r.width}×${r.height}`, decoded: decodes > before };
        } catch (error) {
          return { refused: error instanceof lib.PhotoError, message: (error as Error).message, decoded: decodes > before };
        }
      };
      const result = {
        huge: { ...(await attempt(huge)), bytes: huge.size },
        pngUnderLowLimit: await attempt(png, { maxInputPixels: 1_000_000 }),
        webpUnderLowLimit: await attempt(webp, { maxInputPixels: 1_000_000 }),
        pngWithinLimit: await attempt(png, { maxInputPixels: 3_000_000 }),
      };
      window.createImageBitmap = original;
      return result;
    }, [huge, png, webp] as const);
    console.log(`56 MP JPEG of ${refusals.huge.bytes} B refused by its header`);

    const message = 'Foto terlalu besar untuk diproses. Ambil ulang foto dengan resolusi lebih kecil.';
    expect(refusals.huge).toEqual({ refused: true, message, decoded: false, bytes: expect.any(Number) });
    expect(refusals.pngUnderLowLimit).toEqual({ refused: true, message, decoded: false });
    expect(refusals.webpUnderLowLimit).toEqual({ refused: true, message, decoded: false });
    expect(refusals.pngWithinLimit).toEqual({ refused: false, message: '2000×1500', decoded: true });
    await close();
  });

  it('tells the person a text file renamed .jpg is not a readable photo', async () => {
    const { page, consoleErrors, close } = await openSite();
    const result = await page.evaluate(async () => {
      const lib = (window as unknown as Uji).__pustakaUji;
      const fake = new File(['Ini bukan foto, hanya catatan.\n'], 'ktp.jpg', { type: 'image/jpeg' });
      const empty = new File([], 'kosong.png', { type: 'image/png' });
      const out = [];
      for (const file of [fake, empty]) {
        try {
          await lib.compressImage(file);
          out.push({ refused: false, message: '' });
        } catch (error) {
          out.push({ refused: error instanceof lib.PhotoError, message: (error as Error).message });
        }
      }
      return out;
    });
    const message = 'Berkas ini bukan foto yang dapat dibaca. Pilih foto JPG atau PNG, atau berkas PDF.';
    expect(result).toEqual([
      { refused: true, message },
      { refused: true, message },
    ]);
    expect(consoleErrors).toEqual([]);
    await close();
  });
});

describe('keeping a form draft on the device', () => {
  it('a draft with two files survives a reload and is gone once cleared', async () => {
    const { page, consoleErrors, close } = await openSite();
    const saved = await page.evaluate(async () => {
      const lib = (window as unknown as Uji).__pustakaUji;
      const bytes = (n: number, start: number) => Uint8Array.from({ length: n }, (_, i) => (start + i * 7) % 256);
      const ktp = new File([bytes(5000, 3)], 'KTP Siti.jpg', { type: 'image/jpeg' });
      const kk = new File([bytes(3000, 11)], 'kk.pdf', { type: 'application/pdf' });
      await lib.saveDraft('permohonan:layanan-contoh', { nama: 'Siti Rahmawati', nik: '1901024507880003', langkah: 2 }, { ktp, kk, sktm: null });
      return { available: lib.draftsAvailable(), ktp: [...bytes(5000, 3)], kk: [...bytes(3000, 11)] };
    });
    expect(saved.available).toBe(true);

    await page.reload();
    await loadLibraries(page);
    const loaded = await page.evaluate(async () => {
      const lib = (window as unknown as Uji).__pustakaUji;
      const draft = await lib.loadDraft<{ nama: string; nik: string; langkah: number }>('permohonan:layanan-contoh');
      if (!draft) return null;
      const files: Record<string, { name: string; type: string; bytes: number[]; isBlob: boolean }> = {};
      for (const [field, f] of Object.entries(draft.files)) {
        // What the form will do: rebuild a File from the stored Blob.
        const rebuilt = new File([f.blob], f.name, { type: f.type });
        files[field] = { name: rebuilt.name, type: rebuilt.type, bytes: [...new Uint8Array(await rebuilt.arrayBuffer())], isBlob: f.blob instanceof Blob };
      }
      const other = await lib.loadDraft('permohonan:lain');
      // Listed by key prefix (the visits waiting on a phone), and only under that prefix.
      const listed = (await lib.listDrafts('permohonan:')).map((d) => d.key);
      const none = (await lib.listDrafts('kunjungan:')).map((d) => d.key);
      return { key: draft.key, data: draft.data, savedAt: draft.savedAt, files, other, listed, none };
    });
    expect(loaded).not.toBeNull();
    expect(loaded?.key).toBe('permohonan:layanan-contoh');
    expect(loaded?.data).toEqual({ nama: 'Siti Rahmawati', nik: '1901024507880003', langkah: 2 });
    expect(Math.abs(Date.now() - (loaded?.savedAt ?? 0))).toBeLessThan(60_000);
    expect(Object.keys(loaded?.files ?? {}).sort()).toEqual(['kk', 'ktp']);
    expect(loaded?.files['ktp']).toEqual({ name: 'KTP Siti.jpg', type: 'image/jpeg', bytes: saved.ktp, isBlob: true });
    expect(loaded?.files['kk']).toEqual({ name: 'kk.pdf', type: 'application/pdf', bytes: saved.kk, isBlob: true });
    expect(loaded?.other).toBeNull();
    expect(loaded?.listed).toEqual(['permohonan:layanan-contoh']);
    expect(loaded?.none).toEqual([]);

    const afterClear = await page.evaluate(async () => {
      const lib = (window as unknown as Uji).__pustakaUji;
      await lib.clearDraft('permohonan:layanan-contoh');
      return lib.loadDraft('permohonan:layanan-contoh');
    });
    expect(afterClear).toBeNull();
    expect(consoleErrors).toEqual([]);
    await close();
  });

  it('drops a draft, of any form, once it is older than the days the privacy notice states', async () => {
    const { page, consoleErrors, close } = await openSite();
    const result = await page.evaluate(async () => {
      const lib = (window as unknown as Uji).__pustakaUji;
      const day = 86_400_000;
      const ktp = new File([new Uint8Array(100)], 'ktp.jpg', { type: 'image/jpeg' });
      await lib.saveDraft('permohonan:lama', { nama: 'Siti' }, { ktp });
      await lib.saveDraft('laporan', { deskripsi: 'baru' }, {});
      const later = Date.now() + lib.DRAFT_MAX_AGE_DAYS * day + 60_000;
      const justBefore = Date.now() + lib.DRAFT_MAX_AGE_DAYS * day - 60_000;
      const keptUntil = await lib.loadDraft('permohonan:lama', justBefore);
      // Opening one form's draft after the limit deletes every expired draft on the device.
      const fresh = await lib.loadDraft('laporan', later);
      const old = await lib.loadDraft('permohonan:lama');
      return { days: lib.DRAFT_MAX_AGE_DAYS, keptUntil: keptUntil !== null, fresh, old };
    });
    expect(result.keptUntil).toBe(true);
    expect(result.fresh).toBeNull();
    expect(result.old).toBeNull();
    const notice = await (await fetch(`${journey.pb.url}/privasi/`)).text();
    expect(notice).toContain(`${result.days} hari`);
    expect(consoleErrors).toEqual([]);
    await close();
  });

  it('keeps the text stashed as the page goes away, newer than the last full save, with that save’s files', async () => {
    const { page, consoleErrors, close } = await openSite();
    const result = await page.evaluate(async () => {
      const lib = (window as unknown as Uji).__pustakaUji;
      const day = 86_400_000;
      const ktp = new File([new Uint8Array([1, 2, 3])], 'ktp.jpg', { type: 'image/jpeg' });
      await lib.saveDraft('permohonan:stash', { alamat: 'Jalan Lama' }, { ktp });
      await new Promise((r) => setTimeout(r, 5));
      lib.stashDraft('permohonan:stash', { alamat: 'Jalan Baru diketik sebelum muat ulang' });
      const merged = await lib.loadDraft<{ alamat: string }>('permohonan:stash');
      // A later full save supersedes the stash (and removes it).
      await lib.saveDraft('permohonan:stash', { alamat: 'Jalan Tersimpan' }, { ktp });
      const stashLeft = Object.keys(localStorage).filter((k) => k.includes('permohonan:stash')).length;
      const saved = await lib.loadDraft<{ alamat: string }>('permohonan:stash');
      // A stash of a form never opened again is dropped with the other expired drafts.
      lib.stashDraft('laporan:lupa', { deskripsi: 'lama' });
      await lib.loadDraft('lain', Date.now() + lib.DRAFT_MAX_AGE_DAYS * day + 60_000);
      const expiredLeft = Object.keys(localStorage).filter((k) => k.includes('laporan:lupa')).length;
      await lib.clearDraft('permohonan:stash');
      lib.stashDraft('permohonan:stash', { alamat: 'x' });
      await lib.clearDraft('permohonan:stash');
      return { merged: merged && { alamat: merged.data.alamat, files: Object.keys(merged.files) }, stashLeft, saved: saved?.data.alamat, expiredLeft, cleared: await lib.loadDraft('permohonan:stash') };
    });
    expect(result.merged).toEqual({ alamat: 'Jalan Baru diketik sebelum muat ulang', files: ['ktp'] });
    expect(result.stashLeft).toBe(0);
    expect(result.saved).toBe('Jalan Tersimpan');
    expect(result.expiredLeft).toBe(0);
    expect(result.cleared).toBeNull();
    expect(consoleErrors).toEqual([]);
    await close();
  });

  it('fails soft when storage is blocked or cannot hold the data', async () => {
    const { page, close } = await journey.open();
    // Private-mode-like: reading indexedDB throws, as some browsers do when storage is blocked.
    await page.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', {
        get() {
          throw new DOMException('Penyimpanan diblokir', 'SecurityError');
        },
      });
    });
    await page.goto('/');
    await loadLibraries(page);
    const blocked = await page.evaluate(async () => {
      const lib = (window as unknown as Uji).__pustakaUji;
      await lib.saveDraft('x', { a: 1 }, { ktp: new Blob(['abc'], { type: 'image/jpeg' }) });
      return { available: lib.draftsAvailable(), loaded: await lib.loadDraft('x'), cleared: await lib.clearDraft('x') };
    });
    expect(blocked).toEqual({ available: false, loaded: null });
    await close();

    // Data that cannot be stored (a function) must not throw either, and must not leave a draft.
    const opened = await openSite();
    const uncloneable = await opened.page.evaluate(async () => {
      const lib = (window as unknown as Uji).__pustakaUji;
      await lib.saveDraft('y', { onSubmit: () => 1 }, {});
      return { available: lib.draftsAvailable(), loaded: await lib.loadDraft('y') };
    });
    expect(uncloneable).toEqual({ available: true, loaded: null });
    await opened.close();
  });
});
