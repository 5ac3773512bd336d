// LAKIN export for staff: counts of requests in a year per service, PPKS category, kecamatan,
// status and month, and the indicator "persentase PMKS yang memperoleh pelayanan dasar" computed
// from decided cases: persons served ÷ persons decided (served or refused) × 100, by what each
// status means. Each NIK counts once; reports about a PPKS count as one person each (they carry
// no NIK). Cancelled cases were not decided and are left out. No personal data leaves.

const MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

function csvCell(value) {
  const text = String(value);
  return /[",\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
}

/** Milliseconds the office's clock is ahead of UTC (WIB: 7 hours). */
function officeOffset(data) {
  return require(`${__hooks}/lib/rules.generated.js`).zoneOffsetHours(data.site.timeZone) * 3600000;
}

/** The office's calendar year as PocketBase date strings [from, to): 1 January 00:00 office time. */
function officeYear(data, year) {
  const offset = officeOffset(data);
  const at = (y) => new Date(Date.UTC(y, 0, 1) - offset).toISOString().replace("T", " ");
  return { from: at(year), to: at(year + 1) };
}

function exportCsv(app, year) {
  const portal = require(`${__hooks}/lib/portal.js`);
  const data = portal.required();
  const range = officeYear(data, year);
  const found = arrayOf(new DynamicModel({ layanan: "", kategori_ppks: "", kecamatan: "", status: "", created: "" }));
  app
    .db()
    .newQuery("SELECT layanan, kategori_ppks, kecamatan, status, created FROM permohonan WHERE created >= {:from} AND created < {:to}")
    .bind({ from: range.from, to: range.to })
    .all(found);
  // The month a request came in, by the office's clock (a request at 23:30 WIB on 31 January is January's).
  const offset = officeOffset(data);
  const rows = found.map((r) => ({
    layanan: r.layanan,
    kategori_ppks: r.kategori_ppks,
    kecamatan: r.kecamatan,
    status: r.status,
    bulan: new Date(new Date(String(r.created).replace(" ", "T")).getTime() + offset).toISOString().slice(0, 7),
  }));
  const count = (key) => {
    const map = {};
    for (let i = 0; i < rows.length; i++) {
      const k = String(rows[i][key] || "");
      map[k] = (map[k] || 0) + 1;
    }
    return map;
  };
  const lines = [["dimensi", "kunci", "label", "jumlah"]];
  const add = (dimension, counts, label) => {
    const keys = Object.keys(counts).sort();
    for (let i = 0; i < keys.length; i++) lines.push([dimension, keys[i], label(keys[i]), counts[keys[i]]]);
  };
  add("layanan", count("layanan"), (k) => {
    const s = portal.service(data, k);
    return s ? s.title : k;
  });
  add("kategori_ppks", count("kategori_ppks"), (k) => {
    const p = data.ppks.find((x) => x.id === k);
    return p ? p.name : k ? k : "(belum diisi)";
  });
  add("kecamatan", count("kecamatan"), (k) => {
    const kec = data.kecamatan.find((x) => x.id === k);
    return kec ? kec.code + " " + kec.name : k;
  });
  add("status", count("status"), (k) => {
    const s = portal.status(data, k);
    return s ? s.label : k;
  });
  add("bulan", count("bulan"), (k) => MONTHS[Number(k.slice(5, 7)) - 1] + " " + k.slice(0, 4));

  const iku = indicators(app, year).indikator[0];
  lines.push(["indikator", "kasus_selesai", iku.label_pembilang, iku.pembilang]);
  lines.push(["indikator", "kasus_diputus", iku.label_penyebut, iku.penyebut]);
  lines.push(["indikator", iku.kunci, iku.label + " (%)", iku.nilai === null ? "" : iku.nilai.toFixed(2)]);
  return lines.map((l) => l.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/**
 * The key indicator (IKU) for a year: persons served ÷ persons decided. A person is a NIK (or,
 * for a request whose NIK retention has removed, the request itself); a report about a PPKS is
 * one person.
 */
function indicators(app, year) {
  const data = require(`${__hooks}/lib/portal.js`).required();
  const range = officeYear(data, year);
  const from = range.from;
  const to = range.to;
  const meaningOf = (list, id) => {
    for (let i = 0; i < list.length; i++) if (list[i].id === id) return list[i].meaning || "";
    return "";
  };
  const requests = arrayOf(new DynamicModel({ id: "", nik: "", status: "" }));
  app.db().newQuery("SELECT id, nik, status FROM permohonan WHERE created >= {:from} AND created < {:to}").bind({ from: from, to: to }).all(requests);
  const reports = arrayOf(new DynamicModel({ id: "", jenis: "", status: "" }));
  app.db().newQuery("SELECT id, jenis, status FROM laporan WHERE created >= {:from} AND created < {:to}").bind({ from: from, to: to }).all(reports);
  const served = {};
  const decided = {};
  for (let i = 0; i < requests.length; i++) {
    const m = meaningOf(data.statuses, requests[i].status);
    const person = /^0+$/.test(requests[i].nik) || !requests[i].nik ? "permohonan:" + requests[i].id : "nik:" + requests[i].nik;
    if (m === "success" || m === "rejected") decided[person] = true;
    if (m === "success") served[person] = true;
  }
  const ppksKinds = data.reportTypes.filter((t) => t.ppks.length > 0).map((t) => t.id);
  for (let i = 0; i < reports.length; i++) {
    if (ppksKinds.indexOf(reports[i].jenis) < 0) continue;
    const m = meaningOf(data.reportStatuses, reports[i].status);
    const person = "laporan:" + reports[i].id;
    if (m === "success" || m === "rejected") decided[person] = true;
    if (m === "success") served[person] = true;
  }
  const numerator = Object.keys(served).length;
  const denominator = Object.keys(decided).length;
  return {
    tahun: year,
    indikator: [
      {
        kunci: "persentase_pmks_terlayani",
        label: "Persentase PMKS yang memperoleh pelayanan dasar",
        label_pembilang: "Orang yang selesai dilayani (NIK dihitung sekali; laporan PPKS termasuk)",
        label_penyebut: "Orang yang permohonan/laporannya diputus (dilayani atau tidak dapat dipenuhi)",
        pembilang: numerator,
        penyebut: denominator,
        nilai: denominator === 0 ? null : Math.round((numerator / denominator) * 10000) / 100,
      },
    ],
    catatan: "Satu NIK dihitung satu orang walau mengajukan beberapa kali; laporan tentang PPKS dihitung satu orang per laporan; permohonan yang dibatalkan tidak dihitung.",
  };
}

module.exports = { exportCsv: exportCsv, indicators: indicators };
