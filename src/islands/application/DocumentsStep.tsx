// Step 3 of the application: the documents this application needs, the recipient's apart from
// the applicant's own (a parent's KTP beside the child's KK and akta). Which ones are asked
// follows the applicant's role and the recipient's age (documentNeed in src/lib/rules/applicant.ts).
import { FormField as Field } from '../../components/FormField';
import { acceptedTypesText } from '../../lib/rules/application';
import type { DocumentNeed } from '../../lib/rules/applicant';
import type { ResolvedDocument } from '../../lib/service-rules';
import { humanSize } from '../../lib/file-kind';
import type { FieldErrors } from '../../lib/validation/errors';
import { Nav } from './fields';

export type AskedDocument = ResolvedDocument & { need: Exclude<DocumentNeed, 'tidak_diminta'> };

export function DocumentsStep(props: {
  documents: AskedDocument[];
  files: Record<string, File | null>;
  notes: Record<string, string>;
  processing: Record<string, boolean>;
  errors: FieldErrors;
  onChoose: (doc: AskedDocument, file: File | null) => void;
  onRemove: (key: string) => void;
  onNext: () => void;
  onBack: () => void;
}) {
  const { documents, files, notes, processing, errors, onChoose, onRemove, onNext, onBack } = props;
  const groups = [
    { title: 'Dokumen penerima layanan', docs: documents.filter((d) => d.of !== 'pengaju') },
    { title: 'Dokumen Anda (yang mengajukan)', docs: documents.filter((d) => d.of === 'pengaju') },
  ].filter((g) => g.docs.length > 0);
  return (
    <form onSubmit={(e) => (e.preventDefault(), onNext())} noValidate>
      <p>Foto dokumen dengan kamera ponsel di tempat terang, seluruh halaman terlihat dan tulisan terbaca. Foto diperkecil otomatis di ponsel Anda sebelum dikirim agar hemat kuota.</p>
      {groups.map((group) => (
        <div key={group.title}>
          {groups.length > 1 && <h3>{group.title}</h3>}
          {group.docs.map((doc) => {
            const chosen = files[doc.key];
            return (
              <Field key={doc.key} id={doc.key} error={errors[doc.key]} label={`${doc.label}${doc.need === 'wajib' ? '' : ' (tidak wajib)'}`} hint={`${doc.hint} Berkas ${acceptedTypesText(doc.accept)}, paling besar ${doc.maxSizeMB} MB.`}>
                {chosen && (
                  <p class="file-chosen" id={`f-${doc.key}-terpilih`}>
                    Terpilih: <strong>{chosen.name}</strong> ({humanSize(chosen.size)}). {notes[doc.key]}{' '}
                    <button type="button" class="link-button" onClick={() => onRemove(doc.key)}>
                      Hapus<span class="visually-hidden"> {doc.label}</span>
                    </button>
                  </p>
                )}
                <input
                  type="file"
                  id={`f-${doc.key}`}
                  accept={[...doc.accept, ...(doc.accept.some((a) => a.startsWith('image/')) ? ['image/*'] : [])].join(',')}
                  onChange={(e) => void onChoose(doc, e.currentTarget.files?.[0] ?? null)}
                  aria-invalid={errors[doc.key] ? 'true' : undefined}
                  aria-describedby={`f-${doc.key}-petunjuk${chosen ? ` f-${doc.key}-terpilih` : ''}`}
                />
                {processing[doc.key] && (
                  <p class="hint" role="status">
                    Memperkecil foto…
                  </p>
                )}
              </Field>
            );
          })}
        </div>
      ))}
      <Nav back={onBack} busy={Object.values(processing).some(Boolean)} />
    </form>
  );
}
