/// <reference path="../pb_data/types.d.ts" />
// Re-upload by code (issue 14): the applicant proves who they are on /lacak/ and sends the
// documents staff asked for (pb_hooks/lib/unggah-ulang.js).
// - versi_dokumen: the file a re-upload (or an administrator) replaced, kept until the request
//   closes, readable by the staff who may read the request, written by the server only;
// - bukti_pemohon: failed proofs per tracking code (as a keyed one-way value, so an unknown code
//   is counted and locked exactly like a real one and the table names no code);
// (Rate: the routes live under /api/lacak/, so every proof and upload spends the same 30-a-minute
// per-address budget as a tracking look-up, migration 1790000200.)
// - the history learns the entry kind "unggah_ulang".
migrate(
  (app) => {
    const schema = require(`${__hooks}/../pb_migrations/lib/schema.js`);
    const ASSIGNED = schema.staffOf("permohonan.petugas_lapangan");
    const permohonan = app.findCollectionByNameOrId("permohonan");
    const versions = schema.baseCollection("versi_dokumen", {
      listRule: ASSIGNED,
      viewRule: ASSIGNED,
      fields: [
        { type: "relation", name: "permohonan", required: true, collectionId: permohonan.id, maxSelect: 1, cascadeDelete: true, presentable: true, help: "Permohonan pemilik dokumen ini." },
        { type: "text", name: "dokumen", required: true, max: 60, presentable: true, help: "Kunci jenis dokumen (dari content/reference/documents.yaml), misalnya kk." },
        { type: "file", name: "berkas", maxSelect: 1, maxSize: 20 * 1024 * 1024, protected: true, help: "Berkas lama yang diganti. Disimpan sampai permohonan ditutup, lalu dihapus otomatis. Data pribadi." },
        { type: "text", name: "diganti_oleh", max: 120, help: "Siapa yang mengganti berkas: pemohon (lewat portal) atau administrator." },
        schema.CREATED,
      ],
      indexes: ["CREATE INDEX idx_versi_dokumen_permohonan ON versi_dokumen (permohonan, dokumen, created)"],
    });
    app.save(versions);

    const attempts = schema.baseCollection("bukti_pemohon", {
      fields: [
        { type: "text", name: "kunci", required: true, max: 64, help: "Nilai satu arah (HMAC) dari kode pelacakan; kode aslinya tidak disimpan di sini." },
        { type: "number", name: "gagal", onlyInt: true, min: 0, help: "Jumlah pembuktian yang salah berturut-turut." },
        { type: "date", name: "terkunci_sampai", help: "Sampai kapan unggah ulang dan surat untuk kode ini dikunci setelah terlalu banyak pembuktian salah." },
        schema.UPDATED,
      ],
      indexes: ["CREATE UNIQUE INDEX idx_bukti_pemohon_kunci ON bukti_pemohon (kunci)"],
    });
    app.save(attempts);

    schema.addHistoryKinds(app, ["unggah_ulang"]);
  },
  (app) => {
    require(`${__hooks}/../pb_migrations/lib/schema.js`).deleteCollections(app, ["versi_dokumen", "bukti_pemohon"]);
  },
);
