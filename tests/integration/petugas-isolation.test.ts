// Least privilege for personal data (issue 11 point 3): a field worker sees only the requests and
// reports assigned to them, and only what a home visit needs, through every door: records,
// files, realtime, batch and the workspace's own routes. Every opening of a protected document is
// logged; the log is readable by the roles given `log-akses`. Files are never cached.
import { describe, expect, it } from 'vitest';
import type { RecordModel } from 'pocketbase';
import { usePocketBase } from '../support/pocketbase';
import { applyAsSamplePerson, reportAsSamplePerson, SAMPLE_PERSON } from '../support/application';
import { act, createStaff, portalOf, staffTeam, type StaffAccount } from '../support/staff';
import type { Antrean, Kasus, LogAkses } from '../../src/lib/api/petugas';

const pb = usePocketBase({ rateLimits: false });
const data = portalOf();
const fieldRole = data.roles.find((r) => r.account && r.field && r.documents.length > 0)!;
const officeRole = data.roles.find((r) => r.account && !r.field && r.cases)!;
const logReader = data.roles.find((r) => r.account && r.can.includes('log-akses'))!;

async function request(): Promise<RecordModel> {
  const code = await applyAsSamplePerson(pb.url);
  return pb.admin.collection('permohonan').getFirstListItem(pb.admin.filter('kode_lacak = {:k}', { k: code }));
}

async function assign(record: RecordModel, worker: StaffAccount) {
  const team = await staffTeam(pb);
  const assigner = Object.values(team).find((a) => data.roles.some((r) => a.roles.includes(r.id) && r.can.includes('tugaskan')))!;
  const res = await act(pb, assigner, 'permohonan', record.id, { aksi: 'tugaskan', petugas_lapangan: worker.id });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

const get = (account: StaffAccount, path: string) => fetch(`${pb.url}${path}`, { headers: { Authorization: account.client.authStore.token } });

/** Events a client receives on `topic` within `ms` while `during` runs (PocketBase's SSE). */
async function realtimeEvents(account: StaffAccount, topic: string, during: () => Promise<void>, ms = 1500): Promise<string[]> {
  const controller = new AbortController();
  const res = await fetch(`${pb.url}/api/realtime`, { signal: controller.signal });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const events: string[] = [];
  let buffer = '';
  let clientId = '';
  const pump = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let at;
        while ((at = buffer.indexOf('\n\n')) >= 0) {
          const chunk = buffer.slice(0, at);
          buffer = buffer.slice(at + 2);
          const id = /^id:(.*)$/m.exec(chunk)?.[1]?.trim();
          const event = /^event:(.*)$/m.exec(chunk)?.[1]?.trim();
          if (event === 'PB_CONNECT' && id) clientId = id;
          else if (event) events.push(chunk);
        }
      }
    } catch {
      // aborted at the end
    }
  })();
  for (let i = 0; i < 50 && !clientId; i++) await new Promise((r) => setTimeout(r, 50));
  const sub = await fetch(`${pb.url}/api/realtime`, { method: 'POST', headers: { 'content-type': 'application/json', Authorization: account.client.authStore.token }, body: JSON.stringify({ clientId, subscriptions: [topic] }) });
  expect(sub.status).toBe(204);
  await during();
  await new Promise((r) => setTimeout(r, ms));
  controller.abort();
  await pump;
  return events;
}

