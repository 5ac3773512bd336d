// The staff workspace's queues (GET /api/petugas/antrean, /hari-ini, /rekan, /log-akses): which
// cases wait for whom, what a queue row shows, and the server-computed flags. Who may open what
// follows the roles (content/reference/roles.yaml) through the SOP rules (src/lib/rules/sop-flow.ts);
// the database is `WorkspaceDb` (pocketbase/pb_hooks/lib/casework.js), which hands over plain rows.
import type { Antrean, AntreanItem, CaseKind, HariIni, LogAkses, Rekan, Tanda } from '../api/petugas';
import type { PortalData } from '../portal-data';
import { judge, judgeReport, judgeReportTask, nextFieldRoles, type CaseState, type FlowContext, type ReportFlowContext } from '../rules/sop-flow';
import { normaliseCode } from '../rules/tracking-code';
import { zoneOffsetHours } from '../rules/working-time';
import type { Refusals } from './common';
import { byId, parsePbDate, pbDate } from './common';

/** Who is acting (pb_hooks/lib/staff.js `actorOf`): a staff account, or an administrator. */
export interface Actor {
  admin: boolean;
  /** The staff account's id; "" for an administrator. */
  id: string;
  roles: string[];
  /** What the history shows: "Rina Marlina, Petugas layanan (front office)". */
  label: string;
  /** The account's `akses_kasus` (semua, ditugaskan, tidak); "" for an administrator. */
  access: string;
}

/** The columns of a request or report the queues and the rules read. */
export interface CaseRow {
  kind: CaseKind;
  id: string;
  kode_lacak: string;
  status: string;
  langkah: number;
  /** The service (requests); "" for reports. */
  layanan: string;
  /** The report kind (reports); "" for requests. */
  jenis: string;
  /** petugas_lapangan (requests) or ditugaskan_ke (reports). */
  assignee: string;
  /** Requests only ("" for reports). */
  nama_lengkap: string;
  nik: string;
  kecamatan: string;
  created: string;
  batas_tahap: string;
  terlambat: boolean;
  berkas_dihapus: boolean;
  /** Reports only ("" for requests). */
  urgensi: string;
}

/** Another request with the same NIK (the duplicate flags). */
export interface SameNikRow {
  id: string;
  kode_lacak: string;
  layanan: string;
  status: string;
  created: string;
}

/** A staff account as the colleague list reads it. */
export interface ColleagueRow {
  id: string;
  nama: string;
  roles: string[];
  kecamatan: string[];
}

/** One row of the document access log. */
export interface AccessRow {
  created: string;
  nama: string;
  kode_lacak: string;
  koleksi: string;
  dokumen: string;
  ditolak: boolean;
}

/** The database as the queues need it (pb_hooks/lib/casework.js). Filters are PocketBase filter text with {:params}. */
export interface WorkspaceDb {
  cases(kind: CaseKind, filter: string, sort: string, params: Record<string, string>): CaseRow[];
  /** The staff member's id and name, or null (no id, or no such account). */
  person(id: string): { id: string; nama: string } | null;
  /** Up to 50 other requests with this NIK whose files are kept, newest first. */
  sameNik(nik: string, exceptId: string): SameNikRow[];
}

export interface ColleagueDb {
  /** Active staff accounts by name. */
  activeStaff(): ColleagueRow[];
}

export interface AccessLogDb {
  count(): number;
  page(size: number, offset: number): AccessRow[];
}

/** PocketBase's date text as an ISO instant, or null. */
export function isoOrNull(text: unknown): string | null {
  const d = parsePbDate(text);
  return d ? d.toISOString() : null;
}

const caseTitle = (data: PortalData, row: { kind: CaseKind; layanan: string; jenis: string }): string => {
  if (row.kind === 'laporan') {
    const type = byId(data.reportTypes, row.jenis);
    return 'Laporan: ' + (type ? type.label : row.jenis);
  }
  const service = byId(data.services, row.layanan);
  return service ? service.title : row.layanan;
};

// ------------------------------------------------------------------ the SOP context of a case

export function flowOf(data: PortalData, layanan: string): FlowContext {
  const service = byId(data.services, layanan);
  return { steps: service ? service.steps : [], statuses: data.statuses, roles: data.roles };
}

export function reportFlowOf(data: PortalData, jenis: string): ReportFlowContext {
  const type = byId(data.reportTypes, jenis);
  return { statuses: data.reportStatuses, roles: data.roles, stageRoles: type ? type.stageRoles : {} };
}

export function stateOf(actor: Pick<Actor, 'id'>, row: Pick<CaseRow, 'status' | 'langkah' | 'assignee'>): CaseState {
  return { status: row.status, langkah: row.langkah, assignedToMe: Boolean(actor.id) && row.assignee === actor.id };
}

