// GET /api/petugas/kasus/{jenis}/{id}: one request or report as the signed-in person may see it
// (`Kasus`), the actions they may take on it, and a field worker's visits (GET /api/petugas/lapangan,
// `Kunjungan`). Least privilege: a field worker (akses_kasus "ditugaskan") gets only what a home
// visit needs: no NIK, KK, date of birth, eligibility answers, internal notes, flags or letters,
// and only the documents their roles open (content/reference/roles.yaml). The case was found
// and checked visible by the hook (pb_hooks/lib/case-view.js), which hands it over as `CaseFile`.
import type { AksiTersedia, Kasus, Kunjungan, PesanItem, RiwayatKasus, SuratKasus } from '../api/petugas';
import type { PortalData } from '../portal-data';
import { documentNeed } from '../rules/applicant';
import { allowedActions, decidingRoles, judge, judgeReport, judgeReportTask, recordsVisitResult } from '../rules/sop-flow';
import { officeDate } from '../rules/working-time';
import { byId } from './common';
import { flagsOf, flowOf, isoOrNull, reportFlowOf, stateOf, type Actor, type CaseRow, type WorkspaceDb } from './workspace';

/** A request or report with everything the case file shows (plain values; JSON fields parsed). */
export interface CaseFile extends CaseRow {
  // Requests ("" / empty when a report).
  nomor_kk: string;
  tanggal_lahir: string;
  telepon: string;
  desa_kelurahan: string;
  alamat: string;
  pemohon_adalah: string;
  nama_pengaju: string;
  hubungan: string;
  nik_pengaju: string;
  jawaban_kelayakan: Record<string, string>;
  pemeriksaan_dokumen: Record<string, DokumenCheck>;
  dokumen_perbaikan: string[];
  /** The stored file name of each document field of the service ("" when not sent). */
  berkas: Record<string, string>;
  hasil_verifikasi: string;
  tanggal_verifikasi: string;
  catatan_verifikasi: string;
  foto_verifikasi: string[];
  lokasi_kunjungan: { lintang: number | null; bujur: number | null } | null;
  // Reports.
  nama_pelapor: string;
  telepon_pelapor: string;
  deskripsi: string;
  patokan: string;
  lintang: number | null;
  bujur: number | null;
  anonim: boolean;
  diteruskan_ke: string[];
  unit_tujuan: string;
  penanganan: string[];
  /** The `penanganan` field's choices (migration 1790000600_laporan.js). */
  penanganan_pilihan: string[];
  foto: string[];
}

type DokumenCheck = NonNullable<Kasus['dokumen'][number]['pemeriksaan']>;

/** One entry of the case's history, in chain order. */
export interface HistoryRow {
  created: string;
  jenis: string;
  status: string;
  petugas: string;
  catatan_publik: string;
  catatan_internal: string;
  /** The step index as stored, or null when the field is empty. */
  langkah: number | null;
}

/** A letter issued on the request. */
export interface CaseLetterRow {
  id: string;
  nomor: string;
  judul: string;
  status: string;
  tanggal: string;
  templat: string;
  pindaian: string;
}

/** The database as the case file needs it (pb_hooks/lib/case-view.js). */
export interface CaseViewDb extends Pick<WorkspaceDb, 'person' | 'sameNik'> {
  history(kind: CaseRow['kind'], id: string): HistoryRow[];
  /** Messages to the person about this case, newest first (lib/notify.js). */
  messages(): PesanItem[];
  /** Earlier versions of the request's documents, by document key, newest first (lib/unggah-ulang.js). */
  versions(requestId: string): Record<string, Kasus['dokumen'][number]['versi']>;
  letters(requestId: string): CaseLetterRow[];
}

