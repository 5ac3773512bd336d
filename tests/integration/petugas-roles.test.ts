// Who may do what follows the SOP (issue 11 point 2), against the real PocketBase, through the
// workspace's action route: every role with an account × every step of real SOPs, allowed and
// refused, with the Indonesian message naming who may. The expectation is computed here from the
// SOP's own actors and roles.yaml (the definition), not by the engine under test; the engine's
// hand-written case is tests/unit/sop-flow.test.ts. Superusers take no SOP step at all.
import { describe, expect, it } from 'vitest';
import { usePocketBase } from '../support/pocketbase';
import { applicationForm, applicationVectors } from '../support/application';
import { act, advance, portalOf, staffTeam, type StaffAccount } from '../support/staff';
import { loadContent } from '../support/content';
import { randomUUID } from 'node:crypto';
import { flowContextOf } from '../../src/lib/portal-data';
import { recordsVisitResult } from '../../src/lib/rules/sop-flow';
import { askedFiles } from '../support/applicant';

const pb = usePocketBase({ rateLimits: false });
const content = loadContent();
const data = portalOf();

/** The role each SOP actor is (roles.yaml); an actor without accounts is recorded by its role's recordedBy. */
function rolesOfActors(actors: readonly string[]): string[] {
  const out = new Set<string>();
  for (const actor of actors) {
    const role = content.roles.find((r) => r.data.actors.includes(actor))!;
    out.add(role.data.account ? role.id : role.data.recordedBy!);
  }
  return [...out];
}

/** Online services with different SOPs, the ones with the most steps first: at least two. */
const SERVICES = (() => {
  const seen = new Set<string>();
  const picked: { id: string; sop: string }[] = [];
  const online = content.services.filter((s) => data.services.find((x) => x.id === s.id)!.onlineApplication).sort((a, b) => data.services.find((x) => x.id === b.id)!.steps.length - data.services.find((x) => x.id === a.id)!.steps.length);
  for (const s of online) {
    if (seen.has(s.data.sop)) continue;
    seen.add(s.data.sop);
    picked.push({ id: s.id, sop: s.data.sop });
    if (picked.length === 3) break;
  }
  return picked;
})();

