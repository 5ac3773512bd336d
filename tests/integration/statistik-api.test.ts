import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { usePocketBase } from '../support/pocketbase';
import { krejcieMorgan } from '../../src/lib/rules/ikm';
import { applicationForm, applicationVectors, applyAsSamplePerson, PRIVACY_VERSION, SAMPLE_PERSON, SAMPLE_PERSONAL_STRINGS } from '../support/application';

const pb = usePocketBase({ rateLimits: false });

const ITEM_KEYS = ['jenis', 'jenis_label', 'kecamatan', 'selesai', 'status_label', 'tanggal'];
const ALAT = 'alat-bantu-disabilitas';
const MAKAN = 'bantuan-permakanan';
const DAY_MS = 86_400_000;
const WIB_MS = 7 * 3_600_000;

/** Everything sensitive written into the seeded reports: none of it may reach a public answer. */
const REPORT_SECRETS = {
  deskripsi: 'Bapak tua tidur di emperan toko, kakinya luka bernanah',
  patokan: 'Samping Toko Emas Cahaya Abadi',
  desa: 'Kampung Rahasia Pelapor',
  nama: 'Wulandari Pelapor Uji',
  telepon: '081211112222',
};
const SECRET_STRINGS = [...SAMPLE_PERSONAL_STRINGS, ...Object.values(REPORT_SECRETS), '6281211112222', 'Rahasia'];

/** An application for SAMPLE_PERSON to a service in a kecamatan; returns the record id and code. */
async function apply(layanan: string, kecamatan: string): Promise<{ id: string; code: string }> {
  let code: string;
  if (layanan === ALAT && kecamatan === 'sungailiat') {
    code = await applyAsSamplePerson(pb.url);
  } else {
    const base = applicationVectors()[0]!;
    const answers = layanan === MAKAN ? { ...base.input.jawaban_kelayakan, 'tidak-mampu': 'ya' } : base.input.jawaban_kelayakan;
    const body = applicationForm({ ...base.input, ...SAMPLE_PERSON, layanan, kecamatan, jawaban_kelayakan: answers, id_pengiriman: randomUUID() }, base.files);
    const res = await fetch(`${pb.url}/api/collections/permohonan/records`, { method: 'POST', body });
    if (res.status !== 200) throw new Error(`permohonan ditolak: ${res.status} ${await res.text()}`);
    code = ((await res.json()) as { kode_lacak: string }).kode_lacak;
  }
  const record = await pb.admin.collection('permohonan').getFirstListItem(pb.admin.filter('kode_lacak = {:k}', { k: code }));
  return { id: record.id, code };
}

const TO_SELESAI = ['verifikasi_berkas', 'menunggu_keputusan', 'disetujui', 'selesai'];

async function move(id: string, path: string[]) {
  for (const status of path) await pb.admin.collection('permohonan').update(id, { status, catatan_publik: `Status berubah menjadi ${status}.` });
}

/** An instant `days` working days (Monday–Friday, WIB calendar days) after `from`, at noon WIB. */
function afterWorkingDays(from: Date, days: number): Date {
  if (days === 0) return new Date(from.getTime() + 1000);
  let day = Math.floor((from.getTime() + WIB_MS) / DAY_MS) * DAY_MS;
  let counted = 0;
  while (counted < days) {
    day += DAY_MS;
    const weekday = new Date(day).getUTCDay();
    if (weekday >= 1 && weekday <= 5) counted++;
  }
  return new Date(day + 12 * 3_600_000 - WIB_MS);
}

/** Finishes a request and sets its closing time `days` working days after it was created. */
async function finishAfter(id: string, days: number) {
  await move(id, TO_SELESAI);
  const record = await pb.admin.collection('permohonan').getOne(id);
  const created = new Date(String(record['created']).replace(' ', 'T'));
  await pb.admin.collection('permohonan').update(id, { ditutup: afterWorkingDays(created, days).toISOString().replace('T', ' ') });
}

