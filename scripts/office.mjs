// `node scripts/office.mjs <content-dir> [vitest arguments…]`: builds the server files and the
// site from another office's content/ into a work folder, then runs vitest against them, so an
// adopting office (and CI, with tests/fixtures/office-b) sees the suites pass on its own content.
// The repository's pocketbase/ and dist/ are never written. `--build-only` stops after building;
// `--no-build` reuses the last build (while changing only tests).
//
//   node scripts/office.mjs tests/fixtures/office-b --project integration tests/integration/lacak-api.test.ts
//
// Everything is pointed there by environment variables the whole code base reads
// (scripts/lib/pocketbase.mjs): PORTAL_CONTENT_DIR, PORTAL_SERVER_DIR, PORTAL_SITE_DIR, and
// PORTAL_CACHE_DIR for Astro's cache.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [contentArg, ...rest] = process.argv.slice(2);
if (!contentArg || !existsSync(path.join(contentArg, 'site', 'site.yaml'))) {
  console.error('Pakai: node scripts/office.mjs <folder content kantor> [argumen vitest…] (folder itu harus berisi site/site.yaml)');
  process.exit(2);
}
const buildOnly = rest.includes('--build-only');
const noBuild = rest.includes('--no-build');
const vitestArgs = rest.filter((a) => a !== '--build-only' && a !== '--no-build');

const contentDir = path.resolve(contentArg);
const work = path.join(ROOT, 'node_modules', '.cache', 'office', path.basename(contentDir));
const serverDir = path.join(work, 'pocketbase');
const env = {
  ...process.env,
  PORTAL_CONTENT_DIR: contentDir,
  PORTAL_SERVER_DIR: serverDir,
  PORTAL_SITE_DIR: path.join(work, 'dist'),
  PORTAL_CACHE_DIR: path.join(work, 'astro-cache'),
  ASTRO_TELEMETRY_DISABLED: '1',
};

function run(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: 'inherit' });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

if (!noBuild || !existsSync(path.join(env.PORTAL_SITE_DIR, 'index.html'))) {
  // A fresh copy of the server code each run (hooks and hand-written migrations may have
  // changed); the generated files are then rebuilt from the office's content, in a child, so the
  // modules that read the variables at load time see them.
  rmSync(serverDir, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  cpSync(path.join(ROOT, 'pocketbase'), serverDir, { recursive: true, filter: (src) => !src.includes('pb_data') });
  const built = await run([path.join(ROOT, 'scripts', 'build.mjs')]);
  if (built !== 0) process.exit(built);
}
if (buildOnly) process.exit(0);
process.exit(await run([path.join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...vitestArgs]));
