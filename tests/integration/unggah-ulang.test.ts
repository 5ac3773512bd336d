// Re-upload by code (issue 14 point 2) against a real PocketBase: the applicant's proof, its
// lockout, the upload of exactly the asked documents, the version kept until the request closes,
// the chained history entry, and the workspace's view of it.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { checkHistoryChain, usePocketBase } from '../support/pocketbase';
import { advance, portalOf, staffTeam } from '../support/staff';
import { applyAsSamplePerson, photoFile, SAMPLE_PERSON, SAMPLE_PERSONAL_STRINGS } from '../support/application';
import { pngBomb } from '../support/hostile';
import { REPAIR } from '../support/records';
import { flowContextOf } from '../../src/lib/portal-data';
import { PROOF_MAX_FAILURES, PROOF_MISMATCH_MESSAGE } from '../../src/lib/rules/proof';
import { waitFor } from '../support/wait';

const pb = usePocketBase({ rateLimits: false });
const data = portalOf();

/** The first service with at least two image documents (so one can be asked for and another not). */
const service = data.services.find((s) => s.documents.filter((d) => d.accept.includes('image/png')).length >= 2)!;
const imageDocs = service.documents.filter((d) => d.accept.includes('image/png'));
const asked = imageDocs[0]!;
const notAsked = imageDocs[1]!;
const LAST4 = SAMPLE_PERSON.telepon.replace(/\D/g, '').slice(-4);

async function prove(code: string, bukti_jenis: string, bukti_nilai: string) {
  const res = await fetch(`${pb.url}/api/lacak/${encodeURIComponent(code)}/bukti`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ bukti_jenis, bukti_nilai }) });
  const text = await res.text();
  return { status: res.status, text, body: JSON.parse(text) as Record<string, unknown> & { data?: Record<string, { message: string }> } };
}

async function send(code: string, token: string, files: Record<string, File>, submissionId = randomUUID()) {
  const form = new FormData();
  form.append('bukti', token);
  form.append('id_pengiriman', submissionId);
  for (const [key, file] of Object.entries(files)) form.append(key, file);
  const res = await fetch(`${pb.url}/api/lacak/${encodeURIComponent(code)}/unggah`, { method: 'POST', body: form });
  const text = await res.text();
  return { status: res.status, text, body: JSON.parse(text) as Record<string, unknown> & { data?: Record<string, { message: string }> } };
}

/** A request of `service` waiting for a repair of `asked`: its code and record id. */
async function inRepair(): Promise<{ code: string; id: string }> {
  const code = await applyAsSamplePerson(pb.url, { layanan: service.id });
  const rec = await pb.admin.collection('permohonan').getFirstListItem(pb.admin.filter('kode_lacak = {:k}', { k: code }));
  await advance(pb, 'permohonan', rec.id, REPAIR, { repairDocuments: [asked.key] });
  return { code, id: rec.id };
}

