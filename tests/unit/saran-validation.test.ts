import { describe, expect, it } from 'vitest';
import { validateSaran } from '../../src/lib/rules/saran';
import { loadVectors } from '../support/vectors';

describe('kotak saran: the shared rules against the shared vectors', () => {
  for (const vector of loadVectors('saran')) {
    it(vector.name, () => {
      const result = validateSaran(vector.input as { pesan: string; kontak: string });
      expect(Object.keys(result.errors).sort()).toEqual([...vector.errors].sort());
    });
  }

  it('gives Indonesian messages', () => {
    expect(validateSaran({ pesan: '', kontak: '' }).errors.pesan).toBe('Tulis saran atau masukan Anda.');
    expect(validateSaran({ pesan: 'Antrean \u202elama sekali.', kontak: '' }).errors.pesan).toBe('Hapus karakter yang tidak dapat dibaca (misalnya hasil salin-tempel) dari isian ini.');
  });

  it('trims what it accepts', () => {
    expect(validateSaran({ pesan: '  Ruang tunggu panas sekali.  ', kontak: ' ' }).value).toEqual({
      pesan: 'Ruang tunggu panas sekali.',
      kontak: '',
    });
  });
});
