// `npm run build` with PORTAL_REQUIRE_CONFIRMED=1 (the go-live switch) must stop while anything in
// content/ awaits the office's confirmation, and say what, per file and field.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const FIXTURE = path.join(ROOT, 'tests', 'fixtures', 'content');
const work = mkdtempSync(path.join(tmpdir(), 'portal-readiness-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the readiness switch of npm run build', () => {
  it('fails before building anything while a value awaits confirmation, naming the file and the field', () => {
    const contentDir = path.join(work, 'content');
    cpSync(FIXTURE, contentDir, { recursive: true });
    appendFileSync(path.join(contentDir, 'site', 'site.yaml'), '\nawaitingConfirmation:\n  - field: openingHours\n    supply: Jam layanan kantor yang ditetapkan\n');
    // The check runs before the server build, so this never writes into pocketbase/.
    const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], {
      cwd: ROOT,
      env: { ...process.env, PORTAL_CONTENT_DIR: contentDir, PORTAL_REQUIRE_CONFIRMED: '1' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Kesiapan terbit');
    expect(run.stderr).toContain('content/site/site.yaml');
    expect(run.stderr).toContain('openingHours: Jam layanan kantor yang ditetapkan');
    expect(run.stderr).toContain('PORTAL_REQUIRE_CONFIRMED=1');
  }, 90_000);
});
