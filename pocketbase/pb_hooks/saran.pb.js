/// <reference path="../pb_data/types.d.ts" />
// Indonesian, field-level messages for the kotak saran, before PocketBase's own checks.
onRecordCreateRequest((e) => {
  const { validateSaran } = require(`${__hooks}/lib/saran.js`);
  const result = validateSaran({ pesan: e.record.getString("pesan"), kontak: e.record.getString("kontak") });
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
