// Decision letters and handover records (issue 14 point 3; routes in surat.pb.js). A staff action
// that moves a request into a status a template in content/letters/ names issues that letter in
// the same transaction (lib/case-actions.js): a number from the per-year register, the date, the
// signatory by role and name, the text filled in. /verifikasi/<id> shows only that it is genuine.

function portal() {
  return require(`${__hooks}/lib/portal.js`);
}
function cw() {
  return require(`${__hooks}/lib/casework.js`);
}
function chain() {
  return require(`${__hooks}/lib/chain.js`);
}
function server() {
  return require(`${__hooks}/lib/server.generated.js`);
}

/** The office's calendar day of `date`: { year, text: "30 November 2026" } (src/lib/server/surat.ts). */
function officeDay(data, date) {
  return require(`${__hooks}/lib/server.generated.js`).officeDate(data, date);
}

/** A letter record as src/lib/server/surat.ts `LetterRow`. */
function rowOf(letter) {
  const row = { isi: toString(letter.get("isi")) };
  const fields = ["nomor", "judul", "jenis", "templat", "tanggal", "status", "dicabut_pada", "penandatangan_peran", "penandatangan_nama", "pindaian", "inisial"];
  row.id = letter.id;
  for (let i = 0; i < fields.length; i++) row[fields[i]] = letter.getString(fields[i]);
  return row;
}

/**
 * The next number of `year`'s register, raised by one statement (no read-then-write race). Inside
 * the caller's transaction: if the letter is not saved, the number is not spent either.
 */
function nextNumber(app, year) {
  const row = new DynamicModel({ terakhir: 0 });
  app
    .db()
    .newQuery(
      "INSERT INTO register_surat (id, tahun, terakhir) VALUES ({:id}, {:year}, 1) " +
        "ON CONFLICT(tahun) DO UPDATE SET terakhir = terakhir + 1 RETURNING terakhir",
    )
    .bind({ id: $security.randomStringWithAlphabet(15, "abcdefghijklmnopqrstuvwxyz0123456789"), year: year })
    .one(row);
  return row.terakhir;
}

/** The signatory: the acting person if they hold the role, else the first active account that does. */
function signatoryOf(app, data, role, actor) {
  const label = require(`${__hooks}/lib/staff.js`).roleLabel(data, role);
  if (actor && actor.roles && actor.roles.indexOf(role) >= 0) return { role: label, name: actor.record.getString("nama") };
  // "~" narrows by text; the exact role is checked here (a role id may be part of another's).
  const staff = require(`${__hooks}/lib/staff.js`);
  const people = app.findRecordsByFilter("petugas", "aktif = true && peran ~ {:role}", "nama", 50, 0, { role: role }).filter((p) => staff.rolesOf(p).indexOf(role) >= 0);
  return { role: label, name: people.length > 0 ? people[0].getString("nama") : "" };
}

/** Issues every letter content/letters/ names for `record` arriving at its current status (by `actor`, acting as `roleUsed`). */
function issueFor(app, record, previousStatus, actor, roleUsed) {
  const data = portal().required();
  const status = record.getString("status");
  const templates = server().lettersOnStatus(data, record.getString("layanan"), previousStatus, status);
  const now = new Date();
  const day = officeDay(data, now);
  const issued = [];
  const request = { nama_lengkap: record.getString("nama_lengkap"), layanan: record.getString("layanan"), kode_lacak: record.getString("kode_lacak"), catatan_publik: record.getString("catatan_publik") };
  for (let i = 0; i < templates.length; i++) {
    const t = templates[i];
    const number = nextNumber(app, day.year);
    const signer = signatoryOf(app, data, t.signatoryRole, actor);
    const draft = server().letterDraft(data, t, request, number, day, signer);
    const letter = new Record(app.findCollectionByNameOrId("surat"));
    letter.set("permohonan", record.id);
    letter.set("templat", t.id);
    letter.set("judul", t.title);
    letter.set("jenis", t.kind);
    letter.set("tahun", day.year);
    letter.set("nomor_urut", number);
    letter.set("nomor", draft.nomor);
    letter.set("tanggal", cw().pbDate(now));
    letter.set("penandatangan_peran", signer.role);
    letter.set("penandatangan_nama", signer.name);
    letter.set("inisial", draft.inisial);
    letter.set("status", "berlaku");
    letter.set("isi", draft.isi);
    app.save(letter);
    // An electronic signature, when a provider is configured (lib/tanda-tangan.js).
    const reference = require(`${__hooks}/lib/tanda-tangan.js`).sign(app, letter, JSON.stringify(letter.get("isi")));
    if (reference) {
      letter.set("tanda_tangan_elektronik", reference);
      app.save(letter);
    }
    chain().append(app, record, {
      jenis: "surat",
      status_dari: status,
      status: status,
      petugas: actor ? actor.label : "sistem",
      akun: actor && actor.id ? actor.id : "",
      peran: roleUsed || "",
      perubahan: { surat: letter.id, nomor: letter.getString("nomor"), templat: t.id },
    });
    issued.push(letter);
  }
  return issued;
}

