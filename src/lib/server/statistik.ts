// GET /api/statistik: the public, non-personal figures on /kinerja/. Reads only non-personal
// columns (service or report kind, status, dates, survey scores): names, NIK, addresses,
// villages, descriptions, GPS, files, notes and tracking codes are never selected, so they cannot
// leak into an answer by mistake. No figure rests on fewer than MIN_PUBLIC_COUNT items: small
// counts are withheld (src/lib/rules/disclosure.ts, shared with the pages' text and the tests).
import type { Counts, Hidden, HiddenReason, PublishedIkm, ReportTypeFigures, ServiceFigures, Statistik, SurveyFigures } from '../api/figures';
import type { PortalData, PortalStatus } from '../portal-data';
import { MIN_PUBLIC_COUNT, protectSurvey, protectTable, type TableProtection } from '../rules/disclosure';
import { computeIkm, krejcieMorgan } from '../rules/ikm';
import { WORKING_DAY_MINUTES, workingDaysBetween } from '../rules/working-time';
import { byId, parsePbDate, serviceTitle } from './common';

/** The rows the figures are computed from (pb_hooks/lib/statistik.js runs the SQL). */
export interface StatistikDb {
  /** Requests per service and status. */
  counts(): { layanan: string; status: string; n: number }[];
  /** The finished requests with a closing time, in `servedStatus`: the dates are all the median needs. */
  finished(servedStatus: string): { layanan: string; created: string; ditutup: string }[];
  /** Reports per kind and status. */
  reports(): { jenis: string; status: string; n: number }[];
  /** Every survey answer: its service and the nine unsur scores u1…u9. */
  survey(): ({ layanan: string } & Record<`u${number}`, number>)[];
}

/** A string store kept across requests (PocketBase's app store in the hooks). */
export interface AnswerCache {
  get(key: string): unknown;
  set(key: string, value: string): void;
}

const CACHE_KEY = 'statistik:jawaban';
const CACHE_MS = 60_000;

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = values.slice().sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Krejcie-Morgan minimum sample for a population (0 for none). */
function sampleSize(population: number): number {
  return population > 0 ? krejcieMorgan(population) : 0;
}

/** The IKM of some answers; null for none. A broken computation throws: a server error, never a quietly missing figure. */
function ikmOf(responses: readonly (readonly number[])[]): PublishedIkm | null {
  return responses.length === 0 ? null : computeIkm(responses);
}

/** Status keys in content order, then any other key found in the data (a removed status still counts). */
function statusOrder(known: readonly PortalStatus[], seen: readonly string[]): string[] {
  const keys = known.map((s) => s.id);
  for (const key of seen) if (key && !keys.includes(key)) keys.push(key);
  return keys;
}

interface CountsTable {
  rows: { total: number | null; per_status: Counts; disembunyikan: Hidden }[];
  columns: { total: number | null; per_status: Counts; disembunyikan: Hidden };
  protection: TableProtection;
}

/**
 * One table of counts (rows × statuses) as the API publishes it: each withheld figure is null
 * and named in the row's `disembunyikan` with its reason.
 */
function protectedCounts(values: number[][], statusKeys: readonly string[], columnTotals: boolean): CountsTable {
  const p = protectTable(values, { columnTotals });
  const rows = values.map((row, i) => {
    const hidden: Hidden = {};
    const perStatus: Counts = {};
    let total = 0;
    statusKeys.forEach((key, j) => {
      const n = row[j]!;
      total += n;
      if (n === 0) return;
      const why = p.cells[i]![j];
      perStatus[key] = why ? null : n;
      if (why) hidden[`per_status.${key}`] = why;
    });
    if (p.rows[i]) hidden['total'] = p.rows[i]!;
    return { total: p.rows[i] ? null : total, per_status: perStatus, disembunyikan: hidden };
  });
  const columns = { total: null as number | null, per_status: {} as Counts, disembunyikan: {} as Hidden };
  let grand = 0;
  statusKeys.forEach((key, j) => {
    let n = 0;
    for (const row of values) n += row[j]!;
    grand += n;
    if (n === 0) return;
    columns.per_status[key] = p.columns[j] ? null : n;
    if (p.columns[j]) columns.disembunyikan[`per_status.${key}`] = p.columns[j]!;
  });
  if (p.total) columns.disembunyikan['total'] = p.total;
  columns.total = p.total ? null : grand;
  return { rows, columns, protection: p };
}

