// POST /api/petugas/kasus/{jenis}/{id}/aksi: one action on a request or report by a staff member.
// Judged by the SOP rules for the person's roles (a refusal says, in Indonesian, who may do it),
// validated field by field, and saved with its chained history entry in one transaction.

function cw() {
  return require(`${__hooks}/lib/casework.js`);
}
function rules() {
  return require(`${__hooks}/lib/rules.generated.js`);
}
function chain() {
  return require(`${__hooks}/lib/chain.js`);
}

const NOTE_MIN = 10;
const NOTE_MAX = 1000;
const INTERNAL_MAX = 2000;

/** Whether recording step `index` also records a field-verification result (sop-flow.ts). */
function needsVisitResult(data, ctx, index) {
  return rules().recordsVisitResult(ctx, index);
}

function text(body, key) {
  const v = body[key];
  return v === undefined || v === null ? "" : String(v).trim();
}

function list(body, key) {
  const v = body[key];
  if (v === undefined || v === null || v === "") return [];
  if (Array.isArray(v)) return v.map(String);
  const s = String(v);
  if (s.charAt(0) === "[") {
    try {
      const parsed = JSON.parse(s);
      return Array.isArray(parsed) ? parsed.map(String) : [];
    } catch (_) {
      return [];
    }
  }
  return s.split(",").map((x) => x.trim()).filter(Boolean);
}

function objectOf(body, key) {
  const v = body[key];
  if (!v) return {};
  if (typeof v === "object") return v;
  try {
    const parsed = JSON.parse(String(v));
    return parsed && typeof parsed === "object" ? parsed : {};
  } catch (_) {
    return null;
  }
}

/** Free-text rules shared with the public forms: no control or bidirectional characters. */
function checkNote(errors, key, value, min, max, label) {
  const r = rules();
  if (r.unreadableText(value, true)) errors[key] = r.UNREADABLE_MESSAGE;
  else if (min > 0 && value.length < min) errors[key] = label + " (paling sedikit " + min + " karakter).";
  else if (value.length > max) errors[key] = "Terlalu panjang. Tulis paling banyak " + max + " karakter.";
}

/** An earlier send of the same action (same id_pengiriman): the action is not done twice. */
function earlierSend(app, historyName, relation, id, submissionId) {
  if (!submissionId) return null;
  const rows = arrayOf(new DynamicModel({ id: "" }));
  app
    .db()
    .newQuery("SELECT id FROM " + historyName + " WHERE " + relation + " = {:p} AND json_extract(perubahan, '$.id_pengiriman') = {:s} LIMIT 1")
    .bind({ p: id, s: submissionId })
    .all(rows);
  return rows.length > 0 ? rows[0].id : null;
}

/**
 * What every action sends besides its own fields: its kind, the public and internal notes and
 * the submission id, each checked into `errors`.
 */
function actionInput(body, errors) {
  const r = rules();
  const input = { aksi: text(body, "aksi"), publicNote: text(body, "catatan_publik"), internalNote: text(body, "catatan_internal"), submissionId: text(body, "id_pengiriman") };
  checkNote(errors, "catatan_publik", input.publicNote, 0, NOTE_MAX, "");
  checkNote(errors, "catatan_internal", input.internalNote, 0, INTERNAL_MAX, "");
  if (input.submissionId && !r.SUBMISSION_ID.test(input.submissionId)) errors.id_pengiriman = r.SUBMISSION_ID_MESSAGE;
  return input;
}

/**
 * The answer to an action sent again (its submission id is already in the case's history, e.g.
 * a field worker's change resent after the signal returned): the case as it stands, nothing done
 * twice. Null for a first send.
 */
function resentAnswer(app, historyName, relation, record, submissionId, statuses, langkah) {
  if (!earlierSend(app, historyName, relation, record.id, submissionId)) return null;
  const s = cw().byId(statuses, record.getString("status"));
  return { status: record.getString("status"), status_label: s ? s.label : "", langkah: langkah, ulang: true };
}

