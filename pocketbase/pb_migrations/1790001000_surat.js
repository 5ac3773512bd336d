/// <reference path="../pb_data/types.d.ts" />
// Decision letters and handover records (issue 14 point 3, pb_hooks/lib/surat.js):
// - surat: one issued document, numbered from the per-year register, readable by the staff who
//   may read its request, written by the server only; its id is the address /verifikasi/<id>;
// - register_surat: the last number given in each year (one row a year, raised in the same
//   transaction as the letter is saved, so numbers have no gaps and no duplicates);
// - the history learns the kinds "surat" (issued) and "pencabutan_surat" (revoked).
migrate(
  (app) => {
    const schema = require(`${__hooks}/../pb_migrations/lib/schema.js`);
    const ASSIGNED = schema.staffOf("permohonan.petugas_lapangan");
    const permohonan = app.findCollectionByNameOrId("permohonan");
    const letters = schema.baseCollection("surat", {
      listRule: ASSIGNED,
      viewRule: ASSIGNED,
      fields: [
        { type: "relation", name: "permohonan", required: true, collectionId: permohonan.id, maxSelect: 1, cascadeDelete: false, presentable: true, help: "Permohonan yang diputus dengan surat ini." },
        { type: "text", name: "templat", required: true, max: 80, help: "Kunci templat surat (nama berkas di content/letters/)." },
        { type: "text", name: "judul", required: true, max: 200, help: "Jenis dokumen, misalnya Berita Acara Serah Terima Barang (BASTB)." },
        { type: "text", name: "jenis", required: true, max: 100, help: "Jenis singkat yang tampil di halaman verifikasi." },
        { type: "number", name: "tahun", required: true, onlyInt: true, min: 2000, help: "Tahun register nomor surat." },
        { type: "number", name: "nomor_urut", required: true, onlyInt: true, min: 1, help: "Nomor urut dalam register tahun itu: tanpa loncatan, tanpa ganda." },
        { type: "text", name: "nomor", required: true, max: 100, presentable: true, help: "Nomor surat lengkap, misalnya 012/460/DINSOS/2026." },
        { type: "date", name: "tanggal", required: true, help: "Tanggal surat." },
        { type: "text", name: "penandatangan_peran", max: 100, help: "Jabatan penanda tangan (dari content/reference/roles.yaml)." },
        { type: "text", name: "penandatangan_nama", max: 100, help: "Nama penanda tangan saat surat dibuat." },
        { type: "json", name: "isi", maxSize: 20000, help: "Isi surat yang sudah diisi (perihal, paragraf, tanda tangan). Memuat nama penerima: data pribadi." },
        { type: "text", name: "inisial", max: 20, help: "Inisial penerima, satu-satunya data orang yang tampil di halaman verifikasi." },
        { type: "select", name: "status", required: true, maxSelect: 1, values: ["berlaku", "dicabut"], help: "Berlaku, atau dicabut oleh peran yang berwenang (tercatat di riwayat)." },
        { type: "date", name: "dicabut_pada", help: "Waktu surat dicabut." },
        { type: "text", name: "alasan_cabut", max: 1000, help: "Alasan pencabutan (tidak tampil di halaman verifikasi)." },
        { type: "file", name: "pindaian", maxSelect: 1, maxSize: 10 * 1024 * 1024, mimeTypes: ["application/pdf", "image/jpeg", "image/png"], protected: true, help: "Pindaian surat atau berita acara yang sudah ditandatangani. Data pribadi." },
        { type: "text", name: "tanda_tangan_elektronik", max: 200, help: "Tempat untuk tanda tangan elektronik (penyedia belum dipasang; lihat README)." },
        schema.CREATED,
        schema.UPDATED,
      ],
      indexes: [
        "CREATE UNIQUE INDEX idx_surat_nomor ON surat (tahun, nomor_urut)",
        "CREATE INDEX idx_surat_permohonan ON surat (permohonan)",
      ],
    });
    app.save(letters);

    const register = schema.baseCollection("register_surat", {
      fields: [
        { type: "number", name: "tahun", required: true, onlyInt: true, min: 2000, help: "Tahun register." },
        { type: "number", name: "terakhir", onlyInt: true, min: 0, help: "Nomor terakhir yang diberikan tahun ini. Diatur sistem; jangan diubah." },
      ],
      indexes: ["CREATE UNIQUE INDEX idx_register_surat_tahun ON register_surat (tahun)"],
    });
    app.save(register);

    schema.addHistoryKinds(app, ["surat", "pencabutan_surat", "pindaian_surat"]);
  },
  (app) => {
    require(`${__hooks}/../pb_migrations/lib/schema.js`).deleteCollections(app, ["surat", "register_surat"]);
  },
);
