// Provenance of content/: which values await the office's confirmation (the
// `awaitingConfirmation` marker, src/schemas/common.ts) and which files are drafts. Pages use
// `isAwaiting` to leave a value out or show AWAITING_TEXT; `npm run build` prints
// `readinessOf` as the "Kesiapan terbit" report (scripts/lib/readiness.mjs).
import type { AwaitingConfirmation, Source } from '../schemas/common';

/** The one public wording for a value that awaits the office's confirmation. */
export const AWAITING_TEXT = 'Menunggu konfirmasi Dinas Sosial';

/** Environment switch: `PORTAL_REQUIRE_CONFIRMED=1 npm run build` fails while anything awaits confirmation (for go-live). */
export const REQUIRE_CONFIRMED_ENV = 'PORTAL_REQUIRE_CONFIRMED';

/** True when `field` (a dot path) or a block containing it is marked as awaiting confirmation. */
export function isAwaiting(marks: AwaitingConfirmation | undefined, field: string): boolean {
  return (marks ?? []).some((m) => field === m.field || field.startsWith(`${m.field}.`));
}

/** True when anything inside `prefix` (e.g. "steps.3") awaits confirmation, the block itself included. */
export function anyAwaitingWithin(marks: AwaitingConfirmation | undefined, prefix: string): boolean {
  return (marks ?? []).some((m) => m.field === prefix || m.field.startsWith(`${prefix}.`) || prefix.startsWith(`${m.field}.`));
}

/** Field paths that name a top-level key the file's schema does not have (a typo would hide nothing). */
export function unknownAwaitingFields(marks: AwaitingConfirmation | undefined, knownKeys: readonly string[]): string[] {
  return (marks ?? []).map((m) => m.field).filter((f) => !knownKeys.includes(f.split('.')[0]!));
}

export interface ReadinessItem {
  /** File relative to content/, e.g. "services/<id>.yaml". */
  file: string;
  /** Field path, or "source.status" for a whole draft. */
  field: string;
  /** What the office must supply. */
  supply: string;
}

interface Entry {
  id: string;
  file?: string;
  data: { awaitingConfirmation?: AwaitingConfirmation; source?: Source | string };
}

/** Everything in content/ that awaits the office: drafts first in each file, then the marked fields. */
export function readinessOf(content: Record<string, ReadonlyArray<Entry>>): ReadinessItem[] {
  const items: ReadinessItem[] = [];
  for (const [collection, entries] of Object.entries(content)) {
    for (const entry of entries) {
      const file = entry.file ?? `${collection}/${entry.id}.yaml`;
      const source = entry.data.source;
      if (typeof source === 'object' && source?.status === 'rancangan') {
        items.push({ file, field: 'source.status', supply: 'Rancangan: penetapan oleh Kepala Dinas (lalu ubah menjadi "ditetapkan" dan sebutkan dokumennya)' });
      } else if (typeof source === 'object' && source?.status === 'ditetapkan' && !source.document) {
        items.push({ file, field: 'source.document', supply: 'Nama dokumen kantor yang menetapkan isi berkas ini' });
      }
      for (const m of entry.data.awaitingConfirmation ?? []) items.push({ file, field: m.field, supply: m.supply });
    }
  }
  return items;
}

/** The readiness report as printed by `npm run build`. */
export function formatReadiness(items: readonly ReadinessItem[]): string {
  if (items.length === 0) return 'Kesiapan terbit: semua isi sudah dikonfirmasi kantor.';
  const byFile = new Map<string, ReadinessItem[]>();
  for (const item of items) byFile.set(item.file, [...(byFile.get(item.file) ?? []), item]);
  const lines = [`Kesiapan terbit: ${items.length} hal di ${byFile.size} berkas menunggu konfirmasi kantor.`];
  for (const [file, list] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`  content/${file}`);
    for (const item of list) lines.push(`    - ${item.field}: ${item.supply}`);
  }
  return lines.join('\n');
}

/**
 * Words that only an author's note uses: a seed reference, remarks on the scan, "drafted for the
 * portal". No public page may contain them (tests/site/author-notes.test.ts).
 */
export const AUTHOR_NOTE_PATTERNS: readonly RegExp[] = [
  /\bseed\s*0\d\d\b/i,
  /pindaian/i,
  /tidak terbaca/i,
  /dirumuskan untuk portal/i,
  /dalam sumber/i,
  /pada sumber/i,
  /direkonstruksi|rekonstruksi/i,
  /sebagaimana tertulis dalam SOP/i,
];
