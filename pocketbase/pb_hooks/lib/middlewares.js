// The portal's app-wide request steps, run by two JS middlewares (middlewares.pb.js) instead of
// one middleware each. Why: every JS middleware and hook a request passes holds one JS runtime of
// PocketBase's pool until the request ends (past the pool PocketBase builds a one-off runtime per
// call), and each is a call into the JS engine. Eight middlewares held eight runtimes per upload
// and cost the application create a large part of its time and memory (issue 16). The steps keep
// their order; two middlewares remain because PocketBase's own middlewares sit between them:
//
// outer (before all of PocketBase's own, priority -100000):
//   1. the bound on uploads handled at once (lib/upload-bound.js): one more multipart request is
//      answered at once with a 503 and an Indonesian "coba lagi", its body never read;
//   2. PocketBase's own English answers to the public in Indonesian (apiMessages): before the
//      body-size limit, so its 413 is seen too;
//      (the kotak saran's plain form POST, refused by the limiter, gets its page back instead);
//   3. the visitor's address header removed when the connection is not from a trusted proxy
//      (before the rate limiter and the request log read it);
//   4. the administrators' tools limited to PORTAL_ADMIN_IPS;
//   5. the history and access-log collections kept from truncation, deletion, rule changes and
//      SQL writes from the admin UI's console.
// inner (inside PocketBase's activity logger, around its rate limiter: the logger writes its entry
// after this returns, so a request the limiter refuses is masked too):
//   6. security headers;
//   7. the log entry's privacy: addresses and error details masked, no IP or User-Agent on the
//      anonymous public paths (lib/log-privacy.js);
//   8. an unexpected error on the portal's own routes as a 500 in Indonesian (lib/route-errors.js).

function lib(name) {
  return require(`${__hooks}/lib/${name}.js`);
}

/**
 * The API error a caught exception carries: PocketBase's (a Go error crossing into JS, under
 * `value`) or one thrown by a step of the same middleware (a JS-made ApiError).
 */
function apiErrorOf(err) {
  if (!err) return null;
  if (err.value && err.value.status) return err.value;
  return err.status ? err : null;
}

// ------------------------------------------------------------------ 2. PocketBase's answers in Indonesian
// The public meets PocketBase's own answers too, and those are English: a broken or foreign body
// on a form ("Something went wrong while processing your request."), a body over the size limit,
// and a guest's 401/403/404/429 from the collection rules, the limiter or an unknown record. Staff
// requests keep PocketBase's own wording, which the admin UI expects.