/** The figures as of `now`, computed from the database's rows. */
export function computeStatistik(db: StatistikDb, data: PortalData, now: Date): Statistik {
  const min = MIN_PUBLIC_COUNT;
  // The served end, by what a status means, whatever this office calls it.
  let servedStatus = '';
  for (const s of data.statuses) if (s.meaning === 'success') servedStatus = s.id;

  const counts = db.counts();
  const finished = db.finished(servedStatus);
  const reports = db.reports();
  const survey = db.survey();

  // Services listed: every service that takes online applications, plus any with data (a
  // counter service, or one removed from content/ whose requests still count).
  const keys: string[] = [];
  const addKey = (k: string) => {
    if (k && !keys.includes(k)) keys.push(k);
  };
  for (const s of data.services) if (s.onlineApplication) addKey(s.id);
  const seen: Record<string, true> = {};
  for (const c of counts) seen[c.layanan] = true;
  for (const s of survey) seen[s.layanan] = true;
  for (const s of data.services) if (seen[s.id]) addKey(s.id);
  Object.keys(seen).sort().forEach(addKey);

  // Requests: service × status, with service totals, status totals and the grand total.
  const statusKeys = statusOrder(data.statuses, counts.map((c) => c.status));
  const values = keys.map(() => statusKeys.map(() => 0));
  for (const c of counts) {
    const row = keys.indexOf(c.layanan);
    const col = statusKeys.indexOf(c.status);
    if (row >= 0 && col >= 0) values[row]![col]! += Number(c.n);
  }
  const table = protectedCounts(values, statusKeys, true);
  const done = statusKeys.indexOf(servedStatus);

  const days: Record<string, number[]> = {};
  for (const f of finished) {
    const from = parsePbDate(f.created);
    const to = parsePbDate(f.ditutup);
    if (!keys.includes(f.layanan) || !from || !to) continue;
    (days[f.layanan] ??= []).push(workingDaysBetween(from, to, data.site.calendar));
  }

  const groups: Record<string, number[][]> = {};
  const everyone: number[][] = [];
  for (const row of survey) {
    const answers = [row.u1, row.u2, row.u3, row.u4, row.u5, row.u6, row.u7, row.u8, row.u9].map(Number);
    (groups[row.layanan] ??= []).push(answers);
    everyone.push(answers);
  }
  const surveyed = protectSurvey(keys.map((k) => (groups[k] ?? []).length));

  const perLayanan: ServiceFigures[] = [];
  const ikmPerLayanan: SurveyFigures[] = [];
  keys.forEach((key, i) => {
    const service = data.services.find((s) => s.id === key);
    const minutes = service ? service.stages.reduce((sum, s) => sum + s.minutes, 0) : null;
    const counted = table.rows[i]!;
    const hidden = counted.disembunyikan;
    const finishedCount = done >= 0 ? values[i]![done]! : 0;
    const finishedHidden: HiddenReason | null = done >= 0 ? table.protection.cells[i]![done]! : null;
    const entry: ServiceFigures = {
      layanan: key,
      judul: service ? serviceTitle(service) : key,
      total: counted.total,
      per_status: counted.per_status,
      selesai: finishedHidden ? null : finishedCount,
      median_hari_kerja: null,
      standar_hari_kerja: minutes === null ? null : round1(minutes / WORKING_DAY_MINUTES),
      standar_menit: minutes,
      persen_dalam_standar: null,
      disembunyikan: hidden,
    };
    if (finishedHidden) hidden['selesai'] = finishedHidden;
    // The median and the share within standard describe the finished requests: none from
    // fewer than `min` of them, and none where the finished count itself is withheld (a
    // percentage of 6 would give it back).
    const taken = days[key] ?? [];
    const timing: HiddenReason | null = taken.length === 0 ? null : taken.length < min ? 'di_bawah_ambang' : finishedHidden ? 'melindungi' : null;
    if (timing) {
      hidden['median_hari_kerja'] = timing;
      hidden['persen_dalam_standar'] = timing;
    } else if (taken.length > 0) {
      entry.median_hari_kerja = median(taken);
      // Within standard: the working days taken (the same count as the median) are no more
      // than the SOP's standard time, so the share and the median compare like with like.
      if (minutes !== null) {
        const within = taken.filter((d) => d * WORKING_DAY_MINUTES <= minutes).length;
        entry.persen_dalam_standar = round1((within / taken.length) * 100);
      }
    }
    perLayanan.push(entry);

    // The survey's population is the people whose request was finished; Permenpan RB 14/2017
    // points to the Krejcie-Morgan table for how many of them must answer.
    const ikmHidden: Hidden = {};
    const surveyHidden = surveyed.services[i];
    if (surveyHidden) ikmHidden['ikm'] = surveyHidden;
    if (finishedHidden) {
      ikmHidden['populasi'] = finishedHidden;
      ikmHidden['sampel_minimum'] = finishedHidden;
    }
    ikmPerLayanan.push({
      layanan: entry.layanan,
      judul: entry.judul,
      ikm: !surveyHidden ? ikmOf(groups[key] ?? []) : null,
      populasi: finishedHidden ? null : finishedCount,
      sampel_minimum: finishedHidden ? null : sampleSize(finishedCount),
      disembunyikan: ikmHidden,
    });
  });

  // Reports: type × status, with type totals and the grand total (no status totals published).
  const reportTypes = data.reportTypes;
  const typeKeys = reportTypes.map((t) => t.id);
  for (const r of reports) if (!typeKeys.includes(r.jenis)) typeKeys.push(r.jenis);
  const reportStatusKeys = statusOrder(data.reportStatuses, reports.map((c) => c.status));
  const reportValues = typeKeys.map(() => reportStatusKeys.map(() => 0));
  for (const r of reports) reportValues[typeKeys.indexOf(r.jenis)]![reportStatusKeys.indexOf(r.status)]! += Number(r.n);
  const reportTable = protectedCounts(reportValues, reportStatusKeys, false);
  const perJenis: ReportTypeFigures[] = typeKeys.map((k, i) => {
    const row = reportTable.rows[i]!;
    return { jenis: k, label: byId(reportTypes, k)?.label ?? k, total: row.total, per_status: row.per_status, disembunyikan: row.disembunyikan };
  });
  const reportHidden: Hidden = {};
  if (reportTable.protection.total) reportHidden['total'] = reportTable.protection.total;

  const allFinished = done >= 0 ? table.columns.per_status[servedStatus] : 0;
  const populationHidden = done >= 0 ? table.protection.columns[done]! : null;
  const ikmHidden: Hidden = {};
  if (surveyed.overall) ikmHidden['keseluruhan'] = surveyed.overall;
  if (populationHidden) {
    ikmHidden['populasi'] = populationHidden;
    ikmHidden['sampel_minimum'] = populationHidden;
  }
  const population = populationHidden ? null : allFinished || 0;

  return {
    diperbarui: now.toISOString(),
    // Figures below this many items are null and named in `disembunyikan` (why: see disclosure.ts).
    ambang: min,
    permohonan: { total: table.columns.total, per_layanan: perLayanan, per_status: table.columns.per_status, disembunyikan: table.columns.disembunyikan },
    laporan: { total: reportTable.columns.total, per_jenis: perJenis, disembunyikan: reportHidden },
    ikm: {
      keseluruhan: !surveyed.overall ? ikmOf(everyone) : null,
      populasi: population,
      sampel_minimum: population === null ? null : sampleSize(population),
      per_layanan: ikmPerLayanan,
      disembunyikan: ikmHidden,
    },
  };
}

/** The figures, computed at most once a minute; the last answer is kept in `cache`. */
export function statistik(db: StatistikDb, cache: AnswerCache, data: PortalData, now: Date): Statistik {
  const cached = cache.get(CACHE_KEY);
  if (typeof cached === 'string' && cached) {
    try {
      const saved = JSON.parse(cached) as { t: number; body: Statistik };
      const age = now.getTime() - saved.t;
      if (age >= 0 && age < CACHE_MS) return saved.body;
    } catch {
      // a damaged entry is recomputed below
    }
  }
  const body = computeStatistik(db, data, now);
  cache.set(CACHE_KEY, JSON.stringify({ t: now.getTime(), body }));
  return body;
}
