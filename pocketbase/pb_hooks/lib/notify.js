// Messages to applicants and reporters (issue 14). Every message goes through the outbox
// (`pesan_keluar`):
// - enqueue: written by chain.append in the same transaction as the history entry that causes it,
//   with a unique key per (record, history entry, event): an event makes exactly one row;
// - send: a cron (notify.pb.js) claims a due row (status menunggu → mengirim with a lease, in its
//   own committed transaction), sends it through the channel's adapter, then marks it. A failure
//   the provider may recover from (5xx, 429, timeout) waits base·2^(n−1) seconds; a refusal (4xx)
//   or the last attempt goes to the staff's "Belum terhubungi" queue;
// - crash: a row still "mengirim" after its lease ran out was claimed by a process that died
//   between sending and marking. Whether it went out is unknown, so it is never sent again
//   automatically: it becomes "tidak_pasti" and staff check it. Each event is sent at most once;
//   an adapter that can ask its provider by key (`sentBefore`) settles it instead.
// Text comes from content/reference/notifications.yaml and holds only the code, the service, the
// stage and what to do next: never a NIK, a name, a document's content or a staff note.

function rules() {
  return require(`${__hooks}/lib/rules.generated.js`);
}
function portal() {
  return require(`${__hooks}/lib/portal.js`);
}

const QUEUE_STATUSES = ["gagal", "tidak_pasti", "manual"];

function pbDate(d) {
  return d.toISOString().replace("T", " ");
}

function envNumber(name, fallback) {
  const raw = String($os.getenv(name) || "").trim();
  const n = Number(raw);
  return raw && isFinite(n) && n > 0 ? n : fallback;
}

/** Timing settings (environment; README "Configuration"). */
function timing() {
  return {
    timeout: envNumber("PORTAL_PESAN_TIMEOUT_DETIK", 15),
    base: envNumber("PORTAL_PESAN_JEDA_DETIK", 60),
    cap: envNumber("PORTAL_PESAN_JEDA_MAKS_DETIK", 6 * 3600),
    lease: envNumber("PORTAL_PESAN_SEWA_DETIK", 120),
  };
}

// ------------------------------------------------------------------ adapters
// An adapter: { id, channel, send(app, message) }, message = { to, subject, text, key };
// send answers { ok: true, providerId } or { ok: false, retry, error } and never throws.
// Optional `sentBefore(app, key)` (true/false/null) lets the worker settle a crashed send.
// Add a provider (an Indonesian WhatsApp gateway, an SMS gateway) as one more factory below:
// it reads its own environment and answers null when not configured.

/** Short, personal-data-free description of a provider answer. */
function providerError(res) {
  let detail = "";
  try {
    const err = res.json && res.json.error;
    if (err) detail = String(err.code || "") + (err.message ? " " + String(err.message) : "");
  } catch (_) {
    detail = "";
  }
  // Runs of 8+ digits (a phone number echoed back) are masked; error codes stay readable.
  return ("HTTP " + res.statusCode + (detail ? ": " + detail : "")).replace(/\d{8,}/g, "…").slice(0, 300);
}

/** The approved-template form of an outbox row's message ({ name, language, parameters }), or null. */
function templateOf(row) {
  const raw = row.get("templat");
  if (!raw) return null;
  const value = JSON.parse(toString(raw));
  return value && value.name ? value : null;
}

/**
 * WhatsApp Business Cloud API (Meta): POST /{version}/{phone-number-id}/messages. Free text by
 * default, which WhatsApp delivers only within 24 hours of the person's last message to the office;
 * with PORTAL_WA_CLOUD_TEMPLATES=1 every message that content gives a template goes as that
 * approved template (type "template", the values as body parameters), deliverable at any time.
 */
