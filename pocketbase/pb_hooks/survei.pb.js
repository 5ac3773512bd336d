/// <reference path="../pb_data/types.d.ts" />
// Satisfaction survey (SKM): one anonymous response per finished request, checked with the
// same rules as the form (src/lib/rules/ikm.ts), the service taken from the request, and an
// answer that tells a guest nothing but the new id.

onRecordCreateRequest((e) => {
  const lib = require(`${__hooks}/lib/survei.js`);
  const data = require(`${__hooks}/lib/portal.js`).load();
  if (!data) throw new ApiError(503, "Layanan sedang disiapkan. Coba lagi beberapa saat lagi.", {});
  const rules = lib.rules();
  const record = e.record;

  const checked = lib.check(e.app, data, record.getString("kode_lacak"));
  const input = { saran: record.getString("saran") };
  for (let i = 0; i < rules.UNSUR.length; i++) input[rules.UNSUR[i].id] = record.get(rules.UNSUR[i].id);
  for (let i = 0; i < rules.RESPONDENT_FIELDS.length; i++) input[rules.RESPONDENT_FIELDS[i].id] = record.getString(rules.RESPONDENT_FIELDS[i].id);
  const result = rules.validateSurvey(input);

  const errors = {};
  if (checked.reason) errors.kode_lacak = checked.message;
  for (const key in result.errors) errors[key] = result.errors[key];
  if (Object.keys(errors).length > 0) throw lib.fieldErrors(errors);

  const value = result.value;
  for (let i = 0; i < rules.UNSUR.length; i++) record.set(rules.UNSUR[i].id, value.answers[i]);
  for (let i = 0; i < rules.RESPONDENT_FIELDS.length; i++) record.set(rules.RESPONDENT_FIELDS[i].id, value[rules.RESPONDENT_FIELDS[i].id]);
  record.set("saran", value.saran);
  record.set("kode_lacak", checked.code);
  // The service is the request's, whatever the client sent.
  record.set("layanan", lib.serviceKey(checked.request));

  try {
    e.next();
  } catch (err) {
    // Two sends racing: the unique index lets one through; the other is told it is done.
    if (lib.existingResponse(e.app, checked.code)) throw lib.fieldErrors({ kode_lacak: lib.MESSAGES.sudah_diisi });
    throw err;
  }
}, "survei_kepuasan");

// GET /api/survei/{kode}: may this code rate its request now? Lets the form say "already done"
// or "not finished yet" before anyone answers nine questions. Tells no more than /api/lacak/
// (found, finished, service name); rate-limited by migration 1790000500.
routerAdd("GET", "/api/survei/{kode}", (e) => {
  const lib = require(`${__hooks}/lib/survei.js`);
  const data = require(`${__hooks}/lib/portal.js`).required();
  const checked = lib.check(e.app, data, e.request.pathValue("kode"));
  const layanan = checked.request ? lib.serviceTitle(data, checked.request) : null;
  e.response.header().set("Cache-Control", "no-store");
  return e.json(200, { kode: checked.code, dapat_diisi: checked.reason === null, alasan: checked.reason, pesan: checked.message, layanan: layanan });
});
