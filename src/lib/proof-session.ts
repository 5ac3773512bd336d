// The applicant's proof token (POST /api/lacak/{kode}/bukti), kept for this browser tab only so
// the letter page (/surat/) opened from /lacak/ can use it; it lasts 30 minutes on the server.
const key = (code: string) => `bukti:${code}`;

export function rememberProof(code: string, token: string): void {
  try {
    window.sessionStorage.setItem(key(code), token);
  } catch {
    // private mode without storage: the letter page then asks to prove again
  }
}

export function proofToken(code: string): string | null {
  try {
    return window.sessionStorage.getItem(key(code));
  } catch {
    return null;
  }
}
