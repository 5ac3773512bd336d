// Build-time access to content/: every page reads content through here, so the cross-file
// checks run once per build and any problem stops it with the file and the field.
import { getCollection, type CollectionEntry } from 'astro:content';
import type { Service } from '../schemas/service';
import type { Sop } from '../schemas/sop';
import { checkLoadedContent, formatProblems } from './content-checks';
import { totalMinutes } from './duration';
import { calendarOfContent } from './calendar';
import { isDraft, isPublished, resolveDocuments, type ResolvedDocument } from './service-rules';

export type { ResolvedDocument };

export interface ResolvedService {
  id: string;
  data: Service;
  documents: ResolvedDocument[];
  sop: { id: string; data: Sop };
  /** Sum of the SOP's step times, in working minutes. */
  standardMinutes: number;
  programme: CollectionEntry<'programmes'> | undefined;
  /** Not adopted yet (the service or its SOP is rancangan); shown only when switched on, and then always labelled. */
  draft: boolean;
}

async function load() {
  const [siteEntries, services, sops, programmes, ppks, documentTypes, kecamatan, pilarSosial, performance, pages, statuses, reportStatuses, reportTypes, roles, serviceGroups, calendar] = await Promise.all([
    getCollection('site'),
    getCollection('services'),
    getCollection('sops'),
    getCollection('programmes'),
    getCollection('ppks'),
    getCollection('documentTypes'),
    getCollection('kecamatan'),
    getCollection('pilarSosial'),
    getCollection('performance'),
    getCollection('pages'),
    getCollection('statuses'),
    getCollection('reportStatuses'),
    getCollection('reportTypes'),
    getCollection('roles'),
    getCollection('serviceGroups'),
    getCollection('calendar'),
  ]);
  if (siteEntries.length !== 1) throw new Error(`content/site/site.yaml: harus ada tepat satu identitas kantor (ditemukan ${siteEntries.length}).`);
  const problems = checkLoadedContent({ services, sops, programmes, ppks, documentTypes, statuses, reportStatuses, reportTypes, roles, serviceGroups });
  if (problems.length > 0) throw new Error(`Isi content/ tidak konsisten:\n${formatProblems(problems)}`);

  const docTypes = new Map(documentTypes.map((d) => [d.id, d.data]));
  const sopById = new Map(sops.map((s) => [s.id, s]));
  const programmeById = new Map(programmes.map((p) => [p.id, p]));
  const byOrder = <T extends { data: { order: number }; id: string }>(a: T, b: T) => a.data.order - b.data.order || a.id.localeCompare(b.id);

  // A draft the office has not switched on (showDraft) is left out of every page: not listed,
  // no service page, no form. The server refuses its applications too (portal-data.ts).
  const published = services.filter((service) => isPublished(service.data, sopById.get(service.data.sop)!.data));
  const resolvedServices: ResolvedService[] = [...published].sort(byOrder).map((service) => {
    const sop = sopById.get(service.data.sop)!;
    return {
      draft: isDraft(service.data, sop.data),
      id: service.id,
      data: service.data,
      documents: resolveDocuments(service.data, docTypes),
      sop: { id: sop.id, data: sop.data },
      standardMinutes: totalMinutes(sop.data.steps.map((s) => s.time)),
      programme: service.data.programme ? programmeById.get(service.data.programme) : undefined,
    };
  });

  return {
    site: siteEntries[0]!.data,
    /** Working days and office hours (src/lib/calendar.ts). */
    calendar: calendarOfContent(siteEntries[0]!.data, calendar),
    services: resolvedServices,
    /** Titles of every service, drafts that are not shown included (to name them as drafts). */
    allServiceTitles: new Map(services.map((s) => [s.id, s.data.title])),
    sops: [...sops].sort((a, b) => a.data.title.localeCompare(b.data.title, 'id')),
    programmes: [...programmes].sort(byOrder),
    ppks: [...ppks].sort((a, b) => a.data.number - b.data.number),
    documentTypes,
    kecamatan: [...kecamatan].sort((a, b) => a.data.code.localeCompare(b.data.code)),
    pilarSosial,
    performance: [...performance].sort((a, b) => b.data.year - a.data.year),
    pages: [...pages].sort(byOrder),
    statuses: [...statuses].sort((a, b) => a.data.order - b.data.order),
    reportStatuses: [...reportStatuses].sort((a, b) => a.data.order - b.data.order),
    reportTypes: [...reportTypes].sort((a, b) => a.data.order - b.data.order),
    roles: [...roles].sort((a, b) => a.data.order - b.data.order),
    serviceGroups: [...serviceGroups].sort(byOrder),
  };
}

let cached: ReturnType<typeof load> | undefined;

/** All content, checked; loaded once per build. */
export function loadContent() {
  cached ??= load();
  return cached;
}

export type PortalContent = Awaited<ReturnType<typeof load>>;

/** The service groups of content/reference/service-groups.yaml in order, each with its services; empty groups left out. */
export function servicesByGroup(content: PortalContent) {
  return content.serviceGroups
    .map((g) => ({ group: g.id, title: g.data.title, description: g.data.description, services: content.services.filter((s) => s.data.group === g.id) }))
    .filter((g) => g.services.length > 0);
}

/** Services that use an SOP (an SOP page lists them). */
export function servicesUsingSop(content: PortalContent, sopId: string): ResolvedService[] {
  return content.services.filter((s) => s.sop.id === sopId);
}
