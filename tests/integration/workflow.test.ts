// The workflow around the staff's actions: what an administrator may still do in the admin UI
// (correct data, never an outcome), reasons the applicant must read, the audit trail of who did
// what, deadlines and the overdue digest, and retention. Who may take which SOP step is in
// petugas-roles.test.ts; the chain that makes the history tamper-evident in audit-chain.test.ts.
import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RecordModel } from 'pocketbase';
import { usePocketBase } from '../support/pocketbase';
import { applyAsSamplePerson, reportAsSamplePerson, SAMPLE_PERSON, SAMPLE_PERSONAL_STRINGS, SAMPLE_REPORT } from '../support/application';
import { loadContent } from '../support/content';
import { STATUS_LISTS, statusWithMeaning } from '../support/workflow';
import { act, advance, portalOf, staffTeam } from '../support/staff';
import { pbDate, writeDirect } from '../support/backdate';
import { UNSUR } from '../../src/lib/rules/ikm';
import { flowContextOf } from '../../src/lib/portal-data';
import type { SurveiCek } from '../../src/lib/api/lacak';
import { waitFor } from '../support/wait';

const pb = usePocketBase({ rateLimits: false });
const SUCCESS = statusWithMeaning(STATUS_LISTS.permohonan, 'success');
const REJECTED = statusWithMeaning(STATUS_LISTS.permohonan, 'rejected');

async function newRequest(): Promise<RecordModel> {
  const code = await applyAsSamplePerson(pb.url);
  return pb.admin.collection('permohonan').getFirstListItem(pb.admin.filter('kode_lacak = {:k}', { k: code }));
}

/** PocketBase runs a cron job started through the API in the background: wait for its effect. */
async function errorOf(promise: Promise<unknown>): Promise<{ status: number; data: Record<string, { message: string }> }> {
  try {
    await promise;
    return { status: 200, data: {} };
  } catch (err) {
    const e = err as { status: number; response: { data: Record<string, { message: string }> } };
    return { status: e.status, data: e.response?.data ?? {} };
  }
}

async function historyOf(id: string) {
  return pb.admin.collection('riwayat_permohonan').getFullList({ filter: pb.admin.filter('permohonan = {:id}', { id }), sort: 'urutan' });
}

