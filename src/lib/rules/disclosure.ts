// What the public figures may publish (GET /api/statistik, GET /api/progres): no figure rests on
// fewer than MIN_PUBLIC_COUNT requests, reports or survey responses. One person's rejected
// assistive-device request, or the one ODGJ report from a kecamatan in a week, must not be
// readable from a public count. Pure functions, bundled for the hooks (scripts/lib/hooks.mjs)
// and unit-tested in tests/unit/disclosure.test.ts; the pages import the constant for their text.

/**
 * The smallest group the portal publishes: a count, median, percentage or survey index is shown
 * only when it is 0 or computed from at least this many items. Five is the usual floor of
 * statistical offices for small-area tables; raise it here and every figure follows.
 */
export const MIN_PUBLIC_COUNT = 5;

/**
 * Why a figure is withheld (the API's `disembunyikan` markers):
 * - `di_bawah_ambang`: it rests on 1 to MIN_PUBLIC_COUNT − 1 items;
 * - `melindungi`: it rests on enough items, but together with the published figures it would
 *   give away one that does not (a total minus its published parts).
 */
export type HiddenReason = 'di_bawah_ambang' | 'melindungi';

const DAY_MS = 86_400_000;

/** True for a count that may be published as it is: 0, or at least `min`. */
export function publishable(n: number, min: number = MIN_PUBLIC_COUNT): boolean {
  return n === 0 || n >= min;
}

// ------------------------------------------------------------------ tables of counts

export interface TableProtection {
  /** Per cell [row][column]: why it is withheld, or null when it is shown. */
  cells: (HiddenReason | null)[][];
  rows: (HiddenReason | null)[];
  columns: (HiddenReason | null)[];
  total: HiddenReason | null;
}

function sum(values: readonly number[]): number {
  let n = 0;
  for (let i = 0; i < values.length; i++) n += values[i]!;
  return n;
}

/** A withheld part of a published sum is safe when it is empty, or at least `min` spread over two figures or more. */
function safeRemainder(count: number, total: number, min: number): boolean {
  return count === 0 || (count >= 2 && total >= min);
}

interface Figure {
  value: number;
  hidden: HiddenReason | null;
}

/** `total = Σ parts`, as a reader may use it; `totalFirst`: which figure to give up first. */
interface Equation {
  total: Figure;
  parts: Figure[];
  totalFirst: boolean;
}

/**
 * Safe when a reader can work out none of its withheld figures from it: none withheld, or two
 * or more, and, if the total is published (so the withheld parts' sum is known), that sum is at
 * least `min` and not simply one item in each (five hidden cells of 1 summing to 5).
 */
function safeEquation(eq: Equation, min: number): boolean {
  let count = 0;
  let withheld = 0;
  const all = [eq.total, ...eq.parts];
  for (let i = 0; i < all.length; i++) {
    if (all[i]!.hidden !== null && all[i]!.value > 0) {
      count++;
      withheld += all[i]!.value;
    }
  }
  if (count === 0) return true;
  if (count === 1) return false;
  if (eq.total.hidden !== null) return true;
  return withheld >= min && withheld > count;
}

/** The figure to withhold next to make an unsafe equation safe. */
function nextToWithhold(eq: Equation): Figure | null {
  if (eq.totalFirst && eq.total.hidden === null) return eq.total;
  let smallest: Figure | null = null;
  for (let i = 0; i < eq.parts.length; i++) {
    const f = eq.parts[i]!;
    if (f.hidden === null && f.value > 0 && (smallest === null || f.value < smallest.value)) smallest = f;
  }
  if (smallest) return smallest;
  return eq.total.hidden === null ? eq.total : null;
}

