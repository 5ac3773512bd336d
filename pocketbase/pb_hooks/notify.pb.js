/// <reference path="../pb_data/types.d.ts" />
// Messages to applicants and reporters (lib/notify.js): the sender every minute, a superuser
// route that runs one pass now, and the staff's "Belum terhubungi" queue.

// PORTAL_PESAN_OTOMATIS=0 stops the automatic sender (a training copy of real data must not
// message real applicants; the tests drive the sender with their own clock).
if (String($os.getenv("PORTAL_PESAN_OTOMATIS") || "").trim() !== "0") {
  cronAdd("kirim_pesan", "* * * * *", () => {
    require(`${__hooks}/lib/notify.js`).processDue($app, new Date(), 50);
  });
}

// One pass now (administrators; the tests use it with their own clock, `sekarang`).
routerAdd("POST", "/api/pesan-keluar/proses", (e) => {
  if (!e.auth || !e.auth.isSuperuser()) throw new ForbiddenError("Hanya administrator.", {});
  const body = e.requestInfo().body || {};
  const now = body.sekarang ? new Date(String(body.sekarang)) : new Date();
  if (isNaN(now.getTime())) throw new BadRequestError("Waktu tidak sah.", {});
  return e.json(200, require(`${__hooks}/lib/notify.js`).processDue(e.app, now, 200));
});

routerAdd("GET", "/api/petugas/pesan", (e) => {
  const actor = require(`${__hooks}/lib/staff.js`).requireStaff(e);
  e.response.header().set("Cache-Control", "no-store");
  return e.json(200, require(`${__hooks}/lib/notify.js`).queue(e.app, actor));
});

routerAdd("POST", "/api/petugas/pesan/{id}/terkirim", (e) => {
  const actor = require(`${__hooks}/lib/staff.js`).requireStaff(e);
  e.response.header().set("Cache-Control", "no-store");
  return e.json(200, require(`${__hooks}/lib/notify.js`).markSentByStaff(e.app, actor, e.request.pathValue("id")));
});
