export const BARE_COLLECTION: string;
export function cpuMs(pid: number): number;
export function pocketbaseSettings(pid: number): { goMemLimit: string | null; maxUploads: number | null; hooksPool: number | null };
// The measuring functions are used by scripts/bench.mjs only (untyped JS).
export function createBareCollection(admin: unknown): Promise<void>;
export function measureIntakeRatio(options: Record<string, unknown>): Promise<Record<string, unknown>>;
export function measureUploadBurst(options: Record<string, unknown>): Promise<Record<string, unknown>>;
