// `npm run periksa-riwayat`: checks every hash chain of the history and the access log in the
// data dir (PORTAL_DATA_DIR), as the daily cron does; exits 1 when any chain is broken. Safe
// beside a running portal: it only reads.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readConfig } from './lib/site.mjs';
import { pocketbaseBinary, portalCommandArgs } from './lib/pocketbase.mjs';

const config = readConfig();
try {
  const { stdout } = await promisify(execFile)(pocketbaseBinary(), portalCommandArgs('portal-periksa-riwayat', config.dataDir, config.serverDir));
  process.stdout.write(stdout);
} catch (err) {
  process.stdout.write(err.stdout ?? '');
  console.error(`✖ ${String(err.stderr ?? err.message).trim()}`);
  process.exit(1);
}