function whatsappCloud() {
  const token = String($os.getenv("PORTAL_WA_CLOUD_TOKEN") || "").trim();
  const phoneId = String($os.getenv("PORTAL_WA_CLOUD_PHONE_NUMBER_ID") || "").trim();
  if (!token || !phoneId) return null;
  const base = String($os.getenv("PORTAL_WA_CLOUD_API_URL") || "https://graph.facebook.com").replace(/\/+$/, "");
  const version = String($os.getenv("PORTAL_WA_CLOUD_API_VERSION") || "v21.0").trim();
  const useTemplates = String($os.getenv("PORTAL_WA_CLOUD_TEMPLATES") || "").trim() === "1";
  return {
    id: "whatsapp-cloud",
    channel: "whatsapp",
    send: (app, message) => {
      let res;
      try {
        res = $http.send({
          method: "POST",
          url: base + "/" + version + "/" + encodeURIComponent(phoneId) + "/messages",
          headers: { Authorization: "Bearer " + token, "Content-Type": "application/json" },
          body: JSON.stringify(
            useTemplates && message.template
              ? {
                  messaging_product: "whatsapp",
                  recipient_type: "individual",
                  to: String(message.to).replace(/^\+/, ""),
                  type: "template",
                  template: {
                    name: message.template.name,
                    language: { code: message.template.language },
                    components: [{ type: "body", parameters: message.template.parameters.map((text) => ({ type: "text", text: text || "-" })) }],
                  },
                }
              : {
                  messaging_product: "whatsapp",
                  recipient_type: "individual",
                  to: String(message.to).replace(/^\+/, ""),
                  type: "text",
                  text: { preview_url: false, body: message.text },
                },
          ),
          timeout: timing().timeout,
        });
      } catch (err) {
        // Timeout or no connection: the provider may or may not have it; retried later.
        return { ok: false, retry: true, error: ("Tidak terhubung ke WhatsApp Cloud API: " + String(err && err.message ? err.message : err)).replace(/\d{8,}/g, "…").slice(0, 300) };
      }
      if (res.statusCode >= 200 && res.statusCode < 300) {
        const id = res.json && res.json.messages && res.json.messages[0] ? String(res.json.messages[0].id || "") : "";
        return { ok: true, providerId: id };
      }
      return { ok: false, retry: res.statusCode >= 500 || res.statusCode === 429 || res.statusCode === 408, error: providerError(res) };
    },
  };
}

/** Email through PocketBase's own mailer (admin UI → Settings → Mail settings). */
function email(app) {
  const settings = app.settings();
  if (!settings.smtp.enabled) return null;
  return {
    id: "smtp",
    channel: "email",
    send: (a, message) => {
      try {
        a.newMailClient().send(
          new MailerMessage({
            from: { address: settings.meta.senderAddress, name: settings.meta.senderName },
            to: [{ address: message.to }],
            subject: message.subject,
            text: message.text,
            headers: { "X-Portal-Kunci": message.key },
          }),
        );
        return { ok: true, providerId: "" };
      } catch (err) {
        return { ok: false, retry: true, error: ("SMTP: " + String(err && err.message ? err.message : err)).replace(/\d{8,}/g, "…").slice(0, 300) };
      }
    },
  };
}

const FACTORIES = [whatsappCloud, email];

/** The configured adapter for a channel, or null (the message then waits for staff). */
function adapterFor(app, channel) {
  for (let i = 0; i < FACTORIES.length; i++) {
    const adapter = FACTORIES[i](app);
    if (adapter && adapter.channel === channel) return adapter;
  }
  return null;
}

// ------------------------------------------------------------------ enqueue

/** Who hears of this record, and how: { channel, to } or null. */
function recipientOf(record) {
  const r = rules();
  if (record.collection().name === "laporan") {
    // A reporter with a mobile number who is not anonymous hears back like an applicant
    // (WhatsApp unless they chose SMS).
    if (record.getBool("anonim")) return null;
    const phone = record.getString("telepon_pelapor");
    return r.defaultChannel(phone) ? { channel: record.getString("saluran_pesan") || "whatsapp", to: phone } : null;
  }
  const phone = record.getString("telepon");
  const channel = record.getString("saluran_pesan") || r.defaultChannel(phone);
  if (!channel) return null;
  if (channel === "email") {
    const address = record.getString("surel").trim();
    return address ? { channel: "email", to: address } : null;
  }
  return r.defaultChannel(phone) ? { channel: channel, to: phone } : null;
}

function appUrl(app) {
  return String(app.settings().meta.appURL || "").replace(/\/+$/, "");
}

