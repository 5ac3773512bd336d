import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import PocketBase from 'pocketbase';
import { CONTENT_DIR, freePort, pocketbaseProcessesOn, ROOT, DEFAULT_SUPERUSER_EMAIL, SERVER_DIR } from '../../scripts/lib/pocketbase.mjs';
import { memoryPlan, RUNTIMES_OTHER, RUNTIMES_PER_UPLOAD } from '../../scripts/lib/memory-plan.mjs';
import { pocketbaseSettings } from '../../scripts/lib/intake-bench.mjs';

// The README's promise: `npm start` serves the site, the API and the admin UI from one
// origin, prints a generated password once, keeps data across starts and leaves no
// PocketBase behind on Ctrl-C. The site is built by `npm test` before this runs.

const dataDirs: string[] = [];
afterAll(async () => {
  for (const dir of dataDirs) await rm(dir, { recursive: true, force: true });
});

interface Started {
  child: ChildProcess;
  output: () => string;
  base: string;
}

async function start(dataDir: string, port: number, extraEnv: Record<string, string> = {}): Promise<Started> {
  const env: Record<string, string | undefined> = { ...process.env, PORT: String(port), PORTAL_DATA_DIR: dataDir, PORTAL_SKIP_BUILD: '1', ...extraEnv };
  if (!extraEnv['PB_SUPERUSER_EMAIL']) {
    delete env['PB_SUPERUSER_EMAIL'];
    delete env['PB_SUPERUSER_PASSWORD'];
  }
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'start.mjs')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const deadline = Date.now() + 30_000;
  while (!out.includes('Portal berjalan')) {
    if (child.exitCode !== null) throw new Error(`start.mjs berhenti:\n${out}`);
    if (Date.now() > deadline) throw new Error(`start.mjs tidak siap dalam 30 detik:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, output: () => out, base: `http://127.0.0.1:${port}` };
}

async function ctrlC(started: Started) {
  const exited = new Promise((r) => started.child.once('exit', r));
  started.child.kill('SIGINT');
  await exited;
}


describe('npm start', () => {
  it('serves site, API and admin UI, keeps data, prints a generated password once and stops cleanly', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'portal-start-'));
    dataDirs.push(dataDir);
    const port = await freePort();

    const first = await start(dataDir, port);
    for (const [pathname, status] of [['/', 200], ['/api/health', 200], ['/_/', 200], ['/saran/', 200], ['/tidak-ada', 404]] as const) {
      const res = await fetch(first.base + pathname);
      expect(res.status, pathname).toBe(status);
    }
    const notFound = await (await fetch(`${first.base}/tidak-ada`)).text();
    expect(notFound).toContain('Halaman tidak ditemukan');

    // PocketBase runs with the memory settings derived from this machine (issue 16), and says so.
    const plan = memoryPlan({ env: process.env });
    const [pid] = pocketbaseProcessesOn(dataDir);
    expect(pocketbaseSettings(pid!)).toEqual({ goMemLimit: plan.goMemLimit, maxUploads: plan.maxUploads, hooksPool: plan.hooksPool });
    expect(first.output()).toContain(`GOMEMLIMIT=${plan.goMemLimit}`);

    const match = first.output().match(/kata sandi: (\S+)/);
    expect(match, first.output()).not.toBeNull();
    const password = match![1]!;
    expect(password.length).toBeGreaterThanOrEqual(20);
    const admin = new PocketBase(first.base);
    await admin.collection('_superusers').authWithPassword(DEFAULT_SUPERUSER_EMAIL, password);
    const record = await admin.collection('saran').create({ pesan: 'Data ini harus tetap ada setelah mulai ulang.' });

    await ctrlC(first);
    expect(pocketbaseProcessesOn(dataDir)).toEqual([]);
    await expect(fetch(`${first.base}/api/health`)).rejects.toThrow();

    const second = await start(dataDir, port);
    expect(second.output()).not.toMatch(/kata sandi/);
    const again = new PocketBase(second.base);
    await again.collection('_superusers').authWithPassword(DEFAULT_SUPERUSER_EMAIL, password);
    const kept = await again.collection('saran').getOne(record.id);
    expect(kept['pesan']).toBe('Data ini harus tetap ada setelah mulai ulang.');
    await ctrlC(second);
    expect(pocketbaseProcessesOn(dataDir)).toEqual([]);
  });

  it('takes the first superuser from PB_SUPERUSER_EMAIL and PB_SUPERUSER_PASSWORD', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'portal-start-'));
    dataDirs.push(dataDir);
    const port = await freePort();
    const env = { PB_SUPERUSER_EMAIL: 'kepala.seksi@dinsos.localhost', PB_SUPERUSER_PASSWORD: 'sandi-uji-yang-panjang-1', GOMEMLIMIT: '300MiB', PORTAL_MAX_UPLOADS: '3' };
    const started = await start(dataDir, port, env);
    try {
      expect(started.output()).not.toMatch(/kata sandi/);
      // Memory settings from the environment win; the pool follows the bound.
      const [pid] = pocketbaseProcessesOn(dataDir);
      expect(pocketbaseSettings(pid!)).toEqual({ goMemLimit: '300MiB', maxUploads: 3, hooksPool: 3 * RUNTIMES_PER_UPLOAD + RUNTIMES_OTHER });
      const pb = new PocketBase(started.base);
      await pb.collection('_superusers').authWithPassword(env.PB_SUPERUSER_EMAIL, env.PB_SUPERUSER_PASSWORD);
      expect(pb.authStore.isValid).toBe(true);
    } finally {
      await ctrlC(started);
    }
  });

  it('stops PocketBase too when told to stop while it is still starting', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'portal-start-'));
    dataDirs.push(dataDir);
    const port = await freePort();
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'start.mjs')], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port), PORTAL_DATA_DIR: dataDir, PORTAL_SKIP_BUILD: '1' },
      stdio: 'ignore',
    });
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    // As systemd does it: a signal to the launcher only, the moment PocketBase has been spawned
    // and before it answers.
    const deadline = Date.now() + 30_000;
    while (pocketbaseProcessesOn(dataDir).length === 0) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error('PocketBase tidak pernah dijalankan');
      await new Promise((r) => setTimeout(r, 10));
    }
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(pocketbaseProcessesOn(dataDir)).toEqual([]);
  });

  /** Runs start.mjs to its end (it must refuse); returns its exit code and output. */
  async function refusedStart(env: Record<string, string>): Promise<{ code: number | null; out: string; dataDir: string }> {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'portal-start-'));
    dataDirs.push(dataDir);
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'start.mjs')], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(await freePort()), PORTAL_DATA_DIR: dataDir, PORTAL_SKIP_BUILD: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => (out += d));
    const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
    return { code, out, dataDir };
  }

  async function serverCopy(): Promise<string> {
    const dir = await mkdtemp(path.join(tmpdir(), 'portal-server-'));
    dataDirs.push(dir);
    await cp(SERVER_DIR, dir, { recursive: true, filter: (src) => !src.includes('pb_data') });
    return dir;
  }

  it('refuses to serve when a hook fails to load, and leaves no PocketBase behind', async () => {
    const serverDir = await serverCopy();
    await writeFile(path.join(serverDir, 'pb_hooks', 'rusak.pb.js'), 'tidakAdaFungsiIni();\n');
    const { code, out, dataDir } = await refusedStart({ PORTAL_SERVER_DIR: serverDir });
    expect(code, out).toBe(1);
    expect(out).toContain('Ada hook PocketBase yang gagal dimuat; portal tidak dijalankan');
    expect(out).not.toContain('Portal berjalan');
    expect(pocketbaseProcessesOn(dataDir)).toEqual([]);
  });

  it('refuses to serve server files that no longer match content/, without writing into the code tree', async () => {
    const serverDir = await serverCopy();
    const contentDir = path.join(serverDir, 'konten');
    await cp(CONTENT_DIR, contentDir, { recursive: true });
    const site = path.join(contentDir, 'site', 'site.yaml');
    await writeFile(site, (await readFile(site, 'utf8')).replace(/retentionDays: \d+/, 'retentionDays: 730'));
    const generated = await readFile(path.join(serverDir, 'pb_hooks', 'lib', 'portal.generated.js'), 'utf8');
    const { code, out } = await refusedStart({ PORTAL_SERVER_DIR: serverDir, PORTAL_CONTENT_DIR: contentDir });
    expect(code, out).toBe(1);
    expect(out).toMatch(/Berkas server tidak sesuai dengan content\/[\s\S]*npm run build/);
    expect(await readFile(path.join(serverDir, 'pb_hooks', 'lib', 'portal.generated.js'), 'utf8')).toBe(generated);
  });
});
