import { describe, expect, it } from 'vitest';
import { sopStages } from '../../src/lib/rules/stages';
import { CODE_ALPHABET, CODE_BITS, generateCode, normaliseCode } from '../../src/lib/rules/tracking-code';
import { formatPhone, toE164 } from '../../src/lib/rules/phone';
import { nikBirthDayMonth } from '../../src/lib/rules/nik';

describe('tracking codes', () => {
  it('carry more than 40 bits and no look-alike characters', () => {
    expect(CODE_BITS).toBeGreaterThan(40);
    for (const ch of '01OILUV') expect(CODE_ALPHABET).not.toContain(ch);
  });

  it('are formatted in groups of three and read back whatever the case and separators', () => {
    const code = generateCode('BKA', () => 0);
    expect(code).toBe('BKA-222-222-222');
    expect(normaliseCode(' bka 7k3-mq9 xpw ')).toBe('BKA-7K3-MQ9-XPW');
    expect(normaliseCode('BKA-7K3-MQ9-XP')).toBeNull();
    expect(normaliseCode('BKA-0K3-MQ9-XPW')).toBeNull(); // 0 is not in the alphabet
    expect(normaliseCode("BKA' OR 1=1 --")).toBeNull();
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
    ]);
    // A stage with a step of no fixed time, or one the SOP calls unpredictable, is not timed.
    expect(stages).toEqual([
      { status: 'diterima', minutes: 20, steps: [0, 1], timed: true },
      { status: 'verifikasi_lapangan', minutes: 480, steps: [2, 3], timed: false },
      { status: 'disetujui', minutes: 90, steps: [4], timed: true },
      { status: 'selesai', minutes: 10, steps: [5], timed: false },
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
  it('read the birth day and sex suggested by a NIK, for a warning only', () => {
    expect(nikBirthDayMonth('1901014507800001')).toEqual({ day: 5, month: 7, female: true });
    expect(nikBirthDayMonth('1901010507800001')).toEqual({ day: 5, month: 7, female: false });
    expect(nikBirthDayMonth('123')).toBeNull();
  });
});