function findLetter(app, id) {
  try {
    return app.findRecordById("surat", String(id || ""));
  } catch (_) {
    return null;
  }
}

/** GET /api/verifikasi/{id} (src/lib/server/surat.ts): only that it is genuine. */
function verification(app, id) {
  const db = require(`${__hooks}/lib/db.js`);
  const store = {
    letter: function (letterId) {
      const letter = db.orNull(() => app.findRecordById("surat", letterId));
      return letter ? rowOf(letter) : null;
    },
  };
  return require(`${__hooks}/lib/server.generated.js`).verifikasi(store, portal().required(), id);
}

/** The whole letter, for printing (staff, or the proven applicant; src/lib/server/surat.ts). */
function full(app, letter) {
  const request = app.findRecordById("permohonan", letter.getString("permohonan"));
  return require(`${__hooks}/lib/server.generated.js`).suratLengkap(rowOf(letter), request.getString("kode_lacak"), portal().required());
}

/** Letters of a request, newest first (the case page and the applicant's list). */
function listOf(app, requestId) {
  return app.findRecordsByFilter("surat", "permohonan = {:id}", "-created", 0, 0, { id: requestId });
}

/** A letter staff may open: its request visible to them. The same 404 otherwise. */
function forStaff(app, actor, id) {
  const letter = findLetter(app, id);
  const request = letter ? app.findRecordById("permohonan", letter.getString("permohonan")) : null;
  if (!letter || !require(`${__hooks}/lib/staff.js`).maySee(actor, request)) throw new NotFoundError("Surat tidak ditemukan, atau permohonannya tidak ditugaskan kepada Anda.", {});
  return { letter: letter, request: request };
}

/** Who may revoke: the SOP's deciding roles for the service, and the letter's signatory role. */
function revokers(data, request, letter) {
  return require(`${__hooks}/lib/server.generated.js`).letterRevokers(data, request.getString("layanan"), letter.getString("templat"));
}

/** A change to a letter and its chained entry in its request's history, both or neither. */
function changeLetter(app, found, actor, role, kind, internalNote, change) {
  app.runInTransaction((tx) => {
    const letter = tx.findRecordById("surat", found.letter.id);
    change(letter);
    tx.save(letter);
    const request = tx.findRecordById("permohonan", found.request.id);
    chain().append(tx, request, {
      jenis: kind,
      status_dari: request.getString("status"),
      status: request.getString("status"),
      petugas: actor.label,
      akun: actor.id,
      peran: role,
      catatan_internal: internalNote,
      perubahan: { surat: letter.id, nomor: letter.getString("nomor") },
    });
  });
}

/** POST /api/petugas/surat/{id}/cabut {alasan}: revoked, with a chained history entry. */
function revoke(app, actor, id, body) {
  const data = portal().required();
  const found = forStaff(app, actor, id);
  const letter = { status: found.letter.getString("status"), templat: found.letter.getString("templat") };
  const checked = server().revocation(data, actor, letter, found.request.getString("layanan"), body, require(`${__hooks}/lib/server.js`).refusals());
  const reason = checked.reason;
  const used = checked.role;
  changeLetter(app, found, actor, used, "pencabutan_surat", reason, (letter) => {
    letter.set("status", "dicabut");
    letter.set("dicabut_pada", cw().pbDate(new Date()));
    letter.set("alasan_cabut", reason);
  });
  return { id: found.letter.id, status: "dicabut" };
}

/** POST /api/petugas/surat/{id}/pindaian (multipart `pindaian`): the signed scan, by office staff. */
function attachScan(e, actor) {
  const app = e.app;
  const found = forStaff(app, actor, e.request.pathValue("id"));
  if (actor.record && actor.record.getString("akses_kasus") !== "semua" && !actor.admin) throw new ForbiddenError("Pindaian dilampirkan oleh petugas kantor.", {});
  let files = [];
  try {
    files = e.findUploadedFiles("pindaian") || [];
  } catch (_) {
    files = [];
  }
  const uploads = require(`${__hooks}/lib/uploads.js`);
  const r = require(`${__hooks}/lib/rules.generated.js`);
  const type = files.length === 1 ? uploads.contentTypeOf(files[0]) : "";
  const problem = server().scanProblem(files.length, type, files.length === 1 ? files[0].size : 0, () => r.imagePixelsProblem(uploads.headerPixels(files[0])));
  if (problem) throw cw().fieldErrors({ pindaian: problem });
  files[0].name = uploads.neutralName("pindaian", files[0]);
  changeLetter(app, found, actor, actor.roles[0] || "", "pindaian_surat", "", (letter) => letter.set("pindaian", files[0]));
  return { id: found.letter.id, pindaian: true };
}

module.exports = { attachScan: attachScan, issueFor: issueFor, verification: verification, full: full, listOf: listOf, forStaff: forStaff, revoke: revoke, revokers: revokers, nextNumber: nextNumber };
