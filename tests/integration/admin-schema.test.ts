import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPocketBase, type TestPocketBase } from '../support/pocketbase';
import { loadContent } from '../support/content';

let pb: TestPocketBase;
beforeAll(async () => {
  pb = await startTestPocketBase();
});
afterAll(async () => {
  await pb?.stop();
});

// The admin UI is the staff's screen: every field explains itself in Indonesian, lists show a
// name rather than an id, and what staff filter by is indexed.
const COLLECTIONS = ['saran', 'permohonan', 'riwayat_permohonan', 'laporan', 'riwayat_laporan', 'petugas', 'log_akses', 'survei_kepuasan'];

describe('collections as staff see them in the admin UI', () => {
  it('give every field an Indonesian help text', async () => {
    const missing: string[] = [];
    for (const name of COLLECTIONS) {
      const collection = await pb.admin.collections.getOne(name);
      for (const field of collection.fields as { name: string; type: string; help?: string }[]) {
        // PocketBase 0.40 has no help text for the id and the autodate (created/updated) fields,
        // nor for an auth collection's own system fields (email, password, tokenKey…).
        if (field.name === 'id' || field.type === 'autodate' || (field as { system?: boolean }).system) continue;
        if (!field.help || field.help.trim().length < 10) missing.push(`${name}.${field.name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('make one field presentable in each collection, so pickers show names', async () => {
    for (const name of COLLECTIONS) {
      const collection = await pb.admin.collections.getOne(name);
      expect((collection.fields as { presentable?: boolean }[]).some((f) => f.presentable), name).toBe(true);
    }
  });

  it('index what staff filter by', async () => {
    const permohonan = await pb.admin.collections.getOne('permohonan');
    const indexes = (permohonan.indexes as string[]).join('\n');
    for (const column of ['status', 'layanan', 'kecamatan', 'created', 'terlambat', 'kode_lacak']) expect(indexes, column).toMatch(new RegExp(`\\(${column}\\b|, ${column}\\b`));
  });

  it('have one protected file field per document type in content/', async () => {
    const permohonan = await pb.admin.collections.getOne('permohonan');
    const files = (permohonan.fields as { type: string; name: string; protected?: boolean }[]).filter((f) => f.type === 'file');
    for (const doc of loadContent().documentTypes) expect(files.find((f) => f.name === doc.id)?.protected, doc.id).toBe(true);
    expect(files.every((f) => f.protected)).toBe(true);
  });
});
