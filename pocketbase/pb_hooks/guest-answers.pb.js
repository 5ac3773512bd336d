/// <reference path="../pb_data/types.d.ts" />
// Anyone but staff, the sender's own create answer included (PocketBase shows a creator every
// field), sees no field of a public submission beyond the tracking code of an application or
// report, and nothing but the id of a suggestion or survey response.
onRecordEnrich((e) => {
  const info = e.requestInfo;
  if (!info || !info.hasSuperuserAuth()) {
    // Inside the handler: PocketBase runs each handler apart from the file's other code.
    const keep = { permohonan: ["id", "kode_lacak"], laporan: ["id", "kode_lacak"], saran: ["id"], survei_kepuasan: ["id"] }[e.record.collection().name];
    const names = e.record.collection().fields.fieldNames();
    const hide = [];
    for (let i = 0; i < names.length; i++) if (keep.indexOf(names[i]) < 0) hide.push(names[i]);
    e.record.hide.apply(e.record, hide);
  }
  e.next();
}, "permohonan", "laporan", "saran", "survei_kepuasan");
