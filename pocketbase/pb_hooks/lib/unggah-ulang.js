// Re-upload by code (issue 14, routes in unggah-ulang.pb.js). The applicant proves they are the
// applicant with the tracking code plus one fact from their form: decided by
// src/lib/server/proof.ts over the database below (`proofStore`); a proof earns a short-lived
// signed token. With it they send exactly the documents staff asked for; the request returns to
// the SOP stage it was at, with a chained history entry. The file each upload replaces is kept in
// versi_dokumen until the request closes.
//
// Enumeration: an unknown code and a wrong fact get the same answer and are counted and locked
// the same way (bukti_pemohon is keyed by an HMAC of the code, whether the code exists or not).

function rules() {
  return require(`${__hooks}/lib/rules.generated.js`);
}
function portal() {
  return require(`${__hooks}/lib/portal.js`);
}
function secret() {
  return require(`${__hooks}/lib/secret.js`);
}

const APPLICANT = "pemohon (lewat portal)";

function cw() {
  return require(`${__hooks}/lib/casework.js`);
}
function fieldErrors(errors) {
  return cw().fieldErrors(errors);
}

function findRequest(app, code) {
  return require(`${__hooks}/lib/db.js`).orNull(() => app.findFirstRecordByData("permohonan", "kode_lacak", code));
}

/** The proof's database (src/lib/server/proof.ts `ProofDb`); the attempts row is read once per request. */
function proofStore(app) {
  const db = require(`${__hooks}/lib/db.js`);
  const keyOf = (code) => secret().keyed(app, "bukti-kode", code);
  let attempts = null;
  const attemptsOf = (code) => {
    if (attempts) return attempts;
    attempts = db.orNull(() => app.findFirstRecordByData("bukti_pemohon", "kunci", keyOf(code)));
    if (!attempts) {
      attempts = new Record(app.findCollectionByNameOrId("bukti_pemohon"));
      attempts.set("kunci", keyOf(code));
      attempts.set("gagal", 0);
    }
    return attempts;
  };
  return {
    request: function (code) {
      const record = findRequest(app, code);
      if (!record) return null;
      // A plain array of keys (the stored value is a Go slice).
      const asked = record.getStringSlice("dokumen_perbaikan");
      const keys = [];
      for (let i = 0; i < asked.length; i++) keys.push(String(asked[i]));
      return {
        id: record.id,
        kode_lacak: record.getString("kode_lacak"),
        status: record.getString("status"),
        layanan: record.getString("layanan"),
        dokumen_perbaikan: keys,
        tanggal_lahir: record.getString("tanggal_lahir"),
        telepon: record.getString("telepon"),
      };
    },
    attempts: function (code) {
      const row = attemptsOf(code);
      return { failures: row.getInt("gagal"), lockedUntil: row.getString("terkunci_sampai") };
    },
    saveAttempts: function (code, failures, lockedUntil) {
      const row = attemptsOf(code);
      row.set("gagal", failures);
      if (lockedUntil !== null) row.set("terkunci_sampai", lockedUntil);
      app.save(row);
    },
    sign: function (text) {
      return secret().keyed(app, "bukti-pemohon", text);
    },
    same: function (a, b) {
      return $security.equal(a, b);
    },
  };
}

/** The request a token proves, or null (wrong, expired, or for another code). */
function checkToken(app, code, token, now) {
  const server = require(`${__hooks}/lib/server.generated.js`);
  const parsed = server.parseProofToken(token, now);
  if (!parsed) return null;
  const record = findRequest(app, code);
  if (!record || record.id !== parsed.id) return null;
  const expected = secret().keyed(app, "bukti-pemohon", server.proofTokenText(parsed.id, parsed.expiry, record.getString("kode_lacak")));
  return $security.equal(expected, parsed.mac) ? record : null;
}

/** POST /api/lacak/{kode}/bukti {bukti_jenis, bukti_nilai} (src/lib/server/proof.ts). */
function prove(app, rawCode, body, now) {
  const server = require(`${__hooks}/lib/server.generated.js`);
  const refusals = require(`${__hooks}/lib/server.js`).refusals();
  return server.proveApplicant(proofStore(app), portal().required(), rawCode, body, now, refusals);
}

