// The database side of the public tracking answer (src/lib/server/lacak.ts `LacakDb`; the answer
// itself is shaped there). Plain SQL for the few columns the answer uses: loading whole records
// (some fifty fields each) made this route half as fast as PocketBase's own view.

/** `LacakDb` over this app's database. */
function store(app) {
  const db = require(`${__hooks}/lib/db.js`);
  return {
    // Codes of applications and reports share one space: look in both, always, so a found and an
    // unknown code cost the same queries.
    find: function (code) {
      const found = new DynamicModel({ kind: "", id: "", jenis: "", status: "", created: "", dokumen_perbaikan: "", berkas_dihapus: false, pemohon_adalah: "", jumlah_surat: 0 });
      try {
        app
          .db()
          .newQuery(
            "SELECT 'permohonan' AS kind, id, layanan AS jenis, status, created, dokumen_perbaikan, berkas_dihapus, pemohon_adalah, " +
              "(SELECT COUNT(*) FROM surat WHERE surat.permohonan = permohonan.id) AS jumlah_surat FROM permohonan WHERE kode_lacak = {:code} " +
              "UNION ALL SELECT 'laporan' AS kind, id, jenis, status, created, '[]' AS dokumen_perbaikan, berkas_dihapus, '' AS pemohon_adalah, 0 AS jumlah_surat FROM laporan WHERE kode_lacak = {:code} LIMIT 1",
          )
          .bind({ code: code })
          .one(found);
        return found;
      } catch (err) {
        // dbx answers "no rows" with sql.ErrNoRows; anything else is a real failure.
        if (!db.isNoRows(err)) throw err;
        return null;
      }
    },
    // Status changes, recorded SOP steps and notes; an assignment, a document check or a data
    // change is internal unless staff wrote the person a public note with it.
    history: function (kind, id) {
      const table = kind === "laporan" ? "riwayat_laporan" : "riwayat_permohonan";
      const events = arrayOf(new DynamicModel({ created: "", status: "", catatan_publik: "" }));
      app
        .db()
        .newQuery(
          "SELECT created, status, catatan_publik FROM " + table + " WHERE " + kind + " = {:id} " +
            "AND (jenis = '' OR jenis IN ('status', 'catatan', 'langkah', 'buka_kembali', 'unggah_ulang') OR catatan_publik != '') ORDER BY urutan LIMIT 200",
        )
        .bind({ id: id })
        .all(events);
      return events;
    },
  };
}

module.exports = { store: store };
