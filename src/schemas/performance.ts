import { z } from 'astro/zod';

/** A performance grade band (LAKIN): a score from `min` (inclusive) up to the next band. */
export const gradeBandSchema = z.object({
  /** Lowest score in the band. */
  min: z.number(),
  /** Highest score in the band, as published (null for the top band). */
  max: z.number().nullable(),
  /** e.g. "Sangat Baik". */
  label: z.string(),
  /** The range exactly as the report writes it (e.g. "> 90"), shown instead of one made from min and max. */
  published: z.string().optional(),
});

/** A performance report (LAKIN), `content/performance/<year>.yaml`. */
export const performanceSchema = z.object({
  /** Title, e.g. "Laporan Kinerja Instansi Pemerintah (LAKIN) 2024". */
  title: z.string(),
  /** Reporting year. */
  year: z.number().int(),
  /** Source document. */
  source: z.string().min(5),
  /** Key indicators (IKU) with target and realisation per year. */
  indicators: z
    .array(
      z.object({
        /** e.g. "IKU". */
        kind: z.string(),
        name: z.string().min(10),
        /** How it is computed, in words. */
        formula: z.string().optional(),
        unit: z.string(),
        years: z.array(z.object({ year: z.number().int(), target: z.number(), realisation: z.number() })).min(1),
        /** What the report says explains the result. */
        note: z.string().optional(),
      }),
    )
    .min(1),
  /** AKIP evaluation result, e.g. "BB". */
  akip: z.object({ year: z.number().int(), grade: z.string(), note: z.string().optional() }).optional(),
  /** Grading bands used to read achievement percentages. */
  gradeBands: z.array(gradeBandSchema).min(2),
  /** Tables from the report (programme budgets and realisation), copied as published. */
  tables: z
    .array(
      z.object({
        title: z.string(),
        /** e.g. "Tabel 2.8". */
        reference: z.string().optional(),
        columns: z.array(z.string()).min(2),
        rows: z.array(z.array(z.union([z.string(), z.number()]))).min(1),
        note: z.string().optional(),
      }),
    )
    .default([]),
});
export type Performance = z.infer<typeof performanceSchema>;
