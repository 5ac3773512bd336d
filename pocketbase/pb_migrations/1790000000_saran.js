/// <reference path="../pb_data/types.d.ts" />
// Kotak saran: the first public write path. Anyone may leave a suggestion; only staff
// (superusers, and later staff accounts) may read it.
migrate(
  (app) => {
    const schema = require(`${__hooks}/../pb_migrations/lib/schema.js`);
    const collection = schema.baseCollection("saran", {
      createRule: "",
      fields: [
        {
          type: "text",
          name: "pesan",
          required: true,
          min: 10,
          max: 2000,
          presentable: true,
          help: "Isi saran atau masukan dari warga, apa adanya.",
        },
        {
          type: "text",
          name: "kontak",
          required: false,
          max: 100,
          help: "Nomor telepon atau surel bila warga ingin dihubungi kembali. Boleh kosong. Data pribadi: jangan disebarkan.",
        },
        schema.CREATED,
        schema.UPDATED,
      ],
      indexes: ["CREATE INDEX idx_saran_created ON saran (created)"],
    });
    app.save(collection);
  },
  (app) => {
    app.delete(app.findCollectionByNameOrId("saran"));
  },
);
