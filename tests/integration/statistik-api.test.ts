import { beforeAll, describe, expect, it } from 'vitest';
import { usePocketBase } from '../support/pocketbase';
import { computeIkm, krejcieMorgan } from '../../src/lib/rules/ikm';
import { MIN_PUBLIC_COUNT } from '../../src/lib/rules';
import { SAMPLE_PERSONAL_STRINGS } from '../support/application';
import { backdate, mondayAt, mondayDate, OFFSET_MS, pbDate, writeDirect } from '../support/backdate';
import type { BoardItem, Hidden, Progres, Statistik } from '../../src/lib/api/figures';
import { apply, FINISHED, KECAMATAN, move, report, REPORT_TYPES, REPORTS, REQUESTS, SERVICES, survey, type Sent } from '../support/records';

// The public figures publish no count, median, percentage or survey index that rests on fewer
// than MIN_PUBLIC_COUNT items, and the board publishes groups, once a day, never a record.
// Issue 12: a filter combination on /api/progres showed "total 1": one refused assistive-device
// request in one kecamatan on one date; a new record showed 0.06 s after it was sent.

const pb = usePocketBase({ rateLimits: false });
const MIN = MIN_PUBLIC_COUNT;
const DAY_MS = 86_400_000;

// Everything is taken from content/: the vectors' service first, then the next online services.
const [A, B, C] = SERVICES as [(typeof SERVICES)[0], (typeof SERVICES)[0], (typeof SERVICES)[0]];
const [K0, K1, K2, K3] = KECAMATAN as [(typeof KECAMATAN)[0], (typeof KECAMATAN)[0], (typeof KECAMATAN)[0], (typeof KECAMATAN)[0]];
const [T0, T1, T2] = REPORT_TYPES as [(typeof REPORT_TYPES)[0], (typeof REPORT_TYPES)[0], (typeof REPORT_TYPES)[0]];
/** Reports for the paging test: five a week in one kecamatan, one row per week. */
const TP = REPORT_TYPES[REPORT_TYPES.length - 1]!;
const PAGING_WEEKS = 51;
const FINISH = REQUESTS.pathTo(FINISHED);

/** Everything sensitive written into some reports: none of it may reach a public answer. */
const REPORT_SECRETS = {
  deskripsi: 'Bapak tua tidur di emperan toko, kakinya luka bernanah',
  patokan: 'Samping Toko Emas Cahaya Abadi',
  desa_kelurahan: 'Kampung Rahasia Pelapor',
  nama_pelapor: 'Wulandari Pelapor Uji',
  telepon_pelapor: '081211112222',
};
const SECRET_STRINGS = [...SAMPLE_PERSONAL_STRINGS, ...Object.values(REPORT_SECRETS), '6281211112222', 'Rahasia'];

const seeded: Sent[] = [];
const surveyAnswers = new Map<string, number[][]>();

async function times(n: number, send: () => Promise<Sent>): Promise<Sent[]> {
  const out: Sent[] = [];
  for (let i = 0; i < n; i++) out.push(await send());
  seeded.push(...out);
  return out;
}

async function moveAll(collection: 'permohonan' | 'laporan', records: Sent[], path: readonly string[]) {
  for (const r of records) await move(pb, collection, r.id, path);
}

async function surveyAll(service: string, records: Sent[], scores: number[]) {
  for (const [i, r] of records.entries()) {
    await survey(pb, r.code, scores[i]!);
    surveyAnswers.set(service, [...(surveyAnswers.get(service) ?? []), Array(9).fill(scores[i]!) as number[]]);
  }
}

/** An instant `days` working days (Monday–Friday, office calendar) after `from`, at noon. */
function afterWorkingDays(from: Date, days: number): Date {
  if (days === 0) return new Date(from.getTime() + 1000);
  let day = Math.floor((from.getTime() + OFFSET_MS) / DAY_MS) * DAY_MS;
  for (let counted = 0; counted < days; ) {
    day += DAY_MS;
    const weekday = new Date(day).getUTCDay();
    if (weekday >= 1 && weekday <= 5) counted++;
  }
  return new Date(day + 12 * 3_600_000 - OFFSET_MS);
}

