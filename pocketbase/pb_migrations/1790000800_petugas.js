/// <reference path="../pb_data/types.d.ts" />
// Staff accounts and the records of who did what (issue 11). Staff are no longer superusers:
// each employee and each TKSK/PSM has an account in `petugas` with the roles of
// content/reference/roles.yaml (their choices are kept in step by the generated content
// migration), and works in /petugas/. No one signs up: administrators create accounts.
// - a request points at its next SOP step (`langkah`) and keeps the document checks;
// - field workers are `petugas` accounts (the old petugas_lapangan list had no sign-in);
// - the history gets a per-request hash chain (`urutan`, `hash_sebelum`, `hash`, `isi_hash`) so
//   an edited, removed or inserted entry shows, even one changed with the SQL console;
// - log_akses records every opening of a protected document (UU 27/2022).
// Reads of requests, reports and their history are opened to staff here; the rules that depend on
// roles (who reads the access log) come from content through the generated migration.
migrate(
  (app) => {
    const schema = require(`${__hooks}/../pb_migrations/lib/schema.js`);

    const petugas = new Collection({
      type: "auth",
      name: "petugas",
      listRule: schema.STAFF,
      viewRule: schema.STAFF,
      createRule: null,
      updateRule: null,
      deleteRule: null,
      authRule: "aktif = true",
      manageRule: null,
      passwordAuth: { enabled: true, identityFields: ["email"] },
      fields: [
        { type: "text", name: "nama", required: true, max: 100, presentable: true, help: "Nama lengkap petugas, seperti pada SK penugasan. Tampil di riwayat permohonan." },
        // Choices come from content/reference/roles.yaml (schema-sync); a placeholder until then.
        { type: "select", name: "peran", required: true, maxSelect: 1, values: ["belum-diatur"], help: "Peran petugas (boleh lebih dari satu). Peran menentukan langkah SOP yang boleh dicatat; lihat halaman Panduan petugas." },
        { type: "select", name: "kecamatan", maxSelect: 1, values: ["belum-diatur"], help: "Untuk TKSK/PSM dan petugas lapangan: kecamatan wilayah tugasnya. Dipakai untuk menyarankan penugasan." },
        { type: "text", name: "telepon", max: 20, help: "Nomor telepon/WhatsApp petugas untuk koordinasi. Tidak tampil kepada pemohon." },
        { type: "bool", name: "aktif", help: "Matikan bila petugas berhenti bertugas: akunnya tidak dapat masuk lagi, riwayat kerjanya tetap tersimpan." },
        { type: "bool", name: "wajib_ganti_sandi", help: "Tercentang untuk akun baru atau sandi yang diatur ulang administrator: petugas harus mengganti kata sandi sebelum bekerja." },
        { type: "select", name: "akses_kasus", maxSelect: 1, values: ["semua", "ditugaskan", "tidak"], help: "Diisi sistem dari peran: semua permohonan dan laporan, hanya yang ditugaskan (petugas lapangan), atau tidak ada. Jangan diubah manual." },
        schema.CREATED,
        schema.UPDATED,
      ],
      indexes: ["CREATE INDEX idx_petugas_aktif ON petugas (aktif)"],
    });
    // A second factor stays off until an administrator turns on MFA and OTP for this collection in
    // the admin UI (which needs SMTP); the mails staff then get are in Indonesian.
    unmarshal(
      {
        mfa: { enabled: false, duration: 1800 },
        otp: {
          enabled: false,
          duration: 300,
          length: 6,
          emailTemplate: {
            subject: "Kode masuk ruang kerja petugas {APP_NAME}",
            body: "<p>Yth. {RECORD:nama},</p><p>Kode masuk ruang kerja petugas Anda: <strong>{OTP}</strong></p><p>Kode ini berlaku 5 menit dan hanya untuk sekali masuk. Jangan berikan kode ini kepada siapa pun, termasuk yang mengaku petugas atau administrator.</p><p>Bila Anda tidak sedang masuk, abaikan surel ini dan beri tahu administrator kantor: ada yang mencoba masuk dengan kata sandi Anda.</p>",
          },
        },
        authAlert: {
          enabled: true,
          emailTemplate: {
            subject: "Akun petugas {APP_NAME} dipakai masuk dari perangkat baru",
            body: "<p>Yth. {RECORD:nama},</p><p>Akun petugas Anda baru saja dipakai masuk dari perangkat atau lokasi yang belum pernah dipakai.</p><p>Bila itu bukan Anda, segera hubungi administrator kantor agar kata sandi diganti dan akun diperiksa.</p>",
          },
        },
      },
      petugas,
    );
    app.save(petugas);

    // Sign-in attempts per address: ten in five minutes, then PocketBase answers 429.
    const settings = app.settings();
    // Emailed codes too: five requests in five minutes (each sends a mail).
    schema.limitFirst(settings, [
      { label: "petugas:auth", audience: "", maxRequests: 10, duration: 300 },
      { label: "petugas:requestOTP", audience: "", maxRequests: 5, duration: 300 },
    ]);
    app.save(settings);

    // Field workers become accounts: the assignment now points at a `petugas`.
    const permohonan = app.findCollectionByNameOrId("permohonan");
    permohonan.fields.removeByName("petugas_lapangan");
    permohonan.indexes = permohonan.indexes.filter((i) => !/idx_permohonan_petugas/.test(i));
    app.save(permohonan);
    try {
      app.delete(app.findCollectionByNameOrId("petugas_lapangan"));
    } catch (_) {
      // already gone
    }
    const ASSIGNED = schema.staffOf("petugas_lapangan");
    permohonan.listRule = ASSIGNED;
    permohonan.viewRule = ASSIGNED;
    permohonan.fields.add(new RelationField({ name: "petugas_lapangan", collectionId: petugas.id, maxSelect: 1, cascadeDelete: false, help: "TKSK/PSM atau pekerja sosial yang ditugaskan untuk langkah lapangan. Diatur lewat ruang kerja; tercatat di riwayat." }));
    permohonan.fields.add(new NumberField({ name: "langkah", onlyInt: true, min: 0, help: "Nomor urut (mulai 0) langkah SOP berikutnya yang harus dicatat. Diatur sistem; jangan diubah manual." }));
    permohonan.fields.add(new JSONField({ name: "pemeriksaan_dokumen", maxSize: 20000, help: "Hasil pemeriksaan tiap dokumen (sesuai atau perlu diganti, dengan alasan dan pemeriksanya). Diatur lewat ruang kerja." }));
    permohonan.fields.add(new JSONField({ name: "lokasi_kunjungan", maxSize: 200, help: "Lokasi GPS saat kunjungan lapangan dicatat (lintang, bujur), bila petugas mengizinkan. Data pribadi." }));
    permohonan.fields.add(new NumberField({ name: "riwayat_urutan", onlyInt: true, min: 0, help: "Jumlah entri riwayat permohonan ini; dipakai pemeriksaan rantai riwayat. Diatur sistem." }));
    permohonan.indexes = permohonan.indexes.concat(["CREATE INDEX idx_permohonan_petugas ON permohonan (petugas_lapangan)", "CREATE INDEX idx_permohonan_nik ON permohonan (nik)"]);
    // Administrators read these help texts in the admin UI: outcomes are no longer theirs to set.
    permohonan.fields.getByName("status").help = "Tahap permohonan sekarang. Diubah petugas lewat ruang kerja /petugas/ sesuai SOP dan tercatat di riwayat; administrator tidak mengubahnya di sini.";
    permohonan.fields.getByName("catatan_publik").help = "Catatan petugas untuk pemohon pada tindakan terakhir; tampil di halaman lacak. Ditulis lewat ruang kerja /petugas/.";
    app.save(permohonan);

    const laporan = app.findCollectionByNameOrId("laporan");
    const REPORT_ASSIGNED = schema.staffOf("ditugaskan_ke");
    laporan.fields.add(new RelationField({ name: "ditugaskan_ke", collectionId: petugas.id, maxSelect: 1, cascadeDelete: false, help: "Orang yang ditugaskan menjangkau atau menangani laporan (pekerja sosial, TKSK/PSM, TRC). Tercatat di riwayat." }));
    laporan.fields.add(new TextField({ name: "unit_tujuan", max: 200, help: "Unit atau lembaga tujuan terusan di luar akun portal, misalnya Puskesmas atau RSJ. Tercatat di riwayat." }));
    laporan.fields.add(new NumberField({ name: "riwayat_urutan", onlyInt: true, min: 0, help: "Jumlah entri riwayat laporan ini; dipakai pemeriksaan rantai riwayat. Diatur sistem." }));
    laporan.fields.getByName("status").help = "Tahap laporan sekarang. Diubah petugas lewat ruang kerja /petugas/ dan tercatat di riwayat; administrator tidak mengubahnya di sini.";
    laporan.fields.getByName("catatan_publik").help = "Catatan petugas untuk pelapor pada tindakan terakhir; tampil di halaman lacak. Ditulis lewat ruang kerja /petugas/.";
    laporan.listRule = REPORT_ASSIGNED;
    laporan.viewRule = REPORT_ASSIGNED;
    laporan.indexes = laporan.indexes.concat(["CREATE INDEX idx_laporan_ditugaskan ON laporan (ditugaskan_ke)", "CREATE INDEX idx_laporan_urgensi ON laporan (urgensi, created)"]);
    app.save(laporan);

    const chainFields = (kinds) => [
      new NumberField({ name: "urutan", onlyInt: true, min: 1, help: "Nomor urut entri ini dalam riwayat satu permohonan/laporan (1, 2, 3, …). Diisi sistem." }),
      new TextField({ name: "hash_sebelum", max: 64, help: "Sidik entri sebelumnya dalam riwayat yang sama: rantai yang memperlihatkan bila ada entri diubah, dihapus, atau disisipkan." }),
      new TextField({ name: "hash", max: 64, help: "Sidik entri ini (SHA-256 atas isinya dan sidik sebelumnya). Diisi sistem." }),
      new TextField({ name: "isi_hash", max: 64, help: "Sidik catatan entri ini, agar catatan boleh dikosongkan saat retensi tanpa memutus rantai." }),
      new RelationField({ name: "akun", collectionId: petugas.id, maxSelect: 1, cascadeDelete: false, help: "Akun petugas yang mencatat entri ini (kosong untuk sistem atau administrator)." }),
      new TextField({ name: "peran", max: 60, help: "Peran yang dipakai petugas untuk langkah ini (dari content/reference/roles.yaml)." }),
      new NumberField({ name: "langkah", onlyInt: true, min: 0, help: "Nomor urut langkah SOP yang dicatat entri ini (mulai 0), bila ada." }),
    ];
    const riwayat = app.findCollectionByNameOrId("riwayat_permohonan");
    const HISTORY_ASSIGNED = schema.staffOf("permohonan.petugas_lapangan");
    riwayat.listRule = HISTORY_ASSIGNED;
    riwayat.viewRule = HISTORY_ASSIGNED;
    for (const f of chainFields()) riwayat.fields.add(f);
    riwayat.fields.getByName("jenis").values = ["status", "catatan", "penugasan", "verifikasi", "perubahan_data", "retensi", "langkah", "pemeriksaan_dokumen", "buka_kembali"];
    riwayat.fields.getByName("petugas").help = "Nama dan peran petugas yang melakukan perubahan, \"administrator\" untuk superuser, atau \"sistem\".";
    riwayat.indexes = riwayat.indexes.concat(["CREATE UNIQUE INDEX idx_riwayat_permohonan_urutan ON riwayat_permohonan (permohonan, urutan)"]);
    app.save(riwayat);

    const riwayatLaporan = app.findCollectionByNameOrId("riwayat_laporan");
    const REPORT_HISTORY_ASSIGNED = schema.staffOf("laporan.ditugaskan_ke");
    riwayatLaporan.listRule = REPORT_HISTORY_ASSIGNED;
    riwayatLaporan.viewRule = REPORT_HISTORY_ASSIGNED;
    for (const f of chainFields()) riwayatLaporan.fields.add(f);
    riwayatLaporan.fields.getByName("jenis").values = ["status", "catatan", "penerusan", "perubahan_data", "retensi", "penugasan", "buka_kembali"];
    riwayatLaporan.indexes = riwayatLaporan.indexes.concat(["CREATE UNIQUE INDEX idx_riwayat_laporan_urutan ON riwayat_laporan (laporan, urutan)"]);
    app.save(riwayatLaporan);

    // Who may read it follows content/reference/roles.yaml (`can: log-akses`): set by the
    // generated content migration. Nobody writes it through the API.
    const akses = schema.baseCollection("log_akses", {
      fields: [
        { type: "relation", name: "akun", collectionId: petugas.id, maxSelect: 1, cascadeDelete: false, presentable: true, help: "Petugas yang membuka dokumen (kosong bila administrator)." },
        { type: "text", name: "nama", max: 200, help: "Nama dan peran petugas saat membuka, atau \"administrator\" dengan surelnya." },
        { type: "text", name: "koleksi", max: 40, help: "Jenis data: permohonan atau laporan." },
        { type: "text", name: "rekaman", max: 30, help: "Id permohonan atau laporan yang dokumennya dibuka." },
        { type: "text", name: "kode_lacak", max: 20, help: "Kode pelacakan permohonan atau laporan itu." },
        { type: "text", name: "dokumen", max: 60, help: "Dokumen yang dibuka (kunci jenis dokumen, misalnya ktp, atau foto kunjungan)." },
        { type: "bool", name: "ditolak", help: "Tercentang bila permintaan membuka dokumen ditolak karena peran petugas tidak berhak." },
        { type: "text", name: "hash_sebelum", max: 64, help: "Sidik entri sebelumnya: rantai yang memperlihatkan bila catatan akses diubah atau dihapus." },
        { type: "text", name: "hash", max: 64, help: "Sidik entri ini. Diisi sistem." },
        schema.CREATED,
      ],
      indexes: ["CREATE INDEX idx_log_akses_created ON log_akses (created)", "CREATE INDEX idx_log_akses_rekaman ON log_akses (rekaman)", "CREATE UNIQUE INDEX idx_log_akses_hash_sebelum ON log_akses (hash_sebelum)"],
    });
    app.save(akses);

    // Pickers and lists in the admin UI show a name rather than an id.
    const survei = app.findCollectionByNameOrId("survei_kepuasan");
    survei.fields.getByName("layanan").presentable = true;
    app.save(survei);
  },
  () => {
    // Taking this back would drop the staff accounts, the access log and the history's chain
    // fields: who did what. It refuses, so `migrate down` stops here with a reason instead of
    // half-reverting and leaving rules that name fields the earlier migrations cannot find.
    throw new Error(
      "Migrasi 1790000800_petugas tidak dapat dibatalkan: pembatalan akan menghapus akun petugas, catatan akses dokumen, dan rantai riwayat (siapa melakukan apa). Untuk kembali ke keadaan sebelumnya, pulihkan cadangan data.",
    );
  },
);
