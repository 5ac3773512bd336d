import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPocketBase, type TestPocketBase } from '../support/pocketbase';
import { act, advance, portalOf, staffTeam } from '../support/staff';
import { flowContextOf } from '../../src/lib/portal-data';
import { judge, nextFieldRoles } from '../../src/lib/rules/sop-flow';
import { applyAsSamplePerson, SAMPLE_PERSON, SAMPLE_PERSONAL_STRINGS } from '../support/application';
import { backdate } from '../support/backdate';
import { applicantRoleLabel } from '../../src/lib/rules/applicant';

let pb: TestPocketBase;
beforeAll(async () => {
  pb = await startTestPocketBase();
});
afterAll(async () => {
  await pb?.stop();
});

const ALLOWED_KEYS = ['ada_surat', 'dalam_waktu_standar', 'dapat_dinilai', 'diajukan', 'diajukan_oleh', 'ditemukan', 'dokumen_perbaikan', 'kode', 'layanan', 'perkiraan_hari_kerja', 'pesan', 'riwayat', 'selesai', 'status', 'status_keterangan', 'status_label', 'tahapan'];

const PERSONAL_STRINGS = SAMPLE_PERSONAL_STRINGS;
const apply = () => applyAsSamplePerson(pb.url);

async function track(code: string): Promise<{ status: number; text: string; body: Record<string, unknown> }> {
  const res = await fetch(`${pb.url}/api/lacak/${encodeURIComponent(code)}`);
  const text = await res.text();
  return { status: res.status, text, body: JSON.parse(text) as Record<string, unknown> };
}

