// `npm run build`: the server build (what PocketBase needs from content/ and src/lib/rules,
// written into pocketbase/) and the static site.
import { buildServer } from './lib/server-build.mjs';
import { runAstro } from './lib/site.mjs';

const { migration } = await buildServer();
console.log(`» Berkas server dari content/ siap (migrasi ${migration}).`);
await runAstro(['build']);
