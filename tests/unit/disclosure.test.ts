import { describe, expect, it } from 'vitest';
import { groupBoard, MIN_PUBLIC_COUNT, protectSurvey, protectTable, publishable, startOfLocalDay, weekOf, type BoardRecord, type TableProtection } from '../../src/lib/rules/disclosure';

const MIN = MIN_PUBLIC_COUNT;

/** A small deterministic generator, so a failing table can be reproduced from its seed. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Counts like an office's: mostly zeros and small numbers, now and then a large one. */
function randomTable(next: () => number): number[][] {
  const rows = 1 + Math.floor(next() * 5);
  const cols = 1 + Math.floor(next() * 6);
  return Array.from({ length: rows }, () =>
    Array.from({ length: cols }, () => {
      const x = next();
      return x < 0.45 ? 0 : x < 0.85 ? 1 + Math.floor(next() * 6) : 5 + Math.floor(next() * 40);
    }),
  );
}

/**
 * What a reader can work out from a published table by subtraction alone: every sum (row, column,
 * grand total over rows and over columns) with all but one part known gives that part, and
 * again with what was learnt, until nothing new comes. Returns the withheld values learnt.
 */
function derivable(values: number[][], p: TableProtection, columnTotals: boolean): { what: string; value: number }[] {
  const rows = values.length;
  const cols = values[0]!.length;
  type Known = (number | null)[];
  // Zero cells are published too (as absent keys).
  const cell: Known[] = values.map((line, r) => line.map((v, c) => (p.cells[r]![c] === null ? v : null)));
  const rowTotal: Known = values.map((line, r) => (p.rows[r] === null ? line.reduce((a, b) => a + b, 0) : null));
  const colSums = Array.from({ length: cols }, (_, c) => values.reduce((n, line) => n + line[c]!, 0));
  const colTotal: Known = colSums.map((n, c) => (columnTotals && p.columns[c] === null ? n : null));
  const grand = colSums.reduce((a, b) => a + b, 0);
  let grandTotal: number | null = p.total === null ? grand : null;
  const learnt: { what: string; value: number }[] = [];
  // Each equation: total = Σ parts, every term a getter/setter over the knowledge above.
  type Term = { get: () => number | null; set: (v: number) => void; what: string };
  const term = (get: () => number | null, set: (v: number) => void, what: string): Term => ({ get, set, what });
  const cellTerm = (r: number, c: number) => term(() => cell[r]![c]!, (v) => (cell[r]![c] = v), `sel ${r},${c}`);
  const rowTerm = (r: number) => term(() => rowTotal[r]!, (v) => (rowTotal[r] = v), `baris ${r}`);
  const colTerm = (c: number) => term(() => colTotal[c]!, (v) => (colTotal[c] = v), `kolom ${c}`);
  const grandTerm = term(() => grandTotal, (v) => (grandTotal = v), 'total');
  const equations: { total: Term; parts: Term[] }[] = [];
  for (let r = 0; r < rows; r++) equations.push({ total: rowTerm(r), parts: Array.from({ length: cols }, (_, c) => cellTerm(r, c)) });
  equations.push({ total: grandTerm, parts: Array.from({ length: rows }, (_, r) => rowTerm(r)) });
  if (columnTotals) {
    for (let c = 0; c < cols; c++) equations.push({ total: colTerm(c), parts: Array.from({ length: rows }, (_, r) => cellTerm(r, c)) });
    equations.push({ total: grandTerm, parts: Array.from({ length: cols }, (_, c) => colTerm(c)) });
  }
  for (let changed = true; changed; ) {
    changed = false;
    for (const eq of equations) {
      const unknown = [eq.total, ...eq.parts].filter((t) => t.get() === null);
      if (unknown.length !== 1) continue;
      const missing = unknown[0]!;
      const known = eq.parts.filter((t) => t !== missing).reduce((n, t) => n + t.get()!, 0);
      const value = missing === eq.total ? known : eq.total.get()! - known;
      missing.set(value);
      learnt.push({ what: missing.what, value });
      changed = true;
    }
  }
  // A known total minus its known parts is the sum of the unknown ones (each at least 1, since
  // zeros are published): below five, or one item each, it says too much as well.
  for (const eq of equations) {
    const total = eq.total.get();
    const unknown = eq.parts.filter((t) => t.get() === null);
    if (total === null || unknown.length === 0) continue;
    const rest = total - eq.parts.reduce((n, t) => n + (t.get() ?? 0), 0);
    if (rest < MIN || rest === unknown.length) learnt.push({ what: `jumlah ${unknown.map((t) => t.what).join(' + ')}`, value: rest < MIN ? rest : 1 });
  }
  return learnt;
}

