/// <reference path="../pb_data/types.d.ts" />
// The workflow's guards outside the staff workspace's own routes (petugas.pb.js):
// - staff change requests and reports only through their actions; the records API lets nobody
//   but a superuser update them, and a superuser (an administrator in the admin UI) may correct
//   data but never an outcome: status, step, assignment, result, deadline or closing; each edit is
//   recorded as done by "administrator";
// - due dates and closing times follow every status change, whoever saves;
// - the history and the access log are append-only for everyone, superusers included: no
//   create, update, delete or truncate through any API, no change to those collections' rules or
//   fields; their hash chains (lib/chain.js) show any edit made around the API (SQL console).

onRecordUpdateRequest((e) => {
  const workflow = require(`${__hooks}/lib/workflow.js`);
  const staff = require(`${__hooks}/lib/staff.js`);
  const data = require(`${__hooks}/lib/portal.js`).required();
  const before = e.record.original();
  const changed = workflow.changedFields(before, e.record);
  const problems = workflow.adminEditProblems(data, before, e.record, changed);
  const keys = Object.keys(problems);
  if (keys.length > 0) throw require(`${__hooks}/lib/server.js`).fieldErrors(problems, problems[keys[0]]);
  const actor = staff.actorOf(e.auth);
  const who = actor ? actor.label : "tidak diketahui";
  workflow.inOneTransaction(e, (txApp) => {
    e.next();
    if (changed.length > 0) workflow.recordAdminEdit(txApp, e.record, changed, who);
  });
}, "permohonan", "laporan");

onRecordUpdate((e) => {
  require(`${__hooks}/lib/workflow.js`).setStageDates(e.app, e.record, e.record.original().getString("status"));
  e.next();
}, "permohonan", "laporan");

// The audit collections: both histories and the access log. Only the registrations below use
// this (a handler runs in another VM and cannot see it); every hook file loads into one VM, so the
// name must be unique across pb_hooks.
const AUDIT_COLLECTIONS = ["riwayat_permohonan", "riwayat_laporan", "log_akses"];

onRecordCreateRequest((e) => {
  throw new ForbiddenError("Riwayat dan catatan akses dibuat otomatis oleh sistem; tidak dapat ditambah secara manual.", {});
}, ...AUDIT_COLLECTIONS);
onRecordUpdateRequest((e) => {
  throw new ForbiddenError("Riwayat dan catatan akses adalah catatan audit dan tidak dapat diubah.", {});
}, ...AUDIT_COLLECTIONS);
onRecordDeleteRequest((e) => {
  throw new ForbiddenError("Riwayat dan catatan akses adalah catatan audit dan tidak dapat dihapus.", {});
}, ...AUDIT_COLLECTIONS);
// Not even server code deletes an audit entry (a cascade, a script): retention empties notes only.
onRecordDelete((e) => {
  throw new ForbiddenError("Riwayat dan catatan akses tidak dapat dihapus.", {});
}, ...AUDIT_COLLECTIONS);
// An entry, once sealed by its hash, never changes through a save (retention's note redaction
// is a direct update that the chain allows for, see lib/chain.js).
onRecordUpdate((e) => {
  if (e.record.original().getString("hash")) throw new ForbiddenError("Entri riwayat yang sudah dicatat tidak dapat diubah.", {});
  e.next();
}, ...AUDIT_COLLECTIONS);

// A request with its history cannot be deleted through the API either: it is closed instead.
onRecordDeleteRequest((e) => {
  throw new ForbiddenError("Permohonan dan laporan tidak dapat dihapus. Tutup dengan status yang sesuai; berkas dihapus otomatis setelah masa retensi.", {});
}, "permohonan", "laporan");

// The collections themselves (no truncate, delete, rule change or SQL write from the console):
// a step of lib/middlewares.js.

cronAdd("tandai_terlambat", "*/15 * * * *", () => {
  require(`${__hooks}/lib/workflow.js`).markOverdue($app);
});

// PocketBase runs cron in UTC; the daily jobs below are set at the office's local time (the time
// zone in content/site/site.yaml), so an office in WITA or WIT gets them at the same local hour.
const officeCron = (hour, minute) => {
  const rules = require(`${__hooks}/lib/rules.generated.js`);
  const data = require(`${__hooks}/lib/portal.js`).required();
  return rules.dailyCron(hour, minute, rules.zoneOffsetHours(data.site.timeZone));
};

// 08.00 office time: the overdue digest, by email when SMTP is set up, otherwise logged.
cronAdd("ringkasan_terlambat", officeCron(8, 0), () => {
  require(`${__hooks}/lib/workflow.js`).sendDigest($app);
});

// 02.30 office time: delete document files and personal data of requests closed longer than the
// retention period (content/site/site.yaml retentionDays).
cronAdd("retensi_berkas", officeCron(2, 30), () => {
  require(`${__hooks}/lib/workflow.js`).applyRetention($app, new Date());
});

// 03.00 office time: check every hash chain of the history and the access log; a break is logged
// as an error and mailed to the administrators when SMTP is set up.
cronAdd("periksa_riwayat", officeCron(3, 0), () => {
  require(`${__hooks}/lib/audit.js`).checkAndReport($app);
});

// The nightly backup (migration 1790000400_cadangan.js) was written as 02.00 WIB; an office in
// another time zone gets it at 02.00 its own time. A schedule an administrator chose in the
// admin UI is left alone.
onBootstrap((e) => {
  e.next();
  const rules = require(`${__hooks}/lib/rules.generated.js`);
  const data = require(`${__hooks}/lib/portal.js`).required();
  const wanted = rules.dailyCron(2, 0, rules.zoneOffsetHours(data.site.timeZone));
  const settings = e.app.settings();
  if (settings.backups.cron !== rules.dailyCron(2, 0, 7) || settings.backups.cron === wanted) return;
  settings.backups.cron = wanted;
  e.app.save(settings);
});
