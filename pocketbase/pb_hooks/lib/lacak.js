// The public tracking answer. Only: service name, date submitted, current status, the history
// of status changes with their public notes, the SOP stages with standard times and whether
// each is late. Never a name, NIK, KK, phone, address, file or internal note. An unknown code
// gets the same keys (empty) and costs the same queries.

const PLACEHOLDER_CODE = "XXX-XXX-XXX-XXX";

function answer(app, rawCode, now) {
  const rules = require(`${__hooks}/lib/rules.generated.js`);
  const portal = require(`${__hooks}/lib/portal.js`);
  const db = require(`${__hooks}/lib/db.js`);
  const data = portal.required();
  const code = rules.normaliseCode(String(rawCode || ""));

  // Codes of applications and reports share one space: look in both, always, so a found and
  // an unknown code cost the same queries. Plain SQL for the few columns the answer uses: loading
  // whole records (some fifty fields each) made this route half as fast as PocketBase's own view.
  const found = new DynamicModel({ kind: "", id: "", jenis: "", status: "", created: "", dokumen_perbaikan: "", berkas_dihapus: false, pemohon_adalah: "" });
  let record = null;
  try {
    app
      .db()
      .newQuery(
        "SELECT 'permohonan' AS kind, id, layanan AS jenis, status, created, dokumen_perbaikan, berkas_dihapus, pemohon_adalah FROM permohonan WHERE kode_lacak = {:code} " +
          "UNION ALL SELECT 'laporan' AS kind, id, jenis, status, created, '[]' AS dokumen_perbaikan, berkas_dihapus, '' AS pemohon_adalah FROM laporan WHERE kode_lacak = {:code} LIMIT 1",
      )
      .bind({ code: code || PLACEHOLDER_CODE })
      .one(found);
    record = found;
  } catch (err) {
    // dbx answers "no rows" with sql.ErrNoRows; anything else is a real failure.
    if (!db.isNoRows(err)) throw err;
  }
  const isReport = record !== null && record.kind === "laporan";
  const historyTable = isReport ? "riwayat_laporan" : "riwayat_permohonan";
  const relation = isReport ? "laporan" : "permohonan";
  // Status changes, recorded SOP steps and notes; an assignment, a document check or a data change
  // is internal unless staff wrote the person a public note with it (e.g. "TKSK akan berkunjung").
  const events = arrayOf(new DynamicModel({ created: "", status: "", catatan_publik: "" }));
  app
    .db()
    .newQuery(
      "SELECT created, status, catatan_publik FROM " + historyTable + " WHERE " + relation + " = {:id} " +
        "AND (jenis = '' OR jenis IN ('status', 'catatan', 'langkah', 'buka_kembali', 'unggah_ulang') OR catatan_publik != '') ORDER BY urutan LIMIT 200",
    )
    .bind({ id: record ? record.id : "-" })
    .all(events);

  const body = {
    kode: code,
    ditemukan: record !== null,
    layanan: null,
    diajukan: null,
    // Who applied, as a role only ("Orang tua atau wali"), never a name: the applicant and the
    // recipient are often different people, and the documents to re-send belong to one of them.
    diajukan_oleh: null,
    status: null,
    // What the status means to the system (initial, repair, decision, success, rejected,
    // cancelled, or null for a working stage), so a client needs no status key of any office.
    status_arti: null,
    status_label: null,
    status_keterangan: null,
    selesai: false,
    // Served and closed: the survey may be offered (GET /api/lacak/{kode}/survei checks the rest).
    dapat_dinilai: false,
    dalam_waktu_standar: null,
    // What a citizen can expect: working days from receipt to the result (content expectedTime);
    // null for a report or a service no longer in content/.
    perkiraan_hari_kerja: null,
    tahapan: [],
    riwayat: [],
    dokumen_perbaikan: [],
    // Letters issued on this request (lib/surat.js): the applicant opens them after the proof.
    ada_surat: false,
    // Why nothing was found, for any client that shows the API's own words; null when found.
    pesan: null,
  };
  if (!record) {
    body.pesan = code
      ? "Kode pelacakan tidak ditemukan. Periksa kembali kode pada tanda terima Anda."
      : "Kode pelacakan tidak sah. Tulis kode seperti pada tanda terima, misalnya " + rules.exampleCode(data.site.trackingPrefix) + ".";
    return body;
  }

  const statuses = isReport ? data.reportStatuses : data.statuses;
  const findStatus = (id) => statuses.find((s) => s.id === id);
  const service = isReport ? data.reportTypes.find((t) => t.id === record.jenis) : portal.service(data, record.jenis);
  const status = record.status;
  const statusInfo = findStatus(status);
  const label = (id) => {
    const s = findStatus(id);
    return s ? s.label : id;
  };
  const iso = (text) => new Date(String(text).replace(" ", "T")).toISOString();

  // A draft service is named as one on the tracking page too (issue 15: every page that names it).
  body.layanan = isReport ? "Laporan: " + (service ? service.label : record.jenis) : service ? service.title + (service.draft ? " (rancangan)" : "") : record.jenis;
  body.diajukan = iso(record.created);
  body.diajukan_oleh = isReport || !record.pemohon_adalah ? null : rules.applicantRoleLabel(record.pemohon_adalah);
  body.status = status;
  body.status_arti = statusInfo && statusInfo.meaning ? statusInfo.meaning : null;
  body.status_label = statusInfo ? statusInfo.label : status;
  body.status_keterangan = statusInfo ? statusInfo.description : null;
  body.selesai = statusInfo ? statusInfo.closed : false;
  body.perkiraan_hari_kerja = !isReport && service && service.expectedDays ? { min: service.expectedDays.min, maks: service.expectedDays.max } : null;
  body.dapat_dinilai = Boolean(statusInfo && statusInfo.meaning === "success" && !record.berkas_dihapus);

  const history = events.map((ev) => ({ waktu: iso(ev.created), status: ev.status, catatan: ev.catatan_publik }));
  const meaningOf = (id) => {
    const s = findStatus(id);
    return s && s.meaning ? s.meaning : null;
  };
  body.riwayat = history.map((h) => ({ waktu: h.waktu, status: h.status, status_arti: meaningOf(h.status), status_label: label(h.status), catatan: h.catatan }));

  // Each SOP stage: reached when its status first appears; left at the next different status.
  let late = false;
  const stages = service ? service.stages : [];
  body.tahapan = stages.map((stage) => {
    let start = null;
    let end = null;
    for (let i = 0; i < history.length; i++) {
      if (start === null && history[i].status === stage.status) start = i;
      else if (start !== null && history[i].status !== stage.status) {
        end = i;
        break;
      }
    }
    const mulai = start === null ? null : history[start].waktu;
    const selesai = end === null ? null : history[end].waktu;
    let batas = null;
    let terlambat = false;
    // Only a stage whose time the SOP fixes has a due date and can be late.
    if (mulai && stage.timed) {
      batas = rules.dueAt(new Date(mulai), stage.minutes, data.site.calendar).toISOString();
      const until = selesai ? new Date(selesai) : body.selesai ? new Date(history[history.length - 1].waktu) : now;
      terlambat = until.getTime() > new Date(batas).getTime();
      if (terlambat) late = true;
    }
    return { status: stage.status, label: label(stage.status), menit_standar: stage.minutes, waktu_tetap: stage.timed, mulai: mulai, selesai: selesai, batas: batas, terlambat: terlambat };
  });
  body.dalam_waktu_standar = !late;

  if (!isReport) {
    const letters = new DynamicModel({ n: 0 });
    app.db().newQuery("SELECT COUNT(*) AS n FROM surat WHERE permohonan = {:id}").bind({ id: record.id }).one(letters);
    body.ada_surat = letters.n > 0;
  }
  // Sent back to the applicant: the documents to send again.
  if (!isReport && body.status_arti === "repair") {
    const keys = JSON.parse(record.dokumen_perbaikan || "[]") || [];
    body.dokumen_perbaikan = keys.map((key) => {
      const doc = data.documentTypes.find((d) => d.id === key);
      return doc ? doc.label : key;
    });
  }
  return body;
}

module.exports = { answer: answer };
