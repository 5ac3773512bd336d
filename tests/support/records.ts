// Requests and reports for tests of the public figures, built from content/ (services, their
// eligibility questions and documents, kecamatan, report types, and the status workflows) so the
// tests hold for another office's content too. Sent through the public routes, moved on by staff
// accounts through the workspace's actions (tests/support/staff.ts).
import { randomUUID } from 'node:crypto';
import type { TestPocketBase } from './pocketbase';
import { loadContent } from './content';
import { applicationForm, applicationVectors, fakeFile, photoFile, PRIVACY_VERSION, SAMPLE_APPLICANT_NIK, SAMPLE_PERSON } from './application';
import { backdate, mondayAt } from './backdate';
import { MIN_PUBLIC_COUNT } from '../../src/lib/rules';
import { pathTo, statusWithMeaning } from './workflow';
import { advance, portalOf } from './staff';
import type { StatusMeaning } from '../../src/schemas/reference';
import { documentNeed } from '../../src/lib/rules/applicant';

export const content = loadContent();

interface StatusEntry {
  id: string;
  order: number;
  label: string;
  next: string[];
  closed: boolean;
  needsReason: boolean;
}

function workflow(entries: readonly { id: string; data: Omit<StatusEntry, 'id'> & { meaning?: StatusMeaning | undefined } }[]) {
  const statuses: StatusEntry[] = entries.map((e) => ({ ...e.data, id: e.id })).sort((a, b) => a.order - b.order);
  const byId = (id: string) => statuses.find((s) => s.id === id)!;
  const initial = byId(statusWithMeaning(entries, 'initial'));
  const firstNext = initial.next.map(byId);
  return {
    statuses,
    initial,
    label: (id: string) => byId(id).label,
    pathTo: (target: string) => pathTo(entries, target),
    /** A refusal straight after intake: the first closed status that needs a reason. */
    refused: firstNext.find((s) => s.closed && s.needsReason)!,
    /** The first stage after intake that is still open. */
    checking: firstNext.find((s) => !s.closed)!,
  };
}

export const REQUESTS = workflow(content.statuses);
export const REPORTS = workflow(content.reportStatuses);
/** The served end (meaning "success"): finished requests count by it (medians, survey population). */
export const FINISHED = statusWithMeaning(content.statuses, 'success');
/** Where staff send a request back to the applicant for corrections (meaning "repair"). */
export const REPAIR = statusWithMeaning(content.statuses, 'repair');

/**
 * Services that take applications online and whose SOP passes through every stage these tests
 * move requests to (the checking stage, and a decision that can refuse), the vectors' own
 * service first: staff can only move a request along its own SOP.
 */
export const SERVICES = (() => {
  const first = applicationVectors()[0]!.input.layanan;
  const data = portalOf();
  const fits = (id: string) => {
    const steps = data.services.find((s) => s.id === id)?.steps ?? [];
    return steps.some((st) => st.stage === REQUESTS.checking.id) && steps.some((st) => st.kind === 'decision');
  };
  // Takes applications now (a draft only when switched on): the server's own rule.
  const online = content.services.filter((s) => data.services.find((x) => x.id === s.id)?.onlineApplication && fits(s.id));
  return [...online.filter((s) => s.id === first), ...online.filter((s) => s.id !== first)].map((s) => ({ id: s.id, title: s.data.title, data: s.data }));
})();
export const KECAMATAN = content.kecamatan.map((k) => ({ id: k.id, name: k.data.name }));
export const REPORT_TYPES = content.reportTypes.map((t) => ({ id: t.id, label: t.data.label }));

const documentTypes = new Map(content.documentTypes.map((d) => [d.id, d.data]));

/** An application for SAMPLE_PERSON that the service's own rules accept: the expected eligibility answers and every document asked of this applicant and recipient. */
export function applicationFor(serviceId: string, kecamatan: string): FormData {
  const service = SERVICES.find((s) => s.id === serviceId);
  if (!service) throw new Error(`layanan ${serviceId} tidak menerima permohonan daring`);
  const base = applicationVectors()[0]!;
  const answers = Object.fromEntries(service.data.eligibility.questions.map((q) => [q.id, q.expected]));
  // SAMPLE_PERSON applies on someone's behalf; where the service takes applications only from
  // others (e.g. kelurahan officers), as the first of those, with their own NIK when asked.
  const allowed = service.data.applicants;
  const who = { ...SAMPLE_PERSON, pemohon_adalah: !allowed || allowed.includes(SAMPLE_PERSON.pemohon_adalah) ? SAMPLE_PERSON.pemohon_adalah : allowed[0]! };
  const applicantNik = service.data.identity.pengaju.nik === 'tidak_diminta' ? {} : { nik_pengaju: SAMPLE_APPLICANT_NIK };
  const form = applicationForm({ ...base.input, ...who, ...applicantNik, layanan: serviceId, kecamatan, jawaban_kelayakan: answers, id_pengiriman: randomUUID() }, {});
  const today = new Date().toISOString().slice(0, 10);
  for (const doc of service.data.documents) {
    if (documentNeed(doc, who, today) === 'tidak_diminta') continue;
    const accept = documentTypes.get(doc.key)!.accept;
    form.append(doc.key, accept.includes('image/png') ? photoFile(doc.key) : fakeFile({ size: 20_000, type: accept[0]! }, doc.key));
  }
  return form;
}

