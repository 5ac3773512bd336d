/// <reference path="../pb_data/types.d.ts" />
// Kotak saran: the form's own rules (src/lib/rules/saran.ts) on the server, with Indonesian
// field messages, before PocketBase's own checks.
onRecordCreateRequest((e) => {
  const rules = require(`${__hooks}/lib/rules.generated.js`);
  const result = rules.validateSaran({ pesan: e.record.getString("pesan"), kontak: e.record.getString("kontak") });
  const fields = Object.keys(result.errors);
  if (fields.length > 0) {
    const data = {};
    for (const field of fields) data[field] = new ValidationError("validation_failed", result.errors[field]);
    throw new BadRequestError("Periksa kembali isian Anda.", data);
  }
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
// PocketBase's JSON. Registered ahead of the limiter (a lower priority runs first), as
// api-messages.pb.js is.
routerUse(new Middleware((e) => {
  if (e.request.method !== "POST" || !/^\/saran\/kirim\/?$/.test(e.request.url.path)) return e.next();
  try {
    return e.next();
  } catch (err) {
    const siteDir = $os.getenv("PORTAL_SITE_DIR");
    if (!siteDir || !err || !err.value || err.value.status !== 429) throw err;
    return require(`${__hooks}/lib/saran-page.js`).busyPage(e, siteDir);
  }
}, -99998, "saranPlainPostBusy"));
