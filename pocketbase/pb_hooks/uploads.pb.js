/// <reference path="../pb_data/types.d.ts" />
// Every upload, to every collection, from every client: neutral stored names and no image
// bombs (lib/uploads.js). Applications and reports check pixels on create with their forms' own
// messages (permohonan.pb.js, laporan.pb.js); here they only get their names.

onRecordCreateRequest((e) => {
  const name = e.record.collection().name;
  require(`${__hooks}/lib/uploads.js`).guard(e.record, name === "permohonan" || name === "laporan");
  e.next();
});

onRecordUpdateRequest((e) => {
  require(`${__hooks}/lib/uploads.js`).guard(e.record, false);
  e.next();
});
