// The staff workspace's case work on the server (routes in petugas.pb.js, types in
// src/lib/api/petugas.ts): queues, the case view, and every action on a request or report. Each
// action is judged by the SOP rules (src/lib/rules/sop-flow.ts) for the acting person's roles,
// and saved together with its chained history entry (lib/chain.js) in one transaction.

function rules() {
  return require(`${__hooks}/lib/rules.generated.js`);
}
function portalLib() {
  return require(`${__hooks}/lib/portal.js`);
}
function staff() {
  return require(`${__hooks}/lib/staff.js`);
}

/** PocketBase's "2026-11-23 01:00:00.000Z" as an ISO instant, or null. */
function iso(text) {
  const s = String(text || "").trim();
  if (!s) return null;
  const d = new Date(s.replace(" ", "T"));
  return isNaN(d.getTime()) ? null : d.toISOString();
}

function pbDate(d) {
  return d.toISOString().replace("T", " ");
}

function fieldErrors(errors) {
  const data = {};
  for (const key in errors) data[key] = new ValidationError("validation_failed", errors[key]);
  const keys = Object.keys(errors);
  return new BadRequestError(keys.length === 1 ? errors[keys[0]] : "Periksa kembali isian Anda.", data);
}

/**
 * A JSON field of `record` as an object: {} when it is empty (an empty JSON field reads as the
 * text "null") or does not hold JSON.
 */
function jsonObject(record, name) {
  const raw = record.get(name);
  try {
    return (raw ? JSON.parse(toString(raw)) : null) || {};
  } catch (_) {
    return {};
  }
}

function byId(list, id) {
  for (let i = 0; i < list.length; i++) if (list[i].id === id) return list[i];
  return undefined;
}

// ------------------------------------------------------------------ context

function flowOf(data, record) {
  const service = portalLib().service(data, record.getString("layanan"));
  return { steps: service ? service.steps : [], statuses: data.statuses, roles: data.roles };
}

function reportFlowOf(data, record) {
  const type = byId(data.reportTypes, record.getString("jenis"));
  return { statuses: data.reportStatuses, roles: data.roles, stageRoles: type ? type.stageRoles : {} };
}

function stateOf(actor, record) {
  const isReport = record.collection().name === "laporan";
  const assignee = record.getString(isReport ? "ditugaskan_ke" : "petugas_lapangan");
  return { status: record.getString("status"), langkah: record.getInt("langkah"), assignedToMe: Boolean(actor.id) && assignee === actor.id };
}

/** The case, if this person may open it; otherwise the same 404 as a case that does not exist. */
function findCase(app, actor, kind, id) {
  if (kind !== "permohonan" && kind !== "laporan") throw new NotFoundError("Jenis kasus tidak dikenal.", {});
  const record = require(`${__hooks}/lib/db.js`).orNull(() => app.findRecordById(kind, id));
  if (!record || !staff().maySee(actor, record)) throw new NotFoundError("Kasus tidak ditemukan, atau tidak ditugaskan kepada Anda.", {});
  return record;
}

function personName(app, id) {
  if (!id) return null;
  const p = require(`${__hooks}/lib/db.js`).orNull(() => app.findRecordById("petugas", id));
  return p ? { id: p.id, nama: p.getString("nama") } : null;
}

// ------------------------------------------------------------------ flags

function nikRegion(nik) {
  return String(nik || "").slice(0, 4);
}

