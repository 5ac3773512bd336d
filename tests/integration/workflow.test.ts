import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RecordModel } from 'pocketbase';
import { usePocketBase } from '../support/pocketbase';
import { applyAsSamplePerson, SAMPLE_PERSON, SAMPLE_PERSONAL_STRINGS } from '../support/application';
import { STATUS_LISTS, statusWithMeaning } from '../support/workflow';
import { UNSUR } from '../../src/lib/rules/ikm';
import { DatabaseSync } from 'node:sqlite';
import { statusOf } from '../support/http';
import { loadContent } from '../support/content';
import type { StatusRule } from '../../src/lib/rules/workflow';

const pb = usePocketBase({ rateLimits: false });

const statuses: StatusRule[] = loadContent().statuses.map((s) => s.data);
const REASON = 'Alasan tertulis untuk pemohon pada perubahan ini.';

async function newRequest(): Promise<RecordModel> {
  const code = await applyAsSamplePerson(pb.url);
  return pb.admin.collection('permohonan').getFirstListItem(pb.admin.filter('kode_lacak = {:k}', { k: code }));
}

/** Shortest chain of allowed changes from diterima to a status. */
function pathTo(target: string): string[] {
  const queue: string[][] = [['diterima']];
  const seen = new Set(['diterima']);
  while (queue.length) {
    const chain = queue.shift()!;
    const last = chain[chain.length - 1]!;
    if (last === target) return chain.slice(1);
    for (const next of statuses.find((s) => s.id === last)!.next) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push([...chain, next]);
      }
    }
  }
  throw new Error(`tidak ada jalan ke ${target}`);
}

async function move(id: string, to: string, note = `${REASON} (${to})`) {
  return pb.admin.collection('permohonan').update(id, { status: to, catatan_publik: note });
}

/** PocketBase runs a cron job started through the API in the background: wait for its effect. */
async function waitFor(condition: () => Promise<boolean>, what: string) {
  for (let i = 0; i < 100; i++) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`tidak terjadi: ${what}`);
}

async function errorOf(promise: Promise<unknown>): Promise<{ status: number; data: Record<string, { message: string }> }> {
  try {
    await promise;
    return { status: 200, data: {} };
  } catch (err) {
    const e = err as { status: number; response: { data: Record<string, { message: string }> } };
    return { status: e.status, data: e.response?.data ?? {} };
  }
}

describe('status changes follow content/reference/statuses.yaml', () => {
  for (const from of statuses) {
    it(`from ${from.id}: every allowed change works, every other is refused with its message`, async () => {
      const chain = pathTo(from.id);
      for (const to of statuses.map((s) => s.id)) {
        if (to === from.id) continue;
        const request = await newRequest();
        for (const step of chain) await move(request.id, step);
        const allowed = !from.closed && from.next.includes(to);
        const result = await errorOf(move(request.id, to));
        if (allowed) {
          expect(result.status, `${from.id} → ${to}`).toBe(200);
        } else {
          expect(result.status, `${from.id} → ${to}`).toBe(400);
          expect(result.data['status']?.message, `${from.id} → ${to}`).toMatch(/tidak dapat/);
          const unchanged = await pb.admin.collection('permohonan').getOne(request.id);
          expect(unchanged['status']).toBe(from.id);
        }
      }
    }, 120_000);
  }

  it('a refusal or a request for corrections needs a reason for the applicant', async () => {
    const request = await newRequest();
    const result = await errorOf(pb.admin.collection('permohonan').update(request.id, { status: 'ditolak' }));
    expect(result.status).toBe(400);
    expect(result.data['catatan_publik']?.message).toContain('Tulis alasan untuk pemohon');
    const fix = await errorOf(pb.admin.collection('permohonan').update(request.id, { status: 'perlu_perbaikan', catatan_publik: 'Kurang.' }));
    expect(fix.data['catatan_publik']?.message).toContain('paling sedikit 10 karakter');
  });
});

