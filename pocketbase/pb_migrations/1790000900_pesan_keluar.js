/// <reference path="../pb_data/types.d.ts" />
// Messages to applicants and reporters (issue 14): the outbox every notification goes through,
// and the applicant's and reporter's channel choice. The outbox holds phone numbers and email addresses, so no
// API rule opens it: staff read it through /api/petugas/pesan (lib/notify.js), which shows only
// messages of requests they may see; superusers see it in the admin UI.
migrate(
  (app) => {
    const schema = require(`${__hooks}/../pb_migrations/lib/schema.js`);
    const permohonan = app.findCollectionByNameOrId("permohonan");
    permohonan.fields.add(new SelectField({ name: "saluran_pesan", values: ["whatsapp", "sms", "email"], maxSelect: 1, help: "Saluran pesan yang dipilih pemohon untuk kabar permohonannya. Kosong: WhatsApp bila nomornya nomor HP." }));
    permohonan.fields.add(new TextField({ name: "surel", max: 254, help: "Alamat surel pemohon (boleh kosong; wajib bila memilih surel). Dihapus pada masa retensi." }));
    app.save(permohonan);
    const laporan = app.findCollectionByNameOrId("laporan");
    laporan.fields.add(new SelectField({ name: "saluran_pesan", values: ["whatsapp", "sms"], maxSelect: 1, help: "Saluran pesan yang dipilih pelapor (bukan anonim, dengan nomor HP). Kosong: WhatsApp." }));
    app.save(laporan);

    const outbox = schema.baseCollection("pesan_keluar", {
      fields: [
        { type: "relation", name: "permohonan", collectionId: permohonan.id, maxSelect: 1, cascadeDelete: false, help: "Permohonan yang dikabarkan." },
        { type: "relation", name: "laporan", collectionId: app.findCollectionByNameOrId("laporan").id, maxSelect: 1, cascadeDelete: false, help: "Laporan yang dikabarkan." },
        { type: "text", name: "kode_lacak", max: 20, help: "Kode lacak permohonan atau laporan." },
        { type: "select", name: "peristiwa", values: ["diterima", "perbaikan", "kunjungan", "diputus", "selesai", "survei"], maxSelect: 1, required: true, help: "Peristiwa yang dikabarkan." },
        { type: "select", name: "saluran", values: ["whatsapp", "sms", "email"], maxSelect: 1, required: true, help: "Saluran yang dipilih penerima." },
        { type: "text", name: "tujuan", max: 254, help: "Nomor HP (+62…) atau alamat surel penerima. Dihapus pada masa retensi." },
        { type: "text", name: "subjek", max: 200, help: "Judul surel." },
        { type: "text", name: "teks", max: 2000, help: "Isi pesan yang dikirim (dari templat di content/; tanpa NIK, dokumen, atau catatan petugas)." },
        {
          type: "select",
          name: "status",
          values: ["menunggu", "mengirim", "terkirim", "gagal", "tidak_pasti", "manual", "dikirim_petugas"],
          maxSelect: 1,
          required: true,
          help: "menunggu: akan dikirim; mengirim: sedang dikirim; terkirim: diterima penyedia; gagal: gagal setelah dicoba; tidak_pasti: server berhenti saat mengirim, periksa sebelum mengirim ulang; manual: belum ada penyedia, kirim lewat WhatsApp dari ruang kerja; dikirim_petugas: dikirim petugas lewat WhatsApp.",
        },
        { type: "number", name: "percobaan", min: 0, onlyInt: true, help: "Berapa kali sudah dicoba." },
        { type: "date", name: "coba_setelah", help: "Percobaan berikutnya tidak sebelum waktu ini (jeda yang makin panjang, atau akhir jam tenang)." },
        { type: "date", name: "sewa_sampai", help: "Pengirim yang sedang memegang pesan ini memegangnya sampai waktu ini." },
        { type: "text", name: "kunci", max: 120, required: true, help: "Kunci unik peristiwa: satu peristiwa, satu pesan." },
        { type: "text", name: "galat", max: 500, help: "Galat terakhir dari penyedia (tanpa data pribadi)." },
        { type: "text", name: "id_penyedia", max: 200, help: "Nomor pesan dari penyedia (mis. wamid WhatsApp)." },
        { type: "date", name: "terkirim_pada", help: "Waktu pesan diterima penyedia atau dikirim petugas." },
        { type: "relation", name: "dikirim_oleh", collectionId: app.findCollectionByNameOrId("petugas").id, maxSelect: 1, cascadeDelete: false, help: "Petugas yang mengirim lewat WhatsApp sendiri." },
        schema.CREATED,
        schema.UPDATED,
      ],
      indexes: [
        "CREATE UNIQUE INDEX idx_pesan_kunci ON pesan_keluar (kunci)",
        "CREATE INDEX idx_pesan_status ON pesan_keluar (status, coba_setelah)",
        "CREATE INDEX idx_pesan_permohonan ON pesan_keluar (permohonan)",
        "CREATE INDEX idx_pesan_laporan ON pesan_keluar (laporan)",
      ],
    });
    app.save(outbox);
  },
  (app) => {
    app.delete(app.findCollectionByNameOrId("pesan_keluar"));
    const laporan = app.findCollectionByNameOrId("laporan");
    laporan.fields.removeByName("saluran_pesan");
    app.save(laporan);
    const permohonan = app.findCollectionByNameOrId("permohonan");
    permohonan.fields.removeByName("saluran_pesan");
    permohonan.fields.removeByName("surel");
    app.save(permohonan);
  },
);
