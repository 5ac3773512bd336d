// How `npm start` sizes PocketBase from the machine (scripts/lib/memory-plan.mjs), and what the
// environment may override.
import { describe, expect, it } from 'vitest';
import { memoryPlan, parseGoMemLimit, RUNTIMES_OTHER, RUNTIMES_PER_UPLOAD } from '../../scripts/lib/memory-plan.mjs';

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

describe('memory settings derived from the machine', () => {
  it('gives a 1 GB VM a limit and a bound that keep a 50-sender burst under 350 MB', () => {
    const plan = memoryPlan({ memory: 1 * GiB, env: {} });
    expect(plan.goMemLimit).toBe('224MiB');
    expect(plan.maxUploads).toBe(10);
    expect(plan.hooksPool).toBe(10 * RUNTIMES_PER_UPLOAD + RUNTIMES_OTHER);
    expect(plan.given).toEqual({ goMemLimit: false, maxUploads: false, hooksPool: false });
  });

  it('caps the limit on a large machine and shrinks everything on a small one', () => {
    expect(memoryPlan({ memory: 64 * GiB, env: {} }).goMemLimitBytes).toBe(224 * MiB);
    const small = memoryPlan({ memory: 512 * MiB, env: {} });
    expect(small.goMemLimit).toBe('128MiB');
    expect(small.maxUploads).toBe(5);
    expect(small.hooksPool).toBe(5 * RUNTIMES_PER_UPLOAD + RUNTIMES_OTHER);
    const tiny = memoryPlan({ memory: 128 * MiB, env: {} });
    expect(tiny.goMemLimitBytes).toBe(64 * MiB);
    expect(tiny.maxUploads).toBe(2);
  });

  it('keeps what the environment sets, and sizes the rest from it', () => {
    const plan = memoryPlan({ memory: 1 * GiB, env: { GOMEMLIMIT: '400MiB' } });
    expect(plan.goMemLimit).toBe('400MiB');
    expect(plan.maxUploads).toBe(10);
    const bounded = memoryPlan({ memory: 1 * GiB, env: { GOMEMLIMIT: '100MiB', PORTAL_MAX_UPLOADS: '3', PORTAL_HOOKS_POOL: '40' } });
    expect(bounded).toMatchObject({ goMemLimit: '100MiB', maxUploads: 3, hooksPool: 40, given: { goMemLimit: true, maxUploads: true, hooksPool: true } });
    expect(memoryPlan({ memory: 1 * GiB, env: { PORTAL_MAX_UPLOADS: '4' } }).hooksPool).toBe(4 * RUNTIMES_PER_UPLOAD + RUNTIMES_OTHER);
  });

  it('refuses values it cannot use, in Indonesian', () => {
    expect(() => memoryPlan({ memory: GiB, env: { GOMEMLIMIT: 'banyak' } })).toThrow(/GOMEMLIMIT tidak sah/);
    expect(() => memoryPlan({ memory: GiB, env: { PORTAL_MAX_UPLOADS: '0' } })).toThrow(/PORTAL_MAX_UPLOADS tidak sah/);
    expect(() => memoryPlan({ memory: GiB, env: { PORTAL_HOOKS_POOL: '2.5' } })).toThrow(/PORTAL_HOOKS_POOL tidak sah/);
  });

  it('reads Go’s memory limit syntax', () => {
    expect(parseGoMemLimit('400MiB')).toBe(400 * MiB);
    expect(parseGoMemLimit('1GiB')).toBe(GiB);
    expect(parseGoMemLimit('300000000')).toBe(300_000_000);
    expect(parseGoMemLimit('300MB')).toBeNaN(); // Go does not accept MB either
  });
});
