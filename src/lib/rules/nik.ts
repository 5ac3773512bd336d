// NIK and KK checks (see shared/reference/indonesian-standards.md §4). Only the SAFE checks
// reject: length, province prefix, the birth-date digits forming a real date, serial ≠ 0000.
// The unsafe ones (NIK date ≠ stated birth date, NIK region ≠ address) never reject: NIKs
// keep their first region and their date even after corrections.

/** Province codes (Kemendagri); any 9x is accepted because Papua keeps splitting. */
const PROVINCES = new Set(['11', '12', '13', '14', '15', '16', '17', '18', '19', '21', '31', '32', '33', '34', '35', '36', '51', '52', '53', '61', '62', '63', '64', '65', '71', '72', '73', '74', '75', '76', '81', '82']);

export function isProvinceCode(code: string): boolean {
  return PROVINCES.has(code) || /^9\d$/.test(code);
}

/** Digits only: people type NIKs with spaces, dots or dashes. */
export function normaliseDigits(value: string): string {
  return value.replace(/[\s.\-]/g, '');
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function isCalendarDate(day: number, month: number, year: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

/** The Indonesian message for a NIK that fails a safe check, or null when it passes. */
export function nikProblem(raw: string): string | null {
  const nik = normaliseDigits(raw);
  if (nik.length === 0) return 'Isi NIK (16 angka, ada di KTP atau KK).';
  if (!/^\d+$/.test(nik)) return 'NIK hanya berisi angka.';
  if (nik.length !== 16) return `NIK harus 16 angka. Yang Anda isi ${nik.length} angka.`;
  if (!isProvinceCode(nik.slice(0, 2))) return 'Dua angka pertama NIK bukan kode provinsi. Periksa kembali NIK pada KTP atau KK.';
  const dd = Number(nik.slice(6, 8));
  const mm = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  const day = dd > 40 ? dd - 40 : dd;
  const dateOk = ((dd >= 1 && dd <= 31) || (dd >= 41 && dd <= 71)) && (isCalendarDate(day, mm, 1900 + yy) || isCalendarDate(day, mm, 2000 + yy));
  if (!dateOk) return 'Angka ke-7 sampai ke-12 NIK bukan tanggal lahir yang mungkin. Periksa kembali NIK pada KTP atau KK.';
  if (nik.slice(12) === '0000') return 'Empat angka terakhir NIK tidak mungkin 0000. Periksa kembali NIK pada KTP atau KK.';
  return null;
}

/** Day and month of birth encoded in a NIK (for a gentle warning only, never a rejection). */
export function nikBirthDayMonth(nik: string): { day: number; month: number; female: boolean } | null {
  const digits = normaliseDigits(nik);
  if (nikProblem(digits)) return null;
  const dd = Number(digits.slice(6, 8));
  return { day: dd > 40 ? dd - 40 : dd, month: Number(digits.slice(8, 10)), female: dd > 40 };
}

/** The message for a KK number that fails a safe check, or null when it passes. */
export function kkProblem(raw: string): string | null {
  const kk = normaliseDigits(raw);
  if (kk.length === 0) return 'Isi nomor Kartu Keluarga (16 angka, di bagian atas KK).';
  if (!/^\d+$/.test(kk)) return 'Nomor KK hanya berisi angka.';
  if (kk.length !== 16) return `Nomor KK harus 16 angka. Yang Anda isi ${kk.length} angka.`;
  if (!isProvinceCode(kk.slice(0, 2))) return 'Dua angka pertama nomor KK bukan kode provinsi. Periksa kembali nomor pada KK.';
  return null;
}
