/// <reference path="../../pb_data/types.d.ts" />
// Pieces the hand-written migrations share. A migration loads this with
//   const schema = require(`${__hooks}/../pb_migrations/lib/schema.js`);
// PocketBase runs every .js file directly in pb_migrations/ as a migration, but not the files of
// its subfolders, and gives a migration's script `__hooks` (the pb_hooks folder, which always
// stands beside pb_migrations: scripts/lib/pocketbase.mjs); a relative require would resolve
// against the server's working directory instead.
//
// An applied migration never runs again on its database, but every fresh database runs it with
// what these helpers return at that time. So never change what an existing helper returns (fresh
// and old databases would get different schemas): add a new helper instead.

/** Signed-in staff whose account is active and whose first password has been changed. */
const STAFF = '@request.auth.collectionName = "petugas" && @request.auth.aktif = true && @request.auth.wajib_ganti_sandi = false';

/**
 * STAFF who see every case, or only the cases assigned to them: `assignee` is the path from the
 * record to the case's assignee (e.g. "permohonan.petugas_lapangan" from a request's history).
 */
function staffOf(assignee) {
  return STAFF + ' && (@request.auth.akses_kasus = "semua" || (@request.auth.akses_kasus = "ditugaskan" && ' + assignee + " = @request.auth.id))";
}

/** When a record was made; when it last changed. */
const CREATED = { type: "autodate", name: "created", onCreate: true, onUpdate: false };
const UPDATED = { type: "autodate", name: "updated", onCreate: true, onUpdate: true };

/**
 * A base collection that no API rule opens except those `spec` sets (listRule, viewRule,
 * createRule, …): staff reach it through the server's routes, superusers through the admin UI.
 * `spec` also holds its fields and indexes.
 */
function baseCollection(name, spec) {
  const data = { type: "base", name: name, listRule: null, viewRule: null, createRule: null, updateRule: null, deleteRule: null };
  for (const key in spec) data[key] = spec[key];
  return new Collection(data);
}

/**
 * Puts `rules` first in the rate limiter's list of `settings` (PocketBase applies the first rule
 * whose label matches, and its default "/api/" rule would otherwise win), dropping any rule
 * labelled as one of `replaced` (by default the labels of `rules`). The caller saves `settings`.
 */
function limitFirst(settings, rules, replaced) {
  const labels = replaced || rules.map((r) => r.label);
  settings.rateLimits.rules = rules.concat(settings.rateLimits.rules.filter((r) => labels.indexOf(r.label) < 0));
}

/** Removes the rate-limit rules labelled as one of `labels` from `settings` (a down migration's undo of limitFirst). */
function dropLimits(settings, labels) {
  settings.rateLimits.rules = settings.rateLimits.rules.filter((r) => labels.indexOf(r.label) < 0);
}

/** Deletes the named collections, skipping any that is already gone. */
function deleteCollections(app, names) {
  for (const name of names) {
    try {
      app.delete(app.findCollectionByNameOrId(name));
    } catch (_) {
      // already gone
    }
  }
}

/** Adds entry kinds to the request history's `jenis` choices (each once). */
function addHistoryKinds(app, kinds) {
  const riwayat = app.findCollectionByNameOrId("riwayat_permohonan");
  const field = riwayat.fields.getByName("jenis");
  for (const kind of kinds) if (field.values.indexOf(kind) < 0) field.values = field.values.concat([kind]);
  app.save(riwayat);
}

module.exports = { STAFF, staffOf, CREATED, UPDATED, baseCollection, limitFirst, dropLimits, deleteCollections, addHistoryKinds };
