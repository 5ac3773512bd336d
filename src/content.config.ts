import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { pageSchema } from './schemas/page';
import { siteSchema } from './schemas/site';
import { calendarYearSchema } from './schemas/calendar';
import { serviceSchema } from './schemas/service';
import { sopSchema } from './schemas/sop';
import { programmeSchema } from './schemas/programme';
import { performanceSchema } from './schemas/performance';
import { documentTypeSchema, kecamatanSchema, pilarSchema, ppksSchema, reportTypeSchema, roleSchema, serviceGroupSchema, statusSchema } from './schemas/reference';

// Content lives in the repository's top-level content/ folder so another office adopts the
// portal by editing content/ only. PORTAL_CONTENT_DIR lets tests build from a broken copy.
const CONTENT = process.env.PORTAL_CONTENT_DIR ?? './content';

export const collections = {
  site: defineCollection({ loader: glob({ base: `${CONTENT}/site`, pattern: 'site.yaml' }), schema: siteSchema }),
  pages: defineCollection({ loader: glob({ base: `${CONTENT}/pages`, pattern: '*.md' }), schema: pageSchema }),
  services: defineCollection({ loader: glob({ base: `${CONTENT}/services`, pattern: '*.yaml' }), schema: serviceSchema }),
  sops: defineCollection({ loader: glob({ base: `${CONTENT}/sops`, pattern: '*.yaml' }), schema: sopSchema }),
  programmes: defineCollection({ loader: glob({ base: `${CONTENT}/programmes`, pattern: '*.yaml' }), schema: programmeSchema }),
  calendar: defineCollection({ loader: glob({ base: `${CONTENT}/calendar`, pattern: '*.yaml' }), schema: calendarYearSchema }),
  performance: defineCollection({ loader: glob({ base: `${CONTENT}/performance`, pattern: '*.yaml' }), schema: performanceSchema }),
  ppks: defineCollection({ loader: file(`${CONTENT}/reference/ppks.yaml`), schema: ppksSchema }),
  pilarSosial: defineCollection({ loader: file(`${CONTENT}/reference/pilar-sosial.yaml`), schema: pilarSchema }),
  serviceGroups: defineCollection({ loader: file(`${CONTENT}/reference/service-groups.yaml`), schema: serviceGroupSchema }),
  kecamatan: defineCollection({ loader: file(`${CONTENT}/reference/kecamatan.yaml`), schema: kecamatanSchema }),
  documentTypes: defineCollection({ loader: file(`${CONTENT}/reference/documents.yaml`), schema: documentTypeSchema }),
  statuses: defineCollection({ loader: file(`${CONTENT}/reference/statuses.yaml`), schema: statusSchema }),
  reportStatuses: defineCollection({ loader: file(`${CONTENT}/reference/report-statuses.yaml`), schema: statusSchema }),
  reportTypes: defineCollection({ loader: file(`${CONTENT}/reference/report-types.yaml`), schema: reportTypeSchema }),
  roles: defineCollection({ loader: file(`${CONTENT}/reference/roles.yaml`), schema: roleSchema }),
};
