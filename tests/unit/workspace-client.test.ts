import { describe, expect, it } from 'vitest';
import { continuation, HOME, queueParams, queueUrl, readQueueQuery } from '../../src/lib/petugas-client';
import { searchProblem } from '../../src/islands/petugas/Queue';
import { menuFor } from '../../src/islands/petugas/SessionBar';
import { formatCode, generateCode } from '../../src/lib/rules/tracking-code';
import type { Saya } from '../../src/lib/api/petugas';
import { loadContent } from '../support/content';

const ORIGIN = 'https://portal.contoh.go.id';
const PREFIX = loadContent().site[0]!.data.trackingPrefix;

describe('where sign-in continues (`lanjut`)', () => {
  it('follows a workspace page on this origin, with its query', () => {
    expect(continuation('/petugas/antrean/?terlambat=1&q=budi', ORIGIN)).toBe('/petugas/antrean/?terlambat=1&q=budi');
    expect(continuation('/petugas/kasus/?jenis=laporan&id=abc123', ORIGIN)).toBe('/petugas/kasus/?jenis=laporan&id=abc123');
  });

  for (const raw of [
    null,
    '',
    '/',
    '/lacak/',
    '//jahat.example/petugas/',
    '///jahat.example/petugas/',
    'https://jahat.example/petugas/',
    '/petugas/\\jahat.example',
    '/\\jahat.example/petugas/',
    '/petugas/../_/',
    '/petugas/%2e%2e/_/',
    'javascript:alert(1)//petugas/',
    '/petugas/masuk/?lanjut=/petugas/',
  ]) {
    it(`goes to the start page instead of ${JSON.stringify(raw)}`, () => {
      expect(continuation(raw, ORIGIN)).toBe(HOME);
    });
  }
});

describe('queue filters in the address', () => {
  it('writes a query and reads it back unchanged, page 1 left out', () => {
    const query = { jenis: 'laporan', kecamatan: 'k', status: 's', layanan: 'l', q: '0812 3456', terlambat: '1', jatuh_tempo: '1', untuk_saya: '1', mendesak: '1', halaman: 3 } as const;
    expect(readQueueQuery(`?${queueParams(query).toString()}`)).toEqual(query);
    expect(queueUrl({ halaman: 1 })).toBe('/petugas/antrean/');
    expect(queueUrl({ terlambat: '1' })).toBe('/petugas/antrean/?terlambat=1');
  });

  it('drops what it does not know or cannot be', () => {
    expect(readQueueQuery('?jenis=semua&terlambat=ya&halaman=-2&halaman2=3&filter=status%3D%22x%22&q=%20%20')).toEqual({});
    expect(readQueueQuery('?halaman=2.5').halaman).toBeUndefined();
  });
});

describe('the queue search box', () => {
  const code = generateCode(PREFIX, () => 3);
  it('accepts codes as people type them, NIK and phone numbers with spaces, and names', () => {
    for (const typed of [code, code.toLowerCase().replace(/-/g, ''), '1901 0155 0864 0009', '0812-3456-7890', '+62 812 3456 7890', 'Budi', 'siti aminah']) {
      expect(searchProblem(typed, 'permohonan', PREFIX), typed).toBeNull();
    }
  });

  it('says on the field what is wrong with a search that would find nothing as meant', () => {
    expect(searchProblem(`${PREFIX}-12`, 'permohonan', PREFIX)).toBe(`Kode pelacakan tidak dikenali. Tulis lengkap 12 huruf dan angka, misalnya ${formatCode(PREFIX, '7K3MQ9XPW')}.`);
    expect(searchProblem('12 34', 'permohonan', PREFIX)).toContain('paling sedikit 6 angka');
    expect(searchProblem('12 34', 'laporan', PREFIX)).not.toContain('NIK');
    expect(searchProblem('1901 0155 0864 0009 12', 'permohonan', PREFIX)).toContain('terlalu panjang');
    expect(searchProblem('a', 'permohonan', PREFIX)).toBe('Tulis paling sedikit 2 huruf.');
    expect(searchProblem('x'.repeat(101), 'permohonan', PREFIX)).toContain('100 karakter');
  });
});

describe('the workspace menu', () => {
  const base: Saya = { id: 'a', nama: 'N', email: 'n@contoh.go.id', peran: [], wewenang: [], akses_kasus: 'semua', wajib_ganti_sandi: false, kantor: { nama: 'K', zona: 'WIB', prefiks: PREFIX } };
  const menu = (s: Partial<Saya>) => [...menuFor({ ...base, ...s })].sort();

  it('shows each role what it uses', () => {
    expect(menu({})).toEqual(['akun', 'antrean', 'hari-ini', 'pesan']);
    expect(menu({ akses_kasus: 'ditugaskan' })).toEqual(['akun', 'antrean', 'hari-ini', 'kunjungan', 'pesan']);
    expect(menu({ wewenang: ['log-akses'] })).toEqual(['akun', 'antrean', 'ekspor', 'hari-ini', 'pesan']);
    expect(menu({ akses_kasus: 'tidak', wewenang: ['ekspor'] })).toEqual(['akun', 'ekspor', 'hari-ini']);
  });

  it('shows only the account page until the first password is changed', () => {
    expect(menu({ wajib_ganti_sandi: true, wewenang: ['ekspor'] })).toEqual(['akun']);
  });
});
