// Applicant (pemohon) and recipient (penerima) as the shared rules see them: who must give which
// identity data and which documents, as a service declares it. The services here are made up
// for the test, so no office's keys are assumed; the last block checks content/ itself.
import { describe, expect, it } from 'vitest';
import { ageOn, APPLICANT_ROLE_IDS, applicantRoleLabel, applicantRoles, documentCondition, documentNeed, KTP_AGE } from '../../src/lib/rules/applicant';
import { validateApplication, type ApplicationContext, type ApplicationInput, type FileInfo, type ServiceRules } from '../../src/lib/rules/application';
import { serviceRules } from '../../src/lib/service-rules';
import { loadContent } from '../support/content';

const TODAY = '2026-11-30';
const PHOTO: FileInfo = { size: 20_000, type: 'image/jpeg' };
const doc = (key: string, extra: Partial<ServiceRules['documents'][number]> = {}): ServiceRules['documents'][number] => ({ key, label: `Dokumen ${key}`, required: true, accept: ['image/jpeg'], maxSizeMB: 5, ...extra });

function service(over: Partial<ServiceRules> = {}): ServiceRules {
  return {
    id: 'layanan-contoh',
    title: 'Layanan contoh',
    onlineApplication: true,
    questions: [],
    documents: [doc('id_dewasa', { age: 'dewasa' }), doc('id_anak', { age: 'anak' }), doc('kartu_keluarga'), doc('id_wali', { of: 'pengaju', applicants: ['orang_tua_wali'] })],
    identity: { penerima: { nik: 'wajib', nomor_kk: 'wajib', tanggal_lahir: 'wajib' }, pengaju: { nik: 'tidak_wajib' } },
    ...over,
  };
}

const ctx = (s: ServiceRules): ApplicationContext => ({ service: s, kecamatanIds: ['kec-a'], privacyNoticeVersion: 'v1', today: TODAY });

/** A 12-year-old (born 10 May 2014), NIK and KK from the family card. */
const CHILD = { nama_lengkap: 'Rizki Pratama', nik: '1901011005140003', nomor_kk: '1901011203150004', tanggal_lahir: '2014-05-10' };
const PARENT = { pemohon_adalah: 'orang_tua_wali', nama_pengaju: 'Sumarni', hubungan: 'ibu kandung', nik_pengaju: '' };

function input(over: Record<string, string> = {}): ApplicationInput {
  return {
    layanan: 'layanan-contoh',
    nama_lengkap: 'Siti Aminah',
    nik: '1901014507800001',
    nomor_kk: '1901010101100001',
    tanggal_lahir: '1980-07-05',
    telepon: '0812-3456-7890',
    kecamatan: 'kec-a',
    desa_kelurahan: 'Desa Contoh',
    alamat: 'Jalan Pemuda RT 01',
    pemohon_adalah: 'diri_sendiri',
    nama_pengaju: '',
    hubungan: '',
    nik_pengaju: '',
    persetujuan_versi: 'v1',
    id_pengiriman: 'a1b2c3d4e5f6a7b8c9d0',
    ...over,
    jawaban_kelayakan: {},
  };
}

const errorsOf = (s: ServiceRules, i: ApplicationInput, files: Record<string, FileInfo | null>) => Object.keys(validateApplication(i, files, ctx(s)).errors).sort();

describe('age of the recipient', () => {
  it(`counts whole years and turns ${KTP_AGE} on the birthday, not the day before`, () => {
    expect(ageOn('2009-12-01', TODAY)).toBe(16);
    expect(ageOn('2009-11-30', TODAY)).toBe(17);
    expect(ageOn('2014-05-10', TODAY)).toBe(12);
    expect(ageOn('', TODAY)).toBeNull();
  });
});

