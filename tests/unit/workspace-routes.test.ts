// The staff workspace's queue logic (src/lib/server/workspace.ts) on plain data: who a case waits
// for, what a queue row shows to whom, the filters a query becomes, the flags, colleagues and the
// access log. The routes themselves run against a real PocketBase in tests/integration
// (workspace-queue, petugas-isolation, petugas-roles). Roles, services and statuses come from content/.
import { describe, expect, it } from 'vitest';
import { buildPortalData } from '../../src/lib/portal-data';
import { judge } from '../../src/lib/rules/sop-flow';
import type { Refusals } from '../../src/lib/server/common';
import { antrean, flagsOf, flowOf, hariIni, logAkses, maySee, rekan, searchFilter, waitsFor, type Actor, type CaseRow, type SameNikRow, type WorkspaceDb } from '../../src/lib/server/workspace';
import { actionsFor, kasus, kunjungan, letterRevokers, mayOpenDocument, openableDocuments, type CaseFile, type CaseViewDb } from '../../src/lib/server/case-view';
import { reportAction, requestAction, type CaseActionDb } from '../../src/lib/server/case-actions';
import { pesanAntrean, pesanItem, type MessageRow } from '../../src/lib/server/messages';
import { actorLabel, caseAccessOf, hasPower } from '../../src/lib/server/petugas';
import { initialsOf, letterDraft, lettersOnStatus, revocation, scanProblem } from '../../src/lib/server/surat';
import { reuploadFiles, reuploadTarget } from '../../src/lib/server/reupload';
import { loadContent } from '../support/content';

const data = buildPortalData(loadContent());
const NOW = new Date('2026-11-23T03:00:00Z');
const service = data.services.find((s) => s.onlineApplication && s.steps.length > 1)!;
const initial = data.statuses.find((s) => s.meaning === 'initial')!;
const closed = data.statuses.find((s) => s.closed)!;
const fieldRole = data.roles.find((r) => r.account && r.field)!;
// A role that may record the service's first open step, and one that may not.
const ctx = flowOf(data, service.id);
const state = { status: initial.id, langkah: 1, assignedToMe: false };
const officeRoles = data.roles.filter((r) => r.account && r.cases && !r.field);
const stepper = officeRoles.find((r) => judge(ctx, state, [r.id], 'langkah').allowed)!;
const bystander = officeRoles.find((r) => !judge(ctx, state, [r.id], 'langkah').allowed && !judge(ctx, state, [r.id], 'tugaskan').allowed);

const actor = (roles: string[], access: string, id = 'staff1'): Actor => ({ admin: false, id, roles, label: 'X', access });

const row = (over: Partial<CaseRow> = {}): CaseRow => ({
  kind: 'permohonan',
  id: 'r1',
  kode_lacak: `${data.site.trackingPrefix}-7K3-MQ9-XPW`,
  status: initial.id,
  langkah: 1,
  layanan: service.id,
  jenis: '',
  assignee: '',
  nama_lengkap: 'Siti Aminah',
  nik: data.site.regionCode.replace(/\./g, '') + '010101010001',
  kecamatan: data.kecamatan[0]!.id,
  created: '2026-11-20 01:00:00.000Z',
  batas_tahap: '',
  terlambat: false,
  berkas_dihapus: false,
  urgensi: '',
  ...over,
});

class Refused extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}
const refuse: Refusals = {
  badRequest: (m, fields) => new Refused(400, m, fields),
  forbidden: (m, fields) => new Refused(403, m, fields),
  tooMany: (m) => new Refused(429, m),
};

/** A WorkspaceDb over fixed rows, recording each query. */
function db(rows: CaseRow[], same: SameNikRow[] = []) {
  const calls: { kind: string; filter: string; params: Record<string, string> }[] = [];
  const store: WorkspaceDb = {
    cases: (kind, filter, _sort, params) => (calls.push({ kind, filter, params }), rows.filter((r) => r.kind === kind)),
    person: (id) => (id ? { id, nama: 'Budi' } : null),
    sameNik: () => same,
  };
  return { store, calls };
}

