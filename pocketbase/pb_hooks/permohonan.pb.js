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
onRecordCreateExecute((e) => {
  const workflow = require(`${__hooks}/lib/workflow.js`);
  workflow.inOneTransaction(e, (txApp) => {
    workflow.setStageDates(txApp, e.record, "");
    // Its first entry, saved below: the count goes with the record's own save.
    e.record.set("riwayat_urutan", 1);
    e.next();
    const isReport = e.record.collection().name === "laporan";
    workflow.saveEvent(
      txApp,
      e.record,
      {
        jenis: "status",
        petugas: "sistem",
        catatan_publik: isReport ? "Laporan diterima melalui portal." : "Permohonan diterima melalui portal.",
      },
      { first: true },
    );
  });
}, "permohonan", "laporan");

