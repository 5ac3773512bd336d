/// <reference path="../pb_data/types.d.ts" />
// Applications and reports: their create requests are judged in lib/intake.js (from the one
// create-request hook of uploads.pb.js); what a guest sees of the record is limited in
// guest-answers.pb.js.

// The first history entry is saved with the application or report, in the same transaction
// (a crash between the two left a record without history: tests/integration/crash-safety.test.ts).
// The transaction opens at the INSERT (onRecordCreateExecute), after PocketBase has validated
// the record and written its files: PocketBase writes through one database connection, and a
// transaction opened around the files held every other write back while five uploads went to
// disk (issue 16).
// Everything that needs no database write (stage dates, the entry, its messages) is done before
// the transaction opens, for the same reason.
onRecordCreateExecute((e) => {
  const workflow = require(`${__hooks}/lib/workflow.js`);
  workflow.setStageDates(e.app, e.record, "");
  // Its first entry, saved below: the count goes with the record's own save.
  e.record.set("riwayat_urutan", 1);
  const isReport = e.record.collection().name === "laporan";
  const fields = {
    jenis: "status",
    petugas: "sistem",
    catatan_publik: isReport ? "Laporan diterima melalui portal." : "Permohonan diterima melalui portal.",
  };
  const prepared = workflow.prepareFirstEvent(e.app, e.record, fields);
  workflow.inOneTransaction(e, (txApp) => {
    e.next();
    workflow.saveEvent(txApp, e.record, fields, { first: true, prepared: prepared });
  });
}, "permohonan", "laporan");

