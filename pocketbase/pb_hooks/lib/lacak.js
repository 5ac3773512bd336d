// The public tracking answer. Only: service name, date submitted, current status, the history
// of status changes with their public notes, the SOP stages with standard times and whether
// each is late. Never a name, NIK, KK, phone, address, file or internal note. An unknown code
// gets the same keys (empty) and costs the same queries.

const PLACEHOLDER_CODE = "XXX-XXX-XXX-XXX";

function answer(app, rawCode, now) {
  const rules = require(`${__hooks}/lib/rules.generated.js`);
  const portal = require(`${__hooks}/lib/portal.js`);
  const data = portal.required();
  const offset = rules.zoneOffsetHours(data.site.timeZone);
  const code = rules.normaliseCode(String(rawCode || ""));

  // Codes of applications and reports share one space: look in both, always, so a found and
  // an unknown code cost the same queries.
  const find = (collection) => {
    try {
      return app.findFirstRecordByData(collection, "kode_lacak", code || PLACEHOLDER_CODE);
    } catch (_) {
      return null;
    }
  };
  const application = find("permohonan");
  const report = find("laporan");
  const record = application || report;
  const isReport = !application && report !== null;
  const historyCollection = isReport ? "riwayat_laporan" : "riwayat_permohonan";
  const relation = isReport ? "laporan" : "permohonan";
  // Status changes, recorded SOP steps and notes; an assignment, a document check or a data change
  // is internal unless staff wrote the person a public note with it (e.g. "TKSK akan berkunjung").
  const events = app.findRecordsByFilter(historyCollection, relation + " = {:id} && (jenis = '' || jenis = 'status' || jenis = 'catatan' || jenis = 'langkah' || jenis = 'buka_kembali' || catatan_publik != '')", "urutan", 200, 0, { id: record ? record.id : "-" });

  const body = {
    kode: code,
    ditemukan: record !== null,
    layanan: null,
    diajukan: null,
    status: null,
    status_label: null,
    status_keterangan: null,
    selesai: false,
    // Served and closed: the survey may be offered (GET /api/lacak/{kode}/survei checks the rest).
    dapat_dinilai: false,
    dalam_waktu_standar: null,
    tahapan: [],
    riwayat: [],
    dokumen_perbaikan: [],
    // Why nothing was found, for any client that shows the API's own words; null when found.
    pesan: null,
  };
  if (!record) {
    body.pesan = code
      ? "Kode pelacakan tidak ditemukan. Periksa kembali kode pada tanda terima Anda."
      : "Kode pelacakan tidak sah. Tulis kode seperti pada tanda terima, misalnya " + data.site.trackingPrefix + "-7K3-MQ9-XPW.";
    return body;
  }

  const statuses = isReport ? data.reportStatuses : data.statuses;
  const findStatus = (id) => statuses.find((s) => s.id === id);
  const service = isReport ? data.reportTypes.find((t) => t.id === record.getString("jenis")) : portal.service(data, record.getString("layanan"));
  const status = record.getString("status");
  const statusInfo = findStatus(status);
  const label = (id) => {
    const s = findStatus(id);
    return s ? s.label : id;
  };
  const iso = (dt) => new Date(dt.string().replace(" ", "T")).toISOString();

  body.layanan = isReport ? "Laporan: " + (service ? service.label : record.getString("jenis")) : service ? service.title : record.getString("layanan");
  body.diajukan = iso(record.getDateTime("created"));
  body.status = status;
  body.status_label = statusInfo ? statusInfo.label : status;
  body.status_keterangan = statusInfo ? statusInfo.description : null;
  body.selesai = statusInfo ? statusInfo.closed : false;
  body.dapat_dinilai = Boolean(statusInfo && statusInfo.meaning === "success" && !record.getBool("berkas_dihapus"));

  const history = events.map((ev) => ({ waktu: iso(ev.getDateTime("created")), status: ev.getString("status"), catatan: ev.getString("catatan_publik") }));
  body.riwayat = history.map((h) => ({ waktu: h.waktu, status: h.status, status_label: label(h.status), catatan: h.catatan }));

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
    if (mulai) {
      batas = rules.dueAt(new Date(mulai), stage.minutes, offset).toISOString();
      const until = selesai ? new Date(selesai) : body.selesai ? new Date(history[history.length - 1].waktu) : now;
      terlambat = until.getTime() > new Date(batas).getTime();
      if (terlambat) late = true;
    }
    return { status: stage.status, label: label(stage.status), menit_standar: stage.minutes, mulai: mulai, selesai: selesai, batas: batas, terlambat: terlambat };
  });
  body.dalam_waktu_standar = !late;

  if (!isReport && status === "perlu_perbaikan") {
    const keys = record.get("dokumen_perbaikan") || [];
    body.dokumen_perbaikan = keys.map((key) => {
      const doc = data.documentTypes.find((d) => d.id === key);
      return doc ? doc.label : key;
    });
  }
  return body;
}

module.exports = { answer: answer };
