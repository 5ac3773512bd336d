import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPocketBase, type TestPocketBase } from '../support/pocketbase';
import { act, advance, portalOf, staffTeam } from '../support/staff';
import { flowContextOf } from '../../src/lib/portal-data';
import { judge, nextFieldRoles } from '../../src/lib/rules/sop-flow';
import { applyAsSamplePerson, SAMPLE_PERSON, SAMPLE_PERSONAL_STRINGS, VECTOR_DOCUMENT, VECTOR_SERVICE } from '../support/application';
import { loadContent, SITE, UNKNOWN_CODE } from '../support/content';
import { STATUS_LISTS, statusWithMeaning } from '../support/workflow';
import { backdate, setDueDate } from '../support/backdate';
import { waitFor } from '../support/wait';
import { applicantRoleLabel } from '../../src/lib/rules/applicant';
import { LACAK_KEYS, type Lacak } from '../../src/lib/api/lacak';

let pb: TestPocketBase;
beforeAll(async () => {
  pb = await startTestPocketBase();
});
afterAll(async () => {
  await pb?.stop();
});

// The answer's keys are the contract's (src/lib/api/lacak.ts): nothing else reaches the public.
const ALLOWED_KEYS = [...LACAK_KEYS].sort();

// Statuses by what they mean, whatever this office calls them.
const INITIAL = statusWithMeaning(STATUS_LISTS.permohonan, 'initial');
const REPAIR = statusWithMeaning(STATUS_LISTS.permohonan, 'repair');
const labelOf = (id: string) => STATUS_LISTS.permohonan.find((s) => s.id === id)!.data.label;
/** The stages the sample service's SOP names, in order; steps before the first named one are the initial status's. */
const SOP_STAGES = (() => {
  const steps = loadContent().sops.find((s) => s.id === VECTOR_SERVICE.data.sop)!.data.steps;
  const named = steps.map((st) => st.stage);
  const stages = named[0] === undefined ? [INITIAL] : [];
  for (const stage of named) if (stage !== undefined && stages[stages.length - 1] !== stage) stages.push(stage);
  return stages;
})();

const PERSONAL_STRINGS = SAMPLE_PERSONAL_STRINGS;
const apply = () => applyAsSamplePerson(pb.url);

async function track(code: string): Promise<{ status: number; text: string; body: Lacak }> {
  const res = await fetch(`${pb.url}/api/lacak/${encodeURIComponent(code)}`);
  const text = await res.text();
  return { status: res.status, text, body: JSON.parse(text) as Lacak };
}

