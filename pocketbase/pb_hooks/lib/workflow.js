// Staff workflow on the server: stage due dates, the audit trail, overdue flags, the daily
// digest, retention and the LAKIN export. The rules themselves (allowed transitions, which
// change is which kind of event) come from rules.generated.js, shared with the tests.

function rules() {
  return require(`${__hooks}/lib/rules.generated.js`);
}
function portal() {
  return require(`${__hooks}/lib/portal.js`);
}

/** PocketBase's date format: "2026-11-23 01:00:00.000Z". */
function pbDate(d) {
  return d.toISOString().replace("T", " ");
}

/**
 * What differs between applications and reports: their statuses, SOP stages, history
 * collection and locked fields. Everything else in the workflow is shared.
 */
function flowOf(data, record) {
  if (record.collection().name === "laporan") {
    const type = data.reportTypes.find((t) => t.id === record.getString("jenis"));
    return {
      statuses: data.reportStatuses,
      stages: type ? type.stages : [],
      history: "riwayat_laporan",
      relation: "laporan",
      locked: ["kode_lacak", "id_pengiriman", "persetujuan_versi", "persetujuan_waktu"],
    };
  }
  const service = portal().service(data, record.getString("layanan"));
  return {
    statuses: data.statuses,
    stages: service ? service.stages : [],
    history: "riwayat_permohonan",
    relation: "permohonan",
    locked: rules().LOCKED_FIELDS,
  };
}

/** Due date of the record's current stage and the closing time, when the status changed. */
function setStageDates(app, record, previousStatus) {
  const data = portal().required();
  const status = record.getString("status");
  if (status === previousStatus) return;
  const flow = flowOf(data, record);
  const stage = flow.stages.find((s) => s.status === status);
  const offset = rules().zoneOffsetHours(data.site.timeZone);
  record.set("batas_tahap", stage ? pbDate(rules().dueAt(new Date(), stage.minutes, offset)) : "");
  record.set("terlambat", false);
  const info = flow.statuses.find((s) => s.id === status);
  record.set("ditutup", info && info.closed ? pbDate(new Date()) : "");
}

/** Names of the fields whose value differs between two versions of a record. */
function changedFields(before, after) {
  const names = after.collection().fields.fieldNames();
  const changed = [];
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    if (name === "updated" || name === "created") continue;
    if (JSON.stringify(before.get(name)) !== JSON.stringify(after.get(name))) changed.push(name);
  }
  return changed;
}

/**
 * Runs `fn` (which calls e.next()) in one transaction, so a record and its history entries are
 * saved together or not at all: PocketBase opens no transaction for a records API save, and a
 * crash in between would leave a change without its audit entry. The event's own save must use
 * the transaction too, hence e.app is swapped for the duration.
 */
function inOneTransaction(e, fn) {
  const app = e.app;
  try {
    app.runInTransaction((txApp) => {
      e.app = txApp;
      fn(txApp);
    });
  } finally {
    e.app = app;
  }
}

function saveEvent(app, record, fields) {
  const isReport = record.collection().name === "laporan";
  const event = new Record(app.findCollectionByNameOrId(isReport ? "riwayat_laporan" : "riwayat_permohonan"));
  event.set(isReport ? "laporan" : "permohonan", record.id);
  event.set("status", record.getString("status"));
  for (const key in fields) event.set(key, fields[key]);
  app.save(event);
}

/** Fields of a report whose change is housekeeping, not an event. */
const REPORT_SYSTEM_FIELDS = ["status", "catatan_publik", "catatan_internal", "diteruskan_ke", "batas_tahap", "terlambat", "ditutup", "berkas_dihapus"];

/** A report's audit entries: status, note, forwarding to a social pillar, data change. */
function reportEventKinds(changed) {
  const kinds = [];
  if (changed.indexOf("status") >= 0) kinds.push({ kind: "status", fields: ["status"] });
  else if (changed.indexOf("catatan_publik") >= 0 || changed.indexOf("catatan_internal") >= 0) kinds.push({ kind: "catatan", fields: [] });
  if (changed.indexOf("diteruskan_ke") >= 0) kinds.push({ kind: "penerusan", fields: ["diteruskan_ke"] });
  const data = changed.filter((f) => REPORT_SYSTEM_FIELDS.indexOf(f) < 0);
  if (data.length) kinds.push({ kind: "perubahan_data", fields: data });
  return kinds;
}

