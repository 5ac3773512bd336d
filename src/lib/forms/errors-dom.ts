// The error pattern of every form (GOV.UK): a summary that takes focus and links to each field,
// the message on the field itself (aria-invalid, aria-describedby), and a "problem" box for what
// belongs to no field (offline, busy, refused). src/components/ErrorSummary.tsx (ErrorSummary, SendProblem)
// draw it in Preact; this draws the same markup on a server-rendered form with no framework (the
// kotak saran ships a few KB of script, not Preact).
import type { FieldErrors } from '../validation/errors';
import { errorIdOf, PROBLEM_HEADING_ID, SUMMARY_HEADING, SUMMARY_HEADING_ID, type FormProblem } from './error-pattern';

function box(headingId: string, heading: string): HTMLDivElement {
  const div = document.createElement('div');
  div.className = 'error-summary';
  div.setAttribute('role', 'alert');
  div.tabIndex = -1;
  div.setAttribute('aria-labelledby', headingId);
  const h2 = div.appendChild(document.createElement('h2'));
  h2.id = headingId;
  h2.textContent = heading;
  return div;
}

/** Marks one control as wrong (or right again): class on its .field, message above it, ARIA. */
function markField(control: HTMLElement, message: string | undefined): void {
  const errorId = errorIdOf(control.id);
  const field = control.closest('.field');
  field?.classList.toggle('field--error', Boolean(message));
  document.getElementById(errorId)?.remove();
  const ids = (control.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && id !== errorId);
  if (message) {
    const span = document.createElement('span');
    span.className = 'error-message';
    span.id = errorId;
    span.textContent = message;
    control.before(span);
    ids.push(errorId);
    control.setAttribute('aria-invalid', 'true');
  } else {
    control.removeAttribute('aria-invalid');
  }
  if (ids.length > 0) control.setAttribute('aria-describedby', ids.join(' '));
  else control.removeAttribute('aria-describedby');
}

/**
 * Shows `errors` on `form` (field name → message; `fieldIds` maps a name to its control's id) and,
 * for what belongs to no field, `problem` in its own box. Clears what was shown before. Focus goes
 * to the summary, or else to the problem box, so a screen reader reads what went wrong first.
 */
export function showFormErrors(form: HTMLFormElement, errors: FieldErrors, fieldIds: Record<string, string>, problem?: FormProblem | null): void {
  form.querySelectorAll(':scope > .error-summary').forEach((el) => el.remove());
  for (const [name, id] of Object.entries(fieldIds)) {
    const control = document.getElementById(id);
    if (control) markField(control, errors[name]);
  }
  const entries = Object.entries(errors);
  let focus: HTMLElement | null = null;
  if (problem) {
    const div = box(PROBLEM_HEADING_ID, problem.heading);
    div.appendChild(document.createElement('p')).textContent = problem.message;
    form.prepend(div);
    focus = div;
  }
  if (entries.length > 0) {
    const div = box(SUMMARY_HEADING_ID, SUMMARY_HEADING);
    const ul = div.appendChild(document.createElement('ul'));
    for (const [name, message] of entries) {
      const a = ul.appendChild(document.createElement('li')).appendChild(document.createElement('a'));
      a.href = `#${fieldIds[name] ?? name}`;
      a.textContent = message;
    }
    form.prepend(div);
    focus = div;
  }
  focus?.focus();
}
