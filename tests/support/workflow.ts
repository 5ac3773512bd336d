// Moving requests through the statuses declared in content/, by meaning rather than by key, so
// the tests hold for any office's status list.
import { loadContent } from './content';
import type { StatusMeaning } from '../../src/schemas/reference';

interface StatusLike {
  id: string;
  data: { next: string[]; meaning?: StatusMeaning | undefined };
}

const content = loadContent();

/** The application statuses and the report statuses from content/. */
export const STATUS_LISTS = { permohonan: content.statuses, laporan: content.reportStatuses } as const;

/** The id of the status with this meaning (the first, where several share it). */
export function statusWithMeaning(list: readonly StatusLike[], meaning: StatusMeaning): string {
  const found = list.find((s) => s.data.meaning === meaning);
  if (!found) throw new Error(`tidak ada status dengan meaning ${meaning}`);
  return found.id;
}

/** Shortest chain of allowed changes from the initial status to `target` (initial excluded). */
export function pathTo(list: readonly StatusLike[], target: string): string[] {
  const initial = statusWithMeaning(list, 'initial');
  const queue: string[][] = [[initial]];
  const seen = new Set([initial]);
  while (queue.length) {
    const chain = queue.shift()!;
    const last = chain[chain.length - 1]!;
    if (last === target) return chain.slice(1);
    for (const next of list.find((s) => s.id === last)?.data.next ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push([...chain, next]);
      }
    }
  }
  throw new Error(`tidak ada jalan ke ${target}`);
}
