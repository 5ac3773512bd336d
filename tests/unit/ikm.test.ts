import { describe, expect, it } from 'vitest';
import { computeIkm, gradeIkm, krejcieMorgan, UNSUR, validateSurvey, RESPONDENT_FIELDS } from '../../src/lib/rules/ikm';

const all = (answer: number) => UNSUR.map(() => answer);

describe('the nine unsur of Permenpan RB 14/2017', () => {
  it('lists u1..u9 in order, each with a question and four answers', () => {
    expect(UNSUR.map((u) => u.id)).toEqual(['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9']);
    expect(UNSUR.map((u) => u.label)).toEqual([
      'Persyaratan',
      'Sistem, mekanisme, dan prosedur',
      'Waktu penyelesaian',
      'Biaya/tarif',
      'Produk spesifikasi jenis pelayanan',
      'Kompetensi pelaksana',
      'Perilaku pelaksana',
      'Penanganan pengaduan, saran, dan masukan',
      'Sarana dan prasarana',
    ]);
    for (const u of UNSUR) {
      expect(u.question.endsWith('?'), u.id).toBe(true);
      expect(new Set(u.options).size, u.id).toBe(4);
    }
    expect(UNSUR[0]!.options).toEqual(['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai']);
    expect(UNSUR[3]!.options).toEqual(['Sangat mahal', 'Cukup mahal', 'Murah', 'Gratis']);
  });

  it('never asks for a name or NIK among the respondent data', () => {
    expect(RESPONDENT_FIELDS.map((f) => f.id)).toEqual(['jenis_kelamin', 'kelompok_usia', 'pendidikan', 'pekerjaan']);
  });
});

describe('computeIkm', () => {
  it('gives null when nobody has answered yet', () => {
    expect(computeIkm([])).toBeNull();
  });

  it('gives exactly 100,00 (A, Sangat baik) when every answer is 4', () => {
    const result = computeIkm([all(4), all(4), all(4)])!;
    expect(result.nrr).toEqual(all(4));
    expect(result.index).toBe(4);
    expect(result.converted).toBe(100);
    expect(result.mutu).toBe('A');
    expect(result.kinerja).toBe('Sangat baik');
  });

  it('gives 25,00 (D, Tidak baik) when every answer is 1', () => {
    const result = computeIkm([all(1), all(1)])!;
    expect(result.index).toBe(1);
    expect(result.converted).toBe(25);
    expect(result.mutu).toBe('D');
    expect(result.kinerja).toBe('Tidak baik');
  });

  it('matches a set of five responses worked by hand, where the rounded 0,11 weight changes the grade', () => {
    //                 u1 u2 u3 u4 u5 u6 u7 u8 u9
    const responses = [
      [4, 4, 4, 4, 3, 4, 4, 3, 3],
      [3, 4, 3, 4, 4, 3, 4, 4, 3],
      [4, 3, 3, 4, 3, 4, 4, 3, 3],
      [3, 3, 4, 4, 4, 4, 4, 3, 3],
      [4, 4, 3, 4, 3, 3, 4, 4, 3],
    ];
    // Column sums ÷ 5 respondents = NRR per unsur:
    //   u1 4+3+4+3+4 = 18 → 3,6    u2 4+4+3+3+4 = 18 → 3,6    u3 4+3+3+4+3 = 17 → 3,4
    //   u4 4+4+4+4+4 = 20 → 4,0    u5 3+4+3+4+3 = 17 → 3,4    u6 4+3+4+4+3 = 18 → 3,6
    //   u7 4+4+4+4+4 = 20 → 4,0    u8 3+4+3+3+4 = 17 → 3,4    u9 3+3+3+3+3 = 15 → 3,0
    //   Σ NRR = 32,0
    // Exact weight 1/9:  IKM = 32,0 / 9 = 3,5556 → × 25 = 88,888… → 88,89 → ≥ 88,31: A, Sangat baik.
    // Rounded weight 0,11 (a common mistake): 32,0 × 0,11 = 3,52 → × 25 = 88,00 → B, Baik.
    const result = computeIkm(responses)!;
    expect(result.responses).toBe(5);
    expect(result.nrr).toEqual([3.6, 3.6, 3.4, 4, 3.4, 3.6, 4, 3.4, 3]);
    expect(result.index).toBeCloseTo(32 / 9, 12);
    expect(result.converted).toBe(88.89);
    expect(result.mutu).toBe('A');
    expect(result.kinerja).toBe('Sangat baik');

    const withRoundedWeight = Math.round(result.nrr.reduce((sum, nrr) => sum + nrr * 0.11, 0) * 25 * 100) / 100;
    expect(withRoundedWeight).toBe(88);
    expect(gradeIkm(withRoundedWeight)).toEqual({ mutu: 'B', kinerja: 'Baik' });
    expect(result.converted).not.toBe(withRoundedWeight);
  });

  it('refuses a response that is not nine answers of 1 to 4', () => {
    expect(() => computeIkm([[4, 4, 4]])).toThrow(RangeError);
    expect(() => computeIkm([[4, 4, 4, 4, 4, 4, 4, 4, 5]])).toThrow(RangeError);
    expect(() => computeIkm([[4, 4, 4, 4, 4, 4, 4, 4, 0]])).toThrow(RangeError);
    expect(() => computeIkm([[4, 4, 4, 4, 4, 4, 4, 4, 2.5]])).toThrow(RangeError);
  });
});