describe('documents follow the applicant and the recipient', () => {
  it('asks a child for the child document, not the adult one, and a guardian for their own', () => {
    const who = { pemohon_adalah: 'orang_tua_wali', tanggal_lahir: CHILD.tanggal_lahir };
    const needs = Object.fromEntries(service().documents.map((d) => [d.key, documentNeed(d, who, TODAY)]));
    expect(needs).toEqual({ id_dewasa: 'tidak_diminta', id_anak: 'wajib', kartu_keluarga: 'wajib', id_wali: 'wajib' });
  });

  it('asks an adult applying for themself for the adult document only', () => {
    const needs = Object.fromEntries(service().documents.map((d) => [d.key, documentNeed(d, { pemohon_adalah: 'diri_sendiri', tanggal_lahir: '1980-07-05' }, TODAY)]));
    expect(needs).toEqual({ id_dewasa: 'wajib', id_anak: 'tidak_diminta', kartu_keluarga: 'wajib', id_wali: 'tidak_diminta' });
  });

  it('leaves both age-bound documents optional while the age is unknown', () => {
    const who = { pemohon_adalah: 'petugas_desa', tanggal_lahir: '' };
    const needs = service().documents.map((d) => documentNeed(d, who, TODAY));
    expect(needs).toEqual(['tidak_wajib', 'tidak_wajib', 'wajib', 'tidak_diminta']);
  });

  it('says in words when a document is asked', () => {
    const [adult, child, , guardian] = service().documents;
    expect(documentCondition(adult!, 'desa-kelurahan')).toBe('untuk penerima berusia 17 tahun ke atas');
    expect(documentCondition(child!, 'desa-kelurahan')).toBe('untuk penerima di bawah 17 tahun');
    expect(documentCondition(guardian!, 'desa-kelurahan')).toBe('bila diajukan oleh orang tua atau wali');
    expect(documentCondition({ key: 'x', required: true }, 'desa-kelurahan')).toBe('');
  });

  it('names the village officer in the office’s words: a kota has only kelurahan', () => {
    expect(applicantRoleLabel('petugas_desa', 'desa-kelurahan')).toBe('Perangkat desa/kelurahan');
    expect(applicantRoleLabel('petugas_desa', 'kelurahan')).toBe('Perangkat kelurahan');
    expect(applicantRoles('desa').find((r) => r.id === 'petugas_desa')?.label).toBe('Saya perangkat desa');
    expect(documentCondition({ key: 'x', required: true, applicants: ['petugas_desa'] }, 'kelurahan')).toBe('bila diajukan oleh perangkat kelurahan');
    expect(applicantRoles('kelurahan').map((r) => r.id)).toEqual(APPLICANT_ROLE_IDS);
  });
});

describe('a parent applying for a 12-year-old child', () => {
  const files = { id_anak: PHOTO, kartu_keluarga: PHOTO, id_wali: PHOTO };

  it('is accepted without a KTP for the child', () => {
    expect(errorsOf(service(), input({ ...CHILD, ...PARENT }), files)).toEqual([]);
  });

  it("is refused without the child's document or the parent's own", () => {
    expect(errorsOf(service(), input({ ...CHILD, ...PARENT }), { kartu_keluarga: PHOTO })).toEqual(['id_anak', 'id_wali']);
  });

  it('is refused with an adult document for the child, with a message saying why', () => {
    const result = validateApplication(input({ ...CHILD, ...PARENT }), { ...files, id_dewasa: PHOTO }, ctx(service()));
    expect(Object.keys(result.errors)).toEqual(['id_dewasa']);
    expect(result.errors['id_dewasa']).toMatch(/tidak diminta untuk penerima seusia ini/);
  });

  it('needs no relationship text (the role says it) but keeps one given', () => {
    const result = validateApplication(input({ ...CHILD, ...PARENT, hubungan: '' }), files, ctx(service()));
    expect(result.errors).toEqual({});
    expect(validateApplication(input({ ...CHILD, ...PARENT }), files, ctx(service())).value.hubungan).toBe('ibu kandung');
  });

  it("checks the parent's NIK when given, and requires it where the service says so", () => {
    expect(errorsOf(service(), input({ ...CHILD, ...PARENT, nik_pengaju: '123' }), files)).toEqual(['nik_pengaju']);
    const strict = service({ identity: { penerima: { nik: 'wajib', nomor_kk: 'wajib', tanggal_lahir: 'wajib' }, pengaju: { nik: 'wajib' } } });
    expect(errorsOf(strict, input({ ...CHILD, ...PARENT }), files)).toEqual(['nik_pengaju']);
    expect(errorsOf(strict, input({ ...CHILD, ...PARENT, nik_pengaju: '1901015508640009' }), files)).toEqual([]);
  });
});

