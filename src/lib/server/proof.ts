// POST /api/lacak/{kode}/bukti: the applicant proves they are the applicant with the tracking
// code plus one fact from their form (src/lib/rules/proof.ts), and earns a short-lived signed
// token ("<id>.<expiry unix>.<hmac>") for the re-upload and their letters.
//
// Enumeration: an unknown code and a wrong fact get the same answer and are counted and locked
// the same way (the attempts are keyed by an HMAC of the code, whether the code exists or not).
// The upload itself (multipart files, a transaction) stays in pocketbase/pb_hooks/lib/unggah-ulang.js.
import type { Bukti, DokumenDiminta } from '../api/lacak';
import type { PortalData } from '../portal-data';
import { normaliseProof, PROOF_LOCK_MINUTES, PROOF_MAX_FAILURES, PROOF_MISMATCH_MESSAGE, PROOF_TOKEN_MINUTES, proofErrors } from '../rules/proof';
import { exampleCode, normaliseCode } from '../rules/tracking-code';
import { zoneOffsetHours } from '../rules/working-time';
import { byId, parsePbDate, pbDate, type Refusals } from './common';

/** The request a code names, as the proof needs it. */
export interface ProofRequest {
  id: string;
  kode_lacak: string;
  status: string;
  layanan: string;
  /** Document keys staff asked to be sent again. */
  dokumen_perbaikan: string[];
  /** As stored ("1975-08-17 00:00:00.000Z"). */
  tanggal_lahir: string;
  telepon: string;
}

/** The database as the proof needs it (pb_hooks/lib/unggah-ulang.js). */
export interface ProofDb {
  request(code: string): ProofRequest | null;
  /** Wrong proofs in a row for this code, and until when it is locked (PocketBase date text or ''). */
  attempts(code: string): { failures: number; lockedUntil: string };
  /** Records the count; `lockedUntil` null keeps the lock as it is. */
  saveAttempts(code: string, failures: number, lockedUntil: string | null): void;
  /** The server's keyed signature of `text`. */
  sign(text: string): string;
  /** Compares in constant time. */
  same(a: string, b: string): boolean;
}

/** "pukul 14.30 WIB" in the office's zone. */
function clock(data: PortalData, date: Date): string {
  const local = new Date(date.getTime() + zoneOffsetHours(data.site.timeZone) * 3_600_000);
  const pad = (n: number) => (n < 10 ? '0' : '') + n;
  return `pukul ${pad(local.getUTCHours())}.${pad(local.getUTCMinutes())} ${data.site.timeZone}`;
}

function lockedMessage(data: PortalData, until: Date): string {
  return `Terlalu banyak percobaan yang salah untuk kode ini. Demi keamanan data, pembuktian dikunci sampai ${clock(data, until)}. Setelah itu coba lagi, atau datang ke kantor dengan membawa tanda terima.`;
}

/** The documents the proven applicant is asked for, with their rules (none unless the request waits for a repair). */
export function askedDocuments(data: PortalData, request: ProofRequest): DokumenDiminta[] {
  const status = byId(data.statuses, request.status);
  const service = byId(data.services, request.layanan);
  if (!status || status.meaning !== 'repair' || !service) return [];
  return service.documents.filter((d) => request.dokumen_perbaikan.includes(d.key)).map((d) => ({ kunci: d.key, label: d.label, jenis_berkas: d.accept, ukuran_maks_mb: d.maxSizeMB }));
}

/** A token's parts when it is well formed and unexpired; the signature is the caller's to check. */
export function parseProofToken(token: unknown, now: Date): { id: string; expiry: string; mac: string } | null {
  const parts = String(token || '').split('.');
  if (parts.length !== 3 || !/^[a-z0-9]{15}$/.test(parts[0]!) || !/^\d{1,12}$/.test(parts[1]!)) return null;
  if (Number(parts[1]) * 1000 < now.getTime()) return null;
  return { id: parts[0]!, expiry: parts[1]!, mac: parts[2]! };
}

/** What a token signs: the request, the expiry and the request's code. */
export function proofTokenText(id: string, expiry: string, code: string): string {
  return `${id}.${expiry}.${code}`;
}

/** Checks one proof ({bukti_jenis, bukti_nilai}); returns the token or throws a 400, 403 or 429 in Indonesian. */
export function proveApplicant(db: ProofDb, data: PortalData, rawCode: unknown, body: Record<string, unknown>, now: Date, refuse: Refusals): Bukti {
  const code = normaliseCode(String(rawCode || ''));
  if (!code) {
    const message = `Kode pelacakan tidak sah. Tulis kode seperti pada tanda terima, misalnya ${exampleCode(data.site.trackingPrefix)}.`;
    throw refuse.badRequest(message, { kode: message });
  }
  // Text only: an array or object (["telepon"], {"$ne": null}) is no answer at all.
  const textOf = (v: unknown) => (typeof v === 'string' ? v : '');
  const kind = textOf(body['bukti_jenis']);
  const raw = textOf(body['bukti_nilai']).slice(0, 100);
  const malformed = proofErrors(kind, raw);
  const keys = Object.keys(malformed);
  if (keys.length > 0) throw refuse.badRequest(keys.length === 1 ? malformed[keys[0]!]! : 'Periksa kembali isian Anda.', malformed);
  const value = normaliseProof(kind, raw)!;

  const attempts = db.attempts(code);
  const locked = parsePbDate(attempts.lockedUntil);
  if (locked && locked.getTime() > now.getTime()) throw refuse.tooMany(lockedMessage(data, locked));

  const request = db.request(code);
  const given = request ? (kind === 'tanggal_lahir' ? request.tanggal_lahir.slice(0, 10) : request.telepon.slice(-4)) : '';
  if (!request || !db.same(given, value)) {
    const failures = attempts.failures + 1;
    if (failures >= PROOF_MAX_FAILURES) {
      const lockEnd = new Date(now.getTime() + PROOF_LOCK_MINUTES * 60_000);
      db.saveAttempts(code, 0, pbDate(lockEnd));
      throw refuse.tooMany(lockedMessage(data, lockEnd));
    }
    db.saveAttempts(code, failures, null);
    throw refuse.forbidden(`${PROOF_MISMATCH_MESSAGE} Sisa percobaan: ${PROOF_MAX_FAILURES - failures} kali.`, { bukti_nilai: PROOF_MISMATCH_MESSAGE });
  }
  if (attempts.failures > 0) db.saveAttempts(code, 0, null);
  const expiry = String(Math.floor(now.getTime() / 1000 + PROOF_TOKEN_MINUTES * 60));
  return {
    token: `${request.id}.${expiry}.${db.sign(proofTokenText(request.id, expiry, request.kode_lacak))}`,
    berlaku_sampai: new Date(now.getTime() + PROOF_TOKEN_MINUTES * 60_000).toISOString(),
    dokumen: askedDocuments(data, request),
  };
}
