// Bundled into the PocketBase hooks through src/lib/rules: keep it free of DOM, Node and npm.
import type { Duration } from '../schemas/common';

/** Working minutes in one hari kerja, used to add SOP step times written in different units. */
export const MINUTES_PER_WORKING_DAY = 8 * 60;

export function toMinutes(duration: Duration): number {
  switch (duration.unit) {
    case 'menit':
      return duration.value;
    case 'jam':
      return duration.value * 60;
    case 'hari kerja':
      return duration.value * MINUTES_PER_WORKING_DAY;
  }
}

/**
 * Adds step times; steps without a fixed time (null) add nothing and pages say so. Rounding
 * keeps 0.1 + 0.2 style float noise out of comparisons.
 */
export function totalMinutes(durations: readonly (Duration | null)[]): number {
  return Math.round(durations.reduce((sum, d) => sum + (d ? toMinutes(d) : 0), 0) * 100) / 100;
}

/** "2 jam 10 menit", "14 hari kerja 1 jam": working time in plain Indonesian. */
export function formatWorkingTime(minutes: number): string {
  if (minutes <= 0) return '0 menit';
  const days = Math.floor(minutes / MINUTES_PER_WORKING_DAY);
  const rest = minutes - days * MINUTES_PER_WORKING_DAY;
  const hours = Math.floor(rest / 60);
  const mins = Math.round(rest - hours * 60);
  const parts: string[] = [];
  if (days) parts.push(`${days} hari kerja`);
  if (hours) parts.push(`${hours} jam`);
  if (mins) parts.push(`${mins} menit`);
  return parts.join(' ');
}

/** "10 menit", "1,5 jam", "14 hari kerja": one duration as the SOP writes it. */
export function formatDuration(duration: Duration): string {
  return `${String(duration.value).replace('.', ',')} ${duration.unit}`;
}

/** "10–20 hari kerja", "1 hari kerja": the calendar expectation of a service (expectedTime). */
export function formatExpectedDays(expected: { minDays: number; maxDays: number }): string {
  return expected.minDays === expected.maxDays ? `${expected.minDays} hari kerja` : `${expected.minDays}–${expected.maxDays} hari kerja`;
}
