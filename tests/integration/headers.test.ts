import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../scripts/lib/site.mjs';
import { startTestPocketBase, usePocketBase, type TestPocketBase } from '../support/pocketbase';
import { UNKNOWN_CODE } from '../support/content';

const pb = usePocketBase();

describe('security headers on what PocketBase serves', () => {
  for (const path of ['/', '/layanan/', `/lacak/?kode=${UNKNOWN_CODE}`, '/api/health', `/api/lacak/${UNKNOWN_CODE}`, '/_/', '/tidak-ada']) {
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

  it('allows the phone location only on the report form and the field visit form', async () => {
    for (const path of ['/lapor/', '/petugas/kunjungan/', '/petugas/kunjungan/?jenis=permohonan&id=abc']) {
      const res = await fetch(`${pb.url}${path}`);
      expect(res.headers.get('permissions-policy'), path).toContain('geolocation=(self)');
    }
    for (const path of ['/petugas/', '/petugas/kasus/?jenis=permohonan&id=abc', '/petugas/kunjungan/lain/']) {
      const res = await fetch(`${pb.url}${path}`);
      expect(res.headers.get('permissions-policy'), path).toContain('geolocation=()');
    }
  });
});

describe('CORS as npm start configures it', () => {
  let server: TestPocketBase;
  const cdn = 'https://layanan.dinsos.example';
  beforeAll(async () => {
    // What `npm start` passes with PORTAL_ORIGINS naming one CDN copy of the site.
    server = await startTestPocketBase({ origins: readConfig({ PORTAL_ORIGINS: cdn }).origins });
  });
  afterAll(() => server?.stop());

  const preflight = (origin: string) =>
    fetch(`${server.url}/api/collections/permohonan/records`, {
      method: 'OPTIONS',
      headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    });

  it('lets pages of a named origin call the API', async () => {
    expect((await preflight(cdn)).headers.get('access-control-allow-origin')).toBe(cdn);
    const res = await fetch(`${server.url}/api/statistik`, { headers: { Origin: cdn } });
    expect(res.headers.get('access-control-allow-origin')).toBe(cdn);
  });

  it('gives pages of any other site no permission to send or read', async () => {
    const res = await preflight('https://situs-lain.example');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const read = await fetch(`${server.url}/api/statistik`, { headers: { Origin: 'https://situs-lain.example' } });
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
  });
});
