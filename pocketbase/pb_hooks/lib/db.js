/// <reference path="../../pb_data/types.d.ts" />
// "Not found" and "the database failed" are different answers: a lookup that finds nothing gives
// null, and any other error goes on to the caller, to become a logged 5xx
// (pb_hooks/lib/route-errors.js, a step of lib/middlewares.js) instead of a quiet "not found" or a missing figure.

/** Whether an error is dbx's sql.ErrNoRows, as a lookup by id or by data throws it. */
function isNoRows(err) {
  return /\bno rows in result set\b/i.test(String(err && err.value !== undefined ? err.value : err));
}

/** `find()`'s result, or null when it found no row. */
function orNull(find) {
  try {
    return find();
  } catch (err) {
    if (isNoRows(err)) return null;
    throw err;
  }
}

module.exports = { isNoRows: isNoRows, orNull: orNull };