describe('the minimum', () => {
  it('is five, and publishes 0 or at least five', () => {
    expect(MIN).toBe(5);
    expect([0, 1, 4, 5, 6].map((n) => publishable(n))).toEqual([true, false, false, true, true]);
  });
});

describe('protectTable', () => {
  it('withholds a refused request that a service total would give away, and one more cell to cover it', () => {
    // One service: 7 received, 5 finished, 1 refused.
    const p = protectTable([[7, 5, 1]]);
    expect(p.cells[0]).toEqual([null, 'melindungi', 'di_bawah_ambang']);
    expect(p.rows).toEqual([null]); // 13 is published: 13 − 7 = 6 is two cells, the 1 is not plain
    // The finished column holds one withheld cell: its total would be that cell.
    expect(p.columns).toEqual([null, 'melindungi', 'di_bawah_ambang']);
    expect(p.total).toBeNull();
  });

  it('withholds a small service total and the grand total that would give it away', () => {
    const p = protectTable([
      [5, 3, 2],
      [0, 0, 1],
    ]);
    expect(p.rows).toEqual([null, 'di_bawah_ambang']);
    expect(p.cells).toEqual([
      [null, 'di_bawah_ambang', 'di_bawah_ambang'],
      [null, null, 'di_bawah_ambang'],
    ]);
    expect(p.columns).toEqual([null, 'di_bawah_ambang', 'di_bawah_ambang']);
    expect(p.total).toBe('melindungi'); // 11 − 10 would give the second row's 1
  });

  it('withholds a total of five that is one item in each of five withheld cells', () => {
    const p = protectTable([[1, 1, 1, 1, 1]]);
    expect(p.rows).toEqual(['melindungi']);
    expect(p.total).toBe('melindungi');
  });

  it('publishes everything when every count is 0 or at least five', () => {
    const p = protectTable([
      [5, 0, 12],
      [0, 7, 9],
    ]);
    expect(p.cells.flat().every((x) => x === null)).toBe(true);
    expect([...p.rows, ...p.columns, p.total].every((x) => x === null)).toBe(true);
  });

  for (const columnTotals of [true, false]) {
    it(`lets no chain of subtractions reach a count below five, on 3,000 random tables (column totals ${columnTotals ? 'published' : 'not published'})`, () => {
      const next = random(columnTotals ? 20261123 : 5);
      for (let i = 0; i < 3000; i++) {
        const values = randomTable(next);
        const p = protectTable(values, { columnTotals });
        // Every figure shown is 0 or at least five.
        values.forEach((line, r) => line.forEach((v, c) => p.cells[r]![c] === null && expect(publishable(v), JSON.stringify(values)).toBe(true)));
        const small = derivable(values, p, columnTotals).filter((d) => !publishable(d.value));
        expect(small, JSON.stringify(values)).toEqual([]);
      }
    });
  }

  it('an auditor that finds the subtraction: publishing the totals with only the small cells withheld would fail it', () => {
    const values = [[7, 5, 1]];
    const naive: TableProtection = { cells: [[null, null, 'di_bawah_ambang']], rows: [null], columns: [null, null, 'di_bawah_ambang'], total: null };
    expect(derivable(values, naive, true)).toContainEqual({ what: 'sel 0,2', value: 1 });
  });
});

describe('protectSurvey', () => {
  it('withholds an index from fewer than five responses, and the overall one while it would give that away', () => {
    expect(protectSurvey([4])).toEqual({ services: ['di_bawah_ambang'], overall: 'di_bawah_ambang' });
    expect(protectSurvey([5])).toEqual({ services: [null], overall: null });
    expect(protectSurvey([5, 0])).toEqual({ services: [null, null], overall: null });
    expect(protectSurvey([5, 4])).toEqual({ services: [null, 'di_bawah_ambang'], overall: 'melindungi' });
    expect(protectSurvey([5, 4, 1])).toEqual({ services: [null, 'di_bawah_ambang', 'di_bawah_ambang'], overall: null });
    expect(protectSurvey([2, 3])).toEqual({ services: ['di_bawah_ambang', 'di_bawah_ambang'], overall: null });
    expect(protectSurvey([])).toEqual({ services: [], overall: null });
  });
});

