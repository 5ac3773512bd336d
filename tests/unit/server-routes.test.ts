// The hooks' route logic (src/lib/server, bundled into pb_hooks/lib/server.generated.js) on plain
// data: the database is the small interface each route names, so these cases need no
// PocketBase. The routes themselves run against a real PocketBase in tests/integration
// (lacak-api, statistik-api, survei-api). Services, statuses and kecamatan come from content/.
import { describe, expect, it } from 'vitest';
import { LACAK_KEYS } from '../../src/lib/api/lacak';
import { buildPortalData } from '../../src/lib/portal-data';
import { MIN_PUBLIC_COUNT } from '../../src/lib/rules/disclosure';
import { RESPONDENT_FIELDS, UNSUR } from '../../src/lib/rules/ikm';
import { exampleCode } from '../../src/lib/rules/tracking-code';
import { zoneOffsetHours } from '../../src/lib/rules/working-time';
import type { Refusals } from '../../src/lib/server/common';
import { lacak, type LacakDb, type LacakEvent, type LacakRow } from '../../src/lib/server/lacak';
import { progres, type BoardRow, type ProgresDb } from '../../src/lib/server/progres';
import { computeStatistik, statistik, type AnswerCache, type StatistikDb } from '../../src/lib/server/statistik';
import { indicators, lakinCsv, officeYear, type LakinDb } from '../../src/lib/server/lakin';
import { parseProofToken, proofTokenText, proveApplicant, type ProofDb, type ProofRequest } from '../../src/lib/server/proof';
import { PROOF_MAX_FAILURES, PROOF_MISMATCH_MESSAGE, PROOF_TOKEN_MINUTES } from '../../src/lib/rules/proof';
import { passwordChangeErrors, saya } from '../../src/lib/server/petugas';
import { officeDate, suratLengkap, verifikasi, type LetterRow } from '../../src/lib/server/surat';
import { VERIFIKASI_KEYS } from '../../src/lib/api/surat';
import { checkSurvey, submitSurvey, SURVEY_MESSAGES, surveyMonth, type SurveiDb, type SurveyFields, type SurveyRequest } from '../../src/lib/server/survei';
import { loadContent } from '../support/content';

const data = buildPortalData(loadContent());
const prefix = data.site.trackingPrefix;
const CODE = `${prefix}-7K3-MQ9-XPW`;
const meaning = (m: string) => data.statuses.find((s) => s.meaning === m)!;
const initial = meaning('initial');
const repair = meaning('repair');
const served = meaning('success');
const rejected = meaning('rejected');
// A service that takes applications and whose SOP fixes the time of its first stage.
const service = data.services.find((s) => s.onlineApplication && s.stages.some((st) => st.timed))!;
const timedStage = service.stages.find((st) => st.timed)!;
const reportType = data.reportTypes[0]!;

class Refused extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields: Record<string, string>,
  ) {
    super(message);
  }
}
const refuse: Refusals = {
  badRequest: (message, fields) => new Refused(400, message, fields ?? {}),
  forbidden: (message, fields) => new Refused(403, message, fields ?? {}),
  tooMany: (message) => new Refused(429, message, {}),
};

