// Server side of the satisfaction survey (SKM): which request a code belongs to, whether that
// request may be rated now, and Indonesian field messages. Used by the check and the answer
// routes (survei.pb.js), so both give the same answer.
//
// An answer is unlinkable to the applicant: it stores no tracking code, only kunci_kode, a keyed
// one-way value of it (lib/secret.js) that stops a second answer for the same code, and only the
// month it was given.

// Collections that hand out tracking codes.
const SOURCES = ["permohonan", "laporan"];

const MESSAGES = {
  kode_kosong: "Tulis kode pelacakan permohonan Anda.",
  tidak_ditemukan: "Kode pelacakan tidak ditemukan. Periksa kembali kode pada tanda terima Anda.",
  belum_selesai: "Survei baru dapat diisi setelah permohonan Anda selesai diproses. Lihat tahapnya di halaman Lacak.",
  tidak_dilayani: "Survei hanya untuk permohonan atau laporan yang sudah selesai dilayani. Permohonan ini ditutup tanpa layanan, jadi tidak dapat dinilai.",
  sudah_diisi: "Survei untuk kode ini sudah diisi. Terima kasih.",
  kedaluwarsa: "Masa pengisian survei untuk permohonan ini sudah berakhir.",
};

function rules() {
  return require(`${__hooks}/lib/rules.generated.js`);
}

/** The request (permohonan or laporan) with this canonical code, or null. */
function findRequest(app, code) {
  for (let i = 0; i < SOURCES.length; i++) {
    const found = app.findRecordsByFilter(SOURCES[i], "kode_lacak = {:code}", "", 1, 0, { code: code });
    if (found.length > 0) return { collection: SOURCES[i], record: found[0] };
  }
  return null;
}

/** The keyed one-way value a survey answer keeps instead of the code. */
function codeKey(app, code) {
  return require(`${__hooks}/lib/secret.js`).keyed(app, "survei", code);
}

function existingResponse(app, code) {
  const found = app.findRecordsByFilter("survei_kepuasan", "kunci_kode = {:k}", "", 1, 0, { k: codeKey(app, code) });
  return found.length > 0 ? found[0] : null;
}

/**
 * Whether the code may rate its request now: { code, request, reason, message }. reason is null
 * when it may, else one of the MESSAGES keys. Only a request that ended in a status meaning
 * "success" may be rated: a junk report closed as rejected must not rate the service.
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
  const statuses = found.collection === "laporan" ? data.reportStatuses : data.statuses;
  const status = found.record.getString("status");
  let info = null;
  for (let i = 0; i < statuses.length; i++) if (statuses[i].id === status) info = statuses[i];
  if (!info || !info.closed) return refuse("belum_selesai");
  if (info.meaning !== "success") return refuse("tidak_dilayani");
  // After retention the answer's link to the code is gone: the code may not rate again.
  if (found.record.getBool("berkas_dihapus")) return refuse("kedaluwarsa");
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

/** The month of a date in the office time zone, "YYYY-MM". */
function monthOf(data, now) {
  const offset = rules().zoneOffsetHours(data.site.timeZone) * 3600000;
  return new Date(now.getTime() + offset).toISOString().slice(0, 7);
}

/**
 * Checks and stores one answer; returns the new record's id or throws a 400 with field messages.
 * `body` is the request body as PocketBase parsed it (form or JSON).
 */
function answer(app, data, rawCode, body, now) {
  const r = rules();
  const checked = check(app, data, rawCode);
  const input = { saran: body.saran };
  for (let i = 0; i < r.UNSUR.length; i++) input[r.UNSUR[i].id] = body[r.UNSUR[i].id];
  for (let i = 0; i < r.RESPONDENT_FIELDS.length; i++) input[r.RESPONDENT_FIELDS[i].id] = body[r.RESPONDENT_FIELDS[i].id];
  const result = r.validateSurvey(input);
  const errors = {};
  if (checked.reason) errors.kode_lacak = checked.message;
  for (const key in result.errors) errors[key] = result.errors[key];
  if (Object.keys(errors).length > 0) throw fieldErrors(errors);

  const value = result.value;
  const record = new Record(app.findCollectionByNameOrId("survei_kepuasan"));
  for (let i = 0; i < r.UNSUR.length; i++) record.set(r.UNSUR[i].id, value.answers[i]);
  for (let i = 0; i < r.RESPONDENT_FIELDS.length; i++) record.set(r.RESPONDENT_FIELDS[i].id, value[r.RESPONDENT_FIELDS[i].id]);
  record.set("saran", value.saran);
  // The service is the request's, whatever the client sent; the code itself is never stored.
  record.set("layanan", serviceKey(checked.request));
  record.set("kunci_kode", codeKey(app, checked.code));
  record.set("bulan", monthOf(data, now));
  try {
    app.save(record);
  } catch (err) {
    // Two sends racing: the unique index lets one through; the other is told it is done.
    if (existingResponse(app, checked.code)) throw fieldErrors({ kode_lacak: MESSAGES.sudah_diisi });
    throw err;
  }
  return record.id;
}

module.exports = { MESSAGES: MESSAGES, check: check, answer: answer, monthOf: monthOf, codeKey: codeKey, findRequest: findRequest, existingResponse: existingResponse, serviceKey: serviceKey, serviceTitle: serviceTitle, fieldErrors: fieldErrors, rules: rules };