/** Visit photos from a multipart send: images only, within the pixel and size limits, neutral names. */
function visitPhotos(e, errors) {
  let files = [];
  try {
    files = e.findUploadedFiles("foto") || [];
  } catch (_) {
    files = [];
  }
  if (files.length > 3) {
    errors.foto = "Paling banyak 3 foto kunjungan.";
    return [];
  }
  const uploads = require(`${__hooks}/lib/uploads.js`);
  const r = rules();
  for (let i = 0; i < files.length; i++) {
    if (files[i].size > 5 * 1024 * 1024) errors.foto = "Foto terlalu besar. Paling besar 5 MB; ambil ulang dengan resolusi lebih kecil.";
    const problem = r.imagePixelsProblem(uploads.headerPixels(files[i]));
    if (problem === "too_large") errors.foto = "Foto terlalu besar untuk diproses. Ambil ulang dengan resolusi lebih kecil.";
    else if (problem === "unreadable" || uploads.headerPixels(files[i]) === undefined) errors.foto = "Berkas ini bukan foto JPG, PNG, atau WebP yang dapat dibaca.";
  }
  return files;
}

/** Which of the person's roles the action used (recorded with it). */
function roleUsed(judgeOne, roles) {
  for (let i = 0; i < roles.length; i++) if (judgeOne([roles[i]])) return roles[i];
  return roles[0] || "";
}

