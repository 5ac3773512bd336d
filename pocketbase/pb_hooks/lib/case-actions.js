// POST /api/petugas/kasus/{jenis}/{id}/aksi: one action on a request or report by a staff member.
// What it does (the SOP verdict for the person's roles, every field's check, the Indonesian
// messages) is src/lib/server/case-actions.ts; here: the database it asks (`CaseActionDb`), the
// visit photos, and saving the plan with its chained history entry in one transaction.

function cw() {
  return require(`${__hooks}/lib/casework.js`);
}
function rules() {
  return require(`${__hooks}/lib/rules.generated.js`);
}

/** Visit photos from a multipart send: images only, within the pixel and size limits. */
function visitPhotos(e) {
  let files = [];
  try {
    files = e.findUploadedFiles("foto") || [];
  } catch (_) {
    files = [];
  }
  if (files.length > 3) return { files: [], problem: "Paling banyak 3 foto kunjungan." };
  const uploads = require(`${__hooks}/lib/uploads.js`);
  const r = rules();
  let problem = null;
  for (let i = 0; i < files.length; i++) {
    if (files[i].size > 5 * 1024 * 1024) problem = "Foto terlalu besar. Paling besar 5 MB; ambil ulang dengan resolusi lebih kecil.";
    const pixels = r.imagePixelsProblem(uploads.headerPixels(files[i]));
    if (pixels === "too_large") problem = "Foto terlalu besar untuk diproses. Ambil ulang dengan resolusi lebih kecil.";
    else if (pixels === "unreadable" || uploads.headerPixels(files[i]) === undefined) problem = "Berkas ini bukan foto JPG, PNG, atau WebP yang dapat dibaca.";
  }
  return { files: files, problem: problem };
}

/** `CaseActionDb` for one case; `photos.files` holds the visit photos once checked. */
function store(e, app, kind, id, photos) {
  const history = kind === "laporan" ? "riwayat_laporan" : "riwayat_permohonan";
  return {
    earlierSend: function (submissionId) {
      const rows = arrayOf(new DynamicModel({ id: "" }));
      app
        .db()
        .newQuery("SELECT id FROM " + history + " WHERE " + kind + " = {:p} AND json_extract(perubahan, '$.id_pengiriman') = {:s} LIMIT 1")
        .bind({ p: id, s: submissionId })
        .all(rows);
      return rows.length > 0;
    },
    staffMember: function (personId) {
      const p = require(`${__hooks}/lib/db.js`).orNull(() => app.findRecordById("petugas", personId));
      return p ? { aktif: p.getBool("aktif"), roles: require(`${__hooks}/lib/staff.js`).rolesOf(p) } : null;
    },
    photoProblem: function () {
      const checked = visitPhotos(e);
      photos.files = checked.files;
      return checked.problem;
    },
  };
}

/** Saves the plan of src/lib/server/case-actions.ts and its chained history entry, both or neither. */
function save(app, actor, record, plan, photos) {
  const isReport = record.collection().name === "laporan";
  const before = record.getString("status");
  const langkah = record.getInt("langkah");
  require(`${__hooks}/lib/workflow.js`).inTransaction(app, (tx) => {
    const fresh = tx.findRecordById(record.collection().name, record.id);
    // Someone else acted meanwhile: the judgement was on a state that is gone.
    if (fresh.getString("status") !== before || (!isReport && fresh.getInt("langkah") !== langkah)) {
      throw new BadRequestError((isReport ? "Laporan" : "Permohonan") + " ini baru saja diubah petugas lain. Muat ulang halaman, lalu periksa lagi.", {});
    }
    for (const key in plan.fields) fresh.set(key, plan.fields[key]);
    if (plan.photos && photos.length > 0) {
      const uploads = require(`${__hooks}/lib/uploads.js`);
      for (let i = 0; i < photos.length; i++) photos[i].name = uploads.neutralName("foto_verifikasi", photos[i]);
      fresh.set("foto_verifikasi+", photos);
      plan.change.foto = photos.length;
    }
    fresh.set("status", plan.status);
    if (!isReport) fresh.set("langkah", plan.langkah);
    fresh.set("catatan_publik", plan.publicNote);
    if (plan.internalNote) fresh.set("catatan_internal", plan.internalNote);
    tx.save(fresh);
    const entry = { jenis: plan.kind, status_dari: before, status: plan.status, petugas: actor.label, akun: actor.id, peran: plan.role, catatan_publik: plan.publicNote, catatan_internal: plan.internalNote, perubahan: plan.change };
    if (!isReport) {
      entry.langkah = plan.step;
      entry.dokumen_perbaikan = plan.asked;
    }
    require(`${__hooks}/lib/chain.js`).append(tx, fresh, entry);
    // The letter content/letters/ names for this decision, numbered in the same transaction.
    if (!isReport) require(`${__hooks}/lib/surat.js`).issueFor(tx, fresh, before, actor, plan.role);
  });
}

function act(e, app, actor, kind, id, body) {
  const server = require(`${__hooks}/lib/server.generated.js`);
  const data = require(`${__hooks}/lib/portal.js`).required();
  const record = cw().findCase(app, actor, kind, id);
  const c = require(`${__hooks}/lib/case-view.js`).caseFileOf(data, record);
  const photos = { files: [] };
  const db = store(e, app, kind, record.id, photos);
  const refuse = require(`${__hooks}/lib/server.js`).refusals();
  const outcome = kind === "laporan" ? server.reportAction(db, data, actor, c, body, refuse) : server.requestAction(db, data, actor, c, body, refuse, new Date());
  if (outcome.resent) return outcome.resent;
  save(app, actor, record, outcome.plan, photos.files);
  return outcome.plan.answer;
}

module.exports = { act: act };
