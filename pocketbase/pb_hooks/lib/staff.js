// Staff accounts (`petugas`) on the server: who is acting, with which roles, and what follows
// from those roles (content/reference/roles.yaml through portal.generated.js). The decisions on
// what a role may do to a request are src/lib/rules/sop-flow.ts, shared with the workspace.

function portal() {
  return require(`${__hooks}/lib/portal.js`).required();
}

function rolesOf(record) {
  const v = record.get("peran");
  if (!v) return [];
  return Array.isArray(v) ? v.map(String) : [String(v)];
}

/** semua (office roles that read cases), ditugaskan (field roles), or tidak. */
function caseAccess(roles, fieldRoles, caseRoles) {
  for (let i = 0; i < roles.length; i++) if (caseRoles.indexOf(roles[i]) >= 0) return "semua";
  for (let i = 0; i < roles.length; i++) if (fieldRoles.indexOf(roles[i]) >= 0) return "ditugaskan";
  return "tidak";
}

function accessFromContent(roles) {
  const data = portal();
  const field = data.roles.filter((r) => r.account && r.field).map((r) => r.id);
  const office = data.roles.filter((r) => r.account && !r.field && r.cases).map((r) => r.id);
  return caseAccess(roles, field, office);
}

/** Recomputes every account's case access (after content redefined the roles). */
function refreshAccess(app, fieldRoles, caseRoles) {
  const accounts = app.findAllRecords("petugas");
  for (let i = 0; i < accounts.length; i++) {
    const access = caseAccess(rolesOf(accounts[i]), fieldRoles, caseRoles);
    if (accounts[i].getString("akses_kasus") !== access) {
      accounts[i].set("akses_kasus", access);
      app.saveNoValidate(accounts[i]);
    }
  }
}

function roleLabel(data, id) {
  for (let i = 0; i < data.roles.length; i++) if (data.roles[i].id === id) return data.roles[i].label;
  return id;
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
    // "Rina Marlina, Petugas layanan (front office)": role labels carry brackets of their own.
    label: auth.getString("nama") + ", " + roles.map((r) => roleLabel(data, r)).join(" dan "),
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
  const data = portal();
  for (let i = 0; i < actor.roles.length; i++) {
    for (let j = 0; j < data.roles.length; j++) if (data.roles[j].id === actor.roles[i] && data.roles[j].can.indexOf(power) >= 0) return true;
  }
  return false;
}

/** Whether the acting staff member may open this request or report at all (src/lib/server/workspace.ts). */
function maySee(actor, record) {
  const field = record.collection().name === "laporan" ? "ditugaskan_ke" : "petugas_lapangan";
  return require(`${__hooks}/lib/server.generated.js`).maySee(actor, { assignee: record.getString(field) });
}

/** Document types a field role may open (office roles: all, null); src/lib/server/case-view.ts. */
function openableDocuments(actor) {
  return require(`${__hooks}/lib/server.generated.js`).openableDocuments(portal(), actor);
}

module.exports = {
  rolesOf: rolesOf,
  caseAccess: caseAccess,
  accessFromContent: accessFromContent,
  refreshAccess: refreshAccess,
  roleLabel: roleLabel,
  actorOf: actorOf,
  requireStaff: requireStaff,
  hasPower: hasPower,
  maySee: maySee,
  openableDocuments: openableDocuments,
};
