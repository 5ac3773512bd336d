/// <reference path="../pb_data/types.d.ts" />
// Satisfaction survey (SKM): one unlinkable answer per request that was served (lib/survei.js).
// Both routes live under /api/lacak/, so the survey shares the tracking route's per-address
// budget of code look-ups (PocketBase's limiter, rule "/api/lacak/": 30 a minute in all).

// GET /api/lacak/{kode}/survei: may this code rate its request now? Lets the form say "already
// done" or "not finished yet" before anyone answers nine questions. Tells no more than the
// tracking answer (found, finished, service name).
routerAdd("GET", "/api/lacak/{kode}/survei", (e) => {
  const lib = require(`${__hooks}/lib/survei.js`);
  const data = require(`${__hooks}/lib/portal.js`).required();
  const checked = lib.check(e.app, data, e.request.pathValue("kode"));
  const layanan = checked.request ? lib.serviceTitle(data, checked.request) : null;
  e.response.header().set("Cache-Control", "no-store");
  return e.json(200, { kode: checked.code, dapat_diisi: checked.reason === null, alasan: checked.reason, pesan: checked.message, layanan: layanan });
});

// POST /api/lacak/{kode}/survei: the answer (form or JSON). Answers { id } and nothing else.
routerAdd("POST", "/api/lacak/{kode}/survei", (e) => {
  const lib = require(`${__hooks}/lib/survei.js`);
  const data = require(`${__hooks}/lib/portal.js`).required();
  const body = e.requestInfo().body || {};
  const id = lib.answer(e.app, data, e.request.pathValue("kode"), body, new Date());
  e.response.header().set("Cache-Control", "no-store");
  return e.json(200, { id: id });
});

// Answers come only through the route above; even a superuser's direct create must say where
// it came from: a paper survey typed in by staff has no code, so it gets no kunci_kode.
onRecordCreateRequest((e) => {
  if (!e.hasSuperuserAuth()) throw new ForbiddenError("Survei diisi melalui halaman Survei kepuasan.");
  const lib = require(`${__hooks}/lib/survei.js`);
  const data = require(`${__hooks}/lib/portal.js`).required();
  e.record.set("kunci_kode", "");
  if (!e.record.getString("bulan")) e.record.set("bulan", lib.monthOf(data, new Date()));
  e.next();
}, "survei_kepuasan");

// The key that makes kunci_kode unguessable from a code alone exists before the first request.
onBootstrap((e) => {
  e.next();
  require(`${__hooks}/lib/secret.js`).ensure(e.app);
});
