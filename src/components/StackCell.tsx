import type { ComponentChildren } from 'preact';

/**
 * A cell of a `.stack-table` with its column name, shown (to sight only) when narrow screens stack
 * each row into a block; the table keeps explicit roles so the stacking does not drop its semantics.
 */
export function StackCell({ label, class: className, children }: { label: string; class?: string | undefined; children: ComponentChildren }) {
  return (
    <td role="cell" class={className}>
      <span class="cell-label" aria-hidden="true">
        {label}
      </span>
      <div class="cell-value">{children}</div>
    </td>
  );
}
