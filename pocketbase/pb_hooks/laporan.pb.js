/// <reference path="../pb_data/types.d.ts" />
// Reports from residents (/lapor): the form's own rules on the server, one record per
// submission id and a tracking code. The first history entry and the privacy of the answer are
// shared with applications (permohonan.pb.js).

onRecordCreateRequest((e) => {
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
  lib.clearUnowned(record, rules.REPORT_TEXT_FIELDS.concat(["foto"]));
  for (let i = 0; i < rules.REPORT_TEXT_FIELDS.length; i++) {
    const field = rules.REPORT_TEXT_FIELDS[i];
    if (field === "anonim") record.set("anonim", value.anonim === "true");
    else if (field === "lintang" || field === "bujur") record.set(field, value[field] ? Number(value[field]) : null);
    else record.set(field, value[field]);
  }
  record.set("saluran_pesan", value.anonim === "true" || !value.telepon_pelapor ? "" : channel);
  record.set("kode_lacak", lib.newCode(e.app, data.site.trackingPrefix));
  record.set("status", data.reportStatuses.find((s) => s.meaning === "initial").id);
  record.set("catatan_publik", "");
  record.set("catatan_internal", "");
  record.set("diteruskan_ke", []);
  record.set("persetujuan_waktu", new Date().toISOString().replace("T", " "));

  try {
    e.next();
  } catch (err) {
    const winner = lib.earlierCode(e.app, submissionId, "laporan");
    if (winner) return e.json(200, { kode_lacak: winner, ulang: true });
    throw lib.translateSaveError(err, data, null) || err;
  }
}, "laporan");