describe('proof on /lacak/', () => {
  it('refuses a malformed proof on its field, before looking at any request', async () => {
    const { code } = await inRepair();
    const noKind = await prove(code, 'nama_ibu', 'Siti');
    expect(noKind.status).toBe(400);
    expect(noKind.body.data?.['bukti_jenis']?.message).toMatch(/Pilih data/);
    const badDate = await prove(code, 'tanggal_lahir', '1980-02-31');
    expect(badDate.status).toBe(400);
    expect(badDate.body.data?.['bukti_nilai']?.message).toMatch(/Tanggal lahir tidak sah/);
    const badPhone = await prove(code, 'telepon', '12a');
    expect(badPhone.body.data?.['bukti_nilai']?.message).toMatch(/4 angka terakhir/);
    const badCode = await prove('bukan-kode', 'telepon', LAST4);
    expect(badCode.status).toBe(400);
    expect(badCode.body.data?.['kode']?.message).toMatch(/Kode pelacakan tidak sah/);
  });

  it('answers an unknown code exactly as a wrong fact, and never names the person', async () => {
    const { code } = await inRepair();
    const wrong = await prove(code, 'telepon', LAST4 === '0000' ? '1111' : '0000');
    const unknown = await prove(`${data.site.trackingPrefix}-222-222-222`, 'telepon', LAST4);
    expect(wrong.status).toBe(403);
    expect(unknown.status).toBe(wrong.status);
    expect(unknown.body).toEqual(wrong.body);
    expect(String(wrong.body['message'])).toContain(PROOF_MISMATCH_MESSAGE);
    for (const value of SAMPLE_PERSONAL_STRINGS) expect(wrong.text).not.toContain(value);
  });

  it(`locks the code after ${PROOF_MAX_FAILURES} wrong proofs, even against the right one, the same for an unknown code`, async () => {
    const { code } = await inRepair();
    const unknown = `${data.site.trackingPrefix}-333-333-333`;
    const statuses: number[] = [];
    const unknownStatuses: number[] = [];
    for (let i = 0; i < PROOF_MAX_FAILURES; i++) {
      statuses.push((await prove(code, 'tanggal_lahir', '1999-01-01')).status);
      unknownStatuses.push((await prove(unknown, 'tanggal_lahir', '1999-01-01')).status);
    }
    expect(statuses).toEqual([...Array(PROOF_MAX_FAILURES - 1).fill(403), 429]);
    expect(unknownStatuses).toEqual(statuses);
    const right = await prove(code, 'tanggal_lahir', SAMPLE_PERSON.tanggal_lahir);
    expect(right.status).toBe(429);
    expect(String(right.body['message'])).toMatch(/dikunci sampai pukul \d{2}\.\d{2}/);
    // The lock is per code: another request is not affected.
    const other = await inRepair();
    expect((await prove(other.code, 'telepon', LAST4)).status).toBe(200);
  });

  it('gives a short-lived token and the documents asked for, nothing personal', async () => {
    const { code } = await inRepair();
    const res = await prove(code.toLowerCase(), 'tanggal_lahir', SAMPLE_PERSON.tanggal_lahir);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['berlaku_sampai', 'dokumen', 'token']);
    expect((res.body['dokumen'] as { kunci: string }[]).map((d) => d.kunci)).toEqual([asked.key]);
    for (const value of SAMPLE_PERSONAL_STRINGS) expect(res.text).not.toContain(value);
    const byPhone = await prove(code, 'telepon', ` ${LAST4.slice(0, 2)}-${LAST4.slice(2)} `);
    expect(byPhone.status).toBe(200);
  });
});

