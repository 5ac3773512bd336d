import { describe, expect, it } from 'vitest';
import { eventKinds, transitionProblem, type StatusRule } from '../../src/lib/rules/workflow';
import { loadContent } from '../support/content';

const statuses: StatusRule[] = loadContent().statuses.map((s) => s.data);
const ids = statuses.map((s) => s.id);

describe('status transitions from content/reference/statuses.yaml', () => {
  for (const from of statuses) {
    for (const to of ids) {
      if (to === from.id) continue;
      const allowed = !from.closed && from.next.includes(to);
      const needsReason = statuses.find((s) => s.id === to)!.needsReason;
      it(`${from.id} → ${to}: ${allowed ? 'allowed' : 'refused'}`, () => {
        const withReason = transitionProblem(statuses, from.id, to, 'Alasan yang jelas untuk pemohon.', true);
        if (allowed) {
          expect(withReason).toBeNull();
          const without = transitionProblem(statuses, from.id, to, '', false);
          if (needsReason) expect(without?.field).toBe('catatan_publik');
          else expect(without).toBeNull();
        } else {
          expect(withReason?.field).toBe('status');
          expect(withReason?.message).toMatch(/tidak dapat/);
        }
      });
    }
  }

  it('keeps the same status without complaint', () => {
    expect(transitionProblem(statuses, 'diterima', 'diterima', '', false)).toBeNull();
  });

  it('names the statuses that may follow', () => {
    expect(transitionProblem(statuses, 'diterima', 'selesai', '', false)?.message).toBe(
      'Status tidak dapat berubah dari “Diterima” langsung ke “Selesai”. Pilihan berikutnya: “Verifikasi berkas”, “Perlu perbaikan”, “Tidak dapat dipenuhi”, “Dibatalkan”.',
    );
  });

  it('asks for a reason of at least 10 characters, written in this change', () => {
    expect(transitionProblem(statuses, 'verifikasi_berkas', 'ditolak', 'Tidak', true)?.field).toBe('catatan_publik');
    expect(transitionProblem(statuses, 'verifikasi_berkas', 'ditolak', 'Alasan lama yang tidak diubah.', false)?.field).toBe('catatan_publik');
  });
});

describe('audit entries of an update', () => {
  it('one entry per kind of change, applicant fields by name only', () => {
    expect(eventKinds(['status', 'catatan_publik', 'petugas_lapangan', 'alamat', 'ktp'], ['ktp', 'kk'])).toEqual([
      { kind: 'status', fields: ['status'] },
      { kind: 'penugasan', fields: ['petugas_lapangan'] },
      { kind: 'perubahan_data', fields: ['alamat', 'ktp'] },
    ]);
    expect(eventKinds(['catatan_internal'], [])).toEqual([{ kind: 'catatan', fields: ['catatan_internal'] }]);
    expect(eventKinds(['hasil_verifikasi', 'tanggal_verifikasi'], [])).toEqual([{ kind: 'verifikasi', fields: ['hasil_verifikasi', 'tanggal_verifikasi'] }]);
    expect(eventKinds([], [])).toEqual([]);
  });
});
