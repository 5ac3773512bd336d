// Builds the static site with the same Node that runs this script (Node 24 from the
// `node` devDependency), so a system Node 20 never runs Astro.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { CONTENT_DIR, ROOT, SERVER_DIR } from './pocketbase.mjs';

export const ASTRO_CLI = path.join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');

export function runAstro(args, { quiet = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [ASTRO_CLI, ...args], {
      cwd: ROOT,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    });
    let output = '';
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(output) : reject(Object.assign(new Error(`astro ${args.join(' ')} gagal (kode ${code})\n${output}`), { output }))));
  });
}

/** Settings from the environment, with the documented defaults. */
export function readConfig(env = process.env) {
  const port = Number(env.PORT ?? 8090);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`PORT tidak sah: ${env.PORT}`);
  const host = env.HOST ?? '127.0.0.1';
  return {
    host,
    port,
    dataDir: env.PORTAL_DATA_DIR ? path.resolve(env.PORTAL_DATA_DIR) : path.join(ROOT, 'pocketbase', 'pb_data'),
    // Another office's content and the server files built from it (tests use copies).
    contentDir: env.PORTAL_CONTENT_DIR ? path.resolve(env.PORTAL_CONTENT_DIR) : CONTENT_DIR,
    serverDir: env.PORTAL_SERVER_DIR ? path.resolve(env.PORTAL_SERVER_DIR) : SERVER_DIR,
    // The site and the API share one origin, which needs no CORS; PocketBase's default ("*")
    // would let any other site's pages read API answers. Other origins (a CDN copy of the site)
    // are named in PORTAL_ORIGINS; without it only the portal's own address is allowed.
    origins: env.PORTAL_ORIGINS?.trim() || `http://${host}:${port}`,
  };
}
