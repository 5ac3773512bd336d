// The staff workspace in the browser: one PocketBase client whose sign-in lives in this browser's
// storage under its own key (never shared with anything public), and typed calls to the
// workspace's API (src/lib/api/petugas.ts). Every island of /petugas/ goes through here.
import PocketBase, { LocalAuthStore } from 'pocketbase';
import type { AntreanQuery, CaseKind, Saya } from './api/petugas';
import { send, type Outcome } from './forms/send';

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

function tokenHeader(): Record<string, string> {
  const token = staffClient().authStore.token;
  return token ? { Authorization: token } : {};
}

/** Calls /api/petugas/… as the signed-in staff member; resolves the JSON answer or throws ApiRefusal / Offline. */
export async function api<T>(path: string, init: { method?: string; json?: unknown; form?: FormData; signal?: AbortSignal } = {}): Promise<T> {
  const body = init.json !== undefined ? init.json : init.form;
  return answerOf(await send<T>(path, body, { headers: tokenHeader(), ...(init.method ? { method: init.method } : {}), ...(init.signal ? { signal: init.signal } : {}) }));
}

/** The kit's outcome in the workspace's throw-style: the body when sent, else ApiRefusal or Offline. */
function answerOf<T>(outcome: Outcome<T>): T {
  if (outcome.kind === 'sent') return outcome.body;
  if (outcome.kind === 'offline') throw new Offline(OFFLINE_MESSAGE);
  if (outcome.status === 401) signOut();
  throw new ApiRefusal(outcome.status, outcome.message, outcome.kind === 'field-errors' ? outcome.errors : {});
}

/**
 * POSTs multipart (photos) to /api/petugas/… with upload progress, as the signed-in staff member;
 * resolves like `api()` or throws ApiRefusal / Offline (also for a dropped answer: the caller
 * retries with the same id_pengiriman).
 */
export async function apiUpload<T>(path: string, form: FormData, onProgress: (fraction: number) => void): Promise<T> {
  return answerOf(await send<T>(path, form, { headers: tokenHeader(), onProgress }));
}

// One answer per sign-in and page: the header's session island and the page's island ask at the
// same moment, and a slow connection should carry that request once. A new token (sign-in,
// password change) or a sign-out asks again.
let asked: { token: string; answer: Promise<Saya | null> } | null = null;

/** The signed-in person, or null (then the page sends them to sign in). */
export function whoAmI(): Promise<Saya | null> {
  if (!signedIn()) return Promise.resolve(null);
  const token = staffClient().authStore.token;
  if (asked?.token === token) return asked.answer;
  const answer = api<Saya>('/api/petugas/saya').catch((err: unknown) => {
    if (err instanceof ApiRefusal && (err.status === 401 || err.status === 403)) return null;
    if (asked?.answer === answer) asked = null; // offline: the next call tries again
    throw err;
  });
  asked = { token, answer };
  return answer;
}

/** The sign-in page, returning here afterwards. */
export function signInUrl(): string {
  return `/petugas/masuk/?lanjut=${encodeURIComponent(window.location.pathname + window.location.search)}`;
}

/** Where the workspace starts. */
export const HOME = '/petugas/';
/** The page that changes the first password. */
export const ACCOUNT_PAGE = '/petugas/akun/';

/**
 * Where to go after signing in: `lanjut` when it is a workspace page on this origin, else the
 * start page. Never another site ("//host", "https://…", "/\host"): a sign-in link from a
 * message must not carry a colleague's password onward to a look-alike page.
 */
export function continuation(raw: string | null | undefined, origin: string): string {
  if (!raw || !raw.startsWith('/petugas/') || raw.includes('\\')) return HOME;
  let url: URL;
  try {
    url = new URL(raw, origin);
  } catch {
    return HOME;
  }
  if (url.origin !== origin || !url.pathname.startsWith('/petugas/') || url.pathname.startsWith('/petugas/masuk/')) return HOME;
  return url.pathname + url.search + url.hash;
}

/** A short-lived token for opening a protected document; every opening is logged by the server. */
export async function fileUrl(collection: string, recordId: string, filename: string, thumb?: string): Promise<string> {
  const pb = staffClient();
  const token = await pb.files.getToken();
  const q = new URLSearchParams({ token });
  if (thumb) q.set('thumb', thumb);
  return `/api/files/${encodeURIComponent(collection)}/${encodeURIComponent(recordId)}/${encodeURIComponent(filename)}?${q.toString()}`;
}

/** A case's page in the workspace. */
export function caseUrl(kind: CaseKind, id: string): string {
  return `/petugas/kasus/?${new URLSearchParams({ jenis: kind, id }).toString()}`;
}

const QUERY_FLAGS = ['terlambat', 'jatuh_tempo', 'untuk_saya', 'mendesak'] as const;
const QUERY_TEXT = ['layanan', 'kecamatan', 'status', 'q'] as const;

/** A queue query as URL parameters, in one order: the page's address and the API call use the same. */
export function queueParams(query: AntreanQuery): URLSearchParams {
  const p = new URLSearchParams();
  if (query.jenis) p.set('jenis', query.jenis);
  for (const key of QUERY_TEXT) {
    const value = query[key]?.trim();
    if (value) p.set(key, value);
  }
  for (const key of QUERY_FLAGS) if (query[key] === '1') p.set(key, '1');
  if (query.halaman && query.halaman > 1) p.set('halaman', String(query.halaman));
  return p;
}

/** The queue page showing `query` (what the "Hari ini" cards link to). */
export function queueUrl(query: AntreanQuery): string {
  const s = queueParams(query).toString();
  return `/petugas/antrean/${s ? `?${s}` : ''}`;
}

/** A queue query read from an address (unknown keys and malformed values are dropped). */
export function readQueueQuery(search: string): AntreanQuery {
  const p = new URLSearchParams(search);
  const query: AntreanQuery = {};
  const kind = p.get('jenis');
  if (kind === 'permohonan' || kind === 'laporan') query.jenis = kind;
  for (const key of QUERY_TEXT) {
    const value = p.get(key)?.trim();
    if (value) query[key] = value;
  }
  for (const key of QUERY_FLAGS) if (p.get(key) === '1') query[key] = '1';
  const page = Number(p.get('halaman') ?? '1');
  if (Number.isInteger(page) && page > 1) query.halaman = page;
  return query;
}