function actOnRequest(e, app, actor, record, body) {
  const r = rules();
  const data = require(`${__hooks}/lib/portal.js`).required();
  const ctx = cw().flowOf(data, record);
  const state = cw().stateOf(actor, record);
  const errors = {};
  const { aksi, publicNote, internalNote, submissionId } = actionInput(body, errors);
  const resent = resentAnswer(app, "riwayat_permohonan", "permohonan", record, submissionId, data.statuses, record.getInt("langkah"));
  if (resent) return resent;

  let verdict;
  if (aksi === "catatan") {
    const s = cw().byId(data.statuses, state.status);
    if (s && s.closed) throw new ForbiddenError("Permohonan sudah ditutup; catatan baru tidak dapat ditambahkan. Buka kembali bila perlu.", {});
    if (!publicNote && !internalNote) errors.catatan_internal = "Tulis catatan untuk pemohon atau untuk petugas.";
    verdict = { allowed: true, status: state.status, langkah: state.langkah, closes: false };
  } else if (["langkah", "perbaikan", "lanjutkan", "tolak", "batal", "tugaskan", "buka-kembali", "periksa-dokumen"].indexOf(aksi) >= 0) {
    verdict = r.judge(ctx, state, actor.roles, aksi);
    if (!verdict.allowed) throw new ForbiddenError(verdict.message, {});
  } else {
    throw cw().fieldErrors({ aksi: "Tindakan tidak dikenal." });
  }

  const fields = {};
  const change = {};
  let kind = "status";
  const step = ctx.steps[state.langkah];
  if (aksi === "tolak" || aksi === "batal" || aksi === "perbaikan") {
    if (publicNote.length < NOTE_MIN) errors.catatan_publik = "Tulis alasan untuk pemohon (paling sedikit " + NOTE_MIN + " karakter); alasan ini tampil di halaman lacak.";
  }
  if (aksi === "perbaikan") {
    const service = require(`${__hooks}/lib/portal.js`).service(data, record.getString("layanan"));
    const keys = service ? service.documents.map((d) => d.key) : [];
    const asked = list(body, "dokumen_perbaikan");
    if (asked.length === 0) errors.dokumen_perbaikan = "Pilih dokumen yang harus dilengkapi atau diganti pemohon.";
    else if (asked.some((k) => keys.indexOf(k) < 0)) errors.dokumen_perbaikan = "Ada dokumen yang tidak diminta layanan ini.";
    fields.dokumen_perbaikan = asked;
    change.dokumen_perbaikan = asked;
  }
  if (aksi === "lanjutkan") fields.dokumen_perbaikan = [];
  if (aksi === "buka-kembali") {
    const reason = text(body, "alasan");
    checkNote(errors, "alasan", reason, NOTE_MIN, INTERNAL_MAX, "Tulis alasan membuka kembali permohonan ini");
    kind = "buka_kembali";
    change.alasan = reason;
  }
  if (aksi === "tugaskan") {
    kind = "penugasan";
    const assignee = text(body, "petugas_lapangan");
    const person = assignee ? require(`${__hooks}/lib/db.js`).orNull(() => app.findRecordById("petugas", assignee)) : null;
    const needed = r.nextFieldRoles(ctx, state);
    const personRoles = person ? require(`${__hooks}/lib/staff.js`).rolesOf(person) : [];
    if (!person || !person.getBool("aktif")) errors.petugas_lapangan = "Pilih petugas lapangan yang aktif.";
    else if (needed.length > 0 && !personRoles.some((x) => needed.indexOf(x) >= 0)) errors.petugas_lapangan = "Petugas ini tidak memegang peran untuk langkah lapangan permohonan ini.";
    fields.petugas_lapangan = assignee;
    change.petugas_lapangan = assignee;
  }
  if (aksi === "periksa-dokumen") {
    kind = "pemeriksaan_dokumen";
    const service = require(`${__hooks}/lib/portal.js`).service(data, record.getString("layanan"));
    const keys = service ? service.documents.map((d) => d.key) : [];
    const checks = objectOf(body, "pemeriksaan");
    const existing = cw().jsonObject(record, "pemeriksaan_dokumen");
    // A problem with one document is reported on that document (`pemeriksaan.<key>`), naming it.
    const labelOf = (key) => {
      const doc = service ? service.documents.find((d) => d.key === key) : null;
      return doc ? doc.label : key;
    };
    if (!checks || Object.keys(checks).length === 0) errors.pemeriksaan = "Pilih hasil pemeriksaan paling sedikit satu dokumen.";
    else {
      for (const key in checks) {
        const c = checks[key] || {};
        if (keys.indexOf(key) < 0) errors.pemeriksaan = "Ada dokumen yang tidak diminta layanan ini.";
        else if (c.hasil !== "sesuai" && c.hasil !== "perlu_diganti") errors["pemeriksaan." + key] = "Pilih sesuai atau perlu diganti untuk " + labelOf(key) + ".";
        else if (c.hasil === "perlu_diganti" && String(c.alasan || "").trim().length < 5) errors["pemeriksaan." + key] = "Tulis alasan " + labelOf(key) + " perlu diganti (paling sedikit 5 karakter).";
        else if (String(c.alasan || "").trim().length > 500) errors["pemeriksaan." + key] = "Alasan untuk " + labelOf(key) + " terlalu panjang. Tulis paling banyak 500 karakter.";
        else if (r.unreadableText(String(c.alasan || ""), true)) errors["pemeriksaan." + key] = r.UNREADABLE_MESSAGE;
        else existing[key] = { hasil: c.hasil, alasan: String(c.alasan || "").trim(), oleh: actor.label, waktu: new Date().toISOString() };
      }
    }
    fields.pemeriksaan_dokumen = existing;
    change.pemeriksaan = Object.keys(checks || {});
  }
  let photos = [];
  if (aksi === "langkah") {
    kind = "langkah";
    change.langkah = state.langkah;
    const result = text(body, "hasil_verifikasi");
    if (needsVisitResult(data, ctx, state.langkah)) {
      if (result !== "layak" && result !== "tidak_layak") errors.hasil_verifikasi = "Pilih hasil kunjungan: layak atau tidak layak.";
    }
    if (result && !needsVisitResult(data, ctx, state.langkah)) errors.hasil_verifikasi = "Hasil kunjungan hanya dicatat pada langkah verifikasi lapangan.";
    else if (result) {
      if (result !== "layak" && result !== "tidak_layak") errors.hasil_verifikasi = "Pilih hasil kunjungan: layak atau tidak layak.";
      fields.hasil_verifikasi = result;
      fields.tanggal_verifikasi = cw().pbDate(new Date());
      if (internalNote) fields.catatan_verifikasi = internalNote;
      change.hasil_verifikasi = result;
    }
    const lat = text(body, "lintang");
    const lng = text(body, "bujur");
    if (lat || lng) {
      const la = Number(lat);
      const lo = Number(lng);
      if (!(la >= -90 && la <= 90 && lo >= -180 && lo <= 180) || !lat || !lng) errors.lintang = "Lokasi GPS tidak sah. Ambil lokasi lagi atau kosongkan.";
      else fields.lokasi_kunjungan = { lintang: la, bujur: lo };
    }
    photos = visitPhotos(e, errors);
  }
  if (Object.keys(errors).length > 0) throw cw().fieldErrors(errors);
  if (submissionId) change.id_pengiriman = submissionId;

  const used = aksi === "catatan" ? actor.roles[0] || "" : roleUsed((roles) => r.judge(ctx, state, roles, aksi).allowed, actor.roles);
  const before = record.getString("status");
  require(`${__hooks}/lib/workflow.js`).inTransaction(app, (tx) => {
    const fresh = tx.findRecordById("permohonan", record.id);
    // Someone else acted meanwhile: the judgement above was on a state that is gone.
    if (fresh.getString("status") !== state.status || fresh.getInt("langkah") !== state.langkah) {
      throw new BadRequestError("Permohonan ini baru saja diubah petugas lain. Muat ulang halaman, lalu periksa lagi.", {});
    }
    for (const key in fields) fresh.set(key, fields[key]);
    if (photos.length > 0) {
      const uploads = require(`${__hooks}/lib/uploads.js`);
      for (let i = 0; i < photos.length; i++) photos[i].name = uploads.neutralName("foto_verifikasi", photos[i]);
      fresh.set("foto_verifikasi+", photos);
      change.foto = photos.length;
    }
    fresh.set("status", verdict.status);
    fresh.set("langkah", verdict.langkah);
    fresh.set("catatan_publik", publicNote);
    if (internalNote) fresh.set("catatan_internal", internalNote);
    tx.save(fresh);
    chain().append(tx, fresh, {
      jenis: kind,
      status_dari: before,
      status: verdict.status,
      petugas: actor.label,
      akun: actor.id,
      peran: used,
      langkah: aksi === "langkah" ? state.langkah : null,
      catatan_publik: publicNote,
      catatan_internal: internalNote,
      dokumen_perbaikan: aksi === "perbaikan" ? fields.dokumen_perbaikan : [],
      perubahan: change,
    });
    // The letter content/letters/ names for this decision, numbered in the same transaction.
    require(`${__hooks}/lib/surat.js`).issueFor(tx, fresh, before, actor, used);
  });
  const s = cw().byId(data.statuses, verdict.status);
  return { status: verdict.status, status_label: s ? s.label : verdict.status, langkah: verdict.langkah, ulang: false };
}

