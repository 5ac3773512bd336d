// The PocketBase side of the route logic bundled from src/lib/server (server.generated.js): the
// refusals it throws, as PocketBase's errors. Each domain's database access for that logic sits
// in its own lib (lacak.js, statistik.js, survei.js) as the small interface the TypeScript names.

/** src/lib/server/common.ts `Refusals`: a 400, 403 or 429 with Indonesian messages (per field where given). */
function refusals() {
  const perField = (fields) => {
    const data = {};
    for (const key in fields || {}) data[key] = new ValidationError("validation_failed", fields[key]);
    return data;
  };
  return {
    badRequest: function (message, fields) {
      return new BadRequestError(message, perField(fields));
    },
    forbidden: function (message, fields) {
      return new ForbiddenError(message, perField(fields));
    },
    tooMany: function (message) {
      return new ApiError(429, message, {});
    },
  };
}

/** Per-field Indonesian messages as one 400 under `message` (default: the form's general words). */
function fieldErrors(fields, message) {
  return refusals().badRequest(message || "Periksa kembali isian Anda.", fields);
}

module.exports = { refusals: refusals, fieldErrors: fieldErrors };