describe('a field worker', () => {
  it('sees only what is assigned to them, in the records API, the workspace and realtime', async () => {
    const team = await staffTeam(pb);
    const mine = team[fieldRole.id]!;
    const other = await createStaff(pb, { nama: 'TKSK Lain', peran: [fieldRole.id], kecamatan: data.kecamatan.map((k) => k.id) });
    const assigned = await request();
    const notAssigned = await request();
    await assign(assigned, mine);

    const list = await mine.client.collection('permohonan').getFullList();
    expect(list.map((r) => r.id)).toEqual([assigned.id]);
    expect(await mine.client.collection('permohonan').getOne(notAssigned.id).catch((e: { status: number }) => e.status)).toBe(404);
    expect((await other.client.collection('permohonan').getFullList()).map((r) => r.id)).toEqual([]);
    // The history of a request not assigned to them is closed too.
    expect((await mine.client.collection('riwayat_permohonan').getFullList()).every((h) => h['permohonan'] === assigned.id)).toBe(true);

    expect((await get(mine, `/api/petugas/kasus/permohonan/${notAssigned.id}`)).status).toBe(404);
    const view = (await (await get(mine, `/api/petugas/kasus/permohonan/${assigned.id}`)).json()) as Kasus;
    expect(view.orang['nama']).toBe(SAMPLE_PERSON.nama_lengkap);
    expect(view.orang['nik']).toBeNull();
    expect(view.orang['nomor_kk']).toBeNull();
    expect(view.orang['tanggal_lahir']).toBeNull();
    expect(view.kelayakan).toEqual([]);
    expect(view.dokumen.every((d) => fieldRole.documents.includes(d.kunci))).toBe(true);
    const queue = (await (await get(mine, '/api/petugas/antrean')).json()) as Antrean;
    expect(queue.item.map((i) => i.id)).toEqual([assigned.id]);

    // Realtime: an event for the assigned request reaches them; one for another request does not.
    const events = await realtimeEvents(mine, 'permohonan/*', async () => {
      await pb.admin.collection('permohonan').update(assigned.id, { kategori_ppks: data.ppks[0]!.id });
      await pb.admin.collection('permohonan').update(notAssigned.id, { kategori_ppks: data.ppks[0]!.id });
    });
    expect(events.some((e) => e.includes(assigned.id))).toBe(true);
    expect(events.some((e) => e.includes(notAssigned.id))).toBe(false);
    // Even the assigned one carries no personal field in the record API's answer.
    for (const e of events) expect(e).not.toContain(SAMPLE_PERSON.nik);
  });

  it('cannot change a request through a batch either', async () => {
    const team = await staffTeam(pb);
    const mine = team[fieldRole.id]!;
    const target = await request();
    const res = await fetch(`${pb.url}/api/batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', Authorization: mine.client.authStore.token },
      body: JSON.stringify({ requests: [{ method: 'PATCH', url: `/api/collections/permohonan/records/${target.id}`, body: { kategori_ppks: data.ppks[0]!.id } }] }),
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect((await pb.admin.collection('permohonan').getOne(target.id))['kategori_ppks']).toBe('');
  });

  it('opens only the documents their role needs, and only of an assigned request; every opening is logged', async () => {
    const team = await staffTeam(pb);
    const mine = team[fieldRole.id]!;
    const assigned = await request();
    const notAssigned = await request();
    await assign(assigned, mine);
    const token = await mine.client.files.getToken();
    const services = data.services.find((s) => s.id === assigned['layanan'])!;
    const allowedDoc = services.documents.find((d) => fieldRole.documents.includes(d.key) && assigned[d.key])!;
    const forbiddenDoc = services.documents.find((d) => !fieldRole.documents.includes(d.key) && assigned[d.key])!;
    const open = (r: RecordModel, field: string) => fetch(`${pb.url}/api/files/permohonan/${r.id}/${r[field]}?token=${token}`);
    const ok = await open(assigned, allowedDoc.key);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('cache-control')).toBe('private, no-store');
    expect((await open(assigned, forbiddenDoc.key)).status).toBe(404);
    expect((await open(notAssigned, allowedDoc.key)).status).toBe(404);

    const office = team[officeRole.id]!;
    const officeToken = await office.client.files.getToken();
    expect((await fetch(`${pb.url}/api/files/permohonan/${assigned.id}/${assigned[forbiddenDoc.key]}?token=${officeToken}&thumb=100x100`)).status).toBe(200);

    // The access log: who, which document, when; readable by the roles with log-akses only.
    const reader = team[logReader.id]!;
    const log = (await (await get(reader, '/api/petugas/log-akses')).json()) as LogAkses;
    const ofThis = log.item.filter((i) => i.kode === assigned['kode_lacak']);
    expect(ofThis).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ oleh: expect.stringContaining(mine.nama), dokumen: allowedDoc.key, ditolak: false }),
        expect.objectContaining({ oleh: expect.stringContaining(mine.nama), dokumen: forbiddenDoc.key, ditolak: true }),
        expect.objectContaining({ oleh: expect.stringContaining(office.nama), dokumen: forbiddenDoc.key, ditolak: false }),
      ]),
    );
    expect((await get(mine, '/api/petugas/log-akses')).status).toBe(403);
    expect((await mine.client.collection('log_akses').getFullList()).length).toBe(0);
    expect((await reader.client.collection('log_akses').getFullList()).length).toBeGreaterThan(0);
  });

  it('sees a report only when it is assigned to them', async () => {
    const team = await staffTeam(pb);
    const mine = team[fieldRole.id]!;
    const code = await reportAsSamplePerson(pb.url, {}, 1);
    const report = await pb.admin.collection('laporan').getFirstListItem(pb.admin.filter('kode_lacak = {:k}', { k: code }));
    expect((await get(mine, `/api/petugas/kasus/laporan/${report.id}`)).status).toBe(404);
    const front = Object.values(team).find((a) => data.roles.some((r) => a.roles.includes(r.id) && r.can.includes('laporan')))!;
    expect((await act(pb, front, 'laporan', report.id, { aksi: 'tugaskan', ditugaskan_ke: mine.id })).status).toBe(200);
    const view = await get(mine, `/api/petugas/kasus/laporan/${report.id}`);
    expect(view.status).toBe(200);
    const photo = (report['foto'] as string[])[0]!;
    const token = await mine.client.files.getToken();
    expect((await fetch(`${pb.url}/api/files/laporan/${report.id}/${photo}?token=${token}`)).status).toBe(200);
  });
});
