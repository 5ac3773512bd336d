// The server never depends on the site's build output: the schema comes from migrations (one of
// them generated from content/), the hooks' data from committed generated files. Another
// office's content makes a new migration that a running database takes at its next start.
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import PocketBase from 'pocketbase';
import { CONTENT_DIR, freePort, migrateUp, SERVER_DIR, startPocketBase, upsertSuperuser } from '../../scripts/lib/pocketbase.mjs';
import { buildServer, checkServer } from '../../scripts/lib/server-build.mjs';
import { loadContent } from '../support/content';
import { sampleApplicationForm } from '../support/application';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'portal-server-build-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** A copy of pocketbase/ (without data) and of content/, for changes this test may make. */
async function copies(name: string) {
  const serverDir = path.join(work, name, 'pocketbase');
  const contentDir = path.join(work, name, 'content');
  await cp(SERVER_DIR, serverDir, { recursive: true, filter: (src) => !src.includes('pb_data') });
  await cp(CONTENT_DIR, contentDir, { recursive: true });
  return { serverDir, contentDir };
}

async function serve(serverDir: string, dataDir: string, siteDir: string) {
  await migrateUp(dataDir, serverDir);
  await upsertSuperuser(dataDir, 'admin@dinsos.localhost', 'Sandi-Uji-12345', serverDir);
  const server = await startPocketBase({ dataDir, port: await freePort(), serverDir, siteDir });
  const admin = new PocketBase(server.url);
  await admin.collection('_superusers').authWithPassword('admin@dinsos.localhost', 'Sandi-Uji-12345');
  return { server, admin };
}

describe('the server build', () => {
  it('is committed up to date with content/ and the rules', () => {
    expect(checkServer()).toEqual([]);
  });

  it('serves applications, tracking and figures with no site built at all', async () => {
    const { serverDir } = await copies('tanpa-situs');
    const emptySite = path.join(work, 'tanpa-situs', 'dist-kosong');
    const { server, admin } = await serve(serverDir, path.join(work, 'tanpa-situs', 'data'), emptySite);
    try {
      // The document fields come from the migrations alone.
      const fields = ((await admin.collections.getOne('permohonan')).fields as { name: string; type: string }[]).filter((f) => f.type === 'file').map((f) => f.name);
      for (const doc of loadContent().documentTypes) expect(fields, doc.id).toContain(doc.id);
      const created = await fetch(`${server.url}/api/collections/permohonan/records`, { method: 'POST', body: sampleApplicationForm() });
      expect(created.status, await created.clone().text()).toBe(200);
      const { kode_lacak } = (await created.json()) as { kode_lacak: string };
      expect((await fetch(`${server.url}/api/lacak/${kode_lacak}`)).status).toBe(200);
      expect((await fetch(`${server.url}/api/statistik`)).status).toBe(200);
    } finally {
      await server.stop();
    }
  });

  it('turns a new document type in content/ into a new migration that a running database takes at its next start', async () => {
    const { serverDir, contentDir } = await copies('dokumen-baru');
    const dataDir = path.join(work, 'dokumen-baru', 'data');
    const before = await serve(serverDir, dataDir, path.join(work, 'x'));
    await before.server.stop();

    const docs = path.join(contentDir, 'reference', 'documents.yaml');
    await writeFile(docs, `${await readFile(docs, 'utf8')}\n- id: surat_keterangan_rt\n  label: Surat keterangan RT\n  accept: [application/pdf, image/jpeg]\n  maxSizeMB: 3\n  hint: Surat dari ketua RT yang menyatakan orang tersebut tinggal di wilayahnya.\n`);
    expect(checkServer({ contentDir, outDir: serverDir }).join('\n')).toMatch(/npm run build/);
    const { migration } = await buildServer({ contentDir, outDir: serverDir });
    expect(checkServer({ contentDir, outDir: serverDir })).toEqual([]);
    expect((await readdir(path.join(serverDir, 'pb_migrations'))).filter((f) => f.includes('_konten_'))).toEqual([migration]);

    const after = await serve(serverDir, dataDir, path.join(work, 'x'));
    try {
      const field = ((await after.admin.collections.getOne('permohonan')).fields as unknown as { name: string; maxSize: number; protected: boolean; mimeTypes: string[] }[]).find((f) => f.name === 'surat_keterangan_rt');
      expect(field).toMatchObject({ maxSize: 3 * 1024 * 1024, protected: true, mimeTypes: ['application/pdf', 'image/jpeg'] });
      const perbaikan = ((await after.admin.collections.getOne('permohonan')).fields as { name: string; values?: string[] }[]).find((f) => f.name === 'dokumen_perbaikan');
      expect(perbaikan?.values).toContain('surat_keterangan_rt');
    } finally {
      await after.server.stop();
    }
  });

  it('says which file and field are wrong when content/ is broken, and writes nothing', async () => {
    const { serverDir, contentDir } = await copies('rusak');
    const statuses = path.join(contentDir, 'reference', 'statuses.yaml');
    await writeFile(statuses, (await readFile(statuses, 'utf8')).replace('meaning: initial', 'meaning: awal'));
    const generated = await readFile(path.join(serverDir, 'pb_hooks', 'lib', 'portal.generated.js'), 'utf8');
    await expect(buildServer({ contentDir, outDir: serverDir })).rejects.toThrow(/content\/reference\/statuses\.yaml\[0\]: meaning/);
    expect(await readFile(path.join(serverDir, 'pb_hooks', 'lib', 'portal.generated.js'), 'utf8')).toBe(generated);
  });

  it('notices a generated file edited by hand', async () => {
    const { serverDir, contentDir } = await copies('diubah');
    for (const name of ['rules.generated.js', 'server.generated.js']) {
      const file = path.join(serverDir, 'pb_hooks', 'lib', name);
      await writeFile(file, `${await readFile(file, 'utf8')}\n// diubah\n`);
      expect(checkServer({ contentDir, outDir: serverDir }).join('\n')).toContain(`${name} diubah dengan tangan`);
    }
  });

  it('bundles the route logic of src/lib/server, which requires the rules bundle instead of copying it', async () => {
    const code = await readFile(path.join(SERVER_DIR, 'pb_hooks', 'lib', 'server.generated.js'), 'utf8');
    const manifest = JSON.parse(await readFile(path.join(SERVER_DIR, 'pb_hooks', 'lib', 'generated.json'), 'utf8')) as { sources: string[] };
    expect(manifest.sources).toContain('src/lib/server/lacak.ts');
    expect(code).toContain('require(`${__hooks}/lib/rules.generated.js`)');
    // A function of the rules defined here would be a second copy that could drift from the first.
    expect(code).not.toMatch(/^function normaliseCode\(/m);
    expect(code).not.toContain('// src/lib/rules/');
  });
});