// Week W is the one two weeks back, W1 last week; both lie wholly before today's batch.
const W = mondayDate(2);
const W1 = mondayDate(1);

let finishedA: Sent[] = [];

beforeAll(async () => {
  // Requests, week W.
  finishedA = await times(5, () => apply(pb, A.id, K0.id)); // a published group
  const refusedA = await times(1, () => apply(pb, A.id, K1.id)); // the issue's case: alone
  const receivedA1 = await times(3, () => apply(pb, A.id, K1.id)); // 3 + 2 in two kecamatan:
  const receivedA2 = await times(2, () => apply(pb, A.id, K2.id)); //   merged, "Beberapa kecamatan"
  const checkingA = await times(3, () => apply(pb, A.id, K3.id)); // 3 + 2 of two services in two
  const checkingB = await times(2, () => apply(pb, B.id, K2.id)); //   kecamatan: "Beberapa layanan", "Beberapa kecamatan"
  const finishedB = await times(4, () => apply(pb, B.id, K0.id)); // 4 + 1 finished of two services
  const finishedC = await times(1, () => apply(pb, C.id, K0.id)); //   in one kecamatan: "Beberapa layanan" there
  await moveAll('permohonan', [...finishedA, ...finishedB, ...finishedC], FINISH);
  await moveAll('permohonan', refusedA, [REQUESTS.refused.id]);
  await moveAll('permohonan', [...checkingA, ...checkingB], [REQUESTS.checking.id]);
  // Survey: 5 responses for A (published), 4 for B and 1 for C (each withheld).
  await surveyAll(A.id, finishedA, [4, 4, 4, 3, 3]);
  await surveyAll(B.id, finishedB, [2, 3, 3, 4]);
  await surveyAll(C.id, finishedC, [1]);

  // Reports: one refused report alone in week W; five with the reporter's details in W1; four
  // of another type in W1 (one short of a group); five a week for PAGING_WEEKS older weeks.
  const refusedT1 = await times(1, () => report(pb, T1.id, K1.id));
  await moveAll('laporan', refusedT1, [REPORTS.refused.id]);
  const receivedT0 = await times(5, () => report(pb, T0.id, K0.id, { ...REPORT_SECRETS, anonim: 'false' }));
  const almostT2 = await times(4, () => report(pb, T2.id, K3.id));
  const paging: Sent[][] = [];
  for (let w = 0; w < PAGING_WEEKS; w++) paging.push(await times(5, () => report(pb, TP.id, K2.id)));

  // Into the past, history and all, so today's batch holds them.
  const ids = (list: Sent[]) => list.map((r) => r.id);
  backdate(pb.dataDir, 'permohonan', ids([...finishedA, ...refusedA, ...receivedA1, ...receivedA2, ...checkingA, ...checkingB, ...finishedB, ...finishedC]), mondayAt(2));
  backdate(pb.dataDir, 'laporan', ids(refusedT1), mondayAt(2));
  backdate(pb.dataDir, 'laporan', ids([...receivedT0, ...almostT2]), mondayAt(1));
  paging.forEach((week, w) => backdate(pb.dataDir, 'laporan', ids(week), mondayAt(3 + w)));
  // A's requests took 0 to 4 working days.
  for (const [i, r] of finishedA.entries()) {
    const record = await pb.admin.collection('permohonan').getOne(r.id);
    const created = new Date(String(record['created']).replace(' ', 'T'));
    writeDirect(pb.dataDir, 'permohonan', r.id, { ditutup: pbDate(afterWorkingDays(created, i)) });
  }
}, 180_000);

async function getJson<T>(path: string): Promise<{ status: number; text: string; body: T; cache: string | null }> {
  const res = await fetch(`${pb.url}${path}`);
  const text = await res.text();
  return { status: res.status, text, body: JSON.parse(text) as T, cache: res.headers.get('cache-control') };
}

// ---------------------------------------------------------------- /api/statistik


