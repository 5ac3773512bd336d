// A form draft kept on the device in IndexedDB, photos included, so a closed tab or a dropped
// connection loses nothing. Everything fails soft: a form must keep working when storage is
// missing, blocked (private mode), full or broken.
//
// IndexedDB cannot be written as a page goes away (Chromium drops a write begun in `pagehide`),
// so the form's text is also stashed synchronously in localStorage at that moment; loading
// prefers the stash when it is newer, with the files from IndexedDB.

export interface Draft<T> {
  key: string;
  savedAt: number;
  data: T;
  files: Record<string, { name: string; type: string; blob: Blob }>;
}

/**
 * A draft holds identity documents on a phone that may be shared or sold: it is dropped once
 * this old, unsent (the privacy notice, content/pages/privasi.md, states the same number).
 */
export const DRAFT_MAX_AGE_DAYS = 7;
const DRAFT_MAX_AGE_MS = DRAFT_MAX_AGE_DAYS * 86_400_000;

const DB_NAME = 'portal-draf';
const STORE = 'draf';
// A hung open (another tab blocking, a stuck disk) must not hold the form back.
const TIMEOUT_MS = 5000;

let dbPromise: Promise<IDBDatabase | null> | null = null;
let broken = false;

function factory(): IDBFactory | null {
  try {
    // Reading the global itself can throw SecurityError where storage is blocked.
    return typeof indexedDB === 'undefined' || !indexedDB ? null : indexedDB;
  } catch {
    return null;
  }
}

/** False when IndexedDB is missing, blocked, or has already failed to open on this page. */
export function draftsAvailable(): boolean {
  return !broken && factory() !== null;
}

function withTimeout<T>(promise: Promise<T>, fallback: T): Promise<T> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(fallback), TIMEOUT_MS);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      () => {
        clearTimeout(timer);
        resolve(fallback);
      },
    );
  });
}

function openDb(): Promise<IDBDatabase | null> {
  if (dbPromise) return dbPromise;
  const idb = factory();
  if (!idb || broken) return Promise.resolve(null);
  const opening = new Promise<IDBDatabase | null>((resolve) => {
    const request = idb.open(DB_NAME, 1);
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains(STORE)) request.result.createObjectStore(STORE, { keyPath: 'key' });
    };
    request.onsuccess = () => {
      const db = request.result;
      // Let a newer version of the portal in another tab upgrade instead of waiting on us.
      db.onversionchange = () => {
        db.close();
        dbPromise = null;
      };
      db.onclose = () => {
        dbPromise = null;
      };
      resolve(db);
    };
    // Private mode in some browsers refuses here: stop trying for the rest of the page's life.
    request.onerror = () => {
      broken = true;
      resolve(null);
    };
  });
  const TIMED_OUT = Symbol('timeout');
  dbPromise = withTimeout<IDBDatabase | null | typeof TIMED_OUT>(opening, TIMED_OUT).then((db) => {
    if (db === TIMED_OUT || db === null) {
      dbPromise = null; // a slow open may work on the next call
      return null;
    }
    return db;
  });
  return dbPromise;
}

