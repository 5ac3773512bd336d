// The id a submission carries through every retry, so the server records it once. Apart from
// send.ts so the draft hook, which keeps it, does not pull the sender into every chunk it is in.
export function newSubmissionId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