/**
 * Which cells and totals of a table of counts (rows × columns, e.g. service × status) may be
 * published with the row totals, the grand total and, when `columnTotals`, the column totals.
 * Zero cells are published (as absent keys), so a reader knows them too.
 *
 * 1. A cell or total of 1..min−1 is withheld (`di_bawah_ambang`).
 * 2. Every sum the reader sees (a row, a column, the grand total over rows and over columns) must
 *    then be safe (safeEquation): with exactly one withheld figure in it, "total minus the
 *    published parts" gives that figure (7 requests, 6 finished: the 1 refused is plain). An
 *    unsafe sum gets one more figure withheld (`melindungi`) and every sum is checked again,
 *    until all are safe; each round withholds one more figure, so it ends. A row (one service)
 *    gives up its smallest shown cell first, so its total stays; a column (one status over all
 *    services) and the grand total give up their total first: the cells say more.
 *
 * When every sum is safe no figure can be worked out by subtraction, not even step by step, as
 * a step needs a sum with exactly one unknown (tests/unit/disclosure.test.ts audits this on
 * random tables). Solving several sums together (linear programming, as statistical offices
 * audit their tables) can still narrow a withheld figure to a range; for the few services and
 * statuses of one office that is accepted.
 */
export function protectTable(values: readonly (readonly number[])[], options: { columnTotals?: boolean; min?: number } = {}): TableProtection {
  const min = options.min ?? MIN_PUBLIC_COUNT;
  const columnTotals = options.columnTotals !== false;
  const rowCount = values.length;
  const colCount = rowCount > 0 ? values[0]!.length : 0;
  const figure = (value: number): Figure => ({ value, hidden: publishable(value, min) ? null : 'di_bawah_ambang' });
  const cells = values.map((line) => line.map(figure));
  const rows = values.map((line) => figure(sum(line)));
  const columns: Figure[] = [];
  for (let c = 0; c < colCount; c++) {
    let n = 0;
    for (let r = 0; r < rowCount; r++) n += values[r]![c]!;
    columns.push(figure(n));
  }
  const total = figure(sum(rows.map((f) => f.value)));

  const equations: Equation[] = [];
  for (let r = 0; r < rowCount; r++) equations.push({ total: rows[r]!, parts: cells[r]!, totalFirst: false });
  if (columnTotals) {
    for (let c = 0; c < colCount; c++) equations.push({ total: columns[c]!, parts: cells.map((line) => line[c]!), totalFirst: true });
  }
  equations.push({ total, parts: rows, totalFirst: true });
  if (columnTotals) equations.push({ total, parts: columns, totalFirst: true });

  for (let changed = true; changed; ) {
    changed = false;
    for (let i = 0; i < equations.length; i++) {
      if (safeEquation(equations[i]!, min)) continue;
      const next = nextToWithhold(equations[i]!);
      if (next === null) continue; // cannot happen: an unsafe sum always has a shown figure left
      next.hidden = 'melindungi';
      changed = true;
    }
  }
  const reason = (f: Figure) => f.hidden;
  return { cells: cells.map((line) => line.map(reason)), rows: rows.map(reason), columns: columns.map(reason), total: total.hidden };
}

/**
 * Survey index per service and overall. A service's index is withheld below `min` responses.
 * The overall index is an average over every response, so with the published ones it gives
 * away the average of the withheld services' responses: it is withheld too unless those are
 * none, or at least `min` from two services or more.
 */
export function protectSurvey(responsesPerService: readonly number[], min: number = MIN_PUBLIC_COUNT): { services: (HiddenReason | null)[]; overall: HiddenReason | null } {
  const services = responsesPerService.map((n) => (publishable(n, min) ? null : ('di_bawah_ambang' as HiddenReason)));
  let count = 0;
  let hidden = 0;
  for (let i = 0; i < services.length; i++) {
    if (services[i] !== null) {
      count++;
      hidden += responsesPerService[i]!;
    }
  }
  const all = sum(responsesPerService);
  const overall: HiddenReason | null = !publishable(all, min) ? 'di_bawah_ambang' : !safeRemainder(count, hidden, min) ? 'melindungi' : null;
  return { services, overall };
}

