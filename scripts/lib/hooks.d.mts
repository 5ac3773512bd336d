export const RULES_BUNDLE: string;
export function buildHookLibs(): string;
