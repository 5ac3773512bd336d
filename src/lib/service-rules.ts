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

export function serviceRules(id: string, service: Service, types: ReadonlyMap<string, DocumentType>): ServiceRules {
  return {
    id,
    title: service.title,
    onlineApplication: service.onlineApplication,
    documents: resolveDocuments(service, types).map(({ hint: _hint, ...doc }) => doc),
    questions: service.eligibility.questions.map((q) => ({ id: q.id, question: q.question, expected: q.expected, ifNot: q.ifNot })),
    identity: service.identity,
    ...(service.applicants ? { applicants: [...service.applicants] } : {}),
  };
}
