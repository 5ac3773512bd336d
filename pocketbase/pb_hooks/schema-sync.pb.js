/// <reference path="../pb_data/types.d.ts" />
// Keeps the parts of the permohonan collection that come from content/ in step with it: one
// protected file field per document type (accepted types and size from content), and the
// status choices. Another office edits content/ only; this brings the admin UI along.
onBootstrap((e) => {
  // Bootstrap applies pending migrations; sync only after it.
  e.next();
  const portal = require(`${__hooks}/lib/portal.js`);
  const data = portal.load();
  if (data) {
    let collection;
    try {
      collection = e.app.findCollectionByNameOrId("permohonan");
    } catch (_) {
      collection = null; // migrations not applied yet; the next start syncs
    }
    if (collection) {
      let changed = false;
      for (let i = 0; i < data.documentTypes.length; i++) {
        const doc = data.documentTypes[i];
        const maxSize = Math.round(doc.maxSizeMB * 1024 * 1024);
        const help = "Berkas " + doc.label + " dari pemohon. Dokumen pribadi: hanya untuk pemeriksaan permohonan, jangan diunduh ke perangkat pribadi.";
        const existing = collection.fields.getByName(doc.id);
        if (!existing) {
          collection.fields.add(new FileField({ name: doc.id, maxSelect: 1, maxSize: maxSize, mimeTypes: doc.accept, protected: true, help: help }));
          changed = true;
        } else if (existing.type() === "file") {
          if (existing.maxSize !== maxSize || JSON.stringify(existing.mimeTypes) !== JSON.stringify(doc.accept) || !existing.protected || existing.help !== help) {
            existing.maxSize = maxSize;
            existing.mimeTypes = doc.accept;
            existing.protected = true;
            existing.help = help;
            changed = true;
          }
        }
      }
      const statusIds = data.statuses.map((s) => s.id);
      for (const name of ["status"]) {
        const field = collection.fields.getByName(name);
        if (field && JSON.stringify(field.values) !== JSON.stringify(statusIds)) {
          field.values = statusIds;
          changed = true;
        }
      }
      const docIds = data.documentTypes.map((d) => d.id);
      const perbaikan = collection.fields.getByName("dokumen_perbaikan");
      if (!perbaikan) {
        collection.fields.add(new SelectField({ name: "dokumen_perbaikan", maxSelect: docIds.length, values: docIds, help: "Untuk status perlu perbaikan: dokumen yang harus dilengkapi pemohon. Tampil di halaman lacak." }));
        changed = true;
      } else if (JSON.stringify(perbaikan.values) !== JSON.stringify(docIds)) {
        perbaikan.values = docIds;
        perbaikan.maxSelect = docIds.length;
        changed = true;
      }
      if (changed) e.app.save(collection);

      const riwayat = e.app.findCollectionByNameOrId("riwayat_permohonan");
      let riwayatChanged = false;
      for (const name of ["status", "status_dari"]) {
        const field = riwayat.fields.getByName(name);
        if (field && JSON.stringify(field.values) !== JSON.stringify(statusIds)) {
          field.values = statusIds;
          riwayatChanged = true;
        }
      }
      if (riwayatChanged) e.app.save(riwayat);
    }

    // Reports: their statuses and the social pillars a report can be forwarded to.
    let laporan = null;
    try {
      laporan = e.app.findCollectionByNameOrId("laporan");
    } catch (_) {
      laporan = null;
    }
    if (laporan && data.reportStatuses && data.pilarSosial) {
      const reportStatusIds = data.reportStatuses.map((s) => s.id);
      const pilarIds = data.pilarSosial.map((p) => p.id);
      let reportChanged = false;
      const status = laporan.fields.getByName("status");
      if (status && JSON.stringify(status.values) !== JSON.stringify(reportStatusIds)) {
        status.values = reportStatusIds;
        reportChanged = true;
      }
      const forwarded = laporan.fields.getByName("diteruskan_ke");
      if (forwarded && JSON.stringify(forwarded.values) !== JSON.stringify(pilarIds)) {
        forwarded.values = pilarIds;
        forwarded.maxSelect = pilarIds.length;
        reportChanged = true;
      }
      if (reportChanged) e.app.save(laporan);
      const history = e.app.findCollectionByNameOrId("riwayat_laporan");
      let historyChanged = false;
      for (const name of ["status", "status_dari"]) {
        const field = history.fields.getByName(name);
        if (field && JSON.stringify(field.values) !== JSON.stringify(reportStatusIds)) {
          field.values = reportStatusIds;
          historyChanged = true;
        }
      }
      if (historyChanged) e.app.save(history);
    }
  }
});
