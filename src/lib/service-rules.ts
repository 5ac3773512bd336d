// What a service asks of an application, resolved from content/ (a service's document keys
// joined with the document types). Used by the build (portal.json for the hooks, the form's
// props) and by tests, so all three see the same rules.
import type { Service } from '../schemas/service';
import type { ServiceRules } from './rules/application';

export interface DocumentType {
  label: string;
  accept: readonly string[];
  maxSizeMB: number;
  hint: string;
}

export interface ResolvedDocument {
  key: string;
  label: string;
  required: boolean;
  of: 'penerima' | 'pengaju';
  age?: 'dewasa' | 'anak' | undefined;
  applicants?: string[] | undefined;
  accept: string[];
  maxSizeMB: number;
  hint: string;
}

export function resolveDocuments(service: Service, types: ReadonlyMap<string, DocumentType>): ResolvedDocument[] {
  return service.documents.map((doc) => {
    const type = types.get(doc.key);
    if (!type) throw new Error(`jenis dokumen "${doc.key}" tidak ada di content/reference/documents.yaml`);
    return { key: doc.key, label: type.label, required: doc.required, of: doc.of ?? 'penerima', ...(doc.age ? { age: doc.age } : {}), ...(doc.applicants ? { applicants: [...doc.applicants] } : {}), accept: [...type.accept], maxSizeMB: type.maxSizeMB, hint: doc.hint ?? type.hint };
  });
}

/** The adoption status of a service's SOP, which makes the service a draft too when not adopted. */
export interface SopStatus {
  source: { status: 'ditetapkan' | 'rancangan' };
}

/** A draft: the service or its SOP is not adopted by the office yet (source.status rancangan). */
export function isDraft(service: Service, sop: SopStatus | undefined): boolean {
  return service.source.status === 'rancangan' || sop?.source.status === 'rancangan';
}

/** Listed publicly: adopted, or a draft the office has switched on with `showDraft: true`. */
export function isPublished(service: Service, sop: SopStatus | undefined): boolean {
  return !isDraft(service, sop) || service.showDraft;
}

/** Takes applications: online in content/, and published. The build and the server both use this. */
export function acceptsApplications(service: Service, sop: SopStatus | undefined): boolean {
  return service.onlineApplication && isPublished(service, sop);
}

export function serviceRules(id: string, service: Service, types: ReadonlyMap<string, DocumentType>, sop?: SopStatus): ServiceRules {
  return {
    id,
    title: service.title,
    onlineApplication: acceptsApplications(service, sop),
    draft: isDraft(service, sop),
    documents: resolveDocuments(service, types).map(({ hint: _hint, ...doc }) => doc),
    questions: service.eligibility.questions.map((q) => ({ id: q.id, question: q.question, expected: q.expected, ifNot: q.ifNot })),
    identity: service.identity,
    ...(service.applicants ? { applicants: [...service.applicants] } : {}),
  };
}
