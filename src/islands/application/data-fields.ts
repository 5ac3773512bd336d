// The data step's fields and the birth date as three boxes, as plain data: the step machine
// (ApplicationForm) needs them up front, the step's controls (DataStep, fields.tsx) come later.
export const DATA_FIELDS = ['pemohon_adalah', 'nama_pengaju', 'hubungan', 'nik_pengaju', 'nama_lengkap', 'nik', 'nomor_kk', 'tanggal_lahir', 'telepon', 'kecamatan', 'desa_kelurahan', 'alamat'] as const;
export type DataField = (typeof DATA_FIELDS)[number];
export const EMPTY_INPUT = Object.fromEntries(DATA_FIELDS.map((f) => [f, ''])) as Record<DataField, string>;

export type Birth = { hari: string; bulan: string; tahun: string };
export const EMPTY_BIRTH: Birth = { hari: '', bulan: '', tahun: '' };

export function birthDate(b: Birth): string {
  if (!b.hari.trim() && !b.bulan.trim() && !b.tahun.trim()) return '';
  return `${b.tahun.trim().padStart(4, '0')}-${b.bulan.trim().padStart(2, '0')}-${b.hari.trim().padStart(2, '0')}`;
}
