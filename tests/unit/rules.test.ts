import { describe, expect, it } from 'vitest';
import { sopStages } from '../../src/lib/rules/stages';
import { CODE_ALPHABET, CODE_BITS, exampleCode, generateCode, normaliseCode } from '../../src/lib/rules/tracking-code';
import { fixedLineExample, formatPhone, phoneProblem, toE164 } from '../../src/lib/rules/phone';
import { nikBirthDayMonth } from '../../src/lib/rules/nik';

describe('tracking codes', () => {
  it('carry more than 40 bits and no look-alike characters', () => {
    expect(CODE_BITS).toBeGreaterThan(40);
    for (const ch of '01OILUV') expect(CODE_ALPHABET).not.toContain(ch);
  });

  it('are formatted in groups of three and read back whatever the case and separators', () => {
    const code = generateCode('XYZ', () => 0);
    expect(code).toBe('XYZ-222-222-222');
    expect(normaliseCode(' xyz 7k3-mq9 xpw ')).toBe('XYZ-7K3-MQ9-XPW');
    expect(normaliseCode('XYZ-7K3-MQ9-XP')).toBeNull();
    expect(normaliseCode('XYZ-0K3-MQ9-XPW')).toBeNull(); // 0 is not in the alphabet
    expect(normaliseCode("XYZ' OR 1=1 --")).toBeNull();
  });

  it('are shown by example with the office\'s own prefix, and the example reads back as a code', () => {
    expect(exampleCode('BJB')).toMatch(/^BJB-[A-Z2-9]{3}-[A-Z2-9]{3}-[A-Z2-9]{3}$/);
    expect(normaliseCode(exampleCode('BJB'))).toBe(exampleCode('BJB'));
  });
});

describe('SOP stages', () => {
  it('groups consecutive steps by stage and adds their times', () => {
    const stages = sopStages([
      { stage: 'diterima', time: { value: 10, unit: 'menit' } },
      { time: { value: 10, unit: 'menit' } },
      { stage: 'verifikasi_lapangan', time: { value: 1, unit: 'hari kerja' } },
      { stage: 'verifikasi_lapangan', time: null },
      { stage: 'disetujui', time: { value: 1.5, unit: 'jam' } },
      { stage: 'selesai', time: { value: 10, unit: 'menit' }, unpredictable: true },
    ], 'diterima');
    // A stage with a step of no fixed time, or one the SOP calls unpredictable, is not timed.
    expect(stages).toEqual([
      { status: 'diterima', minutes: 20, steps: [0, 1], timed: true },
      { status: 'verifikasi_lapangan', minutes: 480, steps: [2, 3], timed: false },
      { status: 'disetujui', minutes: 90, steps: [4], timed: true },
      { status: 'selesai', minutes: 10, steps: [5], timed: false },
    ]);
  });
  it('puts the steps before any named stage in the status a request starts in', () => {
    const stages = sopStages([{ time: { value: 5, unit: 'menit' } }, { stage: 'ditelaah', time: { value: 1, unit: 'jam' } }], 'masuk');
    expect(stages.map((s) => [s.status, s.minutes])).toEqual([
      ['masuk', 5],
      ['ditelaah', 60],
    ]);
  });
});

describe('phone and NIK helpers', () => {
  it('store E.164 and show the domestic form', () => {
    expect(toE164('0812-3456-7890')).toBe('+6281234567890');
    expect(toE164('62 812 3456 789')).toBe('+62812345678' + '9');
    expect(formatPhone('+6281234567890')).toBe('0812-3456-7890');
    expect(() => toE164('12345')).toThrow();
  });
  it('give a fixed-line example from the office\'s own number, never another office\'s', () => {
    expect(fixedLineExample('(0511) 4780001')).toBe('0511-4780001');
    expect(fixedLineExample('0717-92566')).toBe('0717-92566');
    expect(fixedLineExample('0822-9997-0505')).toBeNull(); // a mobile number is no fixed-line example
    expect(fixedLineExample(undefined)).toBeNull();
    expect(phoneProblem('0511 12', '(0511) 4780001')).toBe('Nomor telepon rumah atau kantor harus berisi kode wilayah, contoh 0511-4780001.');
    expect(phoneProblem('0511 12')).toBe('Nomor telepon rumah atau kantor harus berisi kode wilayah (diawali 0).');
  });
  it('read the birth day and sex suggested by a NIK, for a warning only', () => {
    expect(nikBirthDayMonth('1901014507800001')).toEqual({ day: 5, month: 7, female: true });
    expect(nikBirthDayMonth('1901010507800001')).toEqual({ day: 5, month: 7, female: false });
    expect(nikBirthDayMonth('123')).toBeNull();
  });
});
