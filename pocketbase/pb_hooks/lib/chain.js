// Tamper-evident records of who did what. Each history entry of a request or report carries its
// place in that request's history (`urutan`) and a SHA-256 over its content and the previous
// entry's hash, so an entry edited, removed or inserted later, even through the admin UI's SQL
// console, breaks the chain. The notes of an entry are hashed apart (`isi_hash`): retention may
// empty them without breaking the chain, and says so in an entry of its own. The access log is
// one chain for the whole office. `verify` checks everything (command and daily cron).

const HISTORIES = {
  riwayat_permohonan: "permohonan",
  riwayat_laporan: "laporan",
};

/** The fields an entry's hash covers, in a fixed order (notes through isi_hash). */
const COVERED = ["jenis", "status_dari", "status", "petugas", "akun", "peran", "langkah", "perubahan", "dokumen_perbaikan", "isi_hash"];

function sha(text) {
  return $security.sha256(text);
}

function notesHash(publicNote, internalNote) {
  return sha(String(publicNote || "") + "\u0000" + String(internalNote || ""));
}

const EMPTY_NOTES = "";

/** The record's field names as a set: read once for all the fields an entry's hash covers. */
function fieldSet(record) {
  const names = record.collection().fields.fieldNames();
  const set = {};
  for (let i = 0; i < names.length; i++) set[names[i]] = true;
  return set;
}

/** `fields`: fieldSet(record). */
function valueOf(record, field, fields) {
  if (!fields[field]) return null;
  const v = record.get(field);
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  // JSON and multi-value fields: their canonical JSON text.
  try {
    return JSON.parse(JSON.stringify(v));
  } catch (_) {
    return String(v);
  }
}

function entryHash(entry, parentField) {
  const covered = { parent: entry.getString(parentField), urutan: entry.getInt("urutan"), created: entry.getString("created"), sebelum: entry.getString("hash_sebelum") };
  const fields = fieldSet(entry);
  for (let i = 0; i < COVERED.length; i++) covered[COVERED[i]] = valueOf(entry, COVERED[i], fields);
  return sha(JSON.stringify(covered));
}

function historyOf(parent) {
  const historyName = parent.collection().name === "laporan" ? "riwayat_laporan" : "riwayat_permohonan";
  return { historyName: historyName, parentField: HISTORIES[historyName] };
}

/** An unsaved entry for `parent` after `previous` (its last entry, or none). */
function buildEntry(app, parent, fields, previous) {
  const h = historyOf(parent);
  const entry = new Record(app.findCollectionByNameOrId(h.historyName));
  entry.set(h.parentField, parent.id);
  if (fields.status === undefined) entry.set("status", parent.getString("status"));
  for (const key in fields) entry.set(key, fields[key]);
  entry.set("urutan", previous.length > 0 ? previous[0].getInt("urutan") + 1 : 1);
  entry.set("hash_sebelum", previous.length > 0 ? previous[0].getString("hash") : "");
  entry.set("isi_hash", notesHash(entry.getString("catatan_publik"), entry.getString("catatan_internal")));
  return entry;
}

function logMessageError(app, parent, err) {
  app.logger().error("Pesan untuk pemohon tidak dapat dibuat", "kode", parent.getString("kode_lacak"), "galat", String(err).replace(/\d{8,}/g, "…").slice(0, 300));
}

/**
 * Saves a history entry for `parent` (inside the caller's transaction), chained to the previous
 * one. `fields` are the entry's own (jenis, status, notes…). The unique (parent, urutan) index
 * refuses a second entry racing for the same place, so the chain never forks.
 * `options.first`: the entry of a record being created, whose riwayat_urutan the caller set to 1
 * with its save: there is no previous entry to look up and no count to write (issue 16).
 * `options.prepared`: that first entry and its messages as prepareFirst built them.
 */
function append(app, parent, fields, options) {
  const first = Boolean(options && options.first);
  const prepared = first && options.prepared ? options.prepared : null;
  const h = historyOf(parent);
  const previous = first ? [] : app.findRecordsByFilter(h.historyName, h.parentField + " = {:id}", "-urutan", 1, 0, { id: parent.id });
  const entry = prepared ? prepared.entry : buildEntry(app, parent, fields, previous);
  app.save(entry);
  // The hash covers the creation time, which exists only once saved. Written directly: a second
  // save ran every record hook again and cost a fifth of an application's time.
  entry.set("hash", entryHash(entry, h.parentField));
  app
    .db()
    .newQuery("UPDATE " + h.historyName + " SET hash = {:hash} WHERE id = {:id}")
    .bind({ hash: entry.getString("hash"), id: entry.id })
    .execute();
  // The parent keeps its entry count: removing the last entries needs a second table edited.
  if (!first) {
    app
      .db()
      .newQuery("UPDATE " + parent.collection().name + " SET riwayat_urutan = {:n} WHERE id = {:id}")
      .bind({ n: entry.getInt("urutan"), id: parent.id })
      .execute();
  }
  // The messages this entry causes, in the same transaction: no event without its message. A
  // message that cannot be made (a broken template) never blocks the staff's work: it is logged.
  try {
    const notify = require(`${__hooks}/lib/notify.js`);
    if (prepared) notify.saveMessages(app, prepared.messages);
    else notify.enqueueFor(app, parent, entry);
  } catch (err) {
    logMessageError(app, parent, err);
  }
  return entry;
}

/**
 * The first entry of a record being created, and the messages it causes, built before the
 * record's transaction opens (append with { first: true, prepared }): that transaction holds
 * PocketBase's one writing connection, so only the saves happen inside it (issue 16). Null when
 * the record has no id yet (append then builds the entry itself).
 */
