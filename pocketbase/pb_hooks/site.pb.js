/// <reference path="../pb_data/types.d.ts" />
// Serves the built Astro site from the same origin as the API, with a real 404 page:
// PocketBase's own static route would answer unknown paths with index.html and status 200.
// PORTAL_SITE_DIR is set by scripts/lib/pocketbase.mjs (the same launcher for start, dev and tests).
routerAdd("GET", "/{path...}", (e) => {
  const siteDir = $os.getenv("PORTAL_SITE_DIR");
  if (!siteDir) {
    return e.json(503, { message: "Situs belum dibangun. Jalankan npm start." });
  }
  try {
    return $apis.static($os.dirFS(siteDir), false)(e);
  } catch (err) {
    const status = err && err.value && err.value.status;
    if (status !== 404) throw err;
    let page = "<!doctype html><title>Halaman tidak ditemukan</title><h1>Halaman tidak ditemukan</h1>";
    try {
      page = toString($os.readFile(siteDir + "/404.html"));
    } catch (_) {
      // the fallback above is enough when the site has no 404 page
    }
    return e.html(404, page);
  }
});