function refusal(run: () => unknown): Refused {
  try {
    run();
  } catch (err) {
    if (err instanceof Refused) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

const pb = (d: Date) => d.toISOString().replace('T', ' ');

/** A LacakDb over one record and its history, counting the queries. */
function lacakDb(record: LacakRow | null, events: LacakEvent[] = []) {
  const calls: string[] = [];
  const db: LacakDb = {
    find: (code) => (calls.push(`find ${code}`), record),
    history: (kind, id) => (calls.push(`history ${kind} ${id}`), events),
  };
  return { db, calls };
}

const request = (over: Partial<LacakRow> = {}): LacakRow => ({
  kind: 'permohonan',
  id: 'abc123def456ghi',
  jenis: service.id,
  status: initial.id,
  created: '2026-11-02 01:00:00.000Z',
  dokumen_perbaikan: '[]',
  berkas_dihapus: false,
  pemohon_adalah: '',
  jumlah_surat: 0,
  ...over,
});

describe('tracking answer (src/lib/server/lacak.ts)', () => {
  it('answers an unknown code with the same keys, empty, after the same look-ups as a found one', () => {
    const { db, calls } = lacakDb(null);
    const body = lacak(db, data, CODE.toLowerCase().replace(/-/g, ' '), new Date());
    expect(Object.keys(body).sort()).toEqual([...LACAK_KEYS]);
    expect(body).toMatchObject({ kode: CODE, ditemukan: false, layanan: null, tahapan: [], riwayat: [], pesan: expect.stringMatching(/tidak ditemukan/) });
    expect(calls).toEqual([`find ${CODE}`, 'history permohonan -']);
  });

  it("names the office's example code for what is no code at all, and still looks up", () => {
    const { db, calls } = lacakDb(null);
    const body = lacak(db, data, 'bukan kode', new Date());
    expect(body.kode).toBeNull();
    expect(body.pesan).toContain(exampleCode(prefix));
    expect(calls).toHaveLength(2);
  });

  it('shapes a request: its stages with due dates, late once the due date has passed, the expected days', () => {
    const start = new Date('2026-11-02T01:00:00Z');
    const { db, calls } = lacakDb(request({ status: timedStage.status, jumlah_surat: 2 }), [
      { created: pb(start), status: initial.id, catatan_publik: '' },
      { created: pb(new Date(start.getTime() + 60_000)), status: timedStage.status, catatan_publik: 'Berkas diterima.' },
    ]);
    const body = lacak(db, data, CODE, new Date('2027-06-01T00:00:00Z'));
    expect(Object.keys(body).sort()).toEqual([...LACAK_KEYS]);
    expect(body.layanan).toBe(service.title + (service.draft ? ' (rancangan)' : ''));
    expect(body.perkiraan_hari_kerja).toEqual({ min: service.expectedDays.min, maks: service.expectedDays.max });
    expect(body.riwayat.at(-1)).toMatchObject({ status: timedStage.status, catatan: 'Berkas diterima.', status_label: data.statuses.find((s) => s.id === timedStage.status)!.label });
    const stage = body.tahapan.find((t) => t.status === timedStage.status)!;
    expect(stage).toMatchObject({ waktu_tetap: true, selesai: null, terlambat: true });
    expect(stage.batas).not.toBeNull();
    expect(body.dalam_waktu_standar).toBe(false);
    expect(body.ada_surat).toBe(true);
    expect(calls).toEqual([`find ${CODE}`, 'history permohonan abc123def456ghi']);
  });

  it('is on time while the due date lies ahead', () => {
    const start = new Date('2026-11-02T01:00:00Z');
    const { db } = lacakDb(request({ status: timedStage.status }), [{ created: pb(start), status: timedStage.status, catatan_publik: '' }]);
    const body = lacak(db, data, CODE, new Date(start.getTime() + 60_000));
    expect(body.tahapan.find((t) => t.status === timedStage.status)!.terlambat).toBe(false);
    expect(body.dalam_waktu_standar).toBe(true);
  });

  it('lists the documents to send again only while the request waits for a repair', () => {
    const doc = data.documentTypes[0]!;
    const asked = JSON.stringify([doc.id, 'kunci_lama']);
    const waiting = lacak(lacakDb(request({ status: repair.id, dokumen_perbaikan: asked })).db, data, CODE, new Date());
    expect(waiting.status_arti).toBe('repair');
    expect(waiting.dokumen_perbaikan).toEqual([doc.label, 'kunci_lama']);
    expect(lacak(lacakDb(request({ status: initial.id, dokumen_perbaikan: asked })).db, data, CODE, new Date()).dokumen_perbaikan).toEqual([]);
  });

  it('offers the survey for a served request whose files are kept, never after retention', () => {
    expect(lacak(lacakDb(request({ status: served.id })).db, data, CODE, new Date()).dapat_dinilai).toBe(true);
    expect(lacak(lacakDb(request({ status: served.id, berkas_dihapus: true })).db, data, CODE, new Date()).dapat_dinilai).toBe(false);
    expect(lacak(lacakDb(request({ status: rejected.id })).db, data, CODE, new Date()).dapat_dinilai).toBe(false);
  });

  it('names a report by its kind, with no applicant role and no letters', () => {
    const { db, calls } = lacakDb(request({ kind: 'laporan', jenis: reportType.id, status: data.reportStatuses[0]!.id, pemohon_adalah: 'wali' }));
    const body = lacak(db, data, CODE, new Date());
    expect(body).toMatchObject({ layanan: `Laporan: ${reportType.label}`, diajukan_oleh: null, perkiraan_hari_kerja: null, ada_surat: false });
    expect(calls).toEqual([`find ${CODE}`, 'history laporan abc123def456ghi']);
  });
});

function memoryCache(): AnswerCache & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, get: (k) => map.get(k), set: (k, v) => void map.set(k, v) };
}