function prepareFirst(app, parent, fields) {
  if (!parent.id) return null;
  const entry = buildEntry(app, parent, fields, []);
  let messages = [];
  try {
    messages = require(`${__hooks}/lib/notify.js`).messagesFor(app, parent, entry);
  } catch (err) {
    logMessageError(app, parent, err);
  }
  return { entry: entry, messages: messages };
}

/** Empties an entry's notes (retention) without touching what its hash covers. */
function redactNotes(app, entry) {
  if (!entry.getString("catatan_publik") && !entry.getString("catatan_internal")) return false;
  app
    .db()
    .newQuery("UPDATE " + entry.collection().name + " SET catatan_publik = '', catatan_internal = '' WHERE id = {:id}")
    .bind({ id: entry.id })
    .execute();
  return true;
}

/** One access-log entry, chained to the last; retried when another one won the same place. */
function appendAccess(app, fields) {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      let saved = null;
      app.runInTransaction((tx) => {
        const last = tx.findRecordsByFilter("log_akses", "", "-created,-id", 1, 0);
        const entry = new Record(tx.findCollectionByNameOrId("log_akses"));
        for (const key in fields) entry.set(key, fields[key]);
        entry.set("hash_sebelum", last.length > 0 ? last[0].getString("hash") : "");
        tx.save(entry);
        entry.set("hash", accessHash(entry));
        tx.save(entry);
        saved = entry;
      });
      return saved;
    } catch (err) {
      if (attempt === 4) throw err;
    }
  }
  return null;
}

function accessHash(entry) {
  const covered = { sebelum: entry.getString("hash_sebelum"), created: entry.getString("created") };
  const names = ["akun", "nama", "koleksi", "rekaman", "kode_lacak", "dokumen", "ditolak"];
  const fields = fieldSet(entry);
  for (let i = 0; i < names.length; i++) covered[names[i]] = valueOf(entry, names[i], fields);
  return sha(JSON.stringify(covered));
}

/** Every break in every chain: [] when all hold. Messages in Indonesian, without personal data. */
function verify(app) {
  const problems = [];
  for (const historyName in HISTORIES) {
    const parentName = HISTORIES[historyName];
    const rows = arrayOf(new DynamicModel({ id: "", parent: "", urutan: 0 }));
    app
      .db()
      .newQuery("SELECT id, " + parentName + " AS parent, urutan FROM " + historyName + " ORDER BY " + parentName + ", urutan, created")
      .all(rows);
    const counts = arrayOf(new DynamicModel({ id: "", kode: "", n: 0 }));
    app
      .db()
      .newQuery("SELECT id, kode_lacak AS kode, riwayat_urutan AS n FROM " + parentName)
      .all(counts);
    const byParent = {};
    for (let i = 0; i < rows.length; i++) (byParent[rows[i].parent] = byParent[rows[i].parent] || []).push(rows[i].id);
    const codes = {};
    for (let i = 0; i < counts.length; i++) codes[counts[i].id] = { kode: counts[i].kode, n: counts[i].n };
    for (const parentId in byParent) {
      const ids = byParent[parentId];
      const where = (codes[parentId] ? codes[parentId].kode : parentId) + " (" + historyName + ")";
      let previousHash = "";
      let redactedUntilRetention = false;
      let retentionSeen = false;
      const entries = ids.map((id) => app.findRecordById(historyName, id));
      for (let j = entries.length - 1; j >= 0; j--) if (entries[j].getString("jenis") === "retensi") retentionSeen = true;
      for (let j = 0; j < entries.length; j++) {
        const entry = entries[j];
        const label = where + " entri " + (j + 1);
        if (entry.getInt("urutan") !== j + 1) problems.push(label + ": nomor urut " + entry.getInt("urutan") + ", seharusnya " + (j + 1) + " (ada entri yang hilang atau disisipkan).");
        if (entry.getString("hash_sebelum") !== previousHash) problems.push(label + ": tidak bersambung dengan entri sebelumnya.");
        if (entry.getString("hash") !== entryHash(entry, parentName)) problems.push(label + ": isinya berubah setelah dicatat.");
        const notes = entry.getString("catatan_publik") || entry.getString("catatan_internal");
        if (notes && notesHash(entry.getString("catatan_publik"), entry.getString("catatan_internal")) !== entry.getString("isi_hash")) problems.push(label + ": catatannya berubah setelah dicatat.");
        if (!notes && entry.getString("isi_hash") !== notesHash("", "") && !retentionSeen) redactedUntilRetention = true;
        previousHash = entry.getString("hash");
      }
      if (redactedUntilRetention) problems.push(where + ": catatan riwayat dikosongkan tanpa entri retensi.");
      if (codes[parentId] && codes[parentId].n !== entries.length) problems.push(where + ": tercatat " + codes[parentId].n + " entri, ada " + entries.length + ".");
    }
    for (const id in codes) if (codes[id].n > 0 && !byParent[id]) problems.push(codes[id].kode + " (" + historyName + "): seluruh riwayat hilang.");
  }
  const access = app.findRecordsByFilter("log_akses", "", "created,id", 0, 0);
  let previous = "";
  for (let i = 0; i < access.length; i++) {
    const label = "log_akses entri " + (i + 1);
    if (access[i].getString("hash_sebelum") !== previous) problems.push(label + ": tidak bersambung dengan entri sebelumnya.");
    if (access[i].getString("hash") !== accessHash(access[i])) problems.push(label + ": isinya berubah setelah dicatat.");
    previous = access[i].getString("hash");
  }
  return problems;
}

module.exports = { append: append, prepareFirst: prepareFirst, appendAccess: appendAccess, redactNotes: redactNotes, verify: verify, HISTORIES: HISTORIES, EMPTY_NOTES: EMPTY_NOTES };
