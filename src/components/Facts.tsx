import type { ComponentChildren } from 'preact';

/**
 * A description list of term and value pairs, each pair in its own div (so a grid or a stacked
 * layout can keep a term with its value).
 */
export function Facts({ class: className, items }: { class: string; items: readonly (readonly [term: string, value: ComponentChildren])[] }) {
  return (
    <dl class={className}>
      {items.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
