// The count of uploads in progress, shared by every JS runtime through the app's store (one
// process, one count). See upload-bound.pb.js for why there is a bound.

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
