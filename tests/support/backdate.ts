// Moves requests and reports (with their whole history) into the past, for tests of what the
// public board publishes: it shows the state at the start of today, so a record the test has
// just sent is not on it until it is "yesterday's". PocketBase sets `created` itself and offers
// no API to change it, so this writes the test server's SQLite file directly (WAL mode lets a
// second process write while PocketBase runs; PocketBase reads the new values on its next query).
// Test-only: nothing in the portal writes dates into the past.
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { zoneOffsetHours } from '../../src/lib/rules';
import { loadContent } from './content';

const DAY_MS = 86_400_000;
const HISTORY = { permohonan: 'riwayat_permohonan', laporan: 'riwayat_laporan' } as const;

/** PocketBase's stored date format: "2026-11-23 01:00:00.000Z". */
export const pbDate = (d: Date) => d.toISOString().replace('T', ' ');

/** The office's offset from UTC in ms (from content/site), as the hooks compute it. */
export const OFFSET_MS = zoneOffsetHours(loadContent().site[0]!.data.timeZone) * 3_600_000;

/** Monday of this week in the office calendar, as the UTC midnight of that calendar date. */
export function thisMonday(now = Date.now()): number {
  const today = Math.floor((now + OFFSET_MS) / DAY_MS) * DAY_MS;
  return today - ((new Date(today).getUTCDay() + 6) % 7) * DAY_MS;
}

/** The instant at `hour` o'clock office time on the Monday `weeksAgo` weeks before this one. */
export function mondayAt(weeksAgo: number, hour = 10): Date {
  return new Date(thisMonday() - weeksAgo * 7 * DAY_MS + hour * 3_600_000 - OFFSET_MS);
}

/** YYYY-MM-DD of the Monday `weeksAgo` weeks before this one. */
export function mondayDate(weeksAgo: number): string {
  return new Date(thisMonday() - weeksAgo * 7 * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Sets `created` of each record to `when` (one second apart, in the given order) and moves its
 * history entries to the milliseconds after it, in their own order, so the status each had at
 * the end of that moment is its current one.
 */
export function backdate(dataDir: string, collection: 'permohonan' | 'laporan', ids: readonly string[], when: Date): void {
  const db = new DatabaseSync(path.join(dataDir, 'data.db'));
  try {
    db.exec('PRAGMA busy_timeout = 10000');
    const history = HISTORY[collection];
    const setRecord = db.prepare(`UPDATE ${collection} SET created = ? WHERE id = ?`);
    const entries = db.prepare(`SELECT rowid AS r FROM ${history} WHERE ${collection} = ? ORDER BY created, rowid`);
    const setEntry = db.prepare(`UPDATE ${history} SET created = ? WHERE rowid = ?`);
    db.exec('BEGIN IMMEDIATE');
    ids.forEach((id, i) => {
      const at = when.getTime() + i * 1000;
      if (setRecord.run(pbDate(new Date(at)), id).changes !== 1) throw new Error(`${collection} ${id} tidak ditemukan`);
      const rows = entries.all(id) as { r: number }[];
      if (rows.length === 0) throw new Error(`${collection} ${id} tanpa riwayat`);
      rows.forEach((row, j) => setEntry.run(pbDate(new Date(at + j + 1)), row.r));
    });
    db.exec('COMMIT');
  } finally {
    db.close();
  }
}

/**
 * Writes fields of one record straight into the test server's database, as time or a crash
 * would leave them (a due date in the past, a request closed a year ago): fields the server sets
 * and no API lets anyone set. Test-only, like the dates above.
 */
export function writeDirect(dataDir: string, table: string, id: string, fields: Record<string, string | number | boolean>): void {
  const db = new DatabaseSync(path.join(dataDir, 'data.db'));
  try {
    db.exec('PRAGMA busy_timeout = 10000');
    const names = Object.keys(fields);
    const values = names.map((n) => {
      const v = fields[n]!;
      return typeof v === 'boolean' ? (v ? 1 : 0) : v;
    });
    const result = db.prepare(`UPDATE ${table} SET ${names.map((n) => `${n} = ?`).join(', ')} WHERE id = ?`).run(...values, id);
    if (result.changes !== 1) throw new Error(`${table} ${id} tidak ditemukan`);
  } finally {
    db.close();
  }
}

/**
 * Sets the due date of a record's current stage (`batas_tahap`), which in the portal only the SOP
 * sets (neither staff nor administrators may): for tests of the late and due-today lists, whose
 * dates would otherwise depend on the hour the test runs. The `terlambat` flag follows at the next
 * run of the `tandai_terlambat` cron.
 */
export function setDueDate(dataDir: string, collection: 'permohonan' | 'laporan', id: string, when: Date): void {
  writeDirect(dataDir, collection, id, { batas_tahap: pbDate(when) });
}