describe('who a case waits for', () => {
  it('waits for a role that may take the next SOP step, not for one that may not', () => {
    expect(waitsFor(data, actor([stepper.id], 'semua'), row())).toBe(true);
    if (bystander) expect(waitsFor(data, actor([bystander.id], 'semua'), row())).toBe(false);
  });
  it('a field worker sees only cases assigned to them', () => {
    const worker = actor([fieldRole.id], 'ditugaskan', 'w1');
    expect(maySee(worker, row({ assignee: 'w1' }))).toBe(true);
    expect(maySee(worker, row({ assignee: 'w2' }))).toBe(false);
    expect(maySee(worker, row())).toBe(false);
    expect(maySee(actor([stepper.id], 'tidak'), row())).toBe(false);
    expect(maySee({ admin: true, id: '', roles: [], label: 'a', access: '' }, row())).toBe(false);
  });
});

describe('GET /api/petugas/antrean', () => {
  it('refuses a role without case access, in Indonesian', () => {
    const { store } = db([]);
    expect(() => antrean(store, data, actor([stepper.id], 'tidak'), () => '', refuse, NOW)).toThrow('Peran Anda tidak membuka permohonan dan laporan.');
  });
  it("limits a field worker's query to cases assigned to them, and open cases by default", () => {
    const { store, calls } = db([row({ assignee: 'w1' })]);
    const answer = antrean(store, data, actor([fieldRole.id], 'ditugaskan', 'w1'), () => '', refuse, NOW);
    expect(calls).toEqual([{ kind: 'permohonan', filter: "petugas_lapangan = {:me} && ditutup = ''", params: { me: 'w1' } }]);
    expect(answer.total).toBe(1);
    expect(answer.item[0]!.petugas_lapangan).toEqual({ id: 'w1', nama: 'Budi' });
    expect(answer.pilihan.layanan.every((l) => data.services.some((s) => s.id === l.id && s.onlineApplication))).toBe(true);
  });
  it('pages by 50 and keeps only what waits for me when asked', () => {
    const rows = Array.from({ length: 60 }, (_, i) => row({ id: `r${i}`, langkah: i % 2 === 0 ? 1 : 0, status: i % 2 === 0 ? initial.id : closed.id }));
    const { store } = db(rows);
    const all = antrean(store, data, actor([stepper.id], 'semua'), (k) => (k === 'halaman' ? '2' : ''), refuse, NOW);
    expect([all.total, all.jumlah_halaman, all.item.length, all.halaman]).toEqual([60, 2, 10, 2]);
    const mine = antrean(store, data, actor([stepper.id], 'semua'), (k) => (k === 'untuk_saya' ? '1' : ''), refuse, NOW);
    expect(mine.item.every((i) => i.menunggu_saya)).toBe(true);
    expect(mine.total).toBe(rows.filter((r) => waitsFor(data, actor([stepper.id], 'semua'), r)).length);
  });
  it('a report row carries no name', () => {
    const report = row({ kind: 'laporan', layanan: '', jenis: data.reportTypes[0]!.id, status: data.reportStatuses[0]!.id, urgensi: 'mendesak', nama_lengkap: '' });
    const { store } = db([report]);
    const answer = antrean(store, data, actor([stepper.id], 'semua'), (k) => (k === 'jenis' ? 'laporan' : ''), refuse, NOW);
    expect(answer.item[0]).toMatchObject({ jenis: 'laporan', nama: null, mendesak: true, judul: `Laporan: ${data.reportTypes[0]!.label}` });
  });
});

describe('the search words', () => {
  it('find a code, a NIK or KK, a phone in any form, or a name', () => {
    expect(searchFilter(`${data.site.trackingPrefix.toLowerCase()} 7k3 mq9 xpw`, false)).toEqual({ expr: 'kode_lacak = {:q}', params: { q: `${data.site.trackingPrefix}-7K3-MQ9-XPW` } });
    expect(searchFilter('1901 0101 0101 0001', false)).toEqual({ expr: '(nik = {:q} || nomor_kk = {:q})', params: { q: '1901010101010001' } });
    for (const phone of ['0812-3456-7890', '+62 812 3456 7890', '6281234567890']) expect(searchFilter(phone, false)).toEqual({ expr: 'telepon ~ {:q}', params: { q: '81234567890' } });
    expect(searchFilter('0812 3456 7890', true)!.expr).toBe('telepon_pelapor ~ {:q}');
    expect(searchFilter('Siti', false)!.expr).toBe('(nama_lengkap ~ {:q} || nama_pengaju ~ {:q})');
    expect(searchFilter('  ', false)).toBeNull();
  });
});

