// The office's working-day calendar (src/lib/rules/working-time.ts) with the worked examples of
// issue 15: hours, time zone and days off are read from content/, never written here.
import { describe, expect, it } from 'vitest';
import { loadContent } from '../support/content';
import { calendarOfContent } from '../../src/lib/calendar';
import { siteSchema } from '../../src/schemas/site';
import { calendarYearSchema } from '../../src/schemas/calendar';
import { afterWorkingDays, dailyCron, dueAt, isWorkingDate, officeDate, parseDays, startDate, workingDaysBetween, WORKING_DAY_MINUTES, type OfficeCalendar } from '../../src/lib/rules/working-time';

const content = loadContent();
const site = content.site[0]!.data;
const cal = calendarOfContent(site, content.calendar);
const HOUR = 3_600_000;

/** The instant of a local date and time of the office ("2026-11-27", "23.30"). */
function local(date: string, time: string): Date {
  const [h, m] = time.split('.').map(Number);
  return new Date(Date.parse(`${date}T00:00:00Z`) + (h! * 60 + m!) * 60_000 - cal.offsetHours * HOUR);
}
/** "2026-11-30 16.00": an instant as the office's clock reads it. */
function clock(instant: Date): string {
  const t = new Date(instant.getTime() + cal.offsetHours * HOUR).toISOString();
  return `${t.slice(0, 10)} ${t.slice(11, 13)}.${t.slice(14, 16)}`;
}
/** Closing time on a date, from the office hours in content/site/site.yaml. */
function closing(date: string): string {
  const hours = cal.hours[new Date(`${date}T00:00:00Z`).getUTCDay()];
  if (!hours) throw new Error(`${date}: kantor tidak buka pada hari itu menurut site.yaml`);
  return `${date} ${String(Math.floor(hours.close / 60)).padStart(2, '0')}.${String(hours.close % 60).padStart(2, '0')}`;
}
/** The names content/calendar/ gives a date (empty when it is not a day off). */
function daysOff(date: string): string[] {
  return content.calendar.flatMap((y) => y.data.days.filter((d) => d.date === date).map((d) => d.name));
}
/** Mon–Fri with no days off: what the portal counted before it had a calendar. */
const weekdaysOnly: OfficeCalendar = { ...cal, closed: [] };

describe('the calendar in content/', () => {
  it('covers 2026 and 2027, each file named by its year, with the SKB cited', () => {
    expect(content.calendar.map((y) => y.id)).toEqual(expect.arrayContaining(['2026', '2027']));
    for (const y of content.calendar) {
      expect(y.id).toBe(String(y.data.year));
      expect(y.data.source).toMatch(/Hari Libur Nasional dan Cuti Bersama/);
    }
  });
  it('reads the weekdays of the opening hours', () => {
    expect(parseDays('Senin–Kamis')).toEqual([1, 2, 3, 4]);
    expect(parseDays('Jumat')).toEqual([5]);
    expect(parseDays("Senin, Rabu dan Jum'at")).toEqual([1, 3, 5]);
    expect(parseDays('Senin - Jumat')).toEqual([1, 2, 3, 4, 5]);
    expect(parseDays('Setiap hari kerja')).toBeNull();
    // Every line of this office's hours names real days.
    for (const line of site.openingHours) expect(parseDays(line.days), line.days).not.toBeNull();
  });
  it('refuses hours whose days cannot be read and days off outside their year', () => {
    const badHours = siteSchema.safeParse({ ...site, openingHours: [{ days: 'Hari kerja', open: '08.00', close: '16.00' }] });
    expect(badHours.success).toBe(false);
    expect(JSON.stringify(badHours.error?.issues)).toContain('nama hari');
    const year = content.calendar[0]!.data;
    const misplaced = calendarYearSchema.safeParse({ ...year, days: [{ date: `${year.year + 1}-01-01`, name: 'Tahun Baru', kind: 'libur-nasional' }] });
    expect(misplaced.success).toBe(false);
    const impossible = calendarYearSchema.safeParse({ ...year, days: [{ date: `${year.year}-02-30`, name: 'Tidak ada', kind: 'tutup-kantor' }] });
    expect(impossible.success).toBe(false);
  });
});

