import { describe, expect, it } from 'vitest';
import { randomBytes, randomUUID } from 'node:crypto';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { DatabaseSync } from 'node:sqlite';
import path from 'node:path';
import type { RecordModel } from 'pocketbase';
import { advance, portalOf } from '../support/staff';
import { flowContextOf } from '../../src/lib/portal-data';
import { STATUS_LISTS, statusWithMeaning } from '../support/workflow';
import { usePocketBase } from '../support/pocketbase';
import { applicationForm, applicationVectors, fakeFile } from '../support/application';

// Scheduled backups (migration 1790000400_cadangan.js) are only worth having if a backup can be
// restored: this takes a real backup of applications with their documents, wipes them, restores,
// and checks that every record, history entry and file byte came back.

// Stopping twice is safe: the last test stops it itself, the file's teardown again.
const pb = usePocketBase({ rateLimits: false });

/** Process ids whose command line names the data dir (the server is the only one that does). */
function processesUsing(dir: string): Promise<number[]> {
  return new Promise((resolve, reject) => {
    execFile('pgrep', ['-f', dir], (err, stdout) => {
      // pgrep exits 1 when nothing matches.
      if (err && (err as { code?: number }).code !== 1) return reject(err);
      resolve(stdout.split('\n').filter(Boolean).map(Number));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The restore answers 204 at once and PocketBase restarts itself about a second later, so a
 * health check straight after the call still reaches the old server. Wait for the restart
 * itself (a second "Server started" line, or the server going away), then for it to answer.
 */
async function waitForRestart(startsBefore: number, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let wentDown = false;
  while (Date.now() < deadline) {
    let up = false;
    try {
      up = (await fetch(`${pb.url}/api/health`)).ok;
    } catch {
      wentDown = true;
    }
    const restarted = wentDown || pb.logs.filter((l) => l.includes('Server started')).length > startsBefore;
    if (up && restarted) return;
    await sleep(50);
  }
  throw new Error(`PocketBase tidak kembali dalam ${timeoutMs} ms setelah restore:\n${pb.logs.slice(-20).join('\n')}`);
}

/** A document file that starts like its type (PocketBase checks content) and is otherwise unique. */
async function uniqueFile(key: string, info: { size: number; type: string }): Promise<File> {
  const template = fakeFile(info, key);
  const bytes = new Uint8Array(await template.arrayBuffer());
  const head = 16; // longer than every signature in fakeFile
  bytes.set(randomBytes(info.size - head), head);
  return new File([bytes], template.name, { type: info.type });
}

async function signature(file: File): Promise<Uint8Array> {
  return new Uint8Array(await file.slice(0, 16).arrayBuffer());
}

interface Snapshot {
  records: Record<string, unknown>[];
  files: Map<string, Buffer>;
  history: Record<string, unknown>[];
}

async function snapshot(ids: string[], fileFields: string[]): Promise<Snapshot> {
  const filter = ids.map((id) => pb.admin.filter('id = {:id}', { id })).join(' || ');
  const records = await pb.admin.collection('permohonan').getFullList({ filter, sort: 'id' });
  const token = await pb.admin.files.getToken();
  const files = new Map<string, Buffer>();
  for (const record of records) {
    for (const field of fileFields) {
      // Single-file fields hold a name (or ""), multi-file fields a list.
      const value = record[field] as string | string[];
      for (const name of (Array.isArray(value) ? value : [value]).filter(Boolean)) {
        const res = await fetch(pb.admin.files.getURL(record, name, { token }));
        expect(res.status, `${record.id}/${field}`).toBe(200);
        files.set(`${record.id}/${field}/${name}`, Buffer.from(await res.arrayBuffer()));
      }
    }
  }
  const historyFilter = ids.map((id) => pb.admin.filter('permohonan = {:id}', { id })).join(' || ');
  const history = await pb.admin.collection('riwayat_permohonan').getFullList({ filter: historyFilter, sort: 'id' });
  const pick = (r: RecordModel, keys: string[]) => Object.fromEntries(keys.map((k) => [k, r[k]]));
  return {
    records: records.map((r) => pick(r, ['id', 'kode_lacak', 'nik', 'status', 'catatan_publik', 'created', ...fileFields])),
    files,
    history: history.map((h) => pick(h, ['id', 'permohonan', 'status_dari', 'status', 'catatan_publik', 'created'])),
  };
}

describe('scheduled backups', () => {
  it('are on: daily at 02.00 on the office\'s clock (PocketBase\'s cron is UTC), keeping seven', async () => {
    const settings = await pb.admin.settings.getAll();
    const utcHourOf2am = { WIB: 19, WITA: 18, WIT: 17 }[portalOf().site.timeZone as 'WIB' | 'WITA' | 'WIT'];
    expect(settings['backups']['cron']).toBe(`0 ${utcHourOf2am} * * *`);
    expect(settings['backups']['cronMaxKeep']).toBe(7);
  });
});

describe('a backup', () => {
  it('restores applications, their history and every document byte for byte', { timeout: 180_000 }, async () => {
    const base = applicationVectors()[0]!;
    const ids: string[] = [];
    for (let i = 1; i <= 3; i++) {
      // A different NIK each, so a mix-up between records would show.
      const form = applicationForm({ ...base.input, nik: `190101450780000${i}`, id_pengiriman: randomUUID() }, base.files);
      for (const [key, info] of Object.entries(base.files)) {
        if (!info) continue;
        const file = await uniqueFile(key, info);
        expect(await signature(file)).toEqual(await signature(fakeFile(info, key)));
        form.set(key, file);
      }
      const res = await fetch(`${pb.url}/api/collections/permohonan/records`, { method: 'POST', body: form });
      expect(res.status, await res.clone().text()).toBe(200);
      ids.push(((await res.json()) as { id: string }).id);
    }
    // One status change, so there is more than the first history entry and more than one status.
    const next = flowContextOf(portalOf(), String((await pb.admin.collection('permohonan').getOne(ids[0]!))['layanan'])).steps.find((s) => s.stage !== statusWithMeaning(STATUS_LISTS.permohonan, 'initial'))!.stage;
    await advance(pb, 'permohonan', ids[0]!, next);

    const collection = await pb.admin.collections.getOne('permohonan');
    const fileFields = collection.fields.filter((f) => f.type === 'file').map((f) => f.name);
    const before = await snapshot(ids, fileFields);
    expect(before.records).toHaveLength(3);
    expect(before.files.size).toBe(3 * Object.values(base.files).filter(Boolean).length);
    // At least the first entry of each; the status change adds more (how many is the workflow's business).
    expect(before.history.length).toBeGreaterThanOrEqual(3);
    for (const id of ids) expect(before.history.some((h) => h['permohonan'] === id), id).toBe(true);
    expect(new Set(before.records.map((r) => r['status']))).toEqual(new Set([statusWithMeaning(STATUS_LISTS.permohonan, 'initial'), next]));

    let t = Date.now();
    await pb.admin.backups.create('uji.zip');
    const backupMs = Date.now() - t;
    const backups = await pb.admin.backups.getFullList();
    expect(backups.map((b) => b.key)).toContain('uji.zip');

    // Wipe. The hooks refuse to delete history or applications through the API (an audit trail;
    // applications are closed, not deleted), so lose them the way a disaster would: rows straight
    // out of SQLite and the uploaded files off the disk, behind the running server's back.
    const storage = path.join(pb.dataDir, 'storage', collection.id);
    const db = new DatabaseSync(path.join(pb.dataDir, 'data.db'), { timeout: 5000 });
    try {
      const placeholders = ids.map(() => '?').join(',');
      db.prepare(`DELETE FROM riwayat_permohonan WHERE permohonan IN (${placeholders})`).run(...ids);
      db.prepare(`DELETE FROM permohonan WHERE id IN (${placeholders})`).run(...ids);
    } finally {
      db.close();
    }
    for (const id of ids) await rm(path.join(storage, id), { recursive: true, force: true });
    const gone = await snapshot(ids, fileFields);
    expect(gone.records).toEqual([]);
    expect(gone.history).toEqual([]);
    for (const id of ids) expect(existsSync(path.join(storage, id)), id).toBe(false);

    const pidsBefore = await processesUsing(pb.dataDir);
    // Exactly the server: also proves the pgrep pattern works, so the checks below are not empty.
    expect(pidsBefore).toHaveLength(1);
    const startsBefore = pb.logs.filter((l) => l.includes('Server started')).length;
    t = Date.now();
    await pb.admin.backups.restore('uji.zip');
    await waitForRestart(startsBefore);
    const restoreMs = Date.now() - t;
    console.log(`backup ${backupMs} ms, restore until the server answers again ${restoreMs} ms`);
    // PocketBase restarts by re-executing itself: the same process id, so pb.stop() still reaches it.
    expect(await processesUsing(pb.dataDir)).toEqual(pidsBefore);

    await pb.admin.collection('_superusers').authWithPassword(pb.superuser.email, pb.superuser.password);
    const after = await snapshot(ids, fileFields);
    expect(after.records).toEqual(before.records);
    expect(after.history).toEqual(before.history);
    expect([...after.files.keys()].sort()).toEqual([...before.files.keys()].sort());
    for (const [key, bytes] of before.files) expect(after.files.get(key)!.equals(bytes), key).toBe(true);
  });

  it('leaves no PocketBase running once stopped, even after the restart', async () => {
    await pb.stop();
    // Give a stray process a moment to show; none should.
    await sleep(200);
    const left = await processesUsing(pb.dataDir);
    // Clean up whatever leaked before failing, so the machine is not left with a server.
    for (const pid of left) process.kill(pid, 'SIGKILL');
    expect(left).toEqual([]);
  });
});
