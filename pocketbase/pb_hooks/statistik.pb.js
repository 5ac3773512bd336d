/// <reference path="../pb_data/types.d.ts" />
// Public, non-personal figures: the live numbers on /kinerja/ and the progress board on
// /progres/, computed by src/lib/server/statistik.ts and progres.ts (bundled into
// lib/server.generated.js) over the database of lib/statistik.js. Anyone may read them; browsers
// and proxies may keep an answer for a minute. /api/statistik is computed at most once a minute
// on the server; /api/progres is a daily batch (the state at the start of today), computed once
// a day. Both keep their last answer in the app store.

routerAdd("GET", "/api/statistik", (e) => {
  const server = require(`${__hooks}/lib/server.generated.js`);
  const data = require(`${__hooks}/lib/portal.js`).required();
  const body = server.statistik(require(`${__hooks}/lib/statistik.js`).figures(e.app), e.app.store(), data, new Date());
  e.response.header().set("Cache-Control", "public, max-age=60");
  return e.json(200, body);
});

routerAdd("GET", "/api/progres", (e) => {
  const server = require(`${__hooks}/lib/server.generated.js`);
  const data = require(`${__hooks}/lib/portal.js`).required();
  const refusals = require(`${__hooks}/lib/server.js`).refusals();
  const body = server.progres(require(`${__hooks}/lib/statistik.js`).board(e.app), e.app.store(), data, e.request.url.query(), new Date(), refusals);
  e.response.header().set("Cache-Control", "public, max-age=60");
  return e.json(200, body);
});
