import { describe, expect, it } from 'vitest';
import { saranSchema } from '../../src/lib/validation/saran';
import { issuesToFieldErrors } from '../../src/lib/validation/errors';
import { loadVectors } from '../support/vectors';

describe('kotak saran: browser validation (zod) against the shared vectors', () => {
  for (const vector of loadVectors('saran')) {
    it(vector.name, () => {
      const result = saranSchema.safeParse(vector.input);
      const fields = result.success ? [] : Object.keys(issuesToFieldErrors(result.error.issues));
      expect(fields.sort()).toEqual([...vector.errors].sort());
    });
  }

  it('gives Indonesian messages', () => {
    const result = saranSchema.safeParse({ pesan: '', kontak: '' });
    expect(result.success).toBe(false);
    if (!result.success) expect(issuesToFieldErrors(result.error.issues).pesan).toBe('Tulis saran atau masukan Anda.');
  });

  it('trims what it accepts', () => {
    expect(saranSchema.parse({ pesan: '  Ruang tunggu panas sekali.  ', kontak: ' ' })).toEqual({
      pesan: 'Ruang tunggu panas sekali.',
      kontak: '',
    });
  });
});
