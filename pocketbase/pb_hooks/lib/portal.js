// Reads the public rules built from content/ (dist/data/portal.json, see
// src/pages/data/portal.json.ts) so the hooks enforce what the site publishes. Cached per JS
// runtime and re-read when the file changes (a rebuild in development).
let cache = null;

function dataPath() {
  const siteDir = $os.getenv("PORTAL_SITE_DIR");
  return siteDir ? siteDir + "/data/portal.json" : "";
}

/** The portal data, or null when the site has not been built. */
function load() {
  const file = dataPath();
  if (!file) return null;
  let stamp;
  try {
    stamp = $os.stat(file).modTime().unixMilli();
  } catch (_) {
    return null;
  }
  if (!cache || cache.stamp !== stamp) {
    cache = { stamp: stamp, data: JSON.parse(toString($os.readFile(file))) };
  }
  return cache.data;
}

/** load(), or a 503 the person can understand when the site is not built. */
function require_() {
  const data = load();
  if (!data) throw new ApiError(503, "Layanan sedang disiapkan. Coba lagi beberapa saat lagi.", {});
  return data;
}

function service(data, id) {
  for (let i = 0; i < data.services.length; i++) if (data.services[i].id === id) return data.services[i];
  return undefined;
}

function status(data, id) {
  for (let i = 0; i < data.statuses.length; i++) if (data.statuses[i].id === id) return data.statuses[i];
  return undefined;
}

/** Today's date in the office time zone, YYYY-MM-DD. */
function today(data) {
  const rules = require(`${__hooks}/lib/rules.generated.js`);
  const offset = rules.zoneOffsetHours(data.site.timeZone) * 3600000;
  return new Date(Date.now() + offset).toISOString().slice(0, 10);
}

module.exports = { load: load, required: require_, service: service, status: status, today: today };
