import { describe, expect, it } from 'vitest';
import { dailyCron, dueAt, workingDaysBetween } from '../../src/lib/rules/working-time';
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
    const code = generateCode('BKA', () => 0);
    expect(code).toBe('BKA-222-222-222');
    expect(normaliseCode(' bka 7k3-mq9 xpw ')).toBe('BKA-7K3-MQ9-XPW');
    expect(normaliseCode('BKA-7K3-MQ9-XP')).toBeNull();
    expect(normaliseCode('BKA-0K3-MQ9-XPW')).toBeNull(); // 0 is not in the alphabet
    expect(normaliseCode("BKA' OR 1=1 --")).toBeNull();
  });

  it('are shown by example with the office\'s own prefix, and the example reads back as a code', () => {
    expect(exampleCode('BJB')).toMatch(/^BJB-[A-Z2-9]{3}-[A-Z2-9]{3}-[A-Z2-9]{3}$/);
    expect(normaliseCode(exampleCode('BJB'))).toBe(exampleCode('BJB'));
  });
});

describe('daily jobs at an hour of the office\'s clock (PocketBase\'s cron is UTC)', () => {
  it('turns 02.30 into the UTC hour of each Indonesian zone, wrapping past midnight', () => {
    expect(dailyCron(2, 30, 'WIB')).toBe('30 19 * * *');
    expect(dailyCron(2, 30, 'WITA')).toBe('30 18 * * *');
    expect(dailyCron(2, 30, 'WIT')).toBe('30 17 * * *');
    expect(dailyCron(8, 0, 'WITA')).toBe('0 0 * * *');
    expect(dailyCron(10, 0, 'WIB')).toBe('0 3 * * *');
  });
});

describe('due dates in working days (office time zone)', () => {
  // Wednesday 25 November 2026, 10.00 WIB.
  const wed = new Date('2026-11-25T03:00:00Z');
  it('a stage shorter than a working day is due at the end of the day it started', () => {
    expect(dueAt(wed, 130).toISOString()).toBe('2026-11-25T16:59:59.999Z');
  });
  it('counts the start day and skips the weekend', () => {
    // 3 working days from Wednesday: Wed, Thu, Fri.
    expect(dueAt(wed, 3 * 480).toISOString()).toBe('2026-11-27T16:59:59.999Z');
    // 4 working days: Wed, Thu, Fri, Mon.
    expect(dueAt(wed, 4 * 480).toISOString()).toBe('2026-11-30T16:59:59.999Z');
    // 481 minutes is a second day.
    expect(dueAt(wed, 481).toISOString()).toBe('2026-11-26T16:59:59.999Z');
  });
  it('a stage started on Saturday is due on Monday', () => {
    expect(dueAt(new Date('2026-11-28T03:00:00Z'), 60).toISOString()).toBe('2026-11-30T16:59:59.999Z');
  });
  it('reads the day in the office time zone, not UTC', () => {
    // 23.30 WIB on Friday is still Friday in Bangka although it is 16.30 UTC.
    expect(dueAt(new Date('2026-11-27T16:30:00Z'), 60).toISOString()).toBe('2026-11-27T16:59:59.999Z');
    // The same instant in WIT (UTC+9) is already Saturday 01.30: due Monday.
    expect(dueAt(new Date('2026-11-27T16:30:00Z'), 60, 9).toISOString()).toBe('2026-11-30T14:59:59.999Z');
  });
  it('counts working days between two instants', () => {
    expect(workingDaysBetween(wed, new Date('2026-11-30T03:00:00Z'))).toBe(3);
    expect(workingDaysBetween(wed, wed)).toBe(0);
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
    ], 'masuk');
    expect(stages).toEqual([
      { status: 'diterima', minutes: 20, steps: [0, 1] },
      { status: 'verifikasi_lapangan', minutes: 480, steps: [2, 3] },
      { status: 'disetujui', minutes: 90, steps: [4] },
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
