// The kotak saran as a plain form POST: for a phone with JavaScript off, or a press of "Kirim
// saran" before the page's script arrived. Same rules as the records API (the rules bundle), same
// record. A sent suggestion redirects to /saran/terkirim/ (so a reload sends nothing twice); a
// refused one answers the built /saran/ page itself with the GOV.UK error pattern written in
// (summary, message on the field, aria-invalid/aria-describedby) and what was typed kept: the same
// markup the page's script draws (src/lib/forms/errors-dom.ts).

const FIELD_IDS = { pesan: "saran-pesan", kontak: "saran-kontak" };

function escapeHtml(text) {
  return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/**
 * The built /saran/ page with `errors` (field → message) shown, or else a `problem` that belongs to
 * no field (too many sends), and `values` back in the fields.
 */
function refusedPage(html, errors, values, problem) {
  const items = Object.keys(errors)
    .map((field) => `<li><a href="#${FIELD_IDS[field] || field}">${escapeHtml(errors[field])}</a></li>`)
    .join("");
  // autofocus: with no script, the summary still takes focus and is read first.
  const summary = problem
    ? `<div class="error-summary" role="alert" tabindex="-1" autofocus aria-labelledby="masalah-kirim"><h2 id="masalah-kirim">Saran belum terkirim</h2><p>${escapeHtml(problem)}</p></div>`
    : `<div class="error-summary" role="alert" tabindex="-1" autofocus aria-labelledby="ringkasan-galat"><h2 id="ringkasan-galat">Ada yang perlu diperbaiki</h2><ul>${items}</ul></div>`;
  let out = html.replace(/(<form id="saran-form"[^>]*>)/, (m) => m + summary);
  // A textarea drops one leading newline of its content: give it one to drop.
  out = out.replace(/(<textarea id="saran-pesan"[^>]*>)(<\/textarea>)/, (m, open, close) => `${open}\n${escapeHtml(values.pesan)}${close}`);
  out = out.replace(/<input type="text" id="saran-kontak"/, (m) => `${m} value="${escapeHtml(values.kontak)}"`);
  for (const field of Object.keys(FIELD_IDS)) {
    const message = errors[field];
    if (!message) continue;
    const id = FIELD_IDS[field];
    out = out.replace(new RegExp(`<div class="field">(<label for="${id}">)`), (m, label) => `<div class="field field--error">${label}`);
    out = out.replace(new RegExp(`<(textarea|input type="text") id="${id}"([^>]*?) aria-describedby="([^"]*)"`), (m, tag, rest, ids) =>
      `<span class="error-message" id="${id}-galat">${escapeHtml(message)}</span><${tag} id="${id}"${rest} aria-invalid="true" aria-describedby="${ids} ${id}-galat"`,
    );
  }
  return out;
}

/** POST /saran/kirim (pb_hooks/saran.pb.js). */
function receive(e, siteDir) {
  // Another site's page may not post here in a visitor's name (form-action only guards our pages).
  if (e.request.header.get("Sec-Fetch-Site") === "cross-site") throw new ForbiddenError("Saran hanya dapat dikirim dari halaman Kotak Saran.");
  const rules = require(`${__hooks}/lib/rules.generated.js`);
  // The raw strings: PocketBase's body reader turns "1234567890" into a number and drops a
  // phone number's leading 0.
  const values = { pesan: e.request.formValue("pesan"), kontak: e.request.formValue("kontak") };
  const result = rules.validateSaran(values);
  e.response.header().set("Cache-Control", "no-store");
  if (Object.keys(result.errors).length === 0) {
    const record = new Record(e.app.findCollectionByNameOrId("saran"));
    record.set("pesan", result.value.pesan);
    record.set("kontak", result.value.kontak);
    e.app.save(record);
    return e.redirect(303, "/saran/terkirim/");
  }
  const html = toString($os.readFile(siteDir + "/saran/index.html"));
  return e.html(400, refusedPage(html, result.errors, values));
}

/** The page for a plain POST the rate limiter refused (pb_hooks/saran.pb.js): the text kept. */
function busyPage(e, siteDir) {
  const html = toString($os.readFile(siteDir + "/saran/index.html"));
  const values = { pesan: e.request.formValue("pesan"), kontak: e.request.formValue("kontak") };
  e.response.header().set("Cache-Control", "no-store");
  return e.html(429, refusedPage(html, {}, values, "Terlalu banyak saran dari alamat Anda dalam waktu singkat. Tunggu sepuluh menit, lalu kirim lagi. Isian Anda tetap ada di bawah."));
}

module.exports = { receive, busyPage, refusedPage, escapeHtml };
