// The server refuses and accepts what each service declares about the applicant (pemohon) and
// the recipient (penerima): the same rules as the form, through the real hook. Services come
// from content/ by what they declare, so another office's content runs the same checks.
import { describe, expect, it } from 'vitest';
import { usePocketBase } from '../support/pocketbase';
import { applicationForm } from '../support/application';
import { portalOf } from '../support/staff';
import { applicationFor, bornYearsAgo, childService, requiredFiles, serviceByNik } from '../support/applicant';

const pb = usePocketBase({ rateLimits: false });
const portal = portalOf();

async function post(form: FormData): Promise<{ status: number; body: { kode_lacak?: string; data?: Record<string, { message: string }> } }> {
  const res = await fetch(`${pb.url}/api/collections/permohonan/records`, { method: 'POST', body: form });
  return { status: res.status, body: (await res.json()) as never };
}

const stored = (code: string) => pb.admin.collection('permohonan').getFirstListItem(pb.admin.filter('kode_lacak = {:k}', { k: code }));

describe('recipient identity data per service', () => {
  const strict = serviceByNik(portal, 'wajib');
  const loose = serviceByNik(portal, 'tidak_wajib');

  it('content has a service that requires the NIK and one that lets it be empty', () => {
    expect(strict?.id).toBeTruthy();
    expect(loose?.id, 'tidak ada layanan dengan identity.penerima.nik: tidak_wajib').toBeTruthy();
  });

  it.runIf(strict)('refuses a recipient without NIK, KK number or birth date where the service requires them', async () => {
    const input = applicationFor(strict!, portal, { nik: '', nomor_kk: '', tanggal_lahir: '' });
    const res = await post(applicationForm(input, requiredFiles(strict!, input)));
    expect(res.status).toBe(400);
    const required = Object.entries(strict!.identity!.penerima).filter(([, need]) => need === 'wajib').map(([field]) => field);
    expect(Object.keys(res.body.data ?? {}).sort()).toEqual(required.sort());
    for (const field of required) expect(res.body.data![field]!.message).toMatch(/^Isi /);
  });

  it.runIf(loose)('accepts a person with no NIK, KK number or birth date where the service lets them be empty', async () => {
    const optional = Object.fromEntries(Object.entries(loose!.identity!.penerima).filter(([, need]) => need !== 'wajib').map(([field]) => [field, '']));
    const role = (loose!.applicants ?? ['petugas_desa']).find((r) => r !== 'diri_sendiri' && r !== 'mewakili') ?? 'diri_sendiri';
    const input = applicationFor(loose!, portal, { ...optional, pemohon_adalah: role, nama_pengaju: role === 'diri_sendiri' ? '' : 'Rahmat Hidayat' });
    const res = await post(applicationForm(input, requiredFiles(loose!, input)));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const record = await stored(res.body.kode_lacak!);
    for (const field of Object.keys(optional)) expect(record[field], field).toBe('');
    expect(record['pemohon_adalah']).toBe(role);
  });
});

describe('a parent applying for a 12-year-old child', () => {
  const service = childService(portal);
  const adultDocs = service?.documents.filter((d) => d.age === 'dewasa').map((d) => d.key) ?? [];
  const childDocs = service?.documents.filter((d) => d.age === 'anak' && d.required).map((d) => d.key) ?? [];
  const parent = { pemohon_adalah: 'orang_tua_wali', nama_pengaju: 'Sumarni Binti Kasim', hubungan: 'ibu kandung', nama_lengkap: 'Rizki Pratama', tanggal_lahir: bornYearsAgo(12) };

  it('content has a service for children and adults alike', () => {
    expect(service?.id, 'tidak ada layanan dengan dokumen age: anak dan age: dewasa').toBeTruthy();
  });

  it.runIf(service)('is accepted with the child’s documents and no KTP, and stores who applied for whom', async () => {
    const input = applicationFor(service!, portal, parent);
    const files = requiredFiles(service!, input);
    for (const key of adultDocs) expect(files[key], key).toBeUndefined();
    for (const key of childDocs) expect(files[key], key).toBeDefined();
    const res = await post(applicationForm(input, files));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const record = await stored(res.body.kode_lacak!);
    expect([record['pemohon_adalah'], record['nama_pengaju'], record['nama_lengkap']]).toEqual(['orang_tua_wali', parent.nama_pengaju, parent.nama_lengkap]);
    for (const key of adultDocs) expect(record[key], key).toBeFalsy();
    for (const key of childDocs) expect(record[key], key).toBeTruthy();
  });

  it.runIf(service)('is refused with an adult’s document in place of the child’s, naming both on their fields', async () => {
    const input = applicationFor(service!, portal, parent);
    const files = requiredFiles(service!, input);
    for (const key of childDocs) delete files[key];
    for (const key of adultDocs) files[key] = { size: 20_000, type: 'application/pdf' };
    const res = await post(applicationForm(input, files));
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.data ?? {}).sort()).toEqual([...adultDocs, ...childDocs].sort());
    for (const key of adultDocs) expect(res.body.data![key]!.message).toMatch(/tidak diminta/);
  });

  it.runIf(service)('is refused without the parent’s own documents where the service asks for them', async () => {
    const own = service!.documents.filter((d) => d.of === 'pengaju' && d.required && (!d.applicants || d.applicants.includes('orang_tua_wali'))).map((d) => d.key);
    if (own.length === 0) return;
    const input = applicationFor(service!, portal, parent);
    const files = requiredFiles(service!, input);
    for (const key of own) delete files[key];
    const res = await post(applicationForm(input, files));
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.data ?? {}).sort()).toEqual([...own].sort());
  });
});
