// Crash safety: 200 submissions with files while PocketBase is killed with SIGKILL part-way
// and restarted on the same data dir. Afterwards every acknowledged submission is stored once,
// with all its files, and nothing is half-stored (a record without its files, or files in
// storage without a record).
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import PocketBase from 'pocketbase';
import type { RecordModel } from 'pocketbase';
import {
  freePort,
  migrateUp,
  startPocketBase,
  upsertSuperuser,
  SITE_DIR,
  type RunningPocketBase,
} from '../../scripts/lib/pocketbase.mjs';
import { applicationForm, applicationVectors, photoFile, reportForm, SAMPLE_REPORT } from '../support/application';

const TOTAL = 200;
/** Every fifth submission is a report, the rest are applications. */
const REPORT_EVERY = 5;
const CONCURRENCY = 6;
/** The kill comes once this many submissions have been answered, with others in flight. */
const KILL_AFTER_ACKS = 80;
/** Bytes of each report photo as reportForm sends it. */
const REPORT_PHOTO_BYTES = photoFile('foto').size;
const REPORT_PHOTOS = 2;

interface Submission {
  index: number;
  collection: 'permohonan' | 'laporan';
  id: string;
  attempts: number;
  /** The answer that counted: 200 with the tracking code. */
  ack?: { kode_lacak: string; ulang: boolean };
}

const application = applicationVectors()[0]!;
/** File fields sent with each application, and their sizes. */
const applicationFiles = Object.entries(application.files).filter(
  (entry): entry is [string, NonNullable<(typeof entry)[1]>] => entry[1] !== null,
);

function body(s: Submission): FormData {
  if (s.collection === 'permohonan') return applicationForm({ ...application.input, id_pengiriman: s.id }, application.files);
  return reportForm({ ...SAMPLE_REPORT, id_pengiriman: s.id }, REPORT_PHOTOS);
}

const superuser = { email: 'penguji@dinsos.localhost', password: `uji-${randomUUID()}-Sandi` };
let dataDir = '';
let port = 0;
let server: RunningPocketBase | undefined;
/** Storage folder of each collection: <dataDir>/storage/<collectionId>. */
const storageDir: Record<string, string> = {};

async function start(): Promise<RunningPocketBase> {
  const running = await startPocketBase({ dataDir, port, siteDir: SITE_DIR });
  if (running.hookErrors.length > 0) {
    await running.stop();
    throw new Error(`Hook PocketBase gagal dimuat:\n${running.hookErrors.join('\n')}`);
  }
  return running;
}

async function adminClient(): Promise<PocketBase> {
  const pb = new PocketBase(server!.url);
  pb.autoCancellation(false);
  await pb.collection('_superusers').authWithPassword(superuser.email, superuser.password);
  return pb;
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'portal-crash-'));
  await migrateUp(dataDir);
  await upsertSuperuser(dataDir, superuser.email, superuser.password);
  port = await freePort();
  server = await start();
  const admin = await adminClient();
  // 200 submissions come from one address.
  await admin.settings.update({ rateLimits: { enabled: false } });
  for (const name of ['permohonan', 'laporan']) storageDir[name] = path.join(dataDir, 'storage', (await admin.collections.getOne(name)).id);
});

