// The people around field work: the colleagues a case may be
// assigned to (suggested by kecamatan), and the access log for the roles that read it.

function cw() {
  return require(`${__hooks}/lib/casework.js`);
}

/** GET /api/petugas/rekan?jenis=&kasus=: src/lib/server/workspace.ts `rekan` over the active accounts. */
function colleagues(app, actor, kind, id) {
  const staff = require(`${__hooks}/lib/staff.js`);
  const record = cw().findCase(app, actor, kind === "laporan" ? "laporan" : "permohonan", id);
  const db = {
    activeStaff: function () {
      return app.findRecordsByFilter("petugas", "aktif = true", "nama", 0, 0).map((p) => ({ id: p.id, nama: p.getString("nama"), roles: staff.rolesOf(p), kecamatan: (p.get("kecamatan") || []).map(String) }));
    },
  };
  return require(`${__hooks}/lib/server.generated.js`).rekan(db, require(`${__hooks}/lib/portal.js`).required(), actor, cw().rowOf(record));
}

/** GET /api/petugas/log-akses: src/lib/server/workspace.ts `logAkses` over the log_akses collection. */
function accessLog(app, page) {
  const db = {
    count: function () {
      return app.countRecords("log_akses");
    },
    page: function (size, offset) {
      return app
        .findRecordsByFilter("log_akses", "", "-created,-id", size, offset)
        .map((r) => ({ created: r.getString("created"), nama: r.getString("nama"), kode_lacak: r.getString("kode_lacak"), koleksi: r.getString("koleksi"), dokumen: r.getString("dokumen"), ditolak: r.getBool("ditolak") }));
    },
  };
  return require(`${__hooks}/lib/server.generated.js`).logAkses(db, page);
}

module.exports = { colleagues: colleagues, accessLog: accessLog };
