// What every upload to any collection goes through, whoever sends it (a citizen's form, staff in
// the workspace, a superuser in the admin UI):
// - a neutral stored name, "<field>_<random>.<ext>": PocketBase would otherwise keep the
//   original name ("SKTM Zubaidah 1901….pdf") in the storage path, the record and the request log;
// - images that declare more pixels than the limit are refused before PocketBase ever decodes
//   one for a thumbnail (a 249 KB PNG declaring 8000×8000 took it from 47 to 536 MB).

function rules() {
  return require(`${__hooks}/lib/rules.generated.js`);
}

/** The files uploaded with this request for a field (not the names already stored). */
function newUploads(record, field) {
  const value = record.get(field);
  const list = Array.isArray(value) ? value : value ? [value] : [];
  const files = [];
  for (let i = 0; i < list.length; i++) {
    const f = list[i];
    if (f && typeof f === "object" && f.size !== undefined && f.reader) files.push(f);
  }
  return files;
}

/** Pixels an uploaded image declares in its header (rules: declaredPixels); null when unreadable. */
function headerPixels(file) {
  const r = rules();
  // Most frame headers sit in the first few kilobytes; more is read only when they do not (the
  // walk from the start is the same, so the answer is too). Bytes cross into the JS engine one by
  // one: reading 512 KB of every photo cost a large part of an application's time.
  const read = (n) => {
    let reader = null;
    try {
      reader = file.reader.open();
      return toBytes(reader, n);
    } finally {
      if (reader) reader.close();
    }
  };
  try {
    // The portal's own compressor writes the frame header within the first kilobyte; a camera's
    // EXIF may push it to tens of kilobytes.
    const steps = [4 * 1024, 64 * 1024, r.IMAGE_HEAD_BYTES];
    let pixels = null;
    for (let i = 0; i < steps.length; i++) {
      const n = Math.min(steps[i], r.IMAGE_HEAD_BYTES);
      pixels = r.declaredPixels(read(n));
      if (pixels !== null || file.size <= n || n === r.IMAGE_HEAD_BYTES) return pixels;
    }
    return pixels;
  } catch (_) {
    return null; // an upload that cannot be read is refused as unreadable
  }
}

/** The extension of what the file's first bytes show it is, or "" when none of these. */
function sniffedExtension(file) {
  let reader = null;
  let head = [];
  try {
    reader = file.reader.open();
    head = toBytes(reader, 12);
  } catch (_) {
    head = [];
  } finally {
    if (reader) reader.close();
  }
  const b = (i) => (i < head.length ? head[i] & 0xff : -1);
  const text = (from, n) => {
    let out = "";
    for (let i = from; i < from + n; i++) out += String.fromCharCode(b(i) < 0 ? 0 : b(i));
    return out;
  };
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return "jpg";
  if (b(0) === 0x89 && text(1, 3) === "PNG") return "png";
  if (text(0, 4) === "RIFF" && text(8, 4) === "WEBP") return "webp";
  if (text(0, 5) === "%PDF-") return "pdf";
  if (text(0, 4) === "GIF8") return "gif";
  return "";
}

/**
 * The extension of what the file is, from its first bytes (PocketBase checks the content against
 * the field's types the same way); the name's own extension only when the content is none of
 * these and the extension is plain.
 */
function extensionOf(file) {
  const sniffed = sniffedExtension(file);
  if (sniffed) return sniffed;
  const match = /\.([A-Za-z0-9]{1,5})$/.exec(String(file.originalName || file.name || ""));
  return match ? match[1].toLowerCase() : "bin";
}

const MIME_OF = { jpg: "image/jpeg", png: "image/png", webp: "image/webp", pdf: "application/pdf", gif: "image/gif" };

/** The content type the file's first bytes show (not its name or declared type). */
function contentTypeOf(file) {
  return MIME_OF[sniffedExtension(file)] || "application/octet-stream";
}

/** "<field>_<10 random>.<ext>": nothing of the name the file had on the sender's device. */
function neutralName(field, file) {
  return field + "_" + $security.randomStringWithAlphabet(10, "abcdefghijklmnopqrstuvwxyz0123456789") + "." + extensionOf(file);
}

function nameNeutrally(field, file) {
  file.name = neutralName(field, file);
  file.originalName = file.name;
}

/** Neutral names for the new uploads of these fields only (the caller knows no other has any). */
function rename(record, fieldNames) {
  for (let i = 0; i < fieldNames.length; i++) {
    const files = newUploads(record, fieldNames[i]);
    for (let j = 0; j < files.length; j++) nameNeutrally(fieldNames[i], files[j]);
  }
}

function isImageField(field) {
  const types = field.mimeTypes || [];
  if (types.length === 0) return true; // any type, images included
  for (let i = 0; i < types.length; i++) if (String(types[i]).indexOf("image/") === 0) return true;
  return false;
}

/**
 * Renames every new upload of the record and, unless `skipPixels`, refuses images over the pixel
 * limit with a 400 naming the field.
 */
function guard(record, skipPixels) {
  const fields = record.collection().fields;
  const errors = {};
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i];
    if (field.type() !== "file") continue;
    const name = field.getName();
    const files = newUploads(record, name);
    for (let j = 0; j < files.length; j++) {
      if (!skipPixels && isImageField(field)) {
        const problem = rules().imagePixelsProblem(headerPixels(files[j]));
        if (problem === "too_large") errors[name] = "Gambar terlalu besar untuk diproses (lebih dari " + rules().MAX_IMAGE_PIXELS / 1000000 + " juta piksel). Pakai foto dengan resolusi lebih kecil.";
        // Only a recognised image header can be unreadable; a PDF declares no pixels at all.
        else if (problem === "unreadable") errors[name] = "Gambar ini tidak dapat dibaca. Pilih foto lain.";
      }
      nameNeutrally(name, files[j]);
    }
  }
  const keys = Object.keys(errors);
  if (keys.length > 0) throw require(`${__hooks}/lib/server.js`).fieldErrors(errors, errors[keys[0]]);
}

module.exports = { newUploads: newUploads, headerPixels: headerPixels, contentTypeOf: contentTypeOf, neutralName: neutralName, guard: guard, rename: rename };