describe('an administrator in the admin UI', () => {
  it('cannot change an outcome: status, step, assignment, result, deadline or closing', async () => {
    const request = await newRequest();
    const team = await staffTeam(pb);
    const outcomes: Record<string, unknown> = {
      status: SUCCESS,
      langkah: 5,
      petugas_lapangan: team['tksk-psm']!.id,
      hasil_verifikasi: 'layak',
      batas_tahap: pbDate(new Date(Date.now() + 86_400_000)),
      terlambat: true,
      ditutup: pbDate(new Date()),
      berkas_dihapus: true,
      dokumen_perbaikan: [portalOf().documentTypes[0]!.id],
    };
    for (const [field, value] of Object.entries(outcomes)) {
      const result = await errorOf(pb.admin.collection('permohonan').update(request.id, { [field]: value }));
      expect(result.status, field).toBe(400);
      expect(result.data[field]?.message, field).toBe('Kolom ini diubah oleh petugas lewat ruang kerja /petugas/ sesuai SOP, dan tercatat di riwayat; administrator tidak mengubahnya di sini.');
    }
    const unchanged = await pb.admin.collection('permohonan').getOne(request.id);
    expect(unchanged['status']).toBe(request['status']);
    expect(await historyOf(request.id)).toHaveLength(1);
  });

  it('keeps the identity and consent fields of a request locked', async () => {
    const request = await newRequest();
    for (const field of ['kode_lacak', 'id_pengiriman', 'layanan', 'persetujuan_versi']) {
      const result = await errorOf(pb.admin.collection('permohonan').update(request.id, { [field]: 'diubah-petugas-1234567890' }));
      expect(result.status, field).toBe(400);
      expect(result.data[field]?.message, field).toContain('tidak boleh diubah');
    }
  });

  it('may correct an open request’s data, recorded as "administrator" with field names only', async () => {
    const request = await newRequest();
    await pb.admin.collection('permohonan').update(request.id, { alamat: 'Alamat baru yang dirahasiakan', telepon: '+6281300001111' });
    const events = await historyOf(request.id);
    expect(events.map((e) => e['jenis'])).toEqual(['status', 'perubahan_data']);
    expect(events[1]!['petugas']).toBe(`administrator (${pb.superuser.email})`);
    expect(events[1]!['perubahan']).toEqual(['telepon', 'alamat']);
    expect(JSON.stringify(events)).not.toContain('Alamat baru yang dirahasiakan');
    expect(JSON.stringify(events)).not.toContain('81300001111');
  });

  it('cannot change a decided request’s data: it needs a reasoned reopening by the deciding role', async () => {
    const request = await newRequest();
    await advance(pb, 'permohonan', request.id, SUCCESS);
    const result = await errorOf(pb.admin.collection('permohonan').update(request.id, { alamat: 'Alamat diubah setelah selesai' }));
    expect(result.status).toBe(400);
    expect(result.data['alamat']?.message).toMatch(/sudah diputus .*dibuka kembali, dengan alasan, oleh peran yang memutuskannya/);
    // The deciding role reopens it, with a reason; then the data may be corrected.
    const team = await staffTeam(pb);
    const ctx = flowContextOf(portalOf(), String(request['layanan']));
    const deciders = Object.values(team).filter((a) => ctx.steps.some((s) => s.kind === 'decision' && s.roles.some((r) => a.roles.includes(r))));
    const others = Object.values(team).filter((a) => !deciders.includes(a));
    const refused = await act(pb, others[0]!, 'permohonan', request.id, { aksi: 'buka-kembali', alasan: 'Data alamat pemohon keliru ketik.' });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toMatch(/hanya dapat dibuka kembali oleh .*dengan alasan tertulis/);
    const noReason = await act(pb, deciders[0]!, 'permohonan', request.id, { aksi: 'buka-kembali', alasan: 'keliru' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.data?.['alasan']?.message).toContain('paling sedikit 10 karakter');
    const reopened = await act(pb, deciders[0]!, 'permohonan', request.id, { aksi: 'buka-kembali', alasan: 'Data alamat pemohon keliru ketik.' });
    expect(reopened.status).toBe(200);
    await pb.admin.collection('permohonan').update(request.id, { alamat: 'Alamat yang benar' });
    const last = (await historyOf(request.id)).slice(-2);
    expect(last.map((e) => e['jenis'])).toEqual(['buka_kembali', 'perubahan_data']);
  });
});

describe('reasons for the applicant', () => {
  it('a refusal, a cancellation and a repair request each need a public reason of 10 characters', async () => {
    const team = await staffTeam(pb);
    const request = await newRequest();
    const front = Object.values(team).find((a) => portalOf().roles.some((r) => a.roles.includes(r.id) && r.can.includes('batal') && r.can.includes('perbaikan')))!;
    for (const aksi of ['batal', 'perbaikan'] as const) {
      const res = await act(pb, front, 'permohonan', request.id, { aksi, catatan_publik: 'Kurang.', dokumen_perbaikan: [portalOf().services.find((s) => s.id === request['layanan'])!.documents[0]!.key] });
      expect(res.status, aksi).toBe(400);
      expect(res.body.data?.['catatan_publik']?.message, aksi).toBe('Tulis alasan untuk pemohon (paling sedikit 10 karakter); alasan ini tampil di halaman lacak.');
    }
    const repair = await act(pb, front, 'permohonan', request.id, { aksi: 'perbaikan', catatan_publik: 'Foto KK terpotong, mohon kirim ulang.', dokumen_perbaikan: [] });
    expect(repair.body.data?.['dokumen_perbaikan']?.message).toBe('Pilih dokumen yang harus dilengkapi atau diganti pemohon.');
    expect((await pb.admin.collection('permohonan').getOne(request.id))['status']).toBe(request['status']);
  });
});

describe('audit trail', () => {
  it('records who took each step, with the role they used, and what the applicant may read', async () => {
    const request = await newRequest();
    await advance(pb, 'permohonan', request.id, SUCCESS, {
      note: (n) => (n === 0 ? 'Berkas Anda sudah dicatat di buku register.' : undefined),
      internal: (n) => (n === 0 ? 'Rahasia internal petugas.' : undefined),
    });
    const events = await historyOf(request.id);
    const team = await staffTeam(pb);
    const byId = new Map(Object.values(team).map((a) => [a.id, a]));
    expect(events[0]).toMatchObject({ jenis: 'status', petugas: 'sistem', urutan: 1 });
    for (const e of events.slice(1)) {
      const account = byId.get(String(e['akun']));
      expect(account, String(e['jenis'])).toBeTruthy();
      expect(account!.roles).toContain(e['peran']);
      expect(String(e['petugas'])).toContain(account!.nama);
    }
    const steps = events.filter((e) => e['jenis'] === 'langkah').map((e) => e['langkah']);
    expect(steps).toEqual([...steps].sort((a, b) => Number(a) - Number(b)));
    expect(events.map((e) => e['urutan'])).toEqual(events.map((_, i) => i + 1));
    const text = await (await fetch(`${pb.url}/api/lacak/${request['kode_lacak']}`)).text();
    expect(text).toContain('Berkas Anda sudah dicatat di buku register.');
    expect(text).not.toContain('Rahasia internal petugas.');
    expect(text).not.toContain('penugasan');
  });

  it('cannot be added to, changed or deleted through the API, not even by a superuser', async () => {
    const request = await newRequest();
    const [event] = await historyOf(request.id);
    expect(await errorOf(pb.admin.collection('riwayat_permohonan').update(event!.id, { catatan_publik: 'diubah' }))).toMatchObject({ status: 403 });
    expect(await errorOf(pb.admin.collection('riwayat_permohonan').delete(event!.id))).toMatchObject({ status: 403 });
    expect(await errorOf(pb.admin.collection('riwayat_permohonan').create({ permohonan: request.id, status: SUCCESS }))).toMatchObject({ status: 403 });
    expect(await errorOf(pb.admin.collection('permohonan').delete(request.id))).toMatchObject({ status: 403 });
    expect((await pb.admin.collection('riwayat_permohonan').getOne(event!.id))['catatan_publik']).toBe(event!['catatan_publik']);
  });
});

describe('deadlines', () => {
  it('sets the due date of the current stage from the SOP and flags overdue requests at the boundary', async () => {
    const early = await newRequest();
    const late = await newRequest();
    expect(early['batas_tahap']).toBeTruthy(); // set on creation from the SOP's first stage
    const now = Date.now();
    writeDirect(pb.dataDir, 'permohonan', late.id, { batas_tahap: pbDate(new Date(now - 2_000)) });
    writeDirect(pb.dataDir, 'permohonan', early.id, { batas_tahap: pbDate(new Date(now + 120_000)) });
    await pb.admin.crons.run('tandai_terlambat');
    await waitFor(async () => (await pb.admin.collection('permohonan').getOne(late.id))['terlambat'] === true, 'tanda terlambat');
    expect((await pb.admin.collection('permohonan').getOne(early.id))['terlambat']).toBe(false);
    const overdue = await pb.admin.collection('permohonan').getFullList({ filter: 'terlambat = true' });
    expect(overdue.map((r) => r.id)).toContain(late.id);
    expect(overdue.map((r) => r.id)).not.toContain(early.id);
    // Moving on to the next stage sets a new due date and clears the flag.
    const stages = flowContextOf(portalOf(), String(late['layanan'])).steps.map((s) => s.stage);
    const nextStage = stages.find((s) => s !== late['status'])!;
    await advance(pb, 'permohonan', late.id, nextStage);
    const moved = await pb.admin.collection('permohonan').getOne(late.id);
    expect(moved['terlambat']).toBe(false);
    expect(new Date(String(moved['batas_tahap']).replace(' ', 'T')).getTime()).toBeGreaterThan(now);
  });

  it('logs the daily digest of overdue requests and reports without personal data when SMTP is not set up', async () => {
    const late = await newRequest();
    writeDirect(pb.dataDir, 'permohonan', late.id, { batas_tahap: pbDate(new Date(Date.now() - 60_000)) });
    const reportCode = await reportAsSamplePerson(pb.url);
    const lateReport = await pb.admin.collection('laporan').getFirstListItem(pb.admin.filter('kode_lacak = {:k}', { k: reportCode }));
    writeDirect(pb.dataDir, 'laporan', lateReport.id, { batas_tahap: pbDate(new Date(Date.now() - 60_000)) });
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
    expect(text).toContain(reportCode);
    for (const personal of [...SAMPLE_PERSONAL_STRINGS, SAMPLE_REPORT.nama_pelapor, SAMPLE_REPORT.telepon_pelapor, SAMPLE_REPORT.deskripsi]) expect(text).not.toContain(personal);
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
    for (const r of [expired, recent]) {
      await advance(pb, 'permohonan', r.id, REJECTED, {
        note: (_n, aksi) => (aksi === 'tolak' ? `Ditolak setelah bertemu ${SAMPLE_PERSON.nama_pengaju}.` : undefined),
        internal: (n) => (n === 0 ? personalNote : undefined),
      });
    }
    await advance(pb, 'permohonan', served.id, SUCCESS);
    const survey = new FormData();
    for (const u of UNSUR) survey.append(u.id, '4');
    expect((await fetch(`${pb.url}/api/lacak/${served['kode_lacak']}/survei`, { method: 'POST', body: survey })).status).toBe(200);
    const answer = (await pb.admin.collection('survei_kepuasan').getFullList())[0]!;
    expect(answer['kunci_kode']).not.toBe('');

    const day = 86_400_000;
    writeDirect(pb.dataDir, 'permohonan', expired.id, { ditutup: pbDate(new Date(Date.now() - (days + 1) * day)) });
    writeDirect(pb.dataDir, 'permohonan', served.id, { ditutup: pbDate(new Date(Date.now() - (days + 1) * day)) });
    writeDirect(pb.dataDir, 'permohonan', recent.id, { ditutup: pbDate(new Date(Date.now() - (days - 1) * day)) });
    // Kotak saran: one contact older than the period, one newer. `created` is the server's to set,
    // so the old one is moved back in the database itself, as time would have moved it.
    const oldSaran = await pb.admin.collection('saran').create({ pesan: 'Saran lama dengan kontak.', kontak: '0812-1111-2222' });
    const newSaran = await pb.admin.collection('saran').create({ pesan: 'Saran baru dengan kontak.', kontak: '0812-3333-4444' });
    writeDirect(pb.dataDir, 'saran', oldSaran.id, { created: pbDate(new Date(Date.now() - (days + 1) * day)) });

    const storage = (id: string) => path.join(pb.dataDir, 'storage', expired.collectionId, id);
    const filesIn = (id: string) => (existsSync(storage(id)) ? readdirSync(storage(id)).filter((f) => !f.startsWith('thumbs_') && !f.endsWith('.attrs')) : []);
    const documents = filesIn(expired.id).length;
    expect(documents).toBeGreaterThan(0);

    await pb.admin.crons.run('retensi_berkas');
    await waitFor(async () => (await pb.admin.collection('permohonan').getOne(expired.id))['berkas_dihapus'] === true, 'retensi');
    await waitFor(async () => (await pb.admin.collection('permohonan').getOne(served.id))['berkas_dihapus'] === true, 'retensi');

    const after = await pb.admin.collection('permohonan').getOne(expired.id);
    expect(after['berkas_dihapus']).toBe(true);
    expect(after['nama_lengkap']).toBe('(dihapus)');
    expect(after['nik']).toBe('0000000000000000');
    expect(after['layanan']).toBe(expired['layanan']); // kept for statistics
    expect(after['kecamatan']).toBe(expired['kecamatan']);
    expect(filesIn(expired.id)).toEqual([]);
    for (const personal of SAMPLE_PERSONAL_STRINGS) expect(JSON.stringify(after)).not.toContain(personal);
    // Every copy: the history's notes, the survey's link to the code, old contacts.
    const history = await historyOf(expired.id);
    for (const personal of [...SAMPLE_PERSONAL_STRINGS, SAMPLE_PERSON.nama_pengaju]) expect(JSON.stringify(history)).not.toContain(personal);
    const events = history.filter((e) => e['jenis'] === 'retensi');
    expect(events).toHaveLength(1);
    expect(events[0]!['petugas']).toBe('sistem');
    expect(events[0]!['catatan_internal']).toMatch(/berkas dan data pribadi pemohon dihapus.*Catatan pada \d+ entri riwayat dikosongkan/);
    const servedEvent = (await historyOf(served.id)).find((e) => e['jenis'] === 'retensi')!;
    expect(servedEvent['catatan_internal']).toContain('tautan survei ke kode ini dihapus');
    expect((await pb.admin.collection('survei_kepuasan').getOne(answer.id))['kunci_kode']).toBe('');
    // ...so the code cannot rate the service a second time either.
    const check = (await (await fetch(`${pb.url}/api/lacak/${served['kode_lacak']}/survei`)).json()) as SurveiCek;
    expect(check).toMatchObject({ dapat_diisi: false, alasan: 'kedaluwarsa' });
    expect((await pb.admin.collection('saran').getOne(oldSaran.id))['kontak']).toBe('');
    expect((await pb.admin.collection('saran').getOne(oldSaran.id))['pesan']).toBe('Saran lama dengan kontak.');
    expect((await pb.admin.collection('saran').getOne(newSaran.id))['kontak']).toBe('0812-3333-4444');
    // The outbox forgets where it wrote to (its texts never held anything personal).
    const outboxOf = (id: string) => pb.admin.collection('pesan_keluar').getFullList({ filter: pb.admin.filter('permohonan = {:id}', { id }) });
    const forgotten = await outboxOf(expired.id);
    expect(forgotten.length).toBeGreaterThan(0);
    expect(forgotten.map((m) => m['tujuan'])).toEqual(forgotten.map(() => ''));
    for (const personal of SAMPLE_PERSONAL_STRINGS) expect(JSON.stringify(forgotten)).not.toContain(personal);
    expect((await outboxOf(recent.id)).every((m) => m['tujuan'] !== '')).toBe(true);

    for (const kept of [recent, open]) {
      const r = await pb.admin.collection('permohonan').getOne(kept.id);
      expect(r['berkas_dihapus']).toBe(false);
      expect(filesIn(kept.id).length).toBe(documents);
    }
    // Running again changes nothing more. The second run is seen to have finished when it has
    // cleared one more request that expired in the meantime.
    const later = await newRequest();
    await advance(pb, 'permohonan', later.id, REJECTED);
    writeDirect(pb.dataDir, 'permohonan', later.id, { ditutup: pbDate(new Date(Date.now() - (days + 1) * day)) });
    await pb.admin.crons.run('retensi_berkas');
    await waitFor(async () => (await pb.admin.collection('permohonan').getOne(later.id))['berkas_dihapus'] === true, 'retensi kedua');
    expect((await historyOf(expired.id)).filter((e) => e['jenis'] === 'retensi')).toHaveLength(1);
  });
});
