import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import PocketBase from 'pocketbase';
import { CONTENT_DIR, freePort, ROOT, SERVER_DIR } from '../../scripts/lib/pocketbase.mjs';
import { checkServer } from '../../scripts/lib/server-build.mjs';
import { loadContent } from '../support/content';
import { sampleApplicationForm } from '../support/application';
import type { Lacak } from '../../src/lib/api/lacak';

// `npm run dev`: the Astro dev server (hot reload) plus PocketBase, the dev server proxying
// /api to PocketBase so islands reach the API on the page's own origin, as in production.
describe('npm run dev', () => {
  it('serves pages and working APIs from a fresh clone, rebuilds the server when content/ changes, and stops cleanly', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'portal-dev-'));
    // Copies of content/ and pocketbase/, so the change below stays in this test.
    const contentDir = path.join(dataDir, 'content');
    const serverDir = path.join(dataDir, 'pocketbase');
    await cp(CONTENT_DIR, contentDir, { recursive: true });
    await cp(SERVER_DIR, serverDir, { recursive: true, filter: (src) => !src.includes('pb_data') });
    const [pbPort, devPort] = [await freePort(), await freePort()];
    // A clean environment: vitest's own variables (NODE_ENV=test, BASE_URL, MODE…) would change
    // how Astro's dev server behaves.
    const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(VITEST|NODE_ENV$|MODE$|BASE_URL$|DEV$|PROD$|SSR$|TEST$|ASSETS_PREFIX$)/.test(k)));
    const env = { ...inherited, PORT: String(pbPort), DEV_PORT: String(devPort), PORTAL_DATA_DIR: path.join(dataDir, 'data'), PORTAL_CONTENT_DIR: contentDir, PORTAL_SERVER_DIR: serverDir, PORTAL_CACHE_DIR: path.join(dataDir, 'astro-cache'), PB_SUPERUSER_EMAIL: 'dev@dinsos.localhost', PB_SUPERUSER_PASSWORD: 'sandi-pengembang-123' };
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'dev.mjs')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => (out += d));
    try {
      const base = `http://127.0.0.1:${devPort}`;
      const deadline = Date.now() + 60_000;
      let page = 0;
      while (Date.now() < deadline) {
        page = await fetch(`${base}/saran/`).then((r) => r.status, () => 0);
        if (page === 200) break;
        await new Promise((r) => setTimeout(r, 300));
      }
      expect(page, out).toBe(200);
      const health = await fetch(`${base}/api/health`);
      expect(health.status).toBe(200);
      expect(((await health.json()) as { message: string }).message).toMatch(/healthy/i);
      // A write from the dev origin reaches PocketBase.
      const created = await fetch(`${base}/api/collections/saran/records`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ pesan: 'Saran dari server pengembangan.' }),
      });
      expect(created.status).toBe(200);

      // The APIs that read content/ answer at once: no 503 "sedang disiapkan", no site build needed.
      const prefix = loadContent(contentDir).site[0]!.data.trackingPrefix;
      const unknown = await fetch(`${base}/api/lacak/${prefix}-222-222-222`);
      expect(unknown.status).toBe(404);
      expect(((await unknown.json()) as Lacak).ditemukan).toBe(false);
      expect((await fetch(`${base}/api/statistik`)).status).toBe(200);
      const apply = async () => fetch(`${base}/api/collections/permohonan/records`, { method: 'POST', body: sampleApplicationForm() });
      const first = await apply();
      expect(first.status, await first.clone().text()).toBe(200);
      expect(((await first.json()) as { kode_lacak: string }).kode_lacak.startsWith(`${prefix}-`)).toBe(true);

      // An office edits content/: a new tracking prefix and a new document type.
      const site = path.join(contentDir, 'site', 'site.yaml');
      await writeFile(site, (await readFile(site, 'utf8')).replace(/trackingPrefix: \w+/, 'trackingPrefix: DEV'));
      const docs = path.join(contentDir, 'reference', 'documents.yaml');
      await writeFile(docs, `${await readFile(docs, 'utf8')}\n- id: surat_rt\n  label: Surat keterangan RT\n  accept: [application/pdf]\n  maxSizeMB: 2\n  hint: Surat dari ketua RT tempat tinggal.\n`);
      let code = '';
      for (const until = Date.now() + 45_000; Date.now() < until && !code.startsWith('DEV-'); await new Promise((r) => setTimeout(r, 500))) {
        const res = await apply().catch(() => null);
        if (res?.status === 200) code = ((await res.json()) as { kode_lacak: string }).kode_lacak;
      }
      expect(code, out).toMatch(/^DEV-/);
      const admin = new PocketBase(`http://127.0.0.1:${pbPort}`);
      await admin.collection('_superusers').authWithPassword(env.PB_SUPERUSER_EMAIL, env.PB_SUPERUSER_PASSWORD);
      const fields = ((await admin.collections.getOne('permohonan')).fields as { name: string }[]).map((f) => f.name);
      expect(fields).toContain('surat_rt');
    } finally {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGINT');
      await exited;
      let left = '';
      try {
        left = execFileSync('pgrep', ['-f', `--dir=${dataDir}`]).toString().trim();
      } catch {
        left = '';
      }
      expect(left).toBe('');
      // The real tree was not touched.
      expect(checkServer()).toEqual([]);
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 150_000);
});
