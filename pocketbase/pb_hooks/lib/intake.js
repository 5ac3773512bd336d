// The public create requests of applications and reports: validated on the server with the
// forms' own rules (rules.generated.js, bundled from src/lib/rules), one record per submission id
// (a retry gets the original code back) and a tracking code. What a guest sees of the record is
// limited in guest-answers.pb.js; the first history entry is saved with the record
// (permohonan.pb.js).
//
// Both run from the one create-request hook of uploads.pb.js, which also gives every upload its
// neutral name: each JS hook a request passes holds one JS runtime until the request ends and is
// a call into the JS engine, and a second hook for the same create cost the intake time and
// memory (issue 16).

/** An application (permohonan) sent from the public form. */
function createApplication(e) {
  const portal = require(`${__hooks}/lib/portal.js`);
  const lib = require(`${__hooks}/lib/permohonan.js`);
  const data = portal.required();
  const record = e.record;

  const submissionId = record.getString("id_pengiriman").trim();
  const earlier = lib.earlierCode(e.app, submissionId);
  if (earlier) return e.json(200, { kode_lacak: earlier, ulang: true });

  const input = lib.inputOf(record);
  const service = portal.service(data, input.layanan);
  const files = {};
  for (let i = 0; i < data.documentTypes.length; i++) {
    const key = data.documentTypes[i].id;
    files[key] = lib.uploaded(record, key);
  }
  const result = lib.rules().validateApplication(input, files, {
    service: service,
    kecamatanIds: data.kecamatan.map((k) => k.id),
    privacyNoticeVersion: data.site.privacyNoticeVersion,
    today: portal.today(data),
    officePhone: data.site.phone,
  });
  // The channel for messages about this request (its own rules: src/lib/rules/notify.ts).
  const contact = { saluran_pesan: record.getString("saluran_pesan"), surel: record.getString("surel").trim(), telepon: input.telepon };
  const channelErrors = lib.rules().channelProblems(contact);
  for (const key in channelErrors) result.errors[key] = channelErrors[key];
  if (Object.keys(result.errors).length > 0) throw lib.fieldErrors(result.errors);

  const value = result.value;
  const textFields = lib.rules().TEXT_FIELDS;
  const documentFields = data.documentTypes.map((d) => d.id);
  const values = {};
  for (let i = 0; i < textFields.length; i++) values[textFields[i]] = value[textFields[i]];
  // A service may leave the birth date optional (an unidentified person): empty stays empty.
  values.tanggal_lahir = value.tanggal_lahir ? value.tanggal_lahir + " 00:00:00.000Z" : "";
  values.jawaban_kelayakan = value.jawaban_kelayakan;
  values.saluran_pesan = contact.saluran_pesan || lib.rules().defaultChannel(value.telepon);
  values.surel = contact.surel;
  // Whatever the client sent, these are the server's to set.
  values.kode_lacak = lib.newCode(e.app, data.site.trackingPrefix);
  // Every new request starts at the status meaning "initial", at the SOP's first staff step.
  values.status = data.statuses.find((s) => s.meaning === "initial").id;
  values.langkah = lib.rules().firstLangkah({ steps: service.steps, statuses: data.statuses, roles: data.roles });
  values.catatan_publik = "";
  values.dokumen_perbaikan = [];
  values.persetujuan_waktu = new Date().toISOString().replace("T", " ");
  lib.clearUnowned(record, textFields.concat(["jawaban_kelayakan"], documentFields), values);

  try {
    // Neutral stored names (lib/uploads.js); the pixels were checked above with this form's
    // own messages. Only the document fields can hold new uploads now: the others were emptied.
    require(`${__hooks}/lib/uploads.js`).rename(record, documentFields);
    e.next();
  } catch (err) {
    // Two retries racing: the unique index lets one through; the other gets its code.
    const winner = lib.earlierCode(e.app, submissionId);
    if (winner) return e.json(200, { kode_lacak: winner, ulang: true });
    throw lib.translateSaveError(err, data, service) || err;
  }
}

