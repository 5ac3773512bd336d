// GET /api/progres: the public progress board on /progres/. A daily batch (the state at the start
// of today, office time zone), so a record sent or changed now reaches the board tomorrow, in a
// group of at least MIN_PUBLIC_COUNT with others, and never alone (src/lib/rules/disclosure.ts).
// Reads only service or report kind, kecamatan, status and dates.
import type { BoardItem, Progres } from '../api/figures';
import type { PortalData } from '../portal-data';
import { MIN_PUBLIC_COUNT, groupBoard, publishable, startOfLocalDay, weekOf, type BoardGroup } from '../rules/disclosure';
import { zoneOffsetHours } from '../rules/working-time';
import { byId, parsePbDate, pbDate, serviceTitle, type Refusals } from './common';
import type { AnswerCache } from './statistik';

export const PROGRES_PAGE_SIZE = 50;
const MAX_PAGE = 100_000;
const BOARD_CACHE_KEY = 'progres:papan';

/** One request or report and its status as it stood at the cut-off ('' when it has no history). */
export interface BoardRow {
  jenis: 'permohonan' | 'laporan';
  /** Service key (requests) or report kind (reports). */
  kunci: string;
  kecamatan: string;
  created: string;
  status: string;
}

/** The database as the board needs it (pb_hooks/lib/statistik.js runs the SQL). */
export interface ProgresDb {
  /**
   * What lies before the cut-off (PocketBase date text), as one string that changes when history
   * before it is rewritten (counts of records and history entries): the cached board is then
   * computed again.
   */
  stamp(cutoff: string): string;
  rows(cutoff: string): BoardRow[];
}

/** The board's query, as URLSearchParams or PocketBase's url.Values give it. */
export interface QueryLike {
  get(name: string): string | null | undefined;
}

export interface ProgresFilters {
  jenis: string;
  kecamatan: string;
  status: string;
  halaman: number;
}

/** Checks the board's query; returns the filters or throws a 400 with an Indonesian message. */
export function parseProgresQuery(data: PortalData, query: QueryLike, refuse: Refusals): ProgresFilters {
  const get = (name: string) => String(query.get(name) || '').trim();
  const jenis = get('jenis');
  const kecamatan = get('kecamatan');
  const status = get('status');
  const halaman = get('halaman');
  if (jenis && jenis !== 'permohonan' && jenis !== 'laporan') {
    throw refuse.badRequest('Jenis tidak dikenal. Pilih permohonan atau laporan, atau kosongkan.');
  }
  if (kecamatan && !byId(data.kecamatan, kecamatan)) {
    throw refuse.badRequest('Kecamatan tidak dikenal. Pilih kecamatan dari daftar, atau kosongkan.');
  }
  if (status && !byId(data.statuses, status) && !byId(data.reportStatuses, status)) {
    throw refuse.badRequest('Status tidak dikenal. Pilih status dari daftar, atau kosongkan.');
  }
  let page = 1;
  if (halaman) {
    if (!/^[0-9]{1,6}$/.test(halaman) || Number(halaman) < 1 || Number(halaman) > MAX_PAGE) {
      throw refuse.badRequest('Nomor halaman tidak sah. Tulis angka 1 atau lebih.');
    }
    page = Number(halaman);
  }
  return { jenis, kecamatan, status, halaman: page };
}

/** The published groups of a cut-off, newest week first, and how many records are in none. */
export interface PublishedBoard {
  data_sampai: string;
  groups: BoardGroup[];
  hidden: number;
}

/** Position of `id` in a content list, or the list's length (unknown and merged sort last). */
function rank(list: readonly { id: string }[], id: string | null): number {
  for (let i = 0; i < list.length; i++) if (list[i]!.id === id) return i;
  return list.length;
}

/** The board of one cut-off from its rows. */
export function boardOf(rows: readonly BoardRow[], data: PortalData, cutoff: Date): PublishedBoard {
  const offset = zoneOffsetHours(data.site.timeZone);
  const records = [];
  let unknown = 0;
  for (const row of rows) {
    const created = parsePbDate(row.created);
    if (!created || !row.status) {
      unknown++; // no date or no history: counted as not shown, never guessed
      continue;
    }
    records.push({ jenis: row.jenis, kunci: row.kunci, kecamatan: row.kecamatan, status: row.status, minggu: weekOf(created, offset) });
  }
  const grouped = groupBoard(records, MIN_PUBLIC_COUNT);
  // Newest week first; within a week requests before reports, then content order, merged last.
  const order = (g: BoardGroup) => [
    g.jenis === 'laporan' ? 1 : 0,
    g.kunci === null ? 1e6 : g.jenis === 'laporan' ? rank(data.reportTypes, g.kunci) : rank(data.services, g.kunci),
    g.kecamatan === null ? 1e6 : rank(data.kecamatan, g.kecamatan),
    g.jenis === 'laporan' ? rank(data.reportStatuses, g.status) : rank(data.statuses, g.status),
  ];
  const groups = grouped.groups.slice().sort((a, b) => {
    if (a.minggu !== b.minggu) return a.minggu < b.minggu ? 1 : -1;
    const x = order(a);
    const y = order(b);
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
    return String(a.kunci) < String(b.kunci) ? -1 : String(a.kunci) > String(b.kunci) ? 1 : 0;
  });
  return {
    // The last calendar day the batch holds (the day before the cut-off).
    data_sampai: new Date(cutoff.getTime() + offset * 3_600_000 - 86_400_000).toISOString().slice(0, 10),
    groups,
    hidden: grouped.hidden + unknown,
  };
}