describe('re-upload of the asked documents', () => {
  it('refuses without a valid proof, another code’s proof, or a forged one', async () => {
    const a = await inRepair();
    const b = await inRepair();
    const token = String((await prove(a.code, 'telepon', LAST4)).body['token']);
    expect((await send(a.code, '', { [asked.key]: photoFile('x') })).status).toBe(401);
    expect((await send(b.code, token, { [asked.key]: photoFile('x') })).status).toBe(401);
    const forged = token.replace(/.$/, (c) => (c === '0' ? '1' : '0'));
    expect((await send(a.code, forged, { [asked.key]: photoFile('x') })).status).toBe(401);
    const expired = token.replace(/\.(\d+)\./, '.1000.');
    expect((await send(a.code, expired, { [asked.key]: photoFile('x') })).status).toBe(401);
  });

  it('takes only the asked documents, each checked as on the form', async () => {
    const { code } = await inRepair();
    const token = String((await prove(code, 'telepon', LAST4)).body['token']);
    const extra = await send(code, token, { [asked.key]: photoFile('a'), [notAsked.key]: photoFile('b') });
    expect(extra.status).toBe(400);
    expect(extra.body.data?.[notAsked.key]?.message).toMatch(/tidak diminta petugas/);
    const missing = await send(code, token, {});
    expect(missing.body.data?.[asked.key]?.message).toBe(`Unggah ${asked.label}.`);
    const bomb = await send(code, token, { [asked.key]: new File([new Uint8Array(await pngBomb())], 'bom.png', { type: 'image/png' }) });
    expect(bomb.status).toBe(400);
    expect(bomb.body.data?.[asked.key]?.message).toMatch(/terlalu besar untuk diproses/);
    const html = await send(code, token, { [asked.key]: new File(['<html><script>alert(1)</script></html>'], 'foto.jpg', { type: 'image/jpeg' }) });
    expect(html.status).toBe(400);
    expect(html.body.data?.[asked.key]?.message).toMatch(new RegExp(asked.label.replace(/[()]/g, '.')));
    const rec = await pb.admin.collection('permohonan').getFirstListItem(pb.admin.filter('kode_lacak = {:k}', { k: code }));
    expect(rec['status']).toBe(REPAIR);
  });

  it('replaces the file, keeps the old one as a version, returns to verification with a chained entry, once', async () => {
    const { code, id } = await inRepair();
    const before = await pb.admin.collection('permohonan').getOne(id);
    const oldName = String(before[asked.key]);
    const token = String((await prove(code, 'tanggal_lahir', SAMPLE_PERSON.tanggal_lahir)).body['token']);
    const submission = randomUUID();
    const res = await send(code, token, { [asked.key]: photoFile('ganti') }, submission);
    expect(res.status).toBe(200);
    const after = await pb.admin.collection('permohonan').getOne(id);
    const step = flowContextOf(data, service.id).steps[Number(after['langkah'])]!;
    expect(after['status']).toBe(step.stage);
    expect(after['status']).toBe(res.body['status']);
    expect(after['dokumen_perbaikan']).toEqual([]);
    expect(String(after[asked.key])).not.toBe(oldName);
    expect(String(after[asked.key])).toMatch(new RegExp(`^${asked.key}_[a-z0-9]+`));

    const versions = await pb.admin.collection('versi_dokumen').getFullList({ filter: pb.admin.filter('permohonan = {:id}', { id }) });
    expect(versions.map((v) => v['dokumen'])).toEqual([asked.key]);
    const fileToken = await pb.admin.files.getToken();
    const old = await fetch(pb.admin.files.getURL(versions[0]!, String(versions[0]!['berkas']), { token: fileToken }));
    expect(old.status).toBe(200);
    expect(Buffer.from(await old.arrayBuffer()).subarray(1, 4).toString()).toBe('PNG');

    const history = await pb.admin.collection('riwayat_permohonan').getFullList({ filter: pb.admin.filter('permohonan = {:id}', { id }), sort: 'urutan' });
    const last = history[history.length - 1]!;
    expect(last['jenis']).toBe('unggah_ulang');
    expect(last['status_dari']).toBe(REPAIR);
    expect(last['petugas']).toBe('pemohon (lewat portal)');
    expect(String(last['catatan_publik'])).toContain(asked.label);

    // A retry of the same send (its answer lost) changes nothing.
    const again = await send(code, token, { [asked.key]: photoFile('ganti') }, submission);
    expect(again.status).toBe(200);
    expect(again.body['ulang']).toBe(true);
    expect((await pb.admin.collection('riwayat_permohonan').getFullList({ filter: pb.admin.filter('permohonan = {:id}', { id }) })).length).toBe(history.length);
    // Not in repair any more: nothing to send.
    const token2 = String((await prove(code, 'telepon', LAST4)).body['token']);
    expect((await send(code, token2, { [asked.key]: photoFile('lagi') })).status).toBe(409);

    // The public tracking answer shows the step, no file name.
    const tracking = await (await fetch(`${pb.url}/api/lacak/${code}`)).text();
    expect(tracking).toContain('Dokumen perbaikan diterima melalui portal');
    expect(tracking).not.toMatch(/\.(png|jpg|pdf)/);

    expect((await checkHistoryChain(pb.dataDir)).code).toBe(0);
  });

  it('shows the workspace the earlier version, logs its opening, and drops versions when the request closes', async () => {
    const { code, id } = await inRepair();
    const token = String((await prove(code, 'telepon', LAST4)).body['token']);
    expect((await send(code, token, { [asked.key]: photoFile('baru') })).status).toBe(200);
    const team = await staffTeam(pb);
    // An office role that reads cases (a field worker sees only what is assigned to them).
    const viewer = Object.values(team).find((a) => data.roles.some((r) => r.id === a.roles[0] && !r.field && r.cases))!;
    const res = await fetch(`${pb.url}/api/petugas/kasus/permohonan/${id}`, { headers: { Authorization: viewer.client.authStore.token } });
    expect(res.status).toBe(200);
    const kasus = (await res.json()) as { dokumen: { kunci: string; versi: { id: string; berkas: string; oleh: string }[] }[]; riwayat: { jenis: string }[] };
    const doc = kasus.dokumen.find((d) => d.kunci === asked.key)!;
    expect(doc.versi.length).toBe(1);
    expect(doc.versi[0]!.oleh).toBe('pemohon (lewat portal)');
    const fileToken = await viewer.client.files.getToken();
    const opened = await fetch(`${pb.url}/api/files/versi_dokumen/${doc.versi[0]!.id}/${doc.versi[0]!.berkas}?token=${fileToken}`);
    expect(opened.status).toBe(200);
    const log = await pb.admin.collection('log_akses').getFullList({ filter: pb.admin.filter('rekaman = {:r}', { r: doc.versi[0]!.id }) });
    expect(log.map((l) => [l['koleksi'], l['dokumen'], l['kode_lacak']])).toEqual([['versi_dokumen', asked.key, code]]);
    // A guest never reads a version.
    expect((await fetch(`${pb.url}/api/collections/versi_dokumen/records`)).status).toBe(200);
    expect(((await (await fetch(`${pb.url}/api/collections/versi_dokumen/records`)).json()) as { items: unknown[] }).items).toEqual([]);

    const closing = data.statuses.find((s) => s.meaning === 'cancelled')!;
    await advance(pb, 'permohonan', id, closing.id);
    expect(await pb.admin.collection('versi_dokumen').getFullList({ filter: pb.admin.filter('permohonan = {:id}', { id }) })).toEqual([]);
  });
});

