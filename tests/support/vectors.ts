import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface VectorCase<I = Record<string, string>> {
  name: string;
  input: I;
  /** Fields that must be rejected; empty when the input is valid. */
  errors: string[];
}

/** Reads a vector file; "@repeat:c:n" stands for the character c repeated n times. */
export function loadVectors(name: string): VectorCase[] {
  const file = path.resolve(import.meta.dirname, '..', 'vectors', `${name}.json`);
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { cases: VectorCase[] };
  const expand = (value: unknown): unknown => {
    if (typeof value !== 'string') return value;
    const m = value.match(/^@repeat:(.):(\d+)$/);
    return m ? m[1]!.repeat(Number(m[2])) : value;
  };
  return raw.cases.map((c) => ({
    ...c,
    input: Object.fromEntries(Object.entries(c.input).map(([k, v]) => [k, expand(v)])) as Record<string, string>,
  }));
}
