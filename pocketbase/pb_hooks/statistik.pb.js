/// <reference path="../pb_data/types.d.ts" />
// Public, non-personal figures (pb_hooks/lib/statistik.js): the live numbers on /kinerja/ and the
// progress board on /progres/. Anyone may read them; browsers and proxies may keep an answer for
// a minute. /api/statistik is computed at most once a minute on the server; /api/progres is a
// daily batch (the state at the start of today), computed once a day.

routerAdd("GET", "/api/statistik", (e) => {
  const body = require(`${__hooks}/lib/statistik.js`).statistik(e.app, new Date());
  e.response.header().set("Cache-Control", "public, max-age=60");
  return e.json(200, body);
});

routerAdd("GET", "/api/progres", (e) => {
  const body = require(`${__hooks}/lib/statistik.js`).progres(e.app, e.request.url.query(), new Date());
  e.response.header().set("Cache-Control", "public, max-age=60");
  return e.json(200, body);
});
