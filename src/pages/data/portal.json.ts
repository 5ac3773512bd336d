import type { APIRoute } from 'astro';
import { loadContent } from '../../lib/content';
import { sopStages } from '../../lib/rules/stages';
import type { ServiceRules } from '../../lib/rules/application';
import { serviceRules } from '../../lib/service-rules';
import type { StatusMeaning } from '../../schemas/reference';

/**
 * The public rules the PocketBase hooks need from content/: services with their documents,
 * eligibility questions and SOP stages, kecamatan, statuses and office settings. Built into
 * dist/data/portal.json; the hooks read it from the site directory, so content/ stays the one
 * source for the browser and the server alike. Nothing here is private.
 */
export interface PortalData {
  site: { officeName: string; trackingPrefix: string; timeZone: string; privacyNoticeVersion: string; retentionDays: number };
  kecamatan: { id: string; code: string; name: string }[];
  ppks: { id: string; name: string }[];
  statuses: { id: string; label: string; description: string; next: string[]; needsReason: boolean; closed: boolean; meaning?: StatusMeaning | undefined }[];
  documentTypes: { id: string; label: string; accept: string[]; maxSizeMB: number }[];
  services: (ServiceRules & { stages: { status: string; minutes: number }[]; sopTitle: string })[];
  reportStatuses: { id: string; label: string; description: string; next: string[]; needsReason: boolean; closed: boolean; sopStage?: string | undefined; meaning?: StatusMeaning | undefined }[];
  /** Report kinds with the stages of their SOP, as report statuses with standard minutes. */
  reportTypes: { id: string; label: string; ppks: string[]; stages: { status: string; minutes: number }[] }[];
  pilarSosial: { id: string; name: string }[];
}

export async function portalData(): Promise<PortalData> {
  const { site, services, kecamatan, statuses, documentTypes, ppks, reportStatuses, reportTypes, sops, pilarSosial } = await loadContent();
  const types = new Map(documentTypes.map((d) => [d.id, d.data]));
  return {
    site: {
      officeName: site.officeName,
      trackingPrefix: site.trackingPrefix,
      timeZone: site.timeZone,
      privacyNoticeVersion: site.privacyNoticeVersion,
      retentionDays: site.retentionDays,
    },
    kecamatan: kecamatan.map((k) => ({ id: k.id, code: k.data.code, name: k.data.name })),
    ppks: ppks.map((p) => ({ id: p.id, name: p.data.name })),
    statuses: statuses.map((s) => s.data),
    documentTypes: documentTypes.map((d) => ({ id: d.id, label: d.data.label, accept: [...d.data.accept], maxSizeMB: d.data.maxSizeMB })),
    reportStatuses: reportStatuses.map((s) => s.data),
    reportTypes: reportTypes.map((t) => {
      const sop = t.data.sop ? sops.find((x) => x.id === t.data.sop) : undefined;
      const stagesOfSop = sop ? sopStages(sop.data.steps) : [];
      // Each open report status takes the standard time of the SOP stage it corresponds to.
      const stages = reportStatuses
        .filter((s) => !s.data.closed)
        .filter((s) => stagesOfSop.some((st) => st.status === s.data.sopStage))
        .map((s) => ({ status: s.id, minutes: stagesOfSop.find((st) => st.status === s.data.sopStage)!.minutes }));
      return { id: t.id, label: t.data.label, ppks: t.data.ppks, stages };
    }),
    pilarSosial: pilarSosial.map((p) => ({ id: p.id, name: p.data.name })),
    services: services.map((s) => ({
      ...serviceRules(s.id, s.data, types),
      stages: sopStages(s.sop.data.steps).map((st) => ({ status: st.status, minutes: st.minutes })),
      sopTitle: s.sop.data.title,
    })),
  };
}

export const GET: APIRoute = async () => new Response(JSON.stringify(await portalData()), { headers: { 'content-type': 'application/json' } });
