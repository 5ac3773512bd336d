import * as z from 'zod/mini';

/** Limits shared with the PocketBase migration (pb_migrations/*_saran.js) and hook. */
export const SARAN_LIMITS = { pesanMin: 10, pesanMax: 2000, kontakMax: 100 } as const;

export const saranSchema = z.object({
  pesan: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'Tulis saran atau masukan Anda.'),
      z.minLength(SARAN_LIMITS.pesanMin, `Saran terlalu pendek. Tulis paling sedikit ${SARAN_LIMITS.pesanMin} karakter.`),
      z.maxLength(SARAN_LIMITS.pesanMax, `Saran terlalu panjang. Tulis paling banyak ${SARAN_LIMITS.pesanMax} karakter.`),
    ),
  kontak: z
    .string()
    .check(z.trim(), z.maxLength(SARAN_LIMITS.kontakMax, `Kontak terlalu panjang. Tulis paling banyak ${SARAN_LIMITS.kontakMax} karakter.`)),
});

export type SaranInput = z.infer<typeof saranSchema>;
