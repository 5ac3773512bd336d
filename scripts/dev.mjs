// `npm run dev`: the server build, PocketBase (reloading hooks on change) and the Astro dev
// server with hot reload. The dev server proxies /api and /_/ to PocketBase (astro.config.mjs),
// so islands reach the API on the page's own origin as they do in production. A change to
// content/, the rules (src/lib/rules) or the route logic (src/lib/server) rebuilds the server
// files; PocketBase's hook watcher then restarts it,
// and its start applies a new content migration.
import { spawn } from 'node:child_process';
import { watch } from 'node:fs';
import path from 'node:path';
import { ASTRO_CLI, readConfig } from './lib/site.mjs';
import { migrateUp, ensureSuperuser, startPocketBase, ROOT } from './lib/pocketbase.mjs';
import { buildServer, watchedSources } from './lib/server-build.mjs';

const config = readConfig();
const devPort = Number(process.env.DEV_PORT ?? 4321);
const serverBuild = { contentDir: config.contentDir, outDir: config.serverDir };

await buildServer(serverBuild);
await migrateUp(config.dataDir, config.serverDir);
const superuser = await ensureSuperuser(config.dataDir, process.env, config.serverDir);
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

// Rebuild the server files when content/ or a source of them changes (debounced: an editor's
// save is several events). A content mistake is printed and the last good build stays.
let timer = null;
let building = Promise.resolve();
function rebuildSoon(reason) {
  clearTimeout(timer);
  timer = setTimeout(() => {
    building = building.then(async () => {
      try {
        const { migration } = await buildServer(serverBuild);
        console.log(`» Berkas server dibangun ulang (${reason}; migrasi ${migration}).`);
      } catch (err) {
        console.error(`✖ Berkas server tidak dapat dibangun dari content/:\n${err.message}`);
      }
    });
  }, 300);
}
const watchers = [watch(config.contentDir, { recursive: true }, (_, file) => rebuildSoon(`content/${file ?? ''}`))];
for (const dir of new Set(watchedSources(config.serverDir).map((f) => path.dirname(f)))) {
  watchers.push(watch(dir, (_, file) => rebuildSoon(path.relative(ROOT, path.join(dir, file ?? '')))));
}

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  clearTimeout(timer);
  for (const w of watchers) w.close();
  astro.kill('SIGTERM');
  await pb.stop();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
astro.on('exit', () => shutdown());
pb.child.on('exit', () => shutdown());