const FORM_CREATE = /^\/api\/(collections\/(permohonan|laporan|saran)\/records|lacak\/[^/]+\/survei)\/?$/;
const GENERIC = ["Something went wrong while processing your request.", "Unsupported Content-Type.", "Failed to load the submitted data due to invalid formatting."];
// PocketBase's own wording (ours is Indonesian).
const ENGLISH = /\b(the|not|only|requested|invalid|missing|allowed|requires|too many|wasn't|doesn't|don't|please)\b/i;
const INDONESIAN = {
  401: "Masuk sebagai petugas terlebih dahulu untuk membuka data ini.",
  403: "Data ini hanya dapat dibuka atau diubah oleh petugas yang berwenang.",
  404: "Data yang diminta tidak ditemukan.",
  429: "Terlalu banyak permintaan dari alamat Anda. Tunggu satu menit, lalu coba lagi.",
};

/** Throws what the public should hear for `err` (PocketBase's English answer in Indonesian). */
function apiMessages(e, err) {
  const apiError = apiErrorOf(err);
  const status = apiError && apiError.status;
  const path = e.request.url.path;
  if (!status || path.indexOf("/api/") !== 0) throw err;
  const isFormCreate = e.request.method === "POST" && FORM_CREATE.test(path);
  if (isFormCreate && status === 413) {
    throw new ApiError(413, "Kiriman terlalu besar. Perkecil foto atau berkas, lalu kirim lagi.", {});
  }
  const data = apiError.data;
  if (isFormCreate && status === 400 && (!data || Object.keys(data).length === 0) && GENERIC.indexOf(apiError.message) >= 0) {
    throw new BadRequestError("Data yang dikirim tidak dapat dibaca. Muat ulang halaman, lalu isi dan kirim formulir lagi.", {});
  }
  if (!e.auth && ENGLISH.test(apiError.message || "")) {
    const indonesian = INDONESIAN[status];
    if (indonesian) throw new ApiError(status, indonesian, data || {});
  }
  throw err;
}

// ------------------------------------------------------------------ 3. trusted proxy
// Behind a reverse proxy every request reaches PocketBase from the proxy's address; the header
// that carries the visitor's address is set at start (trusted-proxy.pb.js). PocketBase would
// believe that header from anyone, so it is removed from any request whose connection does not
// come from PORTAL_TRUSTED_PROXIES (default: this machine).
function stripUntrustedProxyHeaders(e) {
  const headers = e.app.settings().trustedProxy.headers;
  if (headers.length === 0) return;
  const net = lib("net");
  if (net.inList(e.remoteIP(), net.listFromEnv("PORTAL_TRUSTED_PROXIES", "127.0.0.1,::1"))) return;
  for (let i = 0; i < headers.length; i++) e.request.header.del(headers[i]);
}

// ------------------------------------------------------------------ 4. admin access
// PORTAL_ADMIN_IPS limits the admin UI and every superuser sign-in, one-time-code and
// password-reset route to those addresses (admin-access.pb.js applies it to superuser tokens).
function checkAdminAccess(e) {
  const path = e.request.url.path;
  if (path !== "/_" && path.indexOf("/_/") !== 0 && path.indexOf("/api/collections/_superusers/") !== 0) return;
  const net = lib("net");
  const list = net.listFromEnv("PORTAL_ADMIN_IPS", "");
  if (list.length > 0 && !net.inList(e.realIP(), list)) {
    throw new ForbiddenError("Halaman admin hanya dapat dibuka dari jaringan kantor.", {});
  }
}

// ------------------------------------------------------------------ 5. audit collections
// No truncate, no delete, no change of rules or fields, and no SQL from the admin UI's console
// that writes to them (reading stays possible). What the console could still do some other way,
// the hash chains show (lib/chain.js).
const AUDIT_COLLECTIONS = ["riwayat_permohonan", "riwayat_laporan", "log_akses"];

function guardAuditCollections(e) {
  const path = e.request.url.path;
  const method = e.request.method;
  if (path === "/api/sql" && method === "POST") {
    const body = e.requestInfo().body || {};
    const sql = String(body.query || "").toLowerCase();
    const touchesAudit = /riwayat_permohonan|riwayat_laporan|log_akses|writable_schema|sqlite_master|sqlite_schema/.test(sql);
    const writes = /\b(insert|update|delete|drop|alter|replace|create|attach|vacuum|pragma|reindex)\b/.test(sql);
    if (touchesAudit && writes) throw new ForbiddenError("Riwayat dan catatan akses tidak dapat diubah lewat konsol SQL.", {});
  }
  if (method !== "DELETE" && method !== "PATCH") return;
  const m = /^\/api\/collections\/([^/]+)(\/truncate)?\/?$/.exec(path);
  if (!m) return;
  let name = decodeURIComponent(m[1]);
  try {
    name = e.app.findCollectionByNameOrId(name).name;
  } catch (_) {
    // unknown: PocketBase answers it
  }
  if (AUDIT_COLLECTIONS.indexOf(name) >= 0) throw new ForbiddenError("Koleksi riwayat dan catatan akses tidak dapat dikosongkan, dihapus, atau diubah aturannya.", {});
}

// ------------------------------------------------------------------ 6. security headers
// On everything PocketBase serves (site, API, admin UI). PocketBase already sends
// X-Content-Type-Options and X-Frame-Options. Added here:
// - a CSP that forbids framing by other sites, <base> hijacking, foreign form targets and plugins.
//   Script and style sources are in each page's own CSP <meta> (Astro's security.csp), which also
//   travels with the site to a CDN. Both policies apply, so this header must not name
//   script-src, style-src or default-src;
// - no Referer beyond this origin, so tracking codes in /lacak/?kode=… never leak to other sites;
// - device features off, except the phone's location on the report form and on the field
//   worker's visit form (/petugas/kunjungan/), which ask for it.
const LOCATES = ["/lapor/", "/lapor", "/petugas/kunjungan/", "/petugas/kunjungan"];

function setSecurityHeaders(e) {
  const headers = e.response.header();
  const path = e.request.url.path;
  // Uploaded files keep PocketBase's stricter policy (default-src 'none'; sandbox), which it sets
  // only when no policy is set yet: a file named .html can then never run as a page here.
  if (!path.startsWith("/api/files/")) {
    headers.set("Content-Security-Policy", "frame-ancestors 'self'; base-uri 'self'; form-action 'self'; object-src 'none'");
  }
  headers.set("Referrer-Policy", "same-origin");
  const geolocation = LOCATES.indexOf(path) >= 0 ? "geolocation=(self)" : "geolocation=()";
  headers.set("Permissions-Policy", geolocation + ", camera=(), microphone=(), payment=(), usb=(), interest-cohort=()");
}

// ------------------------------------------------------------------ 7. log privacy
// Once a request has been handled, and before its log entry is written, what could identify a
// person is masked. The handlers themselves saw the real request; the rate limiter, which runs
// earlier, still counted the real address.
function maskLoggedRequest(e) {
  const privacy = lib("log-privacy");
  const url = e.request.url;
  if (url.rawQuery) url.rawQuery = privacy.maskQuery(url.rawQuery);
  const masked = privacy.maskPath(url.path);
  if (masked !== url.path) {
    url.path = masked;
    url.rawPath = "";
  }
  if (privacy.isAnonymous(e.request.method, e.request.url.path)) {
    e.request.remoteAddr = "0.0.0.0:0";
    e.request.header.del("User-Agent");
    const proxyHeaders = e.app.settings().trustedProxy.headers;
    for (let i = 0; i < proxyHeaders.length; i++) e.request.header.del(proxyHeaders[i]);
  }
}

// ------------------------------------------------------------------ the two middlewares

function isUpload(e) {
  const method = e.request.method;
  if (method !== "POST" && method !== "PATCH" && method !== "PUT") return false;
  return String(e.request.header.get("Content-Type") || "").indexOf("multipart/") === 0;
}

// The kotak saran's plain form POST (saran.pb.js): refused by the rate limiter, the person gets the
// page back with the reason and their text, not PocketBase's JSON.
const PLAIN_SARAN_POST = /^\/saran\/kirim\/?$/;

function plainSaranRefused(e, err) {
  const apiError = apiErrorOf(err);
  const siteDir = $os.getenv("PORTAL_SITE_DIR");
  if (!siteDir || !apiError || apiError.status !== 429) throw err;
  return lib("saran-page").busyPage(e, siteDir);
}

/** Steps 1 to 5. */
function outer(e) {
  let bound = null;
  if (isUpload(e)) {
    bound = lib("upload-bound");
    if (!bound.enter(e.app)) {
      e.response.header().set("Retry-After", String(bound.RETRY_AFTER_SECONDS));
      return e.json(503, { status: 503, message: bound.BUSY_MESSAGE, data: {} });
    }
  }
  try {
    try {
      stripUntrustedProxyHeaders(e);
      checkAdminAccess(e);
      guardAuditCollections(e);
      return e.next();
    } catch (err) {
      if (PLAIN_SARAN_POST.test(e.request.url.path) && e.request.method === "POST") return plainSaranRefused(e, err);
      return apiMessages(e, err);
    }
  } finally {
    if (bound) bound.leave(e.app);
  }
}

/** Steps 6 to 8. */
function inner(e) {
  setSecurityHeaders(e);
  try {
    try {
      return e.next();
    } catch (err) {
      return lib("route-errors").rethrow(e, err);
    }
  } catch (err) {
    throw lib("log-privacy").maskedError(err);
  } finally {
    maskLoggedRequest(e);
  }
}

module.exports = { outer: outer, inner: inner };