/** One audit entry per kind of change, with who made it. */
function recordEvents(app, before, after, changed, who, documentKeys) {
  const isReport = after.collection().name === "laporan";
  const kinds = isReport ? reportEventKinds(changed) : rules().eventKinds(changed, documentKeys);
  for (let i = 0; i < kinds.length; i++) {
    const kind = kinds[i].kind;
    const fields = { jenis: kind, petugas: who, perubahan: kinds[i].fields };
    if (kind === "status") {
      fields.status_dari = before.getString("status");
      fields.catatan_publik = after.getString("catatan_publik");
      fields.catatan_internal = changed.indexOf("catatan_internal") >= 0 ? after.getString("catatan_internal") : "";
      if (!isReport) fields.dokumen_perbaikan = after.getString("status") === "perlu_perbaikan" ? after.get("dokumen_perbaikan") : [];
    } else if (kind === "penerusan") {
      fields.perubahan = after.get("diteruskan_ke");
      fields.catatan_internal = "Diteruskan ke pilar sosial: " + (after.get("diteruskan_ke") || []).join(", ");
    } else if (kind === "perubahan_data" && isReport && changed.indexOf("penanganan") >= 0) {
      fields.catatan_internal = "Penanganan: " + (after.get("penanganan") || []).join(", ");
    } else if (kind === "catatan") {
      fields.catatan_publik = changed.indexOf("catatan_publik") >= 0 ? after.getString("catatan_publik") : "";
      fields.catatan_internal = changed.indexOf("catatan_internal") >= 0 ? after.getString("catatan_internal") : "";
    } else if (kind === "penugasan") {
      const id = after.getString("petugas_lapangan");
      let name = "(tidak ada)";
      if (id) {
        try {
          const worker = app.findRecordById("petugas_lapangan", id);
          name = worker.getString("nama") + " (" + worker.getString("jenis") + ", " + worker.getString("kecamatan") + ")";
        } catch (_) {
          name = id;
        }
      }
      fields.catatan_internal = "Ditugaskan untuk verifikasi lapangan: " + name;
    } else if (kind === "verifikasi") {
      fields.catatan_internal = "Hasil verifikasi: " + (after.getString("hasil_verifikasi") || "-");
    }
    saveEvent(app, after, fields);
  }
}

/** Marks open requests and reports whose stage is past its due date (and unmarks the others). */
function markOverdue(app) {
  const now = pbDate(new Date());
  for (const table of ["permohonan", "laporan"]) {
    app
      .db()
      .newQuery("UPDATE " + table + " SET terlambat = (batas_tahap != '' AND batas_tahap < {:now}) WHERE ditutup = '' OR ditutup IS NULL")
      .bind({ now: now })
      .execute();
  }
}

/** Overdue requests for the morning digest: codes, services and stages only (no personal data). */
function overdueDigest(app) {
  markOverdue(app);
  const data = portal().required();
  const records = app.findRecordsByFilter("permohonan", "terlambat = true", "batas_tahap", 500, 0);
  const lines = records.map((r) => {
    const service = portal().service(data, r.getString("layanan"));
    const status = portal().status(data, r.getString("status"));
    return r.getString("kode_lacak") + " | " + (service ? service.title : r.getString("layanan")) + " | " + (status ? status.label : r.getString("status")) + " | batas " + r.getString("batas_tahap").slice(0, 16);
  });
  return { count: records.length, lines: lines };
}

function sendDigest(app) {
  const digest = overdueDigest(app);
  if (digest.count === 0) return digest;
  const text = "Permohonan yang melewati waktu standar: " + digest.count + "\n\n" + digest.lines.join("\n") + "\n\nBuka admin dan saring: terlambat = true";
  const settings = app.settings();
  if (settings.smtp.enabled) {
    const to = app.findAllRecords("_superusers").map((u) => ({ address: u.email() }));
    const message = new MailerMessage({
      from: { address: settings.meta.senderAddress, name: settings.meta.senderName },
      to: to,
      subject: "Ringkasan harian: " + digest.count + " permohonan terlambat",
      text: text,
    });
    app.newMailClient().send(message);
  } else {
    app.logger().info("Ringkasan harian permohonan terlambat (SMTP belum diatur)", "jumlah", digest.count, "ringkasan", text);
  }
  return digest;
}

const PERSONAL_TEXT = { nama_lengkap: "(dihapus)", desa_kelurahan: "(dihapus)", alamat: "(dihapus)", nama_pengaju: "", hubungan: "", catatan_publik: "", catatan_internal: "", catatan_verifikasi: "" };

/**
 * Empties the notes of a request's history entries (staff wrote names, NIKs and addresses into
 * them: "Dikunjungi: Zubaidah … NIK …"); who did what, and when, stays. Returns how many changed.
 */
function redactHistory(app, record) {
  const flow = flowOf(portal().required(), record);
  const entries = app.findRecordsByFilter(flow.history, flow.relation + " = {:id}", "created", 0, 0, { id: record.id });
  let changed = 0;
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    if (!entry.getString("catatan_publik") && !entry.getString("catatan_internal")) continue;
    entry.set("catatan_publik", "");
    entry.set("catatan_internal", "");
    app.save(entry);
    changed++;
  }
  return changed;
}

