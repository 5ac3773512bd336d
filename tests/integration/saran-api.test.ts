import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPocketBase, type TestPocketBase } from '../support/pocketbase';
import { statusOf } from '../support/http';
import { loadVectors } from '../support/vectors';

let pb: TestPocketBase;
beforeAll(async () => {
  pb = await startTestPocketBase();
  // Many suggestions from one address: the limiter itself is tested in privacy-hardening.test.ts.
  await pb.admin.settings.update({ rateLimits: { enabled: false } });
});
afterAll(async () => {
  await pb?.stop();
});


describe('kotak saran API', () => {
  it('lets a visitor leave a suggestion', async () => {
    const created = await pb.guest().collection('saran').create({ pesan: 'Mohon tambah jam layanan di hari Sabtu.', kontak: '' });
    const stored = await pb.admin.collection('saran').getOne(created.id);
    expect(stored['pesan']).toBe('Mohon tambah jam layanan di hari Sabtu.');
    expect(stored['created']).toBeTruthy();
  });

  it('lets no visitor list, view, change or delete suggestions', async () => {
    const created = await pb.admin.collection('saran').create({ pesan: 'Saran rahasia untuk petugas saja.', kontak: '0812-0000-1111' });
    const guest = pb.guest();
    // Superuser-only rules: PocketBase answers 403 to everyone else.
    expect(await statusOf(guest.collection('saran').getList(1, 50))).toBe(403);
    expect(await statusOf(guest.collection('saran').getOne(created.id))).toBe(403);
    expect(await statusOf(guest.collection('saran').update(created.id, { pesan: 'diubah oleh tamu' }))).toBe(403);
    expect(await statusOf(guest.collection('saran').delete(created.id))).toBe(403);
    const unchanged = await pb.admin.collection('saran').getOne(created.id);
    expect(unchanged['pesan']).toBe('Saran rahasia untuk petugas saja.');
  });
});

describe('kotak saran: server validation agrees with the shared vectors', () => {
  for (const vector of loadVectors('saran')) {
    it(vector.name, async () => {
      const res = await fetch(`${pb.url}/api/collections/saran/records`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(vector.input),
      });
      if (vector.errors.length === 0) {
        expect(res.status).toBe(200);
      } else {
        expect(res.status).toBe(400);
        const body = (await res.json()) as { data: Record<string, { message: string }> };
        expect(Object.keys(body.data).sort()).toEqual([...vector.errors].sort());
        // Messages are Indonesian, not PocketBase's English defaults.
        for (const field of vector.errors) expect(body.data[field]!.message).toMatch(/Tulis|terlalu|Hapus karakter/);
      }
    });
  }
});
