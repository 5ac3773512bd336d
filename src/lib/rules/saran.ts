// The kotak saran's rules, one definition for the form (SaranForm) and the server hook
// (pb_hooks/saran.pb.js, through the rules bundle). tests/vectors/saran.json holds the cases
// both must agree on.
import { unreadableText, UNREADABLE_MESSAGE } from './text';

/** Limits shared with the PocketBase migration (pb_migrations/*_saran.js). */
export const SARAN_LIMITS = { pesanMin: 10, pesanMax: 2000, kontakMax: 100 } as const;

export interface SaranValue {
  pesan: string;
  kontak: string;
}

export function validateSaran(input: { pesan?: unknown; kontak?: unknown }): { value: SaranValue; errors: Partial<Record<keyof SaranValue, string>> } {
  const rawPesan = typeof input.pesan === 'string' ? input.pesan : '';
  const rawKontak = typeof input.kontak === 'string' ? input.kontak : '';
  const pesan = rawPesan.trim();
  const kontak = rawKontak.trim();
  const errors: Partial<Record<keyof SaranValue, string>> = {};
  if (unreadableText(rawPesan, true)) errors.pesan = UNREADABLE_MESSAGE;
  else if (pesan.length === 0) errors.pesan = 'Tulis saran atau masukan Anda.';
  else if (pesan.length < SARAN_LIMITS.pesanMin) errors.pesan = `Saran terlalu pendek. Tulis paling sedikit ${SARAN_LIMITS.pesanMin} karakter.`;
  else if (pesan.length > SARAN_LIMITS.pesanMax) errors.pesan = `Saran terlalu panjang. Tulis paling banyak ${SARAN_LIMITS.pesanMax} karakter.`;
  if (unreadableText(rawKontak, false)) errors.kontak = UNREADABLE_MESSAGE;
  else if (kontak.length > SARAN_LIMITS.kontakMax) errors.kontak = `Kontak terlalu panjang. Tulis paling banyak ${SARAN_LIMITS.kontakMax} karakter.`;
  return { value: { pesan, kontak }, errors };
}
