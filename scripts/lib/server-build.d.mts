export function buildServer(options?: { contentDir?: string; outDir?: string }): Promise<{ migration: string; data: unknown }>;
export function checkServer(options?: { contentDir?: string; outDir?: string }): string[];
export function watchedSources(outDir?: string): string[];
export function withTsModule<T>(contents: string, use: (mod: any) => T | Promise<T>): Promise<{ value: T; inputs: string[] }>;
