// The public rules from content/, as the server build wrote them (portal.generated.js, from
// src/lib/portal-data.ts): the hooks enforce what the site publishes without ever reading the
// site's build output.

/** The portal data (cached by require for the life of each JS runtime). */
function required() {
  return require(`${__hooks}/lib/portal.generated.js`);
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
  return rules.officeDate(new Date(), data.site.timeZone);
}

module.exports = { required: required, service: service, status: status, today: today };
