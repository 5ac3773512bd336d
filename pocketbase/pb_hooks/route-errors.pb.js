/// <reference path="../pb_data/types.d.ts" />
// The portal's own routes (/api/lacak, /api/statistik, /api/petugas/…): an error that is not an
// answer we meant (a database failure, a bug) would reach the caller as PocketBase's 400
// "Something went wrong", logged only in debug mode. Here it becomes a 500 with an Indonesian
// message, and an error entry in the log without the address or any value from the request.
// PocketBase's own routes keep their handling (their field errors are plain errors it converts).

routerUse(new Middleware((e) => {
  try {
    return e.next();
  } catch (err) {
    return require(`${__hooks}/lib/route-errors.js`).rethrow(e, err);
  }
}, 0, "portalRouteErrors"));