describe('public figures (src/lib/server/statistik.ts)', () => {
  const other = data.services.find((s) => s.onlineApplication && s.id !== service.id)!;
  const statDb = (n: { a: number; b: number }): StatistikDb & { reads: number } => {
    const db = {
      reads: 0,
      counts: () => (db.reads++, [{ layanan: service.id, status: served.id, n: n.a }, { layanan: other.id, status: served.id, n: n.b }]),
      finished: () => [],
      reports: () => [],
      survey: () => [],
    };
    return db;
  };

  it(`withholds a count under ${MIN_PUBLIC_COUNT} and names why, publishes the rest`, () => {
    const body = computeStatistik(statDb({ a: MIN_PUBLIC_COUNT, b: 1 }), data, new Date());
    const row = (id: string) => body.permohonan.per_layanan.find((s) => s.layanan === id)!;
    expect(row(service.id).selesai).toBe(MIN_PUBLIC_COUNT);
    expect(row(other.id).selesai).toBeNull();
    expect(row(other.id).disembunyikan['selesai']).toBe('di_bawah_ambang');
    expect(row(service.id).standar_menit).toBe(service.stages.reduce((sum, s) => sum + s.minutes, 0));
    expect(body.ambang).toBe(MIN_PUBLIC_COUNT);
  });

  it('computes at most once a minute, keeping the answer in the cache', () => {
    const db = statDb({ a: 6, b: 7 });
    const cache = memoryCache();
    const t = new Date('2026-11-30T03:00:00Z');
    const first = statistik(db, cache, data, t);
    expect(statistik(db, cache, data, new Date(t.getTime() + 59_000))).toEqual(first);
    expect(db.reads).toBe(1);
    expect(statistik(db, cache, data, new Date(t.getTime() + 60_000)).diperbarui).toBe(new Date(t.getTime() + 60_000).toISOString());
    expect(db.reads).toBe(2);
  });
});

describe('progress board (src/lib/server/progres.ts)', () => {
  const kec = data.kecamatan[0]!;
  const offset = zoneOffsetHours(data.site.timeZone);
  // Monday 2 November 2026, 10:00 office time.
  const monday = new Date(Date.UTC(2026, 10, 2, 10 - offset));
  const rowsOf = (n: number, over: Partial<BoardRow> = {}): BoardRow[] =>
    Array.from({ length: n }, () => ({ jenis: 'permohonan', kunci: service.id, kecamatan: kec.id, created: pb(monday), status: initial.id, ...over }));
  const boardDb = (rows: BoardRow[]): ProgresDb => ({ stamp: () => String(rows.length), rows: () => rows });
  const query = (q: string) => new URLSearchParams(q);

  it('publishes a group of at least the threshold, by week, and withholds what is left when it is small', () => {
    const body = progres(boardDb([...rowsOf(MIN_PUBLIC_COUNT), ...rowsOf(2, { status: served.id })]), memoryCache(), data, query(''), new Date('2026-11-20T00:00:00Z'), refuse);
    expect(body.items).toEqual([
      { jenis: 'permohonan', jenis_label: service.title + (service.draft ? ' (rancangan)' : ''), kecamatan: kec.name, minggu: '2026-11-02', status_label: initial.label, selesai: false, jumlah: MIN_PUBLIC_COUNT },
    ]);
    expect(body.tidak_ditampilkan).toBeNull();
    expect(body.disembunyikan).toEqual({ tidak_ditampilkan: 'di_bawah_ambang' });
    expect(body.per_kecamatan[kec.id]).toBe(MIN_PUBLIC_COUNT);
  });

  it('refuses an unknown filter or page with an Indonesian message', () => {
    const run = (q: string) => refusal(() => progres(boardDb([]), memoryCache(), data, query(q), new Date(), refuse)).message;
    expect(run('jenis=semua')).toMatch(/^Jenis tidak dikenal/);
    expect(run('kecamatan=tidak-ada')).toMatch(/^Kecamatan tidak dikenal/);
    expect(run('status=tidak-ada')).toMatch(/^Status tidak dikenal/);
    expect(run('halaman=0')).toMatch(/^Nomor halaman tidak sah/);
  });

  it('computes the board once per cut-off, again when history before it changes', () => {
    const cache = memoryCache();
    let reads = 0;
    let rows = rowsOf(MIN_PUBLIC_COUNT);
    const db: ProgresDb = { stamp: () => String(rows.length), rows: () => (reads++, rows) };
    const now = new Date('2026-11-20T00:00:00Z');
    progres(db, cache, data, query(''), now, refuse);
    progres(db, cache, data, query(`kecamatan=${kec.id}`), now, refuse);
    expect(reads).toBe(1);
    rows = rowsOf(MIN_PUBLIC_COUNT + 1);
    expect(progres(db, cache, data, query(''), now, refuse).total).toBe(MIN_PUBLIC_COUNT + 1);
    expect(reads).toBe(2);
  });
});

