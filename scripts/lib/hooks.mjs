// The PocketBase hooks share their validation rules with the browser: this bundles
// src/lib/rules (TypeScript) into one CommonJS file the hooks `require`. Run before every
// PocketBase start (start, dev, tests, bench); it takes a few milliseconds.
import { buildSync } from 'esbuild';
import path from 'node:path';
import { ROOT, HOOKS_DIR } from './pocketbase.mjs';

export const RULES_BUNDLE = path.join(HOOKS_DIR, 'lib', 'rules.generated.js');

export function buildHookLibs() {
  buildSync({
    entryPoints: [path.join(ROOT, 'src', 'lib', 'rules', 'index.ts')],
    bundle: true,
    format: 'cjs',
    // PocketBase's JS engine (goja) runs ES2015 reliably; newer syntax is lowered.
    target: 'es2015',
    platform: 'neutral',
    outfile: RULES_BUNDLE,
    banner: { js: '// GENERATED from src/lib/rules by scripts/lib/hooks.mjs. Do not edit.' },
    logLevel: 'error',
  });
  return RULES_BUNDLE;
}
