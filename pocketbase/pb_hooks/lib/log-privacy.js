// Masks what could identify a person in a request address before PocketBase writes it to its
// request log: quoted values in a query parameter (a staff search such as nik = "1901…" or
// nama_lengkap ~ 'Sumarni') and any run of 5 or more digits (an unquoted NIK, KK or phone, or a
// part of one). Parameter names and the shape of a filter stay readable for diagnosis.

const MASK = "*";

function maskValue(value) {
  return value.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, (quoted) => quoted[0] + MASK + quoted[0]).replace(/\d{5,}/g, MASK);
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
      return pair.slice(0, at + 1) + encodeURIComponent(maskValue(value));
    })
    .join("&");
}

module.exports = { maskQuery: maskQuery };