/** The message text of one event for this record (content's template, public facts only). */
function render(app, data, record, event) {
  const r = rules();
  const isReport = record.collection().name === "laporan";
  const template = data.notifications.templates[event];
  const statuses = isReport ? data.reportStatuses : data.statuses;
  const status = statuses.find((s) => s.id === record.getString("status"));
  let title = "";
  if (isReport) {
    const type = data.reportTypes.find((t) => t.id === record.getString("jenis"));
    title = type ? type.label : "";
  } else {
    const service = portal().service(data, record.getString("layanan"));
    title = service ? service.title : "";
  }
  const wanted = isReport ? [] : record.get("dokumen_perbaikan") || [];
  const labels = [];
  for (let i = 0; i < wanted.length; i++) {
    const doc = data.documentTypes.find((d) => d.id === String(wanted[i]));
    labels.push(doc ? doc.label : String(wanted[i]));
  }
  const code = record.getString("kode_lacak");
  const values = {
    kantor: data.site.officeName,
    jenis: isReport ? "laporan" : "permohonan",
    kode: code,
    layanan: title,
    tahap: status ? status.label : record.getString("status"),
    dokumen: labels.join(", "),
    tautan: appUrl(app) + "/lacak/?kode=" + encodeURIComponent(code),
    tautan_survei: appUrl(app) + "/survei/?kode=" + encodeURIComponent(code),
  };
  // The same values for the office's approved WhatsApp template, in its {{1}}, {{2}}, … order.
  const whatsapp = template.whatsapp ? { name: template.whatsapp.name, language: template.whatsapp.language || "id", parameters: template.whatsapp.parameters.map((p) => String(values[p] || "")) } : null;
  return { subject: r.renderTemplate(template.subject, values), text: r.renderTemplate(template.text, values), whatsapp: whatsapp };
}

/**
 * Called by chain.append for every history entry, inside its transaction: the messages this entry
 * causes, one outbox row each. The unique key makes a replayed entry enqueue nothing new.
 */
function enqueueFor(app, parent, entry) {
  return saveMessages(app, messagesFor(app, parent, entry));
}

function saveMessages(app, rows) {
  for (let i = 0; i < rows.length; i++) app.save(rows[i]);
  return rows.length;
}

/** The outbox rows (unsaved) an entry causes: chain.prepareFirst builds them before its transaction. */
function messagesFor(app, parent, entry) {
  const data = portal().required();
  if (!data.notifications) return [];
  const isReport = parent.collection().name === "laporan";
  const events = rules().eventsOf(isReport ? data.reportStatuses : data.statuses, {
    jenis: entry.getString("jenis"),
    urutan: entry.getInt("urutan"),
    status_dari: entry.getString("status_dari"),
    status: entry.getString("status"),
  });
  if (events.length === 0) return [];
  // Reports have no repair or field visit the reporter must act on.
  const wanted = isReport ? events.filter((e) => e !== "perbaikan" && e !== "kunjungan") : events;
  const to = recipientOf(parent);
  if (!to || wanted.length === 0) return [];
  const collection = app.findCollectionByNameOrId("pesan_keluar");
  const rows = [];
  for (let i = 0; i < wanted.length; i++) {
    const message = render(app, data, parent, wanted[i]);
    const row = new Record(collection);
    row.set(isReport ? "laporan" : "permohonan", parent.id);
    row.set("kode_lacak", parent.getString("kode_lacak"));
    row.set("peristiwa", wanted[i]);
    row.set("saluran", to.channel);
    row.set("tujuan", to.to);
    row.set("subjek", message.subject);
    row.set("teks", message.text);
    if (to.channel === "whatsapp" && message.whatsapp) row.set("templat", message.whatsapp);
    row.set("status", "menunggu");
    row.set("percobaan", 0);
    row.set("kunci", parent.collection().name + ":" + parent.id + ":" + entry.getInt("urutan") + ":" + wanted[i]);
    rows.push(row);
  }
  return rows;
}

// ------------------------------------------------------------------ send

/** Rows whose sender died mid-send (lease over): settled by the adapter, else "tidak_pasti". */
function settleAbandoned(app, now) {
  const rows = app.findRecordsByFilter("pesan_keluar", "status = 'mengirim' && sewa_sampai < {:now}", "created", 100, 0, { now: pbDate(now) });
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const adapter = adapterFor(app, row.getString("saluran"));
    const known = adapter && adapter.sentBefore ? adapter.sentBefore(app, row.getString("kunci")) : null;
    if (known === true) {
      row.set("status", "terkirim");
      row.set("terkirim_pada", pbDate(now));
    } else if (known === false) {
      row.set("status", "menunggu");
    } else {
      row.set("status", "tidak_pasti");
      row.set("galat", "Server berhenti saat pesan sedang dikirim; mungkin sudah terkirim. Periksa dengan penerima sebelum mengirim ulang.");
    }
    app.save(row);
  }
  return rows.length;
}

