import { useEffect, useRef } from 'preact/hooks';
import type { FieldErrors } from '../lib/validation/errors';
import { PROBLEM_HEADING_ID, type FormProblem } from '../lib/forms/error-pattern';
import { ErrorSummary } from './ErrorSummary';

/**
 * The error pattern of a form, in one place: the summary of field messages (ErrorSummary) and a
 * box for a problem that belongs to no field. Both take focus when they appear, so a screen reader
 * reads what went wrong first. The same markup without Preact: showFormErrors (src/lib/forms/errors-dom.ts).
 */
export function FormErrors({ errors, fieldIds, focusOn, problem }: { errors: FieldErrors; fieldIds: Record<string, string>; focusOn?: number; problem?: FormProblem | null }) {
  const ref = useRef<HTMLDivElement>(null);
  // A new problem object is a new attempt that failed: focus again, even with the same words.
  useEffect(() => {
    if (problem) ref.current?.focus();
  }, [problem]);
  return (
    <>
      <ErrorSummary errors={errors} fieldIds={fieldIds} {...(focusOn === undefined ? {} : { focusOn })} />
      {problem && (
        <div class="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby={PROBLEM_HEADING_ID}>
          <h2 id={PROBLEM_HEADING_ID}>{problem.heading}</h2>
          <p>{problem.message}</p>
        </div>
      )}
    </>
  );
}
