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

/**
 * Where a file's statements come from, so nothing is presented as the office's own without a source.
 * Only `status` and `document` reach public pages; `note` is for the authors and is never rendered.
 */
export const sourceSchema = z.object({
  /** "ditetapkan": adopted by the office (from its documents). "rancangan": drafted for the portal, not yet adopted. */
  status: z.enum(['ditetapkan', 'rancangan']),
  /**
   * Public name of the adopted office document it comes from, e.g. "Lampiran SOP LAKIN 2024 Dinas
   * Sosial Kabupaten Bangka". A "ditetapkan" file without one is listed in the readiness report.
   */
  document: z.string().min(5).optional(),
  /** Authors' provenance (which seed, what was unreadable or reconstructed). Never shown on a public page. */
  note: z.string().min(5).optional(),
});
export type Source = z.infer<typeof sourceSchema>;

/**
 * The awaiting-confirmation marker (`awaitingConfirmation`, "menunggu konfirmasi"): the fields of
 * this file that are not (yet) from an adopted office document, each with what the office must
 * supply. A field path may name a whole block ("management") or one value ("steps.3.time",
 * "openingHours"). Public pages leave such a value out or show it with the one neutral wording
 * (src/lib/provenance.ts); `npm run build` lists every entry in its "Kesiapan terbit" report, and
 * PORTAL_REQUIRE_CONFIRMED=1 makes the build fail while any is left.
 */
export const awaitingConfirmationSchema = z
  .array(
    z.object({
      /** Dot path of the field in this file, list items by number from 0 (e.g. "management.staffCount", "steps.2"). */
      field: z.string().regex(/^[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)*$/, 'tulis jalur bidang seperti management.staffCount atau steps.2'),
      /** What the office must supply or confirm, in Indonesian, for the readiness report. */
      supply: z.string().min(10),
    }),
  )
  .default([]);
export type AwaitingConfirmation = z.infer<typeof awaitingConfirmationSchema>;

/** Refinement for a file schema: every awaitingConfirmation path starts with one of its own keys. */
export function awaitingPathsKnown(keys: readonly string[]) {
  return (data: { awaitingConfirmation?: AwaitingConfirmation | undefined }, ctx: z.RefinementCtx) => {
    (data.awaitingConfirmation ?? []).forEach((m, i) => {
      if (!keys.includes(m.field.split('.')[0]!)) ctx.addIssue({ code: 'custom', path: ['awaitingConfirmation', i, 'field'], message: `bidang "${m.field}" tidak ada di berkas ini` });
    });
  };
}
