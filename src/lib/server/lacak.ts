// GET /api/lacak/{kode}: the public tracking answer. Only: service name, date submitted, current
// status, the history of status changes with their public notes, the SOP stages with standard
// times and whether each is late. Never a name, NIK, KK, phone, address, file or internal note.
// An unknown code gets the same keys (empty) and costs the same queries. A hot path (issue 16:
// at least 0.8× PocketBase's own record view): three small queries, no JSON parsed but the
// repair list of a request that waits for one.
import type { Lacak, RiwayatLacak, TahapLacak } from '../api/lacak';
import type { PortalData, PortalStatus } from '../portal-data';
import { applicantRoleLabel } from '../rules/applicant';
import { exampleCode, normaliseCode } from '../rules/tracking-code';
import { dueAt } from '../rules/working-time';
import { serviceTitle } from './common';

/** The few columns of the request or report with the code (plain SQL: whole records made the route half as fast). */
export interface LacakRow {
  kind: 'permohonan' | 'laporan';
  id: string;
  /** Service key (requests) or report kind (reports). */
  jenis: string;
  status: string;
  /** PocketBase's date text, "2026-11-23 01:00:00.000Z". */
  created: string;
  /** The documents asked for again, as the JSON text the column holds ("[]" for a report). */
  dokumen_perbaikan: string;
  berkas_dihapus: boolean;
  pemohon_adalah: string;
  /** How many letters were issued on the request (0 for a report): read in the same query. */
  jumlah_surat: number;
}

/** One history entry that may be public, in chain order. */
export interface LacakEvent {
  created: string;
  status: string;
  catatan_publik: string;
}

/** The database as the tracking answer needs it (pb_hooks/lib/lacak.js). */
export interface LacakDb {
  /** The request or report with this canonical code (codes of both share one space), or null. */
  find(code: string): LacakRow | null;
  /** Status changes, recorded steps and entries with a public note; `id` "-" finds none. */
  history(kind: LacakRow['kind'], id: string): LacakEvent[];
}

/** Looked up when the code is no valid code, so a bad code costs what a good one does. */
const PLACEHOLDER_CODE = 'XXX-XXX-XXX-XXX';

const NOT_FOUND = 'Kode pelacakan tidak ditemukan. Periksa kembali kode pada tanda terima Anda.';

const iso = (text: string): string => new Date(String(text).replace(' ', 'T')).toISOString();

export function lacak(db: LacakDb, data: PortalData, rawCode: unknown, now: Date): Lacak {
  const code = normaliseCode(String(rawCode || ''));
  const record = db.find(code || PLACEHOLDER_CODE);
  const isReport = record !== null && record.kind === 'laporan';
  const events = db.history(isReport ? 'laporan' : 'permohonan', record ? record.id : '-');

  const body: Lacak = {
    kode: code,
    ditemukan: record !== null,
    layanan: null,
    diajukan: null,
    // Who applied, as a role only ("Orang tua atau wali"), never a name: the applicant and the
    // recipient are often different people, and the documents to re-send belong to one of them.
    diajukan_oleh: null,
    status: null,
    // What the status means to the system, so a client needs no status key of any office.
    status_arti: null,
    status_label: null,
    status_keterangan: null,
    selesai: false,
    dapat_dinilai: false,
    dalam_waktu_standar: null,
    perkiraan_hari_kerja: null,
    tahapan: [],
    riwayat: [],
    dokumen_perbaikan: [],
    ada_surat: false,
    pesan: null,
  };
  if (!record) {
    body.pesan = code ? NOT_FOUND : `Kode pelacakan tidak sah. Tulis kode seperti pada tanda terima, misalnya ${exampleCode(data.site.trackingPrefix)}.`;
    return body;
  }

  const statuses: readonly PortalStatus[] = isReport ? data.reportStatuses : data.statuses;
  const findStatus = (id: string): PortalStatus | undefined => statuses.find((s) => s.id === id);
  const reportType = isReport ? data.reportTypes.find((t) => t.id === record.jenis) : undefined;
  const service = isReport ? undefined : data.services.find((s) => s.id === record.jenis);
  const statusInfo = findStatus(record.status);

  body.layanan = isReport ? `Laporan: ${reportType ? reportType.label : record.jenis}` : service ? serviceTitle(service) : record.jenis;
  body.diajukan = iso(record.created);
  body.diajukan_oleh = isReport || !record.pemohon_adalah ? null : applicantRoleLabel(record.pemohon_adalah, data.site.villages);
  body.status = record.status;
  body.status_arti = statusInfo?.meaning ?? null;
  body.status_label = statusInfo ? statusInfo.label : record.status;
  body.status_keterangan = statusInfo ? statusInfo.description : null;
  body.selesai = statusInfo ? statusInfo.closed : false;
  body.perkiraan_hari_kerja = service && service.expectedDays ? { min: service.expectedDays.min, maks: service.expectedDays.max } : null;
  body.dapat_dinilai = Boolean(statusInfo && statusInfo.meaning === 'success' && !record.berkas_dihapus);

  const history: RiwayatLacak[] = events.map((ev) => {
    const s = findStatus(ev.status);
    return { waktu: iso(ev.created), status: ev.status, status_arti: s?.meaning ?? null, status_label: s ? s.label : ev.status, catatan: ev.catatan_publik };
  });
  body.riwayat = history;
  body.tahapan = stagesOf((service ?? reportType)?.stages ?? [], history, findStatus, body.selesai, data, now);
  body.dalam_waktu_standar = !body.tahapan.some((t) => t.terlambat);

  if (!isReport) {
    body.ada_surat = record.jumlah_surat > 0;
    // Sent back to the applicant: the documents to send again.
    if (body.status_arti === 'repair') {
      const keys = (JSON.parse(record.dokumen_perbaikan || '[]') as string[] | null) ?? [];
      body.dokumen_perbaikan = keys.map((key) => data.documentTypes.find((d) => d.id === key)?.label ?? key);
    }
  }
  return body;
}

/**
 * Each SOP stage: reached when its status first appears in the history, left at the next
 * different status. Only a stage whose time the SOP fixes has a due date and can be late; a
 * closed case stops every clock at its last entry.
 */
function stagesOf(
  stages: readonly { status: string; minutes: number; timed: boolean }[],
  history: readonly RiwayatLacak[],
  findStatus: (id: string) => PortalStatus | undefined,
  closed: boolean,
  data: PortalData,
  now: Date,
): TahapLacak[] {
  return stages.map((stage) => {
    let start: number | null = null;
    let end: number | null = null;
    for (let i = 0; i < history.length; i++) {
      if (start === null && history[i]!.status === stage.status) start = i;
      else if (start !== null && history[i]!.status !== stage.status) {
        end = i;
        break;
      }
    }
    const mulai = start === null ? null : history[start]!.waktu;
    const selesai = end === null ? null : history[end]!.waktu;
    let batas: string | null = null;
    let terlambat = false;
    if (mulai && stage.timed) {
      batas = dueAt(new Date(mulai), stage.minutes, data.site.calendar).toISOString();
      const until = selesai ? new Date(selesai) : closed ? new Date(history[history.length - 1]!.waktu) : now;
      terlambat = until.getTime() > new Date(batas).getTime();
    }
    const info = findStatus(stage.status);
    return { status: stage.status, label: info ? info.label : stage.status, menit_standar: stage.minutes, waktu_tetap: stage.timed, mulai, selesai, batas, terlambat };
  });
}
