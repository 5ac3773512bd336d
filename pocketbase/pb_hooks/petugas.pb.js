/// <reference path="../pb_data/types.d.ts" />
// The staff workspace's API (/api/petugas/…; types in src/lib/api/petugas.ts) and the guards on
// staff accounts and protected documents. Every route needs a staff account (`petugas`) that is
// active and has changed its first password; what it may see and do follows its roles
// (content/reference/roles.yaml) through the SOP rules (src/lib/rules/sop-flow.ts).

// The account routes are src/lib/server/petugas.ts (bundled into lib/server.generated.js).
routerAdd("GET", "/api/petugas/saya", (e) => {
  const staff = require(`${__hooks}/lib/staff.js`);
  const auth = e.auth;
  if (!auth || auth.collection().name !== "petugas") throw new UnauthorizedError("Masuk dengan akun petugas terlebih dahulu.", {});
  const account = { id: auth.id, nama: auth.getString("nama"), email: auth.email(), roles: staff.rolesOf(auth), akses_kasus: auth.getString("akses_kasus"), wajib_ganti_sandi: auth.getBool("wajib_ganti_sandi") };
  e.response.header().set("Cache-Control", "no-store");
  return e.json(200, require(`${__hooks}/lib/server.generated.js`).saya(account, require(`${__hooks}/lib/portal.js`).required()));
});

// The first password (set by an administrator) is changed before any work; a new one is at least
// 10 characters and not the old one. Answers a fresh token: the old ones stop working.
routerAdd("POST", "/api/petugas/sandi", (e) => {
  const auth = e.auth;
  if (!auth || auth.collection().name !== "petugas") throw new UnauthorizedError("Masuk dengan akun petugas terlebih dahulu.", {});
  const body = e.requestInfo().body || {};
  const errors = require(`${__hooks}/lib/server.generated.js`).passwordChangeErrors(body, auth.email(), auth.validatePassword(String(body.sandi_lama || "")));
  if (Object.keys(errors).length > 0) throw require(`${__hooks}/lib/casework.js`).fieldErrors(errors);
  const record = e.app.findRecordById("petugas", auth.id);
  record.setPassword(String(body.sandi_baru));
  record.set("wajib_ganti_sandi", false);
  e.app.save(record);
  return $apis.recordAuthResponse(e, record, "password");
});

routerAdd("GET", "/api/petugas/hari-ini", (e) => {
  const actor = require(`${__hooks}/lib/staff.js`).requireStaff(e);
  e.response.header().set("Cache-Control", "no-store");
  return e.json(200, require(`${__hooks}/lib/casework.js`).today(e.app, actor));
});

routerAdd("GET", "/api/petugas/antrean", (e) => {
  const actor = require(`${__hooks}/lib/staff.js`).requireStaff(e);
  e.response.header().set("Cache-Control", "no-store");
  return e.json(200, require(`${__hooks}/lib/casework.js`).queue(e.app, actor, e.request.url.query()));
});

routerAdd("GET", "/api/petugas/kasus/{jenis}/{id}", (e) => {
  const actor = require(`${__hooks}/lib/staff.js`).requireStaff(e);
  e.response.header().set("Cache-Control", "no-store");
  return e.json(200, require(`${__hooks}/lib/case-view.js`).view(e.app, actor, e.request.pathValue("jenis"), e.request.pathValue("id")));
});

routerAdd("POST", "/api/petugas/kasus/{jenis}/{id}/aksi", (e) => {
  const actor = require(`${__hooks}/lib/staff.js`).requireStaff(e);
  const body = e.requestInfo().body || {};
  const answer = require(`${__hooks}/lib/case-actions.js`).act(e, e.app, actor, e.request.pathValue("jenis"), e.request.pathValue("id"), body);
  e.response.header().set("Cache-Control", "no-store");
  return e.json(200, answer);
});

routerAdd("GET", "/api/petugas/lapangan", (e) => {
  const actor = require(`${__hooks}/lib/staff.js`).requireStaff(e);
  e.response.header().set("Cache-Control", "no-store");
  return e.json(200, require(`${__hooks}/lib/case-view.js`).visits(e.app, actor));
});

routerAdd("GET", "/api/petugas/rekan", (e) => {
  const actor = require(`${__hooks}/lib/staff.js`).requireStaff(e);
  const q = e.request.url.query();
  e.response.header().set("Cache-Control", "no-store");
  return e.json(200, require(`${__hooks}/lib/fieldwork.js`).colleagues(e.app, actor, String(q.get("jenis") || ""), String(q.get("kasus") || "")));
});

