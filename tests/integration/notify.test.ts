// Notifications (issue 14): the outbox, the WhatsApp Cloud API adapter against a local stand-in
// that checks the documented request shape, retries with exponential backoff, quiet hours, email
// through PocketBase's mailer to a real SMTP sink, the staff's "Belum terhubungi" queue, and the
// privacy of every message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { startTestPocketBase, type TestPocketBase } from '../support/pocketbase';
import { startFakeWhatsApp, waEnv, WA_TOKEN, type FakeWhatsApp } from '../support/whatsapp-cloud';
import { startSmtpSink, type SmtpSink } from '../support/smtp';
import { sampleApplicationForm, SAMPLE_PERSON, SAMPLE_PERSONAL_STRINGS, personalValuesIn } from '../support/application';
import { advance, assignFieldStep, portalOf, staffTeam, type StaffAccount } from '../support/staff';
import { FINISHED, REPAIR, content } from '../support/records';
import { statusOf } from '../support/http';
import { loadContentFiles } from '../../src/lib/content-files';
import { CONTENT_DIR } from '../support/content';
import { zoneOffsetHours } from '../../src/lib/rules/working-time';
import { clockMinutes } from '../../src/lib/rules/notify';
import type { Kasus, PesanAntrean } from '../../src/lib/api/petugas';

const notifications = loadContentFiles(CONTENT_DIR).notifications!;
const roles = portalOf().roles.filter((r) => r.account);
/** An office role that handles every case, and a field role that sees only its own. */
const OFFICE_ROLE = roles.find((r) => r.cases && !r.field)!.id;
const FIELD_ROLE = roles.find((r) => r.field)!.id;
const OFFSET_H = zoneOffsetHours(content.site[0]!.data.timeZone);
const BASE_S = 1;

/** An instant at `minutes` after midnight office time, today (UTC date), plus `plusMs`. */
function officeClock(minutes: number, plusMs = 0): Date {
  const d = new Date();
  const midnight = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - OFFSET_H * 3_600_000;
  return new Date(midnight + minutes * 60_000 + plusMs);
}
/** Midway between the end and the start of the quiet hours: daytime for any office. */
const from = clockMinutes(notifications.quietHours.from);
const to = clockMinutes(notifications.quietHours.to);
const DAY = Math.round(from > to ? (to + from) / 2 : (to + from + 1440) / 2) % 1440;
const NIGHT = from;

let pb: TestPocketBase;
let wa: FakeWhatsApp;
let smtp: SmtpSink;
let team: Record<string, StaffAccount>;
const INTERNAL = 'CATATAN-DALAM-RAHASIA nomor rumah 77';

interface Row {
  id: string;
  peristiwa: string;
  saluran: string;
  status: string;
  teks: string;
  subjek: string;
  percobaan: number;
  galat: string;
  coba_setelah: string;
  id_penyedia: string;
  tujuan: string;
  kunci: string;
}

async function rowsOf(code: string): Promise<Row[]> {
  return (await pb.admin.collection('pesan_keluar').getFullList({ filter: pb.admin.filter('kode_lacak = {:k}', { k: code }), sort: 'created' })) as unknown as Row[];
}

async function runSender(now: Date): Promise<Record<string, number>> {
  return pb.admin.send('/api/pesan-keluar/proses', { method: 'POST', body: { sekarang: now.toISOString() } });
}

async function applyWith(overrides: Record<string, string> = {}): Promise<{ code: string; id: string }> {
  const res = await fetch(`${pb.url}/api/collections/permohonan/records`, { method: 'POST', body: sampleApplicationForm(overrides) });
  const body = (await res.json()) as { kode_lacak: string; data?: unknown };
  if (res.status !== 200) throw new Error(`permohonan ditolak: ${res.status} ${JSON.stringify(body)}`);
  const rec = await pb.admin.collection('permohonan').getFirstListItem(pb.admin.filter('kode_lacak = {:k}', { k: body.kode_lacak }));
  return { code: body.kode_lacak, id: rec.id };
}

/** Sends every pending message of other tests out of the way, so each test counts its own. */
async function drain(): Promise<void> {
  wa.script = [];
  await runSender(officeClock(DAY, 10 * 86_400_000));
}

beforeAll(async () => {
  wa = await startFakeWhatsApp();
  smtp = await startSmtpSink();
  pb = await startTestPocketBase({ env: waEnv(wa, { PORTAL_PESAN_JEDA_DETIK: String(BASE_S), PORTAL_PESAN_TIMEOUT_DETIK: '1', PORTAL_PESAN_OTOMATIS: '0' }) });
  await pb.admin.settings.update({
    rateLimits: { enabled: false },
    meta: { appURL: 'https://layanan.contoh.go.id', senderAddress: 'layanan@contoh.go.id', senderName: 'Portal Layanan' },
    smtp: { enabled: true, host: smtp.host, port: smtp.port, tls: false },
  });
  team = await staffTeam(pb);
}, 60_000);