/** Every count in the answer: a number of 0 or at least MIN, or null with its reason named. */
function countsOf(stats: Statistik): { where: string; value: number | null; marked: boolean }[] {
  const out: { where: string; value: number | null; marked: boolean }[] = [];
  const add = (where: string, obj: { disembunyikan: Hidden }, field: string, value: number | null) => out.push({ where: `${where} ${field}`, value, marked: field in obj.disembunyikan });
  const table = (where: string, obj: { total: number | null; per_status: Record<string, number | null>; disembunyikan: Hidden }) => {
    add(where, obj, 'total', obj.total);
    for (const [s, n] of Object.entries(obj.per_status)) add(where, obj, `per_status.${s}`, n);
  };
  table('permohonan', stats.permohonan);
  for (const s of stats.permohonan.per_layanan) {
    table(s.layanan, s);
    add(s.layanan, s, 'selesai', s.selesai);
  }
  add('laporan', stats.laporan, 'total', stats.laporan.total);
  for (const j of stats.laporan.per_jenis) table(j.jenis, j);
  add('ikm', stats.ikm, 'populasi', stats.ikm.populasi);
  for (const s of stats.ikm.per_layanan) add(`ikm ${s.layanan}`, s, 'populasi', s.populasi);
  return out;
}

describe('GET /api/statistik', () => {
  it('publishes no count of 1 to 4: such a cell is null and marked, and a total never gives one away by subtraction', async () => {
    const { status, body, cache } = await getJson<Statistik>('/api/statistik');
    expect(status).toBe(200);
    expect(cache).toBe('public, max-age=60');
    expect(body.ambang).toBe(MIN);
    for (const c of countsOf(body)) {
      if (c.value === null) expect(c.marked, `${c.where}: null tanpa penanda`).toBe(true);
      else {
        expect(c.value === 0 || c.value >= MIN, `${c.where} = ${c.value}`).toBe(true);
        expect(c.marked, `${c.where}: angka dengan penanda`).toBe(false);
      }
    }
    // A published total minus its published parts leaves 0, or at least MIN in two or more parts.
    const remainder = (where: string, total: number | null, parts: (number | null)[]) => {
      if (total === null) return;
      const hidden = parts.filter((p) => p === null).length;
      const rest = total - parts.reduce<number>((n, p) => n + (p ?? 0), 0);
      expect(rest === 0 ? hidden === 0 : hidden >= 2 && rest >= MIN, `${where}: ${total} − bagian yang tampil = ${rest} (${hidden} angka tersembunyi)`).toBe(true);
    };
    const services = body.permohonan.per_layanan;
    for (const s of services) remainder(s.layanan, s.total, Object.values(s.per_status));
    for (const status of Object.keys(body.permohonan.per_status)) {
      remainder(`status ${status}`, body.permohonan.per_status[status]!, services.filter((s) => status in s.per_status).map((s) => s.per_status[status]!));
    }
    remainder('semua permohonan per layanan', body.permohonan.total, services.map((s) => s.total));
    remainder('semua permohonan per status', body.permohonan.total, Object.values(body.permohonan.per_status));
    for (const j of body.laporan.per_jenis) remainder(j.jenis, j.total, Object.values(j.per_status));
    remainder('semua laporan', body.laporan.total, body.laporan.per_jenis.map((j) => j.total));
  });

  it('shows a cell of five or more and withholds one of 1 to 4, per service, status and report type', async () => {
    const { body } = await getJson<Statistik>('/api/statistik');
    const service = (id: string) => body.permohonan.per_layanan.find((s) => s.layanan === id)!;
    const initial = REQUESTS.initial.id;
    const a = service(A.id);
    // A: 5 received, 3 in checking, 1 refused, 5 finished. The 3 and the 1 are withheld; with
    // the total of 14 published they would add up to 4, so the smallest cell of five goes too.
    expect(a).toMatchObject({ judul: A.title, total: 14, selesai: 5 });
    expect(a.per_status).toEqual({ [initial]: null, [REQUESTS.checking.id]: null, [REQUESTS.refused.id]: null, [FINISHED]: 5 });
    expect(a.disembunyikan).toEqual({
      [`per_status.${initial}`]: 'melindungi',
      [`per_status.${REQUESTS.checking.id}`]: 'di_bawah_ambang',
      [`per_status.${REQUESTS.refused.id}`]: 'di_bawah_ambang',
    });
    // B: 2 in checking and 4 finished, total 6; C: a single finished request.
    expect(service(B.id)).toMatchObject({ total: 6, selesai: null, per_status: { [REQUESTS.checking.id]: null, [FINISHED]: null } });
    expect(service(C.id)).toMatchObject({ total: null, selesai: null, per_status: { [FINISHED]: null }, disembunyikan: { total: 'di_bawah_ambang', selesai: 'di_bawah_ambang' } });
    // A service with no request is listed with zeros, nothing withheld.
    const empty = body.permohonan.per_layanan.find((s) => ![A.id, B.id, C.id].includes(s.layanan))!;
    expect(empty).toMatchObject({ total: 0, per_status: {}, selesai: 0, median_hari_kerja: null, persen_dalam_standar: null, disembunyikan: {} });

    // Over all services: 5 in checking (3 + 2) and 10 finished are shown; the 5 received are
    // all A's withheld cell, so their total would be that cell; the grand total of 21 would
    // give away C's 1 (21 − 14 − 6).
    expect(body.permohonan.per_status).toEqual({ [initial]: null, [REQUESTS.checking.id]: 5, [REQUESTS.refused.id]: null, [FINISHED]: 10 });
    expect(body.permohonan.total).toBeNull();
    expect(body.permohonan.disembunyikan).toEqual({ total: 'melindungi', [`per_status.${initial}`]: 'melindungi', [`per_status.${REQUESTS.refused.id}`]: 'di_bawah_ambang' });

    // Reports: the one refused report and the four of another type are withheld; the total
    // stands, since 265 − 5 − 255 leaves 5 over two types.
    const kinds = Object.fromEntries(body.laporan.per_jenis.map((j) => [j.jenis, j]));
    expect(kinds[T0.id]).toEqual({ jenis: T0.id, label: T0.label, total: 5, per_status: { [REPORTS.initial.id]: 5 }, disembunyikan: {} });
    expect(kinds[T1.id]).toMatchObject({ total: null, per_status: { [REPORTS.refused.id]: null }, disembunyikan: { total: 'di_bawah_ambang', [`per_status.${REPORTS.refused.id}`]: 'di_bawah_ambang' } });
    expect(kinds[T2.id]).toMatchObject({ total: null, per_status: { [REPORTS.initial.id]: null } });
    expect(kinds[TP.id]!.total).toBe(5 * PAGING_WEEKS);
    expect(body.laporan.total).toBe(10 + 5 * PAGING_WEEKS);
  });

  it('gives working-day medians and shares only from five finished requests or more', async () => {
    const { body } = await getJson<Statistik>('/api/statistik');
    const a = body.permohonan.per_layanan.find((s) => s.layanan === A.id)!;
    expect(a.median_hari_kerja).toBe(2); // 0, 1, 2, 3, 4 working days
    const within = [0, 1, 2, 3, 4].filter((d) => d * 480 <= a.standar_menit!).length;
    expect(a.persen_dalam_standar).toBe(Math.round((within / 5) * 1000) / 10);
    // B has four finished requests: no median, no share, and a marker saying why.
    const b = body.permohonan.per_layanan.find((s) => s.layanan === B.id)!;
    expect(b).toMatchObject({ median_hari_kerja: null, persen_dalam_standar: null });
    expect(b.disembunyikan).toMatchObject({ median_hari_kerja: 'di_bawah_ambang', persen_dalam_standar: 'di_bawah_ambang' });
  });

  it('gives an IKM from five responses and none from four, per service and overall', async () => {
    const { body } = await getJson<Statistik>('/api/statistik');
    const ikm = (id: string) => body.ikm.per_layanan.find((s) => s.layanan === id)!;
    expect(ikm(A.id).ikm).toEqual(computeIkm(surveyAnswers.get(A.id)!));
    expect(ikm(A.id)).toMatchObject({ populasi: 5, sampel_minimum: krejcieMorgan(5), disembunyikan: {} });
    // Four responses: no index, and the finished count behind it is withheld too.
    expect(ikm(B.id)).toMatchObject({ ikm: null, populasi: null, sampel_minimum: null, disembunyikan: { ikm: 'di_bawah_ambang', populasi: 'di_bawah_ambang' } });
    expect(ikm(C.id)).toMatchObject({ ikm: null, disembunyikan: { ikm: 'di_bawah_ambang' } });
    // Overall: ten responses; the withheld services' 4 + 1 are five from two services, so the
    // overall index cannot be used to work out either.
    expect(body.ikm.keseluruhan).toEqual(computeIkm([...surveyAnswers.values()].flat()));
    expect(body.ikm.keseluruhan!.responses).toBe(10);
    expect(body.ikm).toMatchObject({ populasi: 10, sampel_minimum: krejcieMorgan(10), disembunyikan: {} });
    // No service's index shown rests on fewer than five responses.
    for (const s of body.ikm.per_layanan) if (s.ikm) expect(s.ikm.responses).toBeGreaterThanOrEqual(MIN);
  });

  it('holds no personal value, tracking code or record id', async () => {
    const { text } = await getJson<Statistik>('/api/statistik');
    for (const value of [...SECRET_STRINGS, ...seeded.flatMap((r) => [r.code, r.id])]) expect(text, value).not.toContain(value);
  });
});

