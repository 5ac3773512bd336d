export const REQUIRE_CONFIRMED_ENV: 'PORTAL_REQUIRE_CONFIRMED';
export function readiness(contentDir?: string): Promise<{ items: { file: string; field: string; supply: string }[]; text: string }>;
