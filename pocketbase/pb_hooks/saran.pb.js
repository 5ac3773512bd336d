/// <reference path="../pb_data/types.d.ts" />
// Kotak saran: the form's own rules (src/lib/rules/saran.ts) on the server, with Indonesian
// field messages, before PocketBase's own checks.
onRecordCreateRequest((e) => {
  const rules = require(`${__hooks}/lib/rules.generated.js`);
  // Sent again after a lost answer (same id from the same page): stored once, answered as sent.
  const submissionId = e.record.getString("id_pengiriman").trim();
  if (submissionId) {
    const rows = arrayOf(new DynamicModel({ id: "" }));
    e.app.db().newQuery("SELECT id FROM saran WHERE id_pengiriman = {:s} LIMIT 1").bind({ s: submissionId }).all(rows);
    if (rows.length > 0) return e.json(200, { id: rows[0].id, ulang: true });
  }
  const result = rules.validateSaran({ pesan: e.record.getString("pesan"), kontak: e.record.getString("kontak") });
  if (Object.keys(result.errors).length > 0) throw require(`${__hooks}/lib/server.js`).fieldErrors(result.errors);
  e.record.set("pesan", result.value.pesan);
  e.record.set("kontak", result.value.kontak);
  e.next();
}, "saran");

// The same form as a plain POST: JavaScript off, or "Kirim saran" pressed before the page's
// script arrived (lib/saran-page.js). Its own rate limit: migration *_saran_tanpa_js.js.
routerAdd("POST", "/saran/kirim", (e) => {
  const siteDir = $os.getenv("PORTAL_SITE_DIR");
  if (!siteDir) return e.json(503, { message: "Situs belum dibangun. Jalankan npm start." });
  return require(`${__hooks}/lib/saran-page.js`).receive(e, siteDir);
});

// A plain POST the rate limiter refuses gets the page back with the reason and the text, not
// PocketBase's JSON: lib/middlewares.js (outer), which runs ahead of the limiter, so that no
// third app-wide JS middleware holds a runtime on every request.
