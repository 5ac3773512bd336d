/// <reference path="../pb_data/types.d.ts" />
// Applications: validated on the server with the form's own rules, one record per submission
// id (a retry gets the original code back) and a tracking code. What a guest sees of the record
// is limited in guest-answers.pb.js.

onRecordCreateRequest((e) => {
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
  lib.clearUnowned(record, textFields.concat(["jawaban_kelayakan"], data.documentTypes.map((d) => d.id)));
  for (let i = 0; i < textFields.length; i++) record.set(textFields[i], value[textFields[i]]);
  // A service may leave the birth date optional (an unidentified person): empty stays empty.
  record.set("tanggal_lahir", value.tanggal_lahir ? value.tanggal_lahir + " 00:00:00.000Z" : "");
  record.set("jawaban_kelayakan", value.jawaban_kelayakan);
  record.set("saluran_pesan", contact.saluran_pesan || lib.rules().defaultChannel(value.telepon));
  record.set("surel", contact.surel);
  // Whatever the client sent, these are the server's to set.
  record.set("kode_lacak", lib.newCode(e.app, data.site.trackingPrefix));
  // Every new request starts at the status meaning "initial", at the SOP's first staff step.
  record.set("status", data.statuses.find((s) => s.meaning === "initial").id);
  record.set("langkah", lib.rules().firstLangkah({ steps: service.steps, statuses: data.statuses, roles: data.roles }));
  record.set("catatan_publik", "");
  record.set("dokumen_perbaikan", []);
  record.set("persetujuan_waktu", new Date().toISOString().replace("T", " "));

  try {
    e.next();
  } catch (err) {
    // Two retries racing: the unique index lets one through; the other gets its code.
    const winner = lib.earlierCode(e.app, submissionId);
    if (winner) return e.json(200, { kode_lacak: winner, ulang: true });
    throw lib.translateSaveError(err, data, service) || err;
  }
}, "permohonan");

// The first history entry is saved with the application or report, in the same transaction
// (a crash between the two left a record without history: tests/integration/crash-safety.test.ts).
onRecordCreate((e) => {
  const workflow = require(`${__hooks}/lib/workflow.js`);
  workflow.inOneTransaction(e, (txApp) => {
    workflow.setStageDates(txApp, e.record, "");
    e.next();
    const isReport = e.record.collection().name === "laporan";
    workflow.saveEvent(txApp, e.record, {
      jenis: "status",
      petugas: "sistem",
      catatan_publik: isReport ? "Laporan diterima melalui portal." : "Permohonan diterima melalui portal.",
    });
  });
}, "permohonan", "laporan");

