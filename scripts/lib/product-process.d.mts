import type { Memory } from './bench-utils.mjs';

export interface ProductStop {
  signal: NodeJS.Signals;
  stopMs: number;
  exitCode: number | null;
  /** set when the launcher died of the signal instead of handling it */
  exitSignal: NodeJS.Signals | null;
  timedOut: boolean;
  /** pids of processes still running after the stop (killed by the bench) */
  leftOver: number[];
}
export interface RunningProduct {
  base: string;
  launcherPid: number;
  servePid: number;
  readyMs: number;
  serveSpawnedMs: number;
  announcedMs: number;
  memory: () => { launcher: Memory; pocketbase: Memory; totalRss: number };
  stop: (signal?: NodeJS.Signals) => Promise<ProductStop>;
  output: () => string;
}
export function startProduct(options: { dataDir: string; port: number; env?: Record<string, string>; timeoutMs?: number }): Promise<RunningProduct>;
