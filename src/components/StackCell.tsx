import type { ComponentChildren } from 'preact';
import { formatNumber } from '../lib/format';

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

/**
 * A table whose rows stack into blocks on narrow screens, in a scrollable region named by its
 * caption. `columns` are the header cells (a `num` column is right-aligned); rows are StackCells.
 */
export function StackTable(props: {
  id: string;
  caption: ComponentChildren;
  columns: readonly (string | { label: string; num?: boolean | undefined })[];
  class?: string | undefined;
  regionClass?: string | undefined;
  busy?: boolean | undefined;
  foot?: ComponentChildren;
  children: ComponentChildren;
}) {
  const { id, caption, columns, busy, foot, children } = props;
  return (
    <div class={`table-scroll${props.regionClass ? ` ${props.regionClass}` : ''}`} role="region" aria-labelledby={id} tabIndex={0} aria-busy={busy === undefined ? undefined : busy ? 'true' : 'false'}>
      <table class={`stack-table${props.class ? ` ${props.class}` : ''}`} role="table">
        <caption id={id}>{caption}</caption>
        <thead role="rowgroup">
          <tr role="row">
            {columns.map((c) => {
              const col = typeof c === 'string' ? { label: c } : c;
              return (
                <th key={col.label} scope="col" role="columnheader" class={col.num ? 'num' : undefined}>
                  {col.label}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody role="rowgroup">{children}</tbody>
        {foot && <tfoot role="rowgroup">{foot}</tfoot>}
      </table>
    </div>
  );
}

/**
 * A click on a link that loads its address in place (history and fetch) instead of navigating,
 * unless the person asked for a new tab or window.
 */
export function inPlace(go: () => void) {
  return (event: MouseEvent) => {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    go();
  };
}

/**
 * Previous and next links around "Halaman n dari m". Each link is a real address (it works in a
 * new tab); a plain click loads the page in place through `go`.
 */
export function Pager(props: { label: string; page: number; pages: number; href: (page: number) => string; go: (page: number) => void; previous?: string; next?: string }) {
  const { label, page, pages, href, go } = props;
  const follow = (target: number) => inPlace(() => go(target));
  if (pages <= 1) return null;
  return (
    <nav class="board-pages" aria-label={label}>
      {page > 1 ? (
        <a href={href(page - 1)} onClick={follow(page - 1)} rel="prev">
          ‹ {props.previous ?? 'Sebelumnya'}
        </a>
      ) : (
        <span />
      )}
      <span>
        Halaman {formatNumber(page)} dari {formatNumber(pages)}
      </span>
      {page < pages ? (
        <a href={href(page + 1)} onClick={follow(page + 1)} rel="next">
          {props.next ?? 'Berikutnya'} ›
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