describe('the daily batch and its weeks', () => {
  it('cuts at midnight in the office time zone', () => {
    // 23 November 2026, 06.59 WIB and 07.00 WIB.
    expect(startOfLocalDay(new Date('2026-11-22T23:59:00Z'), 7).toISOString()).toBe('2026-11-22T17:00:00.000Z');
    expect(startOfLocalDay(new Date('2026-11-22T16:59:59Z'), 7).toISOString()).toBe('2026-11-21T17:00:00.000Z');
    expect(startOfLocalDay(new Date('2026-11-22T16:00:00Z'), 9).toISOString()).toBe('2026-11-22T15:00:00.000Z');
  });

  it('dates a record by the Monday of its week, office calendar', () => {
    expect(weekOf(new Date('2026-11-22T17:00:00Z'), 7)).toBe('2026-11-23'); // Monday 00.00 WIB
    expect(weekOf(new Date('2026-11-22T16:59:59Z'), 7)).toBe('2026-11-16'); // Sunday 23.59 WIB
    expect(weekOf(new Date('2026-11-29T16:59:59Z'), 7)).toBe('2026-11-23'); // next Sunday 23.59 WIB
    expect(weekOf(new Date('2026-03-01T05:00:00Z'), 8)).toBe('2026-02-23'); // across a month
  });
});

describe('groupBoard', () => {
  const rec = (kunci: string, kecamatan: string, status: string, minggu = '2026-11-16', jenis = 'permohonan'): BoardRecord => ({ jenis, kunci, kecamatan, status, minggu });
  const times = (n: number, r: BoardRecord) => Array.from({ length: n }, () => r);

  it('never publishes the one refused request of a kecamatan, alone or merged', () => {
    const records = [...times(5, rec('alat', 'a', 'selesai')), rec('alat', 'b', 'ditolak')];
    expect(groupBoard(records)).toEqual({ groups: [{ jenis: 'permohonan', kunci: 'alat', kecamatan: 'a', status: 'selesai', minggu: '2026-11-16', jumlah: 5 }], hidden: 1 });
  });

  it('merges small groups across kecamatan, then across services, never across status, week or kind', () => {
    const records = [
      ...times(3, rec('alat', 'a', 'diterima')),
      ...times(2, rec('alat', 'b', 'diterima')),
      ...times(3, rec('alat', 'c', 'verifikasi')),
      ...times(2, rec('makan', 'c', 'verifikasi')),
      ...times(4, rec('alat', 'a', 'selesai')), // another status: stays apart
      ...times(4, rec('alat', 'a', 'diterima', '2026-11-09')), // another week: stays apart
      ...times(4, rec('odgj', 'a', 'diterima', '2026-11-16', 'laporan')), // another kind: stays apart
    ];
    const { groups, hidden } = groupBoard(records);
    expect(groups).toEqual([
      { jenis: 'permohonan', kunci: 'alat', kecamatan: null, status: 'diterima', minggu: '2026-11-16', jumlah: 5 },
      // Two services, one kecamatan: the row keeps it.
      { jenis: 'permohonan', kunci: null, kecamatan: 'c', status: 'verifikasi', minggu: '2026-11-16', jumlah: 5 },
    ]);
    expect(hidden).toBe(12);
    // Two services in two kecamatan: neither is named.
    expect(groupBoard([...times(3, rec('alat', 'a', 'verifikasi')), ...times(2, rec('makan', 'b', 'verifikasi'))]).groups).toEqual([
      { jenis: 'permohonan', kunci: null, kecamatan: null, status: 'verifikasi', minggu: '2026-11-16', jumlah: 5 },
    ]);
  });

  it('keeps every row at five or more and loses no record, on 500 random boards', () => {
    const next = random(42);
    const pick = <T,>(list: T[]) => list[Math.floor(next() * list.length)]!;
    for (let i = 0; i < 500; i++) {
      const records = Array.from({ length: Math.floor(next() * 120) }, () =>
        rec(pick(['alat', 'makan', 'sktm']), pick(['a', 'b', 'c', 'd']), pick(['diterima', 'selesai', 'ditolak']), pick(['2026-11-09', '2026-11-16']), pick(['permohonan', 'laporan'])),
      );
      const { groups, hidden } = groupBoard(records);
      expect(groups.every((g) => g.jumlah >= MIN)).toBe(true);
      expect(groups.reduce((n, g) => n + g.jumlah, 0) + hidden).toBe(records.length);
      // A row of one service and one kecamatan counts exactly those records; a merged row
      // ("several") holds at least two services or kecamatan that were too small alone.
      for (const g of groups) {
        const same = records.filter((r) => r.jenis === g.jenis && r.status === g.status && r.minggu === g.minggu && (g.kunci === null || r.kunci === g.kunci) && (g.kecamatan === null || r.kecamatan === g.kecamatan));
        if (g.kunci !== null && g.kecamatan !== null) expect(same).toHaveLength(g.jumlah);
        if (g.kunci === null) expect(new Set(same.map((r) => r.kunci)).size).toBeGreaterThanOrEqual(2);
        if (g.kecamatan === null) expect(new Set(same.map((r) => r.kecamatan)).size).toBeGreaterThanOrEqual(2);
      }
    }
  });
});