describe('audit trail', () => {
  it('records who changed what: status, notes, assignment, verification, and applicant fields by name only', async () => {
    const request = await newRequest();
    const worker = await pb.admin.collection('petugas_lapangan').create({ nama: 'Andi Saputra', jenis: 'TKSK', kecamatan: 'sungailiat', aktif: true });
    await pb.admin.collection('permohonan').update(request.id, { status: 'verifikasi_berkas', catatan_internal: 'Berkas lengkap.' });
    await pb.admin.collection('permohonan').update(request.id, { status: 'verifikasi_lapangan', petugas_lapangan: worker.id });
    await pb.admin.collection('permohonan').update(request.id, { hasil_verifikasi: 'layak', tanggal_verifikasi: '2026-11-24 00:00:00.000Z', catatan_verifikasi: 'Membutuhkan kursi roda.' });
    await pb.admin.collection('permohonan').update(request.id, { alamat: 'Alamat baru yang dirahasiakan', telepon: '+6281300001111' });
    const events = await pb.admin.collection('riwayat_permohonan').getFullList({ filter: pb.admin.filter('permohonan = {:id}', { id: request.id }), sort: 'created' });
    expect(events.map((e) => e['jenis'])).toEqual(['status', 'status', 'status', 'penugasan', 'verifikasi', 'perubahan_data']);
    expect(events.slice(1).every((e) => e['petugas'] === pb.superuser.email)).toBe(true);
    expect(events[1]).toMatchObject({ status_dari: 'diterima', status: 'verifikasi_berkas', catatan_internal: 'Berkas lengkap.' });
    expect(events[3]!['catatan_internal']).toContain('Andi Saputra');
    expect(events[5]!['perubahan']).toEqual(['telepon', 'alamat']);
    const serialised = JSON.stringify(events);
    expect(serialised).not.toContain('Alamat baru yang dirahasiakan');
    expect(serialised).not.toContain('81300001111');
  });

  it('cannot be added to, changed or deleted through the API, not even by a superuser', async () => {
    const request = await newRequest();
    const [event] = await pb.admin.collection('riwayat_permohonan').getFullList({ filter: pb.admin.filter('permohonan = {:id}', { id: request.id }) });
    expect(await statusOf(pb.admin.collection('riwayat_permohonan').update(event!.id, { catatan_publik: 'diubah' }))).toBe(403);
    expect(await statusOf(pb.admin.collection('riwayat_permohonan').delete(event!.id))).toBe(403);
    expect(await statusOf(pb.admin.collection('riwayat_permohonan').create({ permohonan: request.id, status: 'selesai' }))).toBe(403);
    expect(await statusOf(pb.admin.collection('permohonan').delete(request.id))).toBe(403);
    const still = await pb.admin.collection('riwayat_permohonan').getOne(event!.id);
    expect(still['catatan_publik']).toBe(event!['catatan_publik']);
  });

  it('keeps the identity and consent fields of a request locked', async () => {
    const request = await newRequest();
    for (const field of ['kode_lacak', 'id_pengiriman', 'layanan', 'persetujuan_versi']) {
      const result = await errorOf(pb.admin.collection('permohonan').update(request.id, { [field]: 'diubah-petugas-1234567890' }));
      expect(result.status, field).toBe(400);
      expect(result.data[field]?.message, field).toContain('tidak boleh diubah');
    }
  });

  it('the public tracking answer shows status changes and public notes, not internal entries', async () => {
    const request = await newRequest();
    await pb.admin.collection('permohonan').update(request.id, { status: 'verifikasi_berkas', catatan_internal: 'Rahasia internal petugas.' });
    await pb.admin.collection('permohonan').update(request.id, { alamat: 'Perubahan alamat internal' });
    const text = await (await fetch(`${pb.url}/api/lacak/${request['kode_lacak']}`)).text();
    expect(text).not.toContain('Rahasia internal petugas.');
    expect(text).not.toContain('perubahan_data');
    expect((JSON.parse(text) as { riwayat: unknown[] }).riwayat).toHaveLength(2);
  });
});