/** Whether the acting person may open this case at all (the API rules, again). */
export function maySee(actor: Actor, row: Pick<CaseRow, 'assignee'>): boolean {
  if (actor.access === 'semua') return true;
  if (actor.access !== 'ditugaskan') return false;
  return row.assignee === actor.id;
}

/**
 * Whether the case waits for this person: they may take its next step, or, when that step is a
 * field worker's and nobody is assigned yet, they are the one who assigns.
 */
export function waitsFor(data: PortalData, actor: Actor, row: CaseRow): boolean {
  const state = stateOf(actor, row);
  const isField = (role: string): boolean => Boolean(byId(data.roles, role)?.field);
  if (row.kind === 'laporan') {
    const ctx = reportFlowOf(data, row.jenis);
    const current = byId(data.reportStatuses, state.status);
    if (!current || current.closed) return false;
    for (const next of current.next) if (judgeReport(ctx, state, actor.roles, next).allowed) return true;
    if (row.assignee) return false;
    const office = data.roles.filter((x) => x.account && x.cases && !x.field).map((x) => x.id);
    const officeMoves = current.next.some((n) => judgeReport(ctx, { status: state.status, assignedToMe: false }, office, n).allowed);
    return !officeMoves && judgeReportTask(ctx, state, actor.roles, 'tugaskan').allowed;
  }
  const ctx = flowOf(data, row.layanan);
  const status = byId(data.statuses, state.status);
  if (status && status.meaning === 'repair') return judge(ctx, state, actor.roles, 'lanjutkan').allowed;
  if (judge(ctx, state, actor.roles, 'langkah').allowed) return true;
  const step = ctx.steps[state.langkah];
  const fieldStep = Boolean(step && step.roles.length > 0 && step.roles.every(isField));
  return fieldStep && !row.assignee && judge(ctx, state, actor.roles, 'tugaskan').allowed;
}

// ------------------------------------------------------------------ flags

/** Server-computed flags on a request: the same NIK elsewhere, and a NIK from outside the area. */
export function flagsOf(db: Pick<WorkspaceDb, 'sameNik'>, data: PortalData, row: CaseRow, now: Date): Tanda[] {
  if (row.kind !== 'permohonan' || row.berkas_dihapus) return [];
  const nik = row.nik;
  const nikRegion = nik.slice(0, 4);
  const flags: Tanda[] = [];
  const region = data.site.regionCode ? String(data.site.regionCode).replace(/\./g, '') : '';
  if (region && nik && nikRegion !== region) {
    flags.push({ kunci: 'nik_luar_wilayah', pesan: 'NIK terdaftar di luar wilayah kantor ini (kode wilayah ' + nikRegion + ', bukan ' + region + '). Periksa domisili pemohon.', terkait: [] });
  }
  const months = data.site.duplicateMonths || 12;
  const since = pbDate(new Date(now.getTime() - months * 30.44 * 86400000));
  const same: Tanda['terkait'] = [];
  const services: Tanda['terkait'] = [];
  for (const o of db.sameNik(nik, row.id)) {
    const status = byId(data.statuses, o.status);
    const service = byId(data.services, o.layanan);
    const item = { id: o.id, kode: o.kode_lacak, judul: service ? service.title : o.layanan, status_label: status ? status.label : o.status };
    const open = !status || !status.closed;
    if (o.layanan === row.layanan && (open || o.created >= since)) same.push(item);
    else if (o.layanan !== row.layanan && open) services.push(item);
  }
  if (same.length > 0) flags.push({ kunci: 'nik_layanan_sama', pesan: 'NIK yang sama punya permohonan ' + (same.length === 1 ? 'lain' : same.length + ' lain') + ' untuk layanan ini yang masih berjalan atau belum ' + months + ' bulan.', terkait: same });
  if (services.length > 0) flags.push({ kunci: 'beberapa_layanan', pesan: 'Orang yang sama sedang mengajukan ' + services.length + ' layanan lain.', terkait: services });
  return flags;
}

// ------------------------------------------------------------------ queues

const PAGE = 50;

/** Today in the office's time zone, as PocketBase date strings [start, end). */
export function officeDay(data: PortalData, now: Date): { start: string; end: string } {
  const offset = zoneOffsetHours(data.site.timeZone) * 3600000;
  const start = new Date(Math.floor((now.getTime() + offset) / 86400000) * 86400000 - offset);
  return { start: pbDate(start), end: pbDate(new Date(start.getTime() + 86400000)) };
}