/** Removes the survey answer's link to a request's code (the answer itself stays, unlinked). */
function unlinkSurvey(app, code) {
  const key = require(`${__hooks}/lib/survei.js`).codeKey(app, code);
  const answers = app.findRecordsByFilter("survei_kepuasan", "kunci_kode = {:k}", "", 0, 0, { k: key });
  for (let i = 0; i < answers.length; i++) {
    answers[i].set("kunci_kode", "");
    app.save(answers[i]);
  }
  return answers.length;
}

/** One record's retention, with its history entry, in one transaction. */
function retainOne(app, record, clear, describe) {
  app.runInTransaction((txApp) => {
    const files = clear(record);
    record.set("berkas_dihapus", true);
    txApp.save(record);
    const notes = redactHistory(txApp, record);
    const surveys = unlinkSurvey(txApp, record.getString("kode_lacak"));
    saveEvent(txApp, record, {
      jenis: "retensi",
      petugas: "sistem",
      perubahan: files,
      catatan_internal: describe(files) + " Catatan pada " + notes + " entri riwayat dikosongkan" + (surveys > 0 ? "; tautan survei ke kode ini dihapus." : "."),
    });
  });
}

/**
 * UU PDP retention: requests and reports closed more than `retentionDays` ago lose their files,
 * personal data, the notes of their history and the survey's link to their code; what stays
 * (service, kecamatan, PPKS category, status, dates, verification outcome) is enough for
 * statistics and identifies nobody. Kotak saran contacts older than the same period go too.
 */
function applyRetention(app, now) {
  const data = portal().required();
  const cutoff = pbDate(new Date(now.getTime() - data.site.retentionDays * 86400000));
  const expired = app.findRecordsByFilter("permohonan", "ditutup != '' && ditutup < {:cutoff} && berkas_dihapus = false", "ditutup", 1000, 0, { cutoff: cutoff });
  const fileFields = data.documentTypes.map((d) => d.id).concat(["foto_verifikasi"]);
  for (let i = 0; i < expired.length; i++) {
    retainOne(
      app,
      expired[i],
      (record) => {
        const removed = [];
        for (let j = 0; j < fileFields.length; j++) {
          const value = record.get(fileFields[j]);
          if (value && (typeof value === "string" ? value !== "" : value.length > 0)) removed.push(fileFields[j]);
          record.set(fileFields[j], []);
        }
        for (const key in PERSONAL_TEXT) record.set(key, PERSONAL_TEXT[key]);
        record.set("nik", "0000000000000000");
        record.set("nomor_kk", "0000000000000000");
        record.set("telepon", "+620000000");
        record.set("tanggal_lahir", "1900-01-01 00:00:00.000Z");
        record.set("jawaban_kelayakan", {});
        return removed;
      },
      (removed) => "Masa retensi " + data.site.retentionDays + " hari habis: " + removed.length + " berkas dan data pribadi pemohon dihapus.",
    );
  }
  // Reports: photos, the reporter's contact, the description and the exact place go too.
  const reports = app.findRecordsByFilter("laporan", "ditutup != '' && ditutup < {:cutoff} && berkas_dihapus = false", "ditutup", 1000, 0, { cutoff: cutoff });
  for (let i = 0; i < reports.length; i++) {
    retainOne(
      app,
      reports[i],
      (report) => {
        const count = (report.get("foto") || []).length;
        report.set("foto", []);
        report.set("nama_pelapor", "");
        report.set("telepon_pelapor", "");
        report.set("deskripsi", "(dihapus)");
        report.set("patokan", "(dihapus)");
        report.set("desa_kelurahan", "(dihapus)");
        report.set("lintang", null);
        report.set("bujur", null);
        report.set("catatan_publik", "");
        report.set("catatan_internal", "");
        return count > 0 ? ["foto"] : [];
      },
      (removed) => "Masa retensi " + data.site.retentionDays + " hari habis: foto (" + (removed.length > 0 ? "ada" : "tidak ada") + "), lokasi, keterangan, dan kontak pelapor dihapus.",
    );
  }
  // Kotak saran: the message stays for service improvement; the contact goes.
  app
    .db()
    .newQuery("UPDATE saran SET kontak = '' WHERE kontak != '' AND created < {:cutoff}")
    .bind({ cutoff: cutoff })
    .execute();
  return expired.length + reports.length;
}

module.exports = { inOneTransaction: inOneTransaction, pbDate: pbDate, flowOf: flowOf, setStageDates: setStageDates, saveEvent: saveEvent, changedFields: changedFields, recordEvents: recordEvents, markOverdue: markOverdue, overdueDigest: overdueDigest, sendDigest: sendDigest, applyRetention: applyRetention };