/** Takes a due row for this sender: menunggu → mengirim, committed before anything is sent. */
function claim(app, id, now, leaseSeconds) {
  let claimed = null;
  app.runInTransaction((tx) => {
    const row = tx.findRecordById("pesan_keluar", id);
    if (row.getString("status") !== "menunggu") return;
    row.set("status", "mengirim");
    row.set("percobaan", row.getInt("percobaan") + 1);
    row.set("sewa_sampai", pbDate(new Date(now.getTime() + leaseSeconds * 1000)));
    tx.save(row);
    claimed = row;
  });
  return claimed;
}

/**
 * One pass of the sender: settle abandoned sends, then send what is due (at most `limit`).
 * `now` is the clock (tests pass one outside the quiet hours). Answers counts per outcome.
 */
function processDue(app, now, limit) {
  const data = portal().required();
  const r = rules();
  const t = timing();
  const counts = { terkirim: 0, dicoba_lagi: 0, gagal: 0, manual: 0, jam_tenang: 0, tidak_pasti: 0 };
  counts.tidak_pasti = settleAbandoned(app, now);
  if (!data.notifications) return counts;
  const offset = r.zoneOffsetHours(data.site.timeZone);
  const quiet = r.inQuietHours(now, data.notifications.quietHours, offset);
  const due = app.findRecordsByFilter("pesan_keluar", "status = 'menunggu' && (coba_setelah = '' || coba_setelah <= {:now})", "created", limit || 50, 0, { now: pbDate(now) });
  for (let i = 0; i < due.length; i++) {
    const channel = due[i].getString("saluran");
    const adapter = adapterFor(app, channel);
    if (!adapter) {
      // No provider: staff send it themselves from the workspace ("Kirim lewat WhatsApp").
      due[i].set("status", "manual");
      due[i].set("galat", "Belum ada penyedia " + channel + " yang diatur.");
      app.save(due[i]);
      counts.manual++;
      continue;
    }
    if (quiet && channel !== "email") {
      due[i].set("coba_setelah", pbDate(r.quietHoursEnd(now, data.notifications.quietHours, offset)));
      app.save(due[i]);
      counts.jam_tenang++;
      continue;
    }
    const row = claim(app, due[i].id, now, t.lease);
    if (!row) continue;
    const result = adapter.send(app, { to: row.getString("tujuan"), subject: row.getString("subjek"), text: row.getString("teks"), key: row.getString("kunci"), template: templateOf(row) });
    app.runInTransaction((tx) => {
      const fresh = tx.findRecordById("pesan_keluar", row.id);
      // Another pass settled it meanwhile (lease over): keep what it found unless we now know.
      if (fresh.getString("status") !== "mengirim" && !(result.ok && fresh.getString("status") === "tidak_pasti")) return;
      if (result.ok) {
        fresh.set("status", "terkirim");
        fresh.set("id_penyedia", result.providerId || "");
        fresh.set("terkirim_pada", pbDate(new Date()));
        fresh.set("galat", "");
        counts.terkirim++;
      } else if (result.retry && fresh.getInt("percobaan") < data.notifications.maxAttempts) {
        fresh.set("status", "menunggu");
        fresh.set("coba_setelah", pbDate(new Date(now.getTime() + r.retryDelaySeconds(fresh.getInt("percobaan"), t.base, t.cap) * 1000)));
        fresh.set("galat", result.error);
        counts.dicoba_lagi++;
      } else {
        fresh.set("status", "gagal");
        fresh.set("galat", result.error);
        counts.gagal++;
      }
      fresh.set("sewa_sampai", "");
      tx.save(fresh);
    });
  }
  return counts;
}

// ------------------------------------------------------------------ staff

// The staff's view of a message (labels, links, visibility) is src/lib/server/messages.ts.
function server() {
  return require(`${__hooks}/lib/server.generated.js`);
}

