// GET /api/petugas/kasus/{jenis}/{id}: one request or report as the signed-in person may see it
// (src/lib/api/petugas.ts `Kasus`): a field worker gets only what a home visit needs.

function cw() {
  return require(`${__hooks}/lib/casework.js`);
}
function rules() {
  return require(`${__hooks}/lib/rules.generated.js`);
}

const ACTION_LABELS = {
  langkah: "Catat langkah ini",
  perbaikan: "Minta perbaikan dokumen",
  lanjutkan: "Lanjutkan pemeriksaan",
  "periksa-dokumen": "Simpan pemeriksaan dokumen",
  tolak: "Tolak permohonan",
  batal: "Batalkan permohonan",
  tugaskan: "Tugaskan petugas lapangan",
  "buka-kembali": "Buka kembali permohonan",
  catatan: "Tambah catatan",
  status: "Ubah status laporan",
  penanganan: "Catat penanganan",
};

// How a report was handled: the `penanganan` field's choices (migration 1790000600_laporan.js).
const HANDLING_LABELS = {
  rujukan_rumah_sakit: "Rujukan ke rumah sakit",
  rumah_singgah: "Rumah singgah/RPS",
  pemulangan: "Pemulangan ke daerah asal",
  pendampingan: "Pendampingan",
  lainnya: "Lainnya",
};

function handlingChoices(record) {
  const field = record.collection().fields.getByName("penanganan");
  const values = field ? field.values : [];
  return values.map((id) => ({ id: id, label: HANDLING_LABELS[id] || id }));
}

function pillarLabel(data, id) {
  const p = cw().byId(data.pilarSosial || [], id);
  return p ? p.name : id;
}

function mapLink(record) {
  const lat = record.get("lintang");
  const lng = record.get("bujur");
  if (lat && lng) return "https://www.openstreetmap.org/?mlat=" + lat + "&mlon=" + lng + "#map=17/" + lat + "/" + lng;
  const place = [record.getString("alamat") || record.getString("patokan"), record.getString("desa_kelurahan")].filter(Boolean).join(", ");
  return place ? "https://www.openstreetmap.org/search?query=" + encodeURIComponent(place) : null;
}

function history(app, record, showInternal) {
  const isReport = record.collection().name === "laporan";
  const data = require(`${__hooks}/lib/portal.js`).required();
  const statuses = isReport ? data.reportStatuses : data.statuses;
  const entries = app.findRecordsByFilter(isReport ? "riwayat_laporan" : "riwayat_permohonan", (isReport ? "laporan" : "permohonan") + " = {:id}", "urutan", 0, 0, { id: record.id });
  return entries.map((e) => {
    const s = cw().byId(statuses, e.getString("status"));
    return {
      waktu: cw().iso(e.getString("created")),
      jenis: e.getString("jenis"),
      status_label: s ? s.label : e.getString("status"),
      oleh: e.getString("petugas"),
      catatan_publik: e.getString("catatan_publik"),
      catatan_internal: showInternal ? e.getString("catatan_internal") : "",
      langkah: e.get("langkah") === null || e.get("langkah") === undefined || e.getString("jenis") !== "langkah" ? null : e.getInt("langkah"),
    };
  });
}

function actionsFor(data, actor, record) {
  const r = rules();
  const state = cw().stateOf(actor, record);
  if (record.collection().name === "laporan") {
    const ctx = cw().reportFlowOf(data, record);
    const current = cw().byId(data.reportStatuses, state.status);
    const out = [];
    const targets = (current ? current.next : [])
      .filter((id) => r.judgeReport(ctx, state, actor.roles, id).allowed)
      .map((id) => {
        const s = cw().byId(data.reportStatuses, id);
        return { id: id, label: s ? s.label : id, perlu_alasan: Boolean(s && s.needsReason), menutup: Boolean(s && s.closed) };
      });
    if (targets.length > 0) out.push({ aksi: "status", label: ACTION_LABELS.status, keterangan: "", perlu: ["status", "catatan_publik"], tujuan: targets });
    if (r.judgeReportTask(ctx, state, actor.roles, "tugaskan").allowed) {
      const pillars = (data.pilarSosial || []).map((p) => ({ id: p.id, label: p.name }));
      out.push({ aksi: "tugaskan", label: "Teruskan atau tugaskan laporan", keterangan: "", perlu: ["penerusan"], pilihan: pillars });
    }
    if (r.judgeReportTask(ctx, state, actor.roles, "penanganan").allowed) out.push({ aksi: "penanganan", label: ACTION_LABELS.penanganan, keterangan: "", perlu: ["penanganan"], pilihan: handlingChoices(record) });
    if (!current || !current.closed) out.push({ aksi: "catatan", label: ACTION_LABELS.catatan, keterangan: "", perlu: [] });
    return out;
  }
  const ctx = cw().flowOf(data, record);
  const step = ctx.steps[state.langkah];
  const out = [];
  const actions = r.allowedActions(ctx, state, actor.roles);
  for (let i = 0; i < actions.length; i++) {
    const a = actions[i];
    const item = { aksi: a, label: ACTION_LABELS[a], keterangan: "", perlu: [] };
    if (a === "langkah" && step) {
      item.keterangan = step.activity;
      item.label = step.kind === "decision" ? "Setujui: " + step.activity : step.kind === "end" ? "Selesaikan: " + step.activity : "Catat selesai: " + step.activity;
      if (require(`${__hooks}/lib/case-actions.js`).needsVisitResult(data, ctx, state.langkah)) item.perlu = ["hasil_verifikasi"];
    }
    if (a === "perbaikan") item.perlu = ["dokumen_perbaikan", "catatan_publik"];
    if (a === "tolak" || a === "batal") item.perlu = ["catatan_publik"];
    if (a === "buka-kembali") item.perlu = ["alasan"];
    if (a === "tugaskan") item.perlu = ["petugas_lapangan"];
    if (a === "periksa-dokumen") item.perlu = ["pemeriksaan"];
    out.push(item);
  }
  const status = cw().byId(data.statuses, state.status);
  if (!status || !status.closed) out.push({ aksi: "catatan", label: ACTION_LABELS.catatan, keterangan: "", perlu: [] });
  return out;
}

