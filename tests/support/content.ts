// Reads content/ the way Astro's loaders do (one YAML file per entry, or one list per
// reference file) so tests can validate files without a build.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { z } from 'astro/zod';
import { siteSchema } from '../../src/schemas/site';
import { serviceSchema } from '../../src/schemas/service';
import { sopSchema } from '../../src/schemas/sop';
import { programmeSchema } from '../../src/schemas/programme';
import { performanceSchema } from '../../src/schemas/performance';
import { documentTypeSchema, kecamatanSchema, pilarSchema, ppksSchema, reportTypeSchema, statusSchema } from '../../src/schemas/reference';

export const CONTENT_DIR = path.resolve(import.meta.dirname, '..', '..', 'content');

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
    throw new ContentFileError(`${file}: ${detail}`);
  }
  return result.data;
}

function yamlDir<S extends z.ZodType>(dir: string, sub: string, schema: S): LoadedEntry<z.infer<S>>[] {
  const full = path.join(dir, sub);
  if (!existsSync(full)) return [];
  return readdirSync(full)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => {
      const file = `${sub}/${f}`;
      return { id: f.replace(/\.yaml$/, ''), file, data: parseWith(schema, parse(readFileSync(path.join(full, f), 'utf8')), file) };
    });
}

function yamlList<S extends z.ZodType>(dir: string, file: string, schema: S): LoadedEntry<z.infer<S>>[] {
  const raw = parse(readFileSync(path.join(dir, file), 'utf8')) as unknown[];
  if (!Array.isArray(raw)) throw new ContentFileError(`${file}: harus berupa daftar`);
  return raw.map((item, i) => {
    const data = parseWith(schema, item, `${file}[${i}]`) as { id: string };
    return { id: data.id, file: `${file}[${i}]`, data: data as z.infer<S> };
  });
}

export function loadContent(dir = CONTENT_DIR) {
  return {
    site: yamlDir(dir, 'site', siteSchema),
    services: yamlDir(dir, 'services', serviceSchema),
    sops: yamlDir(dir, 'sops', sopSchema),
    programmes: yamlDir(dir, 'programmes', programmeSchema),
    performance: yamlDir(dir, 'performance', performanceSchema),
    ppks: yamlList(dir, 'reference/ppks.yaml', ppksSchema),
    pilarSosial: yamlList(dir, 'reference/pilar-sosial.yaml', pilarSchema),
    kecamatan: yamlList(dir, 'reference/kecamatan.yaml', kecamatanSchema),
    documentTypes: yamlList(dir, 'reference/documents.yaml', documentTypeSchema),
    statuses: yamlList(dir, 'reference/statuses.yaml', statusSchema),
    ...(existsSync(path.join(dir, 'reference/report-types.yaml'))
      ? { reportStatuses: yamlList(dir, 'reference/report-statuses.yaml', statusSchema), reportTypes: yamlList(dir, 'reference/report-types.yaml', reportTypeSchema) }
      : { reportStatuses: [], reportTypes: [] }),
  };
}
