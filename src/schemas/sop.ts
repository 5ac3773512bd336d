import { z } from 'astro/zod';
import { isAwaiting } from '../lib/provenance';
import { awaitingConfirmationSchema, awaitingPathsKnown, durationSchema, isoDateSchema, keySchema, sourceSchema } from './common';

/** Kinds of SOP steps; they pick the flowchart symbol (Permenpan RB 35/2012). */
export const STEP_KINDS = ['start', 'process', 'decision', 'end'] as const;

/** One row of the SOP table: an activity, who does it, and its mutu baku. */
export const sopStepSchema = z.object({
  /** Kegiatan: what is done, in one or two sentences. */
  activity: z.string().min(5),
  /** Pelaksana: keys of the actors who act in this step (declared in `actors`). */
  actors: z.array(keySchema).min(1),
  /** Mutu baku – kelengkapan: what must be at hand for the step. */
  inputs: z.string().min(2),
  /** Mutu baku – waktu: the standard time of the step; null when the SOP gives none (see timeNote). */
  time: durationSchema.nullable(),
  /** Public remark when time is null: what the SOP says instead (e.g. "sesuai kontrak pengadaan"). Needed unless the step's time is marked in awaitingConfirmation. */
  timeNote: z.string().min(3).optional(),
  /** Mutu baku – output: what the step produces. */
  output: z.string().min(2),
  /** Keterangan: public remarks, e.g. that field visits depend on distance. */
  notes: z.string().optional(),
  /**
   * true when the SOP says this step can take a time nobody can foresee (e.g. "tergantung
   * kondisi di lapangan"): its stage then gets no due date and is never flagged late; the
   * step's `time` stays the officers' working time.
   */
  unpredictable: z.boolean().optional(),
  /** Authors' note on where the step comes from (unreadable or reconstructed in the source). Never shown publicly. */
  sourceNote: z.string().optional(),
  /** start, process, decision or end: the flowchart symbol. */
  kind: z.enum(STEP_KINDS),
  /**
   * The request status this step belongs to (ids from content/reference/statuses.yaml), e.g.
   * "verifikasi_lapangan". The tracking page groups steps into these stages and adds their times.
   * A step without one belongs to the stage of the step before it.
   */
  stage: z.string().optional(),
  /** For a decision: what happens when the answer is no (e.g. "Kembali ke langkah 2"). */
  ifNo: z.string().optional(),
});

/** An SOP in the Permenpan RB 35/2012 form, `content/sops/<key>.yaml`. */
const sopObject = z.object({
  /** Nama SOP. */
  title: z.string().min(5),
  /** Nomor SOP as registered by the office; null when the source does not state it. */
  number: z.string().nullable(),
  /** Unit (bidang/sekretariat) that owns the SOP. */
  unit: z.string().min(3),
  /** Tanggal pembuatan; null when the source does not state it. */
  createdOn: isoDateSchema.nullable(),
  /** Tanggal revisi; null when never revised or not stated. */
  revisedOn: isoDateSchema.nullable(),
  /** Tanggal efektif; null when not stated. */
  effectiveOn: isoDateSchema.nullable(),
  /** Disahkan oleh: the position (never a person's name), e.g. "Kepala Dinas Sosial Kabupaten Bangka". */
  approvedBy: z.string().min(5),
  /** Dasar hukum. */
  legalBasis: z.array(z.string().min(5)).min(1),
  /** Kualifikasi pelaksana. */
  staffQualifications: z.array(z.string().min(3)).min(1),
  /** Keterkaitan: related SOPs (names or keys of other SOP files). */
  relatedSops: z.array(z.string()).default([]),
  /** Peralatan/perlengkapan. */
  equipment: z.array(z.string().min(2)).min(1),
  /** Peringatan: what happens if the SOP is not followed. */
  warnings: z.array(z.string().min(5)).min(1),
  /** Pencatatan dan pendataan: what is recorded, and how. */
  recordKeeping: z.array(z.string().min(3)).min(1),
  /** Actors (pelaksana) in the order of the table's columns. */
  actors: z.array(z.object({ key: keySchema, label: z.string().min(2) })).min(1),
  /** The steps, in order; the first is a start and the last an end. */
  steps: z.array(sopStepSchema).min(2),
  /** Adopted by the office, or drafted for the portal. */
  source: sourceSchema,
  /** Fields awaiting the office's confirmation, with what it must supply (src/schemas/common.ts). */
  awaitingConfirmation: awaitingConfirmationSchema,
});
/** An SOP in the Permenpan RB 35/2012 form, `content/sops/<key>.yaml`. */
export const sopSchema = sopObject.superRefine((sop, ctx) => {
  awaitingPathsKnown(Object.keys(sopObject.shape))(sop, ctx);
  sop.steps.forEach((step, i) => {
    if (step.time === null && step.timeNote === undefined && !isAwaiting(sop.awaitingConfirmation, `steps.${i}.time`)) {
      ctx.addIssue({ code: 'custom', path: ['steps', i, 'timeNote'], message: 'langkah tanpa waktu baku (time: null) harus punya timeNote, atau waktunya ditandai di awaitingConfirmation' });
    }
  });
});
export type Sop = z.infer<typeof sopSchema>;
export type SopStep = z.infer<typeof sopStepSchema>;
