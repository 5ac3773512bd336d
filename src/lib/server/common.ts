// What the route logic shares: how it refuses a request (the hooks pass PocketBase's error
// classes, pb_hooks/lib/server.js; the unit tests plain errors), and small helpers over content.

export interface Refusals {
  /** A 400 with `message` and, when given, an Indonesian message per field. */
  badRequest(message: string, fields?: Record<string, string>): Error;
  /** A 403: understood, and not allowed (a wrong proof). */
  forbidden(message: string, fields?: Record<string, string>): Error;
  /** A 429: too many tries; wait. */
  tooMany(message: string): Error;
}

/** The first entry of a content list with this id. */
export function byId<T extends { id: string }>(list: readonly T[], id: string): T | undefined {
  for (let i = 0; i < list.length; i++) if (list[i]!.id === id) return list[i];
  return undefined;
}

/** PocketBase's "2026-11-23 01:00:00.000Z" as a Date, or null when empty or no date. */
export function parsePbDate(text: unknown): Date | null {
  const s = String(text ?? '').trim();
  if (!s) return null;
  const d = new Date(s.replace(' ', 'T'));
  return isNaN(d.getTime()) ? null : d;
}

/** PocketBase's date format: "2026-11-23 01:00:00.000Z". */
export function pbDate(d: Date): string {
  return d.toISOString().replace('T', ' ');
}

/** A service's public title: a draft service is named as one on every page (issue 15). */
export function serviceTitle(service: { title: string; draft?: boolean | undefined }): string {
  return service.title + (service.draft ? ' (rancangan)' : '');
}