async function apply(service: string): Promise<string> {
  const base = applicationVectors()[0]!;
  const svc = data.services.find((s) => s.id === service)!;
  const files = askedFiles(svc, base.input, Object.fromEntries(svc.documents.map((d) => [d.key, base.files[d.key] ?? { size: 20_000, type: d.accept[0]! }])));
  const res = await fetch(`${pb.url}/api/collections/permohonan/records`, {
    method: 'POST',
    body: applicationForm({ ...base.input, layanan: service, id_pengiriman: randomUUID(), jawaban_kelayakan: Object.fromEntries(svc.questions.map((q) => [q.id, q.expected])) }, files),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  const code = ((await res.json()) as { kode_lacak: string }).kode_lacak;
  return (await pb.admin.collection('permohonan').getFirstListItem(pb.admin.filter('kode_lacak = {:k}', { k: code }))).id;
}

describe('who may record each SOP step', () => {
  it('covers at least two real SOPs', () => {
    expect(SERVICES.length).toBeGreaterThanOrEqual(2);
  });

  for (const service of SERVICES) {
    it(`${service.sop}: every role × every step, allowed exactly for the roles the SOP names`, async () => {
      const team = await staffTeam(pb);
      const accounts = Object.values(team);
      const sop = content.sops.find((s) => s.id === service.sop)!.data;
      const id = await apply(service.id);
      const fieldRoles = data.roles.filter((r) => r.field).map((r) => r.id);
      let tried = 0;
      for (let guard = 0; guard < sop.steps.length + 5; guard++) {
        const rec = await pb.admin.collection('permohonan').getOne(id);
        const status = data.statuses.find((s) => s.id === rec['status'])!;
        if (status.closed) break;
        const index = Number(rec['langkah']);
        const step = sop.steps[index]!;
        const expected = rolesOfActors(step.actors);
        // A field step is its assigned worker's: assign the team's field account first.
        if (expected.every((r) => fieldRoles.includes(r)) && !rec['petugas_lapangan']) {
          const worker = accounts.find((a) => a.roles.some((r) => expected.includes(r)))!;
          const assigner = accounts.find((a) => data.roles.some((r) => a.roles.includes(r.id) && r.can.includes('tugaskan')))!;
          expect((await act(pb, assigner, 'permohonan', id, { aksi: 'tugaskan', petugas_lapangan: worker.id })).status).toBe(200);
          continue;
        }
        let allowedBy: StaffAccount | null = null;
        for (const account of accounts) {
          const may = account.roles.some((r) => expected.includes(r));
          const field = account.roles.every((r) => fieldRoles.includes(r));
          // A field worker acts on a step only when the request is assigned to them.
          if (may && (!field || rec['petugas_lapangan'] === account.id)) {
            allowedBy ??= account;
            continue;
          }
          const res = await act(pb, account, 'permohonan', id, { aksi: 'langkah' });
          tried++;
          const label = `${account.roles.join()} pada langkah ${index + 1}`;
          // A role that does not see cases, or a field worker not assigned to this one, does not
          // even find it; every other role is told who records the step.
          const sees = data.roles.some((r) => account.roles.includes(r.id) && r.account && !r.field && r.cases);
          if (!sees) {
            expect(res.status, label).toBe(404);
            expect(res.body.message, label).toBe('Kasus tidak ditemukan, atau tidak ditugaskan kepada Anda.');
            continue;
          }
          expect(res.status, label).toBe(403);
          expect(res.body.message, label).toMatch(/^Langkah ini dicatat oleh /);
          for (const role of expected) expect(res.body.message).toContain(data.roles.find((r) => r.id === role)!.label);
        }
        expect(allowedBy, `langkah ${index + 1}: tidak ada akun berperan ${expected.join(', ')}`).not.toBeNull();
        // A step that feeds the decision records the verification result too.
        const withResult = recordsVisitResult(flowContextOf(data, service.id), index) ? { hasil_verifikasi: 'layak' as const } : {};
        const res = await act(pb, allowedBy!, 'permohonan', id, { aksi: 'langkah', ...withResult });
        {
          expect(res.status, `${allowedBy!.roles.join()} pada langkah ${index + 1}: ${JSON.stringify(res.body)}`).toBe(200);
        }
      }
      expect(tried).toBeGreaterThan(0);
      const done = await pb.admin.collection('permohonan').getOne(id);
      expect(data.statuses.find((s) => s.id === done['status'])!.meaning).toBe('success');
      // Each recorded step names the role that was used, one of the step's own.
      const history = await pb.admin.collection('riwayat_permohonan').getFullList({ filter: pb.admin.filter('permohonan = {:id} && jenis = "langkah"', { id }), sort: 'urutan' });
      for (const entry of history) expect(rolesOfActors(sop.steps[Number(entry['langkah'])]!.actors)).toContain(entry['peran']);
    }, 120_000);
  }

  it('a decision by several people is several recorded steps, each by its own role', async () => {
    const team = await staffTeam(pb);
    const service = data.services.find((s) => s.onlineApplication && s.steps.filter((st) => st.stage === s.steps.find((x) => x.kind === 'decision')?.stage).length >= 2)!;
    const decisionStage = service.steps.find((st) => st.kind === 'decision')!.stage;
    const id = await apply(service.id);
    await advance(pb, 'permohonan', id, decisionStage);
    const stepsInStage = service.steps.map((st, i) => ({ ...st, i })).filter((st) => st.stage === decisionStage);
    for (const step of stepsInStage) {
      const rec = await pb.admin.collection('permohonan').getOne(id);
      expect(Number(rec['langkah'])).toBe(step.i);
      const who = Object.values(team).find((a) => a.roles.some((r) => step.roles.includes(r)))!;
      expect((await act(pb, who, 'permohonan', id, { aksi: 'langkah' })).status).toBe(200);
    }
    const entries = await pb.admin.collection('riwayat_permohonan').getFullList({ filter: pb.admin.filter('permohonan = {:id} && jenis = "langkah"', { id }), sort: 'urutan' });
    const decision = entries.filter((e) => stepsInStage.some((st) => st.i === Number(e['langkah'])));
    expect(decision).toHaveLength(stepsInStage.length);
    expect(new Set(decision.map((e) => e['akun'])).size).toBe(new Set(stepsInStage.map((st) => st.roles.join())).size);
  });

  it('refuses every action to a superuser, and to an account not yet past its first password', async () => {
    const id = await apply(SERVICES[0]!.id);
    const res = await fetch(`${pb.url}/api/petugas/kasus/permohonan/${id}/aksi`, { method: 'POST', headers: { 'content-type': 'application/json', Authorization: pb.admin.authStore.token }, body: JSON.stringify({ aksi: 'langkah' }) });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { message: string }).message).toBe('Ruang kerja petugas dipakai dengan akun petugas. Administrator mengelola akun di halaman admin (/_/).');
    const { createStaff } = await import('../support/staff');
    const fresh = await createStaff(pb, { nama: 'Petugas Baru', peran: [data.roles.find((r) => r.account)!.id], changePassword: false });
    const blocked = await act(pb, fresh, 'permohonan', id, { aksi: 'langkah' });
    expect(blocked.status).toBe(403);
    expect(blocked.body.message).toBe('Ganti kata sandi Anda terlebih dahulu (halaman Akun saya).');
    expect((await pb.admin.collection('permohonan').getOne(id))['langkah']).toBe(1);
  });
});

