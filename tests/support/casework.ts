// A small office day for the workspace's queue tests (API and browser): requests from two people in
// two kecamatan, one moved on through the SOP, one assigned to a field worker, one late, one due
// today, and reports of both urgencies. Services, kecamatan, statuses and roles come from content/
// (the SOP and role rules pick who acts), so this holds for another office's content too.
import type { TestPocketBase } from './pocketbase';
import { SAMPLE_PERSON, reportAsSamplePerson } from './application';
import { applicationFor, KECAMATAN, report, REPORT_TYPES, REPORTS, REQUESTS, SERVICES, type Sent } from './records';
import { OFFSET_MS, setDueDate } from './backdate';
import { act, advance, portalOf, staffTeam, type StaffAccount } from './staff';
import { waitFor } from './wait';

/** A second applicant, with a phone typed the way people write it (stored as +62…). */
export const OTHER_PERSON = {
  nama_lengkap: 'Bambang Sutrisno Wibowo',
  nik: '1901021203850002',
  telepon: '0812-3456-7890',
} as const;

const portal = portalOf();
/** Roles by what they are, never by key: an office role that handles cases, and a field role. */
export const ROLES = {
  office: portal.roles.find((r) => r.account && r.cases && !r.field && r.can.includes('perbaikan'))!,
  field: portal.roles.find((r) => r.account && r.field)!,
  assigner: portal.roles.find((r) => r.account && r.can.includes('tugaskan'))!,
  exporter: portal.roles.find((r) => r.account && !r.field && r.can.includes('log-akses'))!,
  numbersOnly: portal.roles.find((r) => r.account && !r.cases && !r.field),
};

export const SERVICE = SERVICES[0]!;
export const [K0, K1] = KECAMATAN as [(typeof KECAMATAN)[0], (typeof KECAMATAN)[0]];

async function applyAs(pb: TestPocketBase, person: Partial<Record<keyof typeof SAMPLE_PERSON, string>>, kecamatan: string): Promise<Sent> {
  const form = applicationFor(SERVICE.id, kecamatan);
  for (const [key, value] of Object.entries(person)) form.set(key, value);
  const res = await fetch(`${pb.url}/api/collections/permohonan/records`, { method: 'POST', body: form });
  if (res.status !== 200) throw new Error(`permohonan ditolak: ${res.status} ${await res.text()}`);
  const code = ((await res.json()) as { kode_lacak: string }).kode_lacak;
  const record = await pb.admin.collection('permohonan').getFirstListItem(pb.admin.filter('kode_lacak = {:k}', { k: code }));
  return { id: record.id, code };
}

export interface Casework {
  team: Record<string, StaffAccount>;
  office: StaffAccount;
  field: StaffAccount;
  /** SAMPLE_PERSON in K0, as sent. */
  fresh: Sent;
  /** OTHER_PERSON in K1, moved on to the first open stage after intake. */
  checked: Sent;
  /** SAMPLE_PERSON in K1, assigned to the field account. */
  assigned: Sent;
  /** SAMPLE_PERSON in K0, past its stage's due date. */
  late: Sent;
  /** OTHER_PERSON in K0, due later today (office time). */
  dueToday: Sent;
  /** SAMPLE_REPORT (urgent) in K0. */
  urgentReport: Sent;
  /** An ordinary report in K1. */
  plainReport: Sent;
  /** An ordinary report in K0, moved on to the first open status after intake. */
  handledReport: Sent;
}

/** The instant one minute before the office's midnight today. */
function laterToday(): Date {
  const day = 86_400_000;
  const start = Math.floor((Date.now() + OFFSET_MS) / day) * day - OFFSET_MS;
  return new Date(start + day - 60_000);
}

export async function seedCasework(pb: TestPocketBase): Promise<Casework> {
  const team = await staffTeam(pb);
  const office = team[ROLES.office.id]!;
  const field = team[ROLES.field.id]!;
  const fresh = await applyAs(pb, {}, K0.id);
  const checked = await applyAs(pb, OTHER_PERSON, K1.id);
  await advance(pb, 'permohonan', checked.id, REQUESTS.checking.id);
  const assigned = await applyAs(pb, {}, K1.id);
  const assign = await act(pb, team[ROLES.assigner.id]!, 'permohonan', assigned.id, { aksi: 'tugaskan', petugas_lapangan: field.id });
  if (assign.status !== 200) throw new Error(`penugasan ditolak: ${JSON.stringify(assign.body)}`);
  const late = await applyAs(pb, {}, K0.id);
  const dueToday = await applyAs(pb, OTHER_PERSON, K0.id);
  const urgentCode = await reportAsSamplePerson(pb.url, { kecamatan: K0.id });
  const urgent = await pb.admin.collection('laporan').getFirstListItem(pb.admin.filter('kode_lacak = {:k}', { k: urgentCode }));
  const urgentReport = { id: urgent.id, code: urgentCode };
  const plainReport = await report(pb, REPORT_TYPES[0]!.id, K1.id);
  const handledReport = await report(pb, REPORT_TYPES[0]!.id, K0.id);
  await advance(pb, 'laporan', handledReport.id, REPORTS.checking.id);

  // Due dates follow the SOP's working hours, so they depend on the clock: set them outright so
  // exactly one request is late and one is due today whatever the time the test runs.
  const due = async (collection: 'permohonan' | 'laporan', sent: Sent, when: Date) => setDueDate(pb.dataDir, collection, sent.id, when);
  const nextWeek = new Date(Date.now() + 7 * 86_400_000);
  for (const sent of [fresh, checked, assigned]) await due('permohonan', sent, nextWeek);
  for (const sent of [urgentReport, plainReport, handledReport]) await due('laporan', sent, nextWeek);
  await due('permohonan', late, new Date(Date.now() - 2 * 86_400_000));
  await due('permohonan', dueToday, laterToday());
  await pb.admin.crons.run('tandai_terlambat');
  await waitFor(async () => (await pb.admin.collection('permohonan').getOne(late.id))['terlambat'] === true, 'permohonan terlambat ditandai');
  return { team, office, field, fresh, checked, assigned, late, dueToday, urgentReport, plainReport, handledReport };
}
