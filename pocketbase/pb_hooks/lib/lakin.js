// The database side of the LAKIN export (src/lib/server/lakin.ts `LakinDb`; the counts and the
// indicator are computed there). Only the columns the counts need; a NIK only tells persons apart
// and never leaves.

/** `LakinDb` over this app's database. */
function store(app) {
  const rows = (sql, shape, range) => {
    const found = arrayOf(new DynamicModel(shape));
    app.db().newQuery(sql).bind({ from: range.from, to: range.to }).all(found);
    return found;
  };
  return {
    requests: function (range) {
      return rows("SELECT id, layanan, kategori_ppks, kecamatan, status, created, nik FROM permohonan WHERE created >= {:from} AND created < {:to}", { id: "", layanan: "", kategori_ppks: "", kecamatan: "", status: "", created: "", nik: "" }, range);
    },
    reports: function (range) {
      return rows("SELECT id, jenis, status FROM laporan WHERE created >= {:from} AND created < {:to}", { id: "", jenis: "", status: "" }, range);
    },
  };
}

function exportCsv(app, year) {
  return require(`${__hooks}/lib/server.generated.js`).lakinCsv(store(app), require(`${__hooks}/lib/portal.js`).required(), year);
}

function indicators(app, year) {
  return require(`${__hooks}/lib/server.generated.js`).indicators(store(app), require(`${__hooks}/lib/portal.js`).required(), year);
}

module.exports = { exportCsv: exportCsv, indicators: indicators, store: store };
