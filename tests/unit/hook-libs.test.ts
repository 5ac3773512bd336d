import { describe, expect, it } from 'vitest';
import { loadHookLib } from '../support/hook-lib';

interface LogPrivacy {
  maskText(value: string): string;
  maskQuery(raw: string): string;
  maskPath(path: string): string;
  isAnonymous(method: string, path: string): boolean;
}
interface Net {
  inList(ip: string, list: string[]): boolean;
}

describe('request log masking (pb_hooks/lib/log-privacy.js)', () => {
  const privacy = loadHookLib<LogPrivacy>('log-privacy.js');

  it('masks quoted values, an unclosed quote to the end, and runs of 5 or more digits', () => {
    expect(privacy.maskText('nik = "1901015501900001"')).toBe('nik = "*"');
    expect(privacy.maskText('nik = "1901015501900001')).toBe('nik = "*');
    expect(privacy.maskText(`nama_lengkap ~ 'Sumarni' && nomor_kk = 1901011203150004`)).toBe(`nama_lengkap ~ '*' && nomor_kk = *`);
    expect(privacy.maskText('catatan ~ "kata \\"kutip\\" di dalam" && x = 1')).toBe('catatan ~ "*" && x = 1');
    expect(privacy.maskText('invalid quoted text "\\"1901015501900001"')).not.toMatch(/19010155/);
    expect(privacy.maskText('page 2 of 1234')).toBe('page 2 of 1234');
  });

  it('masks the values of a query, keeping names and the shape of a filter', () => {
    expect(privacy.maskQuery('filter=nik%20%3D%20%221901015501900001%22&page=1')).toBe('filter=nik%20%3D%20%22*%22&page=1');
    expect(privacy.maskQuery('q=%E0%A4%A')).toBe('q=*');
  });

  it('masks digit runs in a path but keeps tracking codes', () => {
    expect(privacy.maskPath('/api/lacak/1901015501900001')).toBe('/api/lacak/*');
    expect(privacy.maskPath('/api/lacak/XYZ-7K3-MQ9-XPW')).toBe('/api/lacak/XYZ-7K3-MQ9-XPW');
  });

  it('treats reports, suggestions and every code look-up as anonymous, staff reads not', () => {
    expect(privacy.isAnonymous('POST', '/api/collections/laporan/records')).toBe(true);
    expect(privacy.isAnonymous('POST', '/api/collections/saran/records')).toBe(true);
    expect(privacy.isAnonymous('POST', '/saran/kirim')).toBe(true);
    expect(privacy.isAnonymous('GET', '/api/lacak/XYZ-7K3-MQ9-XPW')).toBe(true);
    expect(privacy.isAnonymous('POST', '/api/lacak/XYZ-7K3-MQ9-XPW/survei')).toBe(true);
    expect(privacy.isAnonymous('GET', '/api/collections/laporan/records')).toBe(false);
    expect(privacy.isAnonymous('POST', '/api/collections/permohonan/records')).toBe(false);
  });
});

describe('address lists (pb_hooks/lib/net.js)', () => {
  const net = loadHookLib<Net>('net.js', { $os: { getenv: () => '' } });

  it('matches exact addresses and IPv4 and IPv6 ranges', () => {
    expect(net.inList('127.0.0.1', ['127.0.0.1', '::1'])).toBe(true);
    expect(net.inList('10.20.3.4', ['10.20.0.0/16'])).toBe(true);
    expect(net.inList('10.21.3.4', ['10.20.0.0/16'])).toBe(false);
    expect(net.inList('0000:0000:0000:0000:0000:0000:0000:0001', ['::1'])).toBe(true);
    expect(net.inList('2001:0db8:0000:0000:0000:0000:0000:0005', ['2001:db8::/32'])).toBe(true);
    expect(net.inList('2001:0db9:0000:0000:0000:0000:0000:0005', ['2001:db8::/32'])).toBe(false);
    expect(net.inList('198.51.100.7', ['0.0.0.0/0'])).toBe(true);
    expect(net.inList('198.51.100.7', [])).toBe(false);
  });

  it('never matches what is not an address', () => {
    expect(net.inList('', ['0.0.0.0/0'])).toBe(false);
    expect(net.inList('999.1.1.1', ['0.0.0.0/0'])).toBe(false);
    expect(net.inList('10.0.0.1', ['bukan-alamat', '10.0.0.0/33'])).toBe(false);
  });
});
