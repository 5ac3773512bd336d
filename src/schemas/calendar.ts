import { z } from 'astro/zod';
import { awaitingConfirmationSchema, awaitingPathsKnown, isoDateSchema } from './common';

/** Kinds of days off: national holiday, cuti bersama (both from the SKB), and the office's own closures. */
export const DAY_OFF_KINDS = ['libur-nasional', 'cuti-bersama', 'tutup-kantor'] as const;

/**
 * Days off of one year (`content/calendar/<year>.yaml`): due dates skip them, and a request
 * received on one starts on the next working day.
 */
export const calendarYearSchema = z
  .object({
    /** The year, e.g. 2026; must match the file name. */
    year: z.number().int().min(2000).max(2100),
    /** The decree the national holidays and cuti bersama come from (SKB of the three ministers). */
    source: z.string().min(10),
    /** What is not yet checked against the signed SKB and the office's own closures ("days", or one day: "days.3"). */
    awaitingConfirmation: awaitingConfirmationSchema,
    /** The days off, each with its date, its name and its kind. */
    days: z
      .array(
        z.object({
          date: isoDateSchema,
          /** e.g. "Hari Raya Idulfitri 1448 Hijriah". */
          name: z.string().min(3),
          /** libur-nasional, cuti-bersama or tutup-kantor (an office closure, e.g. a district holiday). */
          kind: z.enum(DAY_OFF_KINDS),
        }),
      )
      .min(1),
  })
  .superRefine(awaitingPathsKnown(['year', 'source', 'days']))
  .superRefine((cal, ctx) => {
    cal.days.forEach((day, i) => {
      if (!day.date.startsWith(`${cal.year}-`)) ctx.addIssue({ code: 'custom', path: ['days', i, 'date'], message: `tanggal ${day.date} tidak berada di tahun ${cal.year}` });
      const parsed = new Date(`${day.date}T00:00:00Z`);
      if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== day.date) ctx.addIssue({ code: 'custom', path: ['days', i, 'date'], message: `tanggal ${day.date} tidak ada` });
    });
  });
export type CalendarYear = z.infer<typeof calendarYearSchema>;