describe('satisfaction survey (src/lib/server/survei.ts)', () => {
  const found = (over: Partial<SurveyRequest> = {}): SurveyRequest => ({ collection: 'permohonan', status: served.id, berkas_dihapus: false, layanan: service.id, jenis: '', ...over });
  function surveyDb(req: SurveyRequest | null, answered = false) {
    const saved: { fields: SurveyFields; code: string; submissionId: string }[] = [];
    const db: SurveiDb & { saved: typeof saved } = {
      saved,
      findRequest: () => req,
      answered: () => answered || saved.length > 0,
      answeredBy: (code, submissionId) => (saved.find((s) => s.code === code && s.submissionId === submissionId) ? 'survei000000001' : null),
      save: (fields, code, submissionId) => (saved.push({ fields, code, submissionId }), 'survei000000001'),
    };
    return db;
  }
  const goodBody = () => ({ ...Object.fromEntries(UNSUR.map((u) => [u.id, '4'])), [RESPONDENT_FIELDS[0]!.id]: RESPONDENT_FIELDS[0]!.options[0]!.value, saran: '  Terima kasih.  ' });

  it('says why a code may not rate its request, in the same words for the check and the answer', () => {
    const reason = (db: SurveiDb, code = CODE) => checkSurvey(db, data, code).answer.alasan;
    expect(reason(surveyDb(null), '  ')).toBe('kode_kosong');
    expect(reason(surveyDb(null), 'bukan')).toBe('tidak_ditemukan');
    expect(reason(surveyDb(null))).toBe('tidak_ditemukan');
    expect(reason(surveyDb(found({ status: initial.id })))).toBe('belum_selesai');
    expect(reason(surveyDb(found({ status: rejected.id })))).toBe('tidak_dilayani');
    expect(reason(surveyDb(found({ berkas_dihapus: true })))).toBe('kedaluwarsa');
    expect(reason(surveyDb(found(), true))).toBe('sudah_diisi');
    expect(checkSurvey(surveyDb(found()), data, CODE).answer).toEqual({ kode: CODE, dapat_diisi: true, alasan: null, pesan: null, layanan: service.title });
    const closedReport = data.reportStatuses.find((s) => s.meaning === 'success')!;
    expect(checkSurvey(surveyDb(found({ collection: 'laporan', jenis: reportType.id, layanan: '', status: closedReport.id })), data, CODE).answer.layanan).toBe(reportType.label);
  });

  it("stores the request's service and the office month, never the code, and answers only the id", () => {
    const db = surveyDb(found());
    const now = new Date(Date.UTC(2026, 10, 30, 23 - zoneOffsetHours(data.site.timeZone) + 2));
    expect(submitSurvey(db, data, CODE, { ...goodBody(), layanan: 'lain' }, now, refuse)).toEqual({ id: 'survei000000001' });
    const { fields, code } = db.saved[0]!;
    expect(code).toBe(CODE);
    expect(fields).toMatchObject({ layanan: service.id, bulan: surveyMonth(data, now), saran: 'Terima kasih.', u1: 4 });
    expect(surveyMonth(data, now)).toBe('2026-12');
    expect(Object.values(fields)).not.toContain(CODE);
    const report = surveyDb(found({ collection: 'laporan', jenis: reportType.id, layanan: '', status: data.reportStatuses.find((s) => s.meaning === 'success')!.id }));
    submitSurvey(report, data, CODE, goodBody(), now, refuse);
    expect(report.saved[0]!.fields['layanan']).toBe(`laporan:${reportType.id}`);
  });

  it('refuses with a message per field, the code first when it is the only problem', () => {
    const onlyCode = refusal(() => submitSurvey(surveyDb(found(), true), data, CODE, goodBody(), new Date(), refuse));
    expect(onlyCode.message).toBe(SURVEY_MESSAGES.sudah_diisi);
    expect(onlyCode.fields).toEqual({ kode_lacak: SURVEY_MESSAGES.sudah_diisi });
    const missing = refusal(() => submitSurvey(surveyDb(found()), data, CODE, { ...goodBody(), u3: '' }, new Date(), refuse));
    expect(missing.message).toBe('Periksa kembali isian Anda.');
    expect(Object.keys(missing.fields)).toEqual(['u3']);
  });

  it('answers a send again with the same submission id as sent, and another send as already filled', () => {
    const db = surveyDb(found());
    const id = 'kirim-0123456789abcdef';
    expect(submitSurvey(db, data, CODE, { ...goodBody(), id_pengiriman: id }, new Date(), refuse)).toEqual({ id: 'survei000000001' });
    expect(db.saved[0]!.submissionId).toBe(id);
    expect(submitSurvey(db, data, CODE, { ...goodBody(), id_pengiriman: id }, new Date(), refuse)).toEqual({ id: 'survei000000001' });
    expect(db.saved).toHaveLength(1);
    expect(refusal(() => submitSurvey(db, data, CODE, { ...goodBody(), id_pengiriman: 'kirim-fedcba9876543210' }, new Date(), refuse)).fields).toEqual({ kode_lacak: SURVEY_MESSAGES.sudah_diisi });
    expect(Object.keys(refusal(() => submitSurvey(surveyDb(found()), data, CODE, { ...goodBody(), id_pengiriman: 'x y' }, new Date(), refuse)).fields)).toEqual(['id_pengiriman']);
  });

  it('tells the loser of two racing sends that the survey is done, and lets any other failure through', () => {
    let answered = false;
    const racing: SurveiDb = {
      findRequest: () => found(),
      answered: () => answered,
      answeredBy: () => null,
      save: () => {
        answered = true;
        throw new Error('UNIQUE constraint failed');
      },
    };
    expect(refusal(() => submitSurvey(racing, data, CODE, goodBody(), new Date(), refuse)).fields).toEqual({ kode_lacak: SURVEY_MESSAGES.sudah_diisi });
    const broken: SurveiDb = { ...racing, answered: () => false, save: () => { throw new Error('disk full'); } };
    expect(() => submitSurvey(broken, data, CODE, goodBody(), new Date(), refuse)).toThrow('disk full');
  });
});

