// Checks across content files that a schema alone cannot express. They run during the
// build (src/lib/content.ts) and in tests; any problem fails the build naming file and field.
import type { Service } from '../schemas/service';
import type { Sop } from '../schemas/sop';
import type { Programme } from '../schemas/programme';
import type { Role, StatusMeaning } from '../schemas/reference';
import { totalMinutes, toMinutes, formatWorkingTime } from './duration';

export interface ContentProblem {
  /** File relative to content/, e.g. "services/<id>.yaml". */
  file: string;
  /** Field path, e.g. "steps[3].actors". */
  field: string;
  message: string;
}

export interface ContentForChecks {
  services: ReadonlyArray<{ id: string; data: Service }>;
  sops: ReadonlyArray<{ id: string; data: Sop }>;
  programmes: ReadonlyArray<{ id: string; data: Programme }>;
  ppksIds: ReadonlySet<string>;
  documentTypeIds: ReadonlySet<string>;
  /** Keys of content/reference/service-groups.yaml (unchecked when absent). */
  serviceGroupIds?: ReadonlySet<string> | undefined;
  /** Statuses with the statuses each may move to. */
  statuses: ReadonlyArray<{ id: string; data: StatusForChecks }>;
  /** Report statuses and kinds (optional for older fixtures). */
  reportStatuses?: ReadonlyArray<{ id: string; data: StatusForChecks & { sopStage?: string | undefined } }>;
  reportTypes?: ReadonlyArray<{ id: string; data: { sop: string | null; ppks: string[] } }>;
  /** Staff roles and the SOP actors they are (content/reference/roles.yaml). */
  roles: ReadonlyArray<{ id: string; data: Pick<Role, 'actors' | 'account' | 'recordedBy' | 'documents' | 'field'> }>;
}

/**
 * Every SOP actor is exactly one role, so the office that edits content/ decides who may record
 * each step; a role without accounts names an account role that records its steps.
 */
function checkRoles(content: ContentForChecks): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const file = 'reference/roles.yaml';
  const roleOf = new Map<string, string>();
  const roleIds = new Set(content.roles.map((r) => r.id));
  content.roles.forEach((role, i) => {
    role.data.actors.forEach((actor, j) => {
      const other = roleOf.get(actor);
      if (other) problems.push({ file: `${file}[${i}]`, field: `actors[${j}]`, message: `pelaksana "${actor}" sudah dipegang peran "${other}"; satu pelaksana hanya untuk satu peran` });
      else roleOf.set(actor, role.id);
    });
    if (!role.data.account) {
      const by = content.roles.find((r) => r.id === role.data.recordedBy);
      if (!by || !by.data.account) problems.push({ file: `${file}[${i}]`, field: 'recordedBy', message: `peran tanpa akun harus menyebut peran berakun yang mencatat langkahnya (recordedBy); "${role.data.recordedBy ?? ''}" bukan peran berakun` });
    }
    role.data.documents.forEach((doc, j) => {
      if (!content.documentTypeIds.has(doc)) problems.push({ file: `${file}[${i}]`, field: `documents[${j}]`, message: `jenis dokumen "${doc}" tidak ada di content/reference/documents.yaml` });
    });
    if (role.data.documents.length > 0 && !role.data.field) problems.push({ file: `${file}[${i}]`, field: 'documents', message: 'daftar dokumen hanya untuk peran lapangan (field: true); peran kantor membuka semua dokumen' });
  });
  if (roleIds.size !== content.roles.length) problems.push({ file, field: 'id', message: 'ada id peran yang ditulis dua kali' });
  for (const { id, data: sop } of content.sops) {
    sop.actors.forEach((actor, i) => {
      if (!roleOf.has(actor.key)) {
        problems.push({ file: `sops/${id}.yaml`, field: `actors[${i}].key`, message: `pelaksana "${actor.key}" (${actor.label}) belum dipetakan ke peran mana pun di content/reference/roles.yaml` });
      }
    });
  }
  return problems;
}

interface StatusForChecks {
  next: string[];
  closed?: boolean;
  meaning?: StatusMeaning | undefined;
}

/**
 * The server acts on a status's declared meaning: every status list needs exactly one initial
 * status and at least one successful end, and every closed status must say how it ended.
 */