// ------------------------------------------------------------------ the progress board

/** Start of the office's calendar day that contains `now`: the cut-off of the daily batch. */
export function startOfLocalDay(now: Date, offsetHours: number): Date {
  const offset = offsetHours * 3_600_000;
  return new Date(Math.floor((now.getTime() + offset) / DAY_MS) * DAY_MS - offset);
}

/** Monday (YYYY-MM-DD, office calendar) of the week that contains `instant`. */
export function weekOf(instant: Date, offsetHours: number): string {
  const day = Math.floor((instant.getTime() + offsetHours * 3_600_000) / DAY_MS) * DAY_MS;
  const weekday = new Date(day).getUTCDay(); // 0 = Sunday
  const monday = day - ((weekday + 6) % 7) * DAY_MS;
  return new Date(monday).toISOString().slice(0, 10);
}

/** One request or report as the board sees it: no id, no date finer than its week. */
export interface BoardRecord {
  jenis: string;
  /** Service key (requests) or report type (reports). */
  kunci: string;
  kecamatan: string;
  status: string;
  /** Monday of the week it came in. */
  minggu: string;
}

/** A published row: `kunci` or `kecamatan` null when several were merged into the row. */
export interface BoardGroup {
  jenis: string;
  kunci: string | null;
  kecamatan: string | null;
  status: string;
  minggu: string;
  jumlah: number;
}

/**
 * The board's rows: records grouped by kind, service, kecamatan, status and week. A group of at
 * least `min` is published as it is. What is left is merged step by step into coarser groups,
 * first across kecamatan ("several kecamatan"), then across services or report types, and
 * published once a merged group reaches `min`; the rest is withheld and only counted. Status
 * and week are never merged: a row always says what stage, and when.
 *
 * A merged row holds at least two smaller groups (a single one of `min` or more was already
 * published), so its "several" is true and names none of them. A row merged across services
 * whose records all come from one kecamatan keeps that kecamatan: it is still a group of `min`.
 */
export function groupBoard(records: readonly BoardRecord[], min: number = MIN_PUBLIC_COUNT): { groups: BoardGroup[]; hidden: number } {
  const groups: BoardGroup[] = [];
  // Each pass counts the leftovers under a coarser key, publishes what reached min and hands
  // the rest to the next pass. A merged group keeps a kecamatan only when all its parts share it.
  let left: BoardGroup[] = records.map((r) => ({ jenis: r.jenis, kunci: r.kunci, kecamatan: r.kecamatan, status: r.status, minggu: r.minggu, jumlah: 1 }));
  const keys: ((g: BoardGroup) => unknown[])[] = [
    (g) => [g.jenis, g.kunci, g.kecamatan, g.status, g.minggu],
    (g) => [g.jenis, g.kunci, g.status, g.minggu],
    (g) => [g.jenis, g.status, g.minggu],
  ];
  for (let pass = 0; pass < keys.length; pass++) {
    const merged: Record<string, BoardGroup> = {};
    const order: string[] = [];
    for (let i = 0; i < left.length; i++) {
      const part = left[i]!;
      const key = JSON.stringify(keys[pass]!(part));
      const into = merged[key];
      if (!into) {
        merged[key] = { ...part };
        order.push(key);
        continue;
      }
      into.jumlah += part.jumlah;
      if (into.kunci !== part.kunci) into.kunci = null;
      if (into.kecamatan !== part.kecamatan) into.kecamatan = null;
    }
    const next: BoardGroup[] = [];
    for (let i = 0; i < order.length; i++) {
      const g = merged[order[i]!]!;
      if (g.jumlah >= min) groups.push(g);
      else next.push(g);
    }
    left = next;
  }
  let hidden = 0;
  for (let i = 0; i < left.length; i++) hidden += left[i]!.jumlah;
  return { groups, hidden };
}
