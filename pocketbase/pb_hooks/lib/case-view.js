// GET /api/petugas/kasus/{jenis}/{id} and GET /api/petugas/lapangan: the case file and a field
// worker's visits, shaped by src/lib/server/case-view.ts (bundled into server.generated.js; what
// each role may see is decided there). Here: the record as `CaseFile` and the database as
// `CaseViewDb`.

function cw() {
  return require(`${__hooks}/lib/casework.js`);
}
function server() {
  return require(`${__hooks}/lib/server.generated.js`);
}

/** A request or report record as src/lib/server/case-view.ts `CaseFile` (no query). */
function caseFileOf(data, record) {
  const c = cw().rowOf(record);
  const isReport = c.kind === "laporan";
  const list = (name) => record.getStringSlice(name);
  const s = (name) => record.getString(name);
  let location = null;
  if (!isReport) {
    try {
      const raw = record.get("lokasi_kunjungan");
      location = raw ? JSON.parse(toString(raw)) : null;
    } catch (_) {
      location = null;
    }
  }
  const berkas = {};
  const service = isReport ? null : require(`${__hooks}/lib/portal.js`).service(data, c.layanan);
  if (service) for (let i = 0; i < service.documents.length; i++) berkas[service.documents[i].key] = s(service.documents[i].key);
  const handling = isReport ? record.collection().fields.getByName("penanganan") : null;
  c.nomor_kk = isReport ? "" : s("nomor_kk");
  c.tanggal_lahir = isReport ? "" : s("tanggal_lahir");
  c.telepon = isReport ? "" : s("telepon");
  c.desa_kelurahan = s("desa_kelurahan");
  c.alamat = isReport ? "" : s("alamat");
  c.pemohon_adalah = isReport ? "" : s("pemohon_adalah");
  c.nama_pengaju = isReport ? "" : s("nama_pengaju");
  c.hubungan = isReport ? "" : s("hubungan");
  c.nik_pengaju = isReport ? "" : s("nik_pengaju");
  c.jawaban_kelayakan = isReport ? {} : cw().jsonObject(record, "jawaban_kelayakan");
  c.pemeriksaan_dokumen = isReport ? {} : cw().jsonObject(record, "pemeriksaan_dokumen");
  c.dokumen_perbaikan = isReport ? [] : list("dokumen_perbaikan");
  c.berkas = berkas;
  c.hasil_verifikasi = isReport ? "" : s("hasil_verifikasi");
  c.tanggal_verifikasi = isReport ? "" : s("tanggal_verifikasi");
  c.catatan_verifikasi = isReport ? "" : s("catatan_verifikasi");
  c.foto_verifikasi = isReport ? [] : list("foto_verifikasi");
  c.lokasi_kunjungan = location;
  c.nama_pelapor = isReport ? s("nama_pelapor") : "";
  c.telepon_pelapor = isReport ? s("telepon_pelapor") : "";
  c.deskripsi = isReport ? s("deskripsi") : "";
  c.patokan = isReport ? s("patokan") : "";
  c.lintang = isReport ? record.get("lintang") || null : null;
  c.bujur = isReport ? record.get("bujur") || null : null;
  c.anonim = isReport ? record.getBool("anonim") : false;
  c.diteruskan_ke = isReport ? list("diteruskan_ke") : [];
  c.unit_tujuan = isReport ? s("unit_tujuan") : "";
  c.penanganan = isReport ? list("penanganan") : [];
  c.penanganan_pilihan = handling ? handling.values.map(String) : [];
  c.foto = isReport ? list("foto") : [];
  return c;
}

/** `CaseViewDb` for one case record. */
function store(app, record) {
  const base = cw().store(app);
  return {
    person: base.person,
    sameNik: base.sameNik,
    history: function (kind, id) {
      const entries = app.findRecordsByFilter(kind === "laporan" ? "riwayat_laporan" : "riwayat_permohonan", kind + " = {:id}", "urutan", 0, 0, { id: id });
      return entries.map((e) => ({
        created: e.getString("created"),
        jenis: e.getString("jenis"),
        status: e.getString("status"),
        petugas: e.getString("petugas"),
        catatan_publik: e.getString("catatan_publik"),
        catatan_internal: e.getString("catatan_internal"),
        langkah: e.get("langkah") === null || e.get("langkah") === undefined ? null : e.getInt("langkah"),
      }));
    },
    messages: function () {
      return require(`${__hooks}/lib/notify.js`).caseMessages(app, record);
    },
    versions: function (requestId) {
      return require(`${__hooks}/lib/unggah-ulang.js`).versionsOf(app, requestId);
    },
    letters: function (requestId) {
      return require(`${__hooks}/lib/surat.js`)
        .listOf(app, requestId)
        .map((l) => ({ id: l.id, nomor: l.getString("nomor"), judul: l.getString("judul"), status: l.getString("status"), tanggal: l.getString("tanggal"), templat: l.getString("templat"), pindaian: l.getString("pindaian") }));
    },
  };
}

function view(app, actor, kind, id) {
  const data = require(`${__hooks}/lib/portal.js`).required();
  const record = cw().findCase(app, actor, kind, id);
  return server().kasus(store(app, record), data, actor, caseFileOf(data, record), new Date());
}

/** GET /api/petugas/lapangan: open cases assigned to me whose next step is mine (`Kunjungan`). */
function visits(app, actor) {
  const data = require(`${__hooks}/lib/portal.js`).required();
  const requests = app.findRecordsByFilter("permohonan", "petugas_lapangan = {:me} && ditutup = ''", "batas_tahap", 0, 0, { me: actor.id });
  const reports = app.findRecordsByFilter("laporan", "ditugaskan_ke = {:me} && ditutup = ''", "-urgensi,created", 0, 0, { me: actor.id });
  const file = (r) => caseFileOf(data, r);
  return server().kunjungan(data, actor, requests.map(file), reports.map(file));
}

module.exports = { view: view, visits: visits, caseFileOf: caseFileOf };
