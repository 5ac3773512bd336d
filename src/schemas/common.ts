import { z } from 'astro/zod';

/** Units a standard time may be written in. One hari kerja is counted as 8 working hours. */
export const TIME_UNITS = ['menit', 'jam', 'hari kerja'] as const;

/** A standard time, as the SOPs write it: a number and its unit. */
export const durationSchema = z.object({
  /** How many units; decimals are allowed (0.5 jam). */
  value: z.number().positive(),
  /** "menit", "jam" or "hari kerja". */
  unit: z.enum(TIME_UNITS),
});
export type Duration = z.infer<typeof durationSchema>;

/** Slug used as a stable key across files: lowercase letters, digits and dashes. */
export const keySchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'pakai huruf kecil, angka, dan tanda hubung (contoh: alat-bantu)');

/** A key of a document type; also a PocketBase field name, so snake_case. */
export const documentKeySchema = z.string().regex(/^[a-z][a-z0-9_]*$/, 'pakai huruf kecil, angka, dan garis bawah (contoh: foto_ktp)');

/** ISO calendar date (YYYY-MM-DD) as written in YAML; shown as "23 November 2026". */
export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'tulis tanggal sebagai TTTT-BB-HH, contoh 2022-01-24');

/** Where a statement comes from, so nothing is presented as the office's own without a source. */
export const sourceSchema = z.object({
  /** "ditetapkan": adopted by the office (from its documents). "rancangan": drafted for the portal, not yet adopted. */
  status: z.enum(['ditetapkan', 'rancangan']),
  /** Which document it was taken from, or why it is a draft. */
  note: z.string().min(5),
});

/**
 * Marks a value in content/ that is not from an adopted office document and awaits the
 * office's confirmation; the text says what the office must check or supply. Remove the field
 * once the office has confirmed the value. (One plain marker, so a readiness report can list
 * every such value by file and field.)
 */
export const awaitingConfirmationSchema = z.string().min(10);
