// Reading LAKIN achievement: capaian = realisasi ÷ target × 100, graded with the report's bands.

export interface GradeBand {
  min: number;
  max: number | null;
  label: string;
}

/** Achievement in percent, rounded to two decimals; null when there is no target. */
export function achievement(target: number, realisation: number): number | null {
  if (target === 0) return null;
  return Math.round((realisation / target) * 10_000) / 100;
}

/** The band whose minimum is the highest one the score reaches. */
export function gradeFor(score: number, bands: readonly GradeBand[]): string | null {
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  return sorted.find((band) => score >= band.min)?.label ?? null;
}