function checkMeanings(file: string, statuses: ReadonlyArray<{ id: string; data: StatusForChecks }>): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const withMeaning = (m: StatusMeaning) => statuses.filter((s) => s.data.meaning === m);
  if (withMeaning('initial').length !== 1) {
    problems.push({ file, field: 'meaning', message: `harus ada tepat satu status dengan meaning: initial (ada ${withMeaning('initial').length})` });
  }
  if (withMeaning('success').length < 1) problems.push({ file, field: 'meaning', message: 'harus ada paling sedikit satu status dengan meaning: success' });
  statuses.forEach((s, i) => {
    const ending = s.data.meaning === 'success' || s.data.meaning === 'rejected' || s.data.meaning === 'cancelled';
    if (s.data.closed === true && !ending) problems.push({ file: `${file}[${i}]`, field: 'meaning', message: `status tertutup "${s.id}" harus ber-meaning success, rejected, atau cancelled` });
    if (s.data.closed === false && ending) problems.push({ file: `${file}[${i}]`, field: 'closed', message: `status "${s.id}" ber-meaning ${s.data.meaning} harus closed: true` });
  });
  return problems;
}

export function checkContent(content: ContentForChecks): ContentProblem[] {
  const problems: ContentProblem[] = [];
  problems.push(...checkMeanings('reference/statuses.yaml', content.statuses));
  problems.push(...checkRoles(content));
  if (content.reportStatuses && content.reportStatuses.length > 0) problems.push(...checkMeanings('reference/report-statuses.yaml', content.reportStatuses));
  const sops = new Map(content.sops.map((s) => [s.id, s.data]));
  const programmeIds = new Set(content.programmes.map((p) => p.id));
  const serviceIds = new Set(content.services.map((s) => s.id));
  const statusIds = new Set(content.statuses.map((s) => s.id));

  content.statuses.forEach((status, i) => {
    status.data.next.forEach((next, j) => {
      if (!statusIds.has(next)) {
        problems.push({ file: `reference/statuses.yaml[${i}]`, field: `next[${j}]`, message: `status "${next}" tidak ada di daftar status` });
      }
    });
  });

  for (const { id, data: sop } of content.sops) {
    const file = `sops/${id}.yaml`;
    const actorKeys = new Set<string>();
    sop.actors.forEach((actor, i) => {
      if (actorKeys.has(actor.key)) problems.push({ file, field: `actors[${i}].key`, message: `pelaksana "${actor.key}" ditulis dua kali` });
      actorKeys.add(actor.key);
    });
    sop.steps.forEach((step, i) => {
      step.actors.forEach((actor, j) => {
        if (!actorKeys.has(actor)) {
          problems.push({ file, field: `steps[${i}].actors[${j}]`, message: `pelaksana "${actor}" tidak ada di daftar actors (${[...actorKeys].join(', ')})` });
        }
      });
    });
    sop.steps.forEach((step, i) => {
      if (step.stage !== undefined && !statusIds.has(step.stage)) {
        problems.push({ file, field: `steps[${i}].stage`, message: `tahap "${step.stage}" tidak ada di content/reference/statuses.yaml` });
      }
    });
    if (sop.steps[0]?.kind !== 'start') problems.push({ file, field: 'steps[0].kind', message: 'langkah pertama harus berjenis "start"' });
    const last = sop.steps.length - 1;
    if (sop.steps[last]?.kind !== 'end') problems.push({ file, field: `steps[${last}].kind`, message: 'langkah terakhir harus berjenis "end"' });
  }

  for (const { id, data: service } of content.services) {
    const file = `services/${id}.yaml`;
    if (content.serviceGroupIds && !content.serviceGroupIds.has(service.group)) {
      problems.push({ file, field: 'group', message: `kelompok "${service.group}" tidak ada di content/reference/service-groups.yaml (${[...content.serviceGroupIds].join(', ')})` });
    }
    const sop = sops.get(service.sop);
    if (!sop) {
      problems.push({ file, field: 'sop', message: `SOP "${service.sop}" tidak ada di content/sops/` });
    } else {
      const fromSteps = totalMinutes(sop.steps.map((s) => s.time));
      const declared = toMinutes(service.duration);
      if (Math.abs(fromSteps - declared) > 0.001) {
        problems.push({
          file,
          field: 'duration',
          message: `jangka waktu ${formatWorkingTime(declared)} tidak sama dengan jumlah waktu langkah SOP "${service.sop}" (${formatWorkingTime(fromSteps)})`,
        });
      }
    }
    if (service.programme && !programmeIds.has(service.programme)) {
      problems.push({ file, field: 'programme', message: `program "${service.programme}" tidak ada di content/programmes/` });
    }
    const docKeys = new Set<string>();
    service.documents.forEach((doc, i) => {
      if (docKeys.has(doc.key)) problems.push({ file, field: `documents[${i}].key`, message: `dokumen "${doc.key}" ditulis dua kali` });
      docKeys.add(doc.key);
      if (!content.documentTypeIds.has(doc.key)) {
        problems.push({ file, field: `documents[${i}].key`, message: `jenis dokumen "${doc.key}" tidak ada di content/reference/documents.yaml` });
      }
      // A document only some applicants give must name applicants the service accepts.
      (doc.applicants ?? []).forEach((role, j) => {
        if (service.applicants && !service.applicants.includes(role)) problems.push({ file, field: `documents[${i}].applicants[${j}]`, message: `"${role}" tidak ada di daftar applicants layanan ini` });
        if (doc.of === 'pengaju' && role === 'diri_sendiri') problems.push({ file, field: `documents[${i}].applicants[${j}]`, message: 'dokumen milik pengaju (of: pengaju) tidak diminta bila penerima mengajukan sendiri' });
      });
    });
    if (service.onlineApplication && service.documents.length === 0) {
      problems.push({ file, field: 'documents', message: 'layanan dengan permohonan daring harus mencantumkan dokumen' });
    }
    service.eligibility.ppks.forEach((ppks, i) => {
      if (!content.ppksIds.has(ppks)) problems.push({ file, field: `eligibility.ppks[${i}]`, message: `kategori PPKS "${ppks}" tidak ada di content/reference/ppks.yaml` });
    });
    const questionIds = new Set<string>();
    service.eligibility.questions.forEach((q, i) => {
      if (questionIds.has(q.id)) problems.push({ file, field: `eligibility.questions[${i}].id`, message: `pertanyaan "${q.id}" ditulis dua kali` });
      questionIds.add(q.id);
    });
  }

  const reportStatusIds = new Set((content.reportStatuses ?? []).map((s) => s.id));
  (content.reportStatuses ?? []).forEach((status, i) => {
    status.data.next.forEach((next, j) => {
      if (!reportStatusIds.has(next)) problems.push({ file: `reference/report-statuses.yaml[${i}]`, field: `next[${j}]`, message: `status "${next}" tidak ada di daftar status laporan` });
    });
    if (status.data.sopStage && !statusIds.has(status.data.sopStage)) {
      problems.push({ file: `reference/report-statuses.yaml[${i}]`, field: 'sopStage', message: `tahap "${status.data.sopStage}" tidak ada di content/reference/statuses.yaml` });
    }
  });
  (content.reportTypes ?? []).forEach((type, i) => {
    if (type.data.sop && !sops.has(type.data.sop)) problems.push({ file: `reference/report-types.yaml[${i}]`, field: 'sop', message: `SOP "${type.data.sop}" tidak ada di content/sops/` });
    type.data.ppks.forEach((p, j) => {
      if (!content.ppksIds.has(p)) problems.push({ file: `reference/report-types.yaml[${i}]`, field: `ppks[${j}]`, message: `kategori PPKS "${p}" tidak ada di content/reference/ppks.yaml` });
    });
  });

  for (const { id, data: programme } of content.programmes) {
    programme.services.forEach((service, i) => {
      if (!serviceIds.has(service)) {
        problems.push({ file: `programmes/${id}.yaml`, field: `services[${i}]`, message: `layanan "${service}" tidak ada di content/services/` });
      }
    });
  }
  return problems;
}

/** The checks on content as its loaders give it (Astro's collections or content-files.ts). */
export function checkLoadedContent(
  content: Omit<ContentForChecks, 'ppksIds' | 'documentTypeIds' | 'serviceGroupIds'> & { ppks: ReadonlyArray<{ id: string }>; documentTypes: ReadonlyArray<{ id: string }>; serviceGroups?: ReadonlyArray<{ id: string }> },
): ContentProblem[] {
  const { ppks, documentTypes, serviceGroups, ...rest } = content;
  return checkContent({ ...rest, ppksIds: new Set(ppks.map((p) => p.id)), documentTypeIds: new Set(documentTypes.map((d) => d.id)), serviceGroupIds: serviceGroups ? new Set(serviceGroups.map((g) => g.id)) : undefined });
}

export function formatProblems(problems: readonly ContentProblem[]): string {
  return problems.map((p) => `content/${p.file} → ${p.field}: ${p.message}`).join('\n');
}
