/// <reference path="../pb_data/types.d.ts" />
// Privacy and abuse hardening (issue 12):
// - no public sign-up: PocketBase's default `users` collection (open registration, a public
//   avatar, and "email already exists" answers) is removed; staff have their own accounts;
// - survey responses keep no tracking code, only a keyed one-way value of it (kunci_kode) that
//   stops a second response, and only the month they were given: staff cannot join an answer
//   to the applicant by code or by the minute it arrived;
// - the kotak saran gets a rate limit; tracking, the survey check and the survey answer share
//   one per-address budget of code look-ups under /api/lacak/ (30 a minute in all);
// - the request log keeps 5 days, the figure the privacy notice states, and records which
//   account made each request (logAuthId), so staff actions can be traced.
migrate(
  (app) => {
    const schema = require(`${__hooks}/../pb_migrations/lib/schema.js`);
    try {
      app.delete(app.findCollectionByNameOrId("users"));
    } catch (_) {
      // already removed (or never created)
    }

    const survei = app.findCollectionByNameOrId("survei_kepuasan");
    survei.createRule = null; // answers come only through POST /api/lacak/{kode}/survei
    survei.fields.removeByName("kode_lacak");
    survei.fields.removeByName("created");
    survei.fields.add(new TextField({ name: "kunci_kode", max: 64, help: "Sidik satu arah dari kode pelacakan (bukan kodenya): mencegah survei diisi dua kali tanpa dapat dihubungkan ke pemohon. Kosong untuk survei kertas yang diketik petugas." }));
    survei.fields.add(new TextField({ name: "bulan", required: true, pattern: "^[0-9]{4}-(0[1-9]|1[0-2])$", help: "Bulan survei diisi (TTTT-BB). Sengaja hanya bulan, tanpa tanggal dan jam, agar jawaban tidak dapat dicocokkan dengan waktu penutupan permohonan." }));
    survei.indexes = [
      "CREATE UNIQUE INDEX idx_survei_kunci ON survei_kepuasan (kunci_kode) WHERE kunci_kode != ''",
      "CREATE INDEX idx_survei_layanan ON survei_kepuasan (layanan)",
      "CREATE INDEX idx_survei_bulan ON survei_kepuasan (bulan)",
    ];
    app.save(survei);

    const settings = app.settings();
    schema.limitFirst(
      settings,
      [
        // 10 suggestions in 10 minutes from one address: enough for a family behind one mobile
        // carrier address, far too few for a flood.
        { label: "saran:create", audience: "@guest", maxRequests: 10, duration: 600 },
      ],
      ["/api/survei/", "survei_kepuasan:create", "saran:create"],
    );
    settings.logs.maxDays = 5;
    settings.logs.logAuthId = true;
    app.save(settings);
  },
  (app) => {
    const survei = app.findCollectionByNameOrId("survei_kepuasan");
    survei.createRule = "";
    survei.fields.removeByName("kunci_kode");
    survei.fields.removeByName("bulan");
    survei.fields.add(new TextField({ name: "kode_lacak", max: 20 }));
    survei.fields.add(new AutodateField({ name: "created", onCreate: true, onUpdate: false }));
    survei.indexes = ["CREATE INDEX idx_survei_layanan ON survei_kepuasan (layanan)"];
    app.save(survei);
    const schema = require(`${__hooks}/../pb_migrations/lib/schema.js`);
    const settings = app.settings();
    schema.dropLimits(settings, ["saran:create"]);
    app.save(settings);
  },
);
