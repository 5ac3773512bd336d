// A server secret kept as a file beside the database (pb_data/portal-kunci), not in it: the
// keyed one-way value of a tracking code on a survey answer (survei.js) must not be computable
// by someone who can only read the database. Created once, by a migration or at start; a
// backup of pb_data carries it, so a restored portal still recognises answered codes.

const FILE = "portal-kunci";

function path(app) {
  return app.dataDir() + "/" + FILE;
}

/** Creates the secret when it does not exist yet (single-threaded moments only: migrations, bootstrap). */
function ensure(app) {
  try {
    const existing = toString($os.readFile(path(app))).trim();
    if (existing.length >= 32) return existing;
  } catch (_) {
    // not created yet
  }
  const value = $security.randomString(48);
  $os.writeFile(path(app), value, 0o600);
  return value;
}

/** The secret; a missing file is a broken installation, not something to paper over. */
function get(app) {
  const value = toString($os.readFile(path(app))).trim();
  if (value.length < 32) throw new Error("pb_data/" + FILE + " rusak atau kosong");
  return value;
}

/** Keyed one-way value of a text (HMAC-SHA256, hex). */
function keyed(app, purpose, text) {
  return $security.hs256(purpose + ":" + text, get(app));
}

module.exports = { ensure: ensure, get: get, keyed: keyed, FILE: FILE };
