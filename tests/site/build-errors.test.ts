import { readdirSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runAstro } from '../../scripts/lib/site.mjs';

// A mistake in content/ must stop the build with a message naming the file and the field,
// so whoever edits content/ can fix it without reading code.
const FIXTURE = path.resolve(import.meta.dirname, '..', 'fixtures', 'content');
/** The fixture office's one service file. */
const FIXTURE_SERVICE_FILE = readdirSync(path.join(FIXTURE, 'services')).find((f) => f.endsWith('.yaml'))!;
const temps: string[] = [];
afterAll(async () => {
  for (const dir of temps) await rm(dir, { recursive: true, force: true });
});

async function buildWith(edit: (contentDir: string) => Promise<void>): Promise<{ ok: boolean; output: string }> {
  const work = await mkdtemp(path.join(tmpdir(), 'portal-content-'));
  temps.push(work);
  const contentDir = path.join(work, 'content');
  await cp(FIXTURE, contentDir, { recursive: true });
  await edit(contentDir);
  process.env['PORTAL_CONTENT_DIR'] = contentDir;
  process.env['PORTAL_CACHE_DIR'] = path.join(work, 'cache');
  try {
    const output = await runAstro(['build', '--outDir', path.join(work, 'dist')], { quiet: true });
    return { ok: true, output };
  } catch (err) {
    return { ok: false, output: (err as { output?: string }).output ?? String(err) };
  } finally {
    delete process.env['PORTAL_CONTENT_DIR'];
    delete process.env['PORTAL_CACHE_DIR'];
  }
}

async function replaceIn(file: string, from: string, to: string) {
  const text = await readFile(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${from} tidak ada di ${file}`);
  await writeFile(file, text.replace(from, to));
}

describe('building from content/', () => {
  it('succeeds with the valid fixture', async () => {
    const result = await buildWith(async () => {});
    expect(result.output).toContain('Complete');
    expect(result.ok).toBe(true);
  }, 120_000);

  it('fails on a schema violation, naming the file and the field', async () => {
    const result = await buildWith((dir) => replaceIn(path.join(dir, 'services', FIXTURE_SERVICE_FILE), 'cost: 0', 'cost: -5'));
    expect(result.ok).toBe(false);
    expect(result.output).toContain(FIXTURE_SERVICE_FILE);
    expect(result.output).toMatch(/cost/);
  }, 120_000);

  it('fails when a declared jangka waktu contradicts the SOP step times, naming the file and the field', async () => {
    const result = await buildWith((dir) =>
      replaceIn(path.join(dir, 'services', FIXTURE_SERVICE_FILE), 'duration: { value: 130, unit: menit }', 'duration: { value: 3, unit: hari kerja }'),
    );
    expect(result.ok).toBe(false);
    expect(result.output).toContain(`content/services/${FIXTURE_SERVICE_FILE} → duration`);
    expect(result.output).toContain('2 jam 10 menit');
  }, 120_000);
});