export const ACTION_LABELS: Record<AksiTersedia['aksi'], string> = {
  langkah: 'Catat langkah ini',
  perbaikan: 'Minta perbaikan dokumen',
  lanjutkan: 'Lanjutkan pemeriksaan',
  'periksa-dokumen': 'Simpan pemeriksaan dokumen',
  tolak: 'Tolak permohonan',
  batal: 'Batalkan permohonan',
  tugaskan: 'Tugaskan petugas lapangan',
  'buka-kembali': 'Buka kembali permohonan',
  catatan: 'Tambah catatan',
  status: 'Ubah status laporan',
  penanganan: 'Catat penanganan',
};

// How a report was handled: the `penanganan` field's choices.
const HANDLING_LABELS: Record<string, string> = {
  rujukan_rumah_sakit: 'Rujukan ke rumah sakit',
  rumah_singgah: 'Rumah singgah/RPS',
  pemulangan: 'Pemulangan ke daerah asal',
  pendampingan: 'Pendampingan',
  lainnya: 'Lainnya',
};

/** Whether the acting person sees only what a home visit needs. */
export function fieldView(actor: Actor): boolean {
  return !actor.admin && actor.access === 'ditugaskan';
}

/** Document types the actor may open (office roles and administrators: all, null). */
export function openableDocuments(data: PortalData, actor: Actor): string[] | null {
  if (actor.admin || actor.access === 'semua') return null;
  const docs: string[] = [];
  for (const role of data.roles) if (actor.roles.includes(role.id)) for (const d of role.documents) if (!docs.includes(d)) docs.push(d);
  return docs;
}

/**
 * Whether the actor may open this document field of a case they see: office roles all of them, a
 * field role those its roles need, and everyone the visit and report photos.
 */
export function mayOpenDocument(data: PortalData, actor: Actor, field: string): boolean {
  const docs = openableDocuments(data, actor);
  return docs === null || docs.includes(field) || field === 'foto_verifikasi' || field === 'foto';
}

/** The roles that may revoke a letter: those deciding the request's SOP, and the letter's signatory. */
export function letterRevokers(data: PortalData, layanan: string, templat: string): string[] {
  const template = (data.letters || []).find((t) => t.id === templat);
  const roles = decidingRoles(flowOf(data, layanan));
  if (template && !roles.includes(template.signatoryRole)) roles.push(template.signatoryRole);
  return roles;
}

const osmPoint = (lat: number, lng: number): string => 'https://www.openstreetmap.org/?mlat=' + lat + '&mlon=' + lng + '#map=17/' + lat + '/' + lng;
const osmSearch = (place: string): string => 'https://www.openstreetmap.org/search?query=' + encodeURIComponent(place);

function mapLink(c: CaseFile): string | null {
  if (c.lintang && c.bujur) return osmPoint(c.lintang, c.bujur);
  const place = [c.alamat || c.patokan, c.desa_kelurahan].filter(Boolean).join(', ');
  return place ? osmSearch(place) : null;
}

