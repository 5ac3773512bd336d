// Field work and the people around it: a field worker's visits, the colleagues a case may be
// assigned to (suggested by kecamatan), and the access log for the roles that read it.

function cw() {
  return require(`${__hooks}/lib/casework.js`);
}

/** GET /api/petugas/lapangan: open cases assigned to me whose next step is mine (`Kunjungan`). */
function visits(app, actor) {
  const data = require(`${__hooks}/lib/portal.js`).required();
  const r = require(`${__hooks}/lib/rules.generated.js`);
  const out = [];
  const requests = app.findRecordsByFilter("permohonan", "petugas_lapangan = {:me} && ditutup = ''", "batas_tahap", 0, 0, { me: actor.id });
  for (let i = 0; i < requests.length; i++) {
    const rec = requests[i];
    const ctx = cw().flowOf(data, rec);
    const state = cw().stateOf(actor, rec);
    if (!r.judge(ctx, state, actor.roles, "langkah").allowed) continue;
    const step = ctx.steps[state.langkah];
    const service = require(`${__hooks}/lib/portal.js`).service(data, rec.getString("layanan"));
    const kec = cw().byId(data.kecamatan, rec.getString("kecamatan"));
    const place = [rec.getString("alamat"), rec.getString("desa_kelurahan"), kec ? kec.name : ""].filter(Boolean).join(", ");
    out.push({
      id: rec.id,
      jenis: "permohonan",
      kode: rec.getString("kode_lacak"),
      judul: service ? service.title : rec.getString("layanan"),
      nama: rec.getString("nama_lengkap"),
      telepon: rec.getString("telepon") || null,
      kecamatan: kec ? kec.name : rec.getString("kecamatan"),
      desa_kelurahan: rec.getString("desa_kelurahan") || null,
      alamat: rec.getString("alamat") || null,
      peta: place ? "https://www.openstreetmap.org/search?query=" + encodeURIComponent(place) : null,
      kegiatan: step ? step.activity : "",
      perlu_hasil: require(`${__hooks}/lib/case-actions.js`).needsVisitResult(data, ctx, state.langkah),
      batas_tahap: cw().iso(rec.getString("batas_tahap")),
      terlambat: rec.getBool("terlambat"),
      mendesak: false,
      tujuan: [],
    });
  }
  const reports = app.findRecordsByFilter("laporan", "ditugaskan_ke = {:me} && ditutup = ''", "-urgensi,created", 0, 0, { me: actor.id });
  for (let i = 0; i < reports.length; i++) {
    const rec = reports[i];
    const type = cw().byId(data.reportTypes, rec.getString("jenis"));
    const kec = cw().byId(data.kecamatan, rec.getString("kecamatan"));
    const lat = rec.get("lintang");
    const lng = rec.get("bujur");
    out.push({
      id: rec.id,
      jenis: "laporan",
      kode: rec.getString("kode_lacak"),
      judul: "Laporan: " + (type ? type.label : rec.getString("jenis")),
      nama: null,
      telepon: rec.getString("telepon_pelapor") || null,
      kecamatan: kec ? kec.name : rec.getString("kecamatan"),
      desa_kelurahan: rec.getString("desa_kelurahan") || null,
      alamat: rec.getString("patokan") || null,
      peta: lat && lng ? "https://www.openstreetmap.org/?mlat=" + lat + "&mlon=" + lng + "#map=17/" + lat + "/" + lng : null,
      kegiatan: rec.getString("deskripsi"),
      perlu_hasil: false,
      batas_tahap: cw().iso(rec.getString("batas_tahap")),
      terlambat: rec.getBool("terlambat"),
      mendesak: rec.getString("urgensi") === "mendesak",
      // The status changes this person may record, as the case view offers them.
      tujuan: statusTargets(data, actor, rec),
    });
  }
  return out;
}

function statusTargets(data, actor, record) {
  const actions = require(`${__hooks}/lib/case-view.js`).actionsFor(data, actor, record);
  for (let i = 0; i < actions.length; i++) if (actions[i].aksi === "status") return actions[i].tujuan || [];
  return [];
}

/**
 * GET /api/petugas/rekan?jenis=&kasus=: active field workers who may be assigned to the case,
 * those covering its kecamatan first (`Rekan`).
 */
function colleagues(app, actor, kind, id) {
  const data = require(`${__hooks}/lib/portal.js`).required();
  const staff = require(`${__hooks}/lib/staff.js`);
  const record = cw().findCase(app, actor, kind === "laporan" ? "laporan" : "permohonan", id);
  const r = require(`${__hooks}/lib/rules.generated.js`);
  let wanted = data.roles.filter((x) => x.account && x.field).map((x) => x.id);
  if (record.collection().name === "permohonan") {
    const needed = r.nextFieldRoles(cw().flowOf(data, record), cw().stateOf(actor, record));
    if (needed.length > 0) wanted = needed;
  }
  const kec = record.getString("kecamatan");
  const people = app.findRecordsByFilter("petugas", "aktif = true", "nama", 0, 0);
  const out = [];
  for (let i = 0; i < people.length; i++) {
    const roles = staff.rolesOf(people[i]);
    const role = roles.find((x) => wanted.indexOf(x) >= 0);
    if (!role) continue;
    const covered = people[i].get("kecamatan") || [];
    out.push({ id: people[i].id, nama: people[i].getString("nama"), peran: staff.roleLabel(data, role), kecamatan: covered.map((k) => (cw().byId(data.kecamatan, k) || { name: k }).name), disarankan: covered.indexOf(kec) >= 0 });
  }
  out.sort((a, b) => (a.disarankan === b.disarankan ? a.nama.localeCompare(b.nama) : a.disarankan ? -1 : 1));
  return out;
}

/** GET /api/petugas/log-akses: who opened which document, newest first (`LogAkses`). */
function accessLog(app, page) {
  const size = 50;
  const p = Number.isInteger(page) && page > 0 ? page : 1;
  const total = app.countRecords("log_akses");
  const rows = app.findRecordsByFilter("log_akses", "", "-created,-id", size, (p - 1) * size);
  return {
    total: total,
    halaman: p,
    jumlah_halaman: Math.max(1, Math.ceil(total / size)),
    item: rows.map((r) => ({ waktu: cw().iso(r.getString("created")), oleh: r.getString("nama"), kode: r.getString("kode_lacak"), jenis: r.getString("koleksi"), dokumen: r.getString("dokumen"), ditolak: r.getBool("ditolak") })),
  };
}

module.exports = { visits: visits, colleagues: colleagues, accessLog: accessLog };
