/// <reference path="../pb_data/types.d.ts" />
// Re-upload by code (lib/unggah-ulang.js): the applicant's proof, the upload of the documents
// staff asked for, and the earlier versions of a replaced document, kept until the request
// closes. Rate-limited by PocketBase's limiter (the "/api/lacak/" budget of every code look-up,
// migration 1790000200) and per code by the lockout in the library. Never cached.

routerAdd("POST", "/api/lacak/{kode}/bukti", (e) => {
  const lib = require(`${__hooks}/lib/unggah-ulang.js`);
  e.response.header().set("Cache-Control", "no-store");
  return e.json(200, lib.prove(e.app, e.request.pathValue("kode"), e.requestInfo().body || {}, new Date()));
});

routerAdd("POST", "/api/lacak/{kode}/unggah", (e) => {
  const lib = require(`${__hooks}/lib/unggah-ulang.js`);
  e.response.header().set("Cache-Control", "no-store");
  return e.json(200, lib.reupload(e, e.request.pathValue("kode"), new Date()));
});

// An administrator replacing a document in the admin UI keeps the old one as a version too.
onRecordUpdateRequest((e) => {
  require(`${__hooks}/lib/unggah-ulang.js`).keepVersions(e.app, e.record, "administrator");
  e.next();
}, "permohonan");

// Once a request is closed its kept versions are deleted (the current files follow retention).
onRecordAfterUpdateSuccess((e) => {
  require(`${__hooks}/lib/unggah-ulang.js`).dropVersions(e.app, e.record);
  e.next();
}, "permohonan");

// Daily: counters of wrong proofs older than a day, no longer locked, are forgotten.
cronAdd("lupakan_bukti_salah", "15 20 * * *", () => {
  require(`${__hooks}/lib/unggah-ulang.js`).forgetOldAttempts($app, new Date());
});