afterAll(async () => {
  await server?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** Names of the entries in a directory; none when it does not exist. */
async function entries(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

async function sizeOf(file: string): Promise<number> {
  try {
    return (await stat(file)).size;
  } catch {
    return -1;
  }
}

describe('a crash while submissions with files arrive', () => {
  it('keeps every acknowledged submission once, whole, and nothing half-stored', async () => {
    const started = Date.now();
    const submissions: Submission[] = Array.from({ length: TOTAL }, (_, index) => ({
      index,
      collection: index % REPORT_EVERY === REPORT_EVERY - 1 ? 'laporan' : 'permohonan',
      id: randomUUID(),
      attempts: 0,
    }));

    // Requests wait on `up` while the server is down, and retry with the same submission id
    // once it is back, as the form does.
    let up: Promise<void> = Promise.resolve();
    let acked = 0;
    let inFlight = 0;
    let kill: { acked: number; inFlight: number; downMs: number; folders: Set<string> } | undefined;
    // Whether the kill lands between a file write and its commit is luck; this folder is what
    // such a kill leaves, so that case is covered on every run.
    const planted = 'tanpadata' + Date.now().toString(36);
    let restarting: Promise<void> | undefined;

    const crashAndRestart = async () => {
      let release!: () => void;
      up = new Promise((resolve) => (release = resolve));
      const t0 = Date.now();
      kill = { acked, inFlight, downMs: 0, folders: new Set() };
      try {
        await server!.stop('SIGKILL');
        for (const dir of Object.values(storageDir)) for (const folder of await entries(dir)) kill.folders.add(folder);
        await mkdir(path.join(storageDir['permohonan']!, planted), { recursive: true });
        await writeFile(path.join(storageDir['permohonan']!, planted, 'ktp_tanpadata.jpg'), new Uint8Array(1000));
        await writeFile(path.join(storageDir['permohonan']!, planted, 'ktp_tanpadata.jpg.attrs'), '{}');
        server = await start();
        kill.downMs = Date.now() - t0;
      } finally {
        release(); // on a failed restart the senders give up after their retries
      }
    };

    const send = async (s: Submission): Promise<void> => {
      for (;;) {
        await up;
        s.attempts++;
        if (s.attempts > 20) throw new Error(`pengiriman ${s.index} tidak pernah berhasil`);
        inFlight++;
        let status = 0;
        let answer: { kode_lacak?: string; ulang?: boolean } = {};
        try {
          const res = await fetch(`${server!.url}/api/collections/${s.collection}/records`, { method: 'POST', body: body(s) });
          status = res.status;
          answer = (await res.json()) as typeof answer;
        } catch {
          status = 0; // connection refused or cut by the kill
        } finally {
          inFlight--;
        }
        if (status === 200) {
          expect(answer.kode_lacak, `answer to submission ${s.index}`).toMatch(/\S/);
          s.ack = { kode_lacak: answer.kode_lacak!, ulang: answer.ulang === true };
          acked++;
          if (acked === KILL_AFTER_ACKS) restarting = crashAndRestart();
          return;
        }
        if (status !== 0 && status < 500) throw new Error(`pengiriman ${s.index} ditolak: ${status} ${JSON.stringify(answer)}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    };

    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < submissions.length) await send(submissions[next++]!);
      }),
    );
    await restarting;

    // The crash really happened part-way, with requests in flight, and cost some of them an answer.
    expect(kill, 'PocketBase was killed').toBeDefined();
    expect(kill!.inFlight).toBeGreaterThan(0);
    const retried = submissions.filter((s) => s.attempts > 1);
    expect(retried.length).toBeGreaterThan(0);
    expect(submissions.every((s) => s.ack)).toBe(true);

    const admin = await adminClient();
    let total = 0;
    for (const name of ['permohonan', 'laporan']) total += (await admin.collection(name).getList(1, 1, { fields: 'id' })).totalItems;
    expect(total).toBe(TOTAL);
    const fileFields = async (name: string) =>
      (await admin.collections.getOne(name)).fields.filter((f) => f.type === 'file').map((f) => f.name as string);

    // Every problem found, so that a failure shows all of them at once.
    const problems: string[] = [];
    for (const name of ['permohonan', 'laporan'] as const) {
      const sent = submissions.filter((s) => s.collection === name);
      const records = await admin.collection(name).getFullList({ batch: 500 });
      const history = await admin.collection(name === 'permohonan' ? 'riwayat_permohonan' : 'riwayat_laporan').getFullList({ batch: 1000 });

      // Exactly one record per submission, with the code its answer gave.
      if (records.length !== sent.length) problems.push(`${name}: ${records.length} records for ${sent.length} submissions`);
      const bySubmission = new Map<string, RecordModel[]>();
      for (const r of records) bySubmission.set(r['id_pengiriman'] as string, [...(bySubmission.get(r['id_pengiriman'] as string) ?? []), r]);
      for (const s of sent) {
        const stored = bySubmission.get(s.id) ?? [];
        if (stored.length !== 1) problems.push(`${name}: submission ${s.index} stored ${stored.length} times`);
        else if (stored[0]!['kode_lacak'] !== s.ack!.kode_lacak) problems.push(`${name}: submission ${s.index} has another code than its answer`);
      }
      if (new Set(records.map((r) => r['kode_lacak'])).size !== records.length) problems.push(`${name}: a tracking code is used twice`);

      // Every record has its first history entry (saved in the same transaction).
      const firstEntries = new Set(history.filter((h) => h['status'] === 'diterima').map((h) => h[name] as string));
      for (const r of records) if (!firstEntries.has(r.id)) problems.push(`${name} ${r.id}: no first history entry`);

      // Every record has all the files it was sent with, on disk and whole.
      const collectionDir = storageDir[name]!;
      const expected: [string, number, number][] =
        name === 'permohonan' ? applicationFiles.map(([field, info]) => [field, 1, info.size]) : [['foto', REPORT_PHOTOS, REPORT_PHOTO_BYTES]];
      const named = (r: RecordModel, field: string): string[] => {
        const value = r[field] as string | string[] | undefined;
        return Array.isArray(value) ? value : value ? [value] : [];
      };
      for (const r of records) {
        for (const [field, count, size] of expected) {
          const files = named(r, field);
          if (files.length !== count) problems.push(`${name} ${r.id}: ${files.length} files in ${field}, not ${count}`);
          for (const file of files) {
            const onDisk = await sizeOf(path.join(collectionDir, r.id, file));
            if (onDisk !== size) problems.push(`${name} ${r.id}: ${field} file is ${onDisk < 0 ? 'missing' : `${onDisk} bytes`} on disk`);
          }
        }
      }

      // No files without a record: each storage dir belongs to a record and holds only its files.
      const fields = await fileFields(name);
      const byId = new Map(records.map((r) => [r.id, r]));
      for (const dir of await entries(collectionDir)) {
        const record = byId.get(dir);
        const onDisk = (await entries(path.join(collectionDir, dir))).sort();
        if (!record) {
          problems.push(`${name}: storage dir ${dir} (${onDisk.length} files) without a record`);
          continue;
        }
        // PocketBase keeps each file's metadata beside it in "<file>.attrs".
        const referenced = fields.flatMap((f) => named(record, f)).flatMap((f) => [f, `${f}.attrs`]).sort();
        if (onDisk.join() !== referenced.join()) problems.push(`${name} ${dir}: files on disk ${onDisk.join()} but record names ${referenced.join()}`);
      }
    }
    expect(problems).toEqual([]);
    expect(existsSync(path.join(storageDir['permohonan']!, planted))).toBe(false);
    expect(server!.logs.some((l) => /Berkas sisa pengiriman yang terputus dihapus: \d+ folder/.test(l))).toBe(true);

    const durationMs = Date.now() - started;
    const repeated = submissions.filter((s) => s.ack!.ulang).length;
    // Folders present at the kill that belong to no record were half-stored submissions.
    const stored = new Set<string>();
    for (const name of ['permohonan', 'laporan']) for (const r of await admin.collection(name).getFullList({ fields: 'id', batch: 500 })) stored.add(r.id);
    const orphansFromKill = [...kill!.folders].filter((f) => !stored.has(f)).length;
    console.info(
      `crash-safety: ${TOTAL} submissions, killed after ${kill!.acked} answers with ${kill!.inFlight} in flight, ` +
        `down ${kill!.downMs} ms, ${retried.length} retried (${repeated} answered as repeats), ` +
        `${orphansFromKill} folders without a record left by the kill, ${durationMs} ms`,
    );
  }, 120_000);
});