function view(app, actor, kind, id) {
  const data = require(`${__hooks}/lib/portal.js`).required();
  const record = cw().findCase(app, actor, kind, id);
  const isReport = kind === "laporan";
  const field = !actor.admin && actor.record.getString("akses_kasus") === "ditugaskan";
  const statuses = isReport ? data.reportStatuses : data.statuses;
  const status = cw().byId(statuses, record.getString("status"));
  const kec = cw().byId(data.kecamatan, record.getString("kecamatan"));
  const service = isReport ? null : require(`${__hooks}/lib/portal.js`).service(data, record.getString("layanan"));
  const type = isReport ? cw().byId(data.reportTypes, record.getString("jenis")) : null;
  const open = require(`${__hooks}/lib/staff.js`).openableDocuments(actor);
  const sealed = Boolean(status && status.closed && (status.meaning === "success" || status.meaning === "rejected"));

  const body = {
    id: record.id,
    jenis: kind,
    kode: record.getString("kode_lacak"),
    judul: isReport ? "Laporan: " + (type ? type.label : record.getString("jenis")) : service ? service.title : record.getString("layanan"),
    layanan: isReport ? null : record.getString("layanan"),
    status: { id: record.getString("status"), label: status ? status.label : record.getString("status"), meaning: status && status.meaning ? status.meaning : null, ditutup: Boolean(status && status.closed) },
    diajukan: cw().iso(record.getString("created")),
    batas_tahap: cw().iso(record.getString("batas_tahap")),
    terlambat: record.getBool("terlambat"),
    disegel: sealed,
    orang: {
      nama: isReport ? record.getString("nama_pelapor") || null : record.getString("nama_lengkap"),
      nik: isReport || field ? null : record.getString("nik"),
      nomor_kk: isReport || field ? null : record.getString("nomor_kk"),
      tanggal_lahir: isReport || field ? null : cw().iso(record.getString("tanggal_lahir")) || "",
      telepon: (isReport ? record.getString("telepon_pelapor") : record.getString("telepon")) || null,
      kecamatan: kec ? kec.name : record.getString("kecamatan"),
      desa_kelurahan: record.getString("desa_kelurahan") || null,
      alamat: isReport ? null : record.getString("alamat"),
      pemohon_adalah: isReport || field ? null : record.getString("pemohon_adalah"),
      nama_pengaju: isReport ? null : record.getString("nama_pengaju") || null,
      hubungan: isReport || field ? null : record.getString("hubungan") || null,
      nik_pengaju: isReport || field ? null : record.getString("nik_pengaju") || null,
    },
    laporan: isReport
      ? {
          urgensi: record.getString("urgensi"),
          deskripsi: record.getString("deskripsi"),
          patokan: record.getString("patokan"),
          lintang: record.get("lintang") || null,
          bujur: record.get("bujur") || null,
          anonim: record.getBool("anonim"),
          diteruskan_ke: record.get("diteruskan_ke") || [],
          diteruskan_label: (record.get("diteruskan_ke") || []).map((id) => pillarLabel(data, id)),
          unit_tujuan: record.getString("unit_tujuan"),
          penanganan: record.get("penanganan") || [],
          penanganan_label: (record.get("penanganan") || []).map((id) => HANDLING_LABELS[id] || id),
          foto: record.get("foto") || [],
        }
      : null,
    kelayakan: [],
    dokumen: [],
    petugas_lapangan: cw().personName(app, record.getString(isReport ? "ditugaskan_ke" : "petugas_lapangan")),
    verifikasi: null,
    langkah: [],
    riwayat: history(app, record, !field),
    tanda: field ? [] : cw().flagsOf(app, data, record),
    aksi: actionsFor(data, actor, record),
    peta: mapLink(record),
    pesan: require(`${__hooks}/lib/notify.js`).caseMessages(app, record),
  };

  if (!isReport && service) {
    if (!field) {
      const answers = cw().jsonObject(record, "jawaban_kelayakan");
      body.kelayakan = service.questions.map((q) => ({ pertanyaan: q.question, jawaban: answers[q.id] || "", diharapkan: q.expected, sesuai: answers[q.id] === q.expected }));
    }
    const checks = cw().jsonObject(record, "pemeriksaan_dokumen");
    const asked = record.get("dokumen_perbaikan") || [];
    const versions = require(`${__hooks}/lib/unggah-ulang.js`).versionsOf(app, record.id);
    // What this application had to carry: a child's case asks no KTP, a self-applicant's no
    // guardian's KTP (the same documentNeed the form and the create hook use).
    const who = { pemohon_adalah: record.getString("pemohon_adalah"), tanggal_lahir: record.getString("tanggal_lahir").slice(0, 10) };
    const today = require(`${__hooks}/lib/portal.js`).today(data);
    const needOf = (d) => rules().documentNeed(d, who, today);
    body.dokumen = service.documents
      .filter((d) => open === null || open.indexOf(d.key) >= 0)
      .filter((d) => needOf(d) !== "tidak_diminta" || record.getString(d.key))
      .map((d) => ({
        kunci: d.key,
        label: d.label,
        wajib: needOf(d) === "wajib",
        berkas: record.getString(d.key) || null,
        pemeriksaan: checks && checks[d.key] ? checks[d.key] : null,
        diminta_ulang: status && status.meaning === "repair" ? asked.indexOf(d.key) >= 0 : false,
        // Files this one replaced, kept until the request closes (lib/unggah-ulang.js).
        versi: versions[d.key] || [],
      }));
    let location = null;
    try {
      const raw = record.get("lokasi_kunjungan");
      location = raw ? JSON.parse(toString(raw)) : null;
    } catch (_) {
      location = null;
    }
    body.verifikasi = {
      hasil: record.getString("hasil_verifikasi") || null,
      tanggal: cw().iso(record.getString("tanggal_verifikasi")),
      catatan: record.getString("catatan_verifikasi") || null,
      foto: record.get("foto_verifikasi") || [],
      lintang: location ? location.lintang : null,
      bujur: location ? location.bujur : null,
    };
    const done = {};
    const entries = app.findRecordsByFilter("riwayat_permohonan", "permohonan = {:id} && jenis = 'langkah'", "urutan", 0, 0, { id: record.id });
    for (let i = 0; i < entries.length; i++) done[entries[i].getInt("langkah")] = { oleh: entries[i].getString("petugas"), waktu: cw().iso(entries[i].getString("created")) };
    const langkah = record.getInt("langkah");
    const closed = Boolean(status && status.closed);
    body.langkah = service.steps.map((s, i) => ({
      indeks: i,
      tahap: s.stage,
      tahap_label: (cw().byId(data.statuses, s.stage) || { label: s.stage }).label,
      kegiatan: s.activity,
      jenis: s.kind,
      peran: s.roles.map((id) => ({ id: id, label: require(`${__hooks}/lib/staff.js`).roleLabel(data, id) })),
      dicatat: done[i] || (i < langkah && i === 0 ? { oleh: "pemohon (lewat portal)", waktu: cw().iso(record.getString("created")) } : null),
      sekarang: !closed && i === langkah,
    }));
  }
  if (!isReport && !field) {
    // Letters issued on this request (lib/surat.js), and whether this person may revoke them.
    const letters = require(`${__hooks}/lib/surat.js`);
    body.surat = letters.listOf(app, record.id).map((l) => ({
      id: l.id,
      nomor: l.getString("nomor"),
      judul: l.getString("judul"),
      status: l.getString("status"),
      tanggal: cw().iso(l.getString("tanggal")),
      boleh_cabut: l.getString("status") === "berlaku" && actor.roles.some((role) => letters.revokers(data, record, l).indexOf(role) >= 0),
      pindaian: l.getString("pindaian") || null,
    }));
  } else body.surat = [];
  if (field) body.orang.nama_pengaju = null;
  return body;
}

module.exports = { view: view, actionsFor: actionsFor, ACTION_LABELS: ACTION_LABELS };
