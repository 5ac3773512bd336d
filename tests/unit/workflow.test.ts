import { describe, expect, it } from 'vitest';
import { eventKinds, transitionProblem, type StatusRule } from '../../src/lib/rules/workflow';
import { loadContent } from '../support/content';

const statuses: StatusRule[] = loadContent().statuses.map((s) => s.data);
const ids = statuses.map((s) => s.id);

// A made-up office with four statuses, and every move's outcome written out by hand: the
// expectations do not come from the rule under test.
const FIXTURE: StatusRule[] = [
  { id: 'masuk', label: 'Masuk', next: ['periksa', 'tolak'], needsReason: false, closed: false },
  { id: 'periksa', label: 'Periksa', next: ['beres', 'tolak'], needsReason: false, closed: false },
  { id: 'beres', label: 'Beres', next: [], needsReason: false, closed: true },
  { id: 'tolak', label: 'Tolak', next: ['masuk'], needsReason: true, closed: true },
];
const FIXTURE_OUTCOMES: [from: string, to: string, withReason: 'ok' | 'status', withoutReason: 'ok' | 'status' | 'catatan_publik'][] = [
  ['masuk', 'periksa', 'ok', 'ok'],
  ['masuk', 'tolak', 'ok', 'catatan_publik'],
  ['masuk', 'beres', 'status', 'status'],
  ['periksa', 'beres', 'ok', 'ok'],
  ['periksa', 'tolak', 'ok', 'catatan_publik'],
  ['periksa', 'masuk', 'status', 'status'],
  ['beres', 'masuk', 'status', 'status'],
  ['beres', 'periksa', 'status', 'status'],
  // Closed wins over a declared next: a rejection is final.
  ['tolak', 'masuk', 'status', 'status'],
];

describe('status transitions, worked by hand on a fixture', () => {
  for (const [from, to, withReason, withoutReason] of FIXTURE_OUTCOMES) {
    it(`${from} → ${to}: ${withReason} with a reason, ${withoutReason} without`, () => {
      const field = (p: ReturnType<typeof transitionProblem>) => (p ? p.field : 'ok');
      expect(field(transitionProblem(FIXTURE, from, to, 'Alasan yang jelas untuk pemohon.', true))).toBe(withReason);
      expect(field(transitionProblem(FIXTURE, from, to, '', false))).toBe(withoutReason);
    });
  }
  it('refuses a status the office never declared', () => {
    expect(transitionProblem(FIXTURE, 'masuk', 'hilang', '', false)).toEqual({ field: 'status', message: 'Status tidak dikenal.' });
  });
});

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