describe('gradeIkm: the interval table on the converted value', () => {
  const cases: [number, string, string][] = [
    [100, 'A', 'Sangat baik'],
    [88.31, 'A', 'Sangat baik'],
    [88.3, 'B', 'Baik'],
    [76.61, 'B', 'Baik'],
    [76.6, 'C', 'Kurang baik'],
    [65, 'C', 'Kurang baik'],
    [64.99, 'D', 'Tidak baik'],
    [25, 'D', 'Tidak baik'],
  ];
  for (const [converted, mutu, kinerja] of cases) {
    it(`${converted.toFixed(2)} → ${mutu}, ${kinerja}`, () => {
      expect(gradeIkm(converted)).toEqual({ mutu, kinerja });
    });
  }

  it('classifies on the value rounded to 2 decimals, so the gaps in the NI column cannot leave a value unclassified', () => {
    // 88,305 rounds to 88,31 even though 88,305 × 100 is 8830,4999… in binary.
    expect(gradeIkm(88.305).mutu).toBe('A');
    expect(gradeIkm(88.3049).mutu).toBe('B');
    expect(gradeIkm(76.605).mutu).toBe('B');
    expect(gradeIkm(64.995).mutu).toBe('C');
    expect(gradeIkm(64.9949).mutu).toBe('D');
  });
});

describe('krejcieMorgan: reproduces the Krejcie & Morgan table', () => {
  // The table as reproduced in the project's reference notes (indonesian-standards.md §3.5), N → S.
  const table: [number, number][] = [
    [10, 10], [20, 19], [30, 28], [40, 36], [50, 44], [60, 52], [70, 59], [80, 66],
    [100, 80], [150, 108], [200, 132], [250, 152], [300, 169], [400, 196],
    [500, 217], [600, 234], [700, 248], [800, 260], [1000, 278], [1500, 306], [2000, 322],
    [3000, 341], [4000, 351], [5000, 357], [10000, 370], [20000, 377], [50000, 381], [75000, 382],
    [1000000, 384],
  ];
  for (const [population, sample] of table) {
    it(`N = ${population} → S = ${sample}`, () => {
      expect(krejcieMorgan(population)).toBe(sample);
    });
  }

  it('gives 383 for N = 100 000 (the formula: 382,63; the printed table rounds that row up to 384)', () => {
    expect(krejcieMorgan(100000)).toBe(383);
  });

  it('never asks for more respondents than there are, and refuses a population that is not a count', () => {
    expect(krejcieMorgan(0)).toBe(0);
    expect(krejcieMorgan(1)).toBe(1);
    for (let n = 1; n <= 200; n++) expect(krejcieMorgan(n)).toBeLessThanOrEqual(n);
    expect(() => krejcieMorgan(-1)).toThrow(RangeError);
    expect(() => krejcieMorgan(12.5)).toThrow(RangeError);
  });
});

describe('validateSurvey: the same checks in the form and the hook', () => {
  const answers = Object.fromEntries(UNSUR.map((u) => [u.id, '3']));

  it('accepts nine answers with no respondent data', () => {
    const { value, errors } = validateSurvey({ ...answers, saran: '  Antrean perlu nomor.  ' });
    expect(errors).toEqual({});
    expect(value.answers).toEqual(all(3));
    expect(value.saran).toBe('Antrean perlu nomor.');
    expect(value.jenis_kelamin).toBe('');
  });

  it('accepts the numbers PocketBase holds as well as the strings the form sends', () => {
    expect(validateSurvey(Object.fromEntries(UNSUR.map((u) => [u.id, 4]))).errors).toEqual({});
  });

  it('names every unanswered or impossible answer in Indonesian', () => {
    const { errors } = validateSurvey({ ...answers, u1: '', u4: 0, u5: '5', u6: 2.5, u7: 'x' });
    expect(Object.keys(errors)).toEqual(['u1', 'u4', 'u5', 'u6', 'u7']);
    expect(errors['u1']).toBe('Pilih salah satu jawaban untuk pertanyaan 1 (persyaratan).');
    expect(errors['u4']).toBe('Pilih salah satu jawaban untuk pertanyaan 4 (biaya/tarif).');
    expect(errors['u5']).toBe('Jawaban untuk pertanyaan 5 (produk spesifikasi jenis pelayanan) harus salah satu dari empat pilihan.');
  });

  it('takes respondent data only from its lists and saran up to 1.000 characters', () => {
    const { errors } = validateSurvey({ ...answers, jenis_kelamin: 'X', pekerjaan: 'lainnya', kelompok_usia: '60+', saran: 'a'.repeat(1001) });
    expect(Object.keys(errors)).toEqual(['jenis_kelamin', 'saran']);
    expect(errors['saran']).toBe('Saran terlalu panjang. Tulis paling banyak 1.000 karakter.');
    expect(validateSurvey({ ...answers, saran: 'a'.repeat(1000) }).errors).toEqual({});
  });
});
