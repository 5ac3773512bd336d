// The LAKIN export and the key indicator (IKU): counts per service, PPKS category, kecamatan,
// status and month, and "persentase PMKS yang memperoleh pelayanan dasar" counting persons, not
// requests: a NIK once, a report about a PPKS as one person. Downloaded by the roles that have
// the `ekspor` power, from the workspace, with no console.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { usePocketBase } from '../support/pocketbase';
import { advance, portalOf, staffTeam } from '../support/staff';
import { applicationForm, applicationVectors, reportAsSamplePerson } from '../support/application';
import { STATUS_LISTS, statusWithMeaning } from '../support/workflow';
import { pbDate, writeDirect } from '../support/backdate';
import { zoneOffsetHours } from '../../src/lib/rules';
import { askedFiles } from '../support/applicant';

const pb = usePocketBase({ rateLimits: false });
const data = portalOf();
const [serviceA, serviceB] = data.services.filter((s) => s.onlineApplication);
const [k0, k1, k2] = data.kecamatan;
const ppks = data.ppks.map((p) => p.id);
/** The office's clock: years and months are the office's, not UTC's. */
const OFFSET = zoneOffsetHours(data.site.timeZone) * 3_600_000;
const officeNow = () => new Date(Date.now() + OFFSET);
const S = (m: 'initial' | 'success' | 'rejected' | 'cancelled') => statusWithMeaning(STATUS_LISTS.permohonan, m);

/** A valid NIK of the sample person's region and birth date, with its own serial number. */
const nik = (serial: number) => applicationVectors()[0]!.input.nik.slice(0, 12) + String(serial).padStart(4, '0');

/** Seeded requests: what the export must count. Persons 1 and 2 each ask twice. */
const SEED = [
  { person: 1, layanan: serviceA!.id, kecamatan: k0!.id, ppks: ppks[0]!, status: S('success') },
  { person: 1, layanan: serviceB!.id, kecamatan: k0!.id, ppks: ppks[0]!, status: S('success') },
  { person: 2, layanan: serviceB!.id, kecamatan: k1!.id, ppks: ppks[1]!, status: S('success') },
  { person: 2, layanan: serviceB!.id, kecamatan: k1!.id, ppks: ppks[0]!, status: S('rejected') },
  { person: 3, layanan: serviceB!.id, kecamatan: k1!.id, ppks: ppks[0]!, status: S('rejected') },
  { person: 4, layanan: serviceA!.id, kecamatan: k2!.id, ppks: '', status: S('cancelled') },
  { person: 5, layanan: serviceA!.id, kecamatan: k2!.id, ppks: '', status: S('initial') },
];