afterAll(async () => {
  await pb?.stop();
  await wa?.close();
  await smtp?.close();
});

describe('the outbox', () => {
  it('holds the arrival message, and nobody but a superuser reads it through the API', async () => {
    const { code } = await applyWith();
    const rows = await rowsOf(code);
    expect(rows.map((r) => [r.peristiwa, r.saluran, r.status])).toEqual([['diterima', 'whatsapp', 'menunggu']]);
    expect(rows[0]!.teks).toContain(code);
    const guest = pb.guest();
    expect(await statusOf(guest.collection('pesan_keluar').getList(1, 1))).toBe(403);
    expect(await statusOf(guest.collection('pesan_keluar').getOne(rows[0]!.id))).toBe(403);
    for (const account of Object.values(team)) {
      expect(await statusOf(account.client.collection('pesan_keluar').getList(1, 1)), account.roles.join()).toBe(403);
    }
    expect(await statusOf(guest.send('/api/pesan-keluar/proses', { method: 'POST' }))).toBe(403);
  });
});

describe('the WhatsApp Cloud API adapter', () => {
  it('sends the documented request and records the wamid', async () => {
    await drain();
    const { code } = await applyWith();
    const before = wa.requests.length;
    const counts = await runSender(officeClock(DAY));
    expect(counts['terkirim']).toBe(1);
    const sent = wa.requests.slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.problems).toEqual([]);
    expect(sent[0]!.to).toBe(`62${SAMPLE_PERSON.telepon.replace(/\D/g, '').slice(1)}`);
    expect(sent[0]!.body).toContain(code);
    expect(sent[0]!.body).toContain('https://layanan.contoh.go.id/lacak/?kode=');
    const [row] = await rowsOf(code);
    expect(row!.status).toBe('terkirim');
    expect(row!.id_penyedia).toMatch(/^wamid\./);
    // Sent once: another pass sends nothing more.
    await runSender(officeClock(DAY, 60_000));
    expect(wa.requests.length).toBe(before + 1);
  });

  it('retries a 5xx with exponential backoff, then delivers', async () => {
    await drain();
    const { code } = await applyWith();
    const before = wa.requests.length;
    wa.script = [{ kind: 'error', status: 500 }, { kind: 'error', status: 503 }];
    const t0 = officeClock(DAY);
    expect((await runSender(t0))['dicoba_lagi']).toBe(1);
    let [row] = await rowsOf(code);
    expect(row!.status).toBe('menunggu');
    expect(row!.galat).toContain('HTTP 500');
    expect(new Date(row!.coba_setelah.replace(' ', 'T')).getTime() - t0.getTime()).toBe(BASE_S * 1000);
    // Not before its time.
    await runSender(new Date(t0.getTime() + BASE_S * 1000 - 100));
    expect(wa.requests.length).toBe(before + 1);
    const t1 = new Date(t0.getTime() + BASE_S * 1000);
    expect((await runSender(t1))['dicoba_lagi']).toBe(1);
    [row] = await rowsOf(code);
    // The second wait is twice the first.
    expect(new Date(row!.coba_setelah.replace(' ', 'T')).getTime() - t1.getTime()).toBe(2 * BASE_S * 1000);
    await runSender(new Date(t1.getTime() + 2 * BASE_S * 1000 - 100));
    expect(wa.requests.length).toBe(before + 2);
    expect((await runSender(new Date(t1.getTime() + 2 * BASE_S * 1000)))['terkirim']).toBe(1);
    [row] = await rowsOf(code);
    expect([row!.status, row!.percobaan]).toEqual(['terkirim', 3]);
    expect(wa.requests.length).toBe(before + 3);
  });

  it('retries a timeout, and gives up after the attempts content allows', async () => {
    await drain();
    const { code } = await applyWith();
    const before = wa.requests.length;
    wa.script = Array.from({ length: notifications.maxAttempts }, () => ({ kind: 'hang' as const, ms: 2500 }));
    let now = officeClock(DAY);
    for (let attempt = 1; attempt <= notifications.maxAttempts; attempt++) {
      await runSender(now);
      const [row] = await rowsOf(code);
      expect(row!.percobaan).toBe(attempt);
      expect(row!.galat).toContain('Tidak terhubung');
      if (attempt < notifications.maxAttempts) {
        expect(row!.status).toBe('menunggu');
        now = new Date(row!.coba_setelah.replace(' ', 'T'));
      } else expect(row!.status).toBe('gagal');
    }
    expect(wa.requests.length - before).toBe(notifications.maxAttempts);
  }, 60_000);

  it('does not retry a 4xx: the message goes to "Belum terhubungi" at once', async () => {
    await drain();
    const { code, id } = await applyWith();
    wa.script = [{ kind: 'error', status: 400 }];
    expect((await runSender(officeClock(DAY)))['gagal']).toBe(1);
    const [row] = await rowsOf(code);
    expect([row!.status, row!.percobaan]).toEqual(['gagal', 1]);
    expect(row!.galat).toContain('HTTP 400');
    expect(row!.galat).toContain('131030');
    const office = team[OFFICE_ROLE]!;
    const queue = await (await fetch(`${pb.url}/api/petugas/pesan`, { headers: { Authorization: office.client.authStore.token } })).json();
    const item = (queue as PesanAntrean).items.find((i) => i.id === row!.id);
    expect(item?.kasus.id).toBe(id);
    expect(item?.wa_me).toMatch(/^https:\/\/wa\.me\/62\d+\?text=/);
  });

  it('keeps quiet hours: nothing by WhatsApp at night, sent when they end', async () => {
    await drain();
    const { code } = await applyWith();
    const before = wa.requests.length;
    const night = officeClock(NIGHT, 5 * 60_000);
    expect((await runSender(night))['jam_tenang']).toBe(1);
    expect(wa.requests.length).toBe(before);
    const [row] = await rowsOf(code);
    const end = new Date(row!.coba_setelah.replace(' ', 'T'));
    const local = new Date(end.getTime() + OFFSET_H * 3_600_000);
    expect(local.getUTCHours() * 60 + local.getUTCMinutes()).toBe(to);
    expect(end.getTime()).toBeGreaterThan(night.getTime());
    expect((await runSender(end))['terkirim']).toBe(1);
  });
});

