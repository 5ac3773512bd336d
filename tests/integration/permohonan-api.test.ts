import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { usePocketBase } from '../support/pocketbase';
import { statusOf } from '../support/http';
import { applicationForm, applicationVectors, fakeFile, VECTOR_DOCUMENT } from '../support/application';
import { SITE, UNKNOWN_CODE } from '../support/content';
import { STATUS_LISTS, statusWithMeaning } from '../support/workflow';
import { acceptedTypesText } from '../../src/lib/rules/application';
import { CODE_ALPHABET } from '../../src/lib/rules/tracking-code';
import { isPublished } from '../../src/lib/service-rules';
import { loadContent } from '../support/content';

const pb = usePocketBase({ rateLimits: false });

const CODE = new RegExp(`^${SITE.trackingPrefix}-[${CODE_ALPHABET}]{3}-[${CODE_ALPHABET}]{3}-[${CODE_ALPHABET}]{3}$`);
// Statuses by what they mean, whatever this office calls them.
const INITIAL = statusWithMeaning(STATUS_LISTS.permohonan, 'initial');
const SUCCESS = statusWithMeaning(STATUS_LISTS.permohonan, 'success');
const DOC = VECTOR_DOCUMENT.key;
const valid = () => {
  const base = applicationVectors()[0]!;
  return { input: { ...base.input, id_pengiriman: randomUUID() }, files: base.files };
};

