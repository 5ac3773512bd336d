// Re-upload by code (issue 14, routes in unggah-ulang.pb.js). The applicant proves they are the
// applicant with the tracking code plus one fact from their form (src/lib/rules/proof.ts); a
// proof earns a short-lived signed token. With it they send exactly the documents staff asked
// for; the request returns to the SOP stage it was at, with a chained history entry. The file
// each upload replaces is kept in versi_dokumen until the request closes.
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
  try {
    return app.findFirstRecordByData("permohonan", "kode_lacak", code);
  } catch (_) {
    return null;
  }
}

/** "pukul 14.30 WIB" in the office's zone. */
function clock(data, date) {
  const offset = rules().zoneOffsetHours(data.site.timeZone);
  const local = new Date(date.getTime() + offset * 3600000);
  const pad = (n) => (n < 10 ? "0" : "") + n;
  return "pukul " + pad(local.getUTCHours()) + "." + pad(local.getUTCMinutes()) + " " + data.site.timeZone;
}

function attemptsOf(app, key) {
  try {
    return app.findFirstRecordByData("bukti_pemohon", "kunci", key);
  } catch (_) {
    const record = new Record(app.findCollectionByNameOrId("bukti_pemohon"));
    record.set("kunci", key);
    record.set("gagal", 0);
    return record;
  }
}

function lockedUntil(record, now) {
  const text = record.getString("terkunci_sampai");
  if (!text) return null;
  const until = new Date(text.replace(" ", "T"));
  return until.getTime() > now.getTime() ? until : null;
}

function lockedError(data, until) {
  return new ApiError(429, "Terlalu banyak percobaan yang salah untuk kode ini. Demi keamanan data, pembuktian dikunci sampai " + clock(data, until) + ". Setelah itu coba lagi, atau datang ke kantor dengan membawa tanda terima.", {});
}

/** "<id>.<expiry unix>.<hmac>": a proof that the bearer knew the code and the fact, for a while. */
function issueToken(app, record, now) {
  const minutes = rules().PROOF_TOKEN_MINUTES;
  const payload = record.id + "." + Math.floor(now.getTime() / 1000 + minutes * 60);
  return { token: payload + "." + secret().keyed(app, "bukti-pemohon", payload + "." + record.getString("kode_lacak")), until: new Date(now.getTime() + minutes * 60000) };
}

/** The request a token proves, or null (wrong, expired, or for another code). */
function checkToken(app, code, token, now) {
  const parts = String(token || "").split(".");
  if (parts.length !== 3 || !/^[a-z0-9]{15}$/.test(parts[0]) || !/^\d{1,12}$/.test(parts[1])) return null;
  if (Number(parts[1]) * 1000 < now.getTime()) return null;
  const record = findRequest(app, code);
  if (!record || record.id !== parts[0]) return null;
  const expected = secret().keyed(app, "bukti-pemohon", parts[0] + "." + parts[1] + "." + record.getString("kode_lacak"));
  if (!$security.equal(expected, parts[2])) return null;
  return record;
}

/** What the proven applicant may do now: the documents asked for, with their rules. */
function openTasks(data, record) {
  const status = portal().status(data, record.getString("status"));
  const service = portal().service(data, record.getString("layanan"));
  const asked = status && status.meaning === "repair" ? record.get("dokumen_perbaikan") || [] : [];
  const docs = service ? service.documents.filter((d) => asked.indexOf(d.key) >= 0) : [];
  return docs.map((d) => ({ kunci: d.key, label: d.label, jenis_berkas: d.accept, ukuran_maks_mb: d.maxSizeMB }));
}