// ---------------------------------------------------------------- /api/progres


/** A row the board should publish, with the keys the filters use. */
interface Expected {
  jenis: 'permohonan' | 'laporan';
  kecamatanId: string | null;
  statusId: string;
  item: BoardItem;
}

const SEVERAL_KECAMATAN = 'Beberapa kecamatan';
function row(jenis: 'permohonan' | 'laporan', label: string, kec: { id: string; name: string } | null, statusId: string, minggu: string, jumlah: number): Expected {
  const flow = jenis === 'laporan' ? REPORTS : REQUESTS;
  const status = flow.statuses.find((s) => s.id === statusId)!;
  return { jenis, kecamatanId: kec?.id ?? null, statusId, item: { jenis, jenis_label: label, kecamatan: kec?.name ?? SEVERAL_KECAMATAN, minggu, status_label: status.label, selesai: status.closed, jumlah } };
}

/** The board after seeding, newest week first: requests before reports, merged rows last. */
const EXPECTED: Expected[] = [
  row('laporan', T0.label, K0, REPORTS.initial.id, W1, 5),
  row('permohonan', A.title, K0, FINISHED, W, 5),
  row('permohonan', A.title, null, REQUESTS.initial.id, W, 5),
  row('permohonan', 'Beberapa layanan', K0, FINISHED, W, 5),
  row('permohonan', 'Beberapa layanan', null, REQUESTS.checking.id, W, 5),
  ...Array.from({ length: PAGING_WEEKS }, (_, w) => row('laporan', TP.label, K2, REPORTS.initial.id, mondayDate(3 + w), 5)),
];

