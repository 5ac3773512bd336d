// Server side of an application: the same rules as the form (rules.generated.js, bundled from
// src/lib/rules), Indonesian field messages, idempotent retries and the tracking code.
function rules() {
  return require(`${__hooks}/lib/rules.generated.js`);
}

/** A 400 whose data PocketBase (and the SDK) carries per field. */
function fieldErrors(errors) {
  return require(`${__hooks}/lib/server.js`).fieldErrors(errors);
}

/** The uploaded file of a field, or null (as size and declared type for the shared rules). */
function uploaded(record, field) {
  const value = record.get(field);
  if (!value) return null;
  const file = Array.isArray(value) ? value[0] : value;
  if (!file || typeof file !== "object" || file.size === undefined) return null;
  // The declared type is not trusted: PocketBase checks the file's content against the field.
  return { size: file.size, type: "", pixels: require(`${__hooks}/lib/uploads.js`).headerPixels(file) };
}

/**
 * Empties every field the public form does not own (staff notes, verification, retention flags,
 * staff photos...): a guest's create request may name any field of the collection. Then sets
 * `values` (the form's fields as the rules returned them, and the server's own). All in one call
 * into the record: one call per field cost an application about a millisecond (issue 16).
 */
function clearUnowned(record, owned, values) {
  const names = record.collection().fields.fieldNames();
  const all = {};
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    if (name === "id" || name === "created" || name === "updated" || owned.indexOf(name) >= 0) continue;
    all[name] = null;
  }
  for (const key in values || {}) all[key] = values[key];
  record.load(all);
}

/** The record's input as the shared rules expect it. */
function inputOf(record) {
  const input = {};
  // The form's own list of fields (src/lib/rules/application.ts), never a copy of it.
  const TEXT_FIELDS = rules().TEXT_FIELDS;
  for (let i = 0; i < TEXT_FIELDS.length; i++) input[TEXT_FIELDS[i]] = record.getString(TEXT_FIELDS[i]);
  // The date field holds "YYYY-MM-DD 00:00:00.000Z" once parsed; compare the day only.
  input.tanggal_lahir = input.tanggal_lahir.slice(0, 10);
  let answers = {};
  try {
    const raw = record.get("jawaban_kelayakan");
    answers = raw ? JSON.parse(toString(raw)) : {};
  } catch (_) {
    answers = {};
  }
  input.jawaban_kelayakan = answers && typeof answers === "object" ? answers : {};
  return input;
}

/**
 * Whether a code is in use by any application or report (one code space). Plain SQL on the two
 * indexed columns: loading whole records cost an application a tenth of its time (issue 16); a
 * database error is an error, not "free".
 */
function codeInUse(app, code) {
  const rows = arrayOf(new DynamicModel({ n: 0 }));
  app
    .db()
    .newQuery("SELECT 1 AS n FROM permohonan WHERE kode_lacak = {:code} UNION ALL SELECT 1 AS n FROM laporan WHERE kode_lacak = {:code} LIMIT 1")
    .bind({ code: code })
    .all(rows);
  return rows.length > 0;
}

/** A tracking code not in use by any application or report (one code space), from a CSPRNG. */
function newCode(app, prefix) {
  const r = rules();
  for (let attempt = 0; attempt < 8; attempt++) {
    const code = r.formatCode(prefix, $security.randomStringWithAlphabet(r.CODE_SYMBOLS, r.CODE_ALPHABET));
    if (!codeInUse(app, code)) return code;
  }
  throw new ApiError(500, "Kode pelacakan tidak dapat dibuat. Coba kirim lagi.", {});
}

/**
 * The tracking code an earlier try of the same submission got (applications or reports), or
 * null. Only that column is read (plain SQL on the unique index).
 */
function earlierCode(app, submissionId, collection) {
  if (!submissionId) return null;
  const table = collection === "laporan" ? "laporan" : "permohonan";
  const rows = arrayOf(new DynamicModel({ kode_lacak: "" }));
  app
    .db()
    .newQuery("SELECT kode_lacak FROM " + table + " WHERE id_pengiriman = {:id} LIMIT 1")
    .bind({ id: submissionId })
    .all(rows);
  return rows.length > 0 ? rows[0].kode_lacak : null;
}

/** Indonesian messages for PocketBase's own checks (file content type, size). */
function translateSaveError(err, data, service) {
  const apiError = err && err.value;
  const details = apiError && apiError.data;
  if (!details || typeof details !== "object") return null;
  const errors = {};
  let any = false;
  for (const field in details) {
    const code = details[field] && details[field].code;
    const doc = service && service.documents.find((d) => d.key === field);
    // A report's photos are the only file field outside the document types.
    const photo = !doc && field === "foto";
    const label = doc ? doc.label : field;
    if (code === "validation_invalid_mime_type" && photo) {
      errors[field] = "Ada foto yang isinya bukan " + rules().acceptedTypesText(rules().REPORT_PHOTO_TYPES) + ". Pilih foto yang asli.";
    } else if (code === "validation_invalid_mime_type") {
      errors[field] = "Isi berkas " + label + " bukan " + rules().acceptedTypesText(doc ? doc.accept : []) + ". Pilih foto atau berkas PDF yang asli.";
    } else if (code === "validation_file_size_limit") {
      errors[field] = "Berkas " + label + " terlalu besar. Paling besar " + (doc ? doc.maxSizeMB : rules().REPORT_PHOTO_MAX_MB) + " MB.";
    } else {
      errors[field] = "Isian ini tidak dapat diterima. Periksa kembali.";
    }
    any = true;
  }
  return any ? fieldErrors(errors) : null;
}

module.exports = { rules: rules, fieldErrors: fieldErrors, uploaded: uploaded, clearUnowned: clearUnowned, inputOf: inputOf, newCode: newCode, earlierCode: earlierCode, translateSaveError: translateSaveError };
