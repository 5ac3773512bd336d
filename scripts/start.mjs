// `npm start`: builds the site, prepares PocketBase (migrations, first superuser) and
// serves site + API + admin UI from one origin until Ctrl-C.
import { runAstro, readConfig } from './lib/site.mjs';
import { migrateUp, ensureSuperuser, startPocketBase, SITE_DIR } from './lib/pocketbase.mjs';
import { buildServer, checkServer } from './lib/server-build.mjs';
import { memoryPlan } from './lib/memory-plan.mjs';

const config = readConfig();
let memory;
try {
  memory = memoryPlan();
} catch (err) {
  console.error(`✖ ${err.message}`);
  process.exit(1);
}

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
  console.log('» Membangun berkas server dan situs…');
  await buildServer({ contentDir: config.contentDir, outDir: config.serverDir });
  await runAstro(['build'], { quiet: true });
} else {
  // A production start writes nothing into the code tree: what it serves was built (and
  // committed) before, and it must still match content/ and the rules.
  const problems = checkServer({ contentDir: config.contentDir, outDir: config.serverDir });
  if (problems.length > 0) {
    console.error(`✖ Berkas server tidak sesuai dengan content/:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
}
console.log('» Menyiapkan basis data PocketBase…');
await migrateUp(config.dataDir, config.serverDir);
const superuser = await ensureSuperuser(config.dataDir, process.env, config.serverDir);
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

const HOOK_REFUSAL = '✖ Ada hook PocketBase yang gagal dimuat; portal tidak dijalankan:';
try {
  pb = await startPocketBase({
    ...config,
    siteDir: SITE_DIR,
    // Sized from the machine (scripts/lib/memory-plan.mjs), each overridable from the environment.
    env: { GOMEMLIMIT: memory.goMemLimit, PORTAL_MAX_UPLOADS: String(memory.maxUploads) },
    hooksPool: memory.hooksPool,
    onLog: (line) => console.log(`[pocketbase] ${line}`),
  });
} catch (err) {
  // A hook that breaks PocketBase's own start (it then exits): startPocketBase says which.
  console.error(/Hook PocketBase gagal dimuat/.test(err.message) ? `${HOOK_REFUSAL}\n${err.message}` : `✖ PocketBase tidak dapat dijalankan:\n${err.message}`);
  process.exit(1);
}
if (stopping) {
  await pb.stop('SIGTERM');
  process.exit(0);
}
// PocketBase keeps running without a hook that failed to load, and would then serve without the
// checks in it (validation, privacy, rate limits): never serve like that.
if (pb.hookErrors.length > 0) {
  console.error(`${HOOK_REFUSAL}\n${pb.hookErrors.join('\n')}`);
  stopping = true;
  await pb.stop('SIGTERM');
  process.exit(1);
}

const base = `http://${config.host}:${config.port}`;
console.log('');
console.log(`✔ Portal berjalan di ${base}/`);
console.log(`  Admin (petugas): ${base}/_/`);
const by = (given) => (given ? 'diatur' : 'otomatis');
console.log(
  `  Memori: GOMEMLIMIT=${memory.goMemLimit} (${by(memory.given.goMemLimit)}), unggahan serentak paling banyak ${memory.maxUploads} (${by(memory.given.maxUploads)}), ${memory.hooksPool} runtime JS (${by(memory.given.hooksPool)}).`,
);
console.log('  Tekan Ctrl-C untuk berhenti.');
pb.child.on('exit', (code, signal) => {
  if (!stopping) {
    console.error(`✖ PocketBase berhenti sendiri (kode ${code ?? signal}).`);
    process.exit(1);
  }
});
