// The workflow on the server around the staff's actions (lib/case-actions.js): stage due dates,
// what an administrator may still change in the admin UI, overdue flags, the daily digest and
// retention. Who may act on a request is src/lib/rules/sop-flow.ts.

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

/** The statuses and SOP stages (with their standard minutes) that apply to a request or report. */
function flowOf(data, record) {
  if (record.collection().name === "laporan") {
    const type = data.reportTypes.find((t) => t.id === record.getString("jenis"));
    return { statuses: data.reportStatuses, stages: type ? type.stages : [] };
  }
  const service = portal().service(data, record.getString("layanan"));
  return { statuses: data.statuses, stages: service ? service.stages : [] };
}

/** Due date of the record's current stage and the closing time, when the status changed. */
function setStageDates(app, record, previousStatus) {
  const data = portal().required();
  const status = record.getString("status");
  if (status === previousStatus) return;
  const flow = flowOf(data, record);
  const stage = flow.stages.find((s) => s.status === status);
  // A stage whose time the SOP does not fix (a step without a time, or one the SOP calls
  // unpredictable) has no due date, so it is never flagged late.
  record.set("batas_tahap", stage && stage.timed ? pbDate(rules().dueAt(new Date(), stage.minutes, data.site.calendar)) : "");
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

/** Runs `fn(txApp)` in one transaction (a change and its history entry: both or neither). */
function inTransaction(app, fn) {
  app.runInTransaction((txApp) => fn(txApp));
}

/** A history entry for the record, chained to its previous one (lib/chain.js; options there). */
function saveEvent(app, record, fields, options) {
  return require(`${__hooks}/lib/chain.js`).append(app, record, fields, options);
}

/** A record's first entry built ahead of its transaction (lib/chain.js prepareFirst). */
function prepareFirstEvent(app, record, fields) {
  return require(`${__hooks}/lib/chain.js`).prepareFirst(app, record, fields);
}

/**
 * Fields only the workflow sets (through the staff's actions or the server itself): status and
 * step, deadlines, closing and retention, assignments, repairs, checks and results. An
 * administrator in the admin UI may not set them: an outcome never changes without its action
 * and history entry.
 */
const WORKFLOW_FIELDS = {
  permohonan: ["status", "langkah", "batas_tahap", "terlambat", "ditutup", "berkas_dihapus", "dokumen_perbaikan", "petugas_lapangan", "pemeriksaan_dokumen", "hasil_verifikasi", "tanggal_verifikasi", "catatan_verifikasi", "foto_verifikasi", "lokasi_kunjungan", "riwayat_urutan", "catatan_publik"],
  laporan: ["status", "batas_tahap", "terlambat", "ditutup", "berkas_dihapus", "diteruskan_ke", "ditugaskan_ke", "unit_tujuan", "penanganan", "riwayat_urutan", "catatan_publik"],
};

/** Fields that identify a request or prove consent: nobody changes them. */
const LOCKED = {
  permohonan: ["kode_lacak", "id_pengiriman", "layanan", "persetujuan_versi", "persetujuan_waktu", "jawaban_kelayakan"],
  laporan: ["kode_lacak", "id_pengiriman", "jenis", "persetujuan_versi", "persetujuan_waktu", "anonim"],
};

/**
 * Why an administrator's edit of a request or report is refused, per field, or {} when it may be
 * saved. A decided request is sealed: its data changes only after a reasoned reopening.
 */
function adminEditProblems(data, before, after, changed) {
  const name = after.collection().name;
  const problems = {};
  for (let i = 0; i < changed.length; i++) {
    const field = changed[i];
    if (LOCKED[name].indexOf(field) >= 0) problems[field] = "Kolom ini tidak boleh diubah: kolom ini menandai permohonan atau membuktikan persetujuan pemohon.";
    else if (WORKFLOW_FIELDS[name].indexOf(field) >= 0) problems[field] = "Kolom ini diubah oleh petugas lewat ruang kerja /petugas/ sesuai SOP, dan tercatat di riwayat; administrator tidak mengubahnya di sini.";
  }
  const statuses = name === "laporan" ? data.reportStatuses : data.statuses;
  const status = statuses.find((s) => s.id === before.getString("status"));
  if (status && status.closed && (status.meaning === "success" || status.meaning === "rejected") && changed.length > 0 && Object.keys(problems).length === 0) {
    problems[changed[0]] = "Permohonan ini sudah diputus (" + status.label + "). Datanya hanya dapat diubah setelah dibuka kembali, dengan alasan, oleh peran yang memutuskannya.";
  }
  if (changed.indexOf("kecamatan") >= 0 && !problems.kecamatan && !data.kecamatan.some((k) => k.id === after.getString("kecamatan"))) {
    problems.kecamatan = "Kecamatan tidak dikenal. Pakai kunci dari daftar kecamatan, misalnya " + data.kecamatan[0].id + ".";
  }
  const ppks = after.getString("kategori_ppks");
  if (changed.indexOf("kategori_ppks") >= 0 && ppks && !data.ppks.some((p) => p.id === ppks)) {
    problems.kategori_ppks = "Kategori PPKS tidak dikenal. Pakai kunci dari daftar PPKS, misalnya " + data.ppks[0].id + ".";
  }
  return problems;
}

/** The history entry of an administrator's edit: which fields, never their old values. */
function recordAdminEdit(app, after, changed, who) {
  const notes = changed.indexOf("catatan_internal") >= 0 ? after.getString("catatan_internal") : "";
  saveEvent(app, after, {
    jenis: changed.length === 1 && changed[0] === "catatan_internal" ? "catatan" : "perubahan_data",
    status_dari: after.getString("status"),
    petugas: who,
    catatan_internal: notes,
    perubahan: changed,
  });
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

/**
 * Overdue applications and reports for the morning digest: codes, services or report types, and
 * stages only (no personal data). A report waits on a person in the street: reports come first.
 */
function overdueDigest(app) {
  markOverdue(app);
  const data = portal().required();
  const byId = require(`${__hooks}/lib/casework.js`).byId;
  const line = (r, kind, label, status) => r.getString("kode_lacak") + " | " + kind + " | " + label + " | " + status + " | batas " + r.getString("batas_tahap").slice(0, 16);
  const reports = app.findRecordsByFilter("laporan", "terlambat = true", "batas_tahap", 500, 0).map((r) => {
    const type = byId(data.reportTypes, r.getString("jenis"));
    const status = byId(data.reportStatuses, r.getString("status"));
    return line(r, "Laporan", type ? type.label : r.getString("jenis"), status ? status.label : r.getString("status"));
  });
  const requests = app.findRecordsByFilter("permohonan", "terlambat = true", "batas_tahap", 500, 0).map((r) => {
    const service = portal().service(data, r.getString("layanan"));
    const status = portal().status(data, r.getString("status"));
    return line(r, "Permohonan", service ? service.title : r.getString("layanan"), status ? status.label : r.getString("status"));
  });
  return { count: reports.length + requests.length, reports: reports.length, requests: requests.length, lines: reports.concat(requests) };
}

function sendDigest(app) {
  const digest = overdueDigest(app);
  if (digest.count === 0) return digest;
  const text =
    "Melewati waktu standar: " + digest.reports + " laporan dan " + digest.requests + " permohonan.\n\n" + digest.lines.join("\n") + "\n\nBuka ruang kerja petugas: /petugas/antrean/?terlambat=1";
  const settings = app.settings();
  if (settings.smtp.enabled) {
    const to = app.findAllRecords("_superusers").map((u) => ({ address: u.email() }));
    const message = new MailerMessage({
      from: { address: settings.meta.senderAddress, name: settings.meta.senderName },
      to: to,
      subject: "Ringkasan harian: " + digest.reports + " laporan dan " + digest.requests + " permohonan terlambat",
      text: text,
    });
    app.newMailClient().send(message);
  } else {
    app.logger().info("Ringkasan harian laporan dan permohonan terlambat (SMTP belum diatur)", "jumlah", digest.count, "ringkasan", text);
  }
  return digest;
}

const PERSONAL_TEXT = { surel: "", nama_lengkap: "(dihapus)", desa_kelurahan: "(dihapus)", alamat: "(dihapus)", nama_pengaju: "", hubungan: "", nik_pengaju: "", catatan_publik: "", catatan_internal: "", catatan_verifikasi: "" };

/**
 * Empties the notes of a request's history entries (staff wrote names, NIKs and addresses into
 * them: "Dikunjungi: Zubaidah … NIK …"); who did what, and when, stays, and so does the chain.
 */
function redactHistory(app, record) {
  const isReport = record.collection().name === "laporan";
  const entries = app.findRecordsByFilter(isReport ? "riwayat_laporan" : "riwayat_permohonan", (isReport ? "laporan" : "permohonan") + " = {:id}", "urutan", 0, 0, { id: record.id });
  let changed = 0;
  for (let i = 0; i < entries.length; i++) if (require(`${__hooks}/lib/chain.js`).redactNotes(app, entries[i])) changed++;
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
    require(`${__hooks}/lib/notify.js`).forget(txApp, record);
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

module.exports = { inTransaction: inTransaction, inOneTransaction: inOneTransaction, pbDate: pbDate, flowOf: flowOf, setStageDates: setStageDates, saveEvent: saveEvent, prepareFirstEvent: prepareFirstEvent, changedFields: changedFields, adminEditProblems: adminEditProblems, recordAdminEdit: recordAdminEdit, markOverdue: markOverdue, overdueDigest: overdueDigest, sendDigest: sendDigest, applyRetention: applyRetention };