/** Runs one request in its own transaction; resolves its result once committed, else the fallback. */
async function run<R>(mode: IDBTransactionMode, fallback: R, make: (store: IDBObjectStore) => IDBRequest): Promise<R> {
  try {
    const db = await openDb();
    if (!db) return fallback;
    const done = new Promise<R>((resolve) => {
      const tx = db.transaction(STORE, mode);
      const request = make(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(request.result as R);
      tx.onerror = () => resolve(fallback);
      tx.onabort = () => resolve(fallback); // e.g. QuotaExceededError
    });
    return await withTimeout(done, fallback);
  } catch {
    // DataCloneError for data that cannot be stored, InvalidStateError for a closing database.
    return fallback;
  }
}

const STASH_PREFIX = 'portal-draf:';

function localStore(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** Synchronously keeps `data` (no files) for `key`, for a page that is about to go away. */
export function stashDraft<T>(key: string, data: T): void {
  try {
    localStore()?.setItem(STASH_PREFIX + key, JSON.stringify({ savedAt: Date.now(), data }));
  } catch {
    // full or blocked: the last IndexedDB save stands
  }
}

function readStash(key: string): { savedAt: number; data: unknown } | null {
  try {
    const raw = localStore()?.getItem(STASH_PREFIX + key);
    const value: unknown = raw ? JSON.parse(raw) : null;
    if (typeof value !== 'object' || value === null) return null;
    const v = value as Record<string, unknown>;
    return typeof v['savedAt'] === 'number' && 'data' in v ? { savedAt: v['savedAt'], data: v['data'] } : null;
  } catch {
    return null;
  }
}

function dropStash(key: string, upTo = Infinity): void {
  try {
    const stash = readStash(key);
    if (stash && stash.savedAt <= upTo) localStore()?.removeItem(STASH_PREFIX + key);
  } catch {
    // nothing to do
  }
}

/** Saves (replaces) the draft under `key`. Null files are left out. Never throws. */
export async function saveDraft<T>(key: string, data: T, files: Record<string, File | Blob | null>): Promise<void> {
  const stored: Draft<T>['files'] = {};
  for (const [field, file] of Object.entries(files)) {
    if (!file) continue;
    const name = typeof File !== 'undefined' && file instanceof File ? file.name : field;
    stored[field] = { name, type: file.type, blob: file };
  }
  const draft: Draft<T> = { key, savedAt: Date.now(), data, files: stored };
  const saved = await run('readwrite', false, (store) => store.put(draft)).then((r) => r !== false);
  if (saved) dropStash(key, draft.savedAt);
}

/**
 * The draft saved under `key`, or null when there is none, it has expired, or storage cannot be
 * read. Every expired draft on the device (of any form) is deleted on the way.
 */
export async function loadDraft<T>(key: string, now = Date.now()): Promise<Draft<T> | null> {
  await deleteExpired(now);
  const value: unknown = await run<unknown>('readonly', null, (store) => store.get(key));
  const stored = isDraft(value) && value.key === key && now - value.savedAt <= DRAFT_MAX_AGE_MS ? (value as Draft<T>) : null;
  const stash = readStash(key);
  if (stash && now - stash.savedAt > DRAFT_MAX_AGE_MS) dropStash(key);
  else if (stash && stash.savedAt > (stored?.savedAt ?? 0)) return { key, savedAt: stash.savedAt, data: stash.data as T, files: stored?.files ?? {} };
  return stored;
}

/**
 * Every unexpired draft whose key starts with `prefix` (e.g. the visits waiting to be sent from
 * this phone), oldest first; empty when storage cannot be read.
 */
export async function listDrafts<T>(prefix: string, now = Date.now()): Promise<Draft<T>[]> {
  await deleteExpired(now);
  const range = typeof IDBKeyRange === 'undefined' ? null : IDBKeyRange.bound(prefix, `${prefix}\uffff`);
  if (!range) return [];
  const values: unknown = await run<unknown>('readonly', [], (store) => store.getAll(range));
  if (!Array.isArray(values)) return [];
  return values.filter((v): v is Draft<T> => isDraft(v) && v.key.startsWith(prefix) && now - v.savedAt <= DRAFT_MAX_AGE_MS).sort((a, b) => a.savedAt - b.savedAt);
}

/** Deletes drafts older than DRAFT_MAX_AGE_DAYS (and entries that are not drafts at all). */
async function deleteExpired(now: number): Promise<void> {
  const local = localStore();
  try {
    const keys: string[] = [];
    for (let i = 0; local && i < local.length; i++) {
      const name = local.key(i);
      if (name?.startsWith(STASH_PREFIX)) keys.push(name.slice(STASH_PREFIX.length));
    }
    for (const key of keys) {
      const stash = readStash(key);
      if (!stash || now - stash.savedAt > DRAFT_MAX_AGE_MS) local?.removeItem(STASH_PREFIX + key);
    }
  } catch {
    // storage blocked: nothing stashed either
  }
  await run('readwrite', undefined, (store) => {
    const request = store.openCursor();
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) return;
      const value: unknown = cursor.value;
      if (!isDraft(value) || now - value.savedAt > DRAFT_MAX_AGE_MS) cursor.delete();
      cursor.continue();
    };
    return request;
  });
}

/** Deletes the draft under `key` (after a successful submission, or when the person discards it). */
export async function clearDraft(key: string): Promise<void> {
  dropStash(key);
  await run('readwrite', undefined, (store) => store.delete(key));
}

// Storage written by an older version or by hand must not crash the form that reads it.
function isDraft(value: unknown): value is Draft<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (typeof v['key'] !== 'string' || typeof v['savedAt'] !== 'number' || !('data' in v)) return false;
  const files = v['files'];
  if (typeof files !== 'object' || files === null) return false;
  return Object.values(files).every((f: unknown) => {
    if (typeof f !== 'object' || f === null) return false;
    const entry = f as Record<string, unknown>;
    return typeof entry['name'] === 'string' && typeof entry['type'] === 'string' && entry['blob'] instanceof Blob;
  });
}