export function itemOf(db: WorkspaceDb, data: PortalData, actor: Actor, row: CaseRow, now: Date): AntreanItem {
  const isReport = row.kind === 'laporan';
  const status = byId(isReport ? data.reportStatuses : data.statuses, row.status);
  const kec = byId(data.kecamatan, row.kecamatan);
  return {
    id: row.id,
    jenis: row.kind,
    kode: row.kode_lacak,
    judul: caseTitle(data, row),
    nama: isReport ? null : row.nama_lengkap,
    kecamatan: kec ? kec.name : row.kecamatan,
    status: row.status,
    status_label: status ? status.label : row.status,
    diajukan: isoOrNull(row.created)!,
    batas_tahap: isoOrNull(row.batas_tahap),
    terlambat: row.terlambat,
    mendesak: isReport && row.urgensi === 'mendesak',
    tanda: flagsOf(db, data, row, now).length,
    menunggu_saya: waitsFor(data, actor, row),
    petugas_lapangan: db.person(row.assignee),
  };
}

/** The search words as a filter: a tracking code, a NIK, a phone number, or a name. */
export function searchFilter(q: string, isReport: boolean): { expr: string; params: Record<string, string> } | null {
  const text = String(q || '').trim();
  if (!text) return null;
  const code = normaliseCode(text);
  if (code) return { expr: 'kode_lacak = {:q}', params: { q: code } };
  const digits = text.replace(/[\s.\-()]/g, '');
  if (/^\+?[0-9]{6,16}$/.test(digits)) {
    if (/^[0-9]{16}$/.test(digits) && !isReport) return { expr: '(nik = {:q} || nomor_kk = {:q})', params: { q: digits } };
    // Phones are stored as +62…: 0812…, 62812… and +62812… all find the same number.
    const national = digits.replace(/^\+?62/, '').replace(/^0/, '');
    const field = isReport ? 'telepon_pelapor' : 'telepon';
    return { expr: field + ' ~ {:q}', params: { q: national } };
  }
  if (isReport) return { expr: '(desa_kelurahan ~ {:q} || patokan ~ {:q})', params: { q: text } };
  return { expr: '(nama_lengkap ~ {:q} || nama_pengaju ~ {:q})', params: { q: text } };
}

/** GET /api/petugas/antrean: `get` reads one query parameter ("" when absent). */
export function antrean(db: WorkspaceDb, data: PortalData, actor: Actor, get: (key: string) => string, refuse: Refusals, now: Date): Antrean {
  const param = (k: string): string => String(get(k) || '').trim();
  const kind: CaseKind = param('jenis') === 'laporan' ? 'laporan' : 'permohonan';
  const isReport = kind === 'laporan';
  const parts: string[] = [];
  const params: Record<string, string> = {};
  if (actor.access === 'tidak') throw refuse.forbidden('Peran Anda tidak membuka permohonan dan laporan.');
  if (actor.access === 'ditugaskan') {
    parts.push((isReport ? 'ditugaskan_ke' : 'petugas_lapangan') + ' = {:me}');
    params.me = actor.id;
  }
  if (param('layanan')) {
    parts.push((isReport ? 'jenis' : 'layanan') + ' = {:layanan}');
    params.layanan = param('layanan');
  }
  if (param('kecamatan')) {
    parts.push('kecamatan = {:kecamatan}');
    params.kecamatan = param('kecamatan');
  }
  if (param('status')) {
    parts.push('status = {:status}');
    params.status = param('status');
  }
  if (param('terlambat') === '1') parts.push('terlambat = true');
  // The "Batas tahap hari ini" card's list: the stage is due within today (office time).
  if (param('jatuh_tempo') === '1') {
    const day = officeDay(data, now);
    parts.push('batas_tahap >= {:hari_mulai} && batas_tahap < {:hari_akhir}');
    params.hari_mulai = day.start;
    params.hari_akhir = day.end;
  }
  if (param('mendesak') === '1' && isReport) parts.push("urgensi = 'mendesak'");
  if (!param('status') && param('q') === '') parts.push("ditutup = ''");
  const search = searchFilter(param('q'), isReport);
  if (search) {
    parts.push(search.expr);
    Object.assign(params, search.params);
  }
  let page = Number(param('halaman') || '1');
  if (!Number.isInteger(page) || page < 1) page = 1;
  let rows = db.cases(kind, parts.join(' && '), isReport ? '-urgensi,created' : 'created', params);
  if (param('untuk_saya') === '1') rows = rows.filter((r) => waitsFor(data, actor, r));
  const total = rows.length;
  return {
    total,
    halaman: page,
    jumlah_halaman: Math.max(1, Math.ceil(total / PAGE)),
    per_halaman: PAGE,
    item: rows.slice((page - 1) * PAGE, page * PAGE).map((r) => itemOf(db, data, actor, r, now)),
    pilihan: {
      layanan: isReport ? data.reportTypes.map((t) => ({ id: t.id, label: t.label })) : data.services.filter((s) => s.onlineApplication).map((s) => ({ id: s.id, label: s.title })),
      kecamatan: data.kecamatan.map((k) => ({ id: k.id, label: k.name })),
      status: (isReport ? data.reportStatuses : data.statuses).map((s) => ({ id: s.id, label: s.label, jenis: kind })),
    },
  };
}

