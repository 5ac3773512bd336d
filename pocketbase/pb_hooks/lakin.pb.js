/// <reference path="../pb_data/types.d.ts" />
// GET /api/lakin/ekspor?tahun=2026: CSV counts for the LAKIN report (pb_hooks/lib/lakin.js).
// Staff only: the counts are not personal, but the export is an internal working file.
routerAdd(
  "GET",
  "/api/lakin/ekspor",
  (e) => {
    const raw = e.request.url.query().get("tahun");
    const year = raw ? Number(raw) : new Date().getUTCFullYear();
    if (!Number.isInteger(year) || year < 2000 || year > 2100) {
      throw new BadRequestError("Tahun tidak sah. Contoh: ?tahun=2026", {});
    }
    const csv = require(`${__hooks}/lib/lakin.js`).exportCsv(e.app, year);
    e.response.header().set("Content-Type", "text/csv; charset=utf-8");
    e.response.header().set("Content-Disposition", 'attachment; filename="lakin-' + year + '.csv"');
    e.response.header().set("Cache-Control", "no-store");
    return e.string(200, csv);
  },
  $apis.requireSuperuserAuth(),
);
