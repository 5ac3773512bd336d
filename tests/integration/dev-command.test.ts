import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort, ROOT } from '../../scripts/lib/pocketbase.mjs';

// `npm run dev`: the Astro dev server (hot reload) plus PocketBase, the dev server proxying
// /api to PocketBase so islands reach the API on the page's own origin, as in production.
describe('npm run dev', () => {
  it('serves pages with hot reload and proxies the API to PocketBase, and stops cleanly', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'portal-dev-'));
    const [pbPort, devPort] = [await freePort(), await freePort()];
    // A clean environment: vitest's own variables (NODE_ENV=test, BASE_URL, MODE…) would change
    // how Astro's dev server behaves.
    const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(VITEST|NODE_ENV$|MODE$|BASE_URL$|DEV$|PROD$|SSR$|TEST$|ASSETS_PREFIX$)/.test(k)));
    const env = { ...inherited, PORT: String(pbPort), DEV_PORT: String(devPort), PORTAL_DATA_DIR: dataDir, PORTAL_CACHE_DIR: path.join(dataDir, 'astro-cache'), PB_SUPERUSER_EMAIL: 'dev@dinsos.localhost', PB_SUPERUSER_PASSWORD: 'sandi-pengembang-123' };
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
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});
