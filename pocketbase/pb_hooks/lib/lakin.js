// LAKIN export for staff: counts of requests in a year per service, PPKS category, kecamatan,
// status and month, and the indicator "persentase PMKS yang memperoleh pelayanan dasar"
// computed from closed cases: selesai ÷ (selesai + ditolak) × 100. Cancelled requests are not
// cases the office decided, so they are left out of the indicator. No personal data.

const MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

function csvCell(value) {
  const text = String(value);
  return /[",\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
}

function exportCsv(app, year) {
  const portal = require(`${__hooks}/lib/portal.js`);
  const data = portal.required();
  const from = year + "-01-01 00:00:00.000Z";
  const to = year + 1 + "-01-01 00:00:00.000Z";
  const rows = arrayOf(new DynamicModel({ layanan: "", kategori_ppks: "", kecamatan: "", status: "", bulan: "" }));
  app
    .db()
    .newQuery("SELECT layanan, kategori_ppks, kecamatan, status, substr(created, 1, 7) AS bulan FROM permohonan WHERE created >= {:from} AND created < {:to}")
    .bind({ from: from, to: to })
    .all(rows);
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

  let served = 0;
  let refused = 0;
  for (let i = 0; i < rows.length; i++) {
    if (rows[i].status === "selesai") served++;
    if (rows[i].status === "ditolak") refused++;
  }
  const decided = served + refused;
  const indicator = decided === 0 ? "" : (Math.round((served / decided) * 10000) / 100).toFixed(2);
  lines.push(["indikator", "kasus_selesai", "Kasus selesai dilayani", served]);
  lines.push(["indikator", "kasus_diputus", "Kasus selesai dilayani atau tidak dapat dipenuhi", decided]);
  lines.push(["indikator", "persentase_pmks_terlayani", "Persentase PMKS yang memperoleh pelayanan dasar (%)", indicator]);
  return lines.map((l) => l.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

module.exports = { exportCsv: exportCsv };
