// How the built site (dist/) reaches a browser: compressed when the browser accepts it, with a
// cache policy per kind of file, and a real 404 page (site.pb.js routes every unknown GET here).
//
// Compression is done at build time (scripts/lib/precompress.mjs writes x.br and x.gz next to
// every text file x); here the variant the browser accepts is picked and sent by Go's
// http.ServeContent (e.fileFS), which also answers HEAD and conditional requests (304).
//
// Cache policy (the "why" of each):
// - /_astro/…: Astro puts a hash of the content in every name there, so a changed file is a new
//   URL and an old one never changes: a year, immutable (no revalidation, not even on reload).
// - HTML, the search index /cari/indeks.json and every other unhashed text file: "no-cache",
//   i.e. stored but checked before each use. Their URLs stay the same across releases, and a
//   page must never be older than the hashed files it names, nor the index older than the
//   pages; the check is cheap (an ETag, answered 304 without a body).
// - unhashed images (favicon, the staff guide's /panduan/*.png): an hour, then the same check.
//   They change only with a release and only illustrate text that is always fresh, so a picture
//   at most an hour old is harmless, while a guide page with twenty pictures is spared twenty
//   round trips on every visit within the hour.
// Nothing here runs for /api/: PocketBase's own routes answer there (protected files are
// "private, no-store"), and an unknown /api/ path gets the plain 404 below, with no cache header.
//
// Range requests: a Range asks for bytes of the file itself, so such a request gets the file
// uncompressed and ServeContent answers 206 with those bytes (416 when out of range). A
// compressed answer is always the whole variant.

/** Keep in step with COMPRESSIBLE in scripts/lib/precompress.mjs. */
const COMPRESSIBLE = /\.(html|css|js|mjs|json|svg|xml|txt|webmanifest)$/i;
const IMAGE = /\.(png|jpe?g|gif|webp|avif|ico|svg)$/i;
/** Content-Encoding → suffix of the precompressed file, in the server's order of preference. */
const VARIANTS = [
  { encoding: "br", suffix: ".br" },
  { encoding: "gzip", suffix: ".gz" },
];
/** Set explicitly so that a compressed answer has the same type as the file itself. */
const TYPES = {
  html: "text/html; charset=utf-8",
  css: "text/css; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  mjs: "text/javascript; charset=utf-8",
  json: "application/json",
  svg: "image/svg+xml",
  xml: "text/xml; charset=utf-8",
  txt: "text/plain; charset=utf-8",
  webmanifest: "application/manifest+json",
};

const IMMUTABLE = "public, max-age=31536000, immutable";
const REVALIDATE = "no-cache";
const IMAGE_HOUR = "public, max-age=3600";

/** "layanan/x/" from the request's {path...}; null for anything that could leave the site folder. */
function cleanPath(raw) {
  const parts = [];
  const segments = String(raw || "").split("/");
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    if (seg === "" || seg === ".") continue;
    if (seg === ".." || seg.indexOf("\\") >= 0 || seg.indexOf("\u0000") >= 0) return null;
    parts.push(seg);
  }
  return parts.join("/");
}

/** The encoding to send for an Accept-Encoding header: "br", "gzip" or "" (the file as it is). */
function chooseEncoding(header) {
  const weights = {};
  const items = String(header || "").split(",");
  for (let i = 0; i < items.length; i++) {
    const bits = items[i].split(";");
    let name = bits[0].trim().toLowerCase();
    if (!name) continue;
    if (name === "x-gzip") name = "gzip";
    let q = 1;
    for (let j = 1; j < bits.length; j++) {
      // a q that is not a number counts as 0: never send what the client may not decode
      const m = /^\s*q\s*=(.*)$/i.exec(bits[j]);
      if (m) q = /^\s*[0-9.]+\s*$/.test(m[1]) ? Number(m[1]) : NaN;
    }
    if (!(q >= 0 && q <= 1)) q = 0;
    if (!(name in weights) || q > weights[name]) weights[name] = q;
  }
  const weight = (name) => (name in weights ? weights[name] : "*" in weights ? weights["*"] : 0);
  let best = "";
  let bestQ = 0;
  for (let i = 0; i < VARIANTS.length; i++) {
    const q = weight(VARIANTS[i].encoding);
    if (q > bestQ) {
      best = VARIANTS[i].encoding;
      bestQ = q;
    }
  }
  return best;
}

/** Cache-Control for a file of the site, by its path relative to dist/. */
function cacheControl(rel) {
  if (rel.indexOf("_astro/") === 0) return IMMUTABLE;
  if (IMAGE.test(rel)) return IMAGE_HOUR;
  return REVALIDATE;
}

function extension(rel) {
  const m = /\.([A-Za-z0-9]+)$/.exec(rel);
  return m ? m[1].toLowerCase() : "";
}

