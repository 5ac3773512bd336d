// What PocketBase's request log may keep (Settings → Logs; 5 days, migration 1790000700):
// - addresses and error details without anything that could identify a person: quoted values in
//   a query parameter (a staff search such as nik = "1901…" or nama_lengkap ~ 'Sumarni'), any run
//   of 5 or more digits (a NIK, KK or phone, or part of one), in the query, the path and the
//   error details (a filter with a missing closing quote is echoed back in the error);
// - for the anonymous public paths (sending a report or a suggestion, tracking, the survey and
//   the pages that show them), no IP address and no browser identification at all.
// Parameter names and the shape of a filter stay readable for diagnosis.

const MASK = "*";

/** Quoted values become q*q (an unclosed quote hides the rest), then digit runs of 5+ become *. */
function maskText(value) {
  const text = String(value);
  let out = "";
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c !== '"' && c !== "'") {
      out += c;
      i++;
      continue;
    }
    let j = i + 1;
    while (j < text.length && text[j] !== c) j += text[j] === "\\" ? 2 : 1;
    out += j < text.length ? c + MASK + c : c + MASK;
    i = j + 1;
  }
  return out.replace(/\d{5,}/g, MASK);
}

/** "filter=nik%20%3D%20%221901…%22&page=1" → "filter=nik%20%3D%20%22*%22&page=1" */
function maskQuery(rawQuery) {
  return String(rawQuery)
    .split("&")
    .map((pair) => {
      const at = pair.indexOf("=");
      if (at < 0) return pair.replace(/\d{5,}/g, MASK);
      let value;
      try {
        value = decodeURIComponent(pair.slice(at + 1).replace(/\+/g, " "));
      } catch (_) {
        return pair.slice(0, at + 1) + MASK; // not decodable: nothing of it is kept
      }
      return pair.slice(0, at + 1) + encodeURIComponent(maskText(value));
    })
    .join("&");
}

/** A path with digit runs masked ("/api/lacak/1901015501900001" → "/api/lacak/*"). */
function maskPath(path) {
  return String(path).replace(/\d{5,}/g, MASK);
}

/** Requests logged with no IP address and no User-Agent. */
const ANONYMOUS = [
  { method: "POST", path: /^\/api\/collections\/(laporan|saran)\/records\/?$/ },
  // The kotak saran without JavaScript (pb_hooks/saran.pb.js).
  { method: "POST", path: /^\/saran\/kirim\/?$/ },
  { method: "", path: /^\/api\/lacak\// },
  { method: "GET", path: /^\/(lacak|survei)\/?$/ },
];

function isAnonymous(method, path) {
  for (let i = 0; i < ANONYMOUS.length; i++) {
    const rule = ANONYMOUS[i];
    if ((rule.method === "" || rule.method === method) && rule.path.test(path)) return true;
  }
  return false;
}

/**
 * The error PocketBase will log, without the personal data its details may echo. Validation
 * errors (our own field messages) stay as they are; a raw cause (a filter parser's message, a
 * database error) is kept only as masked text.
 */
function maskedError(err) {
  const apiError = err && err.value;
  if (!apiError || typeof apiError.rawData !== "function" || !apiError.status) return err;
  // Field messages (validation errors, which are also Go errors): ours, safe, and needed by the forms.
  if (apiError.data && Object.keys(apiError.data).length > 0) return err;
  const raw = apiError.rawData();
  let text = null;
  if (typeof raw === "string") text = raw;
  else if (raw && typeof raw.error === "function") text = raw.error();
  if (text === null) return err;
  return new ApiError(apiError.status, apiError.message, maskText(text));
}

module.exports = { maskQuery: maskQuery, maskPath: maskPath, maskText: maskText, isAnonymous: isAnonymous, maskedError: maskedError };