/** Server-computed flags on a request: the same NIK elsewhere, and a NIK from outside the area. */
function flagsOf(app, data, record) {
  if (record.collection().name !== "permohonan" || record.getBool("berkas_dihapus")) return [];
  const nik = record.getString("nik");
  const flags = [];
  const region = data.site.regionCode ? String(data.site.regionCode).replace(/\./g, "") : "";
  if (region && nik && nikRegion(nik) !== region) {
    flags.push({ kunci: "nik_luar_wilayah", pesan: "NIK terdaftar di luar wilayah kantor ini (kode wilayah " + nikRegion(nik) + ", bukan " + region + "). Periksa domisili pemohon.", terkait: [] });
  }
  const months = data.site.duplicateMonths || 12;
  const since = pbDate(new Date(Date.now() - months * 30.44 * 86400000));
  const others = app.findRecordsByFilter("permohonan", "nik = {:nik} && id != {:id} && berkas_dihapus = false", "-created", 50, 0, { nik: nik, id: record.id });
  const same = [];
  const services = [];
  for (let i = 0; i < others.length; i++) {
    const o = others[i];
    const status = byId(data.statuses, o.getString("status"));
    const service = portalLib().service(data, o.getString("layanan"));
    const item = { id: o.id, kode: o.getString("kode_lacak"), judul: service ? service.title : o.getString("layanan"), status_label: status ? status.label : o.getString("status") };
    const open = !status || !status.closed;
    if (o.getString("layanan") === record.getString("layanan") && (open || o.getString("created") >= since)) same.push(item);
    else if (o.getString("layanan") !== record.getString("layanan") && open) services.push(item);
  }
  if (same.length > 0) flags.push({ kunci: "nik_layanan_sama", pesan: "NIK yang sama punya permohonan " + (same.length === 1 ? "lain" : same.length + " lain") + " untuk layanan ini yang masih berjalan atau belum " + months + " bulan.", terkait: same });
  if (services.length > 0) flags.push({ kunci: "beberapa_layanan", pesan: "Orang yang sama sedang mengajukan " + services.length + " layanan lain.", terkait: services });
  return flags;
}

// ------------------------------------------------------------------ queues

const PAGE = 50;

/** Today in the office's time zone, as PocketBase date strings [start, end). */
function officeDay(data) {
  const offset = rules().zoneOffsetHours(data.site.timeZone) * 3600000;
  const start = new Date(Math.floor((Date.now() + offset) / 86400000) * 86400000 - offset);
  return { start: pbDate(start), end: pbDate(new Date(start.getTime() + 86400000)) };
}

/**
 * Whether the case waits for this person: they may take its next step, or, when that step is a
 * field worker's and nobody is assigned yet, they are the one who assigns.
 */
function waitsFor(data, actor, record) {
  const r = rules();
  const state = stateOf(actor, record);
  const isField = (role) => {
    const found = byId(data.roles, role);
    return Boolean(found && found.field);
  };
  if (record.collection().name === "laporan") {
    const ctx = reportFlowOf(data, record);
    const current = byId(data.reportStatuses, state.status);
    if (!current || current.closed) return false;
    for (let i = 0; i < current.next.length; i++) if (r.judgeReport(ctx, state, actor.roles, current.next[i]).allowed) return true;
    if (record.getString("ditugaskan_ke")) return false;
    const office = data.roles.filter((x) => x.account && x.cases && !x.field).map((x) => x.id);
    const officeMoves = current.next.some((n) => r.judgeReport(ctx, { status: state.status, assignedToMe: false }, office, n).allowed);
    return !officeMoves && r.judgeReportTask(ctx, state, actor.roles, "tugaskan").allowed;
  }
  const ctx = flowOf(data, record);
  const status = byId(data.statuses, state.status);
  if (status && status.meaning === "repair") return r.judge(ctx, state, actor.roles, "lanjutkan").allowed;
  if (r.judge(ctx, state, actor.roles, "langkah").allowed) return true;
  const step = ctx.steps[state.langkah];
  const fieldStep = Boolean(step && step.roles.length > 0 && step.roles.every(isField));
  return fieldStep && !record.getString("petugas_lapangan") && r.judge(ctx, state, actor.roles, "tugaskan").allowed;
}

