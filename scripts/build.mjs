// `npm run build`: the hooks' rules bundle and the static site.
import { buildHookLibs } from './lib/hooks.mjs';
import { runAstro } from './lib/site.mjs';

buildHookLibs();
await runAstro(['build']);