export interface Sent {
  id: string;
  code: string;
}

async function created(pb: TestPocketBase, collection: 'permohonan' | 'laporan', res: Response): Promise<Sent> {
  if (res.status !== 200) throw new Error(`${collection} ditolak: ${res.status} ${await res.text()}`);
  const code = ((await res.json()) as { kode_lacak: string }).kode_lacak;
  const record = await pb.admin.collection(collection).getFirstListItem(pb.admin.filter('kode_lacak = {:k}', { k: code }));
  return { id: record.id, code };
}

/** Sends an application through the public records API. */
export async function apply(pb: TestPocketBase, serviceId: string, kecamatan: string): Promise<Sent> {
  return created(pb, 'permohonan', await fetch(`${pb.url}/api/collections/permohonan/records`, { method: 'POST', body: applicationFor(serviceId, kecamatan) }));
}

/** Sends a resident's report through the public records API; `fields` replace the plain defaults. */
export async function report(pb: TestPocketBase, jenis: string, kecamatan: string, fields: Record<string, string> = {}): Promise<Sent> {
  const form = new FormData();
  const values: Record<string, string> = {
    jenis,
    urgensi: 'biasa',
    kategori_ppks: '',
    kecamatan,
    desa_kelurahan: 'Desa Umum',
    patokan: 'Dekat pasar lama',
    deskripsi: 'Keterangan singkat laporan uji.',
    anonim: 'true',
    nama_pelapor: '',
    telepon_pelapor: '',
    persetujuan_versi: PRIVACY_VERSION,
    id_pengiriman: randomUUID(),
    ...fields,
  };
  for (const [k, v] of Object.entries(values)) form.append(k, v);
  return created(pb, 'laporan', await fetch(`${pb.url}/api/collections/laporan/records`, { method: 'POST', body: form }));
}

/** Moves a record as staff do, through the workspace's actions, to the last status of `path`. */
export async function move(pb: TestPocketBase, collection: 'permohonan' | 'laporan', id: string, path: readonly string[]): Promise<void> {
  const target = path[path.length - 1];
  if (target) await advance(pb, collection, id, target);
}

/** Nine answers of `score` (1–4) for a served request, through the public survey route. */
export async function survey(pb: TestPocketBase, code: string, score: number): Promise<void> {
  const form = new FormData();
  for (let i = 1; i <= 9; i++) form.append(`u${i}`, String(score));
  const res = await fetch(`${pb.url}/api/lacak/${encodeURIComponent(code)}/survei`, { method: 'POST', body: form });
  if (res.status !== 200) throw new Error(`survei ditolak: ${res.status} ${await res.text()}`);
}

/**
 * Puts a record the test sent on the public board, which publishes yesterday's state in groups
 * of at least MIN_PUBLIC_COUNT: sends plain companions of the same kind, kecamatan and status,
 * and moves all of them, with their history, to the Monday `weeksAgo` weeks back.
 */
export async function putOnBoard(pb: TestPocketBase, collection: 'permohonan' | 'laporan', code: string, weeksAgo = 1): Promise<void> {
  const record = await pb.admin.collection(collection).getFirstListItem(pb.admin.filter('kode_lacak = {:k}', { k: code }));
  const kind = String(record[collection === 'laporan' ? 'jenis' : 'layanan']);
  const kecamatan = String(record['kecamatan']);
  const path = (collection === 'laporan' ? REPORTS : REQUESTS).pathTo(String(record['status']));
  const ids = [record.id];
  for (let i = 1; i < MIN_PUBLIC_COUNT; i++) {
    const companion = collection === 'laporan' ? await report(pb, kind, kecamatan) : await apply(pb, kind, kecamatan);
    await move(pb, collection, companion.id, path);
    ids.push(companion.id);
  }
  backdate(pb.dataDir, collection, ids, mondayAt(weeksAgo));
}