/** A resident's report through the public form route; as staff when that route is not ready. */
async function report(jenis: string, kecamatan: string, secrets = true): Promise<string> {
  const fields: Record<string, string> = {
    jenis,
    urgensi: 'biasa',
    kategori_ppks: '',
    kecamatan,
    desa_kelurahan: secrets ? REPORT_SECRETS.desa : 'Desa Umum',
    patokan: secrets ? REPORT_SECRETS.patokan : 'Dekat pasar lama',
    deskripsi: secrets ? REPORT_SECRETS.deskripsi : 'Keterangan singkat laporan uji.',
    anonim: secrets ? 'false' : 'true',
    nama_pelapor: secrets ? REPORT_SECRETS.nama : '',
    telepon_pelapor: secrets ? REPORT_SECRETS.telepon : '',
    persetujuan_versi: PRIVACY_VERSION,
    id_pengiriman: randomUUID(),
  };
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  const res = await fetch(`${pb.url}/api/collections/laporan/records`, { method: 'POST', body: form });
  let code: string;
  if (res.status === 200) {
    code = ((await res.json()) as { kode_lacak: string }).kode_lacak;
  } else {
    code = `BKA-UJI-${randomUUID().slice(0, 8).toUpperCase()}`.slice(0, 20);
    await pb.admin.collection('laporan').create({
      ...fields,
      anonim: fields['anonim'] === 'true',
      telepon_pelapor: secrets ? '+6281211112222' : '',
      kode_lacak: code,
      status: 'diterima',
      persetujuan_waktu: new Date().toISOString().replace('T', ' '),
    });
  }
  const record = await pb.admin.collection('laporan').getFirstListItem(pb.admin.filter('kode_lacak = {:k}', { k: code }));
  return record.id;
}

async function moveReport(id: string, path: string[]) {
  for (const status of path) await pb.admin.collection('laporan').update(id, { status, catatan_publik: `Laporan berubah menjadi ${status}, alasan tertulis.` });
}

interface Board {
  total: number;
  halaman: number;
  jumlah_halaman: number;
  per_halaman: number;
  per_jenis: Record<string, number>;
  per_kecamatan: Record<string, number>;
  per_status: Record<string, number>;
  items: Record<string, unknown>[];
}

async function getJson<T>(path: string): Promise<{ status: number; text: string; body: T; cache: string | null }> {
  const res = await fetch(`${pb.url}${path}`);
  const text = await res.text();
  return { status: res.status, text, body: JSON.parse(text) as T, cache: res.headers.get('cache-control') };
}

const codes: string[] = [];
const ids: string[] = [];
let surveyed = false;

beforeAll(async () => {
  // Alat bantu: three finished after 0, 2 and 5 working days, one refused.
  const a1 = await apply(ALAT, 'sungailiat');
  const a2 = await apply(ALAT, 'belinyu');
  const a3 = await apply(ALAT, 'belinyu');
  const a4 = await apply(ALAT, 'sungailiat');
  // Permakanan: one in document checking, one just received, two finished after 1 and 4 days.
  const m1 = await apply(MAKAN, 'merawang');
  const m2 = await apply(MAKAN, 'sungailiat');
  const m3 = await apply(MAKAN, 'merawang');
  const m4 = await apply(MAKAN, 'merawang');
  for (const r of [a1, a2, a3, a4, m1, m2, m3, m4]) {
    codes.push(r.code);
    ids.push(r.id);
  }
  await finishAfter(a1.id, 0);
  await finishAfter(a2.id, 2);
  await finishAfter(a3.id, 5);
  await move(a4.id, ['ditolak']);
  await move(m1.id, ['verifikasi_berkas']);
  await finishAfter(m3.id, 1);
  await finishAfter(m4.id, 4);

  // Reports: one open, one finished, one that could not be followed up.
  const l1 = await report('ppks-terlantar', 'sungailiat');
  const l2 = await report('odgj', 'pemali');
  const l3 = await report('bencana', 'sungailiat');
  await moveReport(l2, ['dijangkau', 'selesai']);
  await moveReport(l3, ['ditolak']);
  ids.push(l1, l2, l3);
  // 45 complaints in Bakam: 56 items in all, two pages of the board.
  for (let i = 0; i < 45; i++) await report('pengaduan-layanan', 'bakam', false);

  // Two survey answers for finished alat bantu requests, when the survey collection exists.
  const collections = await pb.admin.collections.getFullList({ filter: "name = 'survei_kepuasan'" });
  if (collections.length > 0) {
    const answer = (n: number) => Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`u${i + 1}`, n]));
    await pb.admin.collection('survei_kepuasan').create({ kode_lacak: a1.code, layanan: ALAT, ...answer(4) });
    await pb.admin.collection('survei_kepuasan').create({ kode_lacak: a2.code, layanan: ALAT, ...answer(3) });
    surveyed = true;
  }
}, 120_000);