const STATUS_KEYS = [...new Set([...REQUESTS.statuses, ...REPORTS.statuses].map((s) => s.id))];

/** What the board should answer to a filter, worked out from EXPECTED as the API describes it. */
function expectedFor(jenis: string, kecamatan: string, status: string) {
  const ok = (e: Expected, skip: 'jenis' | 'kecamatan' | 'status' | null) =>
    (skip === 'jenis' || !jenis || e.jenis === jenis) && (skip === 'kecamatan' || !kecamatan || e.kecamatanId === kecamatan) && (skip === 'status' || !status || e.statusId === status);
  const rows = EXPECTED.filter((e) => ok(e, null));
  const sumOf = (list: Expected[]) => list.reduce((n, e) => n + e.item.jumlah, 0);
  return {
    total: sumOf(rows),
    jumlah_baris: rows.length,
    jumlah_halaman: Math.max(1, Math.ceil(rows.length / 50)),
    per_jenis: Object.fromEntries(['permohonan', 'laporan'].map((j) => [j, sumOf(EXPECTED.filter((e) => ok(e, 'jenis') && e.jenis === j))])),
    per_kecamatan: Object.fromEntries(KECAMATAN.map((k) => [k.id, sumOf(EXPECTED.filter((e) => ok(e, 'kecamatan') && e.kecamatanId === k.id))])),
    per_status: Object.fromEntries(STATUS_KEYS.map((s) => [s, sumOf(EXPECTED.filter((e) => ok(e, 'status') && e.statusId === s))])),
    items: rows.slice(0, 50).map((e) => e.item),
  };
}

