// What the PocketBase hooks need from content/: services with their documents, eligibility
// questions and SOP stages, kecamatan, statuses and office settings. The server build
// (scripts/lib/server-build.mjs) writes it into pocketbase/pb_hooks/lib/portal.generated.js,
// so content/ stays the one source for the browser and the server alike and the server never
// reads the site's build output. Nothing here is private.
import type { ServiceRules } from './rules/application';
import type { Letter } from '../schemas/letter';
import type { Service } from '../schemas/service';
import type { Sop } from '../schemas/sop';
import type { RolePower, StatusMeaning } from '../schemas/reference';
import type { FlowContext, FlowStep } from './rules/sop-flow';
import { sopStages } from './rules/stages';
import { exampleCode } from './rules/tracking-code';
import type { OfficeCalendar } from './rules/working-time';
import type { VillageKind } from './rules/applicant';
import { calendarOfContent } from './calendar';
import { serviceRules, type DocumentType } from './service-rules';
import { checkLoadedContent, formatProblems } from './content-checks';
import type { ContentFiles } from './content-files';
import type { Notifications } from '../schemas/notifications';

export interface PortalStatus {
  id: string;
  label: string;
  description: string;
  next: string[];
  needsReason: boolean;
  closed: boolean;
  meaning?: StatusMeaning | undefined;
}

export interface PortalRole {
  id: string;
  label: string;
  description: string;
  can: RolePower[];
  field: boolean;
  /** An office role that reads cases (all of them); false for e.g. planning staff. */
  cases: boolean;
  documents: string[];
  account: boolean;
}

export interface PortalData {
  /** Staff roles (content/reference/roles.yaml), in order. */
  roles: PortalRole[];
  /** Letters issued on a decision (content/letters/), each with the statuses that produce it. */
  letters: (Letter & { id: string })[];
  site: { officeName: string; officeAddress: string; phone: string; trackingPrefix: string; timeZone: string; privacyNoticeVersion: string; retentionDays: number; regionCode: string; regionName: string; duplicateMonths: number; calendar: OfficeCalendar; villages: VillageKind };
  kecamatan: { id: string; code: string; name: string }[];
  ppks: { id: string; name: string }[];
  statuses: PortalStatus[];
  documentTypes: { id: string; label: string; accept: string[]; maxSizeMB: number }[];
  services: (ServiceRules & { stages: { status: string; minutes: number; timed: boolean }[]; sopTitle: string; steps: FlowStep[]; expectedDays: { min: number; max: number } })[];
  reportStatuses: (PortalStatus & { sopStage?: string | undefined })[];
  /** Report kinds with the stages of their SOP, as report statuses with standard minutes. */
  reportTypes: { id: string; label: string; ppks: string[]; stages: { status: string; minutes: number; timed: boolean }[]; stageRoles: Record<string, string[]> }[];
  pilarSosial: { id: string; name: string }[];
  /** Message templates and quiet hours (content/reference/notifications.yaml); null: no messages. */
  notifications: Notifications | null;
}

/**
 * The part of the database schema that follows content/ (pocketbase/pb_hooks/lib/schema-sync.js
 * applies it from a generated migration): a protected file field per document type, and the
 * choices of the status and forwarding fields.
 */
export interface ContentSchema {
  documentTypes: PortalData['documentTypes'];
  /** An example tracking code with the office's prefix, for the code fields' help texts. */
  trackingCodeExample: string;
  statuses: string[];
  reportStatuses: string[];
  /** Keys of the report kinds, named in the help text of a report's kind. */
  reportTypes: string[];
  pilarSosial: string[];
  /** Roles a staff account may hold (those with accounts). */
  roles: string[];
  /** Roles that read the access log (`can: log-akses`). */
  accessLogReaders: string[];
  kecamatan: string[];
  /** Field roles (see only the cases assigned to them) and office roles (see all cases). */
  fieldRoles: string[];
  caseRoles: string[];
}

