// Loads a plain CommonJS module from pocketbase/pb_hooks/lib (as PocketBase's JS engine does)
// into a Node vm, for unit tests of its pure functions. `globals` stands in for PocketBase's own
// ($os, $security…) where a function reaches for one.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

const LIB = path.resolve(import.meta.dirname, '..', '..', 'pocketbase', 'pb_hooks', 'lib');

export function loadHookLib<T>(file: string, globals: Record<string, unknown> = {}): T {
  const module = { exports: {} as T };
  const source = readFileSync(path.join(LIB, file), 'utf8');
  vm.runInNewContext(source, { module, exports: module.exports, ...globals }, { filename: file });
  return module.exports;
}
