/// <reference path="../pb_data/types.d.ts" />
// Serves the built Astro site from the same origin as the API, with a real 404 page:
// PocketBase's own static route would answer unknown paths with index.html and status 200.
// Text files go out precompressed (brotli or gzip) and every file with its cache policy:
// lib/static-delivery.js. Successful answers are not written to the request log (as with
// PocketBase's own static route): a page view is 5-20 files.
// PORTAL_SITE_DIR is set by scripts/lib/pocketbase.mjs (the same launcher for start, dev and tests).
routerAdd(
  "GET",
  "/{path...}",
  (e) => {
    const siteDir = $os.getenv("PORTAL_SITE_DIR");
    if (!siteDir) {
      return e.json(503, { message: "Situs belum dibangun. Jalankan npm start." });
    }
    return require(`${__hooks}/lib/static-delivery.js`).serve(e, siteDir);
  },
  $apis.skipSuccessActivityLog(),
);