function count<T>(items: T[], key: (item: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return out;
}

function parseCsv(text: string): string[][] {
  return text
    .trim()
    .split('\r\n')
    .map((line) => [...line.matchAll(/("([^"]|"")*"|[^,]*)(,|$)/g)].filter((m) => m[0] !== '').map((m) => m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"')));
}

async function seed() {
  const base = applicationVectors()[0]!;
  for (const s of SEED) {
    const service = data.services.find((x) => x.id === s.layanan)!;
    const answers = Object.fromEntries(service.questions.map((q) => [q.id, q.expected]));
    const res = await fetch(`${pb.url}/api/collections/permohonan/records`, {
      method: 'POST',
      body: applicationForm({ ...base.input, nik: nik(s.person), layanan: s.layanan, kecamatan: s.kecamatan, id_pengiriman: randomUUID(), jawaban_kelayakan: answers }, askedFiles(service, base.input, Object.fromEntries(service.documents.map((d) => [d.key, base.files[d.key] ?? { size: 20_000, type: d.accept[0]! }])))),
    });
    const body = (await res.json()) as { kode_lacak: string };
    expect(res.status, JSON.stringify(body)).toBe(200);
    const record = await pb.admin.collection('permohonan').getFirstListItem(pb.admin.filter('kode_lacak = {:k}', { k: body.kode_lacak }));
    if (s.ppks) await pb.admin.collection('permohonan').update(record.id, { kategori_ppks: s.ppks });
    if (s.status !== S('initial')) await advance(pb, 'permohonan', record.id, s.status);
  }
  // Reports: one about a PPKS, served (one more person); a complaint about the service, served,
  // which the indicator does not cover.
  const ppksKind = data.reportTypes.find((t) => t.ppks.length > 0)!;
  const complaint = data.reportTypes.find((t) => t.ppks.length === 0);
  const reportSuccess = statusWithMeaning(STATUS_LISTS.laporan, 'success');
  for (const kind of [ppksKind, complaint].filter(Boolean)) {
    const code = await reportAsSamplePerson(pb.url, { jenis: kind!.id, kategori_ppks: kind!.ppks[0] ?? '' });
    const r = await pb.admin.collection('laporan').getFirstListItem(pb.admin.filter('kode_lacak = {:k}', { k: code }));
    await advance(pb, 'laporan', r.id, reportSuccess);
  }
}

describe('LAKIN export and the key indicator', () => {
  it('counts the seeded requests per service, PPKS category, kecamatan, status and month, and each person once in the indicator', async () => {
    await seed();
    const team = await staffTeam(pb);
    const exporter = Object.values(team).find((a) => data.roles.some((r) => a.roles.includes(r.id) && r.can.includes('ekspor')))!;
    const year = officeNow().getUTCFullYear();
    const res = await fetch(`${pb.url}/api/petugas/ekspor/lakin.csv?tahun=${year}`, { headers: { Authorization: exporter.client.authStore.token } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="lakin-${year}.csv"`);
    const rows = parseCsv(await res.text());
    expect(rows[0]).toEqual(['dimensi', 'kunci', 'label', 'jumlah']);
    const of = (dimension: string) => Object.fromEntries(rows.filter((r) => r[0] === dimension).map((r) => [r[1], Number(r[3])]));
    expect(of('layanan')).toEqual(count(SEED, (s) => s.layanan));
    expect(of('kecamatan')).toEqual(count(SEED, (s) => s.kecamatan));
    expect(of('kategori_ppks')).toEqual(count(SEED, (s) => s.ppks));
    expect(of('status')).toEqual(count(SEED, (s) => s.status));
    expect(of('bulan')).toEqual({ [officeNow().toISOString().slice(0, 7)]: SEED.length });
    // Persons: 1 (served twice), 2 (served and refused), 3 (refused), and the PPKS report (served).
    // Person 4 cancelled and person 5 is still open; the complaint is not about a PPKS.
    const served = 3;
    const decided = 4;
    expect(rows.find((r) => r[1] === 'kasus_selesai')![3]).toBe(String(served));
    expect(rows.find((r) => r[1] === 'kasus_diputus')![3]).toBe(String(decided));
    expect(rows.find((r) => r[1] === 'persentase_pmks_terlayani')![3]).toBe(((served / decided) * 100).toFixed(2));
    expect(rows.find((r) => r[1] === k1!.id)![2]).toBe(`${k1!.code} ${k1!.name}`);

    const iku = await fetch(`${pb.url}/api/petugas/ekspor/iku?tahun=${year}`, { headers: { Authorization: exporter.client.authStore.token } });
    expect(await iku.json()).toMatchObject({ tahun: year, indikator: [{ kunci: 'persentase_pmks_terlayani', pembilang: served, penyebut: decided, nilai: 75 }] });
  });

  it("counts by the office's calendar: a request at 03:00 office time on 1 January is the new year's, and January's", async () => {
    const team = await staffTeam(pb);
    const exporter = Object.values(team).find((a) => data.roles.some((r) => a.roles.includes(r.id) && r.can.includes('ekspor')))!;
    const base = applicationVectors()[0]!;
    const service = data.services.find((x) => x.id === serviceA!.id)!;
    const res = await fetch(`${pb.url}/api/collections/permohonan/records`, {
      method: 'POST',
      body: applicationForm({ ...base.input, nik: nik(9), layanan: service.id, id_pengiriman: randomUUID(), jawaban_kelayakan: Object.fromEntries(service.questions.map((q) => [q.id, q.expected])) }, askedFiles(service, base.input, Object.fromEntries(service.documents.map((d) => [d.key, base.files[d.key] ?? { size: 20_000, type: d.accept[0]! }])))),
    });
    const { kode_lacak } = (await res.json()) as { kode_lacak: string };
    const record = await pb.admin.collection('permohonan').getFirstListItem(pb.admin.filter('kode_lacak = {:k}', { k: kode_lacak }));
    // A year nobody else seeded; in UTC this moment is still 31 December of the year before.
    const year = 2031;
    const at = new Date(Date.UTC(year, 0, 1, 3) - OFFSET);
    writeDirect(pb.dataDir, 'permohonan', record.id, { created: pbDate(at) });
    const csv = async (y: number) => parseCsv(await (await fetch(`${pb.url}/api/petugas/ekspor/lakin.csv?tahun=${y}`, { headers: { Authorization: exporter.client.authStore.token } })).text());
    const months = (rows: string[][]) => Object.fromEntries(rows.filter((r) => r[0] === 'bulan').map((r) => [r[1], Number(r[3])]));
    expect(months(await csv(year))).toEqual({ [`${year}-01`]: 1 });
    expect(months(await csv(year - 1))).toEqual({});
  });

  it('is only for the roles with the export power, and checks the year', async () => {
    const team = await staffTeam(pb);
    const year = new Date().getUTCFullYear();
    for (const account of Object.values(team)) {
      const allowed = data.roles.some((r) => account.roles.includes(r.id) && r.can.includes('ekspor'));
      const res = await fetch(`${pb.url}/api/petugas/ekspor/lakin.csv?tahun=${year}`, { headers: { Authorization: account.client.authStore.token } });
      expect(res.status, account.roles.join()).toBe(allowed ? 200 : 403);
      if (!allowed) expect(((await res.json()) as { message: string }).message).toMatch(/^Ekspor data LAKIN dan indikator hanya untuk peran/);
    }
    expect((await fetch(`${pb.url}/api/petugas/ekspor/lakin.csv`)).status).toBe(401);
    const exporter = Object.values(team).find((a) => data.roles.some((r) => a.roles.includes(r.id) && r.can.includes('ekspor')))!;
    const bad = await fetch(`${pb.url}/api/petugas/ekspor/lakin.csv?tahun=abc`, { headers: { Authorization: exporter.client.authStore.token } });
    expect(bad.status).toBe(400);
    const empty = await fetch(`${pb.url}/api/petugas/ekspor/lakin.csv?tahun=2001`, { headers: { Authorization: exporter.client.authStore.token } });
    const rows = parseCsv(await empty.text());
    expect(rows.find((r) => r[1] === 'persentase_pmks_terlayani')![3] ?? '').toBe('');
    // The administrators keep their own route in the admin UI's reach.
    expect((await fetch(`${pb.url}/api/lakin/ekspor?tahun=${year}`, { headers: { Authorization: pb.admin.authStore.token } })).status).toBe(200);
  });
});