describe('flags', () => {
  it('name a NIK from outside the area and the same NIK on another open request', () => {
    const other: SameNikRow = { id: 'o1', kode_lacak: 'X', layanan: service.id, status: initial.id, created: '2026-11-01 01:00:00.000Z' };
    const flags = flagsOf({ sameNik: () => [other] }, data, row({ nik: '9999010101010001' }), NOW);
    expect(flags.map((f) => f.kunci)).toEqual(['nik_luar_wilayah', 'nik_layanan_sama']);
    expect(flags[1]!.terkait).toEqual([{ id: 'o1', kode: 'X', judul: service.title, status_label: initial.label }]);
  });
  it('none on a report or on a request whose files were deleted, without a query', () => {
    const never = { sameNik: (): SameNikRow[] => { throw new Error('no query expected'); } };
    expect(flagsOf(never, data, row({ kind: 'laporan' }), NOW)).toEqual([]);
    expect(flagsOf(never, data, row({ berkas_dihapus: true }), NOW)).toEqual([]);
  });
});

describe('GET /api/petugas/hari-ini', () => {
  it('has no cards for a role without case access, and two queries otherwise', () => {
    expect(hariIni(db([]).store, data, actor([stepper.id], 'tidak'), NOW)).toEqual({ kartu: [], mendesak: [], menunggu_saya: [] });
    const { store, calls } = db([row(), row({ id: 'r2', terlambat: true })]);
    const answer = hariIni(store, data, actor([stepper.id], 'semua'), NOW);
    expect(calls.map((c) => c.kind)).toEqual(['permohonan', 'laporan']);
    expect(answer.kartu.find((k) => k.kunci === 'terlambat')!.jumlah).toBe(1);
    expect(answer.kartu.find((k) => k.kunci === 'baru')!.jumlah).toBe(2);
  });
});

describe('colleagues and the access log', () => {
  it('suggest field workers covering the kecamatan first', () => {
    const kec = data.kecamatan[0]!.id;
    const people = [
      { id: 'a', nama: 'Andi', roles: [fieldRole.id], kecamatan: [] },
      { id: 'z', nama: 'Zaenab', roles: [fieldRole.id], kecamatan: [kec] },
      { id: 'o', nama: 'Office', roles: [stepper.id], kecamatan: [kec] },
    ];
    const out = rekan({ activeStaff: () => people }, data, actor([stepper.id], 'semua'), row({ kind: 'laporan', jenis: data.reportTypes[0]!.id, kecamatan: kec }));
    expect(out.map((p) => [p.id, p.disarankan])).toEqual([['z', true], ['a', false]]);
    expect(out[0]!.peran).toBe(fieldRole.label);
  });
  it('pages the access log by 50', () => {
    const asked: number[][] = [];
    const log = logAkses({ count: () => 120, page: (size, offset) => (asked.push([size, offset]), [{ created: '2026-11-23 01:00:00.000Z', nama: 'A', kode_lacak: 'K', koleksi: 'permohonan', dokumen: 'ktp', ditolak: true }]) }, 3);
    expect(asked).toEqual([[50, 100]]);
    expect(log).toMatchObject({ total: 120, halaman: 3, jumlah_halaman: 3 });
    expect(log.item[0]).toEqual({ waktu: '2026-11-23T01:00:00.000Z', oleh: 'A', kode: 'K', jenis: 'permohonan', dokumen: 'ktp', ditolak: true });
    expect(logAkses({ count: () => 0, page: () => [] }, -1).halaman).toBe(1);
  });
});

// ------------------------------------------------------------------ the case file

const fileOf = (over: Partial<CaseFile> = {}): CaseFile => ({
  ...row(),
  nomor_kk: '1901010101010002',
  tanggal_lahir: '1980-01-01 00:00:00.000Z',
  telepon: '+6281234567890',
  desa_kelurahan: 'Desa A',
  alamat: 'Jl. Melati 1',
  pemohon_adalah: 'diri_sendiri',
  nama_pengaju: 'Ahmad',
  hubungan: 'anak',
  nik_pengaju: '1901010101010003',
  jawaban_kelayakan: {},
  pemeriksaan_dokumen: {},
  dokumen_perbaikan: [],
  berkas: Object.fromEntries(service.documents.map((d) => [d.key, `${d.key}.jpg`])),
  hasil_verifikasi: '',
  tanggal_verifikasi: '',
  catatan_verifikasi: '',
  foto_verifikasi: [],
  lokasi_kunjungan: null,
  nama_pelapor: '',
  telepon_pelapor: '',
  deskripsi: '',
  patokan: '',
  lintang: null,
  bujur: null,
  anonim: false,
  diteruskan_ke: [],
  unit_tujuan: '',
  penanganan: [],
  penanganan_pilihan: [],
  foto: [],
  ...over,
});