function query(jenis: string, kecamatan: string, status: string, halaman = 1): string {
  const q = new URLSearchParams();
  if (jenis) q.set('jenis', jenis);
  if (kecamatan) q.set('kecamatan', kecamatan);
  if (status) q.set('status', status);
  if (halaman > 1) q.set('halaman', String(halaman));
  return `/api/progres${q.size ? `?${q}` : ''}`;
}

const COMBINATIONS = ['', 'permohonan', 'laporan'].flatMap((j) => ['', ...KECAMATAN.map((k) => k.id)].flatMap((k) => ['', ...STATUS_KEYS].map((s) => [j, k, s] as const)));

describe('GET /api/progres', () => {
  it('under every filter combination, every count is 0 or at least five: the refused request and the lone report are in none', async () => {
    const small: string[] = [];
    const unequal: string[] = [];
    const check = (path: string, what: string, n: number | null) => n !== null && n !== 0 && n < MIN && small.push(`${path}: ${what} = ${n}`);
    for (const [j, k, s] of COMBINATIONS) {
      const path = query(j, k, s);
      const { status, body } = await getJson<Progres>(path);
      expect(status, path).toBe(200);
      const pages = [body];
      for (let h = 2; h <= body.jumlah_halaman; h++) pages.push((await getJson<Progres>(query(j, k, s, h))).body);
      check(path, 'total', body.total);
      check(path, 'tidak_ditampilkan', body.tidak_ditampilkan);
      for (const facet of ['per_jenis', 'per_kecamatan', 'per_status'] as const) for (const [key, n] of Object.entries(body[facet])) check(path, `${facet}.${key}`, n);
      for (const item of pages.flatMap((p) => p.items)) check(path, `${item.jenis_label}/${item.kecamatan}/${item.status_label}/${item.minggu}`, item.jumlah);
      const rows = pages.flatMap((p) => p.items).reduce((n, i) => n + i.jumlah, 0);
      if (rows !== body.total) unequal.push(`${path}: baris berjumlah ${rows}, total ${body.total}`);
    }
    expect(small).toEqual([]);
    expect(unequal).toEqual([]);
  }, 120_000);

  it('answers each filter combination with exactly the groups it should, counting each filter against the others', async () => {
    for (const [j, k, s] of COMBINATIONS) {
      const path = query(j, k, s);
      const { body } = await getJson<Progres>(path);
      const expected = expectedFor(j, k, s);
      expect({ total: body.total, jumlah_baris: body.jumlah_baris, jumlah_halaman: body.jumlah_halaman }, path).toEqual({ total: expected.total, jumlah_baris: expected.jumlah_baris, jumlah_halaman: expected.jumlah_halaman });
      expect(body.per_jenis, path).toEqual(expected.per_jenis);
      expect(body.per_kecamatan, path).toEqual(expected.per_kecamatan);
      expect(body.per_status, path).toEqual(expected.per_status);
      expect(body.items, path).toEqual(expected.items);
      expect(body.filter, path).toEqual({ jenis: j, kecamatan: k, status: s });
    }
  }, 120_000);

  it('lists groups by week, newest first, 50 rows a page, with what is not shown as one number', async () => {
    const { status, body, cache } = await getJson<Progres>('/api/progres');
    expect(status).toBe(200);
    expect(cache).toBe('public, max-age=60');
    // Data up to yesterday, office calendar.
    expect(body.data_sampai).toBe(new Date(Date.now() + OFFSET_MS - DAY_MS).toISOString().slice(0, 10));
    expect(body).toMatchObject({ ambang: MIN, halaman: 1, per_halaman: 50, jumlah_baris: 56, jumlah_halaman: 2, total: 20 + 5 + 5 * PAGING_WEEKS });
    // Not shown: the refused request, the refused report and the four reports short of a group.
    expect(body.tidak_ditampilkan).toBe(6);
    expect(body.disembunyikan).toEqual({});
    expect(body.items).toHaveLength(50);
    expect(body.items.slice(0, 5)).toEqual(EXPECTED.slice(0, 5).map((e) => e.item));

    const page2 = await getJson<Progres>('/api/progres?halaman=2');
    expect(page2.body.halaman).toBe(2);
    expect(page2.body.items).toEqual(EXPECTED.slice(50).map((e) => e.item));
    expect(page2.body.items.at(-1)!.minggu).toBe(mondayDate(2 + PAGING_WEEKS));
    const page3 = await getJson<Progres>('/api/progres?halaman=3');
    expect(page3.status).toBe(200);
    expect(page3.body.items).toEqual([]);
  });

  it('gives each row exactly the allowed keys: a Monday, never a day or a time', async () => {
    const items = [...(await getJson<Progres>('/api/progres')).body.items, ...(await getJson<Progres>('/api/progres?halaman=2')).body.items];
    expect(items).toHaveLength(56);
    for (const item of items) {
      expect(Object.keys(item).sort()).toEqual(['jenis', 'jenis_label', 'jumlah', 'kecamatan', 'minggu', 'selesai', 'status_label']);
      expect(new Date(`${item.minggu}T00:00:00Z`).getUTCDay(), item.minggu).toBe(1);
      expect(item.minggu < new Date(Date.now() + OFFSET_MS).toISOString().slice(0, 10)).toBe(true);
    }
  });

  it('refuses unknown filters with a 400 and an Indonesian message', async () => {
    for (const q of ['jenis=semua', 'kecamatan=jakarta', `kecamatan=${K0.id}' OR 1=1`, 'status=hilang', 'halaman=0', 'halaman=-1', 'halaman=dua', 'halaman=1.5']) {
      const { status, body } = await getJson<{ message: string }>(`/api/progres?${q}`);
      expect(status, q).toBe(400);
      expect(body.message, q).toMatch(/tidak dikenal|tidak sah/);
    }
  });

  it('holds no personal value, tracking code, record id or time of day on any page or filter', async () => {
    const paths = ['/api/progres', '/api/progres?halaman=2', '/api/progres?jenis=laporan', `/api/progres?kecamatan=${K0.id}`, `/api/progres?status=${FINISHED}`];
    for (const path of paths) {
      const { text } = await getJson<Progres>(path);
      for (const value of [...SECRET_STRINGS, ...seeded.flatMap((r) => [r.code, r.id])]) expect(text, `${path}: ${value}`).not.toContain(value);
      expect(text, path).not.toMatch(/\d{2}:\d{2}/);
    }
  });
});

