import { z } from 'astro/zod';
import { awaitingConfirmationSchema, awaitingPathsKnown, documentKeySchema, durationSchema, keySchema, sourceSchema } from './common';
import { APPLICANT_ROLE_IDS, type ApplicantRole } from '../lib/rules/applicant';

/** wajib: must be given; tidak_wajib: asked, may be left empty (e.g. an unidentified ODGJ has no NIK); tidak_diminta: not asked. */
const requirementSchema = z.enum(['wajib', 'tidak_wajib', 'tidak_diminta']);

/** A question asked before applying; the wrong answer leads to an explanation, not to the form. */
export const eligibilityQuestionSchema = z.object({
  /** Stable key of the question. */
  id: keySchema,
  /** Asked as a yes/no question in plain words. */
  question: z.string().min(10),
  /** The answer that lets the person go on. */
  expected: z.enum(['ya', 'tidak']),
  /** Shown when the answer is the other one: why, and where to go instead. */
  ifNot: z.string().min(10),
});

/** A Standar Pelayanan (Permenpan RB 15/2014) for one service, `content/services/<key>.yaml`. */
const serviceObject = z.object({
  /** Name of the service as citizens say it. */
  title: z.string().min(5),
  /** One sentence: what you get. Shown in lists and search. */
  summary: z.string().min(20).max(220),
  /** Which need it serves: a key from content/reference/service-groups.yaml; groups the home page. */
  group: keySchema,
  /** Unit that handles it, e.g. "Bidang Rehabilitasi Sosial". */
  unit: z.string().min(3),
  /** Words people may search with that are not in the title (e.g. "kursi roda", "tongkat"). */
  keywords: z.array(z.string()).default([]),
  /** Who may receive it. */
  eligibility: z.object({
    /** Plain description of who is eligible. */
    description: z.string().min(20),
    /** PPKS categories served (ids from content/reference/ppks.yaml). */
    ppks: z.array(keySchema).default([]),
    /** Questions the application form asks first. */
    questions: z.array(eligibilityQuestionSchema).default([]),
  }),
  /** Whether citizens can apply online from the portal (reports go through /lapor instead). */
  onlineApplication: z.boolean(),
  /**
   * A draft service (its source or its SOP is "rancangan") is not listed and takes no applications
   * unless the office switches it on here; then every page naming it says it is a draft.
   */
  showDraft: z.boolean().default(false),
  /**
   * Who may apply (pemohon): the recipient, a parent or guardian, other family or neighbours
   * (`mewakili`), a village officer, a TKSK or PSM. All of them when left out.
   */
  applicants: z
    .array(z.enum(APPLICANT_ROLE_IDS as [ApplicantRole, ...ApplicantRole[]]))
    .min(1)
    .optional(),
  /** Identity data asked of the person the service is for (penerima) and of an applicant who is someone else (pengaju). */
  identity: z
    .object({
      penerima: z
        .object({ nik: requirementSchema.default('wajib'), nomor_kk: requirementSchema.default('wajib'), tanggal_lahir: requirementSchema.default('wajib') })
        .default({ nik: 'wajib', nomor_kk: 'wajib', tanggal_lahir: 'wajib' }),
      pengaju: z.object({ nik: requirementSchema.default('tidak_diminta') }).default({ nik: 'tidak_diminta' }),
    })
    .default({ penerima: { nik: 'wajib', nomor_kk: 'wajib', tanggal_lahir: 'wajib' }, pengaju: { nik: 'tidak_diminta' } }),

  // --- Komponen penyampaian pelayanan (service delivery), published ---
  /** 1. Persyaratan: documents to upload (keys from content/reference/documents.yaml). */
  documents: z
    .array(
      z.object({
        key: documentKeySchema,
        required: z.boolean(),
        /** Whose document: the recipient's (default), or the applicant's own when someone else applies (e.g. a parent's KTP). */
        of: z.enum(['penerima', 'pengaju']).optional(),
        /** Asked only for an adult recipient (dewasa, 17 or older: KTP) or only for a child (anak: KIA or akta kelahiran). */
        age: z.enum(['dewasa', 'anak']).optional(),
        /** Asked only when the applicant has one of these roles (e.g. a guardian's KTP from `orang_tua_wali`). */
        applicants: z.array(z.enum(APPLICANT_ROLE_IDS as [ApplicantRole, ...ApplicantRole[]])).min(1).optional(),
        /** A hint for this service only; the document type's own hint applies otherwise. */
        hint: z.string().optional(),
      }),
    )
    .default([]),
  /** 1. Persyaratan that are not documents (e.g. "Berdomisili di Kabupaten Bangka"). */
  otherRequirements: z.array(z.string().min(5)).default([]),
  /** 2. Sistem, mekanisme, dan prosedur: the steps in plain words, as a citizen meets them. */
  procedure: z.array(z.string().min(5)).min(2),
  /** 3. Jangka waktu penyelesaian; the build checks it equals the sum of the SOP's step times. */
  duration: durationSchema,
  /**
   * What a citizen can expect in calendar terms: the working days a request usually takes from
   * receipt to the result (e.g. 10–20), shown on the service page, after applying and on the
   * tracking page. `duration` stays the officers' working time from the SOP.
   */
  expectedTime: z
    .object({
      minDays: z.number().int().positive(),
      maxDays: z.number().int().positive(),
    })
    .refine((t) => t.maxDays >= t.minDays, { message: 'maxDays tidak boleh lebih kecil daripada minDays', path: ['maxDays'] }),
  /** 3. What the time does not include (e.g. waiting for stock), said plainly. */
  durationNote: z.string().optional(),
  /** 4. Biaya/tarif in rupiah; 0 means free. */
  cost: z.number().int().nonnegative(),
  /** 4. Remark on the cost, e.g. "Tidak dipungut biaya". */
  costNote: z.string().optional(),
  /** 5. Produk pelayanan. */
  product: z.string().min(5),
  /** 6. Penanganan pengaduan, saran, dan masukan. */
  complaints: z.string().min(20),

  // --- Komponen pengelolaan pelayanan (manufacturing), kept for the office ---
  management: z.object({
    /** Dasar hukum. */
    legalBasis: z.array(z.string().min(5)).min(1),
    /** Sarana, prasarana, dan/atau fasilitas, including for vulnerable groups. */
    facilities: z.string().min(10),
    /** Kompetensi pelaksana. */
    staffCompetence: z.string().min(10),
    /** Pengawasan internal. */
    internalOversight: z.string().min(10),
    /** Jumlah pelaksana; leave it out and mark it in awaitingConfirmation rather than invent a number. */
    staffCount: z.string().min(3).optional(),
    /** Jaminan pelayanan. */
    serviceGuarantee: z.string().min(10),
    /** Jaminan keamanan dan keselamatan pelayanan. */
    safetyGuarantee: z.string().min(10),
    /** Evaluasi kinerja pelaksana. */
    staffEvaluation: z.string().min(10),
  }),

  /** Key of its SOP (a file in content/sops/). */
  sop: keySchema,
  /** Key of the programme it belongs to (a file in content/programmes/), if any. */
  programme: keySchema.optional(),
  /** Adopted by the office, or drafted for the portal. */
  source: sourceSchema,
  /** Position in lists; lower comes first. */
  order: z.number().int().default(100),
  /** Fields awaiting the office's confirmation, with what it must supply (src/schemas/common.ts). */
  awaitingConfirmation: awaitingConfirmationSchema,
});
export const serviceSchema = serviceObject.superRefine(awaitingPathsKnown(Object.keys(serviceObject.shape)));
export type Service = z.infer<typeof serviceSchema>;
