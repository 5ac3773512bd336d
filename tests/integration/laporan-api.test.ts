import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { act, advance, staffTeam } from '../support/staff';
import { pathTo, STATUS_LISTS, statusWithMeaning } from '../support/workflow';
import { writeDirect } from '../support/backdate';
import { usePocketBase } from '../support/pocketbase';
import { statusOf } from '../support/http';
import { fakeFile, PRIVACY_VERSION, SAMPLE_REPORT, SAMPLE_REPORT_TYPE } from '../support/application';
import { loadContent } from '../support/content';
import { portalOf } from '../support/staff';
import type { Lacak } from '../../src/lib/api/lacak';
import { waitFor } from '../support/wait';

const content = loadContent();
// Statuses by meaning, roles by what they may do, places and pillars from the content under test.
const INITIAL = statusWithMeaning(STATUS_LISTS.laporan, 'initial');
const SUCCESS = statusWithMeaning(STATUS_LISTS.laporan, 'success');
const DATA = portalOf();
const ROLES = DATA.roles;
const FRONT_ROLE = ROLES.find((r) => r.account && !r.field && r.can.includes('perbaikan'))!.id;
/** A field role the report kind's SOP gives the first stage after the initial one (it records the handling there). */
const WORKER_ROLE = (() => {
  const first = pathTo(STATUS_LISTS.laporan, SUCCESS)[0]!;
  const stage = DATA.reportStatuses.find((s) => s.id === first)!.sopStage!;
  const roles = DATA.reportTypes.find((t) => t.id === SAMPLE_REPORT.jenis)!.stageRoles[stage] ?? [];
  return ROLES.find((r) => r.account && r.field && roles.includes(r.id))!.id;
})();
const PILLARS = content.pilarSosial.slice(0, 2).map((p) => p.id);
const PLACE = content.kecamatan[0]!.data.name;
const OTHER_PPKS = content.ppks.find((p) => !SAMPLE_REPORT_TYPE.data.ppks.includes(p.id))!.id;

const pb = usePocketBase({ rateLimits: false });

const SECRET = {
  deskripsi: 'Ibu tua berbaju merah tidur di halte, batuk terus sejak pagi',
  patokan: 'Halte depan Toko Sumber Rejeki Jalan Jenderal Sudirman',
  nama_pelapor: 'Wahyuni Pelapor',
  telepon_pelapor: '0812-7777-6543',
};

function report(overrides: Record<string, string> = {}, photos = 1): FormData {
  const form = new FormData();
  const fields: Record<string, string> = {
    jenis: SAMPLE_REPORT.jenis,
    urgensi: 'mendesak',
    kategori_ppks: SAMPLE_REPORT.kategori_ppks,
    kecamatan: SAMPLE_REPORT.kecamatan,
    desa_kelurahan: 'Sukamaju',
    patokan: SECRET.patokan,
    deskripsi: SECRET.deskripsi,
    anonim: 'false',
    nama_pelapor: SECRET.nama_pelapor,
    telepon_pelapor: SECRET.telepon_pelapor,
    lintang: '-1.851234',
    bujur: '106.123456',
    persetujuan_versi: PRIVACY_VERSION,
    id_pengiriman: randomUUID(),
    ...overrides,
  };
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (let i = 0; i < photos; i++) form.append('foto', fakeFile({ size: 30_000, type: 'image/jpeg' }, `foto${i}`));
  return form;
}

