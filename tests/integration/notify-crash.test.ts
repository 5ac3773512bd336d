// The outbox across a crash (issue 14): PocketBase is killed with SIGKILL after the WhatsApp
// provider has received a message and before the sender could mark it sent. After a restart on the
// same data dir, that message is not sent again (it waits for staff as "mungkin sudah terkirim"),
// and a message that was still waiting at the time of the crash is sent exactly once.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import PocketBase from 'pocketbase';
import { freePort, migrateUp, startPocketBase, upsertSuperuser, SITE_DIR, type RunningPocketBase } from '../../scripts/lib/pocketbase.mjs';
import { startFakeWhatsApp, waEnv, type FakeWhatsApp } from '../support/whatsapp-cloud';
import { sampleApplicationForm } from '../support/application';
import { createStaff, portalOf } from '../support/staff';
import type { TestPocketBase } from '../support/pocketbase';
import type { PesanAntrean } from '../../src/lib/api/petugas';

const LEASE_S = 2;
const superuser = { email: 'penguji@dinsos.localhost', password: `uji-${randomUUID()}-Sandi` };
let dataDir = '';
let port = 0;
let server: RunningPocketBase | undefined;
let wa: FakeWhatsApp;

async function start(): Promise<RunningPocketBase> {
  const running = await startPocketBase({ dataDir, port, siteDir: SITE_DIR, env: waEnv(wa, { PORTAL_PESAN_SEWA_DETIK: String(LEASE_S), PORTAL_PESAN_OTOMATIS: '0' }) });
  if (running.hookErrors.length > 0) {
    await running.stop();
    throw new Error(`Hook PocketBase gagal dimuat:\n${running.hookErrors.join('\n')}`);
  }
  return running;
}

async function admin(): Promise<PocketBase> {
  const pb = new PocketBase(server!.url);
  pb.autoCancellation(false);
  await pb.collection('_superusers').authWithPassword(superuser.email, superuser.password);
  return pb;
}

/** 10.00 office time today: outside any sensible quiet hours. */
function daytime(plusMs = 0): Date {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 3) + plusMs);
}

beforeAll(async () => {
  wa = await startFakeWhatsApp();
  dataDir = await mkdtemp(path.join(tmpdir(), 'portal-pesan-crash-'));
  await migrateUp(dataDir);
  await upsertSuperuser(dataDir, superuser.email, superuser.password);
  port = await freePort();
  server = await start();
}, 60_000);

afterAll(async () => {
  await server?.stop();
  await wa?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

it('a SIGKILL between sending and marking sends nothing twice', async () => {
  const codes: string[] = [];
  for (let i = 0; i < 2; i++) {
    const res = await fetch(`${server!.url}/api/collections/permohonan/records`, { method: 'POST', body: sampleApplicationForm() });
    expect(res.status).toBe(200);
    codes.push(((await res.json()) as { kode_lacak: string }).kode_lacak);
  }
  // The provider has the first message; PocketBase dies before it hears the answer.
  let killed = false;
  wa.onRequest = async () => {
    if (killed) return;
    killed = true;
    await server!.stop('SIGKILL');
  };
  const pb = await admin();
  await pb.send('/api/pesan-keluar/proses', { method: 'POST', body: { sekarang: daytime().toISOString() } }).catch(() => undefined);
  expect(killed).toBe(true);
  expect(wa.requests).toHaveLength(1);
  const first = wa.requests[0]!;
  expect(codes.some((c) => first.body.includes(c))).toBe(true);
  const sentCode = codes.find((c) => first.body.includes(c))!;
  const waitingCode = codes.find((c) => c !== sentCode)!;

  server = await start();
  const after = await admin();
  const rowOf = async (code: string) => after.collection('pesan_keluar').getFirstListItem(after.filter('kode_lacak = {:k}', { k: code }));
  // The claim was committed before the send: the crash left it "mengirim", with its lease.
  expect((await rowOf(sentCode))['status']).toBe('mengirim');
  expect((await rowOf(waitingCode))['status']).toBe('menunggu');

  // While the lease runs, nobody takes it; after it, the unknown outcome goes to staff, unsent.
  await after.send('/api/pesan-keluar/proses', { method: 'POST', body: { sekarang: daytime(500).toISOString() } });
  expect(wa.requests.filter((r) => r.body.includes(sentCode))).toHaveLength(1);
  expect(wa.requests.filter((r) => r.body.includes(waitingCode))).toHaveLength(1);
  expect((await rowOf(waitingCode))['status']).toBe('terkirim');
  for (const later of [LEASE_S * 1000 + 1000, LEASE_S * 1000 + 60_000, 86_400_000]) {
    await after.send('/api/pesan-keluar/proses', { method: 'POST', body: { sekarang: daytime(later).toISOString() } });
  }
  expect(wa.requests.filter((r) => r.body.includes(sentCode))).toHaveLength(1);
  expect(wa.requests.filter((r) => r.body.includes(waitingCode))).toHaveLength(1);
  const uncertain = await rowOf(sentCode);
  expect(uncertain['status']).toBe('tidak_pasti');
  expect(uncertain['percobaan']).toBe(1);

  // Staff who handle the request see it in "Belum terhubungi", saying it may have arrived.
  const office = portalOf().roles.find((r) => r.account && r.cases && !r.field)!;
  const handle = { url: server!.url, admin: after } as unknown as TestPocketBase;
  const account = await createStaff(handle, { nama: 'Uji Petugas Kantor', peran: [office.id] });
  const res = await fetch(`${server!.url}/api/petugas/pesan`, { headers: { Authorization: account.client.authStore.token } });
  const queue = (await res.json()) as PesanAntrean;
  const item = queue.items.find((i) => i.kasus.kode === sentCode);
  expect(item?.status).toBe('tidak_pasti');
  expect(item?.status_label).toMatch(/mungkin/i);
}, 90_000);
