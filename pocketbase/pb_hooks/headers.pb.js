/// <reference path="../pb_data/types.d.ts" />
// Security headers on everything PocketBase serves (site, API, admin UI). PocketBase already
// sends X-Content-Type-Options and X-Frame-Options. Added here:
// - a CSP that forbids framing by other sites, <base> hijacking, foreign form targets and plugins.
//   Script and style sources are in each page's own CSP <meta> (Astro's security.csp, with
//   hashes of its inline island code), which also travels with the site to a CDN. Both
//   policies apply, so this header must not name script-src, style-src or default-src;
// - no Referer beyond this origin, so tracking codes in /lacak/?kode=… never leak to other sites;
// - device features off, except the phone's location on the report form and on the field
//   worker's visit form (/petugas/kunjungan/), which ask for it.
routerUse((e) => {
  const headers = e.response.header();
  const path = e.request.url.path;
  // Uploaded files keep PocketBase's stricter policy (default-src 'none'; sandbox), which it
  // sets only when no policy is set yet: a file named .html can then never run as a page here.
  if (!path.startsWith("/api/files/")) {
    headers.set("Content-Security-Policy", "frame-ancestors 'self'; base-uri 'self'; form-action 'self'; object-src 'none'");
  }
  headers.set("Referrer-Policy", "same-origin");
  const locates = ["/lapor/", "/lapor", "/petugas/kunjungan/", "/petugas/kunjungan"].indexOf(path) >= 0;
  const geolocation = locates ? "geolocation=(self)" : "geolocation=()";
  headers.set("Permissions-Policy", geolocation + ", camera=(), microphone=(), payment=(), usb=(), interest-cohort=()");
  return e.next();
});
