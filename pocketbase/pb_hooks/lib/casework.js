// The staff workspace's case work on the server (routes in petugas.pb.js, types in
// src/lib/api/petugas.ts): the database side of the queues (src/lib/server/workspace.ts, which
// shapes the answers and decides what waits for whom), and the record adapters the case file
// (lib/case-view.js) and the actions (lib/case-actions.js) share.

function server() {
  return require(`${__hooks}/lib/server.generated.js`);
}
function staff() {
  return require(`${__hooks}/lib/staff.js`);
}

/** Per-field Indonesian messages as one 400 (src/lib/server/case-actions.ts `fieldRefusal`). */
function fieldErrors(errors) {
  return server().fieldRefusal(require(`${__hooks}/lib/server.js`).refusals(), errors);
}

/**
 * A JSON field of `record` as an object: {} when it is empty (an empty JSON field reads as the
 * text "null") or does not hold JSON.
 */
function jsonObject(record, name) {
  const raw = record.get(name);
  try {
    return (raw ? JSON.parse(toString(raw)) : null) || {};
  } catch (_) {
    return {};
  }
}

/** A request or report record as src/lib/server/workspace.ts `CaseRow` (no query). */
function rowOf(record) {
  const isReport = record.collection().name === "laporan";
  return {
    kind: isReport ? "laporan" : "permohonan",
    id: record.id,
    kode_lacak: record.getString("kode_lacak"),
    status: record.getString("status"),
    langkah: record.getInt("langkah"),
    layanan: isReport ? "" : record.getString("layanan"),
    jenis: isReport ? record.getString("jenis") : "",
    assignee: record.getString(isReport ? "ditugaskan_ke" : "petugas_lapangan"),
    nama_lengkap: isReport ? "" : record.getString("nama_lengkap"),
    nik: isReport ? "" : record.getString("nik"),
    kecamatan: record.getString("kecamatan"),
    created: record.getString("created"),
    batas_tahap: record.getString("batas_tahap"),
    terlambat: record.getBool("terlambat"),
    berkas_dihapus: record.getBool("berkas_dihapus"),
    urgensi: isReport ? record.getString("urgensi") : "",
  };
}

/** `WorkspaceDb` (src/lib/server/workspace.ts) over this app's database. */
function store(app) {
  const db = require(`${__hooks}/lib/db.js`);
  return {
    cases: function (kind, filter, sort, params) {
      return app.findRecordsByFilter(kind, filter, sort, 0, 0, params).map(rowOf);
    },
    person: function (id) {
      if (!id) return null;
      const p = db.orNull(() => app.findRecordById("petugas", id));
      return p ? { id: p.id, nama: p.getString("nama") } : null;
    },
    sameNik: function (nik, exceptId) {
      return app
        .findRecordsByFilter("permohonan", "nik = {:nik} && id != {:id} && berkas_dihapus = false", "-created", 50, 0, { nik: nik, id: exceptId })
        .map((o) => ({ id: o.id, kode_lacak: o.getString("kode_lacak"), layanan: o.getString("layanan"), status: o.getString("status"), created: o.getString("created") }));
    },
  };
}

// ------------------------------------------------------------------ context (the record-side adapters of workspace.ts)

function flowOf(data, record) {
  return server().flowOf(data, record.getString("layanan"));
}

function reportFlowOf(data, record) {
  return server().reportFlowOf(data, record.getString("jenis"));
}

function stateOf(actor, record) {
  return server().stateOf(actor, rowOf(record));
}

/** The case, if this person may open it; otherwise the same 404 as a case that does not exist. */
function findCase(app, actor, kind, id) {
  if (kind !== "permohonan" && kind !== "laporan") throw new NotFoundError("Jenis kasus tidak dikenal.", {});
  const record = require(`${__hooks}/lib/db.js`).orNull(() => app.findRecordById(kind, id));
  if (!record || !server().maySee(actor, rowOf(record))) throw new NotFoundError("Kasus tidak ditemukan, atau tidak ditugaskan kepada Anda.", {});
  return record;
}

function personName(app, id) {
  return store(app).person(id);
}

function flagsOf(app, data, record) {
  return server().flagsOf(store(app), data, rowOf(record), new Date());
}

function queue(app, actor, query) {
  const get = (k) => String(query.get(k) || "");
  return server().antrean(store(app), require(`${__hooks}/lib/portal.js`).required(), actor, get, require(`${__hooks}/lib/server.js`).refusals(), new Date());
}

function today(app, actor) {
  return server().hariIni(store(app), require(`${__hooks}/lib/portal.js`).required(), actor, new Date());
}

module.exports = {
  iso: (text) => server().isoOrNull(text),
  pbDate: (d) => server().pbDate(d),
  byId: (list, id) => server().byId(list, id),
  fieldErrors: fieldErrors,
  jsonObject: jsonObject,
  rowOf: rowOf,
  store: store,
  flowOf: flowOf,
  reportFlowOf: reportFlowOf,
  stateOf: stateOf,
  findCase: findCase,
  personName: personName,
  flagsOf: flagsOf,
  queue: queue,
  today: today,
};