describe('public tracking route', () => {
  it('answers with the stages and history and no personal value at all', async () => {
    const code = await apply();
    const { status, text, body } = await track(code.toLowerCase().replace(/-/g, ' '));
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(ALLOWED_KEYS);
    expect(body['kode']).toBe(code);
    expect(body['layanan']).toBe('Bantuan Alat Bantu bagi Penyandang Disabilitas');
    expect(body['status']).toBe('diterima');
    const stages = body['tahapan'] as { status: string; menit_standar: number; mulai: string | null }[];
    expect(stages.map((s) => s.status)).toEqual(['diterima', 'verifikasi_berkas', 'verifikasi_lapangan', 'menunggu_keputusan', 'disetujui']);
    expect(stages[0]!.mulai).toBeTruthy();
    // Who applied, as a role: the person tracking may not be the person served.
    expect(body['diajukan_oleh']).toBe(applicantRoleLabel(SAMPLE_PERSON.pemohon_adalah));
    for (const value of PERSONAL_STRINGS) expect(text, value).not.toContain(value);
    expect(text).not.toMatch(/\.(jpg|png|pdf)/); // no file names
  });

  it('shows a staff status change with its public note and the document to fix, but never the internal fields', async () => {
    const code = await apply();
    const record = await pb.admin.collection('permohonan').getFirstListItem(pb.admin.filter('kode_lacak = {:k}', { k: code }));
    const team = await staffTeam(pb);
    const front = team['petugas-layanan']!;
    const register = await act(pb, front, 'permohonan', record.id, { aksi: 'langkah', catatan_publik: 'Berkas sedang diperiksa.' });
    expect(register.status).toBe(200);
    const repair = await act(pb, front, 'permohonan', record.id, { aksi: 'perbaikan', catatan_publik: 'Foto KK terpotong, mohon kirim ulang.', dokumen_perbaikan: ['kk'] });
    expect(repair.status).toBe(200);
    const { body, text } = await track(code);
    expect(body['status']).toBe('perlu_perbaikan');
    expect(body['status_label']).toBe('Perlu perbaikan');
    expect(body['dokumen_perbaikan']).toEqual(['Kartu Keluarga (KK)']);
    const history = body['riwayat'] as { status: string; catatan: string }[];
    expect(history.map((h) => h.status)).toEqual(['diterima', 'verifikasi_berkas', 'perlu_perbaikan']);
    expect(history[2]!.catatan).toBe('Foto KK terpotong, mohon kirim ulang.');
    const stages = body['tahapan'] as { status: string; mulai: string | null; selesai: string | null }[];
    expect(stages[0]!.selesai).toBeTruthy(); // diterima ended when verification began
    for (const value of PERSONAL_STRINGS) expect(text, value).not.toContain(value);
  });

  it('shows an assignment or a document check only when staff wrote the person a public note with it', async () => {
    const code = await apply();
    const record = await pb.admin.collection('permohonan').getFirstListItem(pb.admin.filter('kode_lacak = {:k}', { k: code }));
    const data = portalOf();
    const ctx = flowContextOf(data, String(record['layanan']));
    const fieldStep = ctx.steps.findIndex((st) => st.roles.some((r) => data.roles.find((x) => x.id === r)?.field));
    expect(fieldStep, 'layanan contoh punya langkah lapangan').toBeGreaterThan(0);
    await advance(pb, 'permohonan', record.id, ctx.steps[fieldStep]!.stage);
    const team = Object.values(await staffTeam(pb));
    const fresh = await pb.admin.collection('permohonan').getOne(record.id);
    const state = { status: String(fresh['status']), langkah: Number(fresh['langkah']), assignedToMe: false };
    const needed = nextFieldRoles(ctx, state);
    const worker = team.find((a) => a.roles.some((r) => needed.includes(r)))!;
    const assigner = team.find((a) => judge(ctx, state, a.roles, 'tugaskan').allowed)!;
    const before = ((await track(code)).body['riwayat'] as unknown[]).length;
    // An assignment with an internal note only: nothing new on the tracking page.
    expect((await act(pb, assigner, 'permohonan', record.id, { aksi: 'tugaskan', petugas_lapangan: worker.id, catatan_internal: 'Rumah di belakang masjid, tanya RT.' })).status).toBe(200);
    let tracked = await track(code);
    expect((tracked.body['riwayat'] as unknown[]).length).toBe(before);
    expect(tracked.text).not.toContain('belakang masjid');
    // Again with a public note for the person: that note is shown, the internal one never.
    const visit = 'Petugas lapangan akan berkunjung minggu ini.';
    expect((await act(pb, assigner, 'permohonan', record.id, { aksi: 'tugaskan', petugas_lapangan: worker.id, catatan_publik: visit, catatan_internal: 'Bawa formulir cadangan.' })).status).toBe(200);
    tracked = await track(code);
    const history = tracked.body['riwayat'] as { status: string; catatan: string }[];
    expect(history).toHaveLength(before + 1);
    expect(history[history.length - 1]).toMatchObject({ status: fresh['status'], catatan: visit });
    expect(tracked.text).not.toContain('formulir cadangan');
    expect(tracked.text).not.toContain(worker.nama);
  });

  it('never flags late a stage whose time the SOP does not fix, however long it runs', async () => {
    const code = await apply();
    const record = await pb.admin.collection('permohonan').getFirstListItem(pb.admin.filter('kode_lacak = {:k}', { k: code }));
    const service = portalOf().services.find((s) => s.id === record['layanan'])!;
    const open = service.stages.find((st) => !st.timed);
    expect(open, `layanan ${service.id} punya tahap tanpa waktu tetap`).toBeTruthy();
    await advance(pb, 'permohonan', record.id, open!.status);
    expect((await pb.admin.collection('permohonan').getOne(record.id))['batas_tahap']).toBe('');
    // Forty days in that stage: still no due date, no late flag, publicly or for staff.
    backdate(pb.dataDir, 'permohonan', [record.id], new Date(Date.now() - 40 * 86_400_000));
    await pb.admin.crons.run('tandai_terlambat');
    expect((await pb.admin.collection('permohonan').getOne(record.id))['terlambat']).toBe(false);
    const { body } = await track(code);
    const stage = (body['tahapan'] as { status: string; batas: string | null; terlambat: boolean; waktu_tetap: boolean }[]).find((st) => st.status === open!.status)!;
    expect(stage).toMatchObject({ batas: null, terlambat: false, waktu_tetap: false });
    expect(body['dalam_waktu_standar']).toBe(true);
    // The citizen's expectation comes from content, in working days.
    expect(body['perkiraan_hari_kerja']).toEqual({ min: service.expectedDays.min, maks: service.expectedDays.max });
  });

  it('answers an unknown or malformed code with the same keys and 404', async () => {
    for (const code of ['BKA-222-222-222', "BKA' OR 1=1", '../../etc/passwd', 'kode_lacak!=""']) {
      const { status, body } = await track(code);
      expect(status, code).toBe(404);
      expect(Object.keys(body).sort()).toEqual(ALLOWED_KEYS);
      expect(body['ditemukan']).toBe(false);
      expect(body['riwayat']).toEqual([]);
    }
  });

  it('is rate limited by PocketBase (set by a migration)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await fetch(`${pb.url}/api/lacak/BKA-222-222-22${i % 10}`)).status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(statuses.slice(0, 20).every((s) => s === 404)).toBe(true);
  });

  it('limits how many applications one address may send in a minute (not only in 5 seconds)', async () => {
    // Spaced 350 ms apart, PocketBase's default create limit (20 per 5 s) never triggers;
    // the portal's own rule (20 per minute for guests) does.
    const statuses: number[] = [];
    for (let i = 0; i < 24; i++) {
      const res = await fetch(`${pb.url}/api/collections/permohonan/records`, { method: 'POST', body: new FormData() });
      statuses.push(res.status);
      await new Promise((r) => setTimeout(r, 350));
    }
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
  });
});