async function post(form: FormData) {
  const res = await fetch(`${pb.url}/api/collections/laporan/records`, { method: 'POST', body: form });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function byCode(code: unknown) {
  return pb.admin.collection('laporan').getFirstListItem(pb.admin.filter('kode_lacak = {:k}', { k: code }));
}

describe('sending a report', () => {
  it('stores a report with contact and GPS, answering with the code only', async () => {
    const res = await post(report());
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['collectionId', 'collectionName', 'id', 'kode_lacak']);
    const stored = await byCode(res.body['kode_lacak']);
    expect(stored['telepon_pelapor']).toBe('+6281277776543');
    expect(stored['lintang']).toBeCloseTo(-1.851234, 5);
    expect(stored['status']).toBe(INITIAL);
    expect((stored['foto'] as string[]).length).toBe(1);
    const history = await pb.admin.collection('riwayat_laporan').getFullList({ filter: pb.admin.filter('laporan = {:id}', { id: stored.id }) });
    expect(history.map((h) => h['status'])).toEqual([INITIAL]);
  });

  it('keeps no name or number of an anonymous reporter, whatever was typed', async () => {
    const res = await post(report({ anonim: 'true' }));
    const stored = await byCode(res.body['kode_lacak']);
    expect(stored['anonim']).toBe(true);
    expect(stored['nama_pelapor']).toBe('');
    expect(stored['telepon_pelapor']).toBe('');
  });

  it('accepts a report without GPS and without photos', async () => {
    const form = report({ anonim: 'true' }, 0);
    form.delete('lintang');
    form.delete('bujur');
    expect((await post(form)).status).toBe(200);
  });

  it('refuses bad input with Indonesian messages on the fields, and stores nothing', async () => {
    const cases: [Record<string, string>, number, string[]][] = [
      [{ jenis: 'hantu' }, 1, ['jenis']],
      [{ deskripsi: 'pendek' }, 1, ['deskripsi']],
      [{ lintang: '48.85', bujur: '2.35' }, 1, ['lintang']],
      [{ bujur: '' }, 1, ['lintang']],
      [{ anonim: 'false', telepon_pelapor: '' }, 1, ['telepon_pelapor']],
      [{ kategori_ppks: OTHER_PPKS }, 1, ['kategori_ppks']],
      [{ persetujuan_versi: '' }, 1, ['persetujuan_versi']],
      [{}, 4, ['foto']],
    ];
    for (const [overrides, photos, fields] of cases) {
      const form = report(overrides, photos);
      const id = form.get('id_pengiriman');
      const res = await post(form);
      expect(res.status, JSON.stringify(overrides)).toBe(400);
      const data = res.body['data'] as Record<string, { message: string }>;
      expect(Object.keys(data).sort(), JSON.stringify(overrides)).toEqual(fields.sort());
      const count = await pb.admin.collection('laporan').getList(1, 1, { filter: pb.admin.filter('id_pengiriman = {:s}', { s: id }) });
      expect(count.totalItems).toBe(0);
    }
  });

  it('returns the original code when the same report is sent again', async () => {
    const form = report();
    const first = await post(form);
    const again = await post(form);
    expect(again.body['kode_lacak']).toBe(first.body['kode_lacak']);
  });

  it('lets no visitor read, change or delete a report or its photos', async () => {
    const res = await post(report());
    const stored = await byCode(res.body['kode_lacak']);
    const guest = pb.guest();
    expect((await guest.collection('laporan').getList(1, 5)).items).toEqual([]);
    expect(await statusOf(guest.collection('laporan').getOne(stored.id))).toBe(404);
    expect(await statusOf(guest.collection('laporan').update(stored.id, { status: SUCCESS }))).toBe(403);
    expect(await statusOf(guest.collection('laporan').delete(stored.id))).toBe(403);
    expect((await guest.collection('riwayat_laporan').getList(1, 5)).items).toEqual([]);
    const photo = (stored['foto'] as string[])[0];
    expect((await fetch(`${pb.url}/api/files/laporan/${stored.id}/${photo}`)).status).toBe(404);
  });
});

