import * as z from 'zod/mini';
import { TEXT_FIELDS, validateApplication, type ApplicationContext, type ApplicationInput, type FileInfo } from '../rules/application';
import { issuesToFieldErrors, type FieldErrors } from './errors';

/**
 * The application form's schema: zod checks the shape (every field a string), and the shared
 * rules (src/lib/rules/application.ts, which the PocketBase hook runs too) check the content.
 * tests/vectors/permohonan.json proves the browser and the server agree.
 */
export function applicationSchema(context: ApplicationContext, files: Record<string, FileInfo | null | undefined>) {
  const shape = Object.fromEntries(TEXT_FIELDS.map((field) => [field, z.string('Isian ini harus berupa teks.')])) as Record<(typeof TEXT_FIELDS)[number], z.ZodMiniString>;
  return z
    .object({ ...shape, jawaban_kelayakan: z.record(z.string(), z.string()) })
    .check(
      z.superRefine((value, ctx) => {
        const { errors } = validateApplication(value as ApplicationInput, files, context);
        for (const [path, message] of Object.entries(errors)) ctx.addIssue({ code: 'custom', path: [path], message, input: value });
      }),
    );
}

/** Field errors of an application as the form shows them, or {} when it may be sent. */
export function applicationErrors(input: unknown, files: Record<string, FileInfo | null | undefined>, context: ApplicationContext): FieldErrors {
  const result = applicationSchema(context, files).safeParse(input);
  return result.success ? {} : issuesToFieldErrors(result.error.issues);
}
