import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serviceSchema } from '../../src/schemas/service';
import { sopSchema } from '../../src/schemas/sop';
import { siteSchema } from '../../src/schemas/site';
import { programmeSchema } from '../../src/schemas/programme';
import { performanceSchema } from '../../src/schemas/performance';
import { documentTypeSchema, kecamatanSchema } from '../../src/schemas/reference';
import { checkContent, type ContentForChecks } from '../../src/lib/content-checks';
import { loadContent } from '../support/content';

// The fixture in tests/fixtures/content is a small valid content/; each test breaks one thing.
const fixture = loadContent(path.resolve(import.meta.dirname, '..', 'fixtures', 'content'));
const service = fixture.services[0]!.data;
const SERVICE_FILE = `services/${fixture.services[0]!.id}.yaml`;
const sop = fixture.sops[0]!.data;
const clone = <T>(value: T): T => structuredClone(value);

function issuePaths(result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }): string[] {
  return result.success ? [] : result.error!.issues.map((i) => i.path.join('.'));
}

describe('content schemas accept the valid fixture', () => {
  it.each([
    ['site', siteSchema, fixture.site[0]!.data],
    ['service', serviceSchema, service],
    ['sop', sopSchema, sop],
    ['programme', programmeSchema, fixture.programmes[0]!.data],
    ['performance', performanceSchema, fixture.performance[0]!.data],
    ['kecamatan', kecamatanSchema, fixture.kecamatan[0]!.data],
    ['document type', documentTypeSchema, fixture.documentTypes[0]!.data],
  ] as const)('%s', (_name, schema, data) => {
    expect(issuePaths(schema.safeParse(data))).toEqual([]);
  });
});

describe('content schemas reject broken fields and name them', () => {
  it('a service without a procedure, with a negative cost and a group that is no key', () => {
    const broken = { ...clone(service), procedure: [], cost: -5, group: 'Hewan Ternak' };
    expect(issuePaths(serviceSchema.safeParse(broken)).sort()).toEqual(['cost', 'group', 'procedure']);
  });

  it('a service whose document key is not snake_case', () => {
    const broken = clone(service);
    broken.documents[0]!.key = 'Foto KTP';
    expect(issuePaths(serviceSchema.safeParse(broken))).toEqual(['documents.0.key']);
  });

  it('a service must state a citizen expectation in working days, the longest not below the shortest', () => {
    const { expectedTime: _omitted, ...without } = clone(service);
    expect(issuePaths(serviceSchema.safeParse(without))).toEqual(['expectedTime']);
    const reversed = { ...clone(service), expectedTime: { minDays: 20, maxDays: 10 } };
    expect(issuePaths(serviceSchema.safeParse(reversed))).toEqual(['expectedTime.maxDays']);
  });

  it('an SOP step with an unknown time unit and an unknown kind', () => {
    const broken = clone(sop) as unknown as { steps: { time: { unit: string }; kind: string }[] };
    broken.steps[1]!.time.unit = 'minggu';
    broken.steps[2]!.kind = 'loop';
    expect(issuePaths(sopSchema.safeParse(broken)).sort()).toEqual(['steps.1.time.unit', 'steps.2.kind']);
  });

  it('an SOP step without a fixed time must say why', () => {
    const broken = clone(sop) as unknown as { steps: { time: unknown; timeNote?: string }[] };
    broken.steps[3]!.time = null;
    expect(issuePaths(sopSchema.safeParse(broken))).toEqual(['steps.3.timeNote']);
    broken.steps[3]!.timeNote = 'sesuai jadwal distribusi';
    expect(issuePaths(sopSchema.safeParse(broken))).toEqual([]);
  });

  it('an SOP date not written as YYYY-MM-DD', () => {
    const broken = { ...clone(sop), createdOn: '24 Januari 2022' };
    expect(issuePaths(sopSchema.safeParse(broken))).toEqual(['createdOn']);
  });

  it('a site with a bad WhatsApp number, time zone and tracking prefix', () => {
    const broken = { ...clone(fixture.site[0]!.data), whatsapp: '0822-9997-0505', timeZone: 'GMT', trackingPrefix: 'bka' };
    expect(issuePaths(siteSchema.safeParse(broken)).sort()).toEqual(['timeZone', 'trackingPrefix', 'whatsapp']);
  });

  it('a kecamatan code in the wrong form', () => {
    expect(issuePaths(kecamatanSchema.safeParse({ id: 'kecamatan-uji', code: '190101', name: 'Kecamatan Uji' }))).toEqual(['code']);
  });
});

function baseContent(): ContentForChecks {
  return {
    services: [{ id: fixture.services[0]!.id, data: clone(service) }],
    sops: [{ id: 'alat-bantu-permakanan-uep', data: clone(sop) }],
    programmes: fixture.programmes.map((p) => ({ id: p.id, data: clone(p.data) })),
    ppksIds: new Set(fixture.ppks.map((p) => p.id)),
    documentTypeIds: new Set(fixture.documentTypes.map((d) => d.id)),
    serviceGroupIds: new Set(fixture.serviceGroups.map((g) => g.id)),
    statuses: fixture.statuses,
    roles: fixture.roles,
  };
}