/** A CaseViewDb with one internal note and one letter, recording each query. */
function viewDb() {
  const calls: string[] = [];
  const store: CaseViewDb = {
    person: (id) => (calls.push('person'), id ? { id, nama: 'Budi' } : null),
    sameNik: () => (calls.push('sameNik'), []),
    history: (kind) => (calls.push(`history ${kind}`), [{ created: '2026-11-20 01:00:00.000Z', jenis: 'langkah', status: initial.id, petugas: 'Rina', catatan_publik: '', catatan_internal: 'rahasia', langkah: 1 }]),
    messages: () => (calls.push('messages'), []),
    versions: () => (calls.push('versions'), {}),
    letters: () => (calls.push('letters'), [{ id: 'l1', nomor: '1', judul: 'Surat', status: 'berlaku', tanggal: '2026-11-21 01:00:00.000Z', templat: '', pindaian: '' }]),
  };
  return { store, calls };
}

describe('GET /api/petugas/kasus/{jenis}/{id}', () => {
  it('gives an office role the NIK, KK, internal notes, flags and letters', () => {
    const { store, calls } = viewDb();
    const body = kasus(store, data, actor([stepper.id], 'semua'), fileOf(), NOW);
    expect(body.orang).toMatchObject({ nik: row().nik, nomor_kk: '1901010101010002', nama_pengaju: 'Ahmad' });
    expect(body.riwayat[0]!.catatan_internal).toBe('rahasia');
    expect(body.langkah[1]!.dicatat).toEqual({ oleh: 'Rina', waktu: '2026-11-20T01:00:00.000Z' });
    expect(body.surat).toHaveLength(1);
    expect(body.kelayakan).toHaveLength(service.questions.length);
    expect(calls).toContain('sameNik');
  });
  it("gives a field worker only what a home visit needs: no NIK, KK, birth date, answers, internal notes, flags or letters, and only their roles' documents", () => {
    const { store, calls } = viewDb();
    const worker = actor([fieldRole.id], 'ditugaskan', 'w1');
    const body = kasus(store, data, worker, fileOf({ assignee: 'w1' }), NOW);
    expect(body.orang).toMatchObject({ nik: null, nomor_kk: null, tanggal_lahir: null, pemohon_adalah: null, nama_pengaju: null, hubungan: null, nik_pengaju: null });
    expect(body.riwayat[0]!.catatan_internal).toBe('');
    expect([body.kelayakan, body.tanda, body.surat]).toEqual([[], [], []]);
    expect(calls).not.toContain('sameNik');
    expect(calls).not.toContain('letters');
    const allowed = openableDocuments(data, worker)!;
    expect(allowed).toEqual([...new Set(data.roles.filter((r) => r.id === fieldRole.id).flatMap((r) => r.documents))]);
    expect(body.dokumen.every((d) => allowed.includes(d.kunci))).toBe(true);
    expect(openableDocuments(data, actor([stepper.id], 'semua'))).toBeNull();
  });
  it('offers a note on an open case, and lets only deciding or signing roles revoke a letter', () => {
    const actions = actionsFor(data, actor([stepper.id], 'semua'), fileOf());
    expect(actions.map((a) => a.aksi)).toContain('catatan');
    expect(actions.find((a) => a.aksi === 'langkah')?.keterangan).toBe(service.steps[1]!.activity);
    expect(actionsFor(data, actor([stepper.id], 'semua'), fileOf({ status: closed.id })).map((a) => a.aksi)).not.toContain('catatan');
    const revokers = letterRevokers(data, service.id, '');
    const body = kasus(viewDb().store, data, actor([stepper.id], 'semua'), fileOf(), NOW);
    expect(body.surat[0]!.boleh_cabut).toBe(revokers.includes(stepper.id));
  });
  it("lists a field worker's visits whose next step is theirs", () => {
    const worker = actor([fieldRole.id], 'ditugaskan', 'w1');
    const visits = kunjungan(data, worker, [fileOf({ assignee: 'w1' })], []);
    const mayStep = judge(flowOf(data, service.id), { status: initial.id, langkah: 1, assignedToMe: true }, [fieldRole.id], 'langkah').allowed;
    expect(visits.length).toBe(mayStep ? 1 : 0);
  });
});