describe('deadlines', () => {
  it('sets the due date of the current stage from the SOP and flags overdue requests at the boundary', async () => {
    const early = await newRequest();
    const late = await newRequest();
    expect(early['batas_tahap']).toBeTruthy(); // set on creation from the SOP's diterima stage
    const now = Date.now();
    const pbDate = (ms: number) => new Date(ms).toISOString().replace('T', ' ');
    await pb.admin.collection('permohonan').update(late.id, { batas_tahap: pbDate(now - 2_000) });
    await pb.admin.collection('permohonan').update(early.id, { batas_tahap: pbDate(now + 120_000) });
    await pb.admin.crons.run('tandai_terlambat');
    await waitFor(async () => (await pb.admin.collection('permohonan').getOne(late.id))['terlambat'] === true, 'tanda terlambat');
    expect((await pb.admin.collection('permohonan').getOne(early.id))['terlambat']).toBe(false);
    const overdue = await pb.admin.collection('permohonan').getFullList({ filter: 'terlambat = true' });
    expect(overdue.map((r) => r.id)).toContain(late.id);
    expect(overdue.map((r) => r.id)).not.toContain(early.id);
    // Moving on sets a new due date and clears the flag.
    await move(late.id, 'verifikasi_berkas');
    const moved = await pb.admin.collection('permohonan').getOne(late.id);
    expect(moved['terlambat']).toBe(false);
    expect(new Date(String(moved['batas_tahap']).replace(' ', 'T')).getTime()).toBeGreaterThan(now);
  });

  it('logs the daily digest of overdue requests without personal data when SMTP is not set up', async () => {
    const late = await newRequest();
    await pb.admin.collection('permohonan').update(late.id, { batas_tahap: new Date(Date.now() - 60_000).toISOString().replace('T', ' ') });
    await pb.admin.crons.run('ringkasan_terlambat');
    // PocketBase writes logs in batches: wait for it.
    let logs = await pb.admin.logs.getList(1, 20, { filter: 'message ~ "Ringkasan harian"' });
    for (let i = 0; i < 50 && logs.items.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 200));
      logs = await pb.admin.logs.getList(1, 20, { filter: 'message ~ "Ringkasan harian"' });
    }
    expect(logs.items.length).toBeGreaterThan(0);
    const text = JSON.stringify(logs.items[0]);
    expect(text).toContain(String(late['kode_lacak']));
    for (const personal of SAMPLE_PERSONAL_STRINGS) expect(text).not.toContain(personal);
  });
});