/** The portal data from content/ read by content-files.ts; throws on any cross-file problem. */
export function buildPortalData(content: ContentFiles): PortalData {
  const { site: siteEntries, services, sops, kecamatan, statuses, documentTypes, ppks, reportStatuses, reportTypes, pilarSosial, programmes } = content;
  const problems = checkLoadedContent({ services, sops, programmes, ppks, documentTypes, statuses, reportStatuses, reportTypes, roles: content.roles, serviceGroups: content.serviceGroups });
  if (problems.length > 0) throw new Error(`Isi content/ tidak konsisten:\n${formatProblems(problems)}`);
  if (siteEntries.length !== 1) throw new Error(`content/site/site.yaml: harus ada tepat satu identitas kantor (ditemukan ${siteEntries.length}).`);
  const site = siteEntries[0]!.data;
  // Each SOP actor is one role (checked above); an actor without accounts is recorded by its
  // role's recordedBy.
  const roleOfActor = new Map<string, string>();
  const outsideActors = new Set<string>();
  for (const r of content.roles) {
    for (const actor of r.data.actors) {
      roleOfActor.set(actor, r.data.account ? r.id : (r.data.recordedBy ?? r.id));
      if (!r.data.account) outsideActors.add(actor);
    }
  }
  // Where every request starts (checked above: exactly one status means "initial").
  const initial = statuses.find((s) => s.data.meaning === 'initial')!.id;
  const stepsOf = (sop: Sop): FlowStep[] =>
    sopStages(sop.steps, initial).flatMap((stage) =>
      stage.steps.map((i) => {
        const step = sop.steps[i]!;
        return { stage: stage.status, kind: step.kind, activity: step.activity, roles: [...new Set(step.actors.map((a) => roleOfActor.get(a)!))], outside: step.actors.every((a) => outsideActors.has(a)) };
      }),
    );
  const types = new Map<string, DocumentType>(documentTypes.map((d) => [d.id, d.data]));
  const sopById = new Map<string, Sop>(sops.map((s) => [s.id, s.data]));
  const byOrder = <T extends { data: { order: number } }>(list: readonly T[]) => [...list].sort((a, b) => a.data.order - b.data.order);
  return {
    roles: [...content.roles]
      .sort((a, b) => a.data.order - b.data.order)
      .map((r) => ({ id: r.id, label: r.data.label, description: r.data.description, can: [...r.data.can], field: r.data.field, cases: r.data.cases, documents: [...r.data.documents], account: r.data.account })),
    letters: letterEntries(content.letters, { statuses: statuses.map((s) => s.id), services: services.map((s) => s.id), roles: content.roles.map((r) => r.id) }),
    site: {
      officeName: site.officeName,
      phone: site.phone,
      officeAddress: `${site.address.street}, ${site.address.city}`,
      trackingPrefix: site.trackingPrefix,
      timeZone: site.timeZone,
      privacyNoticeVersion: site.privacyNoticeVersion,
      retentionDays: site.retentionDays,
      regionCode: site.region.code,
      regionName: site.region.name,
      duplicateMonths: site.duplicateMonths,
      calendar: calendarOfContent(site, content.calendar),
      villages: site.villages,
    },
    kecamatan: kecamatan.map((k) => ({ id: k.id, code: k.data.code, name: k.data.name })),
    ppks: ppks.map((p) => ({ id: p.id, name: p.data.name })),
    statuses: byOrder(statuses).map((s) => statusOf(s.id, s.data)),
    documentTypes: documentTypes.map((d) => ({ id: d.id, label: d.data.label, accept: [...d.data.accept], maxSizeMB: d.data.maxSizeMB })),
    reportStatuses: byOrder(reportStatuses).map((s) => ({ ...statusOf(s.id, s.data), ...(s.data.sopStage ? { sopStage: s.data.sopStage } : {}) })),
    reportTypes: byOrder(reportTypes).map((t) => {
      const sop = t.data.sop ? sopById.get(t.data.sop) : undefined;
      const stagesOfSop = sop ? sopStages(sop.steps, initial) : [];
      // Each open report status takes the standard time of the SOP stage it corresponds to.
      const stages = reportStatuses
        .filter((s) => !s.data.closed)
        .filter((s) => stagesOfSop.some((st) => st.status === s.data.sopStage))
        .map((s) => {
          const stage = stagesOfSop.find((st) => st.status === s.data.sopStage)!;
          return { status: s.id, minutes: stage.minutes, timed: stage.timed };
        });
      // Who acts while a report is in each SOP stage (the roles of that stage's steps).
      const stageRoles: Record<string, string[]> = {};
      for (const step of sop ? stepsOf(sop) : []) stageRoles[step.stage] = [...new Set([...(stageRoles[step.stage] ?? []), ...step.roles])];
      return { id: t.id, label: t.data.label, ppks: t.data.ppks, stages, stageRoles };
    }),
    pilarSosial: pilarSosial.map((p) => ({ id: p.id, name: p.data.name })),
    notifications: content.notifications,
    services: [...services]
      .sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id))
      .map((s: { id: string; data: Service }) => {
        const sop = sopById.get(s.data.sop)!;
        return {
          ...serviceRules(s.id, s.data, types, sop),
          stages: sopStages(sop.steps, initial).map((st) => ({ status: st.status, minutes: st.minutes, timed: st.timed })),
          sopTitle: sop.title,
          steps: stepsOf(sop),
          expectedDays: { min: s.data.expectedTime.minDays, max: s.data.expectedTime.maxDays },
        };
      }),
  };
}