describe('worked examples (issue 15)', () => {
  it('a request due across 25 December and 1 January', () => {
    for (const date of ['2026-12-25', '2027-01-01']) expect(daysOff(date), date).not.toEqual([]);
    // Wednesday 23 December 2026, 10.00: six working days are 23, 28, 29, 30, 31 December and
    // 4 January; 24 December (cuti bersama), Christmas, New Year's Day and the weekends are off.
    const received = local('2026-12-23', '10.00');
    const due = dueAt(received, 6 * WORKING_DAY_MINUTES, cal);
    const skipped = ['2026-12-24', '2026-12-25', '2027-01-01'].filter((d) => !isWorkingDate(d, cal));
    expect(skipped).toEqual(['2026-12-24', '2026-12-25', '2027-01-01']);
    expect(clock(due)).toBe(closing('2027-01-04'));
    // Counting weekdays only, it would have fallen due on 30 December.
    expect(clock(dueAt(received, 6 * WORKING_DAY_MINUTES, weekdaysOnly))).toBe(closing('2026-12-30'));
  });

  it('Idulfitri 2027 with its cuti bersama', () => {
    const idulfitri = content.calendar.flatMap((y) => y.data.days).filter((d) => d.date.startsWith('2027-') && /Idulfitri/.test(d.name));
    expect(idulfitri.some((d) => d.kind === 'libur-nasional')).toBe(true);
    expect(idulfitri.some((d) => d.kind === 'cuti-bersama')).toBe(true);
    // Every weekday from Monday 8 to Monday 15 March 2027 is off (Nyepi, Idulfitri, cuti bersama).
    for (const date of ['2027-03-08', '2027-03-09', '2027-03-10', '2027-03-11', '2027-03-12', '2027-03-15']) {
      expect(isWorkingDate(date, cal), `${date} ${daysOff(date).join(', ')}`).toBe(false);
    }
    // Received Friday 5 March 2027: three working days are 5, 16 and 17 March.
    const received = local('2027-03-05', '09.00');
    expect(clock(dueAt(received, 3 * WORKING_DAY_MINUTES, cal))).toBe(closing('2027-03-17'));
    // Counting weekdays only it was due on Tuesday 9 March, six weekdays early: marked late.
    expect(clock(dueAt(received, 3 * WORKING_DAY_MINUTES, weekdaysOnly))).toBe(closing('2027-03-09'));
    expect(workingDaysBetween(received, local('2027-03-17', '12.00'), cal)).toBe(2);
  });

  it('a Friday 23.30 submission starts on Monday', () => {
    const received = local('2026-11-27', '23.30');
    expect(startDate(received, cal)).toBe('2026-11-30');
    // A one-hour stage is due when the office closes on Monday, not at midnight on Friday.
    expect(clock(dueAt(received, 60, cal))).toBe(closing('2026-11-30'));
  });

  it('a Saturday submission starts on Monday', () => {
    const received = local('2026-11-28', '10.00');
    expect(startDate(received, cal)).toBe('2026-11-30');
    expect(clock(dueAt(received, 60, cal))).toBe(closing('2026-11-30'));
    expect(clock(dueAt(received, 2 * WORKING_DAY_MINUTES, cal))).toBe(closing('2026-12-01'));
    expect(workingDaysBetween(received, local('2026-11-30', '15.00'), cal)).toBe(0);
  });

  it('an application sent after closing time is not due at 23.59 that day', () => {
    // Monday 30 November 2026, one minute before 17.00: after this office's closing time.
    const close = closing('2026-11-30').slice(11);
    expect(close < '16.59').toBe(true);
    const received = local('2026-11-30', '16.59');
    expect(startDate(received, cal)).toBe('2026-12-01');
    expect(clock(dueAt(received, 60, cal))).toBe(closing('2026-12-01'));
    // Received while open, the clock starts that same day and ends at closing time.
    const morning = local('2026-11-30', '09.00');
    expect(clock(dueAt(morning, 60, cal))).toBe(closing('2026-11-30'));
    expect(clock(afterWorkingDays(morning, 1, cal))).toBe(closing('2026-11-30'));
  });

  it('a request received on a cuti bersama day starts after it', () => {
    expect(startDate(local('2026-12-24', '09.00'), cal)).toBe('2026-12-28');
  });
});

describe('the office’s calendar date', () => {
  it('is the next day in the early hours, in each zone', () => {
    // 00.30 WIB on a child's birthday is still the day before in UTC: the age must come from this date.
    expect(officeDate(new Date('2027-01-14T17:30:00Z'), 'WIB')).toBe('2027-01-15');
    expect(officeDate(new Date('2027-01-14T16:30:00Z'), 'WIB')).toBe('2027-01-14');
    expect(officeDate(new Date('2026-12-31T15:30:00Z'), 'WIT')).toBe('2027-01-01');
    expect(officeDate(new Date('2026-03-05T15:30:00Z'), 'WITA')).toBe('2026-03-05');
  });
});

describe('cron times follow the office time zone', () => {
  it('turn a local time into PocketBase UTC cron', () => {
    expect(dailyCron(2, 0, 7)).toBe('0 19 * * *');
    expect(dailyCron(8, 0, 7)).toBe('0 1 * * *');
    expect(dailyCron(2, 30, 9)).toBe('30 17 * * *');
    expect(dailyCron(3, 0, 8)).toBe('0 19 * * *');
  });
});
