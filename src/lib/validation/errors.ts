import type { $ZodIssue } from 'zod/v4/core';

/** Field name → first message, in the order the fields were checked. */
export type FieldErrors = Record<string, string>;

export function issuesToFieldErrors(issues: readonly $ZodIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = String(issue.path[0] ?? '_form');
    errors[key] ??= issue.message;
  }
  return errors;
}

/**
 * Reads the field errors of a PocketBase 400 answer ({ data: { field: { message } } })
 * so the server's Indonesian messages land on the same fields as the browser's.
 */
export function pocketbaseFieldErrors(body: unknown): FieldErrors {
  const errors: FieldErrors = {};
  const data = (body as { data?: Record<string, { message?: unknown }> } | null)?.data;
  if (!data || typeof data !== 'object') return errors;
  for (const [field, value] of Object.entries(data)) {
    if (value && typeof value.message === 'string') errors[field] = value.message;
  }
  return errors;
}
