// Staff accounts for tests, and moving a request or report through its SOP as staff do: through
// the workspace's action route, each step by an account whose role the SOP names (the rules'
// own judgement picks the account, so these helpers never grant what the server would refuse;
// the server judges again).
import PocketBase from 'pocketbase';
import { CONTENT_DIR } from '../../scripts/lib/pocketbase.mjs';
import { loadContentFiles } from '../../src/lib/content-files';
import { buildPortalData, flowContextOf, type PortalData } from '../../src/lib/portal-data';
import { judge, judgeReport, nextFieldRoles, recordsVisitResult, type FlowAction } from '../../src/lib/rules/sop-flow';
import type { AksiJawaban, AksiPermintaan, CaseKind } from '../../src/lib/api/petugas';
import type { TestPocketBase } from './pocketbase';

export interface StaffAccount {
  id: string;
  email: string;
  password: string;
  nama: string;
  roles: string[];
  client: PocketBase;
}

const portalCache = new Map<string, PortalData>();
/** The portal data of a content dir, as the server build makes it. */
export function portalOf(contentDir = CONTENT_DIR): PortalData {
  let data = portalCache.get(contentDir);
  if (!data) {
    data = buildPortalData(loadContentFiles(contentDir));
    portalCache.set(contentDir, data);
  }
  return data;
}

let counter = 0;

/**
 * A staff account made by the test superuser, as an administrator would, then signed in and past
 * its first password change (the workspace refuses work before that).
 */
export async function createStaff(pb: TestPocketBase, spec: { nama: string; peran: string[]; kecamatan?: string[]; aktif?: boolean; changePassword?: boolean; email?: string }): Promise<StaffAccount> {
  counter++;
  // A made-up address unless one is given (a picture for the staff guide shows it).
  const email = spec.email ?? `petugas${counter}-${Math.random().toString(36).slice(2, 8)}@dinsos.localhost`;
  const first = `Sandi-Awal-${Math.random().toString(36).slice(2)}`;
  const record = await pb.admin.collection('petugas').create({ email, password: first, passwordConfirm: first, nama: spec.nama, peran: spec.peran, kecamatan: spec.kecamatan ?? [], aktif: spec.aktif ?? true });
  const client = new PocketBase(pb.url);
  client.autoCancellation(false);
  let password = first;
  if (spec.aktif !== false) {
    await client.collection('petugas').authWithPassword(email, first);
    if (spec.changePassword !== false) {
      password = `Sandi-Baru-${Math.random().toString(36).slice(2)}`;
      const res = await fetch(`${pb.url}/api/petugas/sandi`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', Authorization: client.authStore.token },
        body: JSON.stringify({ sandi_lama: first, sandi_baru: password, sandi_baru_ulang: password }),
      });
      if (res.status !== 200) throw new Error(`ganti sandi gagal: ${res.status} ${await res.text()}`);
      const auth = (await res.json()) as { token: string; record: { id: string } };
      client.authStore.save(auth.token, auth.record as never);
    }
  }
  return { id: record.id, email, password, nama: spec.nama, roles: spec.peran, client };
}

/**
 * One account per role with accounts (field roles cover every kecamatan), memoised per server:
 * the first call makes the team, and its `nama` (a person's name for each role, in the order of
 * roles.yaml) names them; without it they are "Uji <role>".
 */
const teams = new WeakMap<TestPocketBase, Promise<Record<string, StaffAccount>>>();
export function staffTeam(pb: TestPocketBase, contentDir = CONTENT_DIR, options: { nama?: (role: PortalData['roles'][number], index: number) => string } = {}): Promise<Record<string, StaffAccount>> {
  let team = teams.get(pb);
  if (!team) {
    const data = portalOf(contentDir);
    team = (async () => {
      const out: Record<string, StaffAccount> = {};
      for (const [index, role] of data.roles.filter((r) => r.account).entries()) {
        const nama = options.nama?.(role, index) ?? `Uji ${role.label}`;
        out[role.id] = await createStaff(pb, { nama, peran: [role.id], kecamatan: role.field ? data.kecamatan.map((k) => k.id) : [] });
      }
      return out;
    })();
    teams.set(pb, team);
  }
  return team;
}