/** The actions this person may take on the case now, each with what it needs. */
export function actionsFor(data: PortalData, actor: Actor, c: CaseFile): AksiTersedia[] {
  const state = stateOf(actor, c);
  const out: AksiTersedia[] = [];
  if (c.kind === 'laporan') {
    const ctx = reportFlowOf(data, c.jenis);
    const current = byId(data.reportStatuses, state.status);
    const targets = (current ? current.next : [])
      .filter((id) => judgeReport(ctx, state, actor.roles, id).allowed)
      .map((id) => {
        const s = byId(data.reportStatuses, id);
        return { id, label: s ? s.label : id, perlu_alasan: Boolean(s && s.needsReason), menutup: Boolean(s && s.closed) };
      });
    if (targets.length > 0) out.push({ aksi: 'status', label: ACTION_LABELS.status, keterangan: '', perlu: ['status', 'catatan_publik'], tujuan: targets });
    if (judgeReportTask(ctx, state, actor.roles, 'tugaskan').allowed) {
      const pillars = (data.pilarSosial || []).map((p) => ({ id: p.id, label: p.name }));
      out.push({ aksi: 'tugaskan', label: 'Teruskan atau tugaskan laporan', keterangan: '', perlu: ['penerusan'], pilihan: pillars });
    }
    if (judgeReportTask(ctx, state, actor.roles, 'penanganan').allowed) {
      out.push({ aksi: 'penanganan', label: ACTION_LABELS.penanganan, keterangan: '', perlu: ['penanganan'], pilihan: c.penanganan_pilihan.map((id) => ({ id, label: HANDLING_LABELS[id] || id })) });
    }
    if (!current || !current.closed) out.push({ aksi: 'catatan', label: ACTION_LABELS.catatan, keterangan: '', perlu: [] });
    return out;
  }
  const ctx = flowOf(data, c.layanan);
  const step = ctx.steps[state.langkah];
  for (const a of allowedActions(ctx, state, actor.roles)) {
    const item: AksiTersedia = { aksi: a, label: ACTION_LABELS[a], keterangan: '', perlu: [] };
    if (a === 'langkah' && step) {
      item.keterangan = step.activity;
      item.label = step.kind === 'decision' ? 'Setujui: ' + step.activity : step.kind === 'end' ? 'Selesaikan: ' + step.activity : 'Catat selesai: ' + step.activity;
      if (recordsVisitResult(ctx, state.langkah)) item.perlu = ['hasil_verifikasi'];
    }
    if (a === 'perbaikan') item.perlu = ['dokumen_perbaikan', 'catatan_publik'];
    if (a === 'tolak' || a === 'batal') item.perlu = ['catatan_publik'];
    if (a === 'buka-kembali') item.perlu = ['alasan'];
    if (a === 'tugaskan') item.perlu = ['petugas_lapangan'];
    if (a === 'periksa-dokumen') item.perlu = ['pemeriksaan'];
    out.push(item);
  }
  const status = byId(data.statuses, state.status);
  if (!status || !status.closed) out.push({ aksi: 'catatan', label: ACTION_LABELS.catatan, keterangan: '', perlu: [] });
  return out;
}

