// The awaiting-confirmation marker: which values a page must hold back, what the readiness report
// lists, and that a mistyped field path fails instead of silently marking nothing.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { anyAwaitingWithin, formatReadiness, isAwaiting, readinessOf } from '../../src/lib/provenance';
import { serviceSchema } from '../../src/schemas/service';
import { sopSchema } from '../../src/schemas/sop';
import { loadContent } from '../support/content';

const fixture = loadContent(path.resolve(import.meta.dirname, '..', 'fixtures', 'content'));
const service = fixture.services[0]!.data;
const sop = fixture.sops[0]!.data;
const issuePaths = (r: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) => (r.success ? [] : r.error!.issues.map((i) => i.path.join('.')));

describe('awaitingConfirmation', () => {
  const marks = [
    { field: 'management', supply: 'Komponen pengelolaan' },
    { field: 'steps.3.time', supply: 'Waktu langkah 4' },
  ];

  it('covers a field, the fields inside a marked block, and nothing else', () => {
    expect(isAwaiting(marks, 'management.staffCount')).toBe(true);
    expect(isAwaiting(marks, 'management')).toBe(true);
    expect(isAwaiting(marks, 'managementX')).toBe(false);
    expect(isAwaiting(marks, 'steps.3.time')).toBe(true);
    expect(isAwaiting(marks, 'steps.3')).toBe(false);
    expect(isAwaiting(marks, 'steps.31.time')).toBe(false);
    expect(anyAwaitingWithin(marks, 'steps.3')).toBe(true);
    expect(anyAwaitingWithin(marks, 'steps.2')).toBe(false);
    expect(isAwaiting(undefined, 'steps.3')).toBe(false);
  });

  it('rejects a field path the file does not have, naming it', () => {
    const broken = { ...structuredClone(service), awaitingConfirmation: [{ field: 'managment.staffCount', supply: 'Jumlah pelaksana layanan ini' }] };
    expect(issuePaths(serviceSchema.safeParse(broken))).toEqual(['awaitingConfirmation.0.field']);
  });

  it('lets an SOP step go without a time when that time awaits confirmation', () => {
    const broken = structuredClone(sop) as unknown as { steps: { time: unknown; timeNote?: string }[]; awaitingConfirmation: unknown[] };
    broken.steps[3]!.time = null;
    delete broken.steps[3]!.timeNote;
    expect(issuePaths(sopSchema.safeParse(broken))).toEqual(['steps.3.timeNote']);
    broken.awaitingConfirmation = [{ field: 'steps.3.time', supply: 'Waktu baku langkah 4' }];
    expect(issuePaths(sopSchema.safeParse(broken))).toEqual([]);
  });

  it('lists drafts and marked fields per file and field in the readiness report', () => {
    const items = readinessOf({
      services: [
        { id: 'a', data: { source: { status: 'rancangan' }, awaitingConfirmation: [] } },
        { id: 'b', data: { source: { status: 'ditetapkan', document: 'SK Kepala Dinas' }, awaitingConfirmation: marks } },
        { id: 'c', data: { source: { status: 'ditetapkan', document: 'SK Kepala Dinas' }, awaitingConfirmation: [] } },
      ],
    });
    expect(items.map((i) => `${i.file} ${i.field}`)).toEqual(['services/a.yaml source.status', 'services/b.yaml management', 'services/b.yaml steps.3.time']);
    const text = formatReadiness(items);
    expect(text).toContain('Kesiapan terbit: 3 hal di 2 berkas');
    expect(text).toContain('content/services/b.yaml');
    expect(text).toContain('steps.3.time: Waktu langkah 4');
    expect(formatReadiness([])).toContain('semua isi sudah dikonfirmasi');
  });

  it('every entry in content/ names a field and what to supply (the report is never empty of meaning)', () => {
    const content = loadContent();
    const items = readinessOf({ site: content.site, services: content.services, sops: content.sops, programmes: content.programmes });
    for (const item of items) expect(item.supply.length, `${item.file} ${item.field}`).toBeGreaterThanOrEqual(10);
  });
});
