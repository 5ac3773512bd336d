/// <reference path="../pb_data/types.d.ts" />
// Survei Kepuasan Masyarakat (Permenpan RB 14/2017): one anonymous response per finished
// request. Anyone may create one (through the checking hook, pb_hooks/survei.pb.js); only staff
// may read it. The select values must match RESPONDENT_FIELDS in src/lib/rules/ikm.ts.
migrate(
  (app) => {
    const schema = require(`${__hooks}/../pb_migrations/lib/schema.js`);
    const UNSUR = [
      ["u1", "Persyaratan"],
      ["u2", "Sistem, mekanisme, dan prosedur"],
      ["u3", "Waktu penyelesaian"],
      ["u4", "Biaya/tarif"],
      ["u5", "Produk spesifikasi jenis pelayanan"],
      ["u6", "Kompetensi pelaksana"],
      ["u7", "Perilaku pelaksana"],
      ["u8", "Penanganan pengaduan, saran, dan masukan"],
      ["u9", "Sarana dan prasarana"],
    ];

    const fields = [
      { type: "text", name: "kode_lacak", required: true, max: 20, presentable: true, help: "Kode pelacakan permohonan yang dinilai. Satu kode hanya dapat mengisi survei satu kali." },
      { type: "text", name: "layanan", required: true, max: 80, help: "Kunci layanan yang dinilai (nama berkas di content/services/), atau laporan:<jenis> untuk laporan warga. Diisi sistem dari permohonan, bukan dari isian warga." },
    ];
    for (let i = 0; i < UNSUR.length; i++) {
      fields.push({
        type: "number",
        name: UNSUR[i][0],
        required: true,
        min: 1,
        max: 4,
        onlyInt: true,
        help: "Unsur " + (i + 1) + " SKM: " + UNSUR[i][1] + ". Nilai 1 (paling buruk) sampai 4 (paling baik).",
      });
    }
    fields.push(
      { type: "select", name: "jenis_kelamin", maxSelect: 1, values: ["L", "P"], help: "Jenis kelamin responden (L laki-laki, P perempuan). Tidak wajib diisi." },
      { type: "select", name: "kelompok_usia", maxSelect: 1, values: ["<20", "20-29", "30-39", "40-49", "50-59", "60+"], help: "Kelompok usia responden dalam tahun. Tidak wajib diisi." },
      { type: "select", name: "pendidikan", maxSelect: 1, values: ["tidak_sekolah", "SD", "SMP", "SMA", "D3", "S1", "S2", "S3"], help: "Pendidikan terakhir responden. Tidak wajib diisi." },
      { type: "select", name: "pekerjaan", maxSelect: 1, values: ["PNS", "TNI", "POLRI", "swasta", "wirausaha", "petani_nelayan", "ibu_rumah_tangga", "pelajar", "tidak_bekerja", "lainnya"], help: "Pekerjaan utama responden. Tidak wajib diisi." },
      { type: "text", name: "saran", max: 1000, help: "Saran warga untuk perbaikan pelayanan, apa adanya. Bahan rencana tindak lanjut hasil SKM." },
      schema.CREATED,
    );

    const collection = schema.baseCollection("survei_kepuasan", {
      createRule: "",
      fields: fields,
      indexes: [
        "CREATE UNIQUE INDEX idx_survei_kode ON survei_kepuasan (kode_lacak)",
        "CREATE INDEX idx_survei_layanan ON survei_kepuasan (layanan)",
        "CREATE INDEX idx_survei_created ON survei_kepuasan (created)",
      ],
    });
    app.save(collection);

    // The survey check route and guest creates get their own limits, ahead of PocketBase's
    // default "/api/" rule (the first matching rule applies).
    const settings = app.settings();
    schema.limitFirst(settings, [
      { label: "/api/survei/", audience: "", maxRequests: 30, duration: 60 },
      { label: "survei_kepuasan:create", audience: "@guest", maxRequests: 20, duration: 60 },
    ]);
    app.save(settings);
  },
  (app) => {
    const schema = require(`${__hooks}/../pb_migrations/lib/schema.js`);
    const settings = app.settings();
    schema.dropLimits(settings, ["/api/survei/", "survei_kepuasan:create"]);
    app.save(settings);
    app.delete(app.findCollectionByNameOrId("survei_kepuasan"));
  },
);
