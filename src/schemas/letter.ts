import { z } from 'astro/zod';

/**
 * A letter the office issues on a decision (`content/letters/<id>.yaml`): which status change
 * produces it, for which services, its number format, its signatory's role, and its text with
 * placeholders. The server renders it (pocketbase/pb_hooks/lib/surat.js); /surat/ prints it.
 */
export const letterSchema = z.object({
  /** Type of document as the office names it, e.g. "Berita Acara Serah Terima Barang (BASTB)". */
  title: z.string().min(3),
  /** Short type shown on the public verification page, e.g. "Surat pemberitahuan". */
  kind: z.string().min(3),
  /** Statuses (ids from reference/statuses.yaml) whose arrival produces this letter. */
  onStatus: z.array(z.string()).min(1),
  /** Services (ids) this letter is for; empty for every service. */
  services: z.array(z.string()).default([]),
  /** e.g. "{nomor}/460/DINSOS/{tahun}": {nomor} the register's number (3 digits), {tahun} the year. */
  numberFormat: z.string().includes('{nomor}'),
  /** The role (reference/roles.yaml) that signs. */
  signatoryRole: z.string(),
  subject: z.string().min(3),
  /** Paragraphs; placeholders: {nama}, {layanan}, {kode}, {alasan}, {tanggal}, {kantor}, {alamat_kantor}. */
  body: z.array(z.string().min(1)).min(1),
  /** Extra signature blocks beside the signatory's, e.g. the recipient on a handover record. */
  alsoSigns: z.array(z.object({ label: z.string(), who: z.enum(['penerima']) })).default([]),
});

export type Letter = z.infer<typeof letterSchema>;
