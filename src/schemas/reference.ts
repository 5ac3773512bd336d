import { z } from 'astro/zod';
import { keySchema, documentKeySchema } from './common';

/** One of the PPKS categories (Permensos 8/2012), `content/reference/ppks.yaml`. */
export const ppksSchema = z.object({
  id: keySchema,
  /** Order in the official list (1–26). */
  number: z.number().int().positive(),
  name: z.string().min(3),
  /** One-sentence plain definition. */
  definition: z.string().min(10),
});

/** A social welfare pillar (PSKS), `content/reference/pilar-sosial.yaml`. */
export const pilarSchema = z.object({
  id: keySchema,
  name: z.string(),
  /** Common abbreviation, e.g. "TKSK"; empty when there is none. */
  abbreviation: z.string().optional(),
  description: z.string().min(10),
});

/** A group of services on the home page and the service list, `content/reference/service-groups.yaml`. */
export const serviceGroupSchema = z.object({
  /** Key a service names in its `group`. */
  id: keySchema,
  /** Position on the home page, smallest first. */
  order: z.number().int(),
  /** The need it serves, e.g. "Penyandang disabilitas". */
  title: z.string().min(3),
  /** One line naming what is in it. */
  description: z.string().min(5),
});

/** A kecamatan of the region with its Kemendagri code, `content/reference/kecamatan.yaml`. */
export const kecamatanSchema = z.object({
  id: keySchema,
  /** e.g. "19.01.01". */
  code: z.string().regex(/^\d{2}\.\d{2}\.\d{2}$/),
  name: z.string(),
});

/** File types a document may be uploaded as. PocketBase checks the content, not the name. */
export const MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;

/** A kind of document services may ask for, `content/reference/documents.yaml`. */
export const documentTypeSchema = z.object({
  /** Stable key; also the file field's name in PocketBase. Never rename one in use. */
  id: documentKeySchema,
  /** What citizens see, e.g. "Fotokopi KTP". */
  label: z.string().min(3),
  /** Accepted file types. */
  accept: z.array(z.enum(MIME_TYPES)).min(1),
  /** Largest file accepted, in megabytes, after the browser has compressed photos. */
  maxSizeMB: z.number().positive().max(20),
  /** How to get it right, e.g. "Foto seluruh halaman, tulisan terbaca". */
  hint: z.string().min(5),
});

/**
 * What a status means to the system, whatever the office calls it: the server decides by
 * meaning, never by a status key. initial: where every new request starts; repair: the applicant
 * must supply something; decision: waiting for the deciding official; success: served and
 * closed (the only end that may be rated in the survey); rejected: refused and closed;
 * cancelled: withdrawn or unreachable, closed without a decision.
 */
export const STATUS_MEANINGS = ['initial', 'repair', 'decision', 'success', 'rejected', 'cancelled'] as const;
export type StatusMeaning = (typeof STATUS_MEANINGS)[number];

/** A status of a request (`content/reference/statuses.yaml`); its key is a PocketBase select value. */
export const statusSchema = z.object({
  id: z.string().regex(/^[a-z][a-z_]*$/, 'pakai huruf kecil dan garis bawah (contoh: verifikasi_berkas)'),
  /** What citizens and staff see. */
  label: z.string().min(3),
  /** One sentence for the tracking page. */
  description: z.string().min(10),
  /** Statuses staff may move to from this one. */
  next: z.array(z.string()),
  /** Whether moving to this status needs a reason written for the applicant. */
  needsReason: z.boolean(),
  /** Whether the request is finished in this status. */
  closed: z.boolean(),
  /** Position on the tracking page and in lists (the YAML loader does not keep file order). */
  order: z.number().int().default(100),
  /** For report statuses: the SOP stage whose standard time applies while a report is here. */
  sopStage: z.string().optional(),
  /** What the status means to the system (see STATUS_MEANINGS); ordinary working stages have none. */
  meaning: z.enum(STATUS_MEANINGS).optional(),
});

/** A kind of report citizens can send from /lapor (`content/reference/report-types.yaml`). */
export const reportTypeSchema = z.object({
  id: keySchema,
  label: z.string().min(3),
  description: z.string().min(10),
  /** SOP whose standard times apply, or null when no SOP exists for it. */
  sop: keySchema.nullable(),
  /** PPKS categories a report of this kind may concern (ids from ppks.yaml). */
  ppks: z.array(keySchema).default([]),
  order: z.number().int().default(100),
});

/** What a role may do beyond recording the SOP steps of its actors (content/reference/roles.yaml). */
export const ROLE_POWERS = ['perbaikan', 'batal', 'tugaskan', 'laporan', 'ekspor', 'log-akses'] as const;
export type RolePower = (typeof ROLE_POWERS)[number];

/** A role in the staff workspace, `content/reference/roles.yaml`: which SOP actors it is. */
export const roleSchema = z.object({
  id: keySchema,
  /** Position in lists. */
  order: z.number().int().default(100),
  /** What staff see, e.g. "Kepala Bidang (Kabid)". */
  label: z.string().min(3),
  /** One sentence: what this role does. */
  description: z.string().min(10),
  /** Keys of the SOP actors (content/sops/*.yaml `actors[].key`) this role is. */
  actors: z.array(keySchema).min(1),
  /** Powers beyond the SOP steps (see ROLE_POWERS). */
  can: z.array(z.enum(ROLE_POWERS)).default([]),
  /** A field worker: sees only the cases assigned to them, and only what a home visit needs. */
  field: z.boolean().default(false),
  /** An office role that reads the cases (all of them); false for a role that needs none (planning). */
  cases: z.boolean().default(true),
  /** For a field role: the applicant's documents it may open (document type keys). */
  documents: z.array(documentKeySchema).default([]),
  /** false for people outside the office (the applicant, a village, the Bupati): no account. */
  account: z.boolean().default(true),
  /** For a role without accounts: the role that records its steps on its behalf. */
  recordedBy: keySchema.optional(),
});
export type Role = z.infer<typeof roleSchema>;
