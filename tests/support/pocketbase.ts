// Starts a real PocketBase for a test file: a free port, a temporary data dir, the
// project's migrations and hooks, and a superuser. Refuses to go on if a hook failed
// to load (PocketBase itself would keep running without it).
import { afterAll, beforeAll } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import PocketBase from 'pocketbase';
import { freePort, migrateUp, ROOT, startPocketBase, upsertSuperuser, SITE_DIR } from '../../scripts/lib/pocketbase.mjs';

export interface TestPocketBase {
  url: string;
  dataDir: string;
  /** A client signed in as the test superuser. */
  admin: PocketBase;
  /** A client with no credentials, as any visitor. */
  guest: () => PocketBase;
  superuser: { email: string; password: string };
  logs: string[];
  stop: () => Promise<void>;
}

export async function startTestPocketBase(options: { serverDir?: string; env?: Record<string, string>; origins?: string } = {}): Promise<TestPocketBase> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'portal-pb-'));
  const superuser = { email: 'penguji@dinsos.localhost', password: `uji-${Math.random().toString(36).slice(2)}-Sandi` };
  await migrateUp(dataDir, options.serverDir);
  await upsertSuperuser(dataDir, superuser.email, superuser.password, options.serverDir);
  const port = await freePort();
  const server = await startPocketBase({ dataDir, port, siteDir: SITE_DIR, ...options });
  const stop = async () => {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
  if (server.hookErrors.length > 0) {
    await stop();
    throw new Error(`Hook PocketBase gagal dimuat:\n${server.hookErrors.join('\n')}`);
  }
  const admin = new PocketBase(server.url);
  admin.autoCancellation(false);
  await admin.collection('_superusers').authWithPassword(superuser.email, superuser.password);
  const guest = () => {
    const pb = new PocketBase(server.url);
    pb.autoCancellation(false);
    return pb;
  };
  return { url: server.url, dataDir, admin, guest, superuser, logs: server.logs, stop };
}

/**
 * One PocketBase for the whole test file, started before its tests and stopped after them.
 * `rateLimits: false` turns PocketBase's limiter off for files that send many requests from one
 * address (the limiter itself is tested in lacak-api.test.ts).
 */
export function usePocketBase(options: { rateLimits?: boolean } = {}): TestPocketBase {
  const handle = {} as TestPocketBase;
  beforeAll(async () => {
    Object.assign(handle, await startTestPocketBase());
    if (options.rateLimits === false) await handle.admin.settings.update({ rateLimits: { enabled: false } });
  });
  afterAll(async () => {
    await handle.stop?.();
  });
  return handle;
}

/** `npm run periksa-riwayat` on a test's data dir: the exit code and what it printed. */
export async function checkHistoryChain(dataDir: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(ROOT, 'scripts', 'periksa-riwayat.mjs')], { env: { ...process.env, PORTAL_DATA_DIR: dataDir } });
    return { code: 0, out: stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: `${e.stdout}${e.stderr}` };
  }
}
