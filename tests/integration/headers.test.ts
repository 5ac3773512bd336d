import { describe, expect, it } from 'vitest';
import { usePocketBase } from '../support/pocketbase';

const pb = usePocketBase();

describe('security headers on what PocketBase serves', () => {
  for (const path of ['/', '/layanan/', '/lacak/?kode=BKA-222-222-222', '/api/health', '/api/lacak/BKA-222-222-222', '/_/', '/tidak-ada']) {
    it(`${path}: no framing by other sites, no Referer to them, no device features`, async () => {
      const res = await fetch(pb.url + path);
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
      expect(res.headers.get('content-security-policy')).toContain("object-src 'none'");
      // Script and style sources come from each page's <meta> (tests/site/csp.test.ts); a second
      // source list here would also apply and refuse the hashed island code.
      expect(res.headers.get('content-security-policy')).not.toMatch(/default-src|script-src|style-src/);
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('permissions-policy')).toContain('geolocation=()');
      expect(res.headers.get('permissions-policy')).toContain('camera=()');
    });
  }

  it('allows the phone location only on the report form', async () => {
    const res = await fetch(`${pb.url}/lapor/`);
    expect(res.headers.get('permissions-policy')).toContain('geolocation=(self)');
  });
});
