// Files a crash left without a record. PocketBase writes a new record's files before its
// database transaction commits, so a kill in between leaves a folder of personal documents
// that belongs to no application or report: nobody can see it, and retention never deletes it.

const COLLECTIONS = ["permohonan", "laporan"];

/** PocketBase's record id format; any other name in storage is not ours to touch. */
const RECORD_ID = /^[a-z0-9]+$/;

/** Removes the storage folders of applications and reports whose record does not exist; returns how many. */
function removeOrphanFolders(app) {
  // With S3 the files are not on this disk (and cost a request each to list).
  if (app.settings().s3.enabled) return 0;
  let removed = 0;
  for (let c = 0; c < COLLECTIONS.length; c++) {
    let collection;
    try {
      collection = app.findCollectionByNameOrId(COLLECTIONS[c]);
    } catch (_) {
      continue; // migrations not applied yet
    }
    const dir = app.dataDir() + "/storage/" + collection.id;
    let entries;
    try {
      entries = $os.readDir(dir);
    } catch (_) {
      continue; // no file stored yet
    }
    for (let i = 0; i < entries.length; i++) {
      const id = entries[i].name();
      if (!entries[i].isDir() || !RECORD_ID.test(id)) continue;
      if (app.countRecords(collection, $dbx.hashExp({ id: id })) > 0) continue;
      $os.removeAll(dir + "/" + id);
      removed++;
    }
  }
  return removed;
}

module.exports = { COLLECTIONS: COLLECTIONS, removeOrphanFolders: removeOrphanFolders };