/** GET /api/petugas/kasus/{jenis}/{id}: the case file, as this person may see it. */
export function kasus(db: CaseViewDb, data: PortalData, actor: Actor, c: CaseFile, now: Date): Kasus {
  const isReport = c.kind === 'laporan';
  const field = fieldView(actor);
  const status = byId(isReport ? data.reportStatuses : data.statuses, c.status);
  const kec = byId(data.kecamatan, c.kecamatan);
  const service = isReport ? undefined : byId(data.services, c.layanan);
  const type = isReport ? byId(data.reportTypes, c.jenis) : undefined;
  const open = openableDocuments(data, actor);
  const closed = Boolean(status && status.closed);
  const sealed = Boolean(closed && (status!.meaning === 'success' || status!.meaning === 'rejected'));
  const entries = db.history(c.kind, c.id);
  const riwayat: RiwayatKasus[] = entries.map((e) => {
    const s = byId(isReport ? data.reportStatuses : data.statuses, e.status);
    return {
      waktu: isoOrNull(e.created)!,
      jenis: e.jenis,
      status_label: s ? s.label : e.status,
      oleh: e.petugas,
      catatan_publik: e.catatan_publik,
      // Internal notes are among office staff only.
      catatan_internal: field ? '' : e.catatan_internal,
      langkah: e.langkah === null || e.jenis !== 'langkah' ? null : e.langkah,
    };
  });

  const body: Kasus = {
    id: c.id,
    jenis: c.kind,
    kode: c.kode_lacak,
    judul: isReport ? 'Laporan: ' + (type ? type.label : c.jenis) : service ? service.title : c.layanan,
    layanan: isReport ? null : c.layanan,
    status: { id: c.status, label: status ? status.label : c.status, meaning: status && status.meaning ? status.meaning : null, ditutup: closed },
    diajukan: isoOrNull(c.created)!,
    batas_tahap: isoOrNull(c.batas_tahap),
    terlambat: c.terlambat,
    disegel: sealed,
    orang: {
      nama: isReport ? c.nama_pelapor || null : c.nama_lengkap,
      // NIK, KK, date of birth and who applied are for office roles only.
      nik: isReport || field ? null : c.nik,
      nomor_kk: isReport || field ? null : c.nomor_kk,
      tanggal_lahir: isReport || field ? null : isoOrNull(c.tanggal_lahir) || '',
      telepon: (isReport ? c.telepon_pelapor : c.telepon) || null,
      kecamatan: kec ? kec.name : c.kecamatan,
      desa_kelurahan: c.desa_kelurahan || null,
      alamat: isReport ? null : c.alamat,
      pemohon_adalah: isReport || field ? null : c.pemohon_adalah,
      nama_pengaju: isReport || field ? null : c.nama_pengaju || null,
      hubungan: isReport || field ? null : c.hubungan || null,
      nik_pengaju: isReport || field ? null : c.nik_pengaju || null,
    },
    laporan: isReport
      ? {
          urgensi: c.urgensi as 'biasa' | 'mendesak',
          deskripsi: c.deskripsi,
          patokan: c.patokan,
          lintang: c.lintang || null,
          bujur: c.bujur || null,
          anonim: c.anonim,
          diteruskan_ke: c.diteruskan_ke,
          diteruskan_label: c.diteruskan_ke.map((id) => byId(data.pilarSosial || [], id)?.name ?? id),
          unit_tujuan: c.unit_tujuan,
          penanganan: c.penanganan,
          penanganan_label: c.penanganan.map((id) => HANDLING_LABELS[id] || id),
          foto: c.foto,
        }
      : null,
    kelayakan: [],
    dokumen: [],
    petugas_lapangan: db.person(c.assignee),
    verifikasi: null,
    langkah: [],
    riwayat,
    tanda: field ? [] : flagsOf(db, data, c, now),
    aksi: actionsFor(data, actor, c),
    peta: mapLink(c),
    pesan: db.messages(),
    surat: [],
  };

  if (!isReport && service) {
    if (!field) {
      const answers = c.jawaban_kelayakan;
      body.kelayakan = service.questions.map((q) => ({ pertanyaan: q.question, jawaban: answers[q.id] || '', diharapkan: q.expected, sesuai: answers[q.id] === q.expected }));
    }
    const versions = db.versions(c.id);
    // What this application had to carry: a child's case asks no KTP, a self-applicant's no
    // guardian's KTP (the same documentNeed the form and the create hook use).
    const who = { pemohon_adalah: c.pemohon_adalah, tanggal_lahir: c.tanggal_lahir.slice(0, 10) };
    const today = officeDate(now, data.site.timeZone);
    const needOf = (d: (typeof service.documents)[number]) => documentNeed(d, who, today);
    body.dokumen = service.documents
      .filter((d) => open === null || open.includes(d.key))
      .filter((d) => needOf(d) !== 'tidak_diminta' || c.berkas[d.key])
      .map((d) => ({
        kunci: d.key,
        label: d.label,
        wajib: needOf(d) === 'wajib',
        berkas: c.berkas[d.key] || null,
        pemeriksaan: c.pemeriksaan_dokumen[d.key] || null,
        diminta_ulang: status && status.meaning === 'repair' ? c.dokumen_perbaikan.includes(d.key) : false,
        // Files this one replaced, kept until the request closes.
        versi: versions[d.key] || [],
      }));
    const location = c.lokasi_kunjungan;
    body.verifikasi = {
      hasil: (c.hasil_verifikasi || null) as 'layak' | 'tidak_layak' | null,
      tanggal: isoOrNull(c.tanggal_verifikasi),
      catatan: c.catatan_verifikasi || null,
      foto: c.foto_verifikasi,
      lintang: location ? location.lintang : null,
      bujur: location ? location.bujur : null,
    };
    // Who recorded each SOP step: the history's step entries (a later entry for the same step wins).
    const done: Record<number, { oleh: string; waktu: string }> = {};
    for (const e of entries) if (e.jenis === 'langkah') done[e.langkah ?? 0] = { oleh: e.petugas, waktu: isoOrNull(e.created)! };
    body.langkah = service.steps.map((s, i) => ({
      indeks: i,
      tahap: s.stage,
      tahap_label: (byId(data.statuses, s.stage) || { label: s.stage }).label,
      kegiatan: s.activity,
      jenis: s.kind,
      peran: s.roles.map((id) => ({ id, label: byId(data.roles, id)?.label ?? id })),
      dicatat: done[i] || (i < c.langkah && i === 0 ? { oleh: 'pemohon (lewat portal)', waktu: isoOrNull(c.created)! } : null),
      sekarang: !closed && i === c.langkah,
    }));
  }
  if (!isReport && !field) {
    // Letters issued on this request, and whether this person may revoke them.
    body.surat = db.letters(c.id).map(
      (l): SuratKasus => ({
        id: l.id,
        nomor: l.nomor,
        judul: l.judul,
        status: l.status as SuratKasus['status'],
        tanggal: isoOrNull(l.tanggal)!,
        boleh_cabut: l.status === 'berlaku' && actor.roles.some((role) => letterRevokers(data, c.layanan, l.templat).includes(role)),
        pindaian: l.pindaian || null,
      }),
    );
  }
  return body;
}