/** Whether a history entry already holds this send (a retry after a lost answer). */
function sentBefore(app, recordId, submissionId) {
  const rows = arrayOf(new DynamicModel({ id: "" }));
  app
    .db()
    .newQuery("SELECT id FROM riwayat_permohonan WHERE permohonan = {:p} AND jenis = 'unggah_ulang' AND json_extract(perubahan, '$.id_pengiriman') = {:s} LIMIT 1")
    .bind({ p: recordId, s: submissionId })
    .all(rows);
  return rows.length > 0;
}

/** POST /api/lacak/{kode}/unggah (multipart): bukti, id_pengiriman and one file per asked document. */
function reupload(e, rawCode, now) {
  const app = e.app;
  const r = rules();
  const data = portal().required();
  const code = r.normaliseCode(String(rawCode || ""));
  const body = e.requestInfo().body || {};
  const record = code ? checkToken(app, code, body.bukti, now) : null;
  if (!record) throw new UnauthorizedError("Bukti Anda sudah tidak berlaku. Buktikan lagi bahwa Anda pemohon, lalu kirim dokumennya.", {});
  const submissionId = String(body.id_pengiriman || "");
  if (!r.SUBMISSION_ID.test(submissionId)) throw fieldErrors({ id_pengiriman: r.SUBMISSION_ID_MESSAGE });
  if (sentBefore(app, record.id, submissionId)) return { status: record.getString("status"), ulang: true };

  const status = portal().status(data, record.getString("status"));
  if (!status || status.meaning !== "repair") throw new ApiError(409, "Permohonan ini tidak sedang menunggu perbaikan dokumen; tidak ada yang perlu dikirim.", {});
  const service = portal().service(data, record.getString("layanan"));
  const uploads = require(`${__hooks}/lib/uploads.js`);
  const server = require(`${__hooks}/lib/server.generated.js`);
  // The files sent per document key; src/lib/server/reupload.ts decides what they may be.
  const chosen = {};
  const sent = (key) => {
    let files = [];
    try {
      files = e.findUploadedFiles(key) || [];
    } catch (_) {
      files = [];
    }
    if (files.length === 1) chosen[key] = files[0];
    return {
      count: files.length,
      first: function () {
        return { size: files[0].size, type: uploads.contentTypeOf(files[0]), pixels: uploads.headerPixels(files[0]) };
      },
    };
  };
  const checked = server.reuploadFiles(data, record.getString("layanan"), record.getStringSlice("dokumen_perbaikan"), sent, require(`${__hooks}/lib/server.js`).refusals());
  const keys = checked.keys;
  const note = checked.note;
  let target = record.getString("status");
  try {
    app.runInTransaction((tx) => {
      const fresh = tx.findRecordById("permohonan", record.id);
      if (fresh.getString("status") !== record.getString("status")) throw new ApiError(409, "Permohonan ini baru saja diubah petugas. Muat ulang halaman, lalu periksa lagi.", {});
      // Back where the repair was asked: the SOP stage of the step still to be recorded.
      target = server.reuploadTarget(data, record.getString("layanan"), fresh.getInt("langkah"));
      const checks = cw().jsonObject(fresh, "pemeriksaan_dokumen");
      for (let i = 0; i < keys.length; i++) {
        chosen[keys[i]].name = uploads.neutralName(keys[i], chosen[keys[i]]);
        chosen[keys[i]].originalName = chosen[keys[i]].name;
        fresh.set(keys[i], chosen[keys[i]]);
        // A new file has not been checked yet.
        delete checks[keys[i]];
      }
      fresh.set("pemeriksaan_dokumen", checks);
      fresh.set("dokumen_perbaikan", []);
      fresh.set("status", target);
      fresh.set("catatan_publik", note);
      keepVersions(tx, fresh, APPLICANT);
      tx.save(fresh);
      require(`${__hooks}/lib/chain.js`).append(tx, fresh, {
        jenis: "unggah_ulang",
        status_dari: record.getString("status"),
        status: target,
        petugas: APPLICANT,
        catatan_publik: note,
        dokumen_perbaikan: keys,
        perubahan: { dokumen: keys, id_pengiriman: submissionId },
      });
    });
  } catch (err) {
    throw require(`${__hooks}/lib/permohonan.js`).translateSaveError(err, data, service) || err;
  }
  const s = portal().status(data, target);
  return { status: target, status_label: s ? s.label : target, ulang: false };
}

