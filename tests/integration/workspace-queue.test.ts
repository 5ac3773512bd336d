import { beforeAll, describe, expect, it } from 'vitest';
import { usePocketBase } from '../support/pocketbase';
import { SAMPLE_PERSON } from '../support/application';
import { K0, K1, OTHER_PERSON, ROLES, SERVICE, seedCasework, type Casework } from '../support/casework';
import { apply, REQUESTS, SERVICES } from '../support/records';
import { flowContextOf } from '../../src/lib/portal-data';
import { judge } from '../../src/lib/rules/sop-flow';
import { advance, assignFieldStep, createStaff, portalOf, staffTeam, type StaffAccount } from '../support/staff';
import type { Antrean, AntreanQuery, HariIni } from '../../src/lib/api/petugas';

// The queue and "Hari ini" answers the workspace pages are built on: search that forgives how a
// number or code is typed, filters, counts that match the lists their cards open, and a field
// worker who sees only what is assigned to them.

const pb = usePocketBase({ rateLimits: false });
let work: Casework;

beforeAll(async () => {
  work = await seedCasework(pb);
}, 60_000);

async function get<T>(account: StaffAccount, path: string): Promise<{ status: number; body: T }> {
  const res = await fetch(`${pb.url}${path}`, { headers: { Authorization: account.client.authStore.token } });
  return { status: res.status, body: (await res.json()) as T };
}