function actOnReport(e, app, actor, record, body) {
  const r = rules();
  const data = require(`${__hooks}/lib/portal.js`).required();
  const ctx = cw().reportFlowOf(data, record);
  const state = cw().stateOf(actor, record);
  const errors = {};
  const { aksi, publicNote, internalNote, submissionId } = actionInput(body, errors);
  // A malformed submission id is answered alone, before anything else is judged.
  if (errors.id_pengiriman) throw cw().fieldErrors({ id_pengiriman: errors.id_pengiriman });
  const resent = resentAnswer(app, "riwayat_laporan", "laporan", record, submissionId, data.reportStatuses, 0);
  if (resent) return resent;
  const current = cw().byId(data.reportStatuses, state.status);
  const fields = {};
  const change = {};
  let kind = "catatan";
  let target = state.status;
  let used = actor.roles[0] || "";
  if (aksi === "status") {
    target = text(body, "status");
    // No choice made is a field to fill in, not a refusal of the person.
    if (!target) throw cw().fieldErrors({ status: "Pilih status baru laporan." });
    const verdict = r.judgeReport(ctx, state, actor.roles, target);
    if (!verdict.allowed) throw new ForbiddenError(verdict.message, {});
    const next = cw().byId(data.reportStatuses, target);
    if (next && next.needsReason && publicNote.length < NOTE_MIN) errors.catatan_publik = "Tulis alasan untuk pelapor (paling sedikit " + NOTE_MIN + " karakter); alasan ini tampil di halaman lacak.";
    kind = "status";
    for (let i = 0; i < actor.roles.length; i++) if (r.judgeReport(ctx, state, [actor.roles[i]], target).allowed) used = actor.roles[i];
  } else if (aksi === "tugaskan") {
    const verdict = r.judgeReportTask(ctx, state, actor.roles, "tugaskan");
    if (!verdict.allowed) throw new ForbiddenError(verdict.message, {});
    kind = "penerusan";
    const person = text(body, "ditugaskan_ke");
    if (person) {
      const p = require(`${__hooks}/lib/db.js`).orNull(() => app.findRecordById("petugas", person));
      if (!p || !p.getBool("aktif")) errors.ditugaskan_ke = "Pilih petugas yang aktif.";
      fields.ditugaskan_ke = person;
    }
    const pillars = list(body, "diteruskan_ke");
    const known = data.pilarSosial.map((x) => x.id);
    if (pillars.some((x) => known.indexOf(x) < 0)) errors.diteruskan_ke = "Pilar sosial tidak dikenal.";
    if (pillars.length > 0) fields.diteruskan_ke = pillars;
    const unit = text(body, "unit_tujuan");
    checkNote(errors, "unit_tujuan", unit, 0, 200, "");
    if (unit) fields.unit_tujuan = unit;
    if (!person && pillars.length === 0 && !unit) errors.ditugaskan_ke = "Pilih orang, pilar sosial, atau tulis unit tujuan.";
    change.ditugaskan_ke = person;
    change.diteruskan_ke = pillars;
    change.unit_tujuan = unit;
  } else if (aksi === "penanganan") {
    const verdict = r.judgeReportTask(ctx, state, actor.roles, "penanganan");
    if (!verdict.allowed) throw new ForbiddenError(verdict.message, {});
    kind = "perubahan_data";
    const kinds = list(body, "penanganan");
    const allowed = record.collection().fields.getByName("penanganan").values;
    if (kinds.length === 0 || kinds.some((k) => allowed.indexOf(k) < 0)) errors.penanganan = "Pilih bentuk penanganan dari daftar.";
    fields.penanganan = kinds;
    change.penanganan = kinds;
  } else if (aksi === "catatan") {
    if (current && current.closed) throw new ForbiddenError("Laporan sudah ditutup; catatan baru tidak dapat ditambahkan.", {});
    if (!publicNote && !internalNote) errors.catatan_internal = "Tulis catatan untuk pelapor atau untuk petugas.";
  } else {
    throw cw().fieldErrors({ aksi: "Tindakan tidak dikenal." });
  }
  if (Object.keys(errors).length > 0) throw cw().fieldErrors(errors);
  if (submissionId) change.id_pengiriman = submissionId;
  const before = record.getString("status");
  require(`${__hooks}/lib/workflow.js`).inTransaction(app, (tx) => {
    const fresh = tx.findRecordById("laporan", record.id);
    if (fresh.getString("status") !== state.status) throw new BadRequestError("Laporan ini baru saja diubah petugas lain. Muat ulang halaman, lalu periksa lagi.", {});
    for (const key in fields) fresh.set(key, fields[key]);
    fresh.set("status", target);
    fresh.set("catatan_publik", publicNote);
    if (internalNote) fresh.set("catatan_internal", internalNote);
    tx.save(fresh);
    chain().append(tx, fresh, { jenis: kind, status_dari: before, status: target, petugas: actor.label, akun: actor.id, peran: used, catatan_publik: publicNote, catatan_internal: internalNote, perubahan: change });
  });
  const s = cw().byId(data.reportStatuses, target);
  return { status: target, status_label: s ? s.label : target, langkah: 0, ulang: false };
}

function act(e, app, actor, kind, id, body) {
  const record = cw().findCase(app, actor, kind, id);
  return kind === "laporan" ? actOnReport(e, app, actor, record, body) : actOnRequest(e, app, actor, record, body);
}

module.exports = { act: act, needsVisitResult: needsVisitResult };