// ------------------------------------------------------------------ actions

/** A CaseActionDb with no earlier sends and one active field worker, recording each question. */
function actionDb(earlier = false) {
  const asked: string[] = [];
  const db: CaseActionDb = {
    earlierSend: (id) => (asked.push(`earlier ${id}`), earlier),
    staffMember: (id) => (asked.push(`staff ${id}`), id === 'w1' ? { aktif: true, roles: [fieldRole.id] } : null),
    photoProblem: () => (asked.push('photos'), null),
  };
  return { db, asked };
}
const fieldsOf = (run: () => unknown): Record<string, string> => {
  try {
    run();
  } catch (err) {
    if (err instanceof Refused) return err.fields;
    throw err;
  }
  throw new Error('expected a refusal');
};

describe('POST /api/petugas/kasus/{jenis}/{id}/aksi', () => {
  const office = actor([stepper.id], 'semua');
  it('records the next SOP step as a plan for the hook to save, naming the role used', () => {
    const { db, asked } = actionDb();
    const out = requestAction(db, data, office, fileOf(), { aksi: 'langkah' }, refuse, NOW);
    if (!('plan' in out)) throw new Error('expected a plan');
    expect(out.plan).toMatchObject({ kind: 'langkah', role: stepper.id, step: 1, photos: true, asked: [] });
    expect(out.plan.answer.ulang).toBe(false);
    expect(asked).toEqual(['photos']);
  });
  it('answers a send already recorded with the case as it stands, judging nothing', () => {
    const { db } = actionDb(true);
    const out = requestAction(db, data, actor([fieldRole.id], 'ditugaskan', 'w9'), fileOf(), { aksi: 'tolak', id_pengiriman: 'abcdefghijklmnop1234' }, refuse, NOW);
    expect(out).toEqual({ resent: { status: initial.id, status_label: initial.label, langkah: 1, ulang: true } });
  });
  it('refuses an unknown action, a role the SOP does not name, and a refusal without a reason, in Indonesian', () => {
    expect(() => requestAction(actionDb().db, data, office, fileOf(), { aksi: 'hapus' }, refuse, NOW)).toThrow('Tindakan tidak dikenal.');
    const worker = actor([fieldRole.id], 'ditugaskan', 'w1');
    expect(() => requestAction(actionDb().db, data, worker, fileOf({ assignee: 'w1' }), { aksi: 'tolak', catatan_publik: 'x'.repeat(20) }, refuse, NOW)).toThrow(Refused);
    const decider = data.roles.find((r) => judge(ctx, state, [r.id], 'tolak').allowed);
    if (decider) {
      const errors = fieldsOf(() => requestAction(actionDb().db, data, actor([decider.id], 'semua'), fileOf(), { aksi: 'tolak', catatan_publik: 'pendek' }, refuse, NOW));
      expect(errors.catatan_publik).toMatch(/paling sedikit 10 karakter/);
    }
  });
  it('asks a report status change for a status, and a closed report takes no note', () => {
    const report = fileOf({ kind: 'laporan', layanan: '', jenis: data.reportTypes[0]!.id, status: data.reportStatuses[0]!.id });
    expect(fieldsOf(() => reportAction(actionDb().db, data, office, report, { aksi: 'status' }, refuse))).toEqual({ status: 'Pilih status baru laporan.' });
    const closedReport = data.reportStatuses.find((x) => x.closed)!;
    expect(() => reportAction(actionDb().db, data, office, { ...report, status: closedReport.id }, { aksi: 'catatan', catatan_internal: 'catatan' }, refuse)).toThrow('Laporan sudah ditutup; catatan baru tidak dapat ditambahkan.');
  });
});

// ------------------------------------------------------------------ messages

