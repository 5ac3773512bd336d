// Public figures (GET /api/statistik) and the public progress board (GET /api/progres).
// Both read only non-personal columns: service or report kind, kecamatan, status and dates.
// Names, NIK, addresses, villages, descriptions, landmarks, GPS, files, notes and tracking codes
// are never selected, so they cannot leak into an answer by mistake.

const CACHE_KEY = "statistik:jawaban";
const CACHE_MS = 60000;
const PAGE_SIZE = 50;
const MAX_PAGE = 100000;
const WORKING_DAY_MINUTES = 480;

function rules() {
  return require(`${__hooks}/lib/rules.generated.js`);
}

/** PocketBase's "2026-11-23 01:00:00.000Z" as a Date, or null when empty. */
function parseDate(text) {
  const s = String(text || "").trim();
  if (!s) return null;
  const d = new Date(s.replace(" ", "T"));
  return isNaN(d.getTime()) ? null : d;
}

function round1(n) {
  return Math.round(n * 10) / 10;
}

function median(values) {
  if (values.length === 0) return null;
  const sorted = values.slice().sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function byId(list, id) {
  for (let i = 0; i < list.length; i++) if (list[i].id === id) return list[i];
  return undefined;
}

function rowsOf(app, sql, shape, params) {
  const rows = arrayOf(new DynamicModel(shape));
  const q = app.db().newQuery(sql);
  if (params) q.bind(params);
  q.all(rows);
  return rows;
}

// ---------------------------------------------------------------- /api/statistik

/** IKM of survey rows, or null: the survey collection may not exist yet, or the rules lack it. */
/** Krejcie-Morgan minimum sample for a population (0 for none). */
function sampleSize(population) {
  const r = require(`${__hooks}/lib/rules.generated.js`);
  return population > 0 && typeof r.krejcieMorgan === "function" ? r.krejcieMorgan(population) : 0;
}

function ikmOf(responses) {
  const r = rules();
  if (typeof r.computeIkm !== "function" || responses.length === 0) return null;
  try {
    return r.computeIkm(responses);
  } catch (_) {
    return null;
  }
}

function surveyRows(app) {
  try {
    const shape = { layanan: "" };
    const cols = [];
    for (let i = 1; i <= 9; i++) {
      shape["u" + i] = 0;
      cols.push("CAST(u" + i + " AS INTEGER) AS u" + i);
    }
    return rowsOf(app, "SELECT layanan, " + cols.join(", ") + " FROM survei_kepuasan", shape);
  } catch (_) {
    return null;
  }
}

function compute(app, now) {
  const portal = require(`${__hooks}/lib/portal.js`);
  const data = portal.required();
  const offset = rules().zoneOffsetHours(data.site.timeZone);

  const counts = rowsOf(app, "SELECT layanan, status, COUNT(*) AS n FROM permohonan GROUP BY layanan, status", { layanan: "", status: "", n: 0 });
  // Only finished requests with a closing time: the dates are all the median needs.
  const finished = rowsOf(app, "SELECT layanan, created, ditutup FROM permohonan WHERE status = 'selesai' AND ditutup != '' AND ditutup IS NOT NULL", { layanan: "", created: "", ditutup: "" });
  const reports = rowsOf(app, "SELECT jenis, status, COUNT(*) AS n FROM laporan GROUP BY jenis, status", { jenis: "", status: "", n: 0 });
  const survey = surveyRows(app);

  // Services listed: every service that takes online applications, plus any with data (a
  // counter service, or one removed from content/ whose requests still count).
  const keys = [];
  const addKey = (k) => {
    if (k && keys.indexOf(k) < 0) keys.push(k);
  };
  for (let i = 0; i < data.services.length; i++) if (data.services[i].onlineApplication) addKey(data.services[i].id);
  const seen = {};
  for (let i = 0; i < counts.length; i++) seen[counts[i].layanan] = true;
  if (survey) for (let i = 0; i < survey.length; i++) seen[survey[i].layanan] = true;
  for (let i = 0; i < data.services.length; i++) if (seen[data.services[i].id]) addKey(data.services[i].id);
  Object.keys(seen).sort().forEach(addKey);

  const perStatus = {};
  let total = 0;
  const perService = {};
  for (let i = 0; i < keys.length; i++) {
    const service = portal.service(data, keys[i]);
    const minutes = service ? service.stages.reduce((sum, s) => sum + s.minutes, 0) : null;
    perService[keys[i]] = { layanan: keys[i], judul: service ? service.title : keys[i], total: 0, per_status: {}, selesai: 0, median_hari_kerja: null, standar_hari_kerja: minutes === null ? null : round1(minutes / WORKING_DAY_MINUTES), standar_menit: minutes, persen_dalam_standar: null, _days: [] };
  }
  for (let i = 0; i < counts.length; i++) {
    const row = counts[i];
    const n = Number(row.n);
    const entry = perService[row.layanan];
    if (!entry) continue;
    entry.total += n;
    entry.per_status[row.status] = (entry.per_status[row.status] || 0) + n;
    if (row.status === "selesai") entry.selesai += n;
    perStatus[row.status] = (perStatus[row.status] || 0) + n;
    total += n;
  }
  for (let i = 0; i < finished.length; i++) {
    const entry = perService[finished[i].layanan];
    const from = parseDate(finished[i].created);
    const to = parseDate(finished[i].ditutup);
    if (!entry || !from || !to) continue;
    entry._days.push(rules().workingDaysBetween(from, to, offset));
  }

  const groups = {};
  const everyone = [];
  if (survey) {
    for (let i = 0; i < survey.length; i++) {
      const row = survey[i];
      const answers = [row.u1, row.u2, row.u3, row.u4, row.u5, row.u6, row.u7, row.u8, row.u9].map(Number);
      (groups[row.layanan] = groups[row.layanan] || []).push(answers);
      everyone.push(answers);
    }
  }

  const perLayanan = [];
  const ikmPerLayanan = [];
  for (let i = 0; i < keys.length; i++) {
    const entry = perService[keys[i]];
    const days = entry._days;
    entry.median_hari_kerja = median(days);
    // Within standard: the working days taken (the same count as the median) are no more
    // than the SOP's standard time, so the share and the median compare like with like.
    if (days.length > 0 && entry.standar_menit !== null) {
      let within = 0;
      for (let j = 0; j < days.length; j++) if (days[j] * WORKING_DAY_MINUTES <= entry.standar_menit) within++;
      entry.persen_dalam_standar = round1((within / days.length) * 100);
    }
    delete entry._days;
    perLayanan.push(entry);
    // The survey's population is the people whose request was finished; Permenpan RB 14/2017
    // points to the Krejcie-Morgan table for how many of them must answer.
    ikmPerLayanan.push({ layanan: entry.layanan, judul: entry.judul, ikm: survey ? ikmOf(groups[entry.layanan] || []) : null, populasi: entry.selesai, sampel_minimum: sampleSize(entry.selesai) });
  }

  const perJenis = [];
  const reportTypes = data.reportTypes || [];
  const reportEntries = {};
  let reportTotal = 0;
  for (let i = 0; i < reportTypes.length; i++) {
    reportEntries[reportTypes[i].id] = { jenis: reportTypes[i].id, label: reportTypes[i].label, total: 0, per_status: {} };
    perJenis.push(reportEntries[reportTypes[i].id]);
  }
  for (let i = 0; i < reports.length; i++) {
    const row = reports[i];
    const n = Number(row.n);
    let entry = reportEntries[row.jenis];
    if (!entry) {
      entry = reportEntries[row.jenis] = { jenis: row.jenis, label: row.jenis, total: 0, per_status: {} };
      perJenis.push(entry);
    }
    entry.total += n;
    entry.per_status[row.status] = (entry.per_status[row.status] || 0) + n;
    reportTotal += n;
  }

  return {
    diperbarui: now.toISOString(),
    permohonan: { total: total, per_layanan: perLayanan, per_status: perStatus },
    laporan: { total: reportTotal, per_jenis: perJenis },
    ikm: {
      keseluruhan: survey ? ikmOf(everyone) : null,
      populasi: perLayanan.reduce((sum, e) => sum + e.selesai, 0),
      sampel_minimum: sampleSize(perLayanan.reduce((sum, e) => sum + e.selesai, 0)),
      per_layanan: ikmPerLayanan,
    },
  };
}

/** The figures, computed at most once a minute; the last answer is kept in the app store. */
function statistik(app, now) {
  const store = app.store();
  const cached = store.get(CACHE_KEY);
  if (cached) {
    try {
      const saved = JSON.parse(cached);
      if (now.getTime() - saved.t >= 0 && now.getTime() - saved.t < CACHE_MS) return saved.body;
    } catch (_) {
      // a damaged entry is recomputed below
    }
  }
  const body = compute(app, now);
  store.set(CACHE_KEY, JSON.stringify({ t: now.getTime(), body: body }));
  return body;
}

// ---------------------------------------------------------------- /api/progres

/** Checks the board's query; returns the filters or throws a 400 with an Indonesian message. */
function parseQuery(data, query) {
  const get = (name) => String(query.get(name) || "").trim();
  const jenis = get("jenis");
  const kecamatan = get("kecamatan");
  const status = get("status");
  const halaman = get("halaman");
  if (jenis && jenis !== "permohonan" && jenis !== "laporan") {
    throw new BadRequestError("Jenis tidak dikenal. Pilih permohonan atau laporan, atau kosongkan.", {});
  }
  if (kecamatan && !byId(data.kecamatan, kecamatan)) {
    throw new BadRequestError("Kecamatan tidak dikenal. Pilih kecamatan dari daftar, atau kosongkan.", {});
  }
  if (status && !byId(data.statuses, status) && !byId(data.reportStatuses || [], status)) {
    throw new BadRequestError("Status tidak dikenal. Pilih status dari daftar, atau kosongkan.", {});
  }
  let page = 1;
  if (halaman) {
    if (!/^[0-9]{1,6}$/.test(halaman) || Number(halaman) < 1 || Number(halaman) > MAX_PAGE) {
      throw new BadRequestError("Nomor halaman tidak sah. Tulis angka 1 atau lebih.", {});
    }
    page = Number(halaman);
  }
  return { jenis: jenis, kecamatan: kecamatan, status: status, halaman: page };
}

/** WHERE clause of one kind's branch of the page query. */
function where(filters) {
  const parts = [];
  if (filters.kecamatan) parts.push("kecamatan = {:kecamatan}");
  if (filters.status) parts.push("status = {:status}");
  return parts.length ? " WHERE " + parts.join(" AND ") : "";
}

function progres(app, query) {
  const portal = require(`${__hooks}/lib/portal.js`);
  const data = portal.required();
  const filters = parseQuery(data, query);
  const offset = rules().zoneOffsetHours(data.site.timeZone) * 3600000;
  const params = { kecamatan: filters.kecamatan, status: filters.status };

  // One small cube (kind × kecamatan × status) gives the total and every filter count.
  const cube = rowsOf(
    app,
    "SELECT 'permohonan' AS jenis, kecamatan, status, COUNT(*) AS n FROM permohonan GROUP BY kecamatan, status " +
      "UNION ALL SELECT 'laporan' AS jenis, kecamatan, status, COUNT(*) AS n FROM laporan GROUP BY kecamatan, status",
    { jenis: "", kecamatan: "", status: "", n: 0 },
  );
  // Each facet counts what the other two filters leave, so a choice shows what it would give.
  const perJenis = { permohonan: 0, laporan: 0 };
  const perKecamatan = {};
  for (let i = 0; i < data.kecamatan.length; i++) perKecamatan[data.kecamatan[i].id] = 0;
  const perStatus = {};
  for (let i = 0; i < data.statuses.length; i++) perStatus[data.statuses[i].id] = 0;
  const reportStatuses = data.reportStatuses || [];
  for (let i = 0; i < reportStatuses.length; i++) perStatus[reportStatuses[i].id] = 0;
  let total = 0;
  for (let i = 0; i < cube.length; i++) {
    const c = cube[i];
    const n = Number(c.n);
    const okJenis = !filters.jenis || c.jenis === filters.jenis;
    const okKec = !filters.kecamatan || c.kecamatan === filters.kecamatan;
    const okStatus = !filters.status || c.status === filters.status;
    if (okKec && okStatus) perJenis[c.jenis] = (perJenis[c.jenis] || 0) + n;
    if (okJenis && okStatus) perKecamatan[c.kecamatan] = (perKecamatan[c.kecamatan] || 0) + n;
    if (okJenis && okKec) perStatus[c.status] = (perStatus[c.status] || 0) + n;
    if (okJenis && okKec && okStatus) total += n;
  }

  const branches = [];
  if (filters.jenis !== "laporan") branches.push("SELECT 'permohonan' AS jenis, layanan AS kunci, kecamatan, status, created, id FROM permohonan" + where(filters));
  if (filters.jenis !== "permohonan") branches.push("SELECT 'laporan' AS jenis, jenis AS kunci, kecamatan, status, created, id FROM laporan" + where(filters));
  const rows = rowsOf(
    app,
    "SELECT jenis, kunci, kecamatan, status, created FROM (" + branches.join(" UNION ALL ") + ") ORDER BY created DESC, id DESC LIMIT {:limit} OFFSET {:offset}",
    { jenis: "", kunci: "", kecamatan: "", status: "", created: "" },
    { kecamatan: params.kecamatan, status: params.status, limit: PAGE_SIZE, offset: (filters.halaman - 1) * PAGE_SIZE },
  );

  const items = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const isReport = row.jenis === "laporan";
    const kind = isReport ? byId(data.reportTypes || [], row.kunci) : portal.service(data, row.kunci);
    const statusInfo = byId(isReport ? reportStatuses : data.statuses, row.status);
    const kec = byId(data.kecamatan, row.kecamatan);
    const created = parseDate(row.created);
    items.push({
      jenis: isReport ? "laporan" : "permohonan",
      jenis_label: kind ? (isReport ? kind.label : kind.title) : row.kunci,
      kecamatan: kec ? kec.name : row.kecamatan,
      // Date only, in the office's time zone: the time of day could point to a person.
      tanggal: created ? new Date(created.getTime() + offset).toISOString().slice(0, 10) : null,
      status_label: statusInfo ? statusInfo.label : row.status,
      selesai: statusInfo ? statusInfo.closed === true : false,
    });
  }

  return {
    total: total,
    halaman: filters.halaman,
    jumlah_halaman: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    per_halaman: PAGE_SIZE,
    filter: { jenis: filters.jenis, kecamatan: filters.kecamatan, status: filters.status },
    per_jenis: perJenis,
    per_kecamatan: perKecamatan,
    per_status: perStatus,
    items: items,
  };
}

module.exports = { statistik: statistik, compute: compute, progres: progres, PAGE_SIZE: PAGE_SIZE };
