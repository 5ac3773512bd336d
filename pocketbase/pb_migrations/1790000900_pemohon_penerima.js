/// <reference path="../pb_data/types.d.ts" />
// Applicant (pemohon) and recipient (penerima) are often different people (issue 15.5): a
// parent applies for a child, a village officer for an unidentified person. The roles come from
// src/lib/rules/applicant.ts (APPLICANT_ROLES); `mewakili` stays for relatives and neighbours so
// older records keep their meaning. A service may leave the recipient's NIK, KK number and birth
// date optional (content/services/*.yaml `identity`), so the database no longer requires them:
// the validating hook (pb_hooks/permohonan.pb.js) enforces each service's own declaration.
migrate(
  (app) => {
    const permohonan = app.findCollectionByNameOrId("permohonan");
    const role = permohonan.fields.getByName("pemohon_adalah");
    role.values = ["diri_sendiri", "orang_tua_wali", "mewakili", "petugas_desa", "tksk_psm"];
    role.help = "Siapa yang mengajukan: penerima sendiri, orang tua atau wali, keluarga lain/kerabat/tetangga (mewakili), petugas desa/kelurahan, atau TKSK/PSM.";
    permohonan.fields.getByName("nik").required = false;
    permohonan.fields.getByName("nik").help = "NIK penerima layanan (16 angka). Boleh kosong bila layanan tidak mewajibkannya, misalnya orang telantar tanpa identitas. Data pribadi yang dilindungi: jangan disalin ke luar sistem.";
    permohonan.fields.getByName("nomor_kk").required = false;
    permohonan.fields.getByName("nomor_kk").help = "Nomor Kartu Keluarga penerima layanan (16 angka). Boleh kosong bila layanan tidak mewajibkannya. Data pribadi.";
    permohonan.fields.getByName("tanggal_lahir").required = false;
    permohonan.fields.getByName("tanggal_lahir").help = "Tanggal lahir penerima layanan sesuai KTP, KIA, akta kelahiran, atau KK. Menentukan dokumen yang diminta: penerima di bawah 17 tahun memakai KIA atau akta kelahiran, bukan KTP.";
    permohonan.fields.getByName("nama_lengkap").help = "Nama lengkap penerima layanan (orang yang dibantu, bisa anak), bukan nama orang yang mengajukan. Data pribadi.";
    permohonan.fields.getByName("nama_pengaju").help = "Nama orang yang mengajukan atas nama penerima (orang tua/wali, keluarga, petugas desa, TKSK/PSM). Kosong bila diajukan sendiri.";
    permohonan.fields.getByName("hubungan").help = "Hubungan atau jabatan pengaju, misalnya ibu kandung, keponakan, atau Kasi Kesejahteraan desa.";
    if (!permohonan.fields.getByName("nik_pengaju")) {
      permohonan.fields.add(new TextField({ name: "nik_pengaju", pattern: "^[0-9]{16}$", help: "NIK orang yang mengajukan atas nama penerima, bila layanan memintanya. Kosong bila diajukan sendiri. Data pribadi yang dilindungi." }));
    }
    app.save(permohonan);
  },
  (app) => {
    const permohonan = app.findCollectionByNameOrId("permohonan");
    permohonan.fields.removeByName("nik_pengaju");
    app.save(permohonan);
  },
);