/** A report (laporan) sent from /lapor: its own rules, the same submission id and code. */
function createReport(e) {
  const portal = require(`${__hooks}/lib/portal.js`);
  const lib = require(`${__hooks}/lib/permohonan.js`);
  const rules = lib.rules();
  const data = portal.required();
  const record = e.record;

  const submissionId = record.getString("id_pengiriman").trim();
  const earlier = lib.earlierCode(e.app, submissionId, "laporan");
  if (earlier) return e.json(200, { kode_lacak: earlier, ulang: true });

  const input = {};
  for (let i = 0; i < rules.REPORT_TEXT_FIELDS.length; i++) {
    const field = rules.REPORT_TEXT_FIELDS[i];
    input[field] = field === "anonim" ? (record.getBool("anonim") ? "true" : "false") : field === "lintang" || field === "bujur" ? (record.get(field) ? String(record.get(field)) : "") : record.getString(field);
  }
  // An explicit "anonim" field is required from the form; an absent one is not a choice.
  const info = e.requestInfo();
  if (info.body["anonim"] === undefined || info.body["anonim"] === "") input.anonim = "";
  const uploads = record.get("foto") || [];
  const photos = [];
  for (let i = 0; i < uploads.length; i++) if (uploads[i] && uploads[i].size !== undefined) photos.push({ size: uploads[i].size, type: "", pixels: require(`${__hooks}/lib/uploads.js`).headerPixels(uploads[i]) });

  const result = rules.validateReport(input, photos, {
    types: data.reportTypes,
    kecamatanIds: data.kecamatan.map((k) => k.id),
    privacyNoticeVersion: data.site.privacyNoticeVersion,
    officePhone: data.site.phone,
  });
  // How a reporter who may be contacted hears back: WhatsApp (default) or SMS.
  const channel = record.getString("saluran_pesan");
  if (input.anonim !== "true") {
    const channelErrors = rules.channelProblems({ saluran_pesan: channel, surel: "", telepon: input.telepon_pelapor }, ["whatsapp", "sms"]);
    for (const key in channelErrors) result.errors[key] = channelErrors[key];
  }
  if (Object.keys(result.errors).length > 0) throw lib.fieldErrors(result.errors);

  const value = result.value;
  const values = {};
  for (let i = 0; i < rules.REPORT_TEXT_FIELDS.length; i++) {
    const field = rules.REPORT_TEXT_FIELDS[i];
    if (field === "anonim") values.anonim = value.anonim === "true";
    else if (field === "lintang" || field === "bujur") values[field] = value[field] ? Number(value[field]) : null;
    else values[field] = value[field];
  }
  values.saluran_pesan = value.anonim === "true" || !value.telepon_pelapor ? "" : channel;
  values.kode_lacak = lib.newCode(e.app, data.site.trackingPrefix);
  values.status = data.reportStatuses.find((s) => s.meaning === "initial").id;
  values.catatan_publik = "";
  values.catatan_internal = "";
  values.diteruskan_ke = [];
  values.persetujuan_waktu = new Date().toISOString().replace("T", " ");
  lib.clearUnowned(record, rules.REPORT_TEXT_FIELDS.concat(["foto"]), values);

  try {
    // Neutral stored names (lib/uploads.js); the pixels were checked above with this form's
    // own messages. Only the photos can hold new uploads now: the other fields were emptied.
    require(`${__hooks}/lib/uploads.js`).rename(record, ["foto"]);
    e.next();
  } catch (err) {
    const winner = lib.earlierCode(e.app, submissionId, "laporan");
    if (winner) return e.json(200, { kode_lacak: winner, ulang: true });
    throw lib.translateSaveError(err, data, null) || err;
  }
}

module.exports = { createApplication: createApplication, createReport: createReport };
