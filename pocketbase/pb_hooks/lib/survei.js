// Server side of the satisfaction survey (SKM): which request a code belongs to, whether that
// request may be rated now, and Indonesian field messages. Used by the create hook and by the
// GET /api/survei/{kode} check, so both give the same answer.

// Collections that hand out tracking codes. `laporan` may not exist (yet): lookups there fail
// quietly.
const SOURCES = ["permohonan", "laporan"];

const MESSAGES = {
  kode_kosong: "Tulis kode pelacakan permohonan Anda.",
  tidak_ditemukan: "Kode pelacakan tidak ditemukan. Periksa kembali kode pada tanda terima Anda.",
  belum_selesai: "Survei baru dapat diisi setelah permohonan Anda selesai diproses. Lihat tahapnya di halaman Lacak.",
  sudah_diisi: "Survei untuk kode ini sudah diisi. Terima kasih.",
};

function rules() {
  return require(`${__hooks}/lib/rules.generated.js`);
}

/** The request (permohonan or laporan) with this canonical code, or null. */
function findRequest(app, code) {
  for (let i = 0; i < SOURCES.length; i++) {
    try {
      return { collection: SOURCES[i], record: app.findFirstRecordByData(SOURCES[i], "kode_lacak", code) };
    } catch (_) {
      // not found here, or the collection does not exist
    }
  }
  return null;
}

function existingResponse(app, code) {
  try {
    return app.findFirstRecordByData("survei_kepuasan", "kode_lacak", code);
  } catch (_) {
    return null;
  }
}

/**
 * Whether the code may rate its request now: { code, request, reason, message }. reason is null
 * when it may, else one of the MESSAGES keys.
 */
function check(app, data, rawCode) {
  const raw = String(rawCode || "").trim();
  const code = raw ? rules().normaliseCode(raw) : null;
  const result = { code: code, request: null, reason: null, message: null };
  const refuse = (reason) => {
    result.reason = reason;
    result.message = MESSAGES[reason];
    return result;
  };
  if (!raw) return refuse("kode_kosong");
  if (!code) return refuse("tidak_ditemukan");
  const found = findRequest(app, code);
  if (!found) return refuse("tidak_ditemukan");
  result.request = found;
  // Reports have their own status list (content/reference/report-statuses.yaml).
  const statuses = (found.collection === "laporan" ? data.reportStatuses : data.statuses) || data.statuses;
  const status = found.record.getString("status");
  let closed = false;
  for (let i = 0; i < statuses.length; i++) if (statuses[i].id === status) closed = statuses[i].closed === true;
  if (!closed) return refuse("belum_selesai");
  if (existingResponse(app, code)) return refuse("sudah_diisi");
  return result;
}

/** Service key of the request; a report is filed as "laporan:<jenis>" (it has no service). */
function serviceKey(request) {
  if (request.collection === "laporan") return "laporan:" + request.record.getString("jenis");
  return request.record.getString("layanan");
}

/** The service's (or report kind's) public name, or null. */
function serviceTitle(data, request) {
  if (request.collection === "laporan") {
    const jenis = request.record.getString("jenis");
    const types = data.reportTypes || [];
    for (let i = 0; i < types.length; i++) if (types[i].id === jenis) return types[i].label;
    return null;
  }
  const key = request.record.getString("layanan");
  for (let i = 0; i < data.services.length; i++) if (data.services[i].id === key) return data.services[i].title;
  return null;
}

/** A 400 whose data PocketBase (and the form) carries per field. */
function fieldErrors(errors) {
  const data = {};
  for (const key in errors) data[key] = new ValidationError("validation_failed", errors[key]);
  const first = Object.keys(errors).length === 1 && errors.kode_lacak ? errors.kode_lacak : "Periksa kembali isian Anda.";
  return new BadRequestError(first, data);
}

module.exports = { MESSAGES: MESSAGES, check: check, findRequest: findRequest, existingResponse: existingResponse, serviceKey: serviceKey, serviceTitle: serviceTitle, fieldErrors: fieldErrors, rules: rules };
