import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { usePocketBase } from '../support/pocketbase';
import { statusOf } from '../support/http';
import { applyAsSamplePerson, reportAsSamplePerson, VECTOR_SERVICE } from '../support/application';
import { pathTo, STATUS_LISTS, statusWithMeaning } from '../support/workflow';
import { advance } from '../support/staff';
import { UNKNOWN_CODE } from '../support/content';
import { RESPONDENT_FIELDS, UNSUR } from '../../src/lib/rules/ikm';
import type { SurveiCek } from '../../src/lib/api/lacak';

const pb = usePocketBase({ rateLimits: false });

/** The allowed path from a new request to a served one, and to a rejected one (content/). */
const TO_SELESAI = pathTo(STATUS_LISTS.permohonan, statusWithMeaning(STATUS_LISTS.permohonan, 'success'));
const TO_DITOLAK = pathTo(STATUS_LISTS.permohonan, statusWithMeaning(STATUS_LISTS.permohonan, 'rejected'));

async function requestOf(code: string) {
  return pb.admin.collection('permohonan').getFirstListItem(pb.admin.filter('kode_lacak = {:k}', { k: code }));
}

/** A new application moved by staff to the last status of `statuses`; returns its code. */
async function applyAndMove(statuses: string[]): Promise<string> {
  const code = await applyAsSamplePerson(pb.url);
  const { id } = await requestOf(code);
  if (statuses.length > 0) await advance(pb, 'permohonan', id, statuses[statuses.length - 1]!);
  return code;
}

/** The survey answer as the form sends it (the code is in the address, POST /api/lacak/{kode}/survei). */
function surveyForm(code: string, answers: Record<string, string | number> = {}, extra: Record<string, string> = {}): { code: string; form: FormData } {
  const form = new FormData();
  for (const u of UNSUR) form.append(u.id, String(answers[u.id] ?? 3));
  for (const [key, value] of Object.entries(extra)) form.append(key, value);
  return { code, form };
}

