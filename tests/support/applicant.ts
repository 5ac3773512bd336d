// Applications for a recipient who is not the applicant, built from the content the tests run
// on: the services are found by what they declare (an adult-only and a child-only document, a
// guardian's own document, optional identity data), never by an office's keys.
import { randomUUID } from 'node:crypto';
import { documentNeed } from '../../src/lib/rules/applicant';
import type { ApplicationInput, FileInfo } from '../../src/lib/rules/application';
import type { PortalData } from '../../src/lib/portal-data';
import { PRIVACY_VERSION } from './application';

export type PortalService = PortalData['services'][number];

/** A service for children and adults alike: a child-only and an adult-only document, and a guardian may apply. */
export function childService(portal: PortalData): PortalService | undefined {
  return portal.services.find(
    (s) => s.onlineApplication && s.documents.some((d) => d.age === 'anak') && s.documents.some((d) => d.age === 'dewasa') && (!s.applicants || s.applicants.includes('orang_tua_wali')),
  );
}

/** A service whose recipient may come without a NIK (e.g. an unidentified person), and one that requires it. */
export function serviceByNik(portal: PortalData, need: 'wajib' | 'tidak_wajib'): PortalService | undefined {
  return portal.services.find((s) => s.onlineApplication && (s.identity?.penerima.nik ?? 'wajib') === need);
}

/** Birth date of someone `years` old today (15 January, so the age holds all year). */
export function bornYearsAgo(years: number, today = new Date()): string {
  return `${today.getUTCFullYear() - years}-01-15`;
}

/** A complete application for `service`, every question answered as expected. */
export function applicationFor(service: PortalService, portal: PortalData, fields: Record<string, string>): ApplicationInput {
  return {
    layanan: service.id,
    nama_lengkap: 'Rizki Pratama',
    nik: '1901011501140003',
    nomor_kk: '1901011203150004',
    tanggal_lahir: bornYearsAgo(40),
    telepon: '0812-3456-7890',
    kecamatan: portal.kecamatan[0]!.id,
    desa_kelurahan: 'Desa Contoh',
    alamat: 'Jalan Contoh RT 01, dekat masjid',
    pemohon_adalah: 'diri_sendiri',
    nama_pengaju: '',
    hubungan: '',
    nik_pengaju: '',
    persetujuan_versi: PRIVACY_VERSION,
    id_pengiriman: randomUUID(),
    ...fields,
    jawaban_kelayakan: Object.fromEntries(service.questions.map((q) => [q.id, q.expected])),
  };
}

/** One small file of an accepted type for each document this application must carry. */
export function requiredFiles(service: PortalService, input: ApplicationInput, today = new Date().toISOString().slice(0, 10)): Record<string, FileInfo> {
  const files: Record<string, FileInfo> = {};
  for (const doc of service.documents) {
    if (documentNeed(doc, input, today) === 'wajib') files[doc.key] = { size: 20_000, type: doc.accept.includes('application/pdf') ? 'application/pdf' : doc.accept[0]! };
  }
  return files;
}

/** Only the files of documents asked of this applicant and recipient (a child's case asks no KTP, a self-applicant's no guardian's KTP). */
export function askedFiles<T>(service: Pick<PortalService, 'documents'>, who: { pemohon_adalah: string; tanggal_lahir: string }, files: Record<string, T>, today = new Date().toISOString().slice(0, 10)): Record<string, T> {
  const asked = new Set(service.documents.filter((d) => documentNeed(d, who, today) !== 'tidak_diminta').map((d) => d.key));
  return Object.fromEntries(Object.entries(files).filter(([key]) => asked.has(key)));
}
