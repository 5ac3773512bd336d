// Document files chosen one per field, the same way in every form that asks for documents (the
// application, the re-upload on /lacak/): a photo is made smaller on the phone first, the
// result is checked by the form's own rule, and a refused file is never kept, so its name is
// not shown beside its error.
import { useState } from 'preact/hooks';
import { isImage, prepareDocumentFile } from '../file-kind';
import type { FieldErrors } from '../validation/errors';

export function useDocumentFiles(
  /** The form's message for this file in this field, or nothing when it is accepted. */
  check: (key: string, file: { size: number; type: string }) => string | null | undefined,
  setErrors: (update: (errors: FieldErrors) => FieldErrors) => void,
) {
  const [files, setFiles] = useState<Record<string, File | null>>({});
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [processing, setProcessing] = useState<Record<string, boolean>>({});

  const setError = (key: string, message?: string) =>
    setErrors((e) => {
      const copy = { ...e };
      if (message) copy[key] = message;
      else delete copy[key];
      return copy;
    });

  async function choose(key: string, file: File | null) {
    setError(key);
    if (!file) return;
    let chosen = file;
    let note = '';
    setProcessing((p) => ({ ...p, [key]: isImage(file) }));
    try {
      ({ file: chosen, note } = await prepareDocumentFile(file));
    } catch (err) {
      return setError(key, err instanceof Error ? err.message : 'Foto tidak dapat dibaca. Pilih foto lain.');
    } finally {
      setProcessing((p) => ({ ...p, [key]: false }));
    }
    const problem = check(key, { size: chosen.size, type: chosen.type });
    if (problem) return setError(key, problem);
    setFiles((f) => ({ ...f, [key]: chosen }));
    setNotes((n) => ({ ...n, [key]: note }));
  }

  function remove(key: string) {
    setFiles((f) => ({ ...f, [key]: null }));
    setNotes((n) => ({ ...n, [key]: '' }));
  }

  return {
    files,
    notes,
    processing,
    /** A photo is still being made smaller: sending waits. */
    busy: Object.values(processing).some(Boolean),
    choose,
    remove,
    /** Files restored from a draft, or none to start again. */
    replace: (restored: Record<string, File | null>) => {
      setFiles(restored);
      setNotes({});
    },
  };
}
