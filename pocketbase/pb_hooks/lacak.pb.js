/// <reference path="../pb_data/types.d.ts" />
// GET /api/lacak/{kode}: the public tracking answer, shaped by src/lib/server/lacak.ts (bundled
// into lib/server.generated.js) over the database of lib/lacak.js. Rate-limited by PocketBase's
// limiter (migration 1790000200); never cached.
routerAdd("GET", "/api/lacak/{kode}", (e) => {
  const server = require(`${__hooks}/lib/server.generated.js`);
  const data = require(`${__hooks}/lib/portal.js`).required();
  const body = server.lacak(require(`${__hooks}/lib/lacak.js`).store(e.app), data, e.request.pathValue("kode"), new Date());
  e.response.header().set("Cache-Control", "no-store");
  return e.json(body.ditemukan ? 200 : 404, body);
});
