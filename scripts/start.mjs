// `npm start`: builds the site, prepares PocketBase (migrations, first superuser) and
// serves site + API + admin UI from one origin until Ctrl-C.
import { runAstro, readConfig } from './lib/site.mjs';
import { migrateUp, ensureSuperuser, startPocketBase, SITE_DIR } from './lib/pocketbase.mjs';
import { buildHookLibs } from './lib/hooks.mjs';

const config = readConfig();

// Handlers first: a stop (Ctrl-C, systemd) that comes while PocketBase is still starting must
// stop it too, not kill this launcher and leave PocketBase running on its own.
let pb;
let stopping = false;
async function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`\n» Menghentikan portal (${signal})…`);
  // Still starting: the start sequence below stops at its next step.
  if (!pb) return;
  await pb.stop('SIGTERM');
  process.exit(0);
}
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGHUP', () => shutdown('SIGHUP'));

if (process.env.PORTAL_SKIP_BUILD !== '1') {
  console.log('» Membangun situs (astro build)…');
  await runAstro(['build'], { quiet: true });
}

buildHookLibs();
console.log('» Menyiapkan basis data PocketBase…');
await migrateUp(config.dataDir);
const superuser = await ensureSuperuser(config.dataDir);
if (superuser.generatedPassword) {
  // Printed once, and before anything can stop the start: the next start finds the account
  // and prints nothing.
  console.log('');
  console.log('  Akun superuser pertama dibuat. Simpan kata sandinya sekarang; tidak akan ditampilkan lagi.');
  console.log(`    surel:      ${superuser.email}`);
  console.log(`    kata sandi: ${superuser.generatedPassword}`);
  console.log('');
}
if (stopping) process.exit(0);

pb = await startPocketBase({
  ...config,
  siteDir: SITE_DIR,
  onLog: (line) => console.log(`[pocketbase] ${line}`),
});
if (stopping) {
  await pb.stop('SIGTERM');
  process.exit(0);
}

const base = `http://${config.host}:${config.port}`;
console.log('');
console.log(`✔ Portal berjalan di ${base}/`);
console.log(`  Admin (petugas): ${base}/_/`);
if (pb.hookErrors.length > 0) {
  console.error('✖ Ada hook PocketBase yang gagal dimuat:\n' + pb.hookErrors.join('\n'));
}
console.log('  Tekan Ctrl-C untuk berhenti.');
pb.child.on('exit', (code, signal) => {
  if (!stopping) {
    console.error(`✖ PocketBase berhenti sendiri (kode ${code ?? signal}).`);
    process.exit(1);
  }
});
