import type { ChildProcess } from 'node:child_process';

export const ROOT: string;
export const SERVER_DIR: string;
export const DEFAULT_DATA_DIR: string;
export const SITE_DIR: string;
export const CONTENT_DIR: string;
export const DEFAULT_SUPERUSER_EMAIL: string;
export function pocketbaseBinary(): string;
export function portalCommandArgs(command: string, dataDir: string, serverDir?: string): string[];
export function migrateUp(dataDir: string, serverDir?: string): Promise<void>;
export function countSuperusers(dataDir: string): Promise<number>;
export function superuserCommand(dataDir: string, email: string, password: string, serverDir?: string): { args: string[]; env: Record<string, string | undefined> };
export function upsertSuperuser(dataDir: string, email: string, password: string, serverDir?: string): Promise<void>;
export function generatePassword(): string;
export function ensureSuperuser(
  dataDir: string,
  env?: Record<string, string | undefined>,
  serverDir?: string,
): Promise<{ email: string | null; generatedPassword: string | null }>;
export function freePort(): Promise<number>;
export function waitForHealth(baseUrl: string, options?: { timeoutMs?: number; isAlive?: () => boolean }): Promise<void>;
export interface RunningPocketBase {
  url: string;
  child: ChildProcess;
  stop: (signal?: NodeJS.Signals) => Promise<void>;
  hookErrors: string[];
  logs: string[];
}
export function startPocketBase(options?: {
  dataDir?: string;
  host?: string;
  port?: number;
  siteDir?: string;
  origins?: string;
  env?: Record<string, string>;
  stdio?: 'pipe' | 'inherit';
  onLog?: (line: string) => void;
  hooksWatch?: boolean;
  serverDir?: string;
  /** Prewarmed JS runtimes (`--hooksPool`); PocketBase's default (15) when unset. */
  hooksPool?: number;
}): Promise<RunningPocketBase>;
export function pocketbaseProcessesOn(dataDir: string): number[];
