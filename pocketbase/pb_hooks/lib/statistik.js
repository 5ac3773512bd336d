// Public figures (GET /api/statistik) and the public progress board (GET /api/progres).
// Both read only non-personal columns: service or report kind, kecamatan, status and dates.
// Names, NIK, addresses, villages, descriptions, landmarks, GPS, files, notes and tracking codes
// are never selected, so they cannot leak into an answer by mistake. Neither publishes a figure
// resting on fewer than MIN_PUBLIC_COUNT (5) items: small counts are withheld or merged
// (src/lib/rules/disclosure.ts, shared with the pages' text and the tests).

const CACHE_KEY = "statistik:jawaban";
const CACHE_MS = 60000;
const BOARD_CACHE_KEY = "progres:papan";
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

/** Krejcie-Morgan minimum sample for a population (0 for none). */
function sampleSize(population) {
  const r = require(`${__hooks}/lib/rules.generated.js`);
  return population > 0 && typeof r.krejcieMorgan === "function" ? r.krejcieMorgan(population) : 0;
}

function ikmOf(responses) {
  const r = rules();
  if (typeof r.computeIkm !== "function" || responses.length === 0) return null;
  // A broken computation is a server error, never a quietly missing figure.
  return r.computeIkm(responses);
}

function surveyRows(app) {
  const shape = { layanan: "" };
  const cols = [];
  for (let i = 1; i <= 9; i++) {
    shape["u" + i] = 0;
    cols.push("CAST(u" + i + " AS INTEGER) AS u" + i);
  }
  return rowsOf(app, "SELECT layanan, " + cols.join(", ") + " FROM survei_kepuasan", shape);
}

/** Status keys in content order, then any other key found in the data (a removed status still counts). */
function statusOrder(known, seen) {
  const keys = known.map((s) => s.id);
  for (let i = 0; i < seen.length; i++) if (seen[i] && keys.indexOf(seen[i]) < 0) keys.push(seen[i]);
  return keys;
}

/**
 * One table of counts (rows × statuses) as the API publishes it: each withheld figure is null
 * and named in the row's `disembunyikan` with its reason (src/lib/rules/disclosure.ts).
 */
function protectedCounts(r, values, statusKeys, columnTotals) {
  const p = r.protectTable(values, { columnTotals: columnTotals });
  const rows = [];
  for (let i = 0; i < values.length; i++) {
    const hidden = {};
    const perStatus = {};
    let total = 0;
    for (let j = 0; j < statusKeys.length; j++) {
      const n = values[i][j];
      total += n;
      if (n === 0) continue;
      perStatus[statusKeys[j]] = p.cells[i][j] ? null : n;
      if (p.cells[i][j]) hidden["per_status." + statusKeys[j]] = p.cells[i][j];
    }
    if (p.rows[i]) hidden.total = p.rows[i];
    rows.push({ total: p.rows[i] ? null : total, per_status: perStatus, disembunyikan: hidden });
  }
  const columns = { per_status: {}, disembunyikan: {} };
  let grand = 0;
  for (let j = 0; j < statusKeys.length; j++) {
    let n = 0;
    for (let i = 0; i < values.length; i++) n += values[i][j];
    grand += n;
    if (n === 0) continue;
    columns.per_status[statusKeys[j]] = p.columns[j] ? null : n;
    if (p.columns[j]) columns.disembunyikan["per_status." + statusKeys[j]] = p.columns[j];
  }
  if (p.total) columns.disembunyikan.total = p.total;
  columns.total = p.total ? null : grand;
  return { rows: rows, columns: columns, protection: p };
}

