// The count of uploads in progress, shared by every JS runtime through the app's store (one
// process, one count). At most PORTAL_MAX_UPLOADS uploads (multipart requests) are handled at
// once; one more is answered at once with a 503, Retry-After and an Indonesian "coba lagi" that
// the forms show while keeping what was filled in (their submission id makes the retry safe).
// Why: every JS hook and middleware a request passes through holds one JS runtime until the
// request ends, and past the prewarmed pool PocketBase makes a new runtime per call; with the
// upload's parsed body on top, 50 people sending at once took PocketBase from 45 to 800 MB
// (issue 16). `npm start` sets the bound (and the pool it fits in) from the machine; the check is
// the first step of lib/middlewares.js, before any of PocketBase's own middlewares.

const KEY = "portal.uploadsInProgress";

/** Used when PORTAL_MAX_UPLOADS is unset (a PocketBase started without `npm start`). */
const DEFAULT_MAX = 8;

const RETRY_AFTER_SECONDS = 3;

const BUSY_MESSAGE = "Server sedang menerima banyak kiriman. Isian Anda tetap tersimpan; tunggu beberapa detik, lalu kirim lagi.";

function max() {
  const n = parseInt(String($os.getenv("PORTAL_MAX_UPLOADS") || ""), 10);
  return n > 0 ? n : DEFAULT_MAX;
}

/** Takes a place if one is free (atomically: setFunc holds the store's lock); false when full. */
function enter(app) {
  const limit = max();
  let admitted = false;
  app.store().setFunc(KEY, (old) => {
    const n = Number(old) || 0;
    admitted = n < limit;
    return admitted ? n + 1 : n;
  });
  return admitted;
}

function leave(app) {
  app.store().setFunc(KEY, (old) => Math.max(0, (Number(old) || 0) - 1));
}

/** Uploads in progress now (for tests and the bench). */
function inProgress(app) {
  return Number(app.store().get(KEY)) || 0;
}

module.exports = { enter: enter, leave: leave, inProgress: inProgress, max: max, RETRY_AFTER_SECONDS: RETRY_AFTER_SECONDS, BUSY_MESSAGE: BUSY_MESSAGE };
