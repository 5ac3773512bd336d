// Runs the whole product the way `npm start` does (node scripts/start.mjs: a Node launcher
// that prepares the data dir and then keeps PocketBase as its child) so the bench can time
// its start, read both processes' memory and check that a stop leaves nothing behind.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT, pocketbaseProcessesOn } from './pocketbase.mjs';
import { childPids, commandLine, isRunning, readMemory, sleep } from './bench-utils.mjs';

/** What start.mjs prints once it is serving. */
const RUNNING_LINE = /Portal berjalan di /;

/**
 * Spawns `node scripts/start.mjs` and resolves once both `/` and `/api/health` answer 200.
 * `readyMs` counts from the spawn; `serveSpawnedMs` is when `pocketbase serve` appeared
 * (before it: Node start-up, hook bundle, migrations, superuser); `announcedMs` is when the
 * launcher printed that it runs.
 */
export async function startProduct({ dataDir, port, env = {}, timeoutMs = 60_000 }) {
  const base = `http://127.0.0.1:${port}`;
  const childEnv = { ...process.env, HOST: '127.0.0.1', PORT: String(port), PORTAL_DATA_DIR: dataDir, PORTAL_SKIP_BUILD: '1', ...env };
  delete childEnv.PORTAL_ORIGINS;
  const started = performance.now();
  const launcher = spawn(process.execPath, [path.join(ROOT, 'scripts', 'start.mjs')], { cwd: ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  // Always drain the pipes: a full pipe would stall the launcher and, through it, PocketBase.
  let output = '';
  const keep = (d) => (output = (output + d).slice(-20_000));
  launcher.stdout.on('data', keep);
  launcher.stderr.on('data', keep);
  const exited = new Promise((resolve) => launcher.once('exit', (code, signal) => resolve({ code, signal })));

  let servePid;
  let serveSpawnedMs;
  let readyMs;
  const ok = async (url) => {
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      return res.status === 200;
    } catch {
      return false;
    }
  };
  for (;;) {
    if (launcher.exitCode !== null || launcher.signalCode !== null) throw new Error(`start.mjs stopped before it was ready:\n${output}`);
    if (performance.now() - started > timeoutMs) {
      launcher.kill('SIGKILL');
      throw new Error(`start.mjs was not ready within ${timeoutMs} ms:\n${output}`);
    }
    if (servePid === undefined) {
      servePid = childPids(launcher.pid).find((pid) => commandLine(pid)[1] === 'serve');
      if (servePid !== undefined) serveSpawnedMs = performance.now() - started;
    }
    if (readyMs === undefined && servePid !== undefined && (await ok(`${base}/api/health`)) && (await ok(`${base}/`))) readyMs = performance.now() - started;
    // "announced" is part of the report, so the bench waits for the launcher's line as well.
    if (readyMs !== undefined && RUNNING_LINE.test(output)) break;
    await sleep(20);
  }
  const announcedMs = performance.now() - started;

  /** RSS now and peak (bytes) of the launcher, PocketBase and both together. */
  function memory() {
    const node = readMemory(launcher.pid);
    const pocketbase = readMemory(servePid);
    return { launcher: node, pocketbase, totalRss: node.rss + pocketbase.rss };
  }

  /** Ctrl-C as a person would; then checks that no process of this product is left. */
  async function stop(signal = 'SIGINT') {
    const t = performance.now();
    launcher.kill(signal);
    let timer;
    const result = await Promise.race([exited, new Promise((r) => (timer = setTimeout(() => r(null), 15_000)))]);
    clearTimeout(timer); // a pending timer would keep the bench alive for nothing
    const stopMs = performance.now() - t;
    if (result === null) launcher.kill('SIGKILL');
    await sleep(100);
    const leftOver = [...new Set([...(isRunning(servePid) ? [servePid] : []), ...pocketbaseProcessesOn(dataDir)])];
    for (const pid of leftOver) process.kill(pid, 'SIGKILL'); // never leave one behind the bench
    return { signal, stopMs, exitCode: result?.code ?? null, exitSignal: result?.signal ?? null, timedOut: result === null, leftOver };
  }

  return { base, launcherPid: launcher.pid, servePid, readyMs, serveSpawnedMs, announcedMs, memory, stop, output: () => output };
}
