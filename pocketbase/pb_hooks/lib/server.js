// The PocketBase side of the route logic bundled from src/lib/server (server.generated.js): the
// refusals it throws, as PocketBase's errors. Each domain's database access for that logic sits
// in its own lib (lacak.js, statistik.js, survei.js) as the small interface the TypeScript names.

/** src/lib/server/common.ts `Refusals`: a 400 with Indonesian messages per field. */
function refusals() {
  return {
    badRequest: function (message, fields) {
      const data = {};
      for (const key in fields || {}) data[key] = new ValidationError("validation_failed", fields[key]);
      return new BadRequestError(message, data);
    },
  };
}

module.exports = { refusals: refusals };