function itemOf(app, data, actor, record, flags) {
  const isReport = record.collection().name === "laporan";
  const statuses = isReport ? data.reportStatuses : data.statuses;
  const status = byId(statuses, record.getString("status"));
  const kec = byId(data.kecamatan, record.getString("kecamatan"));
  const service = isReport ? null : portalLib().service(data, record.getString("layanan"));
  const type = isReport ? byId(data.reportTypes, record.getString("jenis")) : null;
  const assignee = record.getString(isReport ? "ditugaskan_ke" : "petugas_lapangan");
  return {
    id: record.id,
    jenis: isReport ? "laporan" : "permohonan",
    kode: record.getString("kode_lacak"),
    judul: isReport ? "Laporan: " + (type ? type.label : record.getString("jenis")) : service ? service.title : record.getString("layanan"),
    nama: isReport ? null : record.getString("nama_lengkap"),
    kecamatan: kec ? kec.name : record.getString("kecamatan"),
    status: record.getString("status"),
    status_label: status ? status.label : record.getString("status"),
    diajukan: iso(record.getString("created")),
    batas_tahap: iso(record.getString("batas_tahap")),
    terlambat: record.getBool("terlambat"),
    mendesak: isReport && record.getString("urgensi") === "mendesak",
    tanda: flags === undefined ? flagsOf(app, data, record).length : flags,
    menunggu_saya: waitsFor(data, actor, record),
    petugas_lapangan: personName(app, assignee),
  };
}

/** The search words as filters: a tracking code, a NIK, a phone number, or a name. */
function searchFilter(q, isReport) {
  const r = rules();
  const text = String(q || "").trim();
  if (!text) return null;
  const code = r.normaliseCode(text);
  if (code) return { expr: "kode_lacak = {:q}", params: { q: code } };
  const digits = text.replace(/[\s.\-()]/g, "");
  if (/^\+?[0-9]{6,16}$/.test(digits)) {
    if (/^[0-9]{16}$/.test(digits) && !isReport) return { expr: "(nik = {:q} || nomor_kk = {:q})", params: { q: digits } };
    // Phones are stored as +62…: 0812…, 62812… and +62812… all find the same number.
    const national = digits.replace(/^\+?62/, "").replace(/^0/, "");
    const field = isReport ? "telepon_pelapor" : "telepon";
    return { expr: field + " ~ {:q}", params: { q: national } };
  }
  if (isReport) return { expr: "(desa_kelurahan ~ {:q} || patokan ~ {:q})", params: { q: text } };
  return { expr: "(nama_lengkap ~ {:q} || nama_pengaju ~ {:q})", params: { q: text } };
}

function queue(app, actor, query) {
  const data = portalLib().required();
  const get = (k) => String(query.get(k) || "").trim();
  const kind = get("jenis") === "laporan" ? "laporan" : "permohonan";
  const isReport = kind === "laporan";
  const parts = [];
  const params = {};
  const access = actor.record.getString("akses_kasus");
  if (access === "tidak") throw new ForbiddenError("Peran Anda tidak membuka permohonan dan laporan.", {});
  if (access === "ditugaskan") {
    parts.push((isReport ? "ditugaskan_ke" : "petugas_lapangan") + " = {:me}");
    params.me = actor.id;
  }
  if (get("layanan") && !isReport) {
    parts.push("layanan = {:layanan}");
    params.layanan = get("layanan");
  }
  if (get("layanan") && isReport) {
    parts.push("jenis = {:layanan}");
    params.layanan = get("layanan");
  }
  if (get("kecamatan")) {
    parts.push("kecamatan = {:kecamatan}");
    params.kecamatan = get("kecamatan");
  }
  if (get("status")) {
    parts.push("status = {:status}");
    params.status = get("status");
  }
  if (get("terlambat") === "1") parts.push("terlambat = true");
  // The "Batas tahap hari ini" card's list: the stage is due within today (office time).
  if (get("jatuh_tempo") === "1") {
    const day = officeDay(data);
    parts.push("batas_tahap >= {:hari_mulai} && batas_tahap < {:hari_akhir}");
    params.hari_mulai = day.start;
    params.hari_akhir = day.end;
  }
  if (get("mendesak") === "1" && isReport) parts.push("urgensi = 'mendesak'");
  const open = get("status") ? null : "ditutup = ''";
  if (open && get("q") === "") parts.push(open);
  const search = searchFilter(get("q"), isReport);
  if (search) {
    parts.push(search.expr);
    for (const k in search.params) params[k] = search.params[k];
  }
  const filter = parts.join(" && ");
  const sort = isReport ? "-urgensi,created" : "created";
  let page = Number(get("halaman") || "1");
  if (!Number.isInteger(page) || page < 1) page = 1;
  let records = app.findRecordsByFilter(kind, filter, sort, 0, 0, params);
  if (get("untuk_saya") === "1") records = records.filter((r) => waitsFor(data, actor, r));
  const total = records.length;
  const slice = records.slice((page - 1) * PAGE, page * PAGE);
  const statuses = (isReport ? data.reportStatuses : data.statuses).map((s) => ({ id: s.id, label: s.label, jenis: kind }));
  return {
    total: total,
    halaman: page,
    jumlah_halaman: Math.max(1, Math.ceil(total / PAGE)),
    per_halaman: PAGE,
    item: slice.map((r) => itemOf(app, data, actor, r)),
    pilihan: {
      layanan: isReport ? data.reportTypes.map((t) => ({ id: t.id, label: t.label })) : data.services.filter((s) => s.onlineApplication).map((s) => ({ id: s.id, label: s.title })),
      kecamatan: data.kecamatan.map((k) => ({ id: k.id, label: k.name })),
      status: statuses,
    },
  };
}

