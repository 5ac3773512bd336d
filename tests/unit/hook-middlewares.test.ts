import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const HOOKS = path.join(import.meta.dirname, '..', '..', 'pocketbase', 'pb_hooks');

describe('app-wide JS middlewares', () => {
  it('are the two of middlewares.pb.js only: each holds a JS runtime for every request (issue 16)', () => {
    const registrations = readdirSync(HOOKS)
      .filter((f) => f.endsWith('.pb.js'))
      .flatMap((f) => (readFileSync(path.join(HOOKS, f), 'utf8').match(/^\s*routerUse\(/gm) ?? []).map(() => f));
    expect(registrations).toEqual(['middlewares.pb.js', 'middlewares.pb.js']);
  });
});
