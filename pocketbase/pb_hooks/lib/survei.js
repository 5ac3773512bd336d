// The database side of the satisfaction survey (src/lib/server/survei.ts `SurveiDb`; which code
// may rate, and the answer's checks, are decided there).
//
// An answer is unlinkable to the applicant: it stores no tracking code, only kunci_kode, a keyed
// one-way value of it (lib/secret.js) that stops a second answer for the same code, and only the
// month it was given.

// Collections that hand out tracking codes.
const SOURCES = ["permohonan", "laporan"];

/** The keyed one-way value a survey answer keeps instead of the code. */
function codeKey(app, code) {
  return require(`${__hooks}/lib/secret.js`).keyed(app, "survei", code);
}

function answered(app, code) {
  return app.findRecordsByFilter("survei_kepuasan", "kunci_kode = {:k}", "", 1, 0, { k: codeKey(app, code) }).length > 0;
}

/** `SurveiDb` over this app's database. */
function store(app) {
  return {
    findRequest: function (code) {
      for (let i = 0; i < SOURCES.length; i++) {
        const found = app.findRecordsByFilter(SOURCES[i], "kode_lacak = {:code}", "", 1, 0, { code: code });
        if (found.length === 0) continue;
        const r = found[0];
        return { collection: SOURCES[i], status: r.getString("status"), berkas_dihapus: r.getBool("berkas_dihapus"), layanan: r.getString("layanan"), jenis: r.getString("jenis") };
      }
      return null;
    },
    answered: function (code) {
      return answered(app, code);
    },
    answeredBy: function (code, submissionId) {
      const rows = arrayOf(new DynamicModel({ id: "" }));
      app
        .db()
        .newQuery("SELECT id FROM survei_kepuasan WHERE id_pengiriman = {:s} AND kunci_kode = {:k} LIMIT 1")
        .bind({ s: submissionId, k: codeKey(app, code) })
        .all(rows);
      return rows.length > 0 ? rows[0].id : null;
    },
    save: function (fields, code, submissionId) {
      const record = new Record(app.findCollectionByNameOrId("survei_kepuasan"));
      for (const key in fields) record.set(key, fields[key]);
      record.set("kunci_kode", codeKey(app, code));
      record.set("id_pengiriman", submissionId);
      app.save(record);
      return record.id;
    },
  };
}

module.exports = { codeKey: codeKey, store: store };
