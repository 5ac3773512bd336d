/// <reference path="../pb_data/types.d.ts" />
// Staff workflow in the admin UI (which uses the same records API): allowed status changes
// with Indonesian messages, a reason for the applicant where one is due, locked identity
// fields, and an audit entry for every change with the staff account that made it.

onRecordUpdateRequest((e) => {
  const portal = require(`${__hooks}/lib/portal.js`);
  const rules = require(`${__hooks}/lib/rules.generated.js`);
  const workflow = require(`${__hooks}/lib/workflow.js`);
  const data = portal.required();
  const before = e.record.original();
  const changed = workflow.changedFields(before, e.record);
  const flow = workflow.flowOf(data, e.record);

  const problems = {};
  for (let i = 0; i < flow.locked.length; i++) {
    const field = flow.locked[i];
    if (changed.indexOf(field) >= 0) problems[field] = "Kolom ini tidak boleh diubah: kolom ini menandai permohonan atau membuktikan persetujuan pemohon.";
  }
  const transition = rules.transitionProblem(flow.statuses, before.getString("status"), e.record.getString("status"), e.record.getString("catatan_publik"), changed.indexOf("catatan_publik") >= 0);
  if (transition) problems[transition.field] = transition.message;
  if (changed.indexOf("kecamatan") >= 0 && !data.kecamatan.some((k) => k.id === e.record.getString("kecamatan"))) {
    problems.kecamatan = "Kecamatan tidak dikenal. Pakai kunci dari daftar kecamatan, misalnya " + data.kecamatan[0].id + ".";
  }
  const ppks = e.record.getString("kategori_ppks");
  if (changed.indexOf("kategori_ppks") >= 0 && ppks && !data.ppks.some((p) => p.id === ppks)) {
    problems.kategori_ppks = "Kategori PPKS tidak dikenal. Pakai kunci dari daftar PPKS, misalnya penyandang-disabilitas.";
  }
  const keys = Object.keys(problems);
  if (keys.length > 0) {
    const errors = {};
    for (let i = 0; i < keys.length; i++) errors[keys[i]] = new ValidationError("validation_failed", problems[keys[i]]);
    throw new BadRequestError(problems[keys[0]], errors);
  }

  const who = e.auth ? e.auth.email() || e.auth.id : "tidak diketahui";
  // The change and its audit entries are saved together or not at all.
  workflow.inOneTransaction(e, (txApp) => {
    e.next();
    workflow.recordEvents(txApp, before, e.record, changed, who, data.documentTypes.map((d) => d.id));
  });
}, "permohonan", "laporan");

// Due date of the current stage and the closing time follow every status change, whoever saves.
onRecordUpdate((e) => {
  require(`${__hooks}/lib/workflow.js`).setStageDates(e.app, e.record, e.record.original().getString("status"));
  e.next();
}, "permohonan", "laporan");

// The history is an audit trail: append-only for everyone, superusers and the admin UI included.
// Entries are written by these hooks only (through app.save, not the records API).
onRecordCreateRequest((e) => {
  throw new ForbiddenError("Riwayat dibuat otomatis oleh sistem; tidak dapat ditambah secara manual.");
}, "riwayat_permohonan", "riwayat_laporan");
onRecordUpdateRequest((e) => {
  throw new ForbiddenError("Riwayat adalah catatan audit dan tidak dapat diubah.");
}, "riwayat_permohonan", "riwayat_laporan");
onRecordDeleteRequest((e) => {
  throw new ForbiddenError("Riwayat adalah catatan audit dan tidak dapat dihapus.");
}, "riwayat_permohonan", "riwayat_laporan");

// A request with its history cannot be deleted through the API either: it is closed instead.
onRecordDeleteRequest((e) => {
  throw new ForbiddenError("Permohonan dan laporan tidak dapat dihapus. Tutup dengan status yang sesuai; berkas dihapus otomatis setelah masa retensi.");
}, "permohonan", "laporan");

cronAdd("tandai_terlambat", "*/15 * * * *", () => {
  require(`${__hooks}/lib/workflow.js`).markOverdue($app);
});

// 08.00 WIB (01.00 UTC): the overdue digest, by email when SMTP is set up, otherwise logged.
cronAdd("ringkasan_terlambat", "0 1 * * *", () => {
  require(`${__hooks}/lib/workflow.js`).sendDigest($app);
});

// 02.30 WIB: delete document files and personal data of requests closed longer than the
// retention period (content/site/site.yaml retentionDays).
cronAdd("retensi_berkas", "30 19 * * *", () => {
  require(`${__hooks}/lib/workflow.js`).applyRetention($app, new Date());
});
