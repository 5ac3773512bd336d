// The error pattern of every form (GOV.UK), what the Preact components (ErrorSummary, SendProblem)
// and the framework-free showFormErrors (errors-dom.ts) share: the words, the ids, and how an
// outcome of send() becomes field messages or a problem. Apart from the DOM code, so an island's
// bundle does not carry it.
import type { FieldErrors } from '../validation/errors';
import type { Outcome } from './send';

export const SUMMARY_HEADING = 'Ada yang perlu diperbaiki';
export const SUMMARY_HEADING_ID = 'ringkasan-galat';
export const PROBLEM_HEADING_ID = 'masalah-kirim';

/** What went wrong that belongs to no field: offline, busy, refused. */
export interface FormProblem {
  /** e.g. "Saran belum terkirim". */
  heading: string;
  message: string;
}

/**
 * How every form shows an outcome of send() other than `sent`: field messages on the fields,
 * anything else as a problem under `heading`. What was typed stays in the form either way.
 */
export function errorsOf(outcome: Exclude<Outcome, { kind: 'sent' }>, heading: string): { errors: FieldErrors; problem: FormProblem | null } {
  if (outcome.kind === 'field-errors') return { errors: outcome.errors, problem: null };
  return { errors: {}, problem: { heading, message: outcome.message } };
}

/** The id of a field's message, from its control's id: saran-pesan → saran-pesan-galat. */
export const errorIdOf = (controlId: string) => `${controlId}-galat`;
