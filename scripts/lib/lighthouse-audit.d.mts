export const LIGHTHOUSE_VERSION: string;
export const LIGHTHOUSE_DIR: string;
export function lighthouseEntry(options?: { install?: boolean; log?: (line: string) => void }): string;
export const CATEGORIES: readonly ['performance', 'accessibility', 'best-practices', 'seo'];
export const METRICS: Record<'fcpMs' | 'lcpMs' | 'tbtMs' | 'cls' | 'speedIndexMs', string>;
export interface PageAudit {
  url: string;
  scores?: Record<(typeof CATEGORIES)[number], number | null>;
  metrics?: Record<keyof typeof METRICS, number | null>;
  runtimeError?: string | null;
  warnings?: string[];
  formFactor?: string;
  throttling?: string;
  benchmarkIndex?: number | null;
  userAgent?: string | null;
  error?: string;
}
export function auditPages(
  urls: readonly string[],
  options?: { chromePath?: string },
): Promise<{ ran: boolean; version?: string; reason?: string; pages?: PageAudit[] }>;
