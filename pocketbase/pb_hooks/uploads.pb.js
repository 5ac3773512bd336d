/// <reference path="../pb_data/types.d.ts" />
// Every upload, to every collection, from every client: neutral stored names and no image
// bombs (lib/uploads.js). Applications and reports check pixels on create with their forms' own
// messages; here they only get their names.
//
// The one create-request hook for every collection: an application or report is judged here too
// (lib/intake.js) rather than in a hook of its own, since each JS hook a request passes holds
// one JS runtime until the request ends and is a call into the JS engine (issue 16).

onRecordCreateRequest((e) => {
  const name = e.record.collection().name;
  if (name === "permohonan") return require(`${__hooks}/lib/intake.js`).createApplication(e);
  if (name === "laporan") return require(`${__hooks}/lib/intake.js`).createReport(e);
  require(`${__hooks}/lib/uploads.js`).guard(e.record, false);
  e.next();
});

onRecordUpdateRequest((e) => {
  require(`${__hooks}/lib/uploads.js`).guard(e.record, false);
  e.next();
});
