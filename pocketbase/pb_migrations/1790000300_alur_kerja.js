/// <reference path="../pb_data/types.d.ts" />
// Staff workflow: field workers (TKSK, PSM) and their verification result on a request, an
// internal note, the due date of the current stage with an overdue flag, the closing time (for
// retention), and an audit trail in riwayat_permohonan (who, what kind, which fields).
migrate(
  (app) => {
    const schema = require(`${__hooks}/../pb_migrations/lib/schema.js`);
    const petugas = schema.baseCollection("petugas_lapangan", {
      fields: [
        { type: "text", name: "nama", required: true, max: 100, presentable: true, help: "Nama petugas lapangan sesuai SK penugasan." },
        { type: "select", name: "jenis", required: true, maxSelect: 1, values: ["TKSK", "PSM", "pekerja_sosial"], presentable: true, help: "TKSK (Tenaga Kesejahteraan Sosial Kecamatan), PSM (Pekerja Sosial Masyarakat), atau pekerja sosial." },
        { type: "text", name: "kecamatan", required: true, max: 60, help: "Kecamatan wilayah tugas (kunci dari content/reference/kecamatan.yaml)." },
        { type: "text", name: "telepon", max: 20, help: "Nomor telepon/WhatsApp petugas untuk koordinasi." },
        { type: "bool", name: "aktif", help: "Matikan bila petugas tidak lagi bertugas; riwayat penugasannya tetap tersimpan." },
        schema.CREATED,
        schema.UPDATED,
      ],
      indexes: ["CREATE INDEX idx_petugas_kecamatan ON petugas_lapangan (kecamatan)"],
    });
    app.save(petugas);

    const permohonan = app.findCollectionByNameOrId("permohonan");
    permohonan.fields.add(new TextField({ name: "catatan_internal", max: 2000, help: "Catatan antarpetugas. Tidak pernah tampil kepada pemohon. Setiap perubahan tercatat di riwayat." }));
    permohonan.fields.add(new TextField({ name: "kategori_ppks", max: 60, help: "Kategori PPKS penerima (kunci dari content/reference/ppks.yaml, misalnya penyandang-disabilitas). Dipakai untuk laporan LAKIN." }));
    permohonan.fields.add(new RelationField({ name: "petugas_lapangan", collectionId: petugas.id, maxSelect: 1, cascadeDelete: false, help: "TKSK atau PSM yang ditugaskan untuk verifikasi lapangan. Penugasan tercatat di riwayat." }));
    permohonan.fields.add(new SelectField({ name: "hasil_verifikasi", maxSelect: 1, values: ["layak", "tidak_layak"], help: "Hasil verifikasi lapangan oleh TKSK/PSM." }));
    permohonan.fields.add(new DateField({ name: "tanggal_verifikasi", help: "Tanggal kunjungan verifikasi lapangan." }));
    permohonan.fields.add(new TextField({ name: "catatan_verifikasi", max: 2000, help: "Catatan hasil kunjungan lapangan (kondisi penerima, kebutuhan). Internal." }));
    permohonan.fields.add(new FileField({ name: "foto_verifikasi", maxSelect: 3, maxSize: 5242880, mimeTypes: ["image/jpeg", "image/png", "image/webp"], protected: true, help: "Foto kunjungan lapangan (paling banyak 3). Dokumen pribadi." }));
    permohonan.fields.add(new DateField({ name: "batas_tahap", help: "Batas waktu tahap sekarang menurut waktu standar SOP (hari kerja). Diisi otomatis saat status berubah." }));
    permohonan.fields.add(new BoolField({ name: "terlambat", help: "Tercentang bila tahap sekarang melewati batas waktu standar. Diperbarui otomatis setiap 15 menit; saring dengan terlambat = true." }));
    permohonan.fields.add(new DateField({ name: "ditutup", help: "Waktu permohonan selesai, ditolak, atau dibatalkan. Dasar penghapusan berkas (retensi)." }));
    permohonan.fields.add(new BoolField({ name: "berkas_dihapus", help: "Tercentang bila dokumen dan data pribadi sudah dihapus karena masa retensi habis." }));
    permohonan.indexes = permohonan.indexes.concat([
      "CREATE INDEX idx_permohonan_terlambat ON permohonan (terlambat, batas_tahap)",
      "CREATE INDEX idx_permohonan_ditutup ON permohonan (ditutup)",
      "CREATE INDEX idx_permohonan_petugas ON permohonan (petugas_lapangan)",
    ]);
    app.save(permohonan);

    const riwayat = app.findCollectionByNameOrId("riwayat_permohonan");
    riwayat.fields.add(new SelectField({ name: "jenis", maxSelect: 1, values: ["status", "catatan", "penugasan", "verifikasi", "perubahan_data", "retensi"], presentable: true, help: "Jenis kejadian: perubahan status, catatan, penugasan petugas lapangan, hasil verifikasi, perubahan data pemohon, atau penghapusan berkas (retensi)." }));
    riwayat.fields.add(new TextField({ name: "petugas", max: 200, help: "Akun petugas yang melakukan perubahan (surel akun admin), atau \"sistem\"." }));
    riwayat.fields.add(new TextField({ name: "catatan_internal", max: 2000, help: "Catatan internal pada kejadian ini. Tidak tampil kepada pemohon." }));
    riwayat.fields.add(new JSONField({ name: "perubahan", maxSize: 4000, help: "Nama kolom yang berubah (tanpa nilai lama data pribadi)." }));
    riwayat.indexes = riwayat.indexes.concat(["CREATE INDEX idx_riwayat_jenis ON riwayat_permohonan (jenis)"]);
    app.save(riwayat);
  },
  (app) => {
    const permohonan = app.findCollectionByNameOrId("permohonan");
    for (const name of ["catatan_internal", "kategori_ppks", "petugas_lapangan", "hasil_verifikasi", "tanggal_verifikasi", "catatan_verifikasi", "foto_verifikasi", "batas_tahap", "terlambat", "ditutup", "berkas_dihapus"]) {
      permohonan.fields.removeByName(name);
    }
    permohonan.indexes = permohonan.indexes.filter((i) => !/idx_permohonan_(terlambat|ditutup|petugas)/.test(i));
    app.save(permohonan);
    const riwayat = app.findCollectionByNameOrId("riwayat_permohonan");
    for (const name of ["jenis", "petugas", "catatan_internal", "perubahan"]) riwayat.fields.removeByName(name);
    riwayat.indexes = riwayat.indexes.filter((i) => !/idx_riwayat_jenis/.test(i));
    app.save(riwayat);
    app.delete(app.findCollectionByNameOrId("petugas_lapangan"));
  },
);
