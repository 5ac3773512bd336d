import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { usePocketBase } from '../support/pocketbase';
import { applicationForm, applicationVectors } from '../support/application';

const pb = usePocketBase({ rateLimits: false });

const REASON = 'Alasan tertulis untuk pemohon pada perubahan ini.';
const PATHS: Record<string, string[]> = {
  diterima: [],
  selesai: ['verifikasi_berkas', 'menunggu_keputusan', 'disetujui', 'selesai'],
  ditolak: ['verifikasi_berkas', 'ditolak'],
  dibatalkan: ['dibatalkan'],
};

/** Seeded requests: what the export must count. */
const SEED = [
  { layanan: 'alat-bantu-disabilitas', kecamatan: 'sungailiat', ppks: 'penyandang-disabilitas', status: 'selesai' },
  { layanan: 'alat-bantu-disabilitas', kecamatan: 'sungailiat', ppks: 'penyandang-disabilitas', status: 'selesai' },
  { layanan: 'bantuan-permakanan', kecamatan: 'belinyu', ppks: 'anak-dengan-kedisabilitasan', status: 'selesai' },
  { layanan: 'bantuan-permakanan', kecamatan: 'belinyu', ppks: 'penyandang-disabilitas', status: 'ditolak' },
  { layanan: 'alat-bantu-disabilitas', kecamatan: 'pemali', ppks: '', status: 'dibatalkan' },
  { layanan: 'alat-bantu-disabilitas', kecamatan: 'pemali', ppks: '', status: 'diterima' },
  { layanan: 'bantuan-permakanan', kecamatan: 'sungailiat', ppks: 'penyandang-disabilitas', status: 'diterima' },
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

describe('LAKIN export for staff', () => {
  it('counts the seeded requests per service, PPKS category, kecamatan, status and month, and computes the indicator', async () => {
    const base = applicationVectors()[0]!;
    for (const seed of SEED) {
      const res = await fetch(`${pb.url}/api/collections/permohonan/records`, {
        method: 'POST',
        // bantuan-permakanan asks one more eligibility question than alat bantu
        body: applicationForm(
          { ...base.input, layanan: seed.layanan, kecamatan: seed.kecamatan, id_pengiriman: randomUUID(), jawaban_kelayakan: { ...base.input.jawaban_kelayakan, 'tidak-mampu': 'ya' } },
          base.files,
        ),
      });
      const body = (await res.json()) as { kode_lacak: string };
      expect(res.status, JSON.stringify(body)).toBe(200);
      const { kode_lacak } = body;
      const record = await pb.admin.collection('permohonan').getFirstListItem(pb.admin.filter('kode_lacak = {:k}', { k: kode_lacak }));
      if (seed.ppks) await pb.admin.collection('permohonan').update(record.id, { kategori_ppks: seed.ppks });
      for (const status of PATHS[seed.status]!) await pb.admin.collection('permohonan').update(record.id, { status, catatan_publik: `${REASON} ${status}` });
    }

    const year = new Date().getUTCFullYear();
    const res = await fetch(`${pb.url}/api/lakin/ekspor?tahun=${year}`, { headers: { Authorization: pb.admin.authStore.token } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const rows = parseCsv(await res.text());
    expect(rows[0]).toEqual(['dimensi', 'kunci', 'label', 'jumlah']);
    const of = (dimension: string) => Object.fromEntries(rows.filter((r) => r[0] === dimension).map((r) => [r[1], Number(r[3])]));

    expect(of('layanan')).toEqual(count(SEED, (s) => s.layanan));
    expect(of('kecamatan')).toEqual(count(SEED, (s) => s.kecamatan));
    expect(of('kategori_ppks')).toEqual(count(SEED, (s) => s.ppks));
    expect(of('status')).toEqual(count(SEED, (s) => s.status));
    const month = new Date().toISOString().slice(0, 7);
    expect(of('bulan')).toEqual({ [month]: SEED.length });
    const served = SEED.filter((s) => s.status === 'selesai').length;
    const decided = served + SEED.filter((s) => s.status === 'ditolak').length;
    const indicator = rows.find((r) => r[1] === 'persentase_pmks_terlayani')!;
    expect(indicator[3]).toBe(((served / decided) * 100).toFixed(2)); // 75.00: cancelled requests are not decided cases
    expect(rows.find((r) => r[1] === 'belinyu')![2]).toBe('19.01.02 Belinyu');
  });

  it('is for staff only and checks the year', async () => {
    expect((await fetch(`${pb.url}/api/lakin/ekspor`)).status).toBe(401);
    const bad = await fetch(`${pb.url}/api/lakin/ekspor?tahun=abc`, { headers: { Authorization: pb.admin.authStore.token } });
    expect(bad.status).toBe(400);
    const empty = await fetch(`${pb.url}/api/lakin/ekspor?tahun=2001`, { headers: { Authorization: pb.admin.authStore.token } });
    const text = await empty.text();
    expect(empty.status, text).toBe(200);
    const rows = parseCsv(text);
    expect(rows.find((r) => r[1] === 'persentase_pmks_terlayani')![3] ?? '').toBe('');
  });
});