/** An action through the workspace route as `account`: the HTTP status and the answer. */
export async function act(pb: TestPocketBase, account: StaffAccount, kind: CaseKind, id: string, body: AksiPermintaan): Promise<{ status: number; body: AksiJawaban & { message?: string; data?: Record<string, { message: string }> } }> {
  const res = await fetch(`${pb.url}/api/petugas/kasus/${kind}/${id}/aksi`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', Authorization: account.client.authStore.token },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as AksiJawaban & { message?: string } };
}

async function mustAct(pb: TestPocketBase, account: StaffAccount, kind: CaseKind, id: string, body: AksiPermintaan): Promise<void> {
  const res = await act(pb, account, kind, id, body);
  if (res.status !== 200) throw new Error(`${body.aksi} oleh ${account.roles.join(',')} ditolak: ${res.status} ${JSON.stringify(res.body)}`);
}

const NOTE = 'Alasan tertulis untuk pemohon pada langkah ini.';

/**
 * Moves a request (by the SOP's steps) or a report (along its statuses) to `target`, each action
 * by a team account allowed to take it; field steps are first assigned to the field account.
 */
export interface AdvanceOptions {
  contentDir?: string;
  /** The public note of the n-th action (0-based); a default reason where one is required. */
  note?: (n: number, aksi: string) => string | undefined;
  /** The internal note of the n-th action. */
  internal?: (n: number, aksi: string) => string | undefined;
  /** The documents asked for again when sent back for corrections (default: the first one). */
  repairDocuments?: string[];
}

export async function advance(pb: TestPocketBase, kind: CaseKind, id: string, target: string, options: AdvanceOptions = {}): Promise<void> {
  if (kind === 'permohonan') {
    const data = portalOf(options.contentDir ?? CONTENT_DIR);
    const rec = await pb.admin.collection('permohonan').getOne(id);
    const steps = flowContextOf(data, String(rec['layanan'])).steps;
    if (!data.statuses.find((s) => s.id === target)?.meaning && !steps.some((st) => st.stage === target)) throw new Error(`tahap ${target} tidak ada dalam SOP layanan ${String(rec['layanan'])}`);
  }
  await moveUntil(pb, kind, id, target, (rec) => String(rec['status']) === target, options);
}

/**
 * Moves a request through its SOP until its next step to record is step `index` (0-based, as
 * `langkah`), the earlier steps each recorded by a team account allowed to.
 */
export async function advanceToStep(pb: TestPocketBase, id: string, index: number, options: AdvanceOptions = {}): Promise<void> {
  const rec = await pb.admin.collection('permohonan').getOne(id);
  const ctx = flowContextOf(portalOf(options.contentDir ?? CONTENT_DIR), String(rec['layanan']));
  if (!ctx.steps[index]) throw new Error(`SOP layanan ${String(rec['layanan'])} tidak punya langkah ${index}`);
  await moveUntil(pb, 'permohonan', id, `langkah ${index}`, (r) => Number(r['langkah']) >= index, options);
  const now = await pb.admin.collection('permohonan').getOne(id);
  if (Number(now['langkah']) !== index) throw new Error(`permohonan ${id} melewati langkah ${index}`);
}

async function moveUntil(pb: TestPocketBase, kind: CaseKind, id: string, target: string, arrived: (rec: Record<string, unknown>) => boolean, options: AdvanceOptions): Promise<void> {
  const contentDir = options.contentDir ?? CONTENT_DIR;
  let n = 0;
  const notes = (aksi: string, required: boolean): Pick<AksiPermintaan, 'catatan_publik' | 'catatan_internal'> => {
    const out: Pick<AksiPermintaan, 'catatan_publik' | 'catatan_internal'> = {};
    const publicNote = options.note?.(n, aksi) ?? (required ? `${NOTE} (${aksi})` : undefined);
    const internal = options.internal?.(n, aksi);
    if (publicNote !== undefined) out.catatan_publik = publicNote;
    if (internal !== undefined) out.catatan_internal = internal;
    n++;
    return out;
  };
  const team = await staffTeam(pb, contentDir);
  const accounts = Object.values(team);
  const data = portalOf(contentDir);
  for (let guard = 0; guard < 60; guard++) {
    const rec = await pb.admin.collection(kind).getOne(id);
    const status = String(rec['status']);
    if (arrived(rec)) return;
    if (kind === 'laporan') {
      const path = reportPath(data, status, target);
      const next = path[0];
      if (!next) throw new Error(`tidak ada jalan laporan ${status} → ${target}`);
      const type = data.reportTypes.find((t) => t.id === rec['jenis']);
      const ctx = { statuses: data.reportStatuses, roles: data.roles, stageRoles: type?.stageRoles ?? {} };
      const who = accounts.find((a) => judgeReport(ctx, { status, assignedToMe: rec['ditugaskan_ke'] === a.id }, a.roles, next).allowed);
      if (!who) throw new Error(`tidak ada akun yang boleh memindah laporan ke ${next}`);
      await mustAct(pb, who, 'laporan', id, { aksi: 'status', status: next, ...notes('status', data.reportStatuses.find((x) => x.id === next)?.needsReason ?? false) });
      continue;
    }
    const ctx = flowContextOf(data, String(rec['layanan']));
    // Moving to a step (advanceToStep) has no target status: its steps are recorded in turn.
    const meaning = data.statuses.find((s) => s.id === target)?.meaning;
    const state = (a: StaffAccount) => ({ status, langkah: Number(rec['langkah']), assignedToMe: rec['petugas_lapangan'] === a.id });
    const pick = (aksi: FlowAction) => accounts.find((a) => judge(ctx, state(a), a.roles, aksi).allowed);
    const current = data.statuses.find((s) => s.id === status);
    let aksi: FlowAction;
    const body: AksiPermintaan = { aksi: 'langkah' };
    if (current?.meaning === 'repair' && meaning !== 'repair') aksi = 'lanjutkan';
    else if (meaning === 'repair') aksi = 'perbaikan';
    else if (meaning === 'cancelled') aksi = 'batal';
    else if (meaning === 'rejected' && pick('tolak')) aksi = 'tolak';
    else aksi = 'langkah';
    // A field step: assign the field account first.
    if (aksi === 'langkah') {
      const field = nextFieldRoles(ctx, state(accounts[0]!));
      const step = ctx.steps[Number(rec['langkah'])];
      if (step && step.roles.every((r) => field.includes(r)) && !rec['petugas_lapangan']) {
        await assignFieldStep(pb, id, contentDir, notes('tugaskan', false));
        continue;
      }
    }
    const who = pick(aksi);
    if (!who) throw new Error(`tidak ada akun yang boleh ${aksi} pada langkah ${String(rec['langkah'])} (${status})`);
    body.aksi = aksi;
    Object.assign(body, notes(aksi, aksi === 'tolak' || aksi === 'batal' || aksi === 'perbaikan'));
    if (aksi === 'perbaikan') body.dokumen_perbaikan = options.repairDocuments ?? [data.services.find((s) => s.id === rec['layanan'])!.documents[0]!.key];
    if (aksi === 'langkah' && recordsVisitResult(ctx, Number(rec['langkah']))) body.hasil_verifikasi = 'layak';
    await mustAct(pb, who, 'permohonan', id, body);
  }
  throw new Error(`permohonan ${id} tidak sampai ke ${target}`);
}

/**
 * Assigns a request's next field step to the team's field account holding its role, by an
 * account allowed to assign (as a Kasi does), unless it is already theirs; returns that account.
 * `advance` to a field step's stage stops before this: the request waits to be assigned.
 */
export async function assignFieldStep(pb: TestPocketBase, id: string, contentDir = CONTENT_DIR, notes: Pick<AksiPermintaan, 'catatan_publik' | 'catatan_internal'> = {}): Promise<StaffAccount> {
  const accounts = Object.values(await staffTeam(pb, contentDir));
  const rec = await pb.admin.collection('permohonan').getOne(id);
  const ctx = flowContextOf(portalOf(contentDir), String(rec['layanan']));
  const state = (a: StaffAccount) => ({ status: String(rec['status']), langkah: Number(rec['langkah']), assignedToMe: rec['petugas_lapangan'] === a.id });
  const field = nextFieldRoles(ctx, state(accounts[0]!));
  const worker = accounts.find((a) => a.roles.some((r) => field.includes(r)));
  if (!worker) throw new Error('tidak ada akun untuk langkah lapangan berikutnya');
  if (rec['petugas_lapangan'] === worker.id) return worker;
  const assigner = accounts.find((a) => judge(ctx, state(a), a.roles, 'tugaskan').allowed);
  if (!assigner) throw new Error('tidak ada akun yang boleh menugaskan petugas lapangan');
  await mustAct(pb, assigner, 'permohonan', id, { aksi: 'tugaskan', petugas_lapangan: worker.id, ...notes });
  return worker;
}

/** Shortest chain of allowed report statuses from `from` to `to` (without `from`). */
function reportPath(data: PortalData, from: string, to: string): string[] {
  const previous = new Map<string, string>([[from, '']]);
  const queue = [from];
  while (queue.length) {
    const id = queue.shift()!;
    if (id === to) break;
    for (const next of data.reportStatuses.find((s) => s.id === id)?.next ?? []) {
      if (!previous.has(next)) {
        previous.set(next, id);
        queue.push(next);
      }
    }
  }
  if (!previous.has(to)) return [];
  const path: string[] = [];
  for (let id = to; id !== from; id = previous.get(id)!) path.unshift(id);
  return path;
}
