// Staff accounts (`petugas`) on the server: who is acting, with which roles. What follows from
// those roles (content/reference/roles.yaml) is decided in src/lib/server (petugas.ts: access,
// powers, labels; workspace.ts and case-view.ts: which cases and documents) and
// src/lib/rules/sop-flow.ts (what a role may do to a case).

function portal() {
  return require(`${__hooks}/lib/portal.js`).required();
}

function rolesOf(record) {
  const v = record.get("peran");
  if (!v) return [];
  return Array.isArray(v) ? v.map(String) : [String(v)];
}

function server() {
  return require(`${__hooks}/lib/server.generated.js`);
}

/** semua, ditugaskan or tidak: src/lib/server/petugas.ts. */
function accessFromContent(roles) {
  return server().caseAccessOf(portal(), roles);
}

/** Recomputes every account's case access (after content redefined the roles). */
function refreshAccess(app, fieldRoles, caseRoles) {
  const accounts = app.findAllRecords("petugas");
  for (let i = 0; i < accounts.length; i++) {
    const access = server().caseAccess(rolesOf(accounts[i]), fieldRoles, caseRoles);
    if (accounts[i].getString("akses_kasus") !== access) {
      accounts[i].set("akses_kasus", access);
      app.saveNoValidate(accounts[i]);
    }
  }
}

function roleLabel(data, id) {
  return server().roleLabel(data, id);
}

/**
 * Who is acting: a staff account (with roles), a superuser ("administrator"), or null. The label
 * is what the history shows.
 */
function actorOf(auth) {
  if (!auth) return null;
  if (auth.isSuperuser()) return { admin: true, id: "", roles: [], label: "administrator (" + auth.email() + ")", access: "", record: auth };
  if (auth.collection().name !== "petugas") return null;
  const data = portal();
  const roles = rolesOf(auth);
  return {
    admin: false,
    id: auth.id,
    roles: roles,
    label: server().actorLabel(data, auth.getString("nama"), roles),
    access: auth.getString("akses_kasus"),
    record: auth,
  };
}

/** The acting staff member, or an Indonesian 401/403. Only active accounts with a changed password work. */
function requireStaff(e) {
  const auth = e.auth;
  if (!auth) throw new UnauthorizedError("Masuk dengan akun petugas terlebih dahulu.", {});
  if (auth.isSuperuser()) throw new ForbiddenError("Ruang kerja petugas dipakai dengan akun petugas. Administrator mengelola akun di halaman admin (/_/).", {});
  if (auth.collection().name !== "petugas") throw new ForbiddenError("Akun ini bukan akun petugas.", {});
  if (!auth.getBool("aktif")) throw new ForbiddenError("Akun ini sudah tidak aktif. Hubungi administrator.", {});
  if (auth.getBool("wajib_ganti_sandi")) throw new ForbiddenError("Ganti kata sandi Anda terlebih dahulu (halaman Akun saya).", {});
  return actorOf(auth);
}

function hasPower(actor, power) {
  return server().hasPower(portal(), actor.roles, power);
}

/** Whether the acting staff member may open this request or report at all (src/lib/server/workspace.ts). */
function maySee(actor, record) {
  const field = record.collection().name === "laporan" ? "ditugaskan_ke" : "petugas_lapangan";
  return server().maySee(actor, { assignee: record.getString(field) });
}

module.exports = {
  rolesOf: rolesOf,
  accessFromContent: accessFromContent,
  refreshAccess: refreshAccess,
  roleLabel: roleLabel,
  actorOf: actorOf,
  requireStaff: requireStaff,
  hasPower: hasPower,
  maySee: maySee,
};