describe('GET /api/statistik', () => {
  interface Service {
    layanan: string;
    judul: string;
    total: number;
    per_status: Record<string, number>;
    selesai: number;
    median_hari_kerja: number | null;
    standar_hari_kerja: number | null;
    standar_menit: number | null;
    persen_dalam_standar: number | null;
  }
  interface Ikm {
    responses: number;
    converted: number;
    mutu: string;
    kinerja: string;
  }
  interface Stats {
    diperbarui: string;
    permohonan: { total: number; per_layanan: Service[]; per_status: Record<string, number> };
    laporan: { total: number; per_jenis: { jenis: string; label: string; total: number; per_status: Record<string, number> }[] };
    ikm: { keseluruhan: Ikm | null; populasi: number; sampel_minimum: number; per_layanan: { layanan: string; judul: string; ikm: Ikm | null; populasi: number; sampel_minimum: number }[] };
  }

  it('counts the seeded requests and reports per service, status and kind, with working-day medians', async () => {
    const { status, body, cache } = await getJson<Stats>('/api/statistik');
    expect(status).toBe(200);
    expect(cache).toBe('public, max-age=60');
    expect(Object.keys(body).sort()).toEqual(['diperbarui', 'ikm', 'laporan', 'permohonan']);
    expect(Number.isNaN(Date.parse(body.diperbarui))).toBe(false);

    expect(body.permohonan.total).toBe(8);
    expect(body.permohonan.per_status).toEqual({ selesai: 5, ditolak: 1, verifikasi_berkas: 1, diterima: 1 });

    const alat = body.permohonan.per_layanan.find((s) => s.layanan === ALAT)!;
    expect(alat).toEqual({
      layanan: ALAT,
      judul: 'Bantuan Alat Bantu bagi Penyandang Disabilitas',
      total: 4,
      per_status: { selesai: 3, ditolak: 1 },
      selesai: 3,
      median_hari_kerja: 2,
      standar_hari_kerja: 0.3, // 130 minutes of SOP time
      standar_menit: 130,
      persen_dalam_standar: 33.3, // only the one finished on its first day
    });
    const makan = body.permohonan.per_layanan.find((s) => s.layanan === MAKAN)!;
    expect(makan.total).toBe(4);
    expect(makan.per_status).toEqual({ verifikasi_berkas: 1, diterima: 1, selesai: 2 });
    expect(makan.median_hari_kerja).toBe(2.5); // (1 + 4) / 2
    expect(makan.persen_dalam_standar).toBe(0);
    // A service that takes applications online but has none yet is listed with zeros.
    const empty = body.permohonan.per_layanan.find((s) => s.layanan === 'rekomendasi-sktm')!;
    expect(empty).toMatchObject({ total: 0, selesai: 0, median_hari_kerja: null, persen_dalam_standar: null });
    expect(body.permohonan.per_layanan.reduce((n, s) => n + s.total, 0)).toBe(8);

    expect(body.laporan.total).toBe(48);
    const kinds = Object.fromEntries(body.laporan.per_jenis.map((j) => [j.jenis, j]));
    expect(kinds['ppks-terlantar']).toEqual({ jenis: 'ppks-terlantar', label: 'Orang terlantar', total: 1, per_status: { diterima: 1 } });
    expect(kinds['odgj']!.per_status).toEqual({ selesai: 1 });
    expect(kinds['bencana']!.per_status).toEqual({ ditolak: 1 });
    expect(kinds['pengaduan-layanan']!.total).toBe(45);
  });

  it('gives the IKM per service and overall from the survey answers', async () => {
    const { body } = await getJson<Stats>('/api/statistik');
    const makan = body.ikm.per_layanan.find((s) => s.layanan === MAKAN)!;
    expect(makan.ikm).toBeNull();
    if (!surveyed) {
      expect(body.ikm.keseluruhan).toBeNull();
      return;
    }
    // 9 × 4 and 9 × 3: index 3,5, converted 87,5, mutu B.
    expect(body.ikm.keseluruhan).toMatchObject({ responses: 2, index: 3.5, converted: 87.5, mutu: 'B', kinerja: 'Baik' });
    expect(body.ikm.per_layanan.find((s) => s.layanan === ALAT)!.ikm).toMatchObject({ responses: 2, converted: 87.5, mutu: 'B' });
    // Responses against the Krejcie-Morgan minimum for the finished requests of each service.
    const finished = body.permohonan.per_layanan.find((s) => s.layanan === ALAT)!.selesai;
    const alat = body.ikm.per_layanan.find((s) => s.layanan === ALAT)!;
    expect(alat.populasi).toBe(finished);
    expect(alat.sampel_minimum).toBe(krejcieMorgan(finished));
    expect(body.ikm.sampel_minimum).toBe(krejcieMorgan(body.ikm.populasi));
  });

  it('holds no personal value, tracking code or record id', async () => {
    const { text } = await getJson<Stats>('/api/statistik');
    for (const value of [...SECRET_STRINGS, ...codes, ...ids]) expect(text, value).not.toContain(value);
  });
});

