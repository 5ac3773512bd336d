import { describe, expect, it } from 'vitest';
import { usePocketBase } from '../support/pocketbase';
import { KECAMATAN, REPORT_TYPES, report } from '../support/records';

// Issue 13 point 5: a database error in one of the portal's own routes is a logged 5xx with an
// Indonesian message, never a quiet "not found" or a figure that silently goes missing.

const pb = usePocketBase({ rateLimits: false });

interface LogItem {
  message: string;
  level: number;
  data: Record<string, unknown>;
}

async function errorLogs(): Promise<LogItem[]> {
  // PocketBase writes its log in batches.
  for (let i = 0; i < 60; i++) {
    const list = await pb.admin.logs.getList(1, 50, { filter: 'message = "Rute portal gagal"' });
    if (list.items.length > 0) return list.items as unknown as LogItem[];
    await new Promise((r) => setTimeout(r, 250));
  }
  return [];
}

describe('a database failure in a portal route', () => {
  it('answers a tracking lookup with a 500 in Indonesian, and logs the route without the code', async () => {
    const sent = await report(pb, REPORT_TYPES[0]!.id, KECAMATAN[0]!.id);
    const before = await fetch(`${pb.url}/api/lacak/${sent.code}`);
    expect(before.status).toBe(200);

    // A column the route reads is gone (a migration gone wrong): the lookup must fail loudly, not
    // answer "not found".
    const laporan = await pb.admin.collections.getOne('laporan');
    await pb.admin.collections.update('laporan', { fields: laporan.fields.filter((f) => f.name !== 'berkas_dihapus') });
    const res = await fetch(`${pb.url}/api/lacak/${sent.code}`);
    const body = (await res.json()) as { message: string };
    expect(res.status).toBe(500);
    expect(body.message).toMatch(/^Server sedang bermasalah/);
    expect(JSON.stringify(body)).not.toMatch(/riwayat|SQL|no such/i);

    const logs = await errorLogs();
    expect(logs.length).toBeGreaterThan(0);
    expect(logs[0]!.level).toBeGreaterThanOrEqual(8);
    expect(logs[0]!.data['rute']).toBe('GET /api/lacak/{kode}');
    expect(JSON.stringify(logs)).not.toContain(sent.code);
  });

  it('answers the live figures with a 500 when the survey table is broken, instead of dropping the IKM', async () => {
    await pb.admin.collections.delete('survei_kepuasan');
    const res = await fetch(`${pb.url}/api/statistik`);
    expect(res.status).toBe(500);
    expect(((await res.json()) as { message: string }).message).toMatch(/^Server sedang bermasalah/);
    // Not cached as an answer either.
    expect(res.headers.get('cache-control') ?? '').not.toMatch(/public/);
  });

  it('leaves PocketBase’s own API to PocketBase: a bad filter is still its 400', async () => {
    const res = await fetch(`${pb.url}/api/collections/permohonan/records?filter=${encodeURIComponent('(((')}`, { headers: { Authorization: pb.admin.authStore.token } });
    expect(res.status).toBe(400);
  });
});

describe('a body that cannot be read', () => {
  it('is the caller’s 400 with an Indonesian message, not a server error', async () => {
    const res = await fetch(`${pb.url}/api/lacak/XXX-XXX-XXX-XXX/survei`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{{{' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toMatch(/tidak dapat dibaca/);
  });
});