describe('letters (src/lib/server/surat.ts)', () => {
  const letter: LetterRow = {
    id: 'abcdefghij12345',
    nomor: '400/001/2026',
    judul: 'Surat Keputusan',
    jenis: 'keputusan',
    templat: 'keputusan',
    // 30 November 2026 at 23:30 UTC: 1 December in every Indonesian time zone.
    tanggal: '2026-11-30 23:30:00.000Z',
    status: 'berlaku',
    dicabut_pada: '',
    isi: JSON.stringify({ perihal: 'Perihal', paragraf: ['Satu.'], tanda_tangan: [{ label: 'Kepala Dinas', nama: 'Nama' }] }),
    penandatangan_peran: 'Kepala Dinas',
    penandatangan_nama: 'Nama',
    pindaian: '',
    inisial: 'S. B. K.',
  };
  const lookups: string[] = [];
  const db = { letter: (id: string) => (lookups.push(id), id === letter.id ? letter : null) };

  it('verifies a letter by number, date, kind, status and initials only; an unknown id gets the same keys, empty', () => {
    const found = verifikasi(db, data, letter.id);
    expect(Object.keys(found).sort()).toEqual([...VERIFIKASI_KEYS].sort());
    expect(found).toEqual({ ditemukan: true, nomor: letter.nomor, tanggal: '1 Desember 2026', jenis: 'keputusan', kantor: data.site.officeName, status: 'berlaku', status_label: 'Berlaku', inisial: 'S. B. K.', pesan: null });
    const unknown = verifikasi(db, data, 'zzzzzzzzzzzzzzz');
    expect(Object.keys(unknown).sort()).toEqual([...VERIFIKASI_KEYS].sort());
    expect(unknown).toMatchObject({ ditemukan: false, nomor: null, inisial: null, pesan: expect.stringContaining(data.site.officeName) });
    expect(verifikasi(db, data, '../etc/passwd').ditemukan).toBe(false);
    expect(lookups).toEqual([letter.id, 'zzzzzzzzzzzzzzz']);
    expect(verifikasi(db, data, letter.id.replace(/^./, 'z')).ditemukan).toBe(false);
  });

  it('says a revoked letter is revoked, with when', () => {
    const revoked = { ...letter, status: 'dicabut', dicabut_pada: '2026-12-02 03:00:00.000Z' };
    expect(verifikasi({ letter: () => revoked }, data, letter.id)).toMatchObject({ status: 'dicabut', status_label: 'Dicabut' });
    expect(suratLengkap(revoked, CODE, data)).toMatchObject({ status: 'dicabut', dicabut_pada: '2026-12-02T03:00:00.000Z' });
  });

  it('lays out the whole letter from its stored text, and survives text that is no JSON', () => {
    expect(suratLengkap(letter, CODE, data)).toMatchObject({ kode_lacak: CODE, perihal: 'Perihal', paragraf: ['Satu.'], pindaian: null, dicabut_pada: null, verifikasi: `/verifikasi/${letter.id}`, kantor: { nama: data.site.officeName, alamat: data.site.officeAddress } });
    expect(suratLengkap({ ...letter, isi: 'rusak' }, CODE, data)).toMatchObject({ perihal: '', paragraf: [], tanda_tangan: [] });
    expect(officeDate(data, new Date('2026-01-01T00:00:00Z'))).toEqual({ year: 2026, text: '1 Januari 2026' });
  });
});