/**
 * Before a request is saved: a document file about to be replaced or removed is copied to
 * versi_dokumen first (PocketBase deletes the old file after the save), whoever replaces it: the
 * re-upload route or an administrator in the admin UI (unggah-ulang.pb.js). Only while the
 * request is open: a closed request's files are retention's business, not versions.
 */
function keepVersions(app, record, who) {
  const data = portal().required();
  const original = record.original();
  const status = portal().status(data, original.getString("status"));
  if (!status || status.closed) return;
  for (let i = 0; i < data.documentTypes.length; i++) {
    const key = data.documentTypes[i].id;
    const oldName = original.getString(key);
    if (!oldName) continue;
    const current = record.get(key);
    if (current === oldName || (Array.isArray(current) && current.length === 1 && current[0] === oldName)) continue;
    const fs = app.newFilesystem();
    let bytes;
    try {
      const reader = fs.getReader(original.baseFilesPath() + "/" + oldName);
      try {
        bytes = toBytes(reader, 64 * 1024 * 1024);
      } finally {
        reader.close();
      }
    } catch (_) {
      continue; // the file is already gone from storage: nothing to keep
    } finally {
      fs.close();
    }
    const version = new Record(app.findCollectionByNameOrId("versi_dokumen"));
    version.set("permohonan", record.id);
    version.set("dokumen", key);
    version.set("berkas", $filesystem.fileFromBytes(bytes, oldName));
    version.set("diganti_oleh", who);
    app.save(version);
  }
}

/** After a request closes, the kept versions go (with their files). */
function dropVersions(app, record) {
  const data = portal().required();
  const status = portal().status(data, record.getString("status"));
  if (!status || !status.closed) return 0;
  const versions = app.findRecordsByFilter("versi_dokumen", "permohonan = {:id}", "", 0, 0, { id: record.id });
  for (let i = 0; i < versions.length; i++) app.delete(versions[i]);
  return versions.length;
}

/** Earlier versions of each document of a request, for the case view (newest first). */
function versionsOf(app, recordId) {
  const out = {};
  const versions = app.findRecordsByFilter("versi_dokumen", "permohonan = {:id}", "-created", 0, 0, { id: recordId });
  for (let i = 0; i < versions.length; i++) {
    const v = versions[i];
    const key = v.getString("dokumen");
    (out[key] = out[key] || []).push({ id: v.id, berkas: v.getString("berkas"), waktu: new Date(v.getString("created").replace(" ", "T")).toISOString(), oleh: v.getString("diganti_oleh") });
  }
  return out;
}

/**
 * Forgets counters of wrong proofs a day old whose lock has run out: guesses at unknown codes
 * would otherwise pile up rows for ever. A row still locked stays.
 */
function forgetOldAttempts(app, now) {
  const dayAgo = cw().pbDate(new Date(now.getTime() - 24 * 3600000));
  const result = app
    .db()
    .newQuery("DELETE FROM bukti_pemohon WHERE updated < {:dayAgo} AND (terkunci_sampai = '' OR terkunci_sampai < {:now})")
    .bind({ dayAgo: dayAgo, now: cw().pbDate(now) })
    .execute();
  return result.rowsAffected();
}

module.exports = { forgetOldAttempts: forgetOldAttempts, prove: prove, reupload: reupload, checkToken: checkToken, keepVersions: keepVersions, dropVersions: dropVersions, versionsOf: versionsOf, APPLICANT: APPLICANT };
