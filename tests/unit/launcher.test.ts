import { describe, expect, it } from 'vitest';
import { generatePassword } from '../../scripts/lib/pocketbase.mjs';
import { readConfig } from '../../scripts/lib/site.mjs';

describe('generated superuser password', () => {
  it('is 24 characters from an alphabet without look-alike characters', () => {
    const password = generatePassword();
    expect(password).toMatch(/^[A-HJ-NP-Za-km-z2-9]{24}$/);
  });

  it('differs on every call', () => {
    const seen = new Set(Array.from({ length: 200 }, () => generatePassword()));
    expect(seen.size).toBe(200);
  });
});

describe('configuration from the environment', () => {
  it('defaults to 127.0.0.1:8090 and pocketbase/pb_data', () => {
    const config = readConfig({});
    expect(config.host).toBe('127.0.0.1');
    expect(config.port).toBe(8090);
    expect(config.dataDir).toMatch(/pocketbase[/\\]pb_data$/);
  });

  it('takes PORT and refuses a port that is not one', () => {
    expect(readConfig({ PORT: '9123' }).port).toBe(9123);
    expect(() => readConfig({ PORT: 'delapan' })).toThrow(/PORT tidak sah/);
    expect(() => readConfig({ PORT: '70000' })).toThrow(/PORT tidak sah/);
  });

  it('allows cross-origin API calls only from the origins named in PORTAL_ORIGINS, never from any site', () => {
    expect(readConfig({ PORT: '9123' }).origins).toBe('http://127.0.0.1:9123');
    expect(readConfig({ PORTAL_ORIGINS: ' ' }).origins).toBe('http://127.0.0.1:8090');
    expect(readConfig({ PORTAL_ORIGINS: 'https://layanan.example.go.id' }).origins).toBe('https://layanan.example.go.id');
  });
});