function compute(app, now) {
  const portal = require(`${__hooks}/lib/portal.js`);
  const data = portal.required();
  const r = rules();
  const min = r.MIN_PUBLIC_COUNT;
  // The served end, by what a status means, whatever this office calls it.
  let servedStatus = "";
  for (let i = 0; i < data.statuses.length; i++) if (data.statuses[i].meaning === "success") servedStatus = data.statuses[i].id;

  const counts = rowsOf(app, "SELECT layanan, status, COUNT(*) AS n FROM permohonan GROUP BY layanan, status", { layanan: "", status: "", n: 0 });
  // Only finished requests with a closing time: the dates are all the median needs.
  const finished = rowsOf(app, "SELECT layanan, created, ditutup FROM permohonan WHERE status = {:served} AND ditutup != '' AND ditutup IS NOT NULL", { layanan: "", created: "", ditutup: "" }, { served: servedStatus });
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
  for (let i = 0; i < survey.length; i++) seen[survey[i].layanan] = true;
  for (let i = 0; i < data.services.length; i++) if (seen[data.services[i].id]) addKey(data.services[i].id);
  Object.keys(seen).sort().forEach(addKey);

  // Requests: service × status, with service totals, status totals and the grand total.
  const statusKeys = statusOrder(data.statuses, counts.map((c) => c.status));
  const values = keys.map(() => statusKeys.map(() => 0));
  for (let i = 0; i < counts.length; i++) {
    const row = keys.indexOf(counts[i].layanan);
    const col = statusKeys.indexOf(counts[i].status);
    if (row >= 0 && col >= 0) values[row][col] += Number(counts[i].n);
  }
  const table = protectedCounts(r, values, statusKeys, true);
  const done = statusKeys.indexOf(servedStatus);

  const days = {};
  for (let i = 0; i < finished.length; i++) {
    const from = parseDate(finished[i].created);
    const to = parseDate(finished[i].ditutup);
    if (keys.indexOf(finished[i].layanan) < 0 || !from || !to) continue;
    (days[finished[i].layanan] = days[finished[i].layanan] || []).push(r.workingDaysBetween(from, to, data.site.calendar));
  }

  const groups = {};
  const everyone = [];
  for (let i = 0; i < survey.length; i++) {
    const row = survey[i];
    const answers = [row.u1, row.u2, row.u3, row.u4, row.u5, row.u6, row.u7, row.u8, row.u9].map(Number);
    (groups[row.layanan] = groups[row.layanan] || []).push(answers);
    everyone.push(answers);
  }
  const surveyed = r.protectSurvey(keys.map((k) => (groups[k] || []).length));

  const perLayanan = [];
  const ikmPerLayanan = [];
  for (let i = 0; i < keys.length; i++) {
    const service = portal.service(data, keys[i]);
    const minutes = service ? service.stages.reduce((sum, s) => sum + s.minutes, 0) : null;
    const counted = table.rows[i];
    const hidden = counted.disembunyikan;
    const finishedCount = done >= 0 ? values[i][done] : 0;
    const finishedHidden = done >= 0 ? table.protection.cells[i][done] : null;
    const entry = {
      layanan: keys[i],
      judul: service ? service.title + (service.draft ? " (rancangan)" : "") : keys[i],
      total: counted.total,
      per_status: counted.per_status,
      selesai: finishedHidden ? null : finishedCount,
      median_hari_kerja: null,
      standar_hari_kerja: minutes === null ? null : round1(minutes / WORKING_DAY_MINUTES),
      standar_menit: minutes,
      persen_dalam_standar: null,
      disembunyikan: hidden,
    };
    if (finishedHidden) hidden.selesai = finishedHidden;
    // The median and the share within standard describe the finished requests: none from
    // fewer than `min` of them, and none where the finished count itself is withheld (a
    // percentage of 6 would give it back).
    const taken = days[keys[i]] || [];
    const timing = taken.length === 0 ? null : taken.length < min ? "di_bawah_ambang" : finishedHidden ? "melindungi" : null;
    if (timing) {
      hidden.median_hari_kerja = timing;
      hidden.persen_dalam_standar = timing;
    } else if (taken.length > 0) {
      entry.median_hari_kerja = median(taken);
      // Within standard: the working days taken (the same count as the median) are no more
      // than the SOP's standard time, so the share and the median compare like with like.
      if (minutes !== null) {
        let within = 0;
        for (let j = 0; j < taken.length; j++) if (taken[j] * WORKING_DAY_MINUTES <= minutes) within++;
        entry.persen_dalam_standar = round1((within / taken.length) * 100);
      }
    }
    perLayanan.push(entry);

    // The survey's population is the people whose request was finished; Permenpan RB 14/2017
    // points to the Krejcie-Morgan table for how many of them must answer.
    const ikmHidden = {};
    if (surveyed.services[i]) ikmHidden.ikm = surveyed.services[i];
    if (finishedHidden) {
      ikmHidden.populasi = finishedHidden;
      ikmHidden.sampel_minimum = finishedHidden;
    }
    ikmPerLayanan.push({
      layanan: entry.layanan,
      judul: entry.judul,
      ikm: !surveyed.services[i] ? ikmOf(groups[entry.layanan] || []) : null,
      populasi: finishedHidden ? null : finishedCount,
      sampel_minimum: finishedHidden ? null : sampleSize(finishedCount),
      disembunyikan: ikmHidden,
    });
  }

  // Reports: type × status, with type totals and the grand total (no status totals published).
  const reportTypes = data.reportTypes || [];
  const typeKeys = reportTypes.map((t) => t.id);
  for (let i = 0; i < reports.length; i++) if (typeKeys.indexOf(reports[i].jenis) < 0) typeKeys.push(reports[i].jenis);
  const reportStatusKeys = statusOrder(data.reportStatuses || [], reports.map((c) => c.status));
  const reportValues = typeKeys.map(() => reportStatusKeys.map(() => 0));
  for (let i = 0; i < reports.length; i++) {
    reportValues[typeKeys.indexOf(reports[i].jenis)][reportStatusKeys.indexOf(reports[i].status)] += Number(reports[i].n);
  }
  const reportTable = protectedCounts(r, reportValues, reportStatusKeys, false);
  const perJenis = typeKeys.map((k, i) => {
    const type = byId(reportTypes, k);
    return { jenis: k, label: type ? type.label : k, total: reportTable.rows[i].total, per_status: reportTable.rows[i].per_status, disembunyikan: reportTable.rows[i].disembunyikan };
  });
  const reportHidden = {};
  if (reportTable.protection.total) reportHidden.total = reportTable.protection.total;

  const allFinished = done >= 0 ? table.columns.per_status[servedStatus] : 0;
  const populationHidden = done >= 0 ? table.protection.columns[done] : null;
  const ikmHidden = {};
  if (surveyed.overall) ikmHidden.keseluruhan = surveyed.overall;
  if (populationHidden) {
    ikmHidden.populasi = populationHidden;
    ikmHidden.sampel_minimum = populationHidden;
  }
  const population = populationHidden ? null : allFinished || 0;

  return {
    diperbarui: now.toISOString(),
    // Figures below this many items are null and named in `disembunyikan` (why: see disclosure.ts).
    ambang: min,
    permohonan: { total: table.columns.total, per_layanan: perLayanan, per_status: table.columns.per_status, disembunyikan: table.columns.disembunyikan },
    laporan: { total: reportTable.columns.total, per_jenis: perJenis, disembunyikan: reportHidden },
    ikm: {
      keseluruhan: !surveyed.overall ? ikmOf(everyone) : null,
      populasi: population,
      sampel_minimum: population === null ? null : sampleSize(population),
      per_layanan: ikmPerLayanan,
      disembunyikan: ikmHidden,
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

/** PocketBase's date format: "2026-11-23 01:00:00.000Z". */
function pbDate(d) {
  return d.toISOString().replace("T", " ");
}

/** Position of `id` in a content list, or the list's length (unknown and merged sort last). */
function rank(list, id) {
  for (let i = 0; i < list.length; i++) if (list[i].id === id) return i;
  return list.length;
}

// Each record's status as it stood at the cut-off: the latest history entry before it. Every
// request and report gets its first entry in the same transaction as the record itself, a few
// milliseconds later; the second choice covers a record saved just before midnight whose first
// entry fell just after.
const STATUS_AT = (history, relation, record) =>
  "COALESCE(" +
  "(SELECT h.status FROM " + history + " h WHERE h." + relation + " = " + record + ".id AND h.created < {:cutoff} ORDER BY h.created DESC, h.rowid DESC LIMIT 1), " +
  "(SELECT h.status FROM " + history + " h WHERE h." + relation + " = " + record + ".id ORDER BY h.created, h.rowid LIMIT 1), '')";

const BOARD_SQL =
  "SELECT 'permohonan' AS jenis, p.layanan AS kunci, p.kecamatan AS kecamatan, p.created AS created, " + STATUS_AT("riwayat_permohonan", "permohonan", "p") + " AS status " +
  "FROM permohonan p WHERE p.created < {:cutoff} " +
  "UNION ALL SELECT 'laporan' AS jenis, l.jenis AS kunci, l.kecamatan AS kecamatan, l.created AS created, " + STATUS_AT("riwayat_laporan", "laporan", "l") + " AS status " +
  "FROM laporan l WHERE l.created < {:cutoff}";

// How many records and history entries lie before the cut-off. Nothing is ever created in the
// past, so this changes within a day only when someone rewrites history (the admin UI's SQL
// console, or a test that backdates records): then the cached board is computed again.
const STAMP_SQL =
  "SELECT (SELECT COUNT(*) FROM permohonan WHERE created < {:cutoff}) AS a, (SELECT COUNT(*) FROM laporan WHERE created < {:cutoff}) AS b, " +
  "(SELECT COUNT(*) FROM riwayat_permohonan WHERE created < {:cutoff}) AS c, (SELECT COUNT(*) FROM riwayat_laporan WHERE created < {:cutoff}) AS d";

/**
 * The published rows as of the start of today (office time zone): a daily batch, so a record
 * sent or changed now reaches the board tomorrow, in a group with others, and never alone. The
 * board is computed once per cut-off and kept in the app store.
 */
function board(app, data, now) {
  const r = rules();
  const offset = r.zoneOffsetHours(data.site.timeZone);
  const cutoff = r.startOfLocalDay(now, offset);
  const params = { cutoff: pbDate(cutoff) };
  const stampRow = rowsOf(app, STAMP_SQL, { a: 0, b: 0, c: 0, d: 0 }, params)[0];
  const key = cutoff.toISOString() + "|" + [stampRow.a, stampRow.b, stampRow.c, stampRow.d].join(",");
  const store = app.store();
  const cached = store.get(BOARD_CACHE_KEY);
  if (cached) {
    try {
      const saved = JSON.parse(cached);
      if (saved.key === key) return saved.board;
    } catch (_) {
      // a damaged entry is computed again below
    }
  }

  const rows = rowsOf(app, BOARD_SQL, { jenis: "", kunci: "", kecamatan: "", created: "", status: "" }, params);
  const records = [];
  let unknown = 0;
  for (let i = 0; i < rows.length; i++) {
    const created = parseDate(rows[i].created);
    if (!created || !rows[i].status) {
      unknown++; // no date or no history: counted as not shown, never guessed
      continue;
    }
    records.push({ jenis: rows[i].jenis, kunci: rows[i].kunci, kecamatan: rows[i].kecamatan, status: rows[i].status, minggu: r.weekOf(created, offset) });
  }
  const grouped = r.groupBoard(records, r.MIN_PUBLIC_COUNT);
  // Newest week first; within a week requests before reports, then content order, merged last.
  const reportTypes = data.reportTypes || [];
  const reportStatuses = data.reportStatuses || [];
  const order = (g) => [
    g.jenis === "laporan" ? 1 : 0,
    g.kunci === null ? 1e6 : g.jenis === "laporan" ? rank(reportTypes, g.kunci) : rank(data.services, g.kunci),
    g.kecamatan === null ? 1e6 : rank(data.kecamatan, g.kecamatan),
    g.jenis === "laporan" ? rank(reportStatuses, g.status) : rank(data.statuses, g.status),
  ];
  const groups = grouped.groups.slice().sort((a, b) => {
    if (a.minggu !== b.minggu) return a.minggu < b.minggu ? 1 : -1;
    const x = order(a);
    const y = order(b);
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] - y[i];
    return String(a.kunci) < String(b.kunci) ? -1 : String(a.kunci) > String(b.kunci) ? 1 : 0;
  });
  const result = {
    // The last calendar day the batch holds (the day before the cut-off).
    data_sampai: new Date(cutoff.getTime() + offset * 3600000 - 86400000).toISOString().slice(0, 10),
    groups: groups,
    hidden: grouped.hidden + unknown,
  };
  store.set(BOARD_CACHE_KEY, JSON.stringify({ key: key, board: result }));
  return result;
}

function progres(app, query, now) {
  const portal = require(`${__hooks}/lib/portal.js`);
  const data = portal.required();
  const filters = parseQuery(data, query);
  const r = rules();
  const published = board(app, data, now || new Date());
  const reportTypes = data.reportTypes || [];
  const reportStatuses = data.reportStatuses || [];

  // Every number below is a sum of published rows, each of at least MIN_PUBLIC_COUNT: a filter
  // can narrow the board, never split a row. A merged row ("Beberapa kecamatan") has no single
  // kecamatan, so it is left out when one is chosen. Each facet counts what the other two
  // filters leave, so a choice shows what it would give.
  const perJenis = { permohonan: 0, laporan: 0 };
  const perKecamatan = {};
  for (let i = 0; i < data.kecamatan.length; i++) perKecamatan[data.kecamatan[i].id] = 0;
  const perStatus = {};
  for (let i = 0; i < data.statuses.length; i++) perStatus[data.statuses[i].id] = 0;
  for (let i = 0; i < reportStatuses.length; i++) perStatus[reportStatuses[i].id] = 0;
  const matching = [];
  let total = 0;
  for (let i = 0; i < published.groups.length; i++) {
    const g = published.groups[i];
    const okJenis = !filters.jenis || g.jenis === filters.jenis;
    const okKec = !filters.kecamatan || g.kecamatan === filters.kecamatan;
    const okStatus = !filters.status || g.status === filters.status;
    if (okKec && okStatus) perJenis[g.jenis] = (perJenis[g.jenis] || 0) + g.jumlah;
    if (okJenis && okStatus && g.kecamatan !== null && perKecamatan[g.kecamatan] !== undefined) perKecamatan[g.kecamatan] += g.jumlah;
    if (okJenis && okKec && perStatus[g.status] !== undefined) perStatus[g.status] += g.jumlah;
    if (okJenis && okKec && okStatus) {
      matching.push(g);
      total += g.jumlah;
    }
  }

  const items = [];
  const page = matching.slice((filters.halaman - 1) * PAGE_SIZE, filters.halaman * PAGE_SIZE);
  for (let i = 0; i < page.length; i++) {
    const g = page[i];
    const isReport = g.jenis === "laporan";
    const kind = g.kunci === null ? null : isReport ? byId(reportTypes, g.kunci) : portal.service(data, g.kunci);
    const statusInfo = byId(isReport ? reportStatuses : data.statuses, g.status);
    const kec = g.kecamatan === null ? null : byId(data.kecamatan, g.kecamatan);
    items.push({
      jenis: isReport ? "laporan" : "permohonan",
      jenis_label: g.kunci === null ? (isReport ? "Beberapa jenis laporan" : "Beberapa layanan") : kind ? (isReport ? kind.label : kind.title + (kind.draft ? " (rancangan)" : "")) : g.kunci,
      kecamatan: g.kecamatan === null ? "Beberapa kecamatan" : kec ? kec.name : g.kecamatan,
      // The Monday of the week it came in: no day, no time of day.
      minggu: g.minggu,
      status_label: statusInfo ? statusInfo.label : g.status,
      selesai: statusInfo ? statusInfo.closed === true : false,
      jumlah: g.jumlah,
    });
  }

  const hiddenShown = r.publishable(published.hidden, r.MIN_PUBLIC_COUNT);
  return {
    data_sampai: published.data_sampai,
    ambang: r.MIN_PUBLIC_COUNT,
    total: total,
    jumlah_baris: matching.length,
    halaman: filters.halaman,
    jumlah_halaman: Math.max(1, Math.ceil(matching.length / PAGE_SIZE)),
    per_halaman: PAGE_SIZE,
    filter: { jenis: filters.jenis, kecamatan: filters.kecamatan, status: filters.status },
    per_jenis: perJenis,
    per_kecamatan: perKecamatan,
    per_status: perStatus,
    // Records in no published row, over the whole board (never per filter).
    tidak_ditampilkan: hiddenShown ? published.hidden : null,
    disembunyikan: hiddenShown ? {} : { tidak_ditampilkan: "di_bawah_ambang" },
    items: items,
  };
}

module.exports = { statistik: statistik, compute: compute, progres: progres, PAGE_SIZE: PAGE_SIZE };