describe('the messages staff send by hand', () => {
  const message = (over: Partial<MessageRow> = {}): MessageRow => ({ id: 'm1', kode_lacak: 'K', peristiwa: 'diterima', saluran: 'sms', status: 'gagal', teks: 'Halo & selamat', tujuan: '+6281234567890', subjek: 'S', percobaan: 2, galat: 'x', created: '2026-11-23 01:00:00.000Z', terkirim_pada: '', dikirim_oleh: '', ...over });
  const names = { staffName: (id: string) => (id === 's1' ? 'Rina' : null) };
  it('offer wa.me and sms links for a phone, a mailto for an email, with the status in words', () => {
    const sms = pesanItem(names, message(), { kind: 'permohonan', id: 'r1' });
    expect(sms).toMatchObject({ status_label: 'Gagal dikirim', sms: 'sms:+6281234567890?body=Halo%20%26%20selamat', mailto: null, dibuat: '2026-11-23T01:00:00.000Z', terkirim: null, dikirim_oleh: null });
    expect(sms.wa_me).toMatch(/^https:\/\/wa\.me\/6281234567890\?text=/);
    const mail = pesanItem(names, message({ saluran: 'email', tujuan: 'a@b.id', dikirim_oleh: 's1' }), { kind: 'laporan', id: 'l1' });
    expect(mail).toMatchObject({ wa_me: null, sms: null, mailto: 'mailto:a@b.id?subject=S&body=Halo%20%26%20selamat', dikirim_oleh: 'Rina', kasus: { jenis: 'laporan', id: 'l1', kode: 'K' } });
  });
  it("list only the messages of cases the person may see", () => {
    const parents: Record<string, { kind: 'permohonan'; id: string; assignee: string } | null> = { m1: { kind: 'permohonan', id: 'r1', assignee: 'w1' }, m2: { kind: 'permohonan', id: 'r2', assignee: 'w2' }, m3: null };
    const db = { ...names, parent: (row: MessageRow) => parents[row.id] ?? null };
    const rows = ['m1', 'm2', 'm3'].map((id) => message({ id }));
    expect(pesanAntrean(db, actor([fieldRole.id], 'ditugaskan', 'w1'), rows).items.map((i) => i.id)).toEqual(['m1']);
    expect(pesanAntrean(db, actor([stepper.id], 'semua'), rows).items.map((i) => i.id)).toEqual(['m1', 'm2']);
  });
});

// ------------------------------------------------------------------ roles

describe('what follows from the roles', () => {
  it('case access: office roles all cases, field roles their own, others none', () => {
    expect(caseAccessOf(data, [stepper.id])).toBe('semua');
    expect(caseAccessOf(data, [fieldRole.id])).toBe('ditugaskan');
    expect(caseAccessOf(data, [fieldRole.id, stepper.id])).toBe('semua');
    const noCases = data.roles.find((r) => r.account && !r.field && !r.cases);
    if (noCases) expect(caseAccessOf(data, [noCases.id])).toBe('tidak');
    expect(caseAccessOf(data, [])).toBe('tidak');
  });
  it('powers come from roles.yaml, and the history names the person with every role', () => {
    for (const role of data.roles) for (const power of role.can) expect(hasPower(data, [role.id], power)).toBe(true);
    expect(hasPower(data, [fieldRole.id], 'log-akses')).toBe(fieldRole.can.includes('log-akses'));
    expect(actorLabel(data, 'Rina', [stepper.id, fieldRole.id])).toBe(`Rina, ${stepper.label} dan ${fieldRole.label}`);
  });
  it('a field role opens only the documents its roles need, and the photos', () => {
    const worker = actor([fieldRole.id], 'ditugaskan', 'w1');
    const other = data.documentTypes.find((d) => !fieldRole.documents.includes(d.id))!;
    expect(mayOpenDocument(data, worker, other.id)).toBe(false);
    for (const d of fieldRole.documents) expect(mayOpenDocument(data, worker, d)).toBe(true);
    expect(mayOpenDocument(data, worker, 'foto_verifikasi')).toBe(true);
    expect(mayOpenDocument(data, actor([stepper.id], 'semua'), other.id)).toBe(true);
  });
});

// ------------------------------------------------------------------ letters