/** GET /api/petugas/hari-ini: counts one click from their lists, urgent reports, and what waits for me. */
export function hariIni(db: WorkspaceDb, data: PortalData, actor: Actor, now: Date): HariIni {
  if (actor.access === 'tidak') return { kartu: [], mendesak: [], menunggu_saya: [] };
  const mine = (kind: CaseKind): string => (actor.access === 'ditugaskan' ? ' && ' + (kind === 'laporan' ? 'ditugaskan_ke' : 'petugas_lapangan') + ' = {:me}' : '');
  const params = { me: actor.id };
  const open = "ditutup = ''";
  const day = officeDay(data, now);
  const initial = data.statuses.find((s) => s.meaning === 'initial');
  const permohonan = db.cases('permohonan', open + mine('permohonan'), 'created', params);
  const laporan = db.cases('laporan', open + mine('laporan'), '-urgensi,created', params);
  const waiting = permohonan.concat(laporan).filter((r) => waitsFor(data, actor, r));
  const cards: HariIni['kartu'] = [];
  cards.push({ kunci: 'menunggu_saya', label: 'Menunggu tindakan saya', jumlah: waiting.length, query: { untuk_saya: '1' } });
  if (actor.access === 'semua' && initial) cards.push({ kunci: 'baru', label: 'Permohonan baru', jumlah: permohonan.filter((r) => r.status === initial.id).length, query: { status: initial.id } });
  const due = permohonan.filter((r) => r.batas_tahap && r.batas_tahap >= day.start && r.batas_tahap < day.end).length;
  cards.push({ kunci: 'jatuh_tempo', label: 'Batas tahap hari ini', jumlah: due, query: { jatuh_tempo: '1' } });
  cards.push({ kunci: 'terlambat', label: 'Terlambat', jumlah: permohonan.filter((r) => r.terlambat).length, query: { terlambat: '1' } });
  const urgent = laporan.filter((r) => r.urgensi === 'mendesak');
  cards.push({ kunci: 'laporan_mendesak', label: 'Laporan mendesak', jumlah: urgent.length, query: { jenis: 'laporan', mendesak: '1' } });
  return {
    kartu: cards,
    mendesak: urgent.slice(0, 10).map((r) => itemOf(db, data, actor, r, now)),
    menunggu_saya: waiting.slice(0, 20).map((r) => itemOf(db, data, actor, r, now)),
  };
}

/**
 * GET /api/petugas/rekan?jenis=&kasus=: active field workers who may be assigned to the case
 * (already found and visible to the actor), those covering its kecamatan first.
 */
export function rekan(db: ColleagueDb, data: PortalData, actor: Actor, row: CaseRow): Rekan[] {
  let wanted = data.roles.filter((x) => x.account && x.field).map((x) => x.id);
  if (row.kind === 'permohonan') {
    const needed = nextFieldRoles(flowOf(data, row.layanan), stateOf(actor, row));
    if (needed.length > 0) wanted = needed;
  }
  const out: Rekan[] = [];
  for (const person of db.activeStaff()) {
    const role = person.roles.find((x) => wanted.includes(x));
    if (!role) continue;
    out.push({
      id: person.id,
      nama: person.nama,
      peran: byId(data.roles, role)?.label ?? role,
      kecamatan: person.kecamatan.map((k) => byId(data.kecamatan, k)?.name ?? k),
      disarankan: person.kecamatan.includes(row.kecamatan),
    });
  }
  out.sort((a, b) => (a.disarankan === b.disarankan ? a.nama.localeCompare(b.nama) : a.disarankan ? -1 : 1));
  return out;
}

/** GET /api/petugas/log-akses?halaman=: who opened which document, newest first. */
export function logAkses(db: AccessLogDb, page: number): LogAkses {
  const size = 50;
  const p = Number.isInteger(page) && page > 0 ? page : 1;
  const total = db.count();
  return {
    total,
    halaman: p,
    jumlah_halaman: Math.max(1, Math.ceil(total / size)),
    item: db.page(size, (p - 1) * size).map((r) => ({ waktu: isoOrNull(r.created)!, oleh: r.nama, kode: r.kode_lacak, jenis: r.koleksi as CaseKind, dokumen: r.dokumen, ditolak: r.ditolak })),
  };
}
