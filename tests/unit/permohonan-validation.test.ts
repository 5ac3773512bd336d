import { describe, expect, it } from 'vitest';
import { applicationErrors } from '../../src/lib/validation/application';
import { applicationVectors, contextFor, VECTOR_SERVICE } from '../support/application';

describe('application form validation (zod + shared rules) against the shared vectors', () => {
  for (const vector of applicationVectors()) {
    it(vector.name, () => {
      const errors = applicationErrors(vector.input, vector.files, contextFor(vector.input.layanan));
      expect(Object.keys(errors).sort()).toEqual([...vector.errors].sort());
    });
  }

  it('says what is wrong in Indonesian', () => {
    const [valid] = applicationVectors();
    const errors = applicationErrors({ ...valid!.input, nik: '123' }, valid!.files, contextFor(VECTOR_SERVICE.id));
    expect(errors['nik']).toBe('NIK harus 16 angka. Yang Anda isi 3 angka.');
  });

  it('rejects a field that is not text', () => {
    const [valid] = applicationVectors();
    const errors = applicationErrors({ ...valid!.input, nik: 1901014507800001 }, valid!.files, contextFor(VECTOR_SERVICE.id));
    expect(errors['nik']).toBe('Isian ini harus berupa teks.');
  });
});
