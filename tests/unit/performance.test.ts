import { describe, expect, it } from 'vitest';
import { achievement, gradeFor } from '../../src/lib/performance';

const bands = [
  { min: 90.01, max: null, label: 'Sangat Baik' },
  { min: 75, max: 89.99, label: 'Baik' },
  { min: 65, max: 74.99, label: 'Cukup' },
  { min: 50, max: 64.99, label: 'Kurang' },
  { min: 0, max: 49.99, label: 'Sangat Kurang' },
];

describe('LAKIN achievement', () => {
  it('is realisation over target in percent', () => {
    expect(achievement(90, 91)).toBe(101.11);
    expect(achievement(95, 86)).toBe(90.53);
    expect(achievement(0, 5)).toBeNull();
  });

  it('is graded by the highest band reached', () => {
    expect(gradeFor(101.11, bands)).toBe('Sangat Baik');
    expect(gradeFor(90.53, bands)).toBe('Sangat Baik');
    expect(gradeFor(90, bands)).toBe('Baik');
    expect(gradeFor(75, bands)).toBe('Baik');
    expect(gradeFor(74.99, bands)).toBe('Cukup');
    expect(gradeFor(49.99, bands)).toBe('Sangat Kurang');
  });
});
