// The office's working-day calendar from content/: opening hours and time zone
// (content/site/site.yaml) and the days off of each year (content/calendar/<year>.yaml).
// Pages, the tracking island and the PocketBase hooks (through portal data) all use this one.
import type { Site } from '../schemas/site';
import type { CalendarYear } from '../schemas/calendar';
import { officeCalendar, type OfficeCalendar } from './rules/working-time';

export function calendarOfContent(site: Pick<Site, 'openingHours' | 'timeZone'>, years: readonly { id: string; data: CalendarYear }[]): OfficeCalendar {
  for (const y of years) {
    if (y.id !== String(y.data.year)) throw new Error(`content/calendar/${y.id}.yaml: year ${y.data.year} harus sama dengan nama berkas (${y.data.year}.yaml).`);
  }
  return officeCalendar(site.openingHours, site.timeZone, years.flatMap((y) => y.data.days.map((d) => d.date)));
}

/** The years content/calendar/ covers; dates outside them are counted with weekdays only. */
export function calendarYears(years: readonly { data: CalendarYear }[]): number[] {
  return years.map((y) => y.data.year).sort();
}
