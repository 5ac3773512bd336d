// The history cannot be rewritten (issue 11 point 5): no truncate, delete, update, or SQL write
// through any API, superusers included; and an edit made in the database file itself (what the
// admin UI's SQL console or a stolen disk could do) is found by the hash-chain check, by command
// and by the daily cron.
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { checkHistoryChain, usePocketBase } from '../support/pocketbase';
import { applyAsSamplePerson } from '../support/application';
import { advance, staffTeam } from '../support/staff';
import { STATUS_LISTS, statusWithMeaning } from '../support/workflow';

const pb = usePocketBase({ rateLimits: false });

const check = () => checkHistoryChain(pb.dataDir);

function sql(statement: string, ...params: (string | number)[]) {
  const db = new DatabaseSync(path.join(pb.dataDir, 'data.db'));
  try {
    db.exec('PRAGMA busy_timeout = 10000');
    return db.prepare(statement).run(...params);
  } finally {
    db.close();
  }
}

async function servedRequest() {
  const code = await applyAsSamplePerson(pb.url);
  const record = await pb.admin.collection('permohonan').getFirstListItem(pb.admin.filter('kode_lacak = {:k}', { k: code }));
  await advance(pb, 'permohonan', record.id, statusWithMeaning(STATUS_LISTS.permohonan, 'success'), { note: (n) => `Catatan tahap ${n + 1} untuk pemohon.` });
  return record;
}

describe('the history through the API', () => {
  it('cannot be truncated, deleted, redefined or written with SQL, not even by a superuser', async () => {
    const record = await servedRequest();
    const before = await pb.admin.collection('riwayat_permohonan').getFullList({ filter: pb.admin.filter('permohonan = {:id}', { id: record.id }) });
    const auth = { Authorization: pb.admin.authStore.token, 'content-type': 'application/json' };
    for (const name of ['riwayat_permohonan', 'riwayat_laporan', 'log_akses']) {
      const truncate = await fetch(`${pb.url}/api/collections/${name}/truncate`, { method: 'DELETE', headers: auth });
      expect(truncate.status, name).toBe(403);
      expect(((await truncate.json()) as { message: string }).message).toBe('Koleksi riwayat dan catatan akses tidak dapat dikosongkan, dihapus, atau diubah aturannya.');
      expect((await fetch(`${pb.url}/api/collections/${name}`, { method: 'DELETE', headers: auth })).status, name).toBe(403);
      expect((await fetch(`${pb.url}/api/collections/${name}`, { method: 'PATCH', headers: auth, body: JSON.stringify({ deleteRule: '' }) })).status, name).toBe(403);
    }
    for (const query of [`UPDATE riwayat_permohonan SET catatan_publik = 'ditimpa'`, `DELETE FROM riwayat_permohonan`, `DROP TABLE log_akses`, `SELECT 1; DELETE FROM RIWAYAT_LAPORAN`]) {
      const res = await fetch(`${pb.url}/api/sql`, { method: 'POST', headers: auth, body: JSON.stringify({ query }) });
      expect(res.status, query).toBe(403);
    }
    const after = await pb.admin.collection('riwayat_permohonan').getFullList({ filter: pb.admin.filter('permohonan = {:id}', { id: record.id }) });
    expect(after).toEqual(before);
    // A staff account's token cannot write it either.
    const team = await staffTeam(pb);
    const anyone = Object.values(team)[0]!;
    expect(await anyone.client.collection('riwayat_permohonan').delete(before[0]!.id).catch((e: { status: number }) => e.status)).toBe(403);
  });
});

describe('the hash chain', () => {
  it('holds for everything the portal itself wrote', async () => {
    await servedRequest();
    const result = await check();
    expect(result.code, result.out).toBe(0);
    expect(result.out).toContain('Rantai riwayat utuh.');
  });

  it('finds an entry edited, an entry removed, and an entry slipped in, in the database file itself', async () => {
    const record = await servedRequest();
    const entries = await pb.admin.collection('riwayat_permohonan').getFullList({ filter: pb.admin.filter('permohonan = {:id}', { id: record.id }), sort: 'urutan' });
    const code = String(record['kode_lacak']);

    sql('UPDATE riwayat_permohonan SET catatan_publik = ? WHERE id = ?', 'Catatan yang ditulis ulang diam-diam.', entries[1]!.id);
    let result = await check();
    expect(result.code).toBe(1);
    expect(result.out).toContain(`${code} (riwayat_permohonan) entri 2: catatannya berubah setelah dicatat.`);

    sql('UPDATE riwayat_permohonan SET status = ? WHERE id = ?', statusWithMeaning(STATUS_LISTS.permohonan, 'rejected'), entries[2]!.id);
    result = await check();
    expect(result.out).toContain(`${code} (riwayat_permohonan) entri 3: isinya berubah setelah dicatat.`);

    sql('DELETE FROM riwayat_permohonan WHERE id = ?', entries[entries.length - 1]!.id);
    result = await check();
    expect(result.out).toContain(`${code} (riwayat_permohonan): tercatat ${entries.length} entri, ada ${entries.length - 1}.`);

    // A forged entry, even with a plausible place and a copied hash.
    const last = entries[entries.length - 2]!;
    sql(
      "INSERT INTO riwayat_permohonan (id, permohonan, status, jenis, petugas, urutan, hash_sebelum, hash, isi_hash, created) VALUES ('palsu123456789a', ?, ?, 'status', 'sistem', ?, ?, ?, '', ?)",
      record.id,
      String(last['status']),
      Number(last['urutan']) + 1,
      String(last['hash']),
      String(last['hash']),
      String(last['created']),
    );
    result = await check();
    expect(result.out).toMatch(new RegExp(`${code} \\(riwayat_permohonan\\) entri ${entries.length}: isinya berubah setelah dicatat`));
    // The command names the request by its code, never a person.
    expect(result.out).not.toMatch(/Sumarni|1901/);
  });

  it('reports a break from the daily cron in the log', async () => {
    const record = await servedRequest();
    const [first] = await pb.admin.collection('riwayat_permohonan').getFullList({ filter: pb.admin.filter('permohonan = {:id}', { id: record.id }), sort: 'urutan' });
    sql('UPDATE riwayat_permohonan SET petugas = ? WHERE id = ?', 'orang lain', first!.id);
    await pb.admin.crons.run('periksa_riwayat');
    let logs = await pb.admin.logs.getList(1, 10, { filter: 'message ~ "rantai riwayat"' });
    for (let i = 0; i < 60 && logs.items.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 250));
      logs = await pb.admin.logs.getList(1, 10, { filter: 'message ~ "rantai riwayat"' });
    }
    expect(JSON.stringify(logs.items)).toContain(`${String(record['kode_lacak'])} (riwayat_permohonan) entri 1: isinya berubah setelah dicatat.`);
  });
});
