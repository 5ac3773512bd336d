import { describe, expect, it } from 'vitest';
import { normalise, search, type SearchEntry } from '../../src/lib/search';

const entries: SearchEntry[] = [
  { url: '/layanan/alat-bantu/', kind: 'Layanan', title: 'Bantuan Alat Bantu bagi Penyandang Disabilitas', summary: 'Kursi roda dan kruk.', text: 'kursi roda tongkat KTP KK' },
  { url: '/layanan/sktm/', kind: 'Layanan', title: 'Rekomendasi SKTM', summary: 'Surat keterangan tidak mampu.', text: 'KTP KK surat pengantar' },
  { url: '/sop/alat-bantu/', kind: 'SOP', title: 'Pelayanan Pemberian Bantuan Alat Bantu', summary: '7 langkah', text: 'verifikasi lapangan TKSK' },
];

describe('search index scoring', () => {
  it('normalises case, accents and punctuation', () => {
    expect(normalise('Kursi-Roda, Café!')).toBe('kursi roda cafe');
  });

  it('finds by a keyword that is not in the title', () => {
    expect(search(entries, 'kursi roda').map((e) => e.url)).toEqual(['/layanan/alat-bantu/']);
  });

  it('matches word prefixes and ranks the service above its SOP', () => {
    expect(search(entries, 'alat ban').map((e) => e.url)).toEqual(['/layanan/alat-bantu/', '/sop/alat-bantu/']);
  });

  it('requires every word to match', () => {
    expect(search(entries, 'sktm kursi')).toEqual([]);
    expect(search(entries, 'tksk').map((e) => e.url)).toEqual(['/sop/alat-bantu/']);
  });

  it('returns nothing for an empty query', () => {
    expect(search(entries, '  ')).toEqual([]);
  });
});
