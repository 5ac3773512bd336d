import { mkdtemp, writeFile, rm, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVER_DIR } from '../../scripts/lib/pocketbase.mjs';
import { startTestPocketBase } from '../support/pocketbase';

describe('test setup and hooks', () => {
  it('loads every project hook without an error', async () => {
    const pb = await startTestPocketBase();
    try {
      const res = await fetch(`${pb.url}/api/health`);
      expect(res.status).toBe(200);
    } finally {
      await pb.stop();
    }
  });

  const brokenHooks = {
    'a syntax error': 'routerAdd("GET", "/x", (e) => { return e.json(200, {}) ;\n',
    'an error when the file runs': 'tidakAdaFungsiIni();\n',
  };
  for (const [kind, source] of Object.entries(brokenHooks)) {
    it(`refuses to run tests when a hook file has ${kind}`, async () => {
      const serverDir = await mkdtemp(path.join(tmpdir(), 'broken-hooks-'));
      try {
        await cp(SERVER_DIR, serverDir, { recursive: true, filter: (src) => !src.includes('pb_data') });
        await writeFile(path.join(serverDir, 'pb_hooks', 'rusak.pb.js'), source);
        await expect(startTestPocketBase({ serverDir })).rejects.toThrow(/Hook PocketBase gagal dimuat/);
      } finally {
        await rm(serverDir, { recursive: true, force: true });
      }
    });
  }
});
