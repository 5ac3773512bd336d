// POST /api/lacak/{kode}/unggah: what the applicant's re-upload decides once their proof holds:
// exactly the documents staff asked for, one valid file each (the same checks as the form), the
// public note, and the SOP stage the request returns to. The multipart files, the versions kept
// and the transaction stay in pocketbase/pb_hooks/lib/unggah-ulang.js.
import type { PortalData } from '../portal-data';
import { documentFileProblem, type FileInfo } from '../rules/application';
import type { Refusals } from './common';
import { byId } from './common';
import { fieldRefusal } from './case-actions';

/** The files sent under one document key: how many, and the first one's facts (read only when needed). */
export interface SentFiles {
  count: number;
  first(): FileInfo;
}

/**
 * The documents to store (keys, in content order) and the public note, or a 400 naming each
 * document that is missing, doubled, not asked for or not a valid file.
 */
export function reuploadFiles(data: PortalData, layanan: string, asked: readonly string[], sent: (key: string) => SentFiles, refuse: Refusals): { keys: string[]; note: string } {
  const service = byId(data.services, layanan);
  const errors: Record<string, string> = {};
  const keys: string[] = [];
  for (const type of data.documentTypes) {
    const key = type.id;
    const files = sent(key);
    const doc = service ? service.documents.find((d) => d.key === key) : undefined;
    if (!asked.includes(key)) {
      if (files.count > 0) errors[key] = 'Dokumen ini tidak diminta petugas. Kirim hanya dokumen yang diminta.';
      continue;
    }
    if (files.count === 0) errors[key] = 'Unggah ' + (doc ? doc.label : key) + '.';
    else if (files.count > 1) errors[key] = 'Kirim satu berkas saja untuk ' + (doc ? doc.label : key) + '.';
    else {
      const problem = doc ? documentFileProblem(doc, files.first()) : undefined;
      if (problem) errors[key] = problem;
      else keys.push(key);
    }
  }
  if (Object.keys(errors).length > 0) throw fieldRefusal(refuse, errors);
  const labels = keys.map((k) => service?.documents.find((d) => d.key === k)?.label ?? k);
  return { keys, note: 'Dokumen perbaikan diterima melalui portal: ' + labels.join(', ') + '. Petugas melanjutkan pemeriksaan.' };
}

/** Back where the repair was asked: the SOP stage of the step still to be recorded (else the initial status). */
export function reuploadTarget(data: PortalData, layanan: string, langkah: number): string {
  const step = byId(data.services, layanan)?.steps[langkah];
  return step ? step.stage : data.statuses.find((s) => s.meaning === 'initial')!.id;
}