describe('the applicant role', () => {
  it('refuses an unknown role and one the service does not accept', () => {
    expect(errorsOf(service(), input({ pemohon_adalah: 'siapa_saja' }), { id_dewasa: PHOTO, kartu_keluarga: PHOTO })).toEqual(['pemohon_adalah']);
    const selfOnly = service({ applicants: ['diri_sendiri'] });
    expect(errorsOf(selfOnly, input({ ...CHILD, ...PARENT }), { id_anak: PHOTO, kartu_keluarga: PHOTO, id_wali: PHOTO })).toEqual(['pemohon_adalah']);
  });

  it('needs the relationship from a relative or neighbour', () => {
    expect(errorsOf(service(), input({ pemohon_adalah: 'mewakili', nama_pengaju: 'Budi Santoso' }), { id_dewasa: PHOTO, kartu_keluarga: PHOTO })).toEqual(['hubungan']);
  });

  it("keeps no applicant's name or NIK when the recipient applies", () => {
    const { errors, value } = validateApplication(input({ nama_pengaju: 'Budi', hubungan: 'anak', nik_pengaju: '1901015508640009' }), { id_dewasa: PHOTO, kartu_keluarga: PHOTO }, ctx(service()));
    expect(errors).toEqual({});
    expect([value.nama_pengaju, value.hubungan, value.nik_pengaju]).toEqual(['', '', '']);
  });
});

describe("identity data per the service's declaration", () => {
  const unidentified = service({
    documents: [doc('surat_polisi'), doc('id_dewasa', { age: 'dewasa', required: false })],
    identity: { penerima: { nik: 'tidak_wajib', nomor_kk: 'tidak_wajib', tanggal_lahir: 'tidak_wajib' }, pengaju: { nik: 'tidak_diminta' } },
  });
  const officer = { pemohon_adalah: 'petugas_desa', nama_pengaju: 'Rahmat Hidayat', hubungan: '' };

  it('accepts a person with no NIK, KK number or birth date where they are optional', () => {
    expect(errorsOf(unidentified, input({ ...officer, nik: '', nomor_kk: '', tanggal_lahir: '' }), { surat_polisi: PHOTO })).toEqual([]);
  });

  it('still checks a NIK or date that is given', () => {
    expect(errorsOf(unidentified, input({ ...officer, nik: '12345', nomor_kk: '', tanggal_lahir: '2999-01-01' }), { surat_polisi: PHOTO })).toEqual(['nik', 'tanggal_lahir']);
  });

  it('requires them where the service does', () => {
    expect(errorsOf(service(), input({ nik: '', nomor_kk: '', tanggal_lahir: '' }), { id_dewasa: PHOTO, kartu_keluarga: PHOTO })).toEqual(['nik', 'nomor_kk', 'tanggal_lahir']);
  });

  it('drops what it does not ask for', () => {
    const noNumbers = service({ identity: { penerima: { nik: 'tidak_diminta', nomor_kk: 'tidak_diminta', tanggal_lahir: 'wajib' }, pengaju: { nik: 'tidak_diminta' } } });
    const { errors, value } = validateApplication(input({ nik: 'bukan angka', nomor_kk: '42' }), { id_dewasa: PHOTO, kartu_keluarga: PHOTO }, ctx(noNumbers));
    expect(errors).toEqual({});
    expect([value.nik, value.nomor_kk]).toEqual(['', '']);
  });
});

describe('declarations in content/', () => {
  const content = loadContent();
  const types = new Map(content.documentTypes.map((d) => [d.id, d.data]));
  const online = content.services.filter((s) => s.data.onlineApplication).map((s) => serviceRules(s.id, s.data, types));

  it('give every online service an identity declaration for both persons', () => {
    for (const s of online) {
      expect(s.identity, s.id).toBeDefined();
      expect(Object.keys(s.identity!.penerima).sort(), s.id).toEqual(['nik', 'nomor_kk', 'tanggal_lahir']);
    }
  });

  it('never ask an adult-only and a child-only document of the same recipient', () => {
    for (const s of online) {
      for (const born of ['2014-05-10', '1980-07-05']) {
        const asked = s.documents.filter((d) => d.age && documentNeed(d, { pemohon_adalah: 'diri_sendiri', tanggal_lahir: born }, TODAY) !== 'tidak_diminta');
        expect(new Set(asked.map((d) => d.age)).size, `${s.id} ${born}`).toBeLessThanOrEqual(1);
      }
    }
  });
});
