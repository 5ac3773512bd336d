import { TEXT_FIELDS, validateApplication, type ApplicationContext, type ApplicationInput, type FileInfo } from '../rules/application';
import type { FieldErrors } from './errors';

/**
 * The application form's check: the shape (every field text, the answers a map of text), then
 * the shared rules (src/lib/rules/application.ts, which the PocketBase hook runs too).
 * tests/vectors/permohonan.json proves the browser and the server agree. Plain code rather than
 * zod: the rules already check every value, and zod cost the form's page about 5 KB gzip.
 */
export function applicationErrors(input: unknown, files: Record<string, FileInfo | null | undefined>, context: ApplicationContext): FieldErrors {
  const record = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  const shape: FieldErrors = {};
  for (const field of TEXT_FIELDS) if (record[field] !== undefined && typeof record[field] !== 'string') shape[field] = 'Isian ini harus berupa teks.';
  const answers = record['jawaban_kelayakan'];
  if (!answers || typeof answers !== 'object' || Object.values(answers).some((a) => typeof a !== 'string')) shape['jawaban_kelayakan'] = 'Jawaban kelayakan tidak terbaca. Jawab ulang pertanyaan di langkah pertama.';
  if (Object.keys(shape).length > 0) return shape;
  return validateApplication(record as ApplicationInput, files, context).errors;
}
