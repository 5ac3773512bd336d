// The office's working-day calendar and due dates from SOP standard times. Working days are the
// weekdays with office hours (content/site/site.yaml openingHours) that are not national
// holidays, cuti bersama or office closures (content/calendar/<year>.yaml). A request received
// after closing time or on a day off starts on the next working day; a stage of N working
// minutes is due at closing time of the ceil(N / 480)-th working day counted from that day.

import { MINUTES_PER_WORKING_DAY } from '../duration';

/** The same 8-hour working day the SOP totals use (src/lib/duration.ts). */
export const WORKING_DAY_MINUTES = MINUTES_PER_WORKING_DAY;
const DAY_MS = 86_400_000;

/** Offset of the office time zone from UTC in hours (WIB 7, WITA 8, WIT 9). */
export function zoneOffsetHours(zone: string): number {
  return zone === 'WIT' ? 9 : zone === 'WITA' ? 8 : 7;
}

/** The office's calendar date (YYYY-MM-DD) of an instant: from midnight to 07.00 WIB, UTC's is still yesterday. */
export function officeDate(instant: Date, zone: string): string {
  return new Date(instant.getTime() + zoneOffsetHours(zone) * 3_600_000).toISOString().slice(0, 10);
}

/** Office hours of one weekday, in minutes after local midnight. */
export interface DayHours {
  open: number;
  close: number;
}

export interface OfficeCalendar {
  /** Hours the office time zone is ahead of UTC. */
  offsetHours: number;
  /** Office hours per weekday, index 0 = Sunday (Minggu); null when the office is closed that weekday. */
  hours: (DayHours | null)[];
  /** Local dates (YYYY-MM-DD) the office is closed: national holidays, cuti bersama, closures. */
  closed: string[];
}

/** Day names as offices write them, index 0 = Sunday, as Date#getUTCDay counts. */
export const DAY_NAMES = ['minggu', 'senin', 'selasa', 'rabu', 'kamis', 'jumat', 'sabtu'] as const;

/**
 * Weekdays named by an opening-hours line such as "Senin–Kamis", "Jumat", "Senin, Rabu dan
 * Jumat" or "Senin - Jumat"; null when a word is not a day name (the schema then refuses it).
 */
export function parseDays(text: string): number[] | null {
  const days = new Set<number>();
  const parts = text
    .toLowerCase()
    .replace(/jum'at/g, 'jumat')
    .split(/,|\bdan\b|\bserta\b/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return null;
  for (const part of parts) {
    const range = part.split(/\s*(?:–|—|-|s\.d\.|s\/d|sampai)\s*/).filter(Boolean);
    const ids = range.map((name) => DAY_NAMES.indexOf(name as (typeof DAY_NAMES)[number]));
    if (ids.length === 0 || ids.length > 2 || ids.some((i) => i < 0)) return null;
    if (ids.length === 1) days.add(ids[0]!);
    else for (let d = ids[0]!; ; d = (d + 1) % 7) {
      days.add(d);
      if (d === ids[1]) break;
    }
  }
  return [...days].sort((a, b) => a - b);
}

/** "08.00" → 480. */
function clockMinutes(text: string): number {
  const [h, m] = text.split('.').map(Number);
  return h! * 60 + m!;
}

/** The calendar of an office from its opening hours, time zone and days off. */
export function officeCalendar(
  openingHours: readonly { days: string; open: string; close: string }[],
  timeZone: string,
  closed: readonly string[],
): OfficeCalendar {
  const hours: (DayHours | null)[] = [null, null, null, null, null, null, null];
  for (const line of openingHours) {
    for (const day of parseDays(line.days) ?? []) hours[day] = { open: clockMinutes(line.open), close: clockMinutes(line.close) };
  }
  return { offsetHours: zoneOffsetHours(timeZone), hours, closed: [...new Set(closed)].sort() };
}

/** Local calendar day of an instant, as the UTC-midnight timestamp of that local date. */
function localDay(instant: Date, cal: OfficeCalendar): number {
  return Math.floor((instant.getTime() + cal.offsetHours * 3_600_000) / DAY_MS) * DAY_MS;
}

function hoursOf(day: number, cal: OfficeCalendar): DayHours | null {
  const hours = cal.hours[new Date(day).getUTCDay()] ?? null;
  if (!hours) return null;
  return cal.closed.includes(new Date(day).toISOString().slice(0, 10)) ? null : hours;
}

/** Whether the office works on the local date (YYYY-MM-DD). */
export function isWorkingDate(date: string, cal: OfficeCalendar): boolean {
  return hoursOf(Date.parse(`${date}T00:00:00Z`), cal) !== null;
}

/**
 * The local day on which the office's clock starts for something received at `instant`: that
 * day while the office is still open, otherwise the next working day.
 */
function firstWorkingDay(instant: Date, cal: OfficeCalendar): number {
  let day = localDay(instant, cal);
  const minuteOfDay = (instant.getTime() + cal.offsetHours * 3_600_000 - day) / 60_000;
  const today = hoursOf(day, cal);
  if (today && minuteOfDay < today.close) return day;
  // A year without any working day would loop forever: stop after a year of days off.
  for (let i = 0; i < 366; i++) {
    day += DAY_MS;
    if (hoursOf(day, cal)) return day;
  }
  return day;
}

/** The working day's date (YYYY-MM-DD) on which the office starts on something received at `instant`. */
export function startDate(instant: Date, cal: OfficeCalendar): string {
  return new Date(firstWorkingDay(instant, cal)).toISOString().slice(0, 10);
}

/**
 * Closing time of the `days`-th working day counted from the day the clock starts (that day
 * is the first).
 */
export function afterWorkingDays(start: Date, days: number, cal: OfficeCalendar): Date {
  let day = firstWorkingDay(start, cal);
  for (let counted = 1; counted < Math.max(1, days); ) {
    day += DAY_MS;
    if (hoursOf(day, cal)) counted++;
  }
  return new Date(day + hoursOf(day, cal)!.close * 60_000 - cal.offsetHours * 3_600_000);
}

/** Instant by which a stage that started at `start` and takes `minutes` of working time is due. */
export function dueAt(start: Date, minutes: number, cal: OfficeCalendar): Date {
  return afterWorkingDays(start, Math.ceil(minutes / WORKING_DAY_MINUTES), cal);
}

/**
 * Whole working days from the day the clock started for `from` to the local day of `to`
 * (same day, or `to` before the clock started = 0).
 */
export function workingDaysBetween(from: Date, to: Date, cal: OfficeCalendar): number {
  let day = firstWorkingDay(from, cal);
  const last = localDay(to, cal);
  let count = 0;
  while (day < last) {
    day += DAY_MS;
    if (hoursOf(day, cal)) count++;
  }
  return count;
}

/**
 * A daily cron expression (PocketBase runs cron in UTC) for a local time of the office, e.g.
 * 02.00 WIB → "0 19 * * *".
 */
export function dailyCron(localHour: number, localMinute: number, offsetHours: number): string {
  const utcHour = (((localHour - offsetHours) % 24) + 24) % 24;
  return `${localMinute} ${utcHour} * * *`;
}
