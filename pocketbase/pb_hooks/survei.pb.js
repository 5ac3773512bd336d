/// <reference path="../pb_data/types.d.ts" />
// Satisfaction survey (SKM): one unlinkable answer per request that was served, checked by
// src/lib/server/survei.ts (bundled into lib/server.generated.js) over the database of
// lib/survei.js. Both routes live under /api/lacak/, so the survey shares the tracking route's
// per-address budget of code look-ups (PocketBase's limiter, rule "/api/lacak/": 30 a minute in all).

// GET /api/lacak/{kode}/survei: may this code rate its request now? Lets the form say "already
// done" or "not finished yet" before anyone answers nine questions. Tells no more than the
// tracking answer (found, finished, service name).
routerAdd("GET", "/api/lacak/{kode}/survei", (e) => {
  const server = require(`${__hooks}/lib/server.generated.js`);
  const data = require(`${__hooks}/lib/portal.js`).required();
  const checked = server.checkSurvey(require(`${__hooks}/lib/survei.js`).store(e.app), data, e.request.pathValue("kode"));
  e.response.header().set("Cache-Control", "no-store");
  return e.json(200, checked.answer);
});

// POST /api/lacak/{kode}/survei: the answer (form or JSON). Answers { id } and nothing else.
routerAdd("POST", "/api/lacak/{kode}/survei", (e) => {
  const server = require(`${__hooks}/lib/server.generated.js`);
  const data = require(`${__hooks}/lib/portal.js`).required();
  const db = require(`${__hooks}/lib/survei.js`).store(e.app);
  const refusals = require(`${__hooks}/lib/server.js`).refusals();
  const body = server.submitSurvey(db, data, e.request.pathValue("kode"), e.requestInfo().body || {}, new Date(), refusals);
  e.response.header().set("Cache-Control", "no-store");
  return e.json(200, body);
});

// Answers come only through the route above; even a superuser's direct create must say where
// it came from: a paper survey typed in by staff has no code, so it gets no kunci_kode.
onRecordCreateRequest((e) => {
  if (!e.hasSuperuserAuth()) throw new ForbiddenError("Survei diisi melalui halaman Survei kepuasan.");
  const data = require(`${__hooks}/lib/portal.js`).required();
  e.record.set("kunci_kode", "");
  if (!e.record.getString("bulan")) e.record.set("bulan", require(`${__hooks}/lib/server.generated.js`).surveyMonth(data, new Date()));
  e.next();
}, "survei_kepuasan");

// The key that makes kunci_kode unguessable from a code alone exists before the first request.
onBootstrap((e) => {
  e.next();
  require(`${__hooks}/lib/secret.js`).ensure(e.app);
});
