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

  it('stores a suggestion sent again after a lost answer (same id_pengiriman) once', async () => {
    const body = { pesan: 'Mohon antrean lansia didahulukan.', kontak: '', id_pengiriman: 'saran-ulang-0123456789' };
    const sendOnce = () => fetch(`${pb.url}/api/collections/saran/records`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const first = await sendOnce();
    const again = await sendOnce();
    expect([first.status, again.status]).toEqual([200, 200]);
    const firstId = ((await first.json()) as { id: string }).id;
    expect(((await again.json()) as { id: string }).id).toBe(firstId);
    const stored = await pb.admin.collection('saran').getFullList({ filter: pb.admin.filter('id_pengiriman = {:s}', { s: body.id_pengiriman }) });
    expect(stored.map((s) => s.id)).toEqual([firstId]);
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

describe('kotak saran as a plain form POST (no JavaScript): the same rules, the page back with its errors', () => {
  const post = (fields: Record<string, unknown>, headers: Record<string, string> = {}) =>
    fetch(`${pb.url}/saran/kirim`, {
      method: 'POST',
      redirect: 'manual',
      headers,
      body: new URLSearchParams(Object.entries(fields).map(([k, v]) => [k, String(v)])),
    });

  for (const vector of loadVectors('saran')) {
    // The vectors' non-string values cannot travel in a form; the JSON route above covers them.
    if (Object.values(vector.input).some((v) => typeof v !== 'string')) continue;
    it(vector.name, async () => {
      const res = await post(vector.input);
      if (vector.errors.length === 0) {
        expect(res.status).toBe(303);
        expect(res.headers.get('location')).toBe('/saran/terkirim/');
      } else {
        expect(res.status).toBe(400);
        expect(res.headers.get('content-type')).toMatch(/text\/html/);
        const html = await res.text();
        for (const field of vector.errors) expect(html).toContain(`id="saran-${field}-galat"`);
        expect(html).toContain('Ada yang perlu diperbaiki');
      }
    });
  }

  it('stores what the JSON route would store, trimmed', async () => {
    const pesan = `  Mohon papan nama loket diperbesar ${Date.now()}  `;
    expect((await post({ pesan, kontak: ' 081211112222 ' })).status).toBe(303);
    const stored = await pb.admin.collection('saran').getFirstListItem(pb.admin.filter('pesan = {:p}', { p: pesan.trim() }));
    expect(stored['kontak']).toBe('081211112222');
  });

  it('has the records API’s budget: 10 in 10 minutes from one address', async () => {
    await pb.admin.settings.update({ rateLimits: { enabled: true } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 10; i++) statuses.push((await post({ pesan: 'pendek', kontak: '' })).status);
      expect(statuses).toEqual(Array(10).fill(400));
      // The eleventh: the page again, saying why, with the text kept (not PocketBase's JSON).
      const pesan = `Saran kesebelas yang harus tetap ada ${Date.now()}`;
      const busy = await post({ pesan, kontak: '0812' });
      expect(busy.status).toBe(429);
      expect(busy.headers.get('content-type')).toMatch(/text\/html/);
      const html = await busy.text();
      expect(html).toContain('Terlalu banyak saran dari alamat Anda');
      expect(html).toContain(`>\n${pesan}</textarea>`);
      expect(html).toContain('value="0812"');
    } finally {
      await pb.admin.settings.update({ rateLimits: { enabled: false } });
    }
  });

  it('is logged, like the records API’s create, with no address and no browser', async () => {
    expect((await post({ pesan: `Saran tanpa jejak alamat ${Date.now()}`, kontak: '' }, { 'user-agent': 'PonselMurah/1.0' })).status).toBe(303);
    // PocketBase writes its request log in batches: wait for the entry, not for a fixed time. (The
    // limiter's own 429s are refused before the masking runs, as on /api/lacak/: not asserted.)
    const deadline = Date.now() + 15_000;
    let entries: Record<string, unknown>[] = [];
    while (entries.length === 0 && Date.now() < deadline) {
      entries = (await pb.admin.logs.getList(1, 50, { filter: 'data.url = "/saran/kirim" && data.status = 303' })).items.map((l) => l['data'] as Record<string, unknown>);
      if (entries.length === 0) await new Promise((r) => setTimeout(r, 250));
    }
    expect(entries.length).toBeGreaterThan(0);
    for (const data of entries) expect([data['userIP'] ?? '0.0.0.0', data['remoteIP'] ?? '0.0.0.0', data['userAgent'] ?? '']).toEqual(['0.0.0.0', '0.0.0.0', '']);
  });

  it('refuses a post from another site in a visitor’s name', async () => {
    const pesan = `Kiriman dari situs lain ${Date.now()}`;
    expect((await post({ pesan, kontak: '' }, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await pb.admin.collection('saran').getList(1, 1, { filter: pb.admin.filter('pesan = {:p}', { p: pesan }) })).totalItems).toBe(0);
  });
});
