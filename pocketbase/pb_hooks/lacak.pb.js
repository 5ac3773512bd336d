/// <reference path="../pb_data/types.d.ts" />
// GET /api/lacak/{kode}: the public tracking answer (pb_hooks/lib/lacak.js). Rate-limited by
// PocketBase's limiter (migration 1790000200); never cached.
routerAdd("GET", "/api/lacak/{kode}", (e) => {
  const lacak = require(`${__hooks}/lib/lacak.js`);
  const body = lacak.answer(e.app, e.request.pathValue("kode"), new Date());
  e.response.header().set("Cache-Control", "no-store");
  return e.json(body.ditemukan ? 200 : 404, body);
});
