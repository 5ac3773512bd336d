import { z } from 'astro/zod';
import { awaitingConfirmationSchema, awaitingPathsKnown, keySchema } from './common';

/** A programme or innovation (e.g. AKSI PENTAS PELANGI), `content/programmes/<key>.yaml`. */
const programmeObject = z.object({
  /** Short name, e.g. "AKSI PENTAS PELANGI". */
  name: z.string().min(2),
  /** What the acronym stands for. */
  longName: z.string().min(5),
  summary: z.string().min(20).max(300),
  /** Tujuan. */
  aims: z.array(z.string().min(10)).min(1),
  /** Keys of the services it covers. */
  services: z.array(keySchema).default([]),
  /** Which office started it, stated honestly (it may be another region's). */
  initiator: z.string().min(5),
  /** Whether this office runs it, adapts it from another office, or only learns from it. */
  relation: z.enum(['dijalankan', 'diadaptasi', 'acuan']),
  /** A sentence explaining the relation. */
  relationNote: z.string().min(10),
  /** Results as reported by the source, with period and source. */
  results: z
    .array(
      z.object({
        label: z.string().min(3),
        value: z.string().min(1),
        period: z.string().optional(),
        source: z.string().min(5),
      }),
    )
    .default([]),
  /** Source document. */
  source: z.string().min(5),
  order: z.number().int().default(100),
  /** Fields awaiting the office's confirmation, with what it must supply (src/schemas/common.ts). */
  awaitingConfirmation: awaitingConfirmationSchema,
});
export const programmeSchema = programmeObject.superRefine(awaitingPathsKnown(Object.keys(programmeObject.shape)));
export type Programme = z.infer<typeof programmeSchema>;