routerAdd("GET", "/api/petugas/log-akses", (e) => {
  const staff = require(`${__hooks}/lib/staff.js`);
  const actor = staff.requireStaff(e);
  if (!staff.hasPower(actor, "log-akses")) throw new ForbiddenError("Catatan akses dokumen hanya dapat dibaca oleh peran yang diberi wewenang (lihat Panduan petugas).", {});
  e.response.header().set("Cache-Control", "no-store");
  return e.json(200, require(`${__hooks}/lib/fieldwork.js`).accessLog(e.app, Number(e.request.url.query().get("halaman") || "1")));
});

routerAdd("GET", "/api/petugas/ekspor/{jenis}", (e) => {
  const staff = require(`${__hooks}/lib/staff.js`);
  const actor = staff.requireStaff(e);
  if (!staff.hasPower(actor, "ekspor")) throw new ForbiddenError("Ekspor data LAKIN dan indikator hanya untuk peran yang diberi wewenang (lihat Panduan petugas).", {});
  const raw = e.request.url.query().get("tahun");
  const year = raw ? Number(raw) : new Date().getUTCFullYear();
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new BadRequestError("Tahun tidak sah. Contoh: 2026.", {});
  const lakin = require(`${__hooks}/lib/lakin.js`);
  const kind = e.request.pathValue("jenis");
  e.response.header().set("Cache-Control", "no-store");
  if (kind === "lakin.csv") {
    e.response.header().set("Content-Type", "text/csv; charset=utf-8");
    e.response.header().set("Content-Disposition", 'attachment; filename="lakin-' + year + '.csv"');
    return e.string(200, lakin.exportCsv(e.app, year));
  }
  if (kind === "iku") return e.json(200, lakin.indicators(e.app, year));
  throw new NotFoundError("Ekspor tidak dikenal.", {});
});

// Staff accounts: no sign-up (createRule null); an administrator creates them in the admin UI or
// with `npm run petugas`. A new account, or one whose password an administrator sets, must change
// it at its next sign-in. What an account may see follows its roles.
onRecordCreateRequest((e) => {
  e.record.set("wajib_ganti_sandi", true);
  if (e.requestInfo().body.aktif === undefined) e.record.set("aktif", true);
  e.next();
}, "petugas");

onRecordUpdateRequest((e) => {
  if (e.requestInfo().body.password !== undefined) e.record.set("wajib_ganti_sandi", true);
  e.next();
}, "petugas");

onRecordValidate((e) => {
  const staff = require(`${__hooks}/lib/staff.js`);
  const roles = staff.rolesOf(e.record);
  if (roles.length === 0) throw new BadRequestError("Pilih paling sedikit satu peran.", { peran: new ValidationError("validation_required", "Pilih paling sedikit satu peran.") });
  e.record.set("akses_kasus", staff.accessFromContent(roles));
  e.next();
}, "petugas");

// Protected documents: never cached by a browser or proxy; every opening by staff or an
// administrator is logged (who, which document, when; UU 27/2022), and a field worker opens only
// the documents their role needs.
onFileDownloadRequest((e) => {
  // The request, response and app are fields of the embedded *RequestEvent, which the JS engine
  // does not promote through a pointer: `e.response` alone is undefined here.
  const http = e.requestEvent;
  http.response.header().set("Cache-Control", "private, no-store");
  const staff = require(`${__hooks}/lib/staff.js`);
  const token = String(http.request.url.query().get("token") || "");
  let auth = null;
  try {
    auth = token ? http.app.findAuthRecordByToken(token, "file") : null;
  } catch (_) {
    auth = null;
  }
  const actor = staff.actorOf(auth);
  if (!actor) return e.next(); // PocketBase refuses a protected file to anyone else
  // A kept earlier version (versi_dokumen) counts as the document it was; a letter's signed scan
  // (surat) as a document of its request.
  const collectionName = e.record.collection().name;
  const isVersion = collectionName === "versi_dokumen";
  const parent = isVersion || collectionName === "surat" ? http.app.findRecordById("permohonan", e.record.getString("permohonan")) : e.record;
  const field = isVersion ? e.record.getString("dokumen") : collectionName === "surat" ? "pindaian_surat" : e.fileField.getName();
  const allowed = require(`${__hooks}/lib/server.generated.js`).mayOpenDocument(require(`${__hooks}/lib/portal.js`).required(), actor, field);
  require(`${__hooks}/lib/chain.js`).appendAccess(http.app, {
    akun: actor.id,
    nama: actor.label,
    koleksi: e.record.collection().name,
    rekaman: e.record.id,
    kode_lacak: parent.getString("kode_lacak"),
    dokumen: field,
    ditolak: !allowed,
  });
  if (!allowed) throw new NotFoundError("Dokumen ini tidak diperlukan untuk tugas Anda.", {});
  e.next();
}, "permohonan", "laporan", "versi_dokumen", "surat");
