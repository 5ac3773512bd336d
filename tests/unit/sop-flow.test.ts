// Who may record what on the fixture office's SOP (tests/fixtures/content: the assistive-device
// SOP of seed 000). The expected answers are written out by hand from the SOP table and
// roles.yaml, not computed, so this test does not restate the code it checks.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContentFiles } from '../../src/lib/content-files';
import { buildPortalData, flowContextOf } from '../../src/lib/portal-data';
import { allowedActions, judge, type CaseState, type FlowAction } from '../../src/lib/rules/sop-flow';

const data = buildPortalData(loadContentFiles(path.resolve(import.meta.dirname, '..', 'fixtures', 'content')));
// The fixture office's one service, whose SOP the answers below are written for.
const ctx = flowContextOf(data, data.services[0]!.id);

const at = (status: string, langkah: number, assignedToMe = false): CaseState => ({ status, langkah, assignedToMe });
const ok = (state: CaseState, roles: string[], action: FlowAction) => judge(ctx, state, roles, action);

describe('the assistive-device SOP, step by step (hand-written expectations)', () => {
  it('starts a new application after the applicant’s own step, at the front office’s register step', () => {
    expect(ctx.steps.map((s) => s.roles)).toEqual([['petugas-layanan'], ['petugas-layanan'], ['kasi'], ['tksk-psm'], ['kasi'], ['kabid'], ['tksk-psm']]);
    expect(ctx.steps.map((s) => s.stage)).toEqual(['diterima', 'diterima', 'verifikasi_berkas', 'verifikasi_lapangan', 'menunggu_keputusan', 'menunggu_keputusan', 'disetujui']);
  });

  it('step 2 (register): the front office only', () => {
    expect(ok(at('diterima', 1), ['petugas-layanan'], 'langkah')).toEqual({ allowed: true, status: 'verifikasi_berkas', langkah: 2, closes: false });
    expect(ok(at('diterima', 1), ['kasi'], 'langkah')).toEqual({ allowed: false, message: 'Langkah ini dicatat oleh Petugas layanan (front office): Petugas mencatat permohonan dalam buku register.' });
    expect(ok(at('diterima', 1), ['kadis'], 'langkah').allowed).toBe(false);
  });

  it('step 3 (disposition): the Kasi (the SOP’s Pengawas)', () => {
    expect(ok(at('verifikasi_berkas', 2), ['kasi'], 'langkah')).toEqual({ allowed: true, status: 'verifikasi_lapangan', langkah: 3, closes: false });
    expect(ok(at('verifikasi_berkas', 2), ['petugas-layanan'], 'langkah').allowed).toBe(false);
  });

  it('step 4 (field visit): only the TKSK/PSM assigned to this application', () => {
    expect(ok(at('verifikasi_lapangan', 3, true), ['tksk-psm'], 'langkah')).toEqual({ allowed: true, status: 'menunggu_keputusan', langkah: 4, closes: false });
    expect(ok(at('verifikasi_lapangan', 3, false), ['tksk-psm'], 'langkah')).toEqual({
      allowed: false,
      message: 'Langkah ini dicatat oleh TKSK/PSM yang ditugaskan pada permohonan ini: Pelaksana menindaklanjuti dengan menugaskan TKSK/PSM untuk melakukan verifikasi lapangan.',
    });
    expect(ok(at('verifikasi_lapangan', 3), ['kasi', 'kabid'], 'langkah').allowed).toBe(false);
    // Not a decision step: nobody rejects here.
    expect(ok(at('verifikasi_lapangan', 3, true), ['tksk-psm'], 'tolak')).toEqual({ allowed: false, message: 'Permohonan hanya dapat ditolak pada langkah keputusan SOP, oleh Kepala Seksi (Kasi).' });
  });

  it('steps 5 and 6 (the decision): Kasi, then Kabid, each as a step of their own', () => {
    expect(ok(at('menunggu_keputusan', 4), ['kasi'], 'langkah')).toEqual({ allowed: true, status: 'menunggu_keputusan', langkah: 5, closes: false });
    expect(ok(at('menunggu_keputusan', 4), ['kabid'], 'langkah').allowed).toBe(false);
    expect(ok(at('menunggu_keputusan', 4), ['kadis'], 'langkah').allowed).toBe(false);
    expect(ok(at('menunggu_keputusan', 4), ['kasi'], 'tolak')).toEqual({ allowed: true, status: 'ditolak', langkah: 4, closes: true });
    expect(ok(at('menunggu_keputusan', 4), ['kabid'], 'tolak').allowed).toBe(false);
    expect(ok(at('menunggu_keputusan', 5), ['kabid'], 'langkah')).toEqual({ allowed: true, status: 'disetujui', langkah: 6, closes: false });
    expect(ok(at('menunggu_keputusan', 5), ['kasi'], 'langkah').allowed).toBe(false);
    expect(ok(at('menunggu_keputusan', 5), ['petugas-layanan'], 'langkah').allowed).toBe(false);
  });

  it('step 7 (handover) by the assigned TKSK/PSM ends the application as served', () => {
    expect(ok(at('disetujui', 6, true), ['tksk-psm'], 'langkah')).toEqual({ allowed: true, status: 'selesai', langkah: 7, closes: true });
    expect(ok(at('disetujui', 6), ['kabid'], 'langkah').allowed).toBe(false);
  });

  it('repairs: asked and resumed by the front office (or the role whose step it is), with the step kept', () => {
    expect(ok(at('diterima', 1), ['petugas-layanan'], 'perbaikan')).toEqual({ allowed: true, status: 'perlu_perbaikan', langkah: 1, closes: false });
    expect(ok(at('verifikasi_berkas', 2), ['kasi'], 'perbaikan')).toEqual({ allowed: true, status: 'perlu_perbaikan', langkah: 2, closes: false });
    expect(ok(at('verifikasi_berkas', 2), ['kadis'], 'perbaikan')).toEqual({ allowed: false, message: 'Perbaikan dokumen diminta oleh Petugas layanan (front office) atau Kepala Seksi (Kasi).' });
    expect(ok(at('perlu_perbaikan', 2), ['petugas-layanan'], 'lanjutkan')).toEqual({ allowed: true, status: 'verifikasi_berkas', langkah: 2, closes: false });
    expect(ok(at('perlu_perbaikan', 2), ['kasi'], 'langkah')).toEqual({ allowed: false, message: 'Permohonan sedang menunggu perbaikan dari pemohon. Lanjutkan pemeriksaan setelah dokumen diterima.' });
  });

  it('cancelling: the front office; assigning a field worker: Kasi or Kabid', () => {
    expect(ok(at('verifikasi_lapangan', 3), ['petugas-layanan'], 'batal')).toEqual({ allowed: true, status: 'dibatalkan', langkah: 3, closes: true });
    expect(ok(at('verifikasi_lapangan', 3), ['kadis'], 'batal').allowed).toBe(false);
    expect(ok(at('verifikasi_berkas', 2), ['kasi'], 'tugaskan').allowed).toBe(true);
    expect(ok(at('verifikasi_berkas', 2), ['kabid'], 'tugaskan').allowed).toBe(true);
    expect(ok(at('verifikasi_berkas', 2), ['petugas-layanan'], 'tugaskan')).toEqual({ allowed: false, message: 'Petugas lapangan ditugaskan oleh Kepala Seksi (Kasi) atau Kepala Bidang (Kabid).' });
  });

  it('no field step left in the SOP: nobody is offered a field worker to assign', () => {
    const officeOnly = { ...ctx, steps: ctx.steps.filter((s) => !s.roles.includes('tksk-psm')) };
    expect(judge(officeOnly, at('verifikasi_berkas', 2), ['kasi'], 'tugaskan')).toEqual({ allowed: false, message: 'Tidak ada langkah lapangan lagi dalam SOP layanan ini; tidak ada petugas lapangan yang perlu ditugaskan.' });
    expect(allowedActions(officeOnly, at('verifikasi_berkas', 2), ['kasi'])).not.toContain('tugaskan');
  });

  it('a decided application is sealed: only the deciding role reopens it, back to its decision', () => {
    for (const action of ['langkah', 'perbaikan', 'batal', 'tugaskan'] as const) {
      expect(ok(at('selesai', 7, true), ['petugas-layanan', 'kasi', 'kabid', 'tksk-psm'], action)).toEqual({ allowed: false, message: 'Permohonan sudah “Selesai”. Untuk mengubahnya, buka kembali permohonan dengan alasan tertulis.' });
    }
    expect(ok(at('selesai', 7), ['kasi'], 'buka-kembali')).toEqual({ allowed: true, status: 'menunggu_keputusan', langkah: 4, closes: false });
    expect(ok(at('ditolak', 4), ['kasi'], 'buka-kembali').allowed).toBe(true);
    expect(ok(at('selesai', 7), ['petugas-layanan'], 'buka-kembali')).toEqual({ allowed: false, message: 'Permohonan yang sudah diputus hanya dapat dibuka kembali oleh Kepala Seksi (Kasi), dengan alasan tertulis.' });
    expect(ok(at('dibatalkan', 3), ['kasi'], 'buka-kembali').allowed).toBe(false);
  });

  it('offers each person exactly their buttons', () => {
    expect(allowedActions(ctx, at('diterima', 1), ['petugas-layanan'])).toEqual(['langkah', 'perbaikan', 'periksa-dokumen', 'batal']);
    expect(allowedActions(ctx, at('diterima', 1), ['kadis'])).toEqual([]);
    expect(allowedActions(ctx, at('menunggu_keputusan', 4), ['kasi'])).toEqual(['langkah', 'perbaikan', 'periksa-dokumen', 'tolak', 'tugaskan']);
    expect(allowedActions(ctx, at('verifikasi_lapangan', 3, true), ['tksk-psm'])).toEqual(['langkah']);
  });
});