function parentOf(app, row) {
  const kind = row.getString("permohonan") ? "permohonan" : "laporan";
  try {
    return { kind: kind, record: app.findRecordById(kind, row.getString(kind)) };
  } catch (_) {
    return null;
  }
}

/** `MessagesDb` over this app's database. */
function messagesDb(app) {
  return {
    staffName: function (id) {
      try {
        return app.findRecordById("petugas", id).getString("nama");
      } catch (_) {
        return null;
      }
    },
  };
}

/** A `pesan_keluar` record as src/lib/server/messages.ts `MessageRow`. */
function messageRow(row) {
  const s = (k) => row.getString(k);
  return { id: row.id, kode_lacak: s("kode_lacak"), peristiwa: s("peristiwa"), saluran: s("saluran"), status: s("status"), teks: s("teks"), tujuan: s("tujuan"), subjek: s("subjek"), percobaan: row.getInt("percobaan"), galat: s("galat"), created: s("created"), terkirim_pada: s("terkirim_pada"), dikirim_oleh: s("dikirim_oleh") };
}

function viewOf(app, row, parent) {
  return server().pesanItem(messagesDb(app), messageRow(row), { kind: parent.kind, id: parent.record.id });
}

/** "Belum terhubungi": failed, uncertain and unsendable messages of the cases this person may see. */
function queue(app, actor) {
  const rows = app.findRecordsByFilter("pesan_keluar", "status = 'gagal' || status = 'tidak_pasti' || status = 'manual'", "created", 500, 0);
  const db = messagesDb(app);
  const byId = {};
  db.parent = function (m) {
    const record = byId[m.id];
    const parent = parentOf(app, record);
    if (!parent) return null;
    return { kind: parent.kind, id: parent.record.id, assignee: parent.record.getString(parent.kind === "laporan" ? "ditugaskan_ke" : "petugas_lapangan") };
  };
  return server().pesanAntrean(
    db,
    actor,
    rows.map((r) => {
      byId[r.id] = r;
      return messageRow(r);
    }),
  );
}

/** Every message about one case, newest first (the case page: delivery you can see). */
function caseMessages(app, record) {
  const kind = record.collection().name === "laporan" ? "laporan" : "permohonan";
  const rows = app.findRecordsByFilter("pesan_keluar", kind + " = {:id}", "-created", 100, 0, { id: record.id });
  return rows.map((row) => viewOf(app, row, { kind: kind, record: record }));
}

/** Staff sent it themselves (wa.me, phone call, email): recorded with who and when. */
function markSentByStaff(app, actor, id) {
  const staff = require(`${__hooks}/lib/staff.js`);
  // No such message is a 404 below; a database failure is not (lib/db.js).
  const row = require(`${__hooks}/lib/db.js`).orNull(() => app.findRecordById("pesan_keluar", id));
  const parent = row ? parentOf(app, row) : null;
  if (!row || !parent || !staff.maySee(actor, parent.record)) throw new NotFoundError("Pesan tidak ditemukan, atau kasusnya tidak ditugaskan kepada Anda.", {});
  if (QUEUE_STATUSES.indexOf(row.getString("status")) < 0) throw new BadRequestError("Pesan ini sudah tidak menunggu petugas (" + (server().MESSAGE_STATUS_LABELS[row.getString("status")] || "") + ").", {});
  row.set("status", "dikirim_petugas");
  row.set("dikirim_oleh", actor.id);
  row.set("terkirim_pada", pbDate(new Date()));
  app.save(row);
  return viewOf(app, row, parent);
}

/** Retention: the recipient's number or address goes with the request's personal data. */
function forget(app, record) {
  const field = record.collection().name === "laporan" ? "laporan" : "permohonan";
  app
    .db()
    .newQuery("UPDATE pesan_keluar SET tujuan = '' WHERE " + field + " = {:id}")
    .bind({ id: record.id })
    .execute();
}

module.exports = { enqueueFor: enqueueFor, messagesFor: messagesFor, saveMessages: saveMessages, processDue: processDue, queue: queue, caseMessages: caseMessages, markSentByStaff: markSentByStaff, forget: forget, adapterFor: adapterFor, render: render, QUEUE_STATUSES: QUEUE_STATUSES };
