// Text rules shared by every public form (applications, reports, kotak saran, survey).

/**
 * Control characters (other than newline and tab) and bidirectional controls (embeddings,
 * overrides, isolates, marks) have no place in a form field: an override makes "gpj.exe" read
 * as "exe.jpg" and text on a staff screen read differently from what is stored.
 */
export const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/** The client-generated id that makes a retried submission idempotent. */
export const SUBMISSION_ID = /^[A-Za-z0-9-]{16,64}$/;

// Latin letters with accents, spelled out: PocketBase's JS engine does not know \p{L}.
export const NAME = /^[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F\s.,'\u2019-]*$/;

/** Whether a field holds unreadable characters (newlines are fine only where `multiline`). */
export function unreadableText(raw: string, multiline: boolean): boolean {
  return multiline ? CONTROL.test(raw) : CONTROL.test(raw) || /[\r\n\t]/.test(raw.trim());
}

export const UNREADABLE_MESSAGE = 'Hapus karakter yang tidak dapat dibaca (misalnya hasil salin-tempel) dari isian ini.';

export const SUBMISSION_ID_MESSAGE = 'Kode pengiriman tidak sah. Muat ulang halaman lalu kirim lagi.';
