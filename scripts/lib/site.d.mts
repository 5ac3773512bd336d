export const ASTRO_CLI: string;
export function runAstro(args: string[], options?: { quiet?: boolean }): Promise<string>;
export function readConfig(env?: Record<string, string | undefined>): {
  host: string;
  port: number;
  dataDir: string;
  contentDir: string;
  serverDir: string;
  origins: string;
};
