export function percentile(sorted: readonly number[], p: number): number;
export interface LoadRun<T> {
  seconds: number;
  latencies: number[];
  values: T[];
  errors: number;
  errorSamples: string[];
}
export function runLoad<T>(options: { concurrency: number; total: number; task: (i: number) => Promise<T> }): Promise<LoadRun<T>>;
export interface LoadSummary {
  requests: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  errors: number;
  errorSamples: string[];
}
export function summarise(runs: readonly LoadRun<unknown>[]): LoadSummary;
export interface Memory {
  /** bytes */
  rss: number;
  /** bytes */
  hwm: number;
}
export function readMemory(pid: number): Memory;
export function childPids(pid: number): number[];
export function commandLine(pid: number): string[];
export function isRunning(pid: number): boolean;
export function sleep(ms: number): Promise<void>;
export function mdTable(headers: readonly string[], rows: readonly (readonly unknown[])[]): string;
