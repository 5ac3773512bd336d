// The applicant's proof on /lacak/ (re-upload, their letter): the tracking code plus one fact they
// gave on the form. Shared by the browser and the server (pb_hooks/lib/unggah-ulang.js), so both
// refuse the same malformed answers with the same words before any record is looked at.

export type ProofKind = 'tanggal_lahir' | 'telepon';

export const PROOF_KINDS: readonly ProofKind[] = ['tanggal_lahir', 'telepon'];

/** Wrong proofs in a row before re-upload for that code is locked, and for how long. */
export const PROOF_MAX_FAILURES = 5;
export const PROOF_LOCK_MINUTES = 30;
/** How long a successful proof lets the person upload or open their letter. */
export const PROOF_TOKEN_MINUTES = 30;

export const PROOF_MISMATCH_MESSAGE = 'Data pembuktian tidak cocok dengan permohonan ini. Periksa lagi tanggal lahir atau nomor telepon yang ditulis pada formulir.';

/** The value as compared: YYYY-MM-DD for a birth date, four digits for the phone; null when malformed. */
export function normaliseProof(kind: string, raw: string): string | null {
  const value = String(raw ?? '').trim();
  if (kind === 'tanggal_lahir') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (!m) return null;
    const d = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value ? value : null;
  }
  if (kind === 'telepon') {
    const digits = value.replace(/[\s.-]/g, '');
    return /^\d{4}$/.test(digits) ? digits : null;
  }
  return null;
}

/** Field errors for a malformed proof ({} when it may be checked against the request). */
export function proofErrors(kind: string, raw: string): Record<string, string> {
  if (!PROOF_KINDS.includes(kind as ProofKind)) return { bukti_jenis: 'Pilih data yang Anda pakai untuk membuktikan: tanggal lahir penerima layanan atau 4 angka terakhir nomor telepon.' };
  if (normaliseProof(kind, raw) !== null) return {};
  if (kind === 'tanggal_lahir') return { bukti_nilai: String(raw ?? '').trim() ? 'Tanggal lahir tidak sah. Pilih tanggal lahir penerima layanan, misalnya 17 Agustus 1975.' : 'Isi tanggal lahir penerima layanan.' };
  return { bukti_nilai: String(raw ?? '').trim() ? 'Tulis tepat 4 angka terakhir nomor telepon pada formulir, misalnya 5678.' : 'Isi 4 angka terakhir nomor telepon.' };
}
