import { describe, expect, it } from 'vitest';
import { formatCost, formatDate, formatDateTime, formatDateWithDay, formatNumber, formatPercent, formatRupiah, formatTime, formatWeek } from '../../src/lib/format';
import { formatDuration, formatWorkingTime, toMinutes, totalMinutes } from '../../src/lib/duration';

describe('Indonesian dates and times (EYD V)', () => {
  it('writes calendar dates without a leading zero and with the month name', () => {
    expect(formatDate('2026-11-23')).toBe('23 November 2026');
    expect(formatDate('2022-01-04')).toBe('4 Januari 2022');
    expect(formatDate('2024-02-29')).toBe('29 Februari 2024');
  });

  it('reads an instant in the office time zone, not the machine’s', () => {
    // 17.30 UTC on 31 December is already 1 January in WIB (UTC+7).
    expect(formatDate(new Date('2025-12-31T17:30:00Z'), 'WIB')).toBe('1 Januari 2026');
    expect(formatDate(new Date('2025-12-31T16:30:00Z'), 'WIB')).toBe('31 Desember 2025');
    expect(formatTime(new Date('2026-11-23T01:00:00Z'), 'WIB')).toBe('pukul 08.00 WIB');
    expect(formatTime(new Date('2026-11-23T01:05:00Z'), 'WITA')).toBe('pukul 09.05 WITA');
    expect(formatTime(new Date('2026-11-23T01:05:00Z'), 'WIT')).toBe('pukul 10.05 WIT');
  });

  it('writes a week from Monday to Sunday as one range', () => {
    expect(formatWeek('2026-11-16')).toBe('16–22 November 2026');
    expect(formatWeek('2026-11-30')).toBe('30 November–6 Desember 2026');
    expect(formatWeek('2025-12-29')).toBe('29 Desember 2025–4 Januari 2026');
    expect(formatWeek('2028-02-28')).toBe('28 Februari–5 Maret 2028'); // a leap year
  });

  it('names the day as EYD spells it', () => {
    expect(formatDateWithDay(new Date('2026-11-27T03:00:00Z'))).toBe('Jumat, 27 November 2026');
    expect(formatDateTime(new Date('2026-11-23T01:00:00Z'))).toBe('23 November 2026 pukul 08.00 WIB');
  });
});

describe('Indonesian numbers and money', () => {
  it('groups thousands with periods and uses a decimal comma', () => {
    expect(formatNumber(1000000)).toBe('1.000.000');
    expect(formatNumber(999)).toBe('999');
    expect(formatNumber(1234.5)).toBe('1.234,5');
    expect(formatNumber(-8383644456)).toBe('-8.383.644.456');
  });

  it('writes rupiah with no space after Rp', () => {
    expect(formatRupiah(1000000)).toBe('Rp1.000.000');
    expect(formatRupiah(5000, true)).toBe('Rp5.000,00');
    expect(formatCost(0)).toBe('Gratis (Rp0)');
    expect(formatCost(25000)).toBe('Rp25.000');
  });

  it('writes percentages with a decimal comma', () => {
    expect(formatPercent(86)).toBe('86%');
    expect(formatPercent(90.5, 1)).toBe('90,5%');
  });
});

describe('working time of SOP steps', () => {
  it('converts units with one hari kerja as 8 hours', () => {
    expect(toMinutes({ value: 1, unit: 'hari kerja' })).toBe(480);
    expect(toMinutes({ value: 1.5, unit: 'jam' })).toBe(90);
    expect(totalMinutes([{ value: 10, unit: 'menit' }, { value: 2, unit: 'jam' }, { value: 14, unit: 'hari kerja' }])).toBe(10 + 120 + 14 * 480);
  });

  it('says working time in plain words', () => {
    expect(formatWorkingTime(130)).toBe('2 jam 10 menit');
    expect(formatWorkingTime(14 * 480 + 60)).toBe('14 hari kerja 1 jam');
    expect(formatWorkingTime(480)).toBe('1 hari kerja');
    expect(formatWorkingTime(5)).toBe('5 menit');
    expect(formatDuration({ value: 1.5, unit: 'jam' })).toBe('1,5 jam');
  });
});
