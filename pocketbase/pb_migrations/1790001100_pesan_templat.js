/// <reference path="../pb_data/types.d.ts" />
// The approved WhatsApp template of an outgoing message (name, language, values in order), kept
// beside its text so the sender can use it when PORTAL_WA_CLOUD_TEMPLATES=1 (lib/notify.js).
migrate(
  (app) => {
    const outbox = app.findCollectionByNameOrId("pesan_keluar");
    outbox.fields.add(new JSONField({ name: "templat", maxSize: 4000, help: "Templat WhatsApp yang disetujui Meta untuk pesan ini: nama, bahasa, dan isian berurutan (tanpa NIK atau data pribadi). Kosong: dikirim sebagai teks biasa." }));
    app.save(outbox);
  },
  (app) => {
    const outbox = app.findCollectionByNameOrId("pesan_keluar");
    outbox.fields.removeByName("templat");
    app.save(outbox);
  },
);