/** POST /api/lacak/{kode}/bukti {bukti_jenis, bukti_nilai}. */
function prove(app, rawCode, body, now) {
  const r = rules();
  const data = portal().required();
  const code = r.normaliseCode(String(rawCode || ""));
  if (!code) throw fieldErrors({ kode: "Kode pelacakan tidak sah. Tulis kode seperti pada tanda terima, misalnya " + data.site.trackingPrefix + "-7K3-MQ9-XPW." });
  // Text only: an array or object (["telepon"], {"$ne": null}) is no answer at all.
  const textOf = (v) => (typeof v === "string" ? v : "");
  const kind = textOf(body && body.bukti_jenis);
  const raw = textOf(body && body.bukti_nilai).slice(0, 100);
  const malformed = r.proofErrors(kind, raw);
  if (Object.keys(malformed).length > 0) throw fieldErrors(malformed);
  const value = r.normaliseProof(kind, raw);

  const key = secret().keyed(app, "bukti-kode", code);
  const attempts = attemptsOf(app, key);
  const until = lockedUntil(attempts, now);
  if (until) throw lockedError(data, until);

  const record = findRequest(app, code);
  let matches = false;
  if (record) {
    const given = kind === "tanggal_lahir" ? record.getString("tanggal_lahir").slice(0, 10) : record.getString("telepon").slice(-4);
    matches = $security.equal(given, value);
  }
  if (!matches) {
    const failures = attempts.getInt("gagal") + 1;
    if (failures >= r.PROOF_MAX_FAILURES) {
      const lockEnd = new Date(now.getTime() + r.PROOF_LOCK_MINUTES * 60000);
      attempts.set("gagal", 0);
      attempts.set("terkunci_sampai", cw().pbDate(lockEnd));
      app.save(attempts);
      throw lockedError(data, lockEnd);
    }
    attempts.set("gagal", failures);
    app.save(attempts);
    const left = r.PROOF_MAX_FAILURES - failures;
    throw new ForbiddenError(r.PROOF_MISMATCH_MESSAGE + " Sisa percobaan: " + left + " kali.", { bukti_nilai: new ValidationError("validation_failed", r.PROOF_MISMATCH_MESSAGE) });
  }
  if (attempts.id && attempts.getInt("gagal") > 0) {
    attempts.set("gagal", 0);
    app.save(attempts);
  }
  const issued = issueToken(app, record, now);
  return { token: issued.token, berlaku_sampai: issued.until.toISOString(), dokumen: openTasks(data, record) };
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
  const asked = record.get("dokumen_perbaikan") || [];
  const uploads = require(`${__hooks}/lib/uploads.js`);
  const errors = {};
  const chosen = {};
  for (let i = 0; i < data.documentTypes.length; i++) {
    const key = data.documentTypes[i].id;
    let files = [];
    try {
      files = e.findUploadedFiles(key) || [];
    } catch (_) {
      files = [];
    }
    const doc = service ? service.documents.find((d) => d.key === key) : null;
    if (asked.indexOf(key) < 0) {
      if (files.length > 0) errors[key] = "Dokumen ini tidak diminta petugas. Kirim hanya dokumen yang diminta.";
      continue;
    }
    if (files.length === 0) errors[key] = "Unggah " + (doc ? doc.label : key) + ".";
    else if (files.length > 1) errors[key] = "Kirim satu berkas saja untuk " + (doc ? doc.label : key) + ".";
    else {
      const problem = doc ? r.documentFileProblem(doc, { size: files[0].size, type: uploads.contentTypeOf(files[0]), pixels: uploads.headerPixels(files[0]) }) : null;
      if (problem) errors[key] = problem;
      else chosen[key] = files[0];
    }
  }
  if (Object.keys(errors).length > 0) throw fieldErrors(errors);

  const keys = Object.keys(chosen);
  const labels = keys.map((k) => {
    const doc = service.documents.find((d) => d.key === k);
    return doc ? doc.label : k;
  });
  const note = "Dokumen perbaikan diterima melalui portal: " + labels.join(", ") + ". Petugas melanjutkan pemeriksaan.";
  const ctx = cw().flowOf(data, record);
  let target = record.getString("status");
  try {
    app.runInTransaction((tx) => {
      const fresh = tx.findRecordById("permohonan", record.id);
      if (fresh.getString("status") !== record.getString("status")) throw new ApiError(409, "Permohonan ini baru saja diubah petugas. Muat ulang halaman, lalu periksa lagi.", {});
      // Back where the repair was asked: the SOP stage of the step still to be recorded.
      const step = ctx.steps[fresh.getInt("langkah")];
      const initial = data.statuses.find((s) => s.meaning === "initial");
      target = step ? step.stage : initial.id;
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