describe('LAKIN export (src/lib/server/lakin.ts)', () => {
  const kec = data.kecamatan[0]!;
  const ppksReport = data.reportTypes.find((t) => t.ppks.length > 0)!;
  const reportServed = data.reportStatuses.find((s) => s.meaning === 'success')!;
  const req = (id: string, nik: string, status: string, created = '2026-03-10 02:00:00.000Z') => ({ id, layanan: service.id, kategori_ppks: '', kecamatan: kec.id, status, created, nik });
  const db = (): LakinDb & { ranges: unknown[] } => {
    const ranges: unknown[] = [];
    return {
      ranges,
      requests: (range) => (ranges.push(range), [
        req('a', '1901015501900001', served.id),
        req('b', '1901015501900001', served.id),
        req('c', '1901015501900002', rejected.id),
        req('d', '0000000000000000', served.id),
        req('e', '1901015501900003', initial.id),
      ]),
      reports: () => [{ id: 'r1', jenis: ppksReport.id, status: reportServed.id }],
    };
  };

  it('counts a NIK once, a request without NIK and a PPKS report as one person each, and only decided cases', () => {
    const iku = indicators(db(), data, 2026).indikator[0]!;
    // Served: NIK …01, request d, report r1; decided: those and NIK …02.
    expect([iku.pembilang, iku.penyebut, iku.nilai]).toEqual([3, 4, 75]);
  });

  it("takes the year by the office's clock", () => {
    const offset = zoneOffsetHours(data.site.timeZone);
    const from = new Date(Date.UTC(2026, 0, 1) - offset * 3_600_000);
    expect(officeYear(data, 2026)).toEqual({ from: from.toISOString().replace('T', ' '), to: new Date(from.getTime() + 365 * 86_400_000).toISOString().replace('T', ' ') });
  });

  it('writes one line per dimension and key, then the indicator, and no NIK', () => {
    const csv = lakinCsv(db(), data, 2026);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('dimensi,kunci,label,jumlah');
    expect(lines).toContain(`layanan,${service.id},${service.title.includes(',') ? `"${service.title}"` : service.title},5`);
    expect(lines).toContain(`kecamatan,${kec.id},${kec.code} ${kec.name},5`);
    expect(lines).toContain('bulan,2026-03,Maret 2026,5');
    expect(lines).toContain('kategori_ppks,,(belum diisi),5');
    expect(lines.at(-1)).toBe('indikator,persentase_pmks_terlayani,Persentase PMKS yang memperoleh pelayanan dasar (%),75.00');
    expect(csv).not.toMatch(/1901015501900/);
  });
});

