export const GOMEMLIMIT_CAP: number;
export const MEMORY_PER_UPLOAD: number;
export const RUNTIMES_PER_UPLOAD: number;
export const RUNTIMES_OTHER: number;
export function availableMemory(): number;
export function parseGoMemLimit(text: string | undefined): number;
export interface MemoryPlan {
  memory: number;
  goMemLimit: string;
  goMemLimitBytes: number;
  maxUploads: number;
  hooksPool: number;
  given: { goMemLimit: boolean; maxUploads: boolean; hooksPool: boolean };
}
export function memoryPlan(options?: { memory?: number; env?: Record<string, string | undefined> }): MemoryPlan;
