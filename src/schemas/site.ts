import { z } from 'astro/zod';
import { parseDays } from '../lib/rules/working-time';
import { awaitingConfirmationSchema, awaitingPathsKnown } from './common';

/** Identity of the office running the portal (`content/site/site.yaml`). */
const siteObject = z.object({
  /** Full name, e.g. "Dinas Sosial Kabupaten Bangka". */
  officeName: z.string().min(5),
  /** Short name used in the header on small screens, e.g. "Dinsos Bangka". */
  shortName: z.string().min(3).max(30),
  /** The region served. */
  region: z.object({
    /** Kemendagri code of the kabupaten/kota, e.g. "19.01". */
    code: z.string().regex(/^\d{2}\.\d{2}$/),
    /** e.g. "Kabupaten Bangka". */
    name: z.string(),
    /** Province, e.g. "Kepulauan Bangka Belitung". */
    province: z.string(),
  }),
  /** Prefix of tracking codes, three capital letters (e.g. "ABC" gives codes like ABC-7K3-MQ9-XPW; pages show such an example). */
  trackingPrefix: z.string().regex(/^[A-Z]{3}$/),
  address: z.object({
    street: z.string(),
    city: z.string(),
    postalCode: z.string().regex(/^\d{5}$/),
  }),
  /** Office phone, written as people dial it, e.g. "(0717) 92566". */
  phone: z.string(),
  /** WhatsApp number in international digits without "+", e.g. "6282299970505" (used for wa.me links). */
  whatsapp: z.string().regex(/^62\d{8,13}$/),
  /** The same number as people read it, e.g. "0822-9997-0505". */
  whatsappDisplay: z.string(),
  email: z.email(),
  website: z.url().optional(),
  /**
   * Opening hours, one line per group of days. Times as "08.00". `days` names weekdays
   * ("Senin–Kamis", "Jumat", "Senin, Rabu dan Jumat"): the working-day calendar reads them, so a
   * request received after `close` starts on the next working day.
   */
  openingHours: z
    .array(
      z.object({
        days: z.string().refine((days) => parseDays(days) !== null, 'tulis nama hari (Senin … Minggu), misalnya "Senin–Kamis" atau "Jumat"'),
        open: z.string().regex(/^([01]\d|2[0-3])\.[0-5]\d$/),
        close: z.string().regex(/^([01]\d|2[0-3])\.[0-5]\d$/),
      }).refine((line) => line.open < line.close, { message: 'jam tutup harus setelah jam buka', path: ['close'] }),
    )
    .min(1),
  /** Time zone of the office. */
  timeZone: z.enum(['WIB', 'WITA', 'WIT']),
  /** Emergency numbers shown beside reports of people in danger; printed as "112 – label". */
  emergencyNumbers: z.array(z.object({ label: z.string(), number: z.string() })).min(1),
  /** Logo file under public/, e.g. "/logo.svg". */
  logo: z.string().startsWith('/'),
  /**
   * The one rule on originals and photocopies, said once: the printable checklist and the SOP's
   * first step (where an adopted SOP says "fotokopi KTP") both show it.
   */
  documentCopies: z.string().min(20).optional(),
  /** Version of the privacy notice; recorded with every consent. Change it when the notice changes. */
  privacyNoticeVersion: z.string().min(1),
  /** Days after closing a request before its document files are deleted (UU PDP retention). */
  retentionDays: z.number().int().positive(),
  /**
   * Months in which a second request for the same service by the same NIK is flagged to staff
   * (a flag to look at, not a refusal).
   */
  duplicateMonths: z.number().int().positive().default(12),
  /**
   * What the smallest areas of the region are called: a kabupaten usually has desa and kelurahan,
   * a kota only kelurahan. Forms and hints use the office's word.
   */
  villages: z.enum(['desa-kelurahan', 'kelurahan', 'desa']).default('desa-kelurahan'),
  /** The home page's line under "Cari layanan", naming a few of this office's services. */
  servicesHint: z.string().min(10).max(140),
  /** Words the search page suggests (a few of this office's services or keywords). */
  searchExamples: z.array(z.string().min(2)).min(2).max(6),
  /** Fields awaiting the office's confirmation, with what it must supply (src/schemas/common.ts). */
  awaitingConfirmation: awaitingConfirmationSchema,
});
/** Identity of the office running the portal (`content/site/site.yaml`). */
export const siteSchema = siteObject.superRefine(awaitingPathsKnown(Object.keys(siteObject.shape)));
export type Site = z.infer<typeof siteSchema>;