async function post(form: FormData): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${pb.url}/api/collections/permohonan/records`, { method: 'POST', body: form });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}


describe('creating an application', () => {
  it('stores a valid application, answers with the tracking code only, and starts its history', async () => {
    const { input, files } = valid();
    const res = await post(applicationForm(input, files));
    expect(res.status).toBe(200);
    expect(res.body['kode_lacak']).toMatch(CODE);
    // Nothing personal comes back, not even to the person who sent it.
    expect(Object.keys(res.body).sort()).toEqual(['collectionId', 'collectionName', 'id', 'kode_lacak']);

    const stored = await pb.admin.collection('permohonan').getFirstListItem(pb.admin.filter('kode_lacak = {:k}', { k: res.body['kode_lacak'] }));
    expect(stored['nik']).toBe(input.nik);
    expect(stored['telepon']).toBe('+6281234567890');
    expect(stored['status']).toBe(INITIAL);
    expect(stored['persetujuan_versi']).toBe(input.persetujuan_versi);
    expect(stored['persetujuan_waktu']).toBeTruthy();
    expect(stored['jawaban_kelayakan']).toEqual(input.jawaban_kelayakan);
    for (const key of Object.keys(files).filter((k) => files[k])) expect(stored[key], key).toBeTruthy();
    const history = await pb.admin.collection('riwayat_permohonan').getFullList({ filter: pb.admin.filter('permohonan = {:id}', { id: stored.id }) });
    expect(history.map((h) => h['status'])).toEqual([INITIAL]);
  });

  it('ignores a status, code or note the client tries to set', async () => {
    const { input, files } = valid();
    const form = applicationForm(input, files);
    form.append('status', SUCCESS);
    form.append('kode_lacak', UNKNOWN_CODE);
    form.append('catatan_publik', 'disetujui sendiri');
    const res = await post(form);
    expect(res.status).toBe(200);
    expect(res.body['kode_lacak']).not.toBe(UNKNOWN_CODE);
    const stored = await pb.admin.collection('permohonan').getFirstListItem(pb.admin.filter('kode_lacak = {:k}', { k: res.body['kode_lacak'] }));
    expect(stored['status']).toBe(INITIAL);
    expect(stored['catatan_publik']).toBe('');
  });

  it('returns the original code, not a duplicate, when the same submission is sent again', async () => {
    const { input, files } = valid();
    const first = await post(applicationForm(input, files));
    const again = await post(applicationForm(input, files));
    const racing = await Promise.all(Array.from({ length: 5 }, () => post(applicationForm(input, files))));
    expect(again.body['kode_lacak']).toBe(first.body['kode_lacak']);
    for (const r of racing) expect(r.body['kode_lacak']).toBe(first.body['kode_lacak']);
    const count = await pb.admin.collection('permohonan').getList(1, 1, { filter: pb.admin.filter('id_pengiriman = {:s}', { s: input.id_pengiriman }) });
    expect(count.totalItems).toBe(1);
  });

  it('gives every application its own well-formed code', async () => {
    const codes = new Set<string>();
    for (let i = 0; i < 25; i++) {
      const { input, files } = valid();
      const res = await post(applicationForm(input, files));
      expect(res.body['kode_lacak']).toMatch(CODE);
      codes.add(String(res.body['kode_lacak']));
    }
    expect(codes.size).toBe(25);
  });

  it('refuses a file whose content is not what its name says, in Indonesian, and stores nothing', async () => {
    const { input, files } = valid();
    const form = applicationForm(input, { ...files, [DOC]: null });
    form.append(DOC, new File(['ini bukan foto, hanya teks'], `${DOC}.jpg`, { type: 'image/jpeg' }));
    const res = await post(form);
    expect(res.status).toBe(400);
    const data = res.body['data'] as Record<string, { message: string }>;
    expect(data[DOC]!.message).toContain(`bukan ${acceptedTypesText(VECTOR_DOCUMENT.accept)}`);
    const count = await pb.admin.collection('permohonan').getList(1, 1, { filter: pb.admin.filter('id_pengiriman = {:s}', { s: input.id_pengiriman }) });
    expect(count.totalItems).toBe(0);
  });
});

describe('API rules', () => {
  it('lets nobody without staff rights list, view, change or delete an application, its history or its files', async () => {
    const { input, files } = valid();
    const res = await post(applicationForm(input, files));
    const stored = await pb.admin.collection('permohonan').getFirstListItem(pb.admin.filter('kode_lacak = {:k}', { k: res.body['kode_lacak'] }));
    const guest = pb.guest();
    // Staff read requests; a guest's list is empty and a record is not found.
    expect((await guest.collection('permohonan').getList(1, 10)).items).toEqual([]);
    expect(await statusOf(guest.collection('permohonan').getOne(stored.id))).toBe(404);
    expect(await statusOf(guest.collection('permohonan').update(stored.id, { status: SUCCESS }))).toBe(403);
    expect(await statusOf(guest.collection('permohonan').delete(stored.id))).toBe(403);
    expect((await guest.collection('riwayat_permohonan').getList(1, 10)).items).toEqual([]);
    expect(await statusOf(guest.collection('riwayat_permohonan').create({ permohonan: stored.id, status: SUCCESS }))).toBe(403);
    // Document files are protected: without a staff file token even the exact name is useless.
    const fileRes = await fetch(`${pb.url}/api/files/permohonan/${stored.id}/${stored[DOC]}`);
    expect(fileRes.status).toBe(404);
    const token = await pb.admin.files.getToken();
    const withToken = await fetch(`${pb.url}/api/files/permohonan/${stored.id}/${stored[DOC]}?token=${token}`);
    expect(withToken.status).toBe(200);
    const unchanged = await pb.admin.collection('permohonan').getOne(stored.id);
    expect(unchanged['status']).toBe(INITIAL);
  });
});

describe('drafts take no applications unless switched on in content/', () => {
  const content = loadContent();
  // Services meant for online applications whose draft (rancangan) the office has not switched on.
  const hidden = content.services.filter((s) => s.data.onlineApplication && !isPublished(s.data, content.sops.find((x) => x.id === s.data.sop)?.data));

  it.skipIf(hidden.length === 0)('refuses an otherwise valid application for such a draft, naming the service field', async () => {
    for (const service of hidden) {
      const { input, files } = valid();
      const res = await post(applicationForm({ ...input, layanan: service.id }, files));
      expect(res.status, service.id).toBe(400);
      const data = res.body['data'] as Record<string, { message: string }>;
      expect(data['layanan']?.message, service.id).toContain('tidak dapat diajukan secara daring');
    }
  });
});

describe('server validation agrees with the shared vectors', () => {
  for (const vector of applicationVectors()) {
    it(vector.name, async () => {
      const res = await post(applicationForm(vector.input, vector.files));
      if (vector.errors.length === 0) {
        expect(res.status, JSON.stringify(res.body)).toBe(200);
      } else {
        expect(res.status).toBe(400);
        const data = res.body['data'] as Record<string, { message: string }>;
        expect(Object.keys(data).sort()).toEqual([...vector.errors].sort());
        for (const field of vector.errors) expect(data[field]!.message).not.toMatch(/^(Invalid|Cannot|Must)/);
      }
    });
  }
});

describe('file size limits hold even for a client that skips the form', () => {
  it('refuses a document 1 MB over its limit with an Indonesian message', async () => {
    const { input, files } = valid();
    const form = applicationForm(input, { ...files, [DOC]: null });
    form.append(DOC, fakeFile({ size: (VECTOR_DOCUMENT.maxSizeMB + 1) * 1024 * 1024, type: 'image/jpeg' }, DOC));
    const res = await post(form);
    expect(res.status).toBe(400);
    expect((res.body['data'] as Record<string, { message: string }>)[DOC]!.message).toMatch(/terlalu besar/);
  });
});
