// PocketBase answers POST /api/crons/{id} before the job runs (it starts it in the background), and
// writes its logs in batches: a test waits for what the job does, not for the answer.

/** Resolves once `condition()` holds; throws naming `what` when it has not within `timeoutMs`. */
export async function waitFor(condition: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > until) throw new Error(`tidak terjadi: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
