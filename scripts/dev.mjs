// `npm run dev`: PocketBase (reloading hooks on change) plus the Astro dev server with hot
// reload. The dev server proxies /api and /_/ to PocketBase (astro.config.mjs), so islands
// reach the API on the page's own origin as they do in production.
import { spawn } from 'node:child_process';
import { ASTRO_CLI, readConfig } from './lib/site.mjs';
import { migrateUp, ensureSuperuser, startPocketBase, ROOT } from './lib/pocketbase.mjs';
import { buildHookLibs } from './lib/hooks.mjs';

const config = readConfig();
const devPort = Number(process.env.DEV_PORT ?? 4321);

buildHookLibs();
await migrateUp(config.dataDir);
const superuser = await ensureSuperuser(config.dataDir);
const pb = await startPocketBase({ ...config, hooksWatch: true, onLog: (l) => console.log(`[pocketbase] ${l}`) });
if (superuser.generatedPassword) {
  console.log(`Akun superuser pertama: ${superuser.email} / ${superuser.generatedPassword} (tidak akan ditampilkan lagi)`);
}

const astro = spawn(process.execPath, [ASTRO_CLI, 'dev', '--host', config.host, '--port', String(devPort)], {
  cwd: ROOT,
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', PORTAL_PB_URL: pb.url },
  stdio: 'inherit',
});
console.log(`Situs (hot reload): http://${config.host}:${devPort}/   API dan admin: ${pb.url}/_/`);

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  astro.kill('SIGTERM');
  await pb.stop();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
astro.on('exit', () => shutdown());
pb.child.on('exit', () => shutdown());
