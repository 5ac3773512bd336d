/// <reference path="../pb_data/types.d.ts" />
// Online applications and their status history. Anyone may create an application (through
// the validating hook); only staff may read, change or delete one. File fields for documents
// and the choice lists that come from content/ are kept in step by pb_hooks/schema-sync.pb.js.
migrate(
  (app) => {
    const schema = require(`${__hooks}/../pb_migrations/lib/schema.js`);
    const STATUSES = ["diterima", "verifikasi_berkas", "perlu_perbaikan", "verifikasi_lapangan", "menunggu_keputusan", "disetujui", "ditolak", "selesai", "dibatalkan"];

    const permohonan = schema.baseCollection("permohonan", {
      createRule: "",
      fields: [
        { type: "text", name: "kode_lacak", required: true, max: 20, presentable: true, help: "Kode yang dipegang pemohon untuk melacak permohonan (awalan kantor lalu sembilan huruf atau angka). Dibuat otomatis; jangan diubah." },
        { type: "text", name: "layanan", required: true, max: 80, presentable: true, help: "Kunci layanan yang diajukan (nama berkas di content/services/). Diisi dari halaman layanan." },
        { type: "select", name: "status", required: true, maxSelect: 1, values: STATUSES, help: "Tahap permohonan sekarang. Setiap perubahan status tercatat di riwayat dan tampil di halaman lacak." },
        { type: "text", name: "catatan_publik", max: 1000, help: "Catatan untuk pemohon; tampil di halaman lacak bersama perubahan status. Jangan menulis data pribadi di sini." },
        { type: "text", name: "nama_lengkap", required: true, max: 100, presentable: true, help: "Nama lengkap penerima layanan sesuai KTP. Data pribadi." },
        { type: "text", name: "nik", required: true, pattern: "^[0-9]{16}$", help: "NIK penerima layanan (16 angka). Data pribadi yang dilindungi: jangan disalin ke luar sistem." },
        { type: "text", name: "nomor_kk", required: true, pattern: "^[0-9]{16}$", help: "Nomor Kartu Keluarga penerima layanan (16 angka). Data pribadi." },
        { type: "date", name: "tanggal_lahir", required: true, help: "Tanggal lahir penerima layanan sesuai KTP." },
        { type: "text", name: "telepon", required: true, pattern: "^\\+62[0-9]{7,13}$", help: "Nomor telepon/WhatsApp yang dapat dihubungi, dalam format +62…" },
        { type: "text", name: "kecamatan", required: true, max: 60, help: "Kecamatan tempat tinggal (kunci dari content/reference/kecamatan.yaml)." },
        { type: "text", name: "desa_kelurahan", required: true, max: 100, help: "Desa atau kelurahan tempat tinggal." },
        { type: "text", name: "alamat", required: true, max: 300, help: "Alamat atau patokan rumah untuk verifikasi lapangan. Data pribadi." },
        { type: "select", name: "pemohon_adalah", required: true, maxSelect: 1, values: ["diri_sendiri", "mewakili"], help: "Apakah permohonan diajukan oleh penerima sendiri atau oleh orang lain atas namanya." },
        { type: "text", name: "nama_pengaju", max: 100, help: "Nama orang yang mengajukan atas nama penerima (keluarga, tetangga, petugas desa). Kosong bila diajukan sendiri." },
        { type: "text", name: "hubungan", max: 50, help: "Hubungan pengaju dengan penerima, misalnya anak atau petugas desa." },
        { type: "json", name: "jawaban_kelayakan", maxSize: 2000, help: "Jawaban pemohon atas pertanyaan kelayakan layanan." },
        { type: "text", name: "persetujuan_versi", required: true, max: 40, help: "Versi pemberitahuan privasi yang disetujui pemohon (bukti persetujuan, UU PDP Pasal 24)." },
        { type: "date", name: "persetujuan_waktu", required: true, help: "Waktu pemohon menyatakan persetujuan. Diisi otomatis." },
        { type: "text", name: "id_pengiriman", required: true, max: 64, pattern: "^[A-Za-z0-9-]{16,64}$", help: "Kode unik dari perangkat pemohon agar pengiriman ulang tidak membuat permohonan ganda. Dibuat otomatis." },
        schema.CREATED,
        schema.UPDATED,
      ],
      indexes: [
        "CREATE UNIQUE INDEX idx_permohonan_kode ON permohonan (kode_lacak)",
        "CREATE UNIQUE INDEX idx_permohonan_pengiriman ON permohonan (id_pengiriman)",
        "CREATE INDEX idx_permohonan_status ON permohonan (status)",
        "CREATE INDEX idx_permohonan_layanan ON permohonan (layanan)",
        "CREATE INDEX idx_permohonan_kecamatan ON permohonan (kecamatan)",
        "CREATE INDEX idx_permohonan_created ON permohonan (created)",
      ],
    });
    app.save(permohonan);

    const riwayat = schema.baseCollection("riwayat_permohonan", {
      fields: [
        { type: "relation", name: "permohonan", required: true, collectionId: permohonan.id, maxSelect: 1, cascadeDelete: false, presentable: true, help: "Permohonan yang berubah statusnya." },
        { type: "select", name: "status_dari", maxSelect: 1, values: STATUSES, help: "Status sebelum perubahan. Kosong untuk pencatatan pertama." },
        { type: "select", name: "status", required: true, maxSelect: 1, values: STATUSES, presentable: true, help: "Status sesudah perubahan." },
        { type: "text", name: "catatan_publik", max: 1000, help: "Catatan untuk pemohon pada perubahan ini; tampil di halaman lacak." },
        { type: "json", name: "dokumen_perbaikan", maxSize: 2000, help: "Dokumen yang perlu dilengkapi pemohon (untuk status perlu perbaikan)." },
        schema.CREATED,
      ],
      indexes: [
        "CREATE INDEX idx_riwayat_permohonan ON riwayat_permohonan (permohonan, created)",
      ],
    });
    app.save(riwayat);
  },
  (app) => {
    app.delete(app.findCollectionByNameOrId("riwayat_permohonan"));
    app.delete(app.findCollectionByNameOrId("permohonan"));
  },
);
