import type { Ref } from 'preact';

/**
 * What did not load, why, and a button to try again. Where the page moves focus to it, pass the
 * heading's `headingRef`; otherwise the box is announced as an alert.
 */
export function LoadFailed(props: { title: string; message: string; onRetry: () => void; retryLabel?: string; level?: 2 | 3 | 4; headingRef?: Ref<HTMLHeadingElement> }) {
  const { title, message, onRetry, retryLabel = 'Coba lagi', level = 2, headingRef } = props;
  const Heading = `h${level}` as 'h2';
  return (
    <div class="error-summary" role={headingRef ? undefined : 'alert'}>
      {headingRef ? (
        <Heading ref={headingRef} tabIndex={-1}>
          {title}
        </Heading>
      ) : (
        <Heading>{title}</Heading>
      )}
      <p>{message}</p>
      <button type="button" class="button" onClick={onRetry}>
        {retryLabel}
      </button>
    </div>
  );
}