describe("the applicant's proof (src/lib/server/proof.ts)", () => {
  const doc = service.documents[0]!;
  const proofRequest = (over: Partial<ProofRequest> = {}): ProofRequest => ({
    id: 'abcdefghij12345',
    kode_lacak: CODE,
    status: repair.id,
    layanan: service.id,
    dokumen_perbaikan: [doc.key],
    tanggal_lahir: '1975-08-17 00:00:00.000Z',
    telepon: '081200005678',
    ...over,
  });
  /** A ProofDb over one request (or none) and one attempts row, signing with a visible marker. */
  function proofDb(req: ProofRequest | null) {
    const state = { failures: 0, lockedUntil: '', saves: 0 };
    const db: ProofDb & { state: typeof state } = {
      state,
      request: () => req,
      attempts: () => ({ failures: state.failures, lockedUntil: state.lockedUntil }),
      saveAttempts: (_code, failures, lockedUntil) => {
        state.saves++;
        state.failures = failures;
        if (lockedUntil !== null) state.lockedUntil = lockedUntil;
      },
      // Like an HMAC in hex: no dot in it.
      sign: (text) => `sig${text.replace(/[^A-Za-z0-9]/g, '')}`,
      same: (a, b) => a === b,
    };
    return db;
  }
  const now = new Date('2026-11-30T03:00:00Z');
  const prove = (db: ProofDb, body: Record<string, unknown>, code: unknown = CODE) => proveApplicant(db, data, code, body, now, refuse);
  const refusedBy = (db: ProofDb, body: Record<string, unknown>, code: unknown = CODE) => refusal(() => prove(db, body, code));

  it('gives a signed token and the documents asked for to a right birth date or phone ending', () => {
    const db = proofDb(proofRequest());
    const proof = prove(db, { bukti_jenis: 'tanggal_lahir', bukti_nilai: '1975-08-17' });
    const expiry = String(now.getTime() / 1000 + PROOF_TOKEN_MINUTES * 60);
    const mac = `sig${proofTokenText('abcdefghij12345', expiry, CODE).replace(/[^A-Za-z0-9]/g, '')}`;
    expect(proof).toEqual({
      token: `abcdefghij12345.${expiry}.${mac}`,
      berlaku_sampai: new Date(now.getTime() + PROOF_TOKEN_MINUTES * 60_000).toISOString(),
      dokumen: [{ kunci: doc.key, label: doc.label, jenis_berkas: doc.accept, ukuran_maks_mb: doc.maxSizeMB }],
    });
    expect(prove(db, { bukti_jenis: 'telepon', bukti_nilai: '56-78' }).dokumen).toHaveLength(1);
    expect(prove(proofDb(proofRequest({ status: initial.id })), { bukti_jenis: 'telepon', bukti_nilai: '5678' }).dokumen).toEqual([]);
    expect(parseProofToken(proof.token, now)).toEqual({ id: 'abcdefghij12345', expiry, mac });
    expect(parseProofToken(proof.token, new Date(Number(expiry) * 1000 + 1000))).toBeNull();
    expect(parseProofToken('x.y.z', now)).toBeNull();
  });

  it('answers an unknown code as a wrong fact, counts both, and locks after the last try', () => {
    const db = proofDb(null);
    for (let i = 1; i < PROOF_MAX_FAILURES; i++) {
      const wrong = refusedBy(db, { bukti_jenis: 'telepon', bukti_nilai: '0000' });
      expect([wrong.status, wrong.message, wrong.fields]).toEqual([403, `${PROOF_MISMATCH_MESSAGE} Sisa percobaan: ${PROOF_MAX_FAILURES - i} kali.`, { bukti_nilai: PROOF_MISMATCH_MESSAGE }]);
    }
    const locked = refusedBy(db, { bukti_jenis: 'telepon', bukti_nilai: '0000' });
    expect(locked.status).toBe(429);
    expect(locked.message).toMatch(new RegExp(`dikunci sampai pukul \\d\\d\\.\\d\\d ${data.site.timeZone}`));
    // Locked: even the right answer for a real code waits.
    const real = proofDb(proofRequest());
    real.state.lockedUntil = db.state.lockedUntil;
    expect(refusedBy(real, { bukti_jenis: 'telepon', bukti_nilai: '5678' }).status).toBe(429);
  });

  it('forgets earlier wrong tries after a right one, and refuses malformed answers before any look-up', () => {
    const db = proofDb(proofRequest());
    refusedBy(db, { bukti_jenis: 'telepon', bukti_nilai: '1111' });
    expect(db.state.failures).toBe(1);
    prove(db, { bukti_jenis: 'telepon', bukti_nilai: '5678' });
    expect(db.state.failures).toBe(0);
    const saves = db.state.saves;
    expect(refusedBy(db, { bukti_jenis: ['telepon'], bukti_nilai: '5678' }).fields).toHaveProperty('bukti_jenis');
    expect(refusedBy(db, { bukti_jenis: 'tanggal_lahir', bukti_nilai: { $ne: null } }).status).toBe(400);
    expect(refusedBy(db, { bukti_jenis: 'telepon', bukti_nilai: '5678' }, 'bukan-kode').message).toContain(exampleCode(prefix));
    expect(db.state.saves).toBe(saves);
  });
});

