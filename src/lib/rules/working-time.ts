// Due dates from SOP standard times. A stage of N working minutes is due at the end of the
// ceil(N / 480)-th working day (Monday–Friday) counted from the day it started; the start day
// counts when it is a working day. National holidays are not known to the portal and are not
// skipped: staff see a request as late one day early rather than one day too late.

import { MINUTES_PER_WORKING_DAY } from '../duration';

/** The same 8-hour working day the SOP totals use (src/lib/duration.ts). */
export const WORKING_DAY_MINUTES = MINUTES_PER_WORKING_DAY;
const DAY_MS = 86_400_000;

/** Offset of the office time zone from UTC in hours (WIB 7, WITA 8, WIT 9). */
export function zoneOffsetHours(zone: string): number {
  return zone === 'WIT' ? 9 : zone === 'WITA' ? 8 : 7;
}

/**
 * A daily cron expression for a time on the office's clock: PocketBase's cron runs in UTC, so
 * 02.30 WIB is "30 19 * * *" and 02.30 WITA "30 18 * * *".
 */
export function dailyCron(hour: number, minute: number, zone: string): string {
  return `${minute} ${(((hour - zoneOffsetHours(zone)) % 24) + 24) % 24} * * *`;
}

function isWorkingDay(localMidnightMs: number): boolean {
  const weekday = new Date(localMidnightMs).getUTCDay();
  return weekday >= 1 && weekday <= 5;
}

/** Instant by which a stage that started at `start` and takes `minutes` of working time is due. */
export function dueAt(start: Date, minutes: number, offsetHours = 7): Date {
  const offset = offsetHours * 3_600_000;
  const days = Math.max(1, Math.ceil(minutes / WORKING_DAY_MINUTES));
  // Local calendar day of the start, as a UTC-midnight timestamp of that local date.
  let day = Math.floor((start.getTime() + offset) / DAY_MS) * DAY_MS;
  let counted = 0;
  for (;;) {
    if (isWorkingDay(day)) counted++;
    if (counted === days) break;
    day += DAY_MS;
  }
  // End of that local day.
  return new Date(day + DAY_MS - 1 - offset);
}

/** Whole working days from the local day of `from` to the local day of `to` (same day = 0). */
export function workingDaysBetween(from: Date, to: Date, offsetHours = 7): number {
  const offset = offsetHours * 3_600_000;
  let day = Math.floor((from.getTime() + offset) / DAY_MS) * DAY_MS;
  const last = Math.floor((to.getTime() + offset) / DAY_MS) * DAY_MS;
  let count = 0;
  while (day < last) {
    day += DAY_MS;
    if (isWorkingDay(day)) count++;
  }
  return count;
}