/** A request for a build-made variant itself (/x.js.br): never served as a file of its own. */
function isVariantPath(rel) {
  for (let i = 0; i < VARIANTS.length; i++) {
    const suffix = VARIANTS[i].suffix;
    if (rel.length > suffix.length && rel.slice(-suffix.length) === suffix && COMPRESSIBLE.test(rel.slice(0, -suffix.length))) return true;
  }
  return false;
}

/** Strong validator of one encoding of a file: its size and modification time, and the encoding. */
function etagOf(size, mtimeMs, encoding) {
  return '"' + Number(size).toString(36) + "-" + Number(mtimeMs).toString(36) + (encoding ? "+" + encoding : "") + '"';
}

function statOrNull(file) {
  try {
    return $os.stat(file);
  } catch (_) {
    return null;
  }
}

/** The site's 404 page with status 404, compressed like any page (plain for /api/ paths). */
function notFound(e, siteDir, plain) {
  const headers = e.response.header();
  const page = statOrNull(siteDir + "/404.html");
  if (!plain && page && !page.isDir()) {
    headers.add("Vary", "Accept-Encoding");
    headers.set("Cache-Control", REVALIDATE);
    let file = "/404.html";
    let size = page.size();
    const encoding = chooseEncoding(e.request.header.get("Accept-Encoding"));
    for (let i = 0; i < VARIANTS.length; i++) {
      if (VARIANTS[i].encoding !== encoding) continue;
      const variant = statOrNull(siteDir + file + VARIANTS[i].suffix);
      if (!variant || variant.isDir() || variant.modTime().unix() < page.modTime().unix()) break;
      headers.set("Content-Encoding", encoding);
      file += VARIANTS[i].suffix;
      size = variant.size();
    }
    headers.set("Content-Length", String(size));
    return e.blob(404, TYPES.html, $os.readFile(siteDir + file));
  }
  let html = "<!doctype html><title>Halaman tidak ditemukan</title><h1>Halaman tidak ditemukan</h1>";
  try {
    html = toString($os.readFile(siteDir + "/404.html"));
  } catch (_) {
    // the fallback above is enough when the site has no 404 page
  }
  return e.html(404, html);
}

/** Answers a GET or HEAD for a file of the built site in siteDir. */
function serve(e, siteDir) {
  const urlPath = String(e.request.url.path || "/");
  const fsys = $os.dirFS(siteDir);
  if (urlPath === "/api" || urlPath.indexOf("/api/") === 0) return notFound(e, siteDir, true);

  const rel = cleanPath(e.request.pathValue("path"));
  if (rel === null || isVariantPath(rel)) return notFound(e, siteDir, false);
  let file = rel;
  let info = statOrNull(siteDir + "/" + rel);
  if (!info) return notFound(e, siteDir, false);
  if (info.isDir()) {
    // /layanan → /layanan/ (PocketBase's own static handler redirects)
    if (urlPath.slice(-1) !== "/") return $apis.static(fsys, false)(e);
    file = rel ? rel + "/index.html" : "index.html";
    info = statOrNull(siteDir + "/" + file);
    if (!info || info.isDir()) return notFound(e, siteDir, false);
  } else if (urlPath.slice(-1) === "/" || /(^|\/)index\.html$/.test(urlPath)) {
    // /x.js/ → /x.js and /a/index.html → /a/ (the same redirects as PocketBase's handler)
    return $apis.static(fsys, false)(e);
  }

  const headers = e.response.header();
  const type = TYPES[extension(file)];
  if (type) headers.set("Content-Type", type);
  headers.set("Cache-Control", cacheControl(file));
  const mtimeMs = info.modTime().unixMilli();
  if (COMPRESSIBLE.test(file)) {
    headers.add("Vary", "Accept-Encoding");
    const encoding = e.request.header.get("Range") ? "" : chooseEncoding(e.request.header.get("Accept-Encoding"));
    for (let i = 0; i < VARIANTS.length; i++) {
      if (VARIANTS[i].encoding !== encoding) continue;
      const variant = statOrNull(siteDir + "/" + file + VARIANTS[i].suffix);
      // The build gives a variant its file's time: an older one was made from an older copy.
      if (!variant || variant.isDir() || variant.modTime().unix() < info.modTime().unix()) break;
      headers.set("Content-Encoding", encoding);
      // ServeContent leaves Content-Length out when Content-Encoding is set (Go issue 66735).
      headers.set("Content-Length", String(variant.size()));
      headers.set("ETag", etagOf(info.size(), mtimeMs, encoding));
      return e.fileFS(fsys, file + VARIANTS[i].suffix);
    }
  }
  headers.set("ETag", etagOf(info.size(), mtimeMs, ""));
  return e.fileFS(fsys, file);
}

module.exports = {
  serve: serve,
  notFound: notFound,
  cleanPath: cleanPath,
  chooseEncoding: chooseEncoding,
  cacheControl: cacheControl,
  isVariantPath: isVariantPath,
  etagOf: etagOf,
  COMPRESSIBLE: COMPRESSIBLE,
};