/** The board as of the start of today, computed once per cut-off and kept in `cache`. */
function board(db: ProgresDb, cache: AnswerCache, data: PortalData, now: Date): PublishedBoard {
  const cutoff = startOfLocalDay(now, zoneOffsetHours(data.site.timeZone));
  const at = pbDate(cutoff);
  const key = `${cutoff.toISOString()}|${db.stamp(at)}`;
  const cached = cache.get(BOARD_CACHE_KEY);
  if (typeof cached === 'string' && cached) {
    try {
      const saved = JSON.parse(cached) as { key: string; board: PublishedBoard };
      if (saved.key === key) return saved.board;
    } catch {
      // a damaged entry is computed again below
    }
  }
  const result = boardOf(db.rows(at), data, cutoff);
  cache.set(BOARD_CACHE_KEY, JSON.stringify({ key, board: result }));
  return result;
}

export function progres(db: ProgresDb, cache: AnswerCache, data: PortalData, query: QueryLike, now: Date, refuse: Refusals): Progres {
  const filters = parseProgresQuery(data, query, refuse);
  const published = board(db, cache, data, now);

  // Every number below is a sum of published rows, each of at least MIN_PUBLIC_COUNT: a filter
  // can narrow the board, never split a row. A merged row ("Beberapa kecamatan") has no single
  // kecamatan, so it is left out when one is chosen. Each facet counts what the other two
  // filters leave, so a choice shows what it would give.
  const perJenis: Record<string, number> = { permohonan: 0, laporan: 0 };
  const perKecamatan: Record<string, number> = {};
  for (const k of data.kecamatan) perKecamatan[k.id] = 0;
  const perStatus: Record<string, number> = {};
  for (const s of data.statuses) perStatus[s.id] = 0;
  for (const s of data.reportStatuses) perStatus[s.id] = 0;
  const matching: BoardGroup[] = [];
  let total = 0;
  for (const g of published.groups) {
    const okJenis = !filters.jenis || g.jenis === filters.jenis;
    const okKec = !filters.kecamatan || g.kecamatan === filters.kecamatan;
    const okStatus = !filters.status || g.status === filters.status;
    if (okKec && okStatus) perJenis[g.jenis] = (perJenis[g.jenis] ?? 0) + g.jumlah;
    const inKecamatan = g.kecamatan === null ? undefined : perKecamatan[g.kecamatan];
    if (okJenis && okStatus && g.kecamatan !== null && inKecamatan !== undefined) perKecamatan[g.kecamatan] = inKecamatan + g.jumlah;
    const inStatus = perStatus[g.status];
    if (okJenis && okKec && inStatus !== undefined) perStatus[g.status] = inStatus + g.jumlah;
    if (okJenis && okKec && okStatus) {
      matching.push(g);
      total += g.jumlah;
    }
  }

  const items: BoardItem[] = matching.slice((filters.halaman - 1) * PROGRES_PAGE_SIZE, filters.halaman * PROGRES_PAGE_SIZE).map((g) => {
    const isReport = g.jenis === 'laporan';
    const statusInfo = isReport ? byId(data.reportStatuses, g.status) : byId(data.statuses, g.status);
    const kec = g.kecamatan === null ? undefined : byId(data.kecamatan, g.kecamatan);
    let label: string;
    if (g.kunci === null) label = isReport ? 'Beberapa jenis laporan' : 'Beberapa layanan';
    else if (isReport) label = byId(data.reportTypes, g.kunci)?.label ?? g.kunci;
    else {
      const service = byId(data.services, g.kunci);
      label = service ? serviceTitle(service) : g.kunci;
    }
    return {
      jenis: isReport ? 'laporan' : 'permohonan',
      jenis_label: label,
      kecamatan: g.kecamatan === null ? 'Beberapa kecamatan' : kec ? kec.name : g.kecamatan,
      // The Monday of the week it came in: no day, no time of day.
      minggu: g.minggu,
      status_label: statusInfo ? statusInfo.label : g.status,
      selesai: statusInfo ? statusInfo.closed === true : false,
      jumlah: g.jumlah,
    };
  });

  const hiddenShown = publishable(published.hidden, MIN_PUBLIC_COUNT);
  return {
    data_sampai: published.data_sampai,
    ambang: MIN_PUBLIC_COUNT,
    total,
    jumlah_baris: matching.length,
    halaman: filters.halaman,
    jumlah_halaman: Math.max(1, Math.ceil(matching.length / PROGRES_PAGE_SIZE)),
    per_halaman: PROGRES_PAGE_SIZE,
    filter: { jenis: filters.jenis, kecamatan: filters.kecamatan, status: filters.status },
    per_jenis: perJenis,
    per_kecamatan: perKecamatan,
    per_status: perStatus,
    // Records in no published row, over the whole board (never per filter).
    tidak_ditampilkan: hiddenShown ? published.hidden : null,
    disembunyikan: hiddenShown ? {} : { tidak_ditampilkan: 'di_bawah_ambang' },
    items,
  };
}
