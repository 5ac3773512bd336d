/// <reference path="../pb_data/types.d.ts" />
// Reports from residents: a neglected person, someone with mental illness on the street, a
// disaster need, or a complaint. Anyone may send one (through the validating hook), with or
// without their contact; only staff may read or handle it. The history mirrors applications'.
migrate(
  (app) => {
    const schema = require(`${__hooks}/../pb_migrations/lib/schema.js`);
    const STATUSES = ["diterima", "diteruskan", "dijangkau", "asesmen", "ditangani", "selesai", "ditolak"];
    const laporan = schema.baseCollection("laporan", {
      createRule: "",
      fields: [
        { type: "text", name: "kode_lacak", required: true, max: 20, presentable: true, help: "Kode untuk melacak laporan (awalan kantor lalu sembilan huruf atau angka). Dibuat otomatis; jangan diubah." },
        { type: "text", name: "jenis", required: true, max: 40, presentable: true, help: "Jenis laporan (kunci dari content/reference/report-types.yaml)." },
        { type: "select", name: "status", required: true, maxSelect: 1, values: STATUSES, help: "Tahap penanganan sekarang. Setiap perubahan tercatat di riwayat dan tampil di halaman lacak." },
        { type: "select", name: "urgensi", required: true, maxSelect: 1, values: ["biasa", "mendesak"], help: "Mendesak: pelapor menyatakan orangnya membutuhkan pertolongan segera. Tangani lebih dulu." },
        { type: "text", name: "kategori_ppks", max: 60, help: "Kategori PPKS orang yang dilaporkan (kunci dari content/reference/ppks.yaml), bila pelapor atau petugas mengetahuinya." },
        { type: "text", name: "kecamatan", required: true, max: 60, help: "Kecamatan lokasi (kunci dari content/reference/kecamatan.yaml)." },
        { type: "text", name: "desa_kelurahan", required: true, max: 100, help: "Desa atau kelurahan lokasi." },
        { type: "text", name: "patokan", required: true, max: 300, help: "Petunjuk lokasi dari pelapor (nama jalan, bangunan terdekat). Tidak pernah tampil di situs publik." },
        { type: "number", name: "lintang", help: "Lintang GPS dari ponsel pelapor (bila diizinkan). Lokasi tepat: jangan disebarkan." },
        { type: "number", name: "bujur", help: "Bujur GPS dari ponsel pelapor (bila diizinkan)." },
        { type: "text", name: "deskripsi", required: true, max: 2000, help: "Keterangan pelapor tentang orang dan kondisinya. Data sensitif: tidak pernah tampil di situs publik." },
        { type: "file", name: "foto", maxSelect: 3, maxSize: 5242880, mimeTypes: ["image/jpeg", "image/png", "image/webp"], protected: true, help: "Foto dari pelapor (paling banyak 3). Dilindungi: hanya petugas yang dapat membuka." },
        { type: "bool", name: "anonim", help: "Pelapor memilih tidak mencantumkan nama dan kontak." },
        { type: "text", name: "nama_pelapor", max: 100, help: "Nama pelapor bila tidak anonim. Data pribadi." },
        { type: "text", name: "telepon_pelapor", max: 20, help: "Nomor pelapor (format +62…) bila tidak anonim, untuk menanyakan lokasi. Data pribadi." },
        { type: "select", name: "penanganan", maxSelect: 4, values: ["rujukan_rumah_sakit", "rumah_singgah", "pemulangan", "pendampingan", "lainnya"], help: "Bentuk penanganan saat status Ditangani: rujukan ke rumah sakit, rumah singgah/RPS, pemulangan ke daerah asal, pendampingan, atau lainnya. Perubahan tercatat di riwayat." },
        { type: "select", name: "diteruskan_ke", maxSelect: 8, values: ["psm", "tksk", "karang-taruna", "tagana", "puskesos", "pekerja-sosial-profesional", "lks", "lk3"], help: "Pilar sosial yang menerima terusan laporan. Penerusan tercatat di riwayat." },
        { type: "text", name: "catatan_publik", max: 1000, help: "Catatan untuk pelapor; tampil di halaman lacak. Jangan menulis data pribadi di sini." },
        { type: "text", name: "catatan_internal", max: 2000, help: "Catatan antarpetugas. Tidak pernah tampil kepada pelapor." },
        { type: "text", name: "persetujuan_versi", required: true, max: 40, help: "Versi pemberitahuan privasi yang disetujui pelapor." },
        { type: "date", name: "persetujuan_waktu", required: true, help: "Waktu pelapor menyatakan persetujuan. Diisi otomatis." },
        { type: "text", name: "id_pengiriman", required: true, max: 64, pattern: "^[A-Za-z0-9-]{16,64}$", help: "Kode unik dari perangkat pelapor agar pengiriman ulang tidak membuat laporan ganda." },
        { type: "date", name: "batas_tahap", help: "Batas waktu tahap sekarang menurut waktu standar SOP. Diisi otomatis." },
        { type: "bool", name: "terlambat", help: "Tercentang bila tahap sekarang melewati batas waktu standar." },
        { type: "date", name: "ditutup", help: "Waktu laporan selesai atau tidak dapat ditindaklanjuti. Dasar penghapusan foto (retensi)." },
        { type: "bool", name: "berkas_dihapus", help: "Tercentang bila foto dan data pribadi sudah dihapus karena masa retensi habis." },
        schema.CREATED,
        schema.UPDATED,
      ],
      indexes: [
        "CREATE UNIQUE INDEX idx_laporan_kode ON laporan (kode_lacak)",
        "CREATE UNIQUE INDEX idx_laporan_pengiriman ON laporan (id_pengiriman)",
        "CREATE INDEX idx_laporan_status ON laporan (status)",
        "CREATE INDEX idx_laporan_jenis ON laporan (jenis)",
        "CREATE INDEX idx_laporan_kecamatan ON laporan (kecamatan)",
        "CREATE INDEX idx_laporan_created ON laporan (created)",
        "CREATE INDEX idx_laporan_terlambat ON laporan (terlambat, batas_tahap)",
      ],
    });
    app.save(laporan);

    const riwayat = schema.baseCollection("riwayat_laporan", {
      fields: [
        { type: "relation", name: "laporan", required: true, collectionId: laporan.id, maxSelect: 1, cascadeDelete: false, presentable: true, help: "Laporan yang berubah." },
        { type: "select", name: "jenis", maxSelect: 1, values: ["status", "catatan", "penerusan", "perubahan_data", "retensi"], presentable: true, help: "Jenis kejadian: perubahan status, catatan, penerusan ke pilar sosial, perubahan data, atau penghapusan foto (retensi)." },
        { type: "select", name: "status_dari", maxSelect: 1, values: STATUSES, help: "Status sebelum perubahan." },
        { type: "select", name: "status", required: true, maxSelect: 1, values: STATUSES, help: "Status sesudah perubahan." },
        { type: "text", name: "catatan_publik", max: 1000, help: "Catatan untuk pelapor pada perubahan ini; tampil di halaman lacak." },
        { type: "text", name: "catatan_internal", max: 2000, help: "Catatan internal pada kejadian ini." },
        { type: "text", name: "petugas", max: 200, help: "Akun petugas yang melakukan perubahan, atau \"sistem\"." },
        { type: "json", name: "perubahan", maxSize: 4000, help: "Nama kolom yang berubah atau pilar sosial tujuan penerusan (tanpa nilai data pribadi)." },
        schema.CREATED,
      ],
      indexes: ["CREATE INDEX idx_riwayat_laporan ON riwayat_laporan (laporan, created)"],
    });
    app.save(riwayat);

    // Same limiter as applications.
    const settings = app.settings();
    settings.rateLimits.rules = [{ label: "laporan:create", audience: "@guest", maxRequests: 20, duration: 60 }].concat(settings.rateLimits.rules.filter((r) => r.label !== "laporan:create"));
    app.save(settings);
  },
  (app) => {
    app.delete(app.findCollectionByNameOrId("riwayat_laporan"));
    app.delete(app.findCollectionByNameOrId("laporan"));
    const settings = app.settings();
    settings.rateLimits.rules = settings.rateLimits.rules.filter((r) => r.label !== "laporan:create");
    app.save(settings);
  },
);