/** The first screen: counts one click from their lists, urgent reports, and what waits for me. */
function today(app, actor) {
  const data = portalLib().required();
  const access = actor.record.getString("akses_kasus");
  const cards = [];
  const mine = (kind) => (access === "ditugaskan" ? " && " + (kind === "laporan" ? "ditugaskan_ke" : "petugas_lapangan") + " = {:me}" : "");
  const params = { me: actor.id };
  const open = "ditutup = ''";
  if (access === "tidak") return { kartu: [], mendesak: [], menunggu_saya: [] };
  const day = officeDay(data);
  const initial = data.statuses.find((s) => s.meaning === "initial");
  const count = (kind, filter, extra) => app.countRecords(kind, $dbx.exp(filter + mine(kind), Object.assign({}, params, extra || {})));
  const permohonan = app.findRecordsByFilter("permohonan", open + mine("permohonan").replace(/\{:me\}/, "{:me}"), "created", 0, 0, params);
  const laporan = app.findRecordsByFilter("laporan", open + mine("laporan"), "-urgensi,created", 0, 0, params);
  const waiting = permohonan.concat(laporan).filter((r) => waitsFor(data, actor, r));
  cards.push({ kunci: "menunggu_saya", label: "Menunggu tindakan saya", jumlah: waiting.length, query: { untuk_saya: "1" } });
  if (access === "semua" && initial) cards.push({ kunci: "baru", label: "Permohonan baru", jumlah: permohonan.filter((r) => r.getString("status") === initial.id).length, query: { status: initial.id } });
  const due = permohonan.filter((r) => {
    const b = r.getString("batas_tahap");
    return b && b >= day.start && b < day.end;
  }).length;
  cards.push({ kunci: "jatuh_tempo", label: "Batas tahap hari ini", jumlah: due, query: { jatuh_tempo: "1" } });
  cards.push({ kunci: "terlambat", label: "Terlambat", jumlah: permohonan.filter((r) => r.getBool("terlambat")).length, query: { terlambat: "1" } });
  const urgent = laporan.filter((r) => r.getString("urgensi") === "mendesak");
  cards.push({ kunci: "laporan_mendesak", label: "Laporan mendesak", jumlah: urgent.length, query: { jenis: "laporan", mendesak: "1" } });
  return {
    kartu: cards,
    mendesak: urgent.slice(0, 10).map((r) => itemOf(app, data, actor, r)),
    menunggu_saya: waiting.slice(0, 20).map((r) => itemOf(app, data, actor, r)),
  };
}

module.exports = { iso: iso, pbDate: pbDate, fieldErrors: fieldErrors, jsonObject: jsonObject, byId: byId, flowOf: flowOf, reportFlowOf: reportFlowOf, stateOf: stateOf, findCase: findCase, personName: personName, flagsOf: flagsOf, queue: queue, today: today, itemOf: itemOf, waitsFor: waitsFor };
