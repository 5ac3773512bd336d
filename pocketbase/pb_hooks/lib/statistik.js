// The database side of the public figures (GET /api/statistik, src/lib/server/statistik.ts
// `StatistikDb`) and of the progress board (GET /api/progres, src/lib/server/progres.ts
// `ProgresDb`); the figures themselves are computed there. Only non-personal columns are ever
// selected: service or report kind, kecamatan, status, dates and survey scores.

function rowsOf(app, sql, shape, params) {
  const rows = arrayOf(new DynamicModel(shape));
  const q = app.db().newQuery(sql);
  if (params) q.bind(params);
  q.all(rows);
  return rows;
}

/** `StatistikDb` over this app's database. */
function figures(app) {
  return {
    counts: function () {
      return rowsOf(app, "SELECT layanan, status, COUNT(*) AS n FROM permohonan GROUP BY layanan, status", { layanan: "", status: "", n: 0 });
    },
    finished: function (served) {
      return rowsOf(app, "SELECT layanan, created, ditutup FROM permohonan WHERE status = {:served} AND ditutup != '' AND ditutup IS NOT NULL", { layanan: "", created: "", ditutup: "" }, { served: served });
    },
    reports: function () {
      return rowsOf(app, "SELECT jenis, status, COUNT(*) AS n FROM laporan GROUP BY jenis, status", { jenis: "", status: "", n: 0 });
    },
    survey: function () {
      const shape = { layanan: "" };
      const cols = [];
      for (let i = 1; i <= 9; i++) {
        shape["u" + i] = 0;
        cols.push("CAST(u" + i + " AS INTEGER) AS u" + i);
      }
      return rowsOf(app, "SELECT layanan, " + cols.join(", ") + " FROM survei_kepuasan", shape);
    },
  };
}

// Each record's status as it stood at the cut-off: the latest history entry before it. Every
// request and report gets its first entry in the same transaction as the record itself, a few
// milliseconds later; the second choice covers a record saved just before midnight whose first
// entry fell just after.
const STATUS_AT = (history, relation, record) =>
  "COALESCE(" +
  "(SELECT h.status FROM " + history + " h WHERE h." + relation + " = " + record + ".id AND h.created < {:cutoff} ORDER BY h.created DESC, h.rowid DESC LIMIT 1), " +
  "(SELECT h.status FROM " + history + " h WHERE h." + relation + " = " + record + ".id ORDER BY h.created, h.rowid LIMIT 1), '')";

const BOARD_SQL =
  "SELECT 'permohonan' AS jenis, p.layanan AS kunci, p.kecamatan AS kecamatan, p.created AS created, " + STATUS_AT("riwayat_permohonan", "permohonan", "p") + " AS status " +
  "FROM permohonan p WHERE p.created < {:cutoff} " +
  "UNION ALL SELECT 'laporan' AS jenis, l.jenis AS kunci, l.kecamatan AS kecamatan, l.created AS created, " + STATUS_AT("riwayat_laporan", "laporan", "l") + " AS status " +
  "FROM laporan l WHERE l.created < {:cutoff}";

// How many records and history entries lie before the cut-off. Nothing is ever created in the
// past, so this changes within a day only when someone rewrites history (the admin UI's SQL
// console, or a test that backdates records): then the cached board is computed again.
const STAMP_SQL =
  "SELECT (SELECT COUNT(*) FROM permohonan WHERE created < {:cutoff}) AS a, (SELECT COUNT(*) FROM laporan WHERE created < {:cutoff}) AS b, " +
  "(SELECT COUNT(*) FROM riwayat_permohonan WHERE created < {:cutoff}) AS c, (SELECT COUNT(*) FROM riwayat_laporan WHERE created < {:cutoff}) AS d";

/** `ProgresDb` over this app's database. */
function board(app) {
  return {
    stamp: function (cutoff) {
      const row = rowsOf(app, STAMP_SQL, { a: 0, b: 0, c: 0, d: 0 }, { cutoff: cutoff })[0];
      return [row.a, row.b, row.c, row.d].join(",");
    },
    rows: function (cutoff) {
      return rowsOf(app, BOARD_SQL, { jenis: "", kunci: "", kecamatan: "", created: "", status: "" }, { cutoff: cutoff });
    },
  };
}

module.exports = { figures: figures, board: board };
