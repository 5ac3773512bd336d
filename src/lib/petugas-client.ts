// The staff workspace in the browser: one PocketBase client whose sign-in lives in this browser's
// storage under its own key (never shared with anything public), and typed calls to the
// workspace's API (src/lib/api/petugas.ts). Every island of /petugas/ goes through here.
import PocketBase, { LocalAuthStore } from 'pocketbase';
import type { Penolakan, Saya } from './api/petugas';
import { upload } from './submit';

const STORE_KEY = 'petugas_auth';

let client: PocketBase | null = null;

/** The workspace's PocketBase client (same origin; its own auth store key). */
export function staffClient(): PocketBase {
  if (!client) {
    client = new PocketBase(window.location.origin, new LocalAuthStore(STORE_KEY));
    client.autoCancellation(false);
  }
  return client;
}

export function signedIn(): boolean {
  const pb = staffClient();
  return pb.authStore.isValid && pb.authStore.record?.collectionName === 'petugas';
}

export function signOut(): void {
  staffClient().authStore.clear();
}

/** A refusal from the workspace API, with its Indonesian message and per-field messages. */
export class ApiRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields: Record<string, string>,
  ) {
    super(message);
  }
}

/** The connection dropped or the server did not answer: the caller keeps what was typed. */
export class Offline extends Error {}

const OFFLINE_MESSAGE = 'Sambungan terputus. Periksa internet Anda, lalu coba lagi.';

/** Calls /api/petugas/… as the signed-in staff member; resolves the JSON answer or throws ApiRefusal / Offline. */
export async function api<T>(path: string, init: { method?: string; json?: unknown; form?: FormData; signal?: AbortSignal } = {}): Promise<T> {
  const headers: Record<string, string> = {};
  const token = staffClient().authStore.token;
  if (token) headers['Authorization'] = token;
  let body: BodyInit | null = null;
  if (init.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(init.json);
  } else if (init.form) {
    body = init.form;
  }
  let res: Response;
  try {
    res = await fetch(path, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body, signal: init.signal ?? null, cache: 'no-store' });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new Offline(OFFLINE_MESSAGE);
  }
  const text = await res.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  return answerOf<T>(res.status, parsed);
}

/** A parsed answer: the body when it is a success, else the refusal it carries (thrown). */
function answerOf<T>(status: number, parsed: unknown): T {
  if (status >= 200 && status < 300) return parsed as T;
  if (status === 401) signOut();
  const refusal = (parsed ?? {}) as Partial<Penolakan>;
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(refusal.data ?? {})) if (value && typeof value.message === 'string') fields[key] = value.message;
  const message = refusal.message || (status >= 500 ? 'Server sedang bermasalah. Coba lagi sebentar lagi.' : 'Permintaan tidak dapat diproses.');
  throw new ApiRefusal(status, message, fields);
}

/**
 * POSTs multipart (photos) to /api/petugas/… with upload progress, as the signed-in staff member;
 * resolves like `api()` or throws ApiRefusal / Offline (also for a dropped answer: the caller
 * retries with the same id_pengiriman).
 */
export async function apiUpload<T>(path: string, form: FormData, onProgress: (fraction: number) => void): Promise<T> {
  const token = staffClient().authStore.token;
  let res: { status: number; body: Record<string, unknown> };
  try {
    res = await upload(path, form, onProgress, token ? { Authorization: token } : {});
  } catch {
    throw new Offline(OFFLINE_MESSAGE);
  }
  // XHR reports a connection cut before any answer as status 0.
  if (res.status === 0) throw new Offline(OFFLINE_MESSAGE);
  return answerOf<T>(res.status, res.body);
}

/** The signed-in person, or null (then the page sends them to sign in). */
export async function whoAmI(): Promise<Saya | null> {
  if (!signedIn()) return null;
  try {
    return await api<Saya>('/api/petugas/saya');
  } catch (err) {
    if (err instanceof ApiRefusal && (err.status === 401 || err.status === 403)) return null;
    throw err;
  }
}

/** The sign-in page, returning here afterwards. */
export function signInUrl(): string {
  return `/petugas/masuk/?lanjut=${encodeURIComponent(window.location.pathname + window.location.search)}`;
}

/** A short-lived token for opening a protected document; every opening is logged by the server. */
export async function fileUrl(collection: string, recordId: string, filename: string, thumb?: string): Promise<string> {
  const pb = staffClient();
  const token = await pb.files.getToken();
  const q = new URLSearchParams({ token });
  if (thumb) q.set('thumb', thumb);
  return `/api/files/${encodeURIComponent(collection)}/${encodeURIComponent(recordId)}/${encodeURIComponent(filename)}?${q.toString()}`;
}