describe('retention (UU PDP)', () => {
  it('deletes exactly the files and personal data of requests closed longer ago than the retention period', async () => {
    const days = loadContent().site[0]!.data.retentionDays;
    const expired = await newRequest();
    const recent = await newRequest();
    const open = await newRequest();
    const served = await newRequest();
    // Staff wrote personal data into notes, public and internal: retention must reach them too.
    const personalNote = `Dikunjungi: ${SAMPLE_PERSON.nama_lengkap} NIK ${SAMPLE_PERSON.nik}, ${SAMPLE_PERSON.alamat}`;
    await pb.admin.collection('permohonan').update(expired.id, { catatan_internal: personalNote });
    for (const r of [expired, recent]) {
      await move(r.id, 'verifikasi_berkas');
      await move(r.id, 'ditolak', `Ditolak setelah bertemu ${SAMPLE_PERSON.nama_pengaju}.`);
    }
    for (const step of pathTo(statusWithMeaning(STATUS_LISTS.permohonan, 'success'))) await move(served.id, step);
    const survey = new FormData();
    for (const u of UNSUR) survey.append(u.id, '4');
    expect((await fetch(`${pb.url}/api/lacak/${served['kode_lacak']}/survei`, { method: 'POST', body: survey })).status).toBe(200);
    const answer = (await pb.admin.collection('survei_kepuasan').getFullList())[0]!;
    expect(answer['kunci_kode']).not.toBe('');

    const day = 86_400_000;
    const pbDate = (ms: number) => new Date(ms).toISOString().replace('T', ' ');
    await pb.admin.collection('permohonan').update(expired.id, { ditutup: pbDate(Date.now() - (days + 1) * day) });
    await pb.admin.collection('permohonan').update(served.id, { ditutup: pbDate(Date.now() - (days + 1) * day) });
    await pb.admin.collection('permohonan').update(recent.id, { ditutup: pbDate(Date.now() - (days - 1) * day) });
    // Kotak saran: one contact older than the period, one newer. `created` is the server's to set,
    // so the old one is moved back in the database itself, as time would have moved it.
    const oldSaran = await pb.admin.collection('saran').create({ pesan: 'Saran lama dengan kontak.', kontak: '0812-1111-2222' });
    const newSaran = await pb.admin.collection('saran').create({ pesan: 'Saran baru dengan kontak.', kontak: '0812-3333-4444' });
    const db = new DatabaseSync(path.join(pb.dataDir, 'data.db'));
    db.prepare('UPDATE saran SET created = ? WHERE id = ?').run(pbDate(Date.now() - (days + 1) * day), oldSaran.id);
    db.close();

    const storage = (id: string) => path.join(pb.dataDir, 'storage', expired.collectionId, id);
    const filesIn = (id: string) => (existsSync(storage(id)) ? readdirSync(storage(id)).filter((f) => !f.startsWith('thumbs_') && !f.endsWith('.attrs')) : []);
    expect(filesIn(expired.id).length).toBe(5);

    await pb.admin.crons.run('retensi_berkas');
    await waitFor(async () => (await pb.admin.collection('permohonan').getOne(expired.id))['berkas_dihapus'] === true, 'retensi');
    await waitFor(async () => (await pb.admin.collection('permohonan').getOne(served.id))['berkas_dihapus'] === true, 'retensi');

    const after = await pb.admin.collection('permohonan').getOne(expired.id);
    expect(after['berkas_dihapus']).toBe(true);
    expect(after['ktp']).toBe('');
    expect(after['nama_lengkap']).toBe('(dihapus)');
    expect(after['nik']).toBe('0000000000000000');
    expect(after['layanan']).toBe(expired['layanan']); // kept for statistics
    expect(after['kecamatan']).toBe(expired['kecamatan']);
    expect(filesIn(expired.id)).toEqual([]);
    for (const personal of SAMPLE_PERSONAL_STRINGS) expect(JSON.stringify(after)).not.toContain(personal);
    // Every copy: the history's notes, the survey's link to the code, old contacts.
    const history = await pb.admin.collection('riwayat_permohonan').getFullList({ filter: pb.admin.filter('permohonan = {:id}', { id: expired.id }) });
    for (const personal of [...SAMPLE_PERSONAL_STRINGS, SAMPLE_PERSON.nama_pengaju]) expect(JSON.stringify(history)).not.toContain(personal);
    const events = history.filter((e) => e['jenis'] === 'retensi');
    expect(events).toHaveLength(1);
    expect(events[0]!['petugas']).toBe('sistem');
    expect(events[0]!['catatan_internal']).toMatch(/berkas dan data pribadi pemohon dihapus.*Catatan pada \d+ entri riwayat dikosongkan/);
    const servedEvent = (await pb.admin.collection('riwayat_permohonan').getFullList({ filter: pb.admin.filter('permohonan = {:id} && jenis = "retensi"', { id: served.id }) }))[0]!;
    expect(servedEvent['catatan_internal']).toContain('tautan survei ke kode ini dihapus');
    expect((await pb.admin.collection('survei_kepuasan').getOne(answer.id))['kunci_kode']).toBe('');
    // ...so the code cannot rate the service a second time either.
    const check = (await (await fetch(`${pb.url}/api/lacak/${served['kode_lacak']}/survei`)).json()) as { dapat_diisi: boolean; alasan: string };
    expect(check).toMatchObject({ dapat_diisi: false, alasan: 'kedaluwarsa' });
    expect((await pb.admin.collection('saran').getOne(oldSaran.id))['kontak']).toBe('');
    expect((await pb.admin.collection('saran').getOne(oldSaran.id))['pesan']).toBe('Saran lama dengan kontak.');
    expect((await pb.admin.collection('saran').getOne(newSaran.id))['kontak']).toBe('0812-3333-4444');

    for (const kept of [recent, open]) {
      const r = await pb.admin.collection('permohonan').getOne(kept.id);
      expect(r['berkas_dihapus']).toBe(false);
      expect(r['ktp']).not.toBe('');
      expect(filesIn(kept.id).length).toBe(5);
    }
    // Running again changes nothing more.
    await pb.admin.crons.run('retensi_berkas');
    await new Promise((r) => setTimeout(r, 1000));
    const again = await pb.admin.collection('riwayat_permohonan').getFullList({ filter: pb.admin.filter('permohonan = {:id} && jenis = "retensi"', { id: expired.id }) });
    expect(again).toHaveLength(1);
  });
});
