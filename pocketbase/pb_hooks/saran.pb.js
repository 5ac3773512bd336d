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

// A guest's create answer would echo the message and the contact (PocketBase shows a creator
// every field); like the other public forms, it tells the sender nothing but the new id.
onRecordEnrich((e) => {
  const info = e.requestInfo;
  if (!info || !info.hasSuperuserAuth()) {
    const names = e.record.collection().fields.fieldNames();
    const hide = [];
    for (let i = 0; i < names.length; i++) if (names[i] !== "id") hide.push(names[i]);
    e.record.hide.apply(e.record, hide);
  }
  e.next();
}, "saran");