/** The letters, each checked against the statuses, services and roles it names. */
function letterEntries(entries: readonly { id: string; file: string; data: Letter }[], known: { statuses: string[]; services: string[]; roles: string[] }): PortalData['letters'] {
  const problems: string[] = [];
  for (const e of entries) {
    for (const s of e.data.onStatus) if (!known.statuses.includes(s)) problems.push(`content/${e.file}: onStatus "${s}" tidak ada di reference/statuses.yaml`);
    for (const s of e.data.services) if (!known.services.includes(s)) problems.push(`content/${e.file}: layanan "${s}" tidak ada di content/services/`);
    if (!known.roles.includes(e.data.signatoryRole)) problems.push(`content/${e.file}: signatoryRole "${e.data.signatoryRole}" tidak ada di reference/roles.yaml`);
  }
  if (problems.length > 0) throw new Error(`Isi content/ tidak konsisten:\n${problems.join('\n')}`);
  return entries.map((e) => ({ id: e.id, ...e.data }));
}

function statusOf(id: string, data: Omit<PortalStatus, 'id'> & { order?: number; sopStage?: string | undefined }): PortalStatus {
  return {
    id,
    label: data.label,
    description: data.description,
    next: [...data.next],
    needsReason: data.needsReason,
    closed: data.closed,
    ...(data.meaning ? { meaning: data.meaning } : {}),
  };
}

export function contentSchemaOf(data: PortalData): ContentSchema {
  return {
    documentTypes: data.documentTypes,
    trackingCodeExample: exampleCode(data.site.trackingPrefix),
    statuses: data.statuses.map((s) => s.id),
    reportStatuses: data.reportStatuses.map((s) => s.id),
    reportTypes: data.reportTypes.map((t) => t.id),
    pilarSosial: data.pilarSosial.map((p) => p.id),
    roles: data.roles.filter((r) => r.account).map((r) => r.id),
    accessLogReaders: data.roles.filter((r) => r.account && r.can.includes('log-akses')).map((r) => r.id),
    kecamatan: data.kecamatan.map((k) => k.id),
    fieldRoles: data.roles.filter((r) => r.account && r.field).map((r) => r.id),
    caseRoles: data.roles.filter((r) => r.account && !r.field && r.cases).map((r) => r.id),
  };
}

/** The workflow context of one service (src/lib/rules/sop-flow.ts), from the portal data. */
export function flowContextOf(data: PortalData, serviceId: string): FlowContext {
  const service = data.services.find((s) => s.id === serviceId);
  if (!service) throw new Error(`layanan "${serviceId}" tidak ada`);
  return { steps: service.steps, statuses: data.statuses, roles: data.roles };
}
