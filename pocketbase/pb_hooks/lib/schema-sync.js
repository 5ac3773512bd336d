// The part of the database schema that follows content/, applied by the generated migration
// pb_migrations/*_konten_<hash>.js (written by scripts/lib/server-build.mjs from content/):
// one protected file field per document type (accepted types and size from content), the
// choices of the document-repair field, and the status and forwarding choices. Another office
// edits content/ only; `npm run build` writes a new migration, and the next start applies it.

function sameList(a, b) {
  return JSON.stringify(a || []) === JSON.stringify(b || []);
}

function setSelect(collection, name, values) {
  const field = collection.fields.getByName(name);
  if (!field || sameList(field.values, values)) return false;
  field.values = values;
  if (field.maxSelect > 1 || name === "dokumen_perbaikan" || name === "diteruskan_ke") field.maxSelect = Math.max(1, values.length);
  return true;
}

/** A case history's status choices: the status before and after each change. */
function syncHistory(app, name, statuses) {
  const history = app.findCollectionByNameOrId(name);
  setSelect(history, "status", statuses);
  setSelect(history, "status_dari", statuses);
  app.save(history);
}

/** Whether any record has a file in the field (a document field with files is never removed). */
function fieldInUse(app, table, field) {
  const row = new DynamicModel({ n: 0 });
  app
    .db()
    .newQuery("SELECT COUNT(*) AS n FROM " + table + " WHERE " + field + " != '' AND " + field + " != '[]'")
    .one(row);
  return row.n > 0;
}

function apply(app, schema) {
  const permohonan = app.findCollectionByNameOrId("permohonan");
  const docIds = schema.documentTypes.map((d) => d.id);
  // A document type no longer in content: its field goes only while no record holds a file in it.
  const known = {};
  for (let i = 0; i < permohonan.fields.length; i++) {
    const field = permohonan.fields[i];
    if (field.type() === "file" && field.getName() !== "foto_verifikasi") known[field.getName()] = true;
  }
  for (const name in known) {
    if (docIds.indexOf(name) < 0 && !fieldInUse(app, "permohonan", name)) permohonan.fields.removeByName(name);
  }
  for (let i = 0; i < schema.documentTypes.length; i++) {
    const doc = schema.documentTypes[i];
    const maxSize = Math.round(doc.maxSizeMB * 1024 * 1024);
    const help = "Berkas " + doc.label + " dari pemohon. Dokumen pribadi: hanya untuk pemeriksaan permohonan, jangan diunduh ke perangkat pribadi.";
    const existing = permohonan.fields.getByName(doc.id);
    if (!existing) {
      permohonan.fields.add(new FileField({ name: doc.id, maxSelect: 1, maxSize: maxSize, mimeTypes: doc.accept, protected: true, help: help }));
    } else {
      existing.maxSize = maxSize;
      existing.mimeTypes = doc.accept;
      existing.protected = true;
      existing.help = help;
    }
  }
  if (!permohonan.fields.getByName("dokumen_perbaikan")) {
    permohonan.fields.add(new SelectField({ name: "dokumen_perbaikan", maxSelect: Math.max(1, docIds.length), values: docIds, help: "Saat permohonan dikembalikan untuk diperbaiki: dokumen yang harus dilengkapi pemohon. Tampil di halaman lacak." }));
  }
  setSelect(permohonan, "dokumen_perbaikan", docIds);
  setSelect(permohonan, "status", schema.statuses);
  // The help texts administrators read give an example code with this office's prefix.
  const example = schema.trackingCodeExample ? ", misalnya " + schema.trackingCodeExample : "";
  permohonan.fields.getByName("kode_lacak").help = "Kode yang dipegang pemohon untuk melacak permohonan" + example + ". Dibuat otomatis; jangan diubah.";
  app.save(permohonan);

  syncHistory(app, "riwayat_permohonan", schema.statuses);

  const laporan = app.findCollectionByNameOrId("laporan");
  setSelect(laporan, "status", schema.reportStatuses);
  setSelect(laporan, "diteruskan_ke", schema.pilarSosial);
  laporan.fields.getByName("kode_lacak").help = "Kode untuk melacak laporan" + example + ". Dibuat otomatis; jangan diubah.";
  if (schema.reportTypes) laporan.fields.getByName("jenis").help = "Jenis laporan (kunci dari content/reference/report-types.yaml): " + schema.reportTypes.join(", ") + ".";
  app.save(laporan);
  syncHistory(app, "riwayat_laporan", schema.reportStatuses);

  // Staff accounts: the roles and kecamatan an account may hold, and who reads the access log.
  const petugas = app.findCollectionByNameOrId("petugas");
  const peran = petugas.fields.getByName("peran");
  peran.values = schema.roles;
  peran.maxSelect = Math.max(1, schema.roles.length);
  const kecamatan = petugas.fields.getByName("kecamatan");
  kecamatan.values = schema.kecamatan;
  kecamatan.maxSelect = Math.max(1, schema.kecamatan.length);
  app.save(petugas);
  const staff = '@request.auth.collectionName = "petugas" && @request.auth.aktif = true && @request.auth.wajib_ganti_sandi = false';
  // `?=` does not reach into the signed-in record's multi-select; its stored JSON text does.
  const readers = schema.accessLogReaders.map((r) => "@request.auth.peran ~ '\"" + r + "\"'").join(" || ");
  const akses = app.findCollectionByNameOrId("log_akses");
  akses.listRule = readers ? staff + " && (" + readers + ")" : null;
  akses.viewRule = akses.listRule;
  app.save(akses);
  // What each account may see follows its roles, which content just may have redefined.
  require(`${__hooks}/lib/staff.js`).refreshAccess(app, schema.fieldRoles, schema.caseRoles);
}

module.exports = { apply: apply };
