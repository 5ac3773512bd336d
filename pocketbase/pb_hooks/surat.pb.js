/// <reference path="../pb_data/types.d.ts" />
// Decision letters (lib/surat.js): the public verification answer, the page its QR code opens,
// the letter for printing (staff; the applicant after the proof of lib/unggah-ulang.js), its
// revocation, and the signed scan staff attach. Never cached.

// The address printed as a QR code: the static page /verifikasi/ (an island reads the id from
// the path), served at /verifikasi/<id> with status 200 whatever the id, like any page shell.
routerAdd("GET", "/verifikasi/{id}", (e) => {
  const siteDir = $os.getenv("PORTAL_SITE_DIR");
  e.response.header().set("Cache-Control", "no-store");
  if (!siteDir) return e.json(503, { message: "Situs belum dibangun. Jalankan npm start." });
  return e.html(200, toString($os.readFile(siteDir + "/verifikasi/index.html")));
});

routerAdd("GET", "/api/verifikasi/{id}", (e) => {
  const body = require(`${__hooks}/lib/surat.js`).verification(e.app, e.request.pathValue("id"));
  e.response.header().set("Cache-Control", "no-store");
  return e.json(body.ditemukan ? 200 : 404, body);
});

routerAdd("GET", "/api/petugas/surat/{id}", (e) => {
  const staff = require(`${__hooks}/lib/staff.js`);
  const lib = require(`${__hooks}/lib/surat.js`);
  const actor = staff.requireStaff(e);
  const found = lib.forStaff(e.app, actor, e.request.pathValue("id"));
  // A letter names the person: every opening is logged like a document's.
  require(`${__hooks}/lib/chain.js`).appendAccess(e.app, { akun: actor.id, nama: actor.label, koleksi: "surat", rekaman: found.letter.id, kode_lacak: found.request.getString("kode_lacak"), dokumen: "surat:" + found.letter.getString("templat"), ditolak: false });
  e.response.header().set("Cache-Control", "no-store");
  return e.json(200, lib.full(e.app, found.letter));
});

routerAdd("POST", "/api/petugas/surat/{id}/cabut", (e) => {
  const actor = require(`${__hooks}/lib/staff.js`).requireStaff(e);
  e.response.header().set("Cache-Control", "no-store");
  return e.json(200, require(`${__hooks}/lib/surat.js`).revoke(e.app, actor, e.request.pathValue("id"), e.requestInfo().body || {}));
});

// The applicant's own letters, after the proof (token in the body, never in an address).
routerAdd("POST", "/api/lacak/{kode}/surat", (e) => {
  const rules = require(`${__hooks}/lib/rules.generated.js`);
  const lib = require(`${__hooks}/lib/surat.js`);
  const code = rules.normaliseCode(String(e.request.pathValue("kode") || ""));
  const body = e.requestInfo().body || {};
  const record = code ? require(`${__hooks}/lib/unggah-ulang.js`).checkToken(e.app, code, typeof body.bukti === "string" ? body.bukti : "", new Date()) : null;
  if (!record) throw new UnauthorizedError("Bukti Anda sudah tidak berlaku. Buktikan lagi bahwa Anda pemohon.", {});
  e.response.header().set("Cache-Control", "no-store");
  return e.json(200, { surat: lib.listOf(e.app, record.id).map((l) => lib.full(e.app, l)) });
});

routerAdd("POST", "/api/petugas/surat/{id}/pindaian", (e) => {
  const actor = require(`${__hooks}/lib/staff.js`).requireStaff(e);
  e.response.header().set("Cache-Control", "no-store");
  return e.json(200, require(`${__hooks}/lib/surat.js`).attachScan(e, actor));
});
