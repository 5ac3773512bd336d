import { ClientResponseError } from 'pocketbase';

/** The HTTP status a PocketBase SDK call ends with (200 when it succeeds). */
export async function statusOf(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
    return 200;
  } catch (err) {
    if (err instanceof ClientResponseError) return err.status;
    throw err;
  }
}
