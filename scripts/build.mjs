// `npm run build`: the server build (what PocketBase needs from content/ and src/lib/rules,
// written into pocketbase/), the static site, and the readiness report ("Kesiapan terbit").
// PORTAL_REQUIRE_CONFIRMED=1 stops the build while anything in content/ awaits the office's
// confirmation, for go-live.
import { buildServer } from './lib/server-build.mjs';
import { runAstro } from './lib/site.mjs';
import { readiness, REQUIRE_CONFIRMED_ENV } from './lib/readiness.mjs';
import { readConfig } from './lib/site.mjs';

const report = await readiness(readConfig().contentDir);
if (process.env[REQUIRE_CONFIRMED_ENV] === '1' && report.items.length > 0) {
  console.error(report.text);
  console.error(`» Build dihentikan: ${REQUIRE_CONFIRMED_ENV}=1 dan masih ada ${report.items.length} hal yang menunggu konfirmasi kantor.`);
  process.exit(1);
}
const { migration } = await buildServer();
console.log(`» Berkas server dari content/ siap (migrasi ${migration}).`);
await runAstro(['build']);
console.log(report.text);
