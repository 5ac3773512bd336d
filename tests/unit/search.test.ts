import { describe, expect, it } from 'vitest';
import { normalise, search, type SearchEntry } from '../../src/lib/search';
import { loadContent } from '../support/content';

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

describe('search words from content/', () => {
  // Every keyword a service lists in content/ (spellings people use, such as "kursiroda" or
  // "bantuan anak cacat") must find that service, with the same index fields the build writes.
  const content = loadContent();
  const entries: SearchEntry[] = content.services.map((s) => ({ url: `/layanan/${s.id}/`, kind: 'Layanan', title: s.data.title, summary: s.data.summary, text: s.data.keywords.join(' ') }));
  it.each(content.services.flatMap((s) => s.data.keywords.map((k) => [k, s.id] as const)))('"%s" finds %s', (keyword, id) => {
    expect(search(entries, keyword).map((e) => e.url)).toContain(`/layanan/${id}/`);
  });
});