describe('GET /api/progres', () => {
  it('lists every request and report, newest first, 50 per page, with counts for the filters', async () => {
    const { status, body, cache } = await getJson<Board>('/api/progres');
    expect(status).toBe(200);
    expect(cache).toBe('public, max-age=60');
    expect(body.total).toBe(56);
    expect(body.halaman).toBe(1);
    expect(body.jumlah_halaman).toBe(2);
    expect(body.items).toHaveLength(50);
    expect(body.per_jenis).toEqual({ permohonan: 8, laporan: 48 });
    expect(body.per_kecamatan).toMatchObject({ sungailiat: 5, belinyu: 2, merawang: 3, pemali: 1, bakam: 45, 'mendo-barat': 0 });
    expect(body.per_status).toMatchObject({ diterima: 47, selesai: 6, ditolak: 2, verifikasi_berkas: 1, dijangkau: 0 });
    // The 45 complaints were sent last, so they head the list.
    expect(body.items[0]).toEqual({ jenis: 'laporan', jenis_label: 'Pengaduan tentang pelayanan', kecamatan: 'Bakam', tanggal: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), status_label: 'Diterima', selesai: false });
    const dates = body.items.map((i) => String(i['tanggal']));
    expect([...dates].sort().reverse()).toEqual(dates);

    const page2 = await getJson<Board>('/api/progres?halaman=2');
    expect(page2.body.halaman).toBe(2);
    expect(page2.body.items).toHaveLength(6);
    // The first request sent is the last item of the last page.
    expect(page2.body.items[5]).toMatchObject({ jenis: 'permohonan', jenis_label: 'Bantuan Alat Bantu bagi Penyandang Disabilitas', kecamatan: 'Sungailiat', status_label: 'Selesai', selesai: true });
    const page3 = await getJson<Board>('/api/progres?halaman=3');
    expect(page3.status).toBe(200);
    expect(page3.body.items).toEqual([]);
  });

  it('gives each item exactly the allowed keys, dated in WIB', async () => {
    const pages = [await getJson<Board>('/api/progres'), await getJson<Board>('/api/progres?halaman=2')];
    const items = pages.flatMap((p) => p.body.items);
    expect(items).toHaveLength(56);
    for (const item of items) {
      expect(Object.keys(item).sort()).toEqual(ITEM_KEYS);
      expect(['permohonan', 'laporan']).toContain(item['jenis']);
      expect(typeof item['selesai']).toBe('boolean');
    }
    const today = new Date(Date.now() + WIB_MS).toISOString().slice(0, 10);
    const yesterday = new Date(Date.now() + WIB_MS - DAY_MS).toISOString().slice(0, 10);
    for (const item of items) expect([today, yesterday]).toContain(item['tanggal']);
  });

  it('filters by kind, kecamatan and status, counting each filter against the others', async () => {
    const sungailiat = await getJson<Board>('/api/progres?kecamatan=sungailiat');
    expect(sungailiat.body.total).toBe(5);
    expect(sungailiat.body.items.every((i) => i['kecamatan'] === 'Sungailiat')).toBe(true);
    expect(sungailiat.body.per_jenis).toEqual({ permohonan: 3, laporan: 2 });
    expect(sungailiat.body.per_status).toMatchObject({ selesai: 1, ditolak: 2, diterima: 2 });
    // The kecamatan counts ignore the kecamatan filter itself, so other choices stay visible.
    expect(sungailiat.body.per_kecamatan['bakam']).toBe(45);

    const reports = await getJson<Board>('/api/progres?jenis=laporan&kecamatan=sungailiat');
    expect(reports.body.total).toBe(2);
    expect(reports.body.items.map((i) => i['jenis_label']).sort()).toEqual(['Kebutuhan korban bencana', 'Orang terlantar']);
    expect(reports.body.items.find((i) => i['jenis_label'] === 'Kebutuhan korban bencana')).toMatchObject({ status_label: 'Tidak dapat ditindaklanjuti', selesai: true });

    const finished = await getJson<Board>('/api/progres?jenis=permohonan&status=selesai');
    expect(finished.body.total).toBe(5);
    expect(finished.body.items.every((i) => i['status_label'] === 'Selesai' && i['selesai'] === true)).toBe(true);
    expect(finished.body.per_kecamatan).toMatchObject({ sungailiat: 1, belinyu: 2, merawang: 2 });
    expect(finished.body.per_jenis).toEqual({ permohonan: 5, laporan: 1 });

    const refused = await getJson<Board>('/api/progres?status=ditolak');
    expect(refused.body.items.map((i) => i['status_label']).sort()).toEqual(['Tidak dapat dipenuhi', 'Tidak dapat ditindaklanjuti']);

    const none = await getJson<Board>('/api/progres?kecamatan=puding-besar');
    expect(none.body.total).toBe(0);
    expect(none.body.items).toEqual([]);
    expect(none.body.jumlah_halaman).toBe(1);
  });

  it('refuses unknown filters with a 400 and an Indonesian message', async () => {
    for (const query of ['jenis=semua', 'kecamatan=jakarta', "kecamatan=sungailiat' OR 1=1", 'status=hilang', 'halaman=0', 'halaman=-1', 'halaman=dua', 'halaman=1.5']) {
      const { status, body } = await getJson<{ message: string }>(`/api/progres?${query}`);
      expect(status, query).toBe(400);
      expect(body.message, query).toMatch(/tidak dikenal|tidak sah/);
    }
  });

  it('holds no personal value, tracking code or record id on any page or filter', async () => {
    const paths = ['/api/progres', '/api/progres?halaman=2', '/api/progres?jenis=laporan', '/api/progres?kecamatan=sungailiat', '/api/progres?status=selesai'];
    for (const path of paths) {
      const { text } = await getJson<Board>(path);
      for (const value of [...SECRET_STRINGS, ...codes, ...ids]) expect(text, `${path}: ${value}`).not.toContain(value);
      expect(text, path).not.toMatch(/\d{2}:\d{2}/); // no time of day
    }
  });
});

describe('caching of /api/statistik', () => {
  it('computes the figures at most once a minute', async () => {
    const first = await getJson<{ diperbarui: string; permohonan: { total: number } }>('/api/statistik');
    await apply(ALAT, 'bakam');
    const second = await getJson<{ diperbarui: string; permohonan: { total: number } }>('/api/statistik');
    expect(second.body.diperbarui).toBe(first.body.diperbarui);
    expect(second.body.permohonan.total).toBe(first.body.permohonan.total);
    // The board is not cached on the server: the new request shows at once.
    const board = await getJson<Board>('/api/progres?kecamatan=bakam&jenis=permohonan');
    expect(board.body.total).toBe(1);
  });
});