async function queue(account: StaffAccount, query: AntreanQuery = {}): Promise<Antrean> {
  const params = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
  const res = await get<Antrean>(account, `/api/petugas/antrean?${params.toString()}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

const codes = (a: Antrean) => a.item.map((i) => i.kode).sort();
const sorted = (...sent: { code: string }[]) => sent.map((s) => s.code).sort();

describe('the queue search forgives how people type', () => {
  it('finds a NIK typed with spaces, in every request of that person (open ones)', async () => {
    const spaced = SAMPLE_PERSON.nik.replace(/(\d{4})(?=\d)/g, '$1 ');
    expect(spaced).toContain(' ');
    expect(codes(await queue(work.office, { q: spaced }))).toEqual(sorted(work.fresh, work.assigned, work.late));
  });

  it('finds a phone stored as +62… when typed as 0812-…, 62… or +62 …', async () => {
    const stored = (await pb.admin.collection('permohonan').getOne(work.checked.id))['telepon'];
    expect(stored).toMatch(/^\+62/);
    const national = OTHER_PERSON.telepon.replace(/\D/g, '').replace(/^0/, '');
    for (const typed of [OTHER_PERSON.telepon, `62${national}`, `+62 ${national.slice(0, 3)} ${national.slice(3)}`]) {
      expect(codes(await queue(work.office, { q: typed })), typed).toEqual(sorted(work.checked, work.dueToday));
    }
  });

  it('finds a tracking code typed in lower case without dashes, and a name in any case', async () => {
    expect(codes(await queue(work.office, { q: work.checked.code.toLowerCase().replace(/-/g, '') }))).toEqual(sorted(work.checked));
    expect(codes(await queue(work.office, { q: OTHER_PERSON.nama_lengkap.split(' ')[1]!.toLowerCase() }))).toEqual(sorted(work.checked, work.dueToday));
    // Reports are found by their code too, on their own list.
    expect(codes(await queue(work.office, { jenis: 'laporan', q: work.urgentReport.code.toLowerCase() }))).toEqual(sorted(work.urgentReport));
  });
});

describe('queue filters and counts', () => {
  it('lists the open requests, oldest first, with the filters it offers', async () => {
    const all = await queue(work.office);
    expect(all.total).toBe(5);
    expect(all.item.map((i) => i.kode)).toEqual([work.fresh, work.checked, work.assigned, work.late, work.dueToday].map((s) => s.code));
    expect(all.pilihan.kecamatan.map((k) => k.id)).toContain(K1.id);
    expect(all.pilihan.status.every((s) => s.jenis === 'permohonan')).toBe(true);
    const assigned = all.item.find((i) => i.kode === work.assigned.code)!;
    expect(assigned.petugas_lapangan).toEqual({ id: work.field.id, nama: work.field.nama });
    // The same person's other open requests are flagged for a check.
    expect(assigned.tanda).toBeGreaterThan(0);
  });

  it('narrows by kecamatan, status, late, due today, and combines them', async () => {
    expect(codes(await queue(work.office, { kecamatan: K1.id }))).toEqual(sorted(work.checked, work.assigned));
    expect(codes(await queue(work.office, { status: REQUESTS.checking.id }))).toEqual(sorted(work.checked));
    expect(codes(await queue(work.office, { terlambat: '1' }))).toEqual(sorted(work.late));
    expect(codes(await queue(work.office, { jatuh_tempo: '1' }))).toEqual(sorted(work.dueToday));
    expect((await queue(work.office, { kecamatan: K1.id, terlambat: '1' })).total).toBe(0);
    expect((await queue(work.office, { layanan: SERVICE.id })).total).toBe(5);
    const otherService = SERVICES.find((s) => s.id !== SERVICE.id);
    if (otherService) expect((await queue(work.office, { layanan: otherService.id })).total).toBe(0);
    expect(codes(await queue(work.office, { kecamatan: K0.id, q: SAMPLE_PERSON.nama_lengkap }))).toEqual(sorted(work.fresh, work.late));
  });

  it('puts urgent reports first and narrows reports to the urgent ones', async () => {
    const reports = await queue(work.office, { jenis: 'laporan' });
    expect(reports.total).toBe(3);
    expect(reports.item[0]!.kode).toBe(work.urgentReport.code);
    expect(reports.item[0]!.mendesak).toBe(true);
    expect(reports.item[0]!.nama).toBeNull();
    expect(codes(await queue(work.office, { jenis: 'laporan', mendesak: '1' }))).toEqual(sorted(work.urgentReport));
    expect(codes(await queue(work.office, { jenis: 'laporan', kecamatan: K1.id }))).toEqual(sorted(work.plainReport));
  });

  it('counts on "Hari ini" what its cards open in the queue', async () => {
    const today = (await get<HariIni>(work.office, '/api/petugas/hari-ini')).body;
    for (const card of today.kartu) {
      const jenis = card.query.jenis;
      const lists = jenis ? [await queue(work.office, card.query)] : [await queue(work.office, card.query), await queue(work.office, { ...card.query, jenis: 'laporan' })];
      // "Menunggu tindakan saya" spans both lists; the other cards count requests, or reports when they say so.
      const total = card.kunci === 'menunggu_saya' ? lists.reduce((n, l) => n + l.total, 0) : lists[0]!.total;
      expect(card.jumlah, card.kunci).toBe(total);
    }
    const count = (kunci: string) => today.kartu.find((c) => c.kunci === kunci)?.jumlah;
    expect(count('terlambat')).toBe(1);
    expect(count('jatuh_tempo')).toBe(1);
    expect(count('laporan_mendesak')).toBe(1);
    expect(today.mendesak.map((i) => i.kode)).toEqual([work.urgentReport.code]);
    expect(today.menunggu_saya.every((i) => i.menunggu_saya)).toBe(true);
  });
});

describe('who sees what', () => {
  it('shows a field worker only what is assigned to them, in both lists and on "Hari ini"', async () => {
    const mine = await queue(work.field);
    expect(codes(mine)).toEqual(sorted(work.assigned));
    // Searching does not widen it: the same person's other requests stay hidden.
    expect(codes(await queue(work.field, { q: SAMPLE_PERSON.nik }))).toEqual(sorted(work.assigned));
    expect((await queue(work.field, { jenis: 'laporan' })).total).toBe(0);
    const today = (await get<HariIni>(work.field, '/api/petugas/hari-ini')).body;
    expect(today.kartu.find((c) => c.kunci === 'baru')).toBeUndefined();
    expect(today.mendesak).toEqual([]);
    const other = await get<{ message: string }>(work.field, `/api/petugas/kasus/permohonan/${work.fresh.id}`);
    expect(other.status).toBe(404);
  });

  it('refuses the queue before the first password is changed, and to a role that reads no cases', async () => {
    const fresh = await createStaff(pb, { nama: 'Belum Ganti Sandi', peran: [ROLES.office.id], changePassword: false });
    const refused = await get<{ message: string }>(fresh, '/api/petugas/antrean');
    expect(refused.status).toBe(403);
    expect(refused.body.message).toContain('Ganti kata sandi');
    // The account page still answers who this is.
    const saya = await get<{ wajib_ganti_sandi: boolean }>(fresh, '/api/petugas/saya');
    expect(saya.body.wajib_ganti_sandi).toBe(true);
    if (ROLES.numbersOnly) {
      const planner = work.team[ROLES.numbersOnly.id]!;
      expect((await get(planner, '/api/petugas/antrean')).status).toBe(403);
      expect((await get<HariIni>(planner, '/api/petugas/hari-ini')).body.kartu).toEqual([]);
    }
  });
});

describe('a field step nobody is assigned to yet', () => {
  it('waits for the roles that assign, and once assigned for the field worker alone', async () => {
    const data = portalOf();
    const service = data.services.find((s) => s.id === SERVICE.id)!;
    const fieldStep = service.steps.findIndex((st) => st.roles.length > 0 && st.roles.every((r) => data.roles.find((x) => x.id === r)?.field));
    expect(fieldStep, 'layanan contoh punya langkah lapangan').toBeGreaterThan(0);
    const sent = await apply(pb, SERVICE.id, K0.id);
    await advance(pb, 'permohonan', sent.id, service.steps[fieldStep]!.stage);
    // The roles that read cases (the figures-only role has no queue).
    const team = Object.values(await staffTeam(pb)).filter((a) => a.roles.some((r) => data.roles.find((x) => x.id === r)?.cases));
    const ctx = flowContextOf(data, SERVICE.id);
    const rec = await pb.admin.collection('permohonan').getOne(sent.id);
    const state = { status: String(rec['status']), langkah: Number(rec['langkah']), assignedToMe: false };
    expect(state.langkah).toBe(fieldStep);
    const waitingFor = async (account: StaffAccount) => codes(await queue(account, { untuk_saya: '1' })).includes(sent.code);
    for (const account of team) {
      const assigns = judge(ctx, state, account.roles, 'tugaskan').allowed;
      const field = account.roles.some((r) => data.roles.find((x) => x.id === r)?.field);
      expect(await waitingFor(account), `${account.roles.join()} sebelum penugasan`).toBe(assigns && !field);
    }
    const worker = await assignFieldStep(pb, sent.id);
    for (const account of team) expect(await waitingFor(account), `${account.roles.join()} sesudah penugasan`).toBe(account.id === worker.id);
  });
});