describe('cross-file content checks', () => {
  it('find nothing wrong in the fixture', () => {
    expect(checkContent(baseContent())).toEqual([]);
  });

  it('report a service in a group that content/reference/service-groups.yaml does not declare', () => {
    const content = baseContent();
    content.services[0]!.data.group = 'hewan';
    expect(checkContent(content)).toEqual([{ file: SERVICE_FILE, field: 'group', message: expect.stringContaining('kelompok "hewan" tidak ada') }]);
  });

  it('report a service whose SOP does not exist', () => {
    const content = baseContent();
    content.services[0]!.data.sop = 'tidak-ada';
    expect(checkContent(content)).toEqual([{ file: SERVICE_FILE, field: 'sop', message: expect.stringContaining('tidak-ada') }]);
  });

  it('report a step whose actor is not declared', () => {
    const content = baseContent();
    content.sops[0]!.data.steps[3]!.actors = ['camat'];
    expect(checkContent(content)).toEqual([{ file: 'sops/alat-bantu-permakanan-uep.yaml', field: 'steps[3].actors[0]', message: expect.stringContaining('camat') }]);
  });

  it('report an SOP actor that no role is, and an actor two roles claim (the build fails on both)', () => {
    const content = baseContent();
    const sop = content.sops[0]!.data;
    sop.actors.push({ key: 'camat', label: 'Camat' });
    sop.steps[3]!.actors = ['camat'];
    const roles = content.roles.map((r) => ({ id: r.id, data: { ...r.data, actors: [...r.data.actors] } }));
    roles[1]!.data.actors.push(roles[0]!.data.actors[0]!);
    content.roles = roles;
    const problems = checkContent(content);
    expect(problems.map((p) => `${p.file} ${p.field}`).sort()).toEqual(['reference/roles.yaml[1] actors[' + (roles[1]!.data.actors.length - 1) + ']', `sops/alat-bantu-permakanan-uep.yaml actors[${sop.actors.length - 1}].key`]);
    expect(problems.find((p) => p.file.startsWith('sops/'))!.message).toBe('pelaksana "camat" (Camat) belum dipetakan ke peran mana pun di content/reference/roles.yaml');
  });

  it('report a role without accounts that names no account role to record its steps', () => {
    const content = baseContent();
    content.roles = content.roles.map((r) => (r.data.account ? r : { id: r.id, data: { ...r.data, recordedBy: 'tidak-ada' } }));
    expect(checkContent(content).map((p) => p.field)).toEqual(['recordedBy']);
  });

  it('report a declared duration that differs from the sum of the step times', () => {
    const content = baseContent();
    content.services[0]!.data.duration = { value: 14, unit: 'hari kerja' };
    const problems = checkContent(content);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: SERVICE_FILE, field: 'duration' });
    expect(problems[0]!.message).toContain('14 hari kerja');
    expect(problems[0]!.message).toContain('2 jam 10 menit');
  });

  it('accept the same duration written in another unit', () => {
    const content = baseContent();
    content.sops[0]!.data.steps.forEach((s) => (s.time = { value: 1, unit: 'jam' }));
    content.services[0]!.data.duration = { value: content.sops[0]!.data.steps.length * 60, unit: 'menit' };
    expect(checkContent(content)).toEqual([]);
  });

  it('report duplicate and unknown document keys', () => {
    const content = baseContent();
    const docs = content.services[0]!.data.documents;
    docs.push({ key: 'ktp', required: false }, { key: 'paspor', required: true });
    const fields = checkContent(content).map((p) => p.field);
    expect(fields).toEqual([`documents[${docs.length - 2}].key`, `documents[${docs.length - 1}].key`]);
  });

  it('report an unknown PPKS category, programme, and a programme listing a missing service', () => {
    const content = baseContent();
    content.services[0]!.data.eligibility.ppks = ['alien'];
    content.services[0]!.data.programme = 'program-fiktif';
    content.programmes[0]!.data.services = ['layanan-fiktif'];
    expect(checkContent(content).map((p) => `${p.file} ${p.field}`).sort()).toEqual([
      'programmes/aksi-pentas-pelangi.yaml services[0]',
      `${SERVICE_FILE} eligibility.ppks[0]`,
      `${SERVICE_FILE} programme`,
    ]);
  });

  it('report an SOP that does not start with a start step or end with an end step', () => {
    const content = baseContent();
    content.sops[0]!.data.steps[0]!.kind = 'process';
    content.sops[0]!.data.steps.at(-1)!.kind = 'process';
    expect(checkContent(content).map((p) => p.field)).toEqual(['steps[0].kind', `steps[${content.sops[0]!.data.steps.length - 1}].kind`]);
  });
});
