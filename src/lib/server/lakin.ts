// LAKIN export for staff (GET /api/petugas/ekspor/lakin.csv and …/iku, GET /api/lakin/ekspor):
// counts of requests in a year per service, PPKS category, kecamatan, status and month, and the
// indicator "persentase PMKS yang memperoleh pelayanan dasar" computed from decided cases:
// persons served ÷ persons decided (served or refused) × 100, by what each status means. Each
// NIK counts once; reports about a PPKS count as one person each (they carry no NIK). Cancelled
// cases were not decided and are left out. No personal data leaves: a NIK only tells persons apart.
import type { Iku } from '../api/petugas';
import { MONTHS } from '../format';
import type { PortalData, PortalStatus } from '../portal-data';
import { zoneOffsetHours } from '../rules/working-time';
import { byId, pbDate } from './common';

/** The office's calendar year as PocketBase date text, [from, to): 1 January 00:00 office time. */
export interface YearRange {
  from: string;
  to: string;
}

/** The database as the export needs it (pb_hooks/lib/lakin.js): the requests and reports created in the range. */
export interface LakinDb {
  requests(range: YearRange): { id: string; layanan: string; kategori_ppks: string; kecamatan: string; status: string; created: string; nik: string }[];
  reports(range: YearRange): { id: string; jenis: string; status: string }[];
}

export function officeYear(data: PortalData, year: number): YearRange {
  const offset = zoneOffsetHours(data.site.timeZone) * 3_600_000;
  const at = (y: number) => pbDate(new Date(Date.UTC(y, 0, 1) - offset));
  return { from: at(year), to: at(year + 1) };
}

const meaningOf = (list: readonly PortalStatus[], id: string) => byId(list, id)?.meaning ?? '';

/**
 * The key indicator (IKU) for a year: persons served ÷ persons decided. A person is a NIK (or,
 * for a request whose NIK retention has removed, the request itself); a report about a PPKS is
 * one person.
 */
export function indicators(db: LakinDb, data: PortalData, year: number): Iku {
  const range = officeYear(data, year);
  const served = new Set<string>();
  const decided = new Set<string>();
  const count = (person: string, meaning: string) => {
    if (meaning === 'success' || meaning === 'rejected') decided.add(person);
    if (meaning === 'success') served.add(person);
  };
  for (const r of db.requests(range)) count(/^0+$/.test(r.nik) || !r.nik ? `permohonan:${r.id}` : `nik:${r.nik}`, meaningOf(data.statuses, r.status));
  const ppksKinds = data.reportTypes.filter((t) => t.ppks.length > 0).map((t) => t.id);
  for (const r of db.reports(range)) if (ppksKinds.includes(r.jenis)) count(`laporan:${r.id}`, meaningOf(data.reportStatuses, r.status));
  const numerator = served.size;
  const denominator = decided.size;
  return {
    tahun: year,
    indikator: [
      {
        kunci: 'persentase_pmks_terlayani',
        label: 'Persentase PMKS yang memperoleh pelayanan dasar',
        label_pembilang: 'Orang yang selesai dilayani (NIK dihitung sekali; laporan PPKS termasuk)',
        label_penyebut: 'Orang yang permohonan/laporannya diputus (dilayani atau tidak dapat dipenuhi)',
        pembilang: numerator,
        penyebut: denominator,
        nilai: denominator === 0 ? null : Math.round((numerator / denominator) * 10000) / 100,
      },
    ],
    catatan: 'Satu NIK dihitung satu orang walau mengajukan beberapa kali; laporan tentang PPKS dihitung satu orang per laporan; permohonan yang dibatalkan tidak dihitung.',
  };
}

function csvCell(value: string | number): string {
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The LAKIN counts of a year as CSV (dimensi, kunci, label, jumlah), then the indicator. */
export function lakinCsv(db: LakinDb, data: PortalData, year: number): string {
  const offset = zoneOffsetHours(data.site.timeZone) * 3_600_000;
  // The month a request came in, by the office's clock (a request at 23:30 WIB on 31 January is January's).
  const rows = db.requests(officeYear(data, year)).map((r) => ({
    layanan: r.layanan,
    kategori_ppks: r.kategori_ppks,
    kecamatan: r.kecamatan,
    status: r.status,
    bulan: new Date(new Date(String(r.created).replace(' ', 'T')).getTime() + offset).toISOString().slice(0, 7),
  }));
  const lines: (string | number)[][] = [['dimensi', 'kunci', 'label', 'jumlah']];
  const add = (dimension: keyof (typeof rows)[number], label: (key: string) => string) => {
    const counts: Record<string, number> = {};
    for (const row of rows) counts[row[dimension] || ''] = (counts[row[dimension] || ''] ?? 0) + 1;
    for (const key of Object.keys(counts).sort()) lines.push([dimension, key, label(key), counts[key]!]);
  };
  add('layanan', (k) => byId(data.services, k)?.title ?? k);
  add('kategori_ppks', (k) => byId(data.ppks, k)?.name ?? (k ? k : '(belum diisi)'));
  add('kecamatan', (k) => {
    const kec = byId(data.kecamatan, k);
    return kec ? `${kec.code} ${kec.name}` : k;
  });
  add('status', (k) => byId(data.statuses, k)?.label ?? k);
  add('bulan', (k) => `${MONTHS[Number(k.slice(5, 7)) - 1]} ${k.slice(0, 4)}`);

  const iku = indicators(db, data, year).indikator[0]!;
  lines.push(['indikator', 'kasus_selesai', iku.label_pembilang, iku.pembilang]);
  lines.push(['indikator', 'kasus_diputus', iku.label_penyebut, iku.penyebut]);
  lines.push(['indikator', iku.kunci, `${iku.label} (%)`, iku.nilai === null ? '' : iku.nilai.toFixed(2)]);
  return `${lines.map((l) => l.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