async function send({ code, form }: { code: string; form: FormData }): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${pb.url}/api/lacak/${encodeURIComponent(code)}/survei`, { method: 'POST', body: form });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const fieldMessages = (body: Record<string, unknown>) =>
  Object.fromEntries(Object.entries((body['data'] ?? {}) as Record<string, { message: string }>).map(([k, v]) => [k, v.message]));

async function check(code: string): Promise<SurveiCek> {
  const res = await fetch(`${pb.url}/api/lacak/${encodeURIComponent(code)}/survei`);
  expect(res.status).toBe(200);
  return (await res.json()) as SurveiCek;
}

describe('survey responses (SKM)', () => {
  it('refuses an unknown or malformed code', async () => {
    for (const code of [UNKNOWN_CODE, 'bukan kode', ' ']) {
      const res = await send(surveyForm(code));
      expect(res.status, code).toBe(400);
      expect(Object.keys(fieldMessages(res.body)), code).toEqual(['kode_lacak']);
    }
    expect(fieldMessages((await send(surveyForm(UNKNOWN_CODE))).body)['kode_lacak']).toBe('Kode pelacakan tidak ditemukan. Periksa kembali kode pada tanda terima Anda.');
    expect(await pb.admin.collection('survei_kepuasan').getFullList()).toEqual([]);
  });

  it('refuses a request that is still open', async () => {
    // The first status on the way to being served: still open.
    const code = await applyAndMove([TO_SELESAI[0]!]);
    const res = await send(surveyForm(code));
    expect(res.status).toBe(400);
    expect(fieldMessages(res.body)).toEqual({ kode_lacak: 'Survei baru dapat diisi setelah permohonan Anda selesai diproses. Lihat tahapnya di halaman Lacak.' });
    expect(await check(code)).toMatchObject({ kode: code, dapat_diisi: false, alasan: 'belum_selesai' });
  });

  it('refuses a request or a report that was closed without being served', async () => {
    const rejected = await applyAndMove(TO_DITOLAK);
    const message = 'Survei hanya untuk permohonan atau laporan yang sudah selesai dilayani. Permohonan ini ditutup tanpa layanan, jadi tidak dapat dinilai.';
    expect(await check(rejected)).toMatchObject({ dapat_diisi: false, alasan: 'tidak_dilayani', pesan: message });
    expect(fieldMessages((await send(surveyForm(rejected))).body)).toEqual({ kode_lacak: message });

    // A junk report closed as rejected must not rate the service either.
    const report = await reportAsSamplePerson(pb.url);
    const { id } = await pb.admin.collection('laporan').getFirstListItem(pb.admin.filter('kode_lacak = {:k}', { k: report }));
    await advance(pb, 'laporan', id, statusWithMeaning(STATUS_LISTS.laporan, 'rejected'));
    expect(await check(report)).toMatchObject({ dapat_diisi: false, alasan: 'tidak_dilayani' });
    expect((await send(surveyForm(report))).status).toBe(400);
    expect(await pb.admin.collection('survei_kepuasan').getFullList()).toEqual([]);
  });

  it('takes answers only through the survey route, not the records API', async () => {
    const code = await applyAndMove(TO_SELESAI);
    const form = surveyForm(code).form;
    form.append('kode_lacak', code);
    const res = await fetch(`${pb.url}/api/collections/survei_kepuasan/records`, { method: 'POST', body: form });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { message: string }).message).toBe('Data ini hanya dapat dibuka atau diubah oleh petugas yang berwenang.');
    expect(await check(code)).toMatchObject({ dapat_diisi: true });
  });

  it('refuses answers outside 1–4 or missing, with an Indonesian message on each field', async () => {
    const code = await applyAndMove(TO_SELESAI);
    const res = await send(surveyForm(code, { u1: 5, u2: 0, u3: 2.5, u4: -1, u5: 'x', u9: '' }));
    expect(res.status).toBe(400);
    const messages = fieldMessages(res.body);
    expect(Object.keys(messages).sort()).toEqual(['u1', 'u2', 'u3', 'u4', 'u5', 'u9']);
    expect(messages['u1']).toBe('Jawaban untuk pertanyaan 1 (persyaratan) harus salah satu dari empat pilihan.');
    expect(messages['u2']).toBe('Pilih salah satu jawaban untuk pertanyaan 2 (sistem, mekanisme, dan prosedur).');
    // Respondent data only from its lists; saran within its limit.
    const other = await send(surveyForm(code, {}, { jenis_kelamin: 'X', pendidikan: 'SMA', saran: 'a'.repeat(1001) }));
    expect(Object.keys(fieldMessages(other.body)).sort()).toEqual(['jenis_kelamin', 'saran']);
    // Nothing was stored, so the code may still rate the service.
    expect(await check(code)).toMatchObject({ dapat_diisi: true, alasan: null });
  });

  it('accepts one response for a finished request, with the service set by the server, and refuses a second', async () => {
    const code = await applyAndMove(TO_SELESAI);
    expect(await check(code.toLowerCase().replace(/-/g, ' '))).toEqual({
      kode: code,
      dapat_diisi: true,
      alasan: null,
      pesan: null,
      layanan: VECTOR_SERVICE.data.title,
    });

    const answers = { u1: 4, u2: 3, u3: 2, u4: 4, u5: 3, u6: 4, u7: 4, u8: 1, u9: 3 };
    const form = surveyForm(code.toLowerCase(), answers, {
      layanan: 'layanan-palsu',
      jenis_kelamin: 'P',
      kelompok_usia: '60+',
      pendidikan: 'SD',
      pekerjaan: 'petani_nelayan',
      saran: '  Ruang tunggu perlu kipas angin.  ',
    });
    const res = await send(form);
    expect(res.status).toBe(200);
    // The sender learns nothing but the new id.
    expect(Object.keys(res.body)).toEqual(['id']);

    const stored = await pb.admin.collection('survei_kepuasan').getOne(res.body['id'] as string);
    // Unlinkable: no code, no time of day; a keyed one-way value that is not the code's plain hash.
    expect(JSON.stringify(stored)).not.toContain(code);
    expect(stored['kode_lacak']).toBeUndefined();
    expect(stored['created']).toBeUndefined();
    expect(stored['kunci_kode']).toMatch(/^[0-9a-f]{64}$/);
    expect(stored['kunci_kode']).not.toBe(createHash('sha256').update(code).digest('hex'));
    expect(stored['bulan']).toMatch(/^\d{4}-\d{2}$/);
    expect(stored['layanan']).toBe((await requestOf(code))['layanan']);
    expect(stored['layanan']).not.toBe('layanan-palsu');
    for (const [id, value] of Object.entries(answers)) expect(stored[id], id).toBe(value);
    expect(stored['kelompok_usia']).toBe('60+');
    expect(stored['pekerjaan']).toBe('petani_nelayan');
    expect(stored['saran']).toBe('Ruang tunggu perlu kipas angin.');

    const again = await send(surveyForm(code));
    expect(again.status).toBe(400);
    expect(fieldMessages(again.body)).toEqual({ kode_lacak: 'Survei untuk kode ini sudah diisi. Terima kasih.' });
    expect(await check(code)).toMatchObject({ dapat_diisi: false, alasan: 'sudah_diisi', pesan: 'Survei untuk kode ini sudah diisi. Terima kasih.' });
    expect(await pb.admin.collection('survei_kepuasan').getFullList({ filter: pb.admin.filter('kunci_kode = {:k}', { k: stored['kunci_kode'] }) })).toHaveLength(1);
  });

  it('answers a send again after a lost answer (same id_pengiriman) as sent, storing one response', async () => {
    const code = await applyAndMove(TO_SELESAI);
    const id = 'survei-ulang-0123456789';
    const first = await send(surveyForm(code, {}, { id_pengiriman: id }));
    expect(first.status).toBe(200);
    expect(await send(surveyForm(code, {}, { id_pengiriman: id }))).toEqual(first);
    const other = await send(surveyForm(code, {}, { id_pengiriman: 'survei-lain-0123456789' }));
    expect(other.status).toBe(400);
    expect(fieldMessages(other.body)).toEqual({ kode_lacak: 'Survei untuk kode ini sudah diisi. Terima kasih.' });
    const stored = await pb.admin.collection('survei_kepuasan').getOne(first.body['id'] as string);
    expect(await pb.admin.collection('survei_kepuasan').getFullList({ filter: pb.admin.filter('kunci_kode = {:k}', { k: stored['kunci_kode'] }) })).toHaveLength(1);
  });

  it('accepts only one of two responses sent at the same moment', async () => {
    const code = await applyAndMove(TO_SELESAI);
    const results = await Promise.all([send(surveyForm(code)), send(surveyForm(code)), send(surveyForm(code))]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 400, 400]);
  });

  it('lets no guest list, view, change or delete responses', async () => {
    const code = await applyAndMove(TO_SELESAI);
    const created = await send(surveyForm(code));
    const id = created.body['id'] as string;
    const guest = pb.guest();
    expect(await statusOf(guest.collection('survei_kepuasan').getList(1, 50))).toBe(403);
    expect(await statusOf(guest.collection('survei_kepuasan').getOne(id))).toBe(403);
    expect(await statusOf(guest.collection('survei_kepuasan').update(id, { u1: 1 }))).toBe(403);
    expect(await statusOf(guest.collection('survei_kepuasan').delete(id))).toBe(403);
    expect((await pb.admin.collection('survei_kepuasan').getOne(id))['u1']).toBe(3);
  });

  it('keeps the respondent choices of the collection and of the form the same, with Indonesian help on every field', async () => {
    const collection = await pb.admin.collections.getOne('survei_kepuasan');
    const fields = collection.fields as { name: string; type: string; values?: string[]; help?: string }[];
    for (const f of RESPONDENT_FIELDS) {
      expect(fields.find((x) => x.name === f.id)?.values?.slice().sort(), f.id).toEqual(f.options.map((o) => o.value).sort());
    }
    for (const field of fields) {
      if (field.name === 'id' || field.type === 'autodate') continue;
      expect((field.help ?? '').length, field.name).toBeGreaterThanOrEqual(10);
    }
    expect(fields.some((f) => f.name === 'nama' || f.name === 'nik')).toBe(false);
    expect(collection.indexes.join('\n')).toMatch(/UNIQUE INDEX \S+ ON `?survei_kepuasan`? \(`?kunci_kode`?\)/);
    expect(fields.some((f) => f.name === 'kode_lacak' || f.name === 'created')).toBe(false);
  });
});
