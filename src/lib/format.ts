// Indonesian formatting (EYD V) used by every page and island: "23 November 2026",
// "pukul 08.00 WIB", "Rp1.000.000". Written out by hand rather than through Intl so the
// output does not depend on the ICU data of the machine or the phone.
import type { VillageKind } from './rules/applicant';

export const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'] as const;
export const DAYS = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'] as const;

export type TimeZoneLabel = 'WIB' | 'WITA' | 'WIT';
const OFFSET_HOURS: Record<TimeZoneLabel, number> = { WIB: 7, WITA: 8, WIT: 9 };

/** Calendar parts of an instant as seen in an Indonesian time zone. */
function partsIn(date: Date, zone: TimeZoneLabel) {
  const shifted = new Date(date.getTime() + OFFSET_HOURS[zone] * 3_600_000);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth(),
    day: shifted.getUTCDate(),
    weekday: shifted.getUTCDay(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  };
}

/** A YYYY-MM-DD calendar date (no time zone involved). */
function parseIsoDate(value: string): { year: number; month: number; day: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) throw new Error(`Tanggal tidak sah: ${value}`);
  return { year: Number(m[1]), month: Number(m[2]) - 1, day: Number(m[3]) };
}

/** "23 November 2026". Accepts "2026-11-23" (a calendar date) or an instant. */
export function formatDate(value: string | Date, zone: TimeZoneLabel = 'WIB'): string {
  const p = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? parseIsoDate(value) : partsIn(new Date(value), zone);
  return `${p.day} ${MONTHS[p.month]} ${p.year}`;
}

/**
 * The week that starts on a Monday (YYYY-MM-DD), Monday to Sunday: "16–22 November 2026",
 * "30 November–6 Desember 2026", "29 Desember 2025–4 Januari 2026" (EYD V: a dash, no spaces).
 */
export function formatWeek(monday: string): string {
  const start = parseIsoDate(monday);
  const endDate = new Date(Date.UTC(start.year, start.month, start.day + 6));
  const end = { year: endDate.getUTCFullYear(), month: endDate.getUTCMonth(), day: endDate.getUTCDate() };
  if (start.year !== end.year) return `${formatDate(monday)}–${end.day} ${MONTHS[end.month]} ${end.year}`;
  if (start.month !== end.month) return `${start.day} ${MONTHS[start.month]}–${end.day} ${MONTHS[end.month]} ${end.year}`;
  return `${start.day}–${end.day} ${MONTHS[end.month]} ${end.year}`;
}

/** "Senin, 23 November 2026". */
export function formatDateWithDay(value: Date | string, zone: TimeZoneLabel = 'WIB'): string {
  const p = partsIn(new Date(value), zone);
  return `${DAYS[p.weekday]}, ${p.day} ${MONTHS[p.month]} ${p.year}`;
}

/** "08.05": hours and minutes separated by a period. */
export function formatClock(hour: number, minute: number): string {
  return `${String(hour).padStart(2, '0')}.${String(minute).padStart(2, '0')}`;
}

/** "pukul 08.00 WIB" for an instant, in the office's time zone. */
export function formatTime(value: Date | string, zone: TimeZoneLabel = 'WIB'): string {
  const p = partsIn(new Date(value), zone);
  return `pukul ${formatClock(p.hour, p.minute)} ${zone}`;
}

/** "23 November 2026 pukul 08.00 WIB". */
export function formatDateTime(value: Date | string, zone: TimeZoneLabel = 'WIB'): string {
  return `${formatDate(new Date(value), zone)} ${formatTime(value, zone)}`;
}

/** Thousands with periods and decimals with a comma: 1234567.5 → "1.234.567,5". */
export function formatNumber(value: number, decimals?: number): string {
  const fixed = decimals === undefined ? String(Math.abs(value)) : Math.abs(value).toFixed(decimals);
  const [int = '0', frac] = fixed.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${value < 0 ? '-' : ''}${grouped}${frac ? `,${frac}` : ''}`;
}

/** "Rp1.000.000" (EYD V: no space, no decimals unless asked). */
export function formatRupiah(value: number, withCents = false): string {
  return `Rp${formatNumber(value, withCents ? 2 : undefined)}`;
}

/** "Gratis" for zero, else the rupiah amount. */
export function formatCost(value: number): string {
  return value === 0 ? 'Gratis (Rp0)' : formatRupiah(value);
}

/** "86%" or "86,5%". */
export function formatPercent(value: number, decimals = 0): string {
  return `${formatNumber(Number(value.toFixed(decimals)), decimals || undefined)}%`;
}

/** The field label for the smallest area, in the office's words (site.yaml `villages`). */
export function villageLabel(villages: VillageKind): string {
  return villages === 'kelurahan' ? 'Kelurahan' : villages === 'desa' ? 'Desa' : 'Desa atau kelurahan';
}
