// The field visit's pure parts (src/lib/field-visit.ts): the order of the visit list, the checks
// a visit passes before it is kept to send, and the body the server receives.
import { describe, expect, it } from 'vitest';
import type { Kunjungan } from '../../src/lib/api/petugas';
import { draftKey, draftPrefix, EMPTY_VISIT, sortVisits, visitForm, visitProblems, type VisitInput } from '../../src/lib/field-visit';
import { UNREADABLE_MESSAGE } from '../../src/lib/rules/text';

function visit(kode: string, over: Partial<Kunjungan> = {}): Kunjungan {
  return { id: kode, jenis: 'permohonan', kode, judul: 'Layanan', nama: null, telepon: null, kecamatan: 'K', desa_kelurahan: null, alamat: null, peta: null, kegiatan: '', perlu_hasil: false, batas_tahap: null, terlambat: false, mendesak: false, tujuan: [], ...over };
}

const input = (over: Partial<VisitInput>): VisitInput => ({ ...EMPTY_VISIT, ...over });

describe('the order of my visits', () => {
  it('puts urgent reports first, then late visits, then the soonest due, and visits without a due date last', () => {
    const list = [
      visit('TANPA-BATAS'),
      visit('BESOK', { batas_tahap: '2026-11-24T01:00:00.000Z' }),
      visit('HARI-INI', { batas_tahap: '2026-11-23T09:00:00.000Z' }),
      visit('TERLAMBAT', { batas_tahap: '2026-11-25T01:00:00.000Z', terlambat: true }),
      visit('LAPORAN-BIASA', { jenis: 'laporan', batas_tahap: '2026-11-23T08:00:00.000Z' }),
      visit('LAPORAN-MENDESAK', { jenis: 'laporan', mendesak: true, batas_tahap: '2026-11-30T08:00:00.000Z' }),
    ];
    expect(sortVisits(list).map((v) => v.kode)).toEqual(['LAPORAN-MENDESAK', 'TERLAMBAT', 'LAPORAN-BIASA', 'HARI-INI', 'BESOK', 'TANPA-BATAS']);
    // The input is left as it was.
    expect(list[0]!.kode).toBe('TANPA-BATAS');
  });

  it('keeps one order between loads when due dates are equal', () => {
    const same = '2026-11-24T01:00:00.000Z';
    expect(sortVisits([visit('B', { batas_tahap: same }), visit('A', { batas_tahap: same })]).map((v) => v.kode)).toEqual(['A', 'B']);
  });
});

describe('checks before a visit is kept to send', () => {
  const request = { result: true, targets: [] };
  const report = { result: false, targets: [{ id: 'dijangkau', label: 'Dijangkau', perlu_alasan: false }, { id: 'ditolak', label: 'Tidak dapat ditindaklanjuti', perlu_alasan: true }] };

  it('asks for layak or tidak layak when the step records the verification result', () => {
    expect(visitProblems(input({}), request)).toEqual({ hasil_verifikasi: 'Pilih hasil kunjungan: layak atau tidak layak.' });
    expect(visitProblems(input({ hasil_verifikasi: 'layak' }), request)).toEqual({});
    expect(visitProblems(input({}), { result: false, targets: [] })).toEqual({});
  });

  it('asks for a report status the server offers, and a reason for the reporter where the status needs one', () => {
    expect(visitProblems(input({ aksi: 'status' }), report)).toEqual({ status: 'Pilih apa yang terjadi pada kunjungan ini.' });
    expect(visitProblems(input({ aksi: 'status', status: 'selesai' }), report)).toEqual({ status: 'Pilih apa yang terjadi pada kunjungan ini.' });
    expect(visitProblems(input({ aksi: 'status', status: 'dijangkau' }), report)).toEqual({});
    expect(visitProblems(input({ aksi: 'status', status: 'ditolak', catatan_publik: 'Tidak ada' }), report)).toEqual({
      catatan_publik: 'Tulis alasan untuk pelapor (paling sedikit 10 karakter); alasan ini tampil di halaman lacak.',
    });
    expect(visitProblems(input({ aksi: 'status', status: 'ditolak', catatan_publik: 'Orangnya tidak ada di lokasi.' }), report)).toEqual({});
  });

  it('needs some words for a note-only visit, and refuses unreadable or too long notes', () => {
    expect(visitProblems(input({ aksi: 'catatan' }), report)).toEqual({ catatan_internal: 'Tulis catatan kunjungan.' });
    expect(visitProblems(input({ hasil_verifikasi: 'layak', catatan_internal: 'Rumah \u202Eakay' }), request)).toEqual({ catatan_internal: UNREADABLE_MESSAGE });
    expect(visitProblems(input({ hasil_verifikasi: 'layak', catatan_internal: 'x'.repeat(2001) }), request)).toEqual({ catatan_internal: 'Terlalu panjang. Tulis paling banyak 2000 karakter.' });
    expect(visitProblems(input({ hasil_verifikasi: 'layak', catatan_internal: 'x'.repeat(2000) }), request)).toEqual({});
  });
});

describe('what the server receives', () => {
  it('sends a step with its result, note, position, photos and submission id, and nothing a report would use', () => {
    const photo = new File([new Uint8Array([0xff, 0xd8, 0xff])], 'rumah.jpg', { type: 'image/jpeg' });
    const form = visitForm({ submissionId: 'kiriman-0123456789abcdef', input: input({ hasil_verifikasi: 'tidak_layak', catatan_internal: '  Rumah permanen.  ', lintang: '-1.873421', bujur: '106.104287', akurasi: 12, catatan_publik: 'tidak dikirim' }) }, [photo, photo]);
    expect([...form.keys()]).toEqual(['aksi', 'id_pengiriman', 'catatan_internal', 'hasil_verifikasi', 'lintang', 'bujur', 'foto', 'foto']);
    expect(form.get('aksi')).toBe('langkah');
    expect(form.get('catatan_internal')).toBe('Rumah permanen.');
    expect(form.get('id_pengiriman')).toBe('kiriman-0123456789abcdef');
    expect((form.get('foto') as File).name).toBe('rumah.jpg');
  });

  it('sends a report status with the note for the reporter, and leaves out an empty position', () => {
    const form = visitForm({ submissionId: 'kiriman-0123456789abcdef', input: input({ aksi: 'status', status: 'dijangkau', catatan_publik: 'Sudah ditemui.' }) }, []);
    expect(Object.fromEntries(form.entries())).toEqual({ aksi: 'status', id_pengiriman: 'kiriman-0123456789abcdef', status: 'dijangkau', catatan_publik: 'Sudah ditemui.' });
  });
});

describe('drafts on the phone', () => {
  it('keeps each account’s visits under its own key, so one account never sends another’s', () => {
    expect(draftKey('akun1', 'permohonan', 'abc')).toBe('kunjungan:akun1:permohonan:abc');
    expect(draftKey('akun1', 'laporan', 'abc').startsWith(draftPrefix('akun1'))).toBe(true);
    expect(draftKey('akun12', 'laporan', 'abc').startsWith(draftPrefix('akun1'))).toBe(false);
  });
});
