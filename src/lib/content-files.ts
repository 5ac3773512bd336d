// Reads content/ the way Astro's loaders do (one YAML file per entry, or one list per reference
// file; js-yaml, Astro's own parser), validated by the same schemas. Used where Astro is not
// running: the server build (scripts/lib/server-build.mjs) and the tests.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import type { z } from 'astro/zod';
import { siteSchema } from '../schemas/site';
import { calendarYearSchema } from '../schemas/calendar';
import { serviceSchema } from '../schemas/service';
import { sopSchema } from '../schemas/sop';
import { programmeSchema } from '../schemas/programme';
import { performanceSchema } from '../schemas/performance';
import { notificationsSchema } from '../schemas/notifications';
import { letterSchema } from '../schemas/letter';
import { documentTypeSchema, kecamatanSchema, pilarSchema, ppksSchema, reportTypeSchema, roleSchema, serviceGroupSchema, statusSchema } from '../schemas/reference';

export interface LoadedEntry<T> {
  id: string;
  file: string;
  data: T;
}

export class ContentFileError extends Error {}

function parseWith<S extends z.ZodType>(schema: S, raw: unknown, file: string): z.infer<S> {
  const result = schema.safeParse(raw);
  if (!result.success) {
    const detail = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new ContentFileError(`content/${file}: ${detail}`);
  }
  return result.data;
}

function yamlOf(dir: string, file: string): unknown {
  try {
    return load(readFileSync(path.join(dir, file), 'utf8'), { filename: file });
  } catch (err) {
    throw new ContentFileError(`content/${file}: YAML tidak dapat dibaca: ${(err as Error).message}`);
  }
}

function yamlDir<S extends z.ZodType>(dir: string, sub: string, schema: S): LoadedEntry<z.infer<S>>[] {
  const full = path.join(dir, sub);
  if (!existsSync(full)) return [];
  return readdirSync(full)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => {
      const file = `${sub}/${f}`;
      return { id: f.replace(/\.yaml$/, ''), file, data: parseWith(schema, yamlOf(dir, file), file) };
    });
}

function yamlList<S extends z.ZodType>(dir: string, file: string, schema: S): LoadedEntry<z.infer<S>>[] {
  const raw = yamlOf(dir, file);
  if (!Array.isArray(raw)) throw new ContentFileError(`content/${file}: harus berupa daftar`);
  return raw.map((item: unknown, i: number) => {
    const data = parseWith(schema, item, `${file}[${i}]`) as { id: string };
    return { id: data.id, file: `${file}[${i}]`, data: data as z.infer<S> };
  });
}

export function loadContentFiles(dir: string) {
  return {
    site: yamlDir(dir, 'site', siteSchema),
    services: yamlDir(dir, 'services', serviceSchema),
    sops: yamlDir(dir, 'sops', sopSchema),
    programmes: yamlDir(dir, 'programmes', programmeSchema),
    performance: yamlDir(dir, 'performance', performanceSchema),
    calendar: yamlDir(dir, 'calendar', calendarYearSchema),
    letters: yamlDir(dir, 'letters', letterSchema),
    ppks: yamlList(dir, 'reference/ppks.yaml', ppksSchema),
    pilarSosial: yamlList(dir, 'reference/pilar-sosial.yaml', pilarSchema),
    serviceGroups: yamlList(dir, 'reference/service-groups.yaml', serviceGroupSchema),
    kecamatan: yamlList(dir, 'reference/kecamatan.yaml', kecamatanSchema),
    documentTypes: yamlList(dir, 'reference/documents.yaml', documentTypeSchema),
    statuses: yamlList(dir, 'reference/statuses.yaml', statusSchema),
    roles: yamlList(dir, 'reference/roles.yaml', roleSchema),
    ...(existsSync(path.join(dir, 'reference/report-types.yaml'))
      ? { reportStatuses: yamlList(dir, 'reference/report-statuses.yaml', statusSchema), reportTypes: yamlList(dir, 'reference/report-types.yaml', reportTypeSchema) }
      : { reportStatuses: [], reportTypes: [] }),
    // Optional: an office without it sends no messages (the workspace still works).
    notifications: existsSync(path.join(dir, 'reference/notifications.yaml')) ? parseWith(notificationsSchema, yamlOf(dir, 'reference/notifications.yaml'), 'reference/notifications.yaml') : null,
  };
}

export type ContentFiles = ReturnType<typeof loadContentFiles>;