describe('staff accounts', () => {
  it('are created by administrators only: no sign-up, and a new account must change its password first', async () => {
    const role = data.roles.find((r) => r.account)!.id;
    const signUp = await fetch(`${pb.url}/api/collections/petugas/records`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'daftar@dinsos.localhost', password: 'Sandi-Daftar-123', passwordConfirm: 'Sandi-Daftar-123', nama: 'Daftar Sendiri', peran: [role] }) });
    expect(signUp.status).toBe(403);
    const made = await pb.admin.collection('petugas').create({ email: 'baru@dinsos.localhost', password: 'Sandi-Awal-12345', passwordConfirm: 'Sandi-Awal-12345', nama: 'Petugas Baru', peran: [role] });
    expect(made['wajib_ganti_sandi']).toBe(true);
    expect(made['aktif']).toBe(true);
    const signIn = await fetch(`${pb.url}/api/collections/petugas/auth-with-password`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ identity: 'baru@dinsos.localhost', password: 'Sandi-Awal-12345' }) });
    const { token } = (await signIn.json()) as { token: string };
    const change = (body: object) => fetch(`${pb.url}/api/petugas/sandi`, { method: 'POST', headers: { 'content-type': 'application/json', Authorization: token }, body: JSON.stringify(body) });
    const weak = await change({ sandi_lama: 'Sandi-Awal-12345', sandi_baru: 'pendek', sandi_baru_ulang: 'pendek' });
    expect(weak.status).toBe(400);
    expect(((await weak.json()) as { data: Record<string, { message: string }> }).data['sandi_baru']?.message).toBe('Kata sandi baru paling sedikit 10 karakter.');
    const same = await change({ sandi_lama: 'Sandi-Awal-12345', sandi_baru: 'Sandi-Awal-12345', sandi_baru_ulang: 'Sandi-Awal-12345' });
    expect(((await same.json()) as { data: Record<string, { message: string }> }).data['sandi_baru']?.message).toBe('Kata sandi baru harus berbeda dari yang lama.');
    const ok = await change({ sandi_lama: 'Sandi-Awal-12345', sandi_baru: 'Sandi-Milik-Saya-987', sandi_baru_ulang: 'Sandi-Milik-Saya-987' });
    expect(ok.status).toBe(200);
    expect((await pb.admin.collection('petugas').getOne(made.id))['wajib_ganti_sandi']).toBe(false);
    // The old token stops working with the old password.
    expect((await fetch(`${pb.url}/api/petugas/hari-ini`, { headers: { Authorization: token } })).status).toBe(401);
    // An administrator resetting the password sends the person back to change it.
    await pb.admin.collection('petugas').update(made.id, { password: 'Sandi-Reset-12345', passwordConfirm: 'Sandi-Reset-12345' });
    expect((await pb.admin.collection('petugas').getOne(made.id))['wajib_ganti_sandi']).toBe(true);
  });

  it('cannot change their own roles, and an inactive account cannot sign in', async () => {
    const team = await staffTeam(pb);
    const me = team[data.roles.find((r) => r.account && r.field)!.id]!;
    const office = data.roles.find((r) => r.account && !r.field)!.id;
    const self = await fetch(`${pb.url}/api/collections/petugas/records/${me.id}`, { method: 'PATCH', headers: { 'content-type': 'application/json', Authorization: me.client.authStore.token }, body: JSON.stringify({ peran: [office], akses_kasus: 'semua' }) });
    expect(self.status).toBe(403);
    expect((await pb.admin.collection('petugas').getOne(me.id))['akses_kasus']).toBe('ditugaskan');
    const { createStaff } = await import('../support/staff');
    const gone = await createStaff(pb, { nama: 'Sudah Pensiun', peran: [office], aktif: false });
    const signIn = await fetch(`${pb.url}/api/collections/petugas/auth-with-password`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ identity: gone.email, password: gone.password }) });
    expect([400, 403]).toContain(signIn.status);
    expect(JSON.stringify(await signIn.json())).not.toContain('token');
  });
});
