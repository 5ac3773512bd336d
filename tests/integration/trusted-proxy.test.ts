import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPocketBase, type TestPocketBase } from '../support/pocketbase';
import { UNKNOWN_CODE } from '../support/content';

// Behind a reverse proxy (README "Deployment"), PORTAL_PROXY_IP_HEADER makes the rate limits
// count each visitor, not the proxy: one person guessing codes must not block everyone else.
describe('PORTAL_PROXY_IP_HEADER', () => {
  let pb: TestPocketBase;
  beforeAll(async () => {
    pb = await startTestPocketBase({ env: { PORTAL_PROXY_IP_HEADER: 'X-Forwarded-For' } });
  });
  afterAll(() => pb?.stop());

  const lookUp = (forwardedFor: string) => fetch(`${pb.url}/api/lacak/${UNKNOWN_CODE}`, { headers: { 'X-Forwarded-For': forwardedFor } });

  it('is applied to PocketBase settings at start, using the address the proxy added', async () => {
    const settings = await pb.admin.settings.getAll();
    expect(settings['trustedProxy']).toEqual({ headers: ['X-Forwarded-For'], useLeftmostIP: false });
  });

  it('limits each visitor on their own', async () => {
    const statuses: number[] = [];
    // A forged left-most address changes nothing: the proxy's own (right-most) entry counts.
    for (let i = 0; i < 35; i++) statuses.push((await lookUp(`10.9.9.${i}, 198.51.100.7`)).status);
    expect(statuses.slice(0, 25).every((s) => s === 404)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    expect((await lookUp('198.51.100.8')).status).toBe(404);
  });
});