/** GET /api/petugas/lapangan: my open assigned cases whose next step is mine. */
export function kunjungan(data: PortalData, actor: Actor, requests: CaseFile[], reports: CaseFile[]): Kunjungan[] {
  const out: Kunjungan[] = [];
  for (const c of requests) {
    const ctx = flowOf(data, c.layanan);
    const state = stateOf(actor, c);
    if (!judge(ctx, state, actor.roles, 'langkah').allowed) continue;
    const step = ctx.steps[state.langkah];
    const service = byId(data.services, c.layanan);
    const kec = byId(data.kecamatan, c.kecamatan);
    const place = [c.alamat, c.desa_kelurahan, kec ? kec.name : ''].filter(Boolean).join(', ');
    out.push({
      id: c.id,
      jenis: 'permohonan',
      kode: c.kode_lacak,
      judul: service ? service.title : c.layanan,
      nama: c.nama_lengkap,
      telepon: c.telepon || null,
      kecamatan: kec ? kec.name : c.kecamatan,
      desa_kelurahan: c.desa_kelurahan || null,
      alamat: c.alamat || null,
      peta: place ? osmSearch(place) : null,
      kegiatan: step ? step.activity : '',
      perlu_hasil: recordsVisitResult(ctx, state.langkah),
      batas_tahap: isoOrNull(c.batas_tahap),
      terlambat: c.terlambat,
      mendesak: false,
      tujuan: [],
    });
  }
  for (const c of reports) {
    const type = byId(data.reportTypes, c.jenis);
    const kec = byId(data.kecamatan, c.kecamatan);
    const status = actionsFor(data, actor, c).find((a) => a.aksi === 'status');
    out.push({
      id: c.id,
      jenis: 'laporan',
      kode: c.kode_lacak,
      judul: 'Laporan: ' + (type ? type.label : c.jenis),
      nama: null,
      telepon: c.telepon_pelapor || null,
      kecamatan: kec ? kec.name : c.kecamatan,
      desa_kelurahan: c.desa_kelurahan || null,
      alamat: c.patokan || null,
      peta: c.lintang && c.bujur ? osmPoint(c.lintang, c.bujur) : null,
      kegiatan: c.deskripsi,
      perlu_hasil: false,
      batas_tahap: isoOrNull(c.batas_tahap),
      terlambat: c.terlambat,
      mendesak: c.urgensi === 'mendesak',
      // The status changes this person may record, as the case view offers them.
      tujuan: status ? status.tujuan || [] : [],
    });
  }
  return out;
}
