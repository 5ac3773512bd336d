import { useEffect, useRef, useState } from 'preact/hooks';
import type { FieldErrors } from '../lib/validation/errors';
import { PROBLEM_HEADING_ID, SUMMARY_HEADING, SUMMARY_HEADING_ID, type FormProblem } from '../lib/forms/error-pattern';

interface Props {
  errors: FieldErrors;
  /** Field name → the id of its input, for the links. */
  fieldIds: Record<string, string>;
  /** A count of the person's attempts to go on (see below); leave out to focus on every change. */
  focusOn?: number;
}

/** GOV.UK-style error summary: focused on appearance so screen readers announce it. The same markup without Preact: showFormErrors in src/lib/forms/errors-dom.ts. */
export function ErrorSummary({ errors, fieldIds, focusOn }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors);
  // With `focusOn`, focus moves here only when it changes (a press of Lanjut or Kirim), not when a
  // single field's message comes or goes as the person fixes it (choosing a file, say).
  useEffect(() => {
    if (entries.length > 0) ref.current?.focus();
  }, [focusOn === undefined ? errors : focusOn]);
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby={SUMMARY_HEADING_ID}>
      <h2 id={SUMMARY_HEADING_ID}>{SUMMARY_HEADING}</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li key={field}>
            <a href={`#${fieldIds[field] ?? field}`}>{message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * A problem that belongs to no field (offline, too many sends, a refusal): one box in every form,
 * taking focus when a new one appears so a screen reader reads it first (a new problem object is a
 * new failed attempt, even with the same words); messages for fields go to the summary above and
 * the fields. The same markup without Preact: showFormErrors in src/lib/forms/errors-dom.ts.
 */
export function SendProblem({ problem }: { problem: FormProblem | string | null | undefined }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problem) ref.current?.focus();
  }, [problem]);
  if (!problem) return null;
  const { heading, message } = typeof problem === 'string' ? { heading: null, message: problem } : problem;
  return (
    <div class="error-summary send-problem" role="alert" tabIndex={-1} ref={ref} aria-labelledby={heading ? PROBLEM_HEADING_ID : undefined}>
      {heading && <h2 id={PROBLEM_HEADING_ID}>{heading}</h2>}
      <p>{message}</p>
    </div>
  );
}

/**
 * The messages of a form, the same way in every form: `refuse` after a press of Lanjut or Kirim
 * (or a refusal from the server) shows them and moves focus to the summary; a message that comes
 * or goes as the person fixes one field (`setErrors`, e.g. choosing a file) leaves focus where the
 * person is. Pass `attempts` to the summary's `focusOn`.
 */
export function useFieldErrors() {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempts, setAttempts] = useState(0);
  /** Shows `found` (clears when empty); true when there is something to fix. */
  function refuse(found: FieldErrors): boolean {
    setErrors(found);
    const any = Object.keys(found).length > 0;
    if (any) setAttempts((n) => n + 1);
    return any;
  }
  return { errors, setErrors, attempts, refuse };
}