describe('handling a report', () => {
  it('follows the report workflow, records forwarding to a person and a social pillar, and shows progress by code without personal data', async () => {
    const res = await post(report());
    const stored = await byCode(res.body['kode_lacak']);
    const team = await staffTeam(pb);
    const front = team[FRONT_ROLE]!;
    // Administrators do not handle reports: a status change in the admin UI is refused.
    const refused = await pb.admin.collection('laporan').update(stored.id, { status: SUCCESS }).catch((e: { status: number }) => e);
    expect((refused as { status: number }).status).toBe(400);
    // A move the status list does not allow is refused with the allowed choices.
    const skip = await act(pb, front, 'laporan', stored.id, { aksi: 'status', status: statusWithMeaning(STATUS_LISTS.laporan, 'success') });
    expect(skip.status).toBe(403);
    expect(skip.body.message).toMatch(/tidak dapat berubah dari .* langsung ke .*Pilihan berikutnya/);
    const worker = team[WORKER_ROLE]!;
    expect((await act(pb, front, 'laporan', stored.id, { aksi: 'tugaskan', ditugaskan_ke: worker.id, diteruskan_ke: PILLARS, unit_tujuan: `Puskesmas ${PLACE}` })).status).toBe(200);
    const path = pathTo(STATUS_LISTS.laporan, statusWithMeaning(STATUS_LISTS.laporan, 'success'));
    const first = await act(pb, front, 'laporan', stored.id, { aksi: 'status', status: path[0]!, catatan_publik: `Diteruskan ke petugas Kecamatan ${PLACE}.` });
    expect(first.status).toBe(200);
    // The assigned social worker may now record the handling.
    expect((await act(pb, worker, 'laporan', stored.id, { aksi: 'penanganan', penanganan: ['rujukan_rumah_sakit'], catatan_publik: 'Dirujuk ke rumah sakit daerah.' })).status).toBe(200);
    const history = await pb.admin.collection('riwayat_laporan').getFullList({ filter: pb.admin.filter('laporan = {:id}', { id: stored.id }), sort: 'urutan' });
    expect(history.map((h) => h['jenis'])).toEqual(['status', 'penerusan', 'status', 'perubahan_data']);
    expect(history[1]!['perubahan']).toMatchObject({ ditugaskan_ke: worker.id, diteruskan_ke: PILLARS, unit_tujuan: `Puskesmas ${PLACE}` });
    expect(String(history[1]!['petugas'])).toContain(front.nama);
    expect(history[3]!['perubahan']).toEqual({ penanganan: ['rujukan_rumah_sakit'] });
    expect((await pb.admin.collection('laporan').getOne(stored.id))['ditugaskan_ke']).toBe(worker.id);

    const answer = await fetch(`${pb.url}/api/lacak/${res.body['kode_lacak']}`);
    const text = await answer.text();
    const body = JSON.parse(text) as Lacak;
    expect(body.status).toBe(path[0]);
    expect(body.riwayat.map((r) => r.catatan)).toContain(`Diteruskan ke petugas Kecamatan ${PLACE}.`);
    for (const secret of [...Object.values(SECRET), '81277776543', '1.851234', '106.123456']) expect(text).not.toContain(secret);
  });
});

describe('retention of reports', () => {
  it('removes photos, contact, description and place of reports closed longer ago than the retention period', async () => {
    const res = await post(report());
    const stored = await byCode(res.body['kode_lacak']);
    await advance(pb, 'laporan', stored.id, statusWithMeaning(STATUS_LISTS.laporan, 'rejected'), { note: () => 'Orang tidak ditemukan di lokasi saat dijangkau.' });
    writeDirect(pb.dataDir, 'laporan', stored.id, { ditutup: new Date(Date.now() - 400 * 86_400_000).toISOString().replace('T', ' ') });
    await pb.admin.crons.run('retensi_berkas');
    await waitFor(async () => (await pb.admin.collection('laporan').getOne(stored.id))['berkas_dihapus'] === true, 'retensi laporan');
    const after = await pb.admin.collection('laporan').getOne(stored.id);
    expect(after['berkas_dihapus']).toBe(true);
    expect(after['foto']).toEqual([]);
    expect(after['deskripsi']).toBe('(dihapus)');
    const text = JSON.stringify(after);
    for (const secret of Object.values(SECRET)) expect(text).not.toContain(secret);
    expect(after['jenis']).toBe(stored['jenis']); // kept for statistics
  });
});