describe('letters: issuing and revoking', () => {
  const template = data.letters[0];
  it('a status change issues the templates content/letters/ names, numbered and filled in', () => {
    if (!template) return;
    const to = template.onStatus[0]!;
    const layanan = template.services[0] ?? service.id;
    expect(lettersOnStatus(data, layanan, to, to)).toEqual([]);
    expect(lettersOnStatus(data, layanan, initial.id, to).map((t) => t.id)).toContain(template.id);
    const draft = letterDraft(data, template, { nama_lengkap: 'Sumarni Binti Kasim', layanan, kode_lacak: 'K', catatan_publik: '' }, 7, { year: 2026, text: '30 November 2026' }, { role: 'Kepala Dinas', name: 'Budi' });
    expect(draft.nomor).toContain('007');
    expect(draft.inisial).toBe('S. B. K.');
    expect(draft.isi.tanda_tangan[0]).toEqual({ label: 'Kepala Dinas', nama: 'Budi' });
    expect(JSON.stringify(draft.isi)).not.toMatch(/\{(nama|layanan|kode|tanggal|kantor)\}/);
  });
  it('only a deciding or signing role revokes, once, with a reason of 10 characters or more', () => {
    const allowed = letterRevokers(data, service.id, template?.id ?? '');
    const revoker = actor([allowed[0]!], 'semua');
    const letter = { status: 'berlaku', templat: template?.id ?? '' };
    const other = data.roles.find((r) => !allowed.includes(r.id))!;
    expect(() => revocation(data, actor([other.id], 'semua'), letter, service.id, { alasan: 'x'.repeat(20) }, refuse)).toThrow(/^Surat hanya dapat dicabut oleh /);
    expect(() => revocation(data, revoker, { ...letter, status: 'dicabut' }, service.id, { alasan: 'x'.repeat(20) }, refuse)).toThrow('Surat ini sudah dicabut.');
    expect(fieldsOf(() => revocation(data, revoker, letter, service.id, { alasan: 'pendek' }, refuse))).toEqual({ alasan: 'Tulis alasan pencabutan (paling sedikit 10 karakter).' });
    expect(revocation(data, revoker, letter, service.id, { alasan: '  Salah penerima surat.  ' }, refuse)).toEqual({ role: allowed[0], reason: 'Salah penerima surat.' });
  });
  it('a scan is one PDF, JPG or PNG of at most 10 MB', () => {
    const fine = () => null;
    expect(scanProblem(0, '', 0, fine)).toMatch(/Pilih satu berkas/);
    expect(scanProblem(1, 'image/gif', 10, fine)).toMatch(/PDF, JPG, atau PNG/);
    expect(scanProblem(1, 'application/pdf', 11 * 1024 * 1024, fine)).toMatch(/10 MB/);
    expect(scanProblem(1, 'image/png', 10, () => 'too_large')).toMatch(/tidak dapat dibaca/);
    expect(scanProblem(1, 'application/pdf', 10, () => 'too_large')).toBe('');
    expect(initialsOf('')).toBe('');
  });
});

// ------------------------------------------------------------------ the applicant's re-upload

describe("the applicant's re-upload", () => {
  const doc = service.documents[0]!;
  const other = data.documentTypes.find((d) => d.id !== doc.key)!;
  const file = (count: number, size = 1000) => ({ count, first: () => ({ size, type: doc.accept[0]!, pixels: 800 * 600 }) });
  const none = { count: 0, first: () => { throw new Error('not read'); } };
  it('takes exactly the asked documents, one valid file each, and says so publicly', () => {
    const out = reuploadFiles(data, service.id, [doc.key], (k) => (k === doc.key ? file(1) : none), refuse);
    expect(out).toEqual({ keys: [doc.key], note: `Dokumen perbaikan diterima melalui portal: ${doc.label}. Petugas melanjutkan pemeriksaan.` });
  });
  it('names each missing, doubled or unasked document', () => {
    expect(fieldsOf(() => reuploadFiles(data, service.id, [doc.key], () => none, refuse))).toEqual({ [doc.key]: `Unggah ${doc.label}.` });
    expect(fieldsOf(() => reuploadFiles(data, service.id, [doc.key], (k) => (k === doc.key ? file(2) : none), refuse))).toEqual({ [doc.key]: `Kirim satu berkas saja untuk ${doc.label}.` });
    const errors = fieldsOf(() => reuploadFiles(data, service.id, [doc.key], (k) => (k === doc.key ? file(1) : k === other.id ? file(1) : none), refuse));
    expect(errors).toEqual({ [other.id]: 'Dokumen ini tidak diminta petugas. Kirim hanya dokumen yang diminta.' });
    expect(fieldsOf(() => reuploadFiles(data, service.id, [doc.key], (k) => (k === doc.key ? file(1, 0) : none), refuse))[doc.key]).toMatch(/kosong/);
  });
  it('returns the request to the stage of the step still to be recorded', () => {
    expect(reuploadTarget(data, service.id, 1)).toBe(service.steps[1]!.stage);
    expect(reuploadTarget(data, 'tidak-ada', 0)).toBe(initial.id);
  });
});