describe('daily batch and caching', () => {
  it('computes /api/statistik at most once a minute', async () => {
    const first = await getJson<Statistik>('/api/statistik');
    seeded.push(await apply(pb, A.id, K3.id));
    const second = await getJson<Statistik>('/api/statistik');
    expect(second.body.diperbarui).toBe(first.body.diperbarui);
    expect(second.body.permohonan.per_layanan.find((s) => s.layanan === A.id)!.total).toBe(14);
  });

  it('publishes a report sent now only in a later daily batch, and then only in a group of five', async () => {
    const before = await getJson<Progres>('/api/progres?jenis=laporan');
    const sent = await report(pb, T2.id, K3.id);
    seeded.push(sent);
    // Sent now: in no row, under no filter, and the count of what is not shown stays.
    const now = await getJson<Progres>('/api/progres?jenis=laporan');
    expect(now.body).toEqual(before.body);
    expect((await getJson<Progres>(`/api/progres?jenis=laporan&kecamatan=${K3.id}`)).body.total).toBe(0);
    // Once it lies before the cut-off (as it will tomorrow), it makes a group of five with the four.
    backdate(pb.dataDir, 'laporan', [sent.id], mondayAt(1, 15));
    const later = await getJson<Progres>(`/api/progres?jenis=laporan&kecamatan=${K3.id}`);
    expect(later.body.items).toEqual([row('laporan', T2.label, K3, REPORTS.initial.id, W1, 5).item]);
    // Two items are left out now: fewer than five, so the number itself is withheld.
    expect(later.body.tidak_ditampilkan).toBeNull();
    expect(later.body.disembunyikan).toEqual({ tidak_ditampilkan: 'di_bawah_ambang' });
  });
});
