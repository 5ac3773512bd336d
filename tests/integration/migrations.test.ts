// An administrator may take back the latest migrations (`pocketbase migrate down N`) and apply them
// again. The staff-accounts migration refuses to be taken back, with its reason: undoing it would
// drop the accounts, the access log and the history's chain fields.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateUp, pocketbaseBinary, portalCommandArgs, SERVER_DIR } from '../../scripts/lib/pocketbase.mjs';

const IRREVERSIBLE = '1790000800_petugas.js';
let dataDir = '';
afterAll(() => dataDir && rm(dataDir, { recursive: true, force: true }));

/** Collections: their fields by name and type (order aside: re-added fields go last), rules, indexes; and the rate limits. */
function schemaOf(dir: string) {
  const db = new DatabaseSync(path.join(dir, 'data.db'), { readOnly: true });
  try {
    const collections = (db.prepare('SELECT name, type, fields, listRule, viewRule, createRule, updateRule, deleteRule, indexes FROM _collections ORDER BY name').all() as ({ fields: string } & Record<string, string | null>)[]).map(
      ({ fields, ...rest }) => ({ ...rest, fields: (JSON.parse(fields) as { name: string; type: string }[]).map((f) => `${f.name}:${f.type}`).sort() }),
    );
    // Stored as a blob of JSON.
    const settings = db.prepare("SELECT value FROM _params WHERE id = 'settings'").get() as { value: Uint8Array };
    const { rateLimits } = JSON.parse(new TextDecoder().decode(settings.value)) as { rateLimits: unknown };
    return { collections, rateLimits };
  } finally {
    db.close();
  }
}

function lastApplied(dir: string): string {
  const db = new DatabaseSync(path.join(dir, 'data.db'), { readOnly: true });
  try {
    return (db.prepare('SELECT file FROM _migrations ORDER BY applied DESC, file DESC LIMIT 1').get() as { file: string }).file;
  } finally {
    db.close();
  }
}

/** `migrate down 1`, answering the confirmation question with "y". */
function revertOne(dir: string) {
  const run = spawnSync(pocketbaseBinary(), [...portalCommandArgs('migrate', dir), 'down', '1'], { input: 'y\n', encoding: 'utf8' });
  return { ok: run.status === 0, out: `${run.stdout}${run.stderr}` };
}

describe('taking migrations back', () => {
  it('reverts every migration after the staff accounts, stops there with its reason, and applies them again to the same schema', async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'portal-migrasi-'));
    await migrateUp(dataDir);
    const before = schemaOf(dataDir);
    const files = (await readdir(path.join(SERVER_DIR, 'pb_migrations'))).filter((f) => /^\d+_.+\.js$/.test(f)).sort();
    const later = files.slice(files.indexOf(IRREVERSIBLE) + 1).reverse();
    expect(later.length).toBeGreaterThan(0);

    const reverted: string[] = [];
    for (;;) {
      const head = lastApplied(dataDir);
      const run = revertOne(dataDir);
      if (!run.ok) {
        expect(head).toBe(IRREVERSIBLE);
        expect(run.out).toContain('tidak dapat dibatalkan');
        expect(run.out).toContain('pulihkan cadangan data');
        break;
      }
      expect(run.out).toContain(`Reverted ${head}`);
      reverted.push(head);
      expect(reverted.length, 'migrate down never stopped').toBeLessThanOrEqual(files.length);
    }
    expect(reverted).toEqual(later);
    expect(lastApplied(dataDir)).toBe(IRREVERSIBLE);

    await migrateUp(dataDir);
    expect(schemaOf(dataDir)).toEqual(before);
  }, 60_000);
});