describe('the workspace account (src/lib/server/petugas.ts)', () => {
  const [first, second] = data.roles;
  const account = { id: 'akun0000000001x', nama: 'Petugas Uji', email: 'petugas.uji@dinsos.localhost', roles: [first!.id, second!.id], akses_kasus: '', wajib_ganti_sandi: true };

  it("names the account's roles and the union of their powers, and the office", () => {
    const me = saya(account, data);
    expect(me.peran).toEqual([{ id: first!.id, label: first!.label }, { id: second!.id, label: second!.label }]);
    expect(new Set(me.wewenang)).toEqual(new Set([...first!.can, ...second!.can]));
    expect(me.wewenang).toHaveLength(new Set(me.wewenang).size);
    expect(me).toMatchObject({ akses_kasus: 'tidak', wajib_ganti_sandi: true, kantor: { nama: data.site.officeName, zona: data.site.timeZone, prefiks: prefix } });
    expect(saya({ ...account, roles: ['peran-lama'] }, data).peran).toEqual([{ id: 'peran-lama', label: 'peran-lama' }]);
  });

  it('asks for a new password of 10 to 72 characters, not the old one, without the account name, typed twice', () => {
    const check = (sandi_baru: string, sandi_baru_ulang = sandi_baru, oldMatches = true) => passwordChangeErrors({ sandi_lama: 'sandi-lama-123', sandi_baru, sandi_baru_ulang }, account.email, oldMatches);
    expect(check('kalimat pendek yang mudah')).toEqual({});
    expect(check('kalimat pendek yang mudah', 'kalimat pendek', false)).toEqual({ sandi_lama: 'Kata sandi lama salah.', sandi_baru_ulang: 'Ulangi kata sandi baru dengan tepat sama.' });
    expect(check('pendek').sandi_baru).toMatch(/paling sedikit 10/);
    expect(check('x'.repeat(73)).sandi_baru).toMatch(/paling banyak 72/);
    expect(check('sandi-lama-123').sandi_baru).toMatch(/berbeda/);
    expect(check('rahasia PETUGAS.UJI 2026').sandi_baru).toMatch(/nama akun/);
    expect(passwordChangeErrors({ sandi_lama: 'a', sandi_baru: ['kalimat pendek yang mudah'] }, account.email, true)).toHaveProperty('sandi_baru_ulang');
  });
});