describe('an administrator replacing a document in the admin UI', () => {
  it('keeps the old file as a version too (PocketBase alone would delete it)', async () => {
    const { id } = await inRepair();
    const form = new FormData();
    form.append(asked.key, photoFile('dari-admin'));
    await pb.admin.collection('permohonan').update(id, form);
    const versions = await pb.admin.collection('versi_dokumen').getFullList({ filter: pb.admin.filter('permohonan = {:id}', { id }) });
    expect(versions.map((v) => [v['dokumen'], v['diganti_oleh']])).toEqual([[asked.key, 'administrator']]);
  });
});

describe('old counters', () => {
  it('forgets wrong-proof counters a day old once their lock has run out, and keeps a live lock', async () => {
    const unknown = `${data.site.trackingPrefix}-555-555-555`;
    for (let i = 0; i < 2; i++) await prove(unknown, 'telepon', '1234');
    const rows = await pb.admin.collection('bukti_pemohon').getFullList();
    expect(rows.length).toBeGreaterThan(0);
    const old = (d: Date) => d.toISOString().replace('T', ' ');
    const db = new DatabaseSync(path.join(pb.dataDir, 'data.db'));
    try {
      db.exec('PRAGMA busy_timeout = 10000');
      db.prepare("UPDATE bukti_pemohon SET updated = ? WHERE terkunci_sampai = '' OR terkunci_sampai < ?").run(old(new Date(Date.now() - 2 * 86_400_000)), old(new Date()));
    } finally {
      db.close();
    }
    const locked = rows.filter((r) => r['terkunci_sampai'] && new Date(String(r['terkunci_sampai']).replace(' ', 'T')).getTime() > Date.now()).length;
    await pb.admin.crons.run('lupakan_bukti_salah');
    // The job runs after the answer: wait until the old counters are gone, then count what stayed.
    await waitFor(async () => (await pb.admin.collection('bukti_pemohon').getFullList()).length <= locked, 'penghitung lama dilupakan');
    const left = await pb.admin.collection('bukti_pemohon').getFullList();
    expect(left.length).toBe(locked);
  });
});

describe('rate limit', () => {
  it('counts proofs in the one budget of code look-ups per address (tracking, survey, proof)', async () => {
    await pb.admin.settings.update({ rateLimits: { enabled: true } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) statuses.push((await fetch(`${pb.url}/api/lacak/${data.site.trackingPrefix}-444-444-444`)).status);
      for (let i = 0; i < 14; i++) statuses.push((await prove(`${data.site.trackingPrefix}-444-444-44${'ABCDEFGHJKMNPQRSTWXYZ'[i]}`, 'telepon', '1234')).status);
      const first = statuses.indexOf(429);
      expect(first).toBeGreaterThanOrEqual(25);
      expect(first).toBeLessThanOrEqual(31);
      expect(statuses.slice(first).every((s) => s === 429)).toBe(true);
    } finally {
      await pb.admin.settings.update({ rateLimits: { enabled: false } });
    }
  });
});