describe('the applicant chooses the channel', () => {
  it('refuses an unknown channel and email without an address, with Indonesian messages', async () => {
    for (const [fields, field] of [
      [{ saluran_pesan: 'faks' }, 'saluran_pesan'],
      [{ saluran_pesan: 'email', surel: '' }, 'surel'],
      [{ saluran_pesan: 'email', surel: 'bukan-surel' }, 'surel'],
      [{ saluran_pesan: 'sms', telepon: '0717-92566' }, 'saluran_pesan'],
      // Hostile: a header injected into the mail, an address far too long, invisible characters.
      [{ saluran_pesan: 'email', surel: 'a@contoh.id\r\nBcc: semua@contoh.id' }, 'surel'],
      [{ saluran_pesan: 'email', surel: `${'a'.repeat(5000)}@contoh.id` }, 'surel'],
      [{ saluran_pesan: 'email', surel: 'a\u202e@contoh.id' }, 'surel'],
      [{ saluran_pesan: 'email', surel: 'a@contoh.id' }, null],
    ] as const) {
      const res = await fetch(`${pb.url}/api/collections/permohonan/records`, { method: 'POST', body: sampleApplicationForm({ ...fields }) });
      const body = (await res.json()) as { data: Record<string, { message: string }> };
      if (field === null) {
        expect(res.status, JSON.stringify(body)).toBe(200);
        continue;
      }
      expect(res.status, JSON.stringify(fields)).toBe(400);
      expect(body.data[field]?.message, JSON.stringify(body)).toMatch(/[a-z]/);
      expect(body.data[field]?.message).not.toMatch(/invalid|required|must/i);
    }
  });

  it('email goes through PocketBase mailer to the SMTP server', async () => {
    await drain();
    const address = `pemohon-${randomUUID().slice(0, 8)}@contoh.id`;
    const { code } = await applyWith({ saluran_pesan: 'email', surel: address });
    const since = smtp.mails.length;
    // Email keeps no quiet hours.
    expect((await runSender(officeClock(NIGHT, 60_000)))['terkirim']).toBe(1);
    const mail = await smtp.next(address, since);
    expect(mail.text).toContain(code);
    expect(mail.text).toMatch(/Subject: .*/);
    const [row] = await rowsOf(code);
    expect([row!.saluran, row!.status]).toEqual(['email', 'terkirim']);
  });

  it('without a provider (SMS here), staff send it by WhatsApp from the queue, and that is recorded', async () => {
    await drain();
    const { code } = await applyWith({ saluran_pesan: 'sms' });
    expect((await runSender(officeClock(DAY)))['manual']).toBe(1);
    const [row] = await rowsOf(code);
    expect(row!.status).toBe('manual');
    const office = team[OFFICE_ROLE]!;
    const headers = { Authorization: office.client.authStore.token };
    const queue = (await (await fetch(`${pb.url}/api/petugas/pesan`, { headers })).json()) as PesanAntrean;
    const item = queue.items.find((i) => i.id === row!.id)!;
    expect(decodeURIComponent(item.wa_me!.split('?text=')[1]!)).toBe(row!.teks);
    expect(decodeURIComponent(item.sms!.split('?body=')[1]!)).toBe(row!.teks);
    // A field worker not assigned to it sees neither the message nor may mark it.
    const field = team[FIELD_ROLE]!;
    const theirs = (await (await fetch(`${pb.url}/api/petugas/pesan`, { headers: { Authorization: field.client.authStore.token } })).json()) as PesanAntrean;
    expect(theirs.items.map((i) => i.id)).not.toContain(row!.id);
    const refused = await fetch(`${pb.url}/api/petugas/pesan/${row!.id}/terkirim`, { method: 'POST', headers: { Authorization: field.client.authStore.token } });
    expect(refused.status).toBe(404);
    // No such message: a 404 in Indonesian, not a database error.
    const unknown = await fetch(`${pb.url}/api/petugas/pesan/tidakada1234567/terkirim`, { method: 'POST', headers });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { message: string }).message).toMatch(/Pesan tidak ditemukan/);
    const res = await fetch(`${pb.url}/api/petugas/pesan/${row!.id}/terkirim`, { method: 'POST', headers });
    expect(res.status).toBe(200);
    const after = (await pb.admin.collection('pesan_keluar').getOne(row!.id)) as unknown as Row & { dikirim_oleh: string; permohonan: string };
    expect([after.status, after.dikirim_oleh]).toEqual(['dikirim_petugas', office.id]);
    const again = (await (await fetch(`${pb.url}/api/petugas/pesan`, { headers })).json()) as PesanAntrean;
    expect(again.items.map((i) => i.id)).not.toContain(row!.id);
    // The case page lists it, with who sent it.
    const kasus = (await (await fetch(`${pb.url}/api/petugas/kasus/permohonan/${after.permohonan}`, { headers })).json()) as Kasus;
    expect(kasus.pesan.find((m) => m.id === row!.id)).toMatchObject({ status: 'dikirim_petugas', dikirim_oleh: office.nama });
  });
});

