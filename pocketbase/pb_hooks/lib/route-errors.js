/// <reference path="../../pb_data/types.d.ts" />
// The portal's own routes (/api/lacak, /api/statistik, /api/petugas/…): an error that is not an
// answer we meant (a database failure, a bug) would reach the caller as PocketBase's 400
// "Something went wrong", logged only in debug mode. Here it becomes a 500 with an Indonesian
// message, and an error entry in the log without the address or any value from the request.
// PocketBase's own routes keep their handling. Run by lib/middlewares.js (step 8).

/** PocketBase's own API: everything under these is left to PocketBase's error handling. */
const POCKETBASE_ROUTES = /^\/api\/(collections|batch|realtime|files|settings|logs|backups|crons|health|oauth2-redirect)(\/|$)/;

const MESSAGE = "Server sedang bermasalah. Coba lagi sebentar lagi; bila tetap gagal, hubungi kantor Dinas Sosial.";

/** A body PocketBase could not parse (e.requestInfo() on broken JSON or multipart): the caller's fault, a 400. */
const UNREADABLE_BODY = /^(GoError: )?(jsontext:|json:|invalid character|unexpected end of JSON|multipart:|mime:)/i;

/** Throws what the caller should get for `err` on this request. */
function rethrow(e, err) {
  const path = e.request.url.path;
  const meant = (err && err.value && err.value.status) || (err && err.status);
  if (meant || path.indexOf("/api/") !== 0 || POCKETBASE_ROUTES.test(path)) throw err;
  if (UNREADABLE_BODY.test(String(err))) throw new BadRequestError("Data yang dikirim tidak dapat dibaca. Muat ulang halaman, lalu kirim lagi.", {});
  // The route's pattern, not its path: a path can hold a tracking code.
  const route = e.request.method + " " + (String(e.request.pattern || "").replace(/^[A-Z]+ /, "") || path.split("/").slice(0, 3).join("/"));
  e.app.logger().error("Rute portal gagal", "rute", route, "galat", String(err));
  throw new InternalServerError(MESSAGE, {});
}

module.exports = { rethrow: rethrow };
