// Every rule a report (/lapor) must meet, run by the report form and by the PocketBase hook.
// Reporting must be easy: only the kind, the place, a landmark and a short description are
// required; contact is optional, and an anonymous report keeps no name or number at all.
import { phoneProblem, toE164 } from './phone';
import type { FileInfo } from './application';
import { imagePixelsProblem } from './image-limit';
import { NAME, SUBMISSION_ID, SUBMISSION_ID_MESSAGE, UNREADABLE_MESSAGE, unreadableText } from './text';

export const REPORT_TEXT_FIELDS = ['jenis', 'urgensi', 'kategori_ppks', 'kecamatan', 'desa_kelurahan', 'patokan', 'deskripsi', 'anonim', 'nama_pelapor', 'telepon_pelapor', 'lintang', 'bujur', 'persetujuan_versi', 'id_pengiriman'] as const;
export type ReportField = (typeof REPORT_TEXT_FIELDS)[number];
export type ReportInput = Record<ReportField, string>;

export interface ReportContext {
  types: readonly { id: string; ppks: readonly string[] }[];
  kecamatanIds: readonly string[];
  privacyNoticeVersion: string;
  /** The office's phone as site.yaml writes it: the example in the phone number's message. */
  officePhone?: string | undefined;
}

export const MAX_REPORT_PHOTOS = 3;
export const REPORT_PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];
export const REPORT_PHOTO_MAX_MB = 5;


export function validateReport(input: Partial<ReportInput>, photos: readonly FileInfo[], ctx: ReportContext): { errors: Record<string, string>; value: ReportInput } {
  const errors: Record<string, string> = {};
  const value = Object.fromEntries(REPORT_TEXT_FIELDS.map((f) => [f, String(input[f] ?? '').trim()])) as ReportInput;
  for (const field of REPORT_TEXT_FIELDS) {
    const raw = String(input[field] ?? '');
    if (unreadableText(raw, field === 'deskripsi' || field === 'patokan')) errors[field] = UNREADABLE_MESSAGE;
  }

  const type = ctx.types.find((t) => t.id === value.jenis);
  if (!type) errors['jenis'] = 'Pilih jenis laporan.';
  if (value.urgensi !== 'biasa' && value.urgensi !== 'mendesak') errors['urgensi'] = 'Pilih apakah orangnya membutuhkan pertolongan segera.';
  if (value.kategori_ppks && type && !type.ppks.includes(value.kategori_ppks)) errors['kategori_ppks'] = 'Pilih kategori dari daftar, atau biarkan kosong bila tidak tahu.';
  if (!ctx.kecamatanIds.includes(value.kecamatan)) errors['kecamatan'] = 'Pilih kecamatan lokasi.';
  if (!errors['desa_kelurahan']) {
    if (value.desa_kelurahan.length < 2) errors['desa_kelurahan'] = 'Tulis nama desa atau kelurahan lokasi.';
    else if (value.desa_kelurahan.length > 100) errors['desa_kelurahan'] = 'Nama desa atau kelurahan terlalu panjang. Tulis paling banyak 100 karakter.';
  }
  if (!errors['patokan']) {
    if (value.patokan.length < 5) errors['patokan'] = 'Tulis petunjuk lokasi, misalnya nama jalan atau bangunan terdekat.';
    else if (value.patokan.length > 300) errors['patokan'] = 'Petunjuk lokasi terlalu panjang. Tulis paling banyak 300 karakter.';
  }
  if (!errors['deskripsi']) {
    if (value.deskripsi.length < 10) errors['deskripsi'] = 'Ceritakan singkat kondisi orang yang Anda lihat (paling sedikit 10 karakter).';
    else if (value.deskripsi.length > 2000) errors['deskripsi'] = 'Keterangan terlalu panjang. Tulis paling banyak 2000 karakter.';
  }

  // GPS: both or neither, and inside Indonesia's bounding box.
  if (value.lintang || value.bujur) {
    const lat = Number(value.lintang);
    const lon = Number(value.bujur);
    if (!value.lintang || !value.bujur || !Number.isFinite(lat) || !Number.isFinite(lon) || lat < -11.5 || lat > 6.5 || lon < 94.5 || lon > 141.5) {
      errors['lintang'] = 'Lokasi GPS tidak dapat dipakai. Hapus lokasi GPS, lalu tulis petunjuk lokasinya saja.';
    }
  }

  if (value.anonim === 'true') {
    // Anonymous: nothing that identifies the reporter is kept, whatever was typed.
    value.nama_pelapor = '';
    value.telepon_pelapor = '';
  } else if (value.anonim === 'false') {
    if (value.nama_pelapor && (value.nama_pelapor.length > 100 || !NAME.test(value.nama_pelapor))) {
      errors['nama_pelapor'] = 'Nama hanya berisi huruf, spasi, titik, koma, apostrof, atau tanda hubung (paling banyak 100 karakter).';
    }
    const problem = phoneProblem(value.telepon_pelapor, ctx.officePhone);
    if (problem) errors['telepon_pelapor'] = `${problem} Bila tidak ingin dihubungi, pilih kirim tanpa nama.`;
    else value.telepon_pelapor = toE164(value.telepon_pelapor);
  } else {
    errors['anonim'] = 'Pilih apakah Anda mencantumkan kontak atau mengirim tanpa nama.';
  }

  if (value.persetujuan_versi !== ctx.privacyNoticeVersion) errors['persetujuan_versi'] = 'Centang pernyataan persetujuan untuk melanjutkan.';
  if (!SUBMISSION_ID.test(value.id_pengiriman)) errors['id_pengiriman'] = SUBMISSION_ID_MESSAGE;

  if (photos.length > MAX_REPORT_PHOTOS) errors['foto'] = `Kirim paling banyak ${MAX_REPORT_PHOTOS} foto.`;
  else {
    for (const photo of photos) {
      if (photo.size === 0) errors['foto'] = 'Ada foto yang kosong. Pilih foto lain.';
      else if (photo.size > REPORT_PHOTO_MAX_MB * 1024 * 1024) errors['foto'] = `Ada foto yang terlalu besar. Paling besar ${REPORT_PHOTO_MAX_MB} MB per foto.`;
      else if (photo.type && !REPORT_PHOTO_TYPES.includes(photo.type)) errors['foto'] = 'Foto harus berupa JPG, PNG, atau WebP.';
      else if (imagePixelsProblem(photo.pixels) === 'unreadable') errors['foto'] = 'Ada foto yang tidak dapat dibaca. Pilih foto JPG, PNG, atau WebP.';
      else if (imagePixelsProblem(photo.pixels) === 'too_large') errors['foto'] = 'Ada foto yang terlalu besar untuk diproses. Ambil ulang foto dengan resolusi lebih kecil.';
    }
  }
  return { errors, value };
}