describe('public tracking route', () => {
  it('answers with the stages and history and no personal value at all', async () => {
    const code = await apply();
    const { status, text, body } = await track(code.toLowerCase().replace(/-/g, ' '));
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(ALLOWED_KEYS);
    expect(body.kode).toBe(code);
    expect(body.layanan).toBe(VECTOR_SERVICE.data.title);
    expect(body.status).toBe(INITIAL);
    expect(body.status_arti).toBe('initial');
    const stages = body.tahapan;
    expect(stages.map((s) => s.status)).toEqual(SOP_STAGES);
    expect(stages[0]!.mulai).toBeTruthy();
    // Who applied, as a role: the person tracking may not be the person served.
    expect(body.diajukan_oleh).toBe(applicantRoleLabel(SAMPLE_PERSON.pemohon_adalah, SITE.villages));
    for (const value of PERSONAL_STRINGS) expect(text, value).not.toContain(value);
    expect(text).not.toMatch(/\.(jpg|png|pdf)/); // no file names
  });

  it('shows a staff status change with its public note and the document to fix, but never the internal fields', async () => {
    const code = await apply();
    const record = await pb.admin.collection('permohonan').getFirstListItem(pb.admin.filter('kode_lacak = {:k}', { k: code }));
    const ctx = flowContextOf(portalOf(), String(record['layanan']));
    const team = Object.values(await staffTeam(pb));
    // Whoever the SOP lets record the first staff step, then whoever may send it back.
    const stateOf = async () => {
      const fresh = await pb.admin.collection('permohonan').getOne(record.id);
      return { status: String(fresh['status']), langkah: Number(fresh['langkah']), assignedToMe: false };
    };
    const front = team.find((a) => judge(ctx, { status: INITIAL, langkah: Number(record['langkah']), assignedToMe: false }, a.roles, 'langkah').allowed)!;
    const register = await act(pb, front, 'permohonan', record.id, { aksi: 'langkah', catatan_publik: 'Berkas sedang diperiksa.' });
    expect(register.status).toBe(200);
    const checked = await stateOf();
    const checker = team.find((a) => judge(ctx, checked, a.roles, 'perbaikan').allowed)!;
    const note = `Foto ${VECTOR_DOCUMENT.label} terpotong, mohon kirim ulang.`;
    const repair = await act(pb, checker, 'permohonan', record.id, { aksi: 'perbaikan', catatan_publik: note, dokumen_perbaikan: [VECTOR_DOCUMENT.key] });
    expect(repair.status).toBe(200);
    const { body, text } = await track(code);
    expect(body.status).toBe(REPAIR);
    expect(body.status_arti).toBe('repair');
    expect(body.status_label).toBe(labelOf(REPAIR));
    expect(body.dokumen_perbaikan).toEqual([VECTOR_DOCUMENT.label]);
    const history = body.riwayat;
    expect(checked.status, 'the first staff step moves the request on').not.toBe(INITIAL);
    expect(history.map((h) => h.status)).toEqual([INITIAL, checked.status, REPAIR]);
    expect(history.map((h) => h.status_arti)).toEqual(['initial', STATUS_LISTS.permohonan.find((s) => s.id === checked.status)!.data.meaning ?? null, 'repair']);
    expect(history[2]!.catatan).toBe(note);
    const stages = body.tahapan;
    expect(stages[0]!.selesai).toBeTruthy(); // the first stage ended when the next began
    for (const value of PERSONAL_STRINGS) expect(text, value).not.toContain(value);
  });

  it('shows an assignment or a document check only when staff wrote the person a public note with it', async () => {
    const code = await apply();
    const record = await pb.admin.collection('permohonan').getFirstListItem(pb.admin.filter('kode_lacak = {:k}', { k: code }));
    const data = portalOf();
    const ctx = flowContextOf(data, String(record['layanan']));
    const fieldStep = ctx.steps.findIndex((st) => st.roles.some((r) => data.roles.find((x) => x.id === r)?.field));
    expect(fieldStep, 'layanan contoh punya langkah lapangan').toBeGreaterThan(0);
    await advance(pb, 'permohonan', record.id, ctx.steps[fieldStep]!.stage);
    const team = Object.values(await staffTeam(pb));
    const fresh = await pb.admin.collection('permohonan').getOne(record.id);
    const state = { status: String(fresh['status']), langkah: Number(fresh['langkah']), assignedToMe: false };
    const needed = nextFieldRoles(ctx, state);
    const worker = team.find((a) => a.roles.some((r) => needed.includes(r)))!;
    const assigner = team.find((a) => judge(ctx, state, a.roles, 'tugaskan').allowed)!;
    const before = (await track(code)).body.riwayat.length;
    // An assignment with an internal note only: nothing new on the tracking page.
    expect((await act(pb, assigner, 'permohonan', record.id, { aksi: 'tugaskan', petugas_lapangan: worker.id, catatan_internal: 'Rumah di belakang masjid, tanya RT.' })).status).toBe(200);
    let tracked = await track(code);
    expect(tracked.body.riwayat.length).toBe(before);
    expect(tracked.text).not.toContain('belakang masjid');
    // Again with a public note for the person: that note is shown, the internal one never.
    const visit = 'Petugas lapangan akan berkunjung minggu ini.';
    expect((await act(pb, assigner, 'permohonan', record.id, { aksi: 'tugaskan', petugas_lapangan: worker.id, catatan_publik: visit, catatan_internal: 'Bawa formulir cadangan.' })).status).toBe(200);
    tracked = await track(code);
    const history = tracked.body.riwayat;
    expect(history).toHaveLength(before + 1);
    expect(history[history.length - 1]).toMatchObject({ status: fresh['status'], catatan: visit });
    expect(tracked.text).not.toContain('formulir cadangan');
    expect(tracked.text).not.toContain(worker.nama);
  });

  it('never flags late a stage whose time the SOP does not fix, however long it runs', async () => {
    const code = await apply();
    const record = await pb.admin.collection('permohonan').getFirstListItem(pb.admin.filter('kode_lacak = {:k}', { k: code }));
    const service = portalOf().services.find((s) => s.id === record['layanan'])!;
    const open = service.stages.find((st) => !st.timed);
    expect(open, `layanan ${service.id} punya tahap tanpa waktu tetap`).toBeTruthy();
    await advance(pb, 'permohonan', record.id, open!.status);
    expect((await pb.admin.collection('permohonan').getOne(record.id))['batas_tahap']).toBe('');
    // Forty days in that stage: still no due date, no late flag, publicly or for staff.
    backdate(pb.dataDir, 'permohonan', [record.id], new Date(Date.now() - 40 * 86_400_000));
    // A request whose due date has passed shows that the job has run (it runs after the answer).
    const control = await pb.admin.collection('permohonan').getFirstListItem(pb.admin.filter('kode_lacak = {:k}', { k: await apply() }));
    setDueDate(pb.dataDir, 'permohonan', control.id, new Date(Date.now() - 2 * 86_400_000));
    await pb.admin.crons.run('tandai_terlambat');
    await waitFor(async () => (await pb.admin.collection('permohonan').getOne(control.id))['terlambat'] === true, 'tanda terlambat');
    expect((await pb.admin.collection('permohonan').getOne(record.id))['terlambat']).toBe(false);
    const { body } = await track(code);
    const stage = body.tahapan.find((st) => st.status === open!.status)!;
    expect(stage).toMatchObject({ batas: null, terlambat: false, waktu_tetap: false });
    expect(body.dalam_waktu_standar).toBe(true);
    // The citizen's expectation comes from content, in working days.
    expect(body.perkiraan_hari_kerja).toEqual({ min: service.expectedDays.min, maks: service.expectedDays.max });
  });

  it('answers an unknown or malformed code with the same keys and 404', async () => {
    for (const code of [UNKNOWN_CODE, `${SITE.trackingPrefix}' OR 1=1`, '../../etc/passwd', 'kode_lacak!=""']) {
      const { status, body } = await track(code);
      expect(status, code).toBe(404);
      expect(Object.keys(body).sort()).toEqual(ALLOWED_KEYS);
      expect(body.ditemukan).toBe(false);
      expect(body.riwayat).toEqual([]);
    }
  });

  it('is rate limited by PocketBase (set by a migration)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await fetch(`${pb.url}/api/lacak/${UNKNOWN_CODE.slice(0, -1)}${i % 10}`)).status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(statuses.slice(0, 20).every((s) => s === 404)).toBe(true);
  });

  it('limits how many applications one address may send in a minute (not only in 5 seconds)', async () => {
    // Spaced 350 ms apart, PocketBase's default create limit (20 per 5 s) never triggers;
    // the portal's own rule (20 per minute for guests) does.
    const statuses: number[] = [];
    for (let i = 0; i < 24; i++) {
      const res = await fetch(`${pb.url}/api/collections/permohonan/records`, { method: 'POST', body: new FormData() });
      statuses.push(res.status);
      await new Promise((r) => setTimeout(r, 350));
    }
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
  });
});