describe('every step reaches the applicant, and no message carries anything private', () => {
  it('repair, field visit, decision, completion and the survey invitation, once each', async () => {
    await drain();
    const { code, id } = await applyWith();
    const internal = () => INTERNAL;
    await advance(pb, 'permohonan', id, REPAIR, { internal });
    await advance(pb, 'permohonan', id, 'verifikasi_berkas', { internal });
    await assignFieldStep(pb, id, CONTENT_DIR, { catatan_internal: INTERNAL });
    await advance(pb, 'permohonan', id, FINISHED, { internal });
    const rows = await rowsOf(code);
    const events = rows.map((r) => r.peristiwa);
    for (const e of ['diterima', 'perbaikan', 'kunjungan', 'diputus', 'selesai', 'survei']) expect(events, e).toContain(e);
    // One row per event and history entry: the keys never repeat.
    expect(new Set(rows.map((r) => r.kunci)).size).toBe(rows.length);
    const repair = rows.find((r) => r.peristiwa === 'perbaikan')!;
    const docs = content.documentTypes.map((d) => d.data.label);
    expect(docs.some((label) => repair.teks.includes(label))).toBe(true);
    for (const r of rows) {
      const text = `${r.subjek}\n${r.teks}`;
      expect(personalValuesIn(text, [...SAMPLE_PERSONAL_STRINGS, INTERNAL, 'Alasan tertulis untuk pemohon']), r.peristiwa).toEqual([]);
      expect(text).not.toMatch(/\d{16}/);
      expect(text).toContain(code);
    }
    await runSender(officeClock(DAY, 20 * 86_400_000));
    expect((await rowsOf(code)).every((r) => r.status === 'terkirim')).toBe(true);
  }, 60_000);

  it('an anonymous report gets no message; a reporter who gave a number gets WhatsApp', async () => {
    const form = (anonim: boolean, extra: Record<string, string> = {}) => {
      const f = new FormData();
      const values: Record<string, string> = {
        jenis: content.reportTypes[0]!.id,
        urgensi: 'biasa',
        kecamatan: content.kecamatan[0]!.id,
        desa_kelurahan: 'Desa Umum',
        patokan: 'Dekat pasar lama',
        deskripsi: 'Keterangan singkat laporan uji.',
        anonim: String(anonim),
        nama_pelapor: anonim ? '' : 'Pelapor Uji',
        telepon_pelapor: anonim ? '' : '0812-1111-2222',
        persetujuan_versi: content.site[0]!.data.privacyNoticeVersion,
        id_pengiriman: randomUUID(),
        ...extra,
      };
      for (const [k, v] of Object.entries(values)) f.append(k, v);
      return f;
    };
    const codes: string[] = [];
    for (const anonim of [true, false]) {
      const res = await fetch(`${pb.url}/api/collections/laporan/records`, { method: 'POST', body: form(anonim) });
      expect(res.status).toBe(200);
      codes.push(((await res.json()) as { kode_lacak: string }).kode_lacak);
    }
    expect(await rowsOf(codes[0]!)).toEqual([]);
    const rows = await rowsOf(codes[1]!);
    expect(rows.map((r) => [r.peristiwa, r.saluran, r.tujuan])).toEqual([['diterima', 'whatsapp', '+6281211112222']]);
    expect(rows[0]!.teks).toContain('laporan');
 
    // A reporter may choose SMS instead; email is not offered for reports, and a choice needs a mobile number.
    const sms = await fetch(`${pb.url}/api/collections/laporan/records`, { method: 'POST', body: form(false, { saluran_pesan: 'sms' }) });
    expect(sms.status).toBe(200);
    const smsRows = await rowsOf(((await sms.json()) as { kode_lacak: string }).kode_lacak);
    expect(smsRows.map((r) => r.saluran)).toEqual(['sms']);
    for (const extra of [{ saluran_pesan: 'email' }, { saluran_pesan: 'whatsapp', telepon_pelapor: '0717-92566' }]) {
      const refused = await fetch(`${pb.url}/api/collections/laporan/records`, { method: 'POST', body: form(false, extra) });
      const body = (await refused.json()) as { data: Record<string, { message: string }> };
      expect(refused.status, JSON.stringify(extra)).toBe(400);
      expect(body.data['saluran_pesan']?.message, JSON.stringify(body)).toMatch(/WhatsApp/);
    }
  });

  it('PocketBase output holds neither the provider token nor a recipient', () => {
    const output = pb.logs.join('\n');
    expect(output).not.toContain(WA_TOKEN);
    expect(personalValuesIn(output, [...SAMPLE_PERSONAL_STRINGS, '0812-1111-2222'])).toEqual([]);
  });
});

