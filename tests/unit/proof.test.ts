import { describe, expect, it } from 'vitest';
import { normaliseProof, proofErrors } from '../../src/lib/rules/proof';

// The applicant's proof on /lacak/: the same answers are refused in the browser and on the server
// (pb_hooks/lib/unggah-ulang.js uses this module's bundle), before any request is looked at.
describe('proof of the applicant', () => {
  it('reads a birth date only as a real calendar date', () => {
    expect(normaliseProof('tanggal_lahir', '1980-07-05')).toBe('1980-07-05');
    expect(normaliseProof('tanggal_lahir', ' 1980-07-05 ')).toBe('1980-07-05');
    for (const bad of ['1980-02-31', '1980-7-5', '05-07-1980', '1980-07-05T00:00:00Z', "1980-07-05' OR '1'='1", '']) expect(normaliseProof('tanggal_lahir', bad), bad).toBeNull();
  });

  it('reads exactly four digits of a phone, forgiving spaces, dots and dashes', () => {
    expect(normaliseProof('telepon', '54-32')).toBe('5432');
    expect(normaliseProof('telepon', ' 5 4 3 2 ')).toBe('5432');
    for (const bad of ['543', '54321', '%%%%', '12\u000034', '١٢٣٤', '']) expect(normaliseProof('telepon', bad), bad).toBeNull();
  });

  it('names the field and says what to write, in Indonesian', () => {
    expect(Object.keys(proofErrors('nama_ibu', 'x'))).toEqual(['bukti_jenis']);
    expect(proofErrors('tanggal_lahir', '')).toEqual({ bukti_nilai: 'Isi tanggal lahir penerima layanan.' });
    expect(proofErrors('telepon', '12')['bukti_nilai']).toMatch(/^Tulis tepat 4 angka terakhir/);
    expect(proofErrors('telepon', '1234')).toEqual({});
  });
});
