import { Fragment } from 'preact';

/**
 * A tracking code (ABC-7K3-MQ9-XPW) in monospace, so every symbol has its own cell. On a narrow
 * screen or with large text it wraps only between its groups, never inside one and never off the
 * screen; the break points add nothing, so a copied code stays whole. No code, nothing drawn.
 */
export function TrackingCode({ code }: { code: string | null }) {
  if (!code) return null;
  const groups = code.split('-');
  return (
    <span class="track-code">
      {groups.map((group, i) => (
        <Fragment key={i}>
          {group}
          {i < groups.length - 1 && (
            <>
              -<wbr />
            </>
          )}
        </Fragment>
      ))}
    </span>
  );
}