describe('approved WhatsApp templates (PORTAL_WA_CLOUD_TEMPLATES=1)', () => {
  // WhatsApp delivers free text only within 24 hours of the person's last message; an office that
  // registered the templates content names sends every status message as its template.
  let tpb: TestPocketBase;
  beforeAll(async () => {
    tpb = await startTestPocketBase({ env: waEnv(wa, { PORTAL_WA_CLOUD_TEMPLATES: '1', PORTAL_PESAN_OTOMATIS: '0' }) });
    await tpb.admin.settings.update({ rateLimits: { enabled: false }, meta: { appURL: 'https://layanan.contoh.go.id' } });
  }, 60_000);
  afterAll(async () => {
    await tpb?.stop();
  });

  it('sends the arrival as the content’s template, its values in order, with nothing private', async () => {
    const template = notifications.templates.diterima.whatsapp;
    expect(template, 'content/reference/notifications.yaml: templates.diterima.whatsapp').toBeDefined();
    const res = await fetch(`${tpb.url}/api/collections/permohonan/records`, { method: 'POST', body: sampleApplicationForm() });
    const code = ((await res.json()) as { kode_lacak: string }).kode_lacak;
    wa.script = [];
    const before = wa.requests.length;
    const counts = await tpb.admin.send('/api/pesan-keluar/proses', { method: 'POST', body: { sekarang: officeClock(DAY).toISOString() } });
    expect(counts['terkirim']).toBe(1);
    const [sent] = wa.requests.slice(before);
    expect(sent!.problems).toEqual([]);
    const prefix = `template:${template!.name}:`;
    expect(sent!.body.startsWith(prefix), sent!.body).toBe(true);
    const parameters = sent!.body.slice(prefix.length).split('|');
    expect(parameters).toHaveLength(template!.parameters.length);
    expect(parameters[template!.parameters.indexOf('kode')]).toBe(code);
    expect(personalValuesIn(sent!.body, SAMPLE_PERSONAL_STRINGS)).toEqual([]);
  });
});
