import { describe, expect, it } from 'vitest';
import { channelProblems, defaultChannel, eventsOf, inQuietHours, quietHoursEnd, renderTemplate, retryDelaySeconds, unknownPlaceholders, waMeLink } from '../../src/lib/rules/notify';
import { loadContentFiles } from '../../src/lib/content-files';
import { CONTENT_DIR, loadContent } from '../support/content';
import { notificationsSchema } from '../../src/schemas/notifications';

const content = loadContent();
const statuses = content.statuses.map((s) => ({ id: s.id, meaning: s.data.meaning, closed: s.data.closed }));
const withMeaning = (m: string) => statuses.find((s) => s.meaning === m)!.id;
const quiet = loadContentFiles(CONTENT_DIR).notifications!.quietHours;

describe('channel choice', () => {
  it('defaults to WhatsApp for a mobile number only', () => {
    expect(defaultChannel('+6281234567890')).toBe('whatsapp');
    expect(defaultChannel('+6271792566')).toBe('');
  });
  it('checks the channel against the contact details', () => {
    expect(channelProblems({ saluran_pesan: '', surel: '', telepon: '0812-3456-7890' })).toEqual({});
    expect(Object.keys(channelProblems({ saluran_pesan: 'email', surel: '', telepon: '0812-3456-7890' }))).toEqual(['surel']);
    expect(Object.keys(channelProblems({ saluran_pesan: 'whatsapp', surel: '', telepon: '0717-92566' }))).toEqual(['saluran_pesan']);
    expect(Object.keys(channelProblems({ saluran_pesan: 'pos', surel: '', telepon: '0812-3456-7890' }))).toEqual(['saluran_pesan']);
    expect(channelProblems({ saluran_pesan: 'email', surel: 'ibu.sari@contoh.id', telepon: '0717-92566' })).toEqual({});
    for (const bad of ['ibu sari@contoh.id', 'ibu@contoh', 'ibu\u202e@contoh.id', '<a>@contoh.id', 'a@b@contoh.id', `${'a'.repeat(65)}@contoh.id`]) {
      expect(Object.keys(channelProblems({ saluran_pesan: 'email', surel: bad, telepon: '' })), bad).toEqual(['surel']);
    }
  });
});

describe('quiet hours and backoff', () => {
  it('crosses midnight in office time', () => {
    const at = (h: number, m = 0) => new Date(Date.UTC(2026, 10, 30, h - 7, m));
    expect(inQuietHours(at(21, 0), { from: '21.00', to: '06.00' }, 7)).toBe(true);
    expect(inQuietHours(at(23, 59), { from: '21.00', to: '06.00' }, 7)).toBe(true);
    expect(inQuietHours(at(5, 59), { from: '21.00', to: '06.00' }, 7)).toBe(true);
    expect(inQuietHours(at(6, 0), { from: '21.00', to: '06.00' }, 7)).toBe(false);
    expect(inQuietHours(at(12, 0), { from: '12.00', to: '13.00' }, 7)).toBe(true);
    expect(inQuietHours(at(12, 0), { from: '12.00', to: '12.00' }, 7)).toBe(false);
    expect(quietHoursEnd(at(22, 0), { from: '21.00', to: '06.00' }, 7).toISOString()).toBe(new Date(Date.UTC(2026, 11, 1, 6 - 7)).toISOString());
    expect(inQuietHours(quietHoursEnd(at(22), quiet, 7), quiet, 7)).toBe(false);
  });
  it('doubles the wait after each failure, up to the cap', () => {
    expect([1, 2, 3, 4].map((n) => retryDelaySeconds(n, 60, 3600))).toEqual([60, 120, 240, 480]);
    expect(retryDelaySeconds(20, 60, 3600)).toBe(3600);
  });
});

describe('templates', () => {
  it('allow only public placeholders', () => {
    expect(unknownPlaceholders('Kode {kode}, NIK {nik}')).toEqual(['nik']);
    const parsed = notificationsSchema.safeParse({ ...loadContentFiles(CONTENT_DIR).notifications, templates: { ...loadContentFiles(CONTENT_DIR).notifications!.templates, diterima: { subject: 'Kode {kode}', text: 'Halo {nama_lengkap}, kode {kode}' } } });
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toContain('nama_lengkap');
  });
  it('render and link', () => {
    expect(renderTemplate('{kantor}: {kode}', { kantor: 'Dinsos', kode: 'XYZ-1' })).toBe('Dinsos: XYZ-1');
    expect(waMeLink('+6281234567890', 'a b&c')).toBe('https://wa.me/6281234567890?text=a%20b%26c');
  });
});

describe('which history entry sends what', () => {
  it('follows status meanings, not one office’s keys', () => {
    const initial = withMeaning('initial');
    expect(eventsOf(statuses, { jenis: 'status', urutan: 1, status_dari: '', status: initial })).toEqual(['diterima']);
    expect(eventsOf(statuses, { jenis: 'status', urutan: 2, status_dari: initial, status: withMeaning('repair') })).toEqual(['perbaikan']);
    expect(eventsOf(statuses, { jenis: 'penugasan', urutan: 3, status_dari: initial, status: initial })).toEqual(['kunjungan']);
    expect(eventsOf(statuses, { jenis: 'status', urutan: 4, status_dari: initial, status: withMeaning('rejected') })).toEqual(['diputus']);
    const decision = withMeaning('decision');
    const approved = statuses.find((s) => s.id === content.statuses.find((x) => x.id === decision)!.data.next.find((n) => !statuses.find((s) => s.id === n)!.meaning)!)!;
    expect(eventsOf(statuses, { jenis: 'langkah', urutan: 5, status_dari: decision, status: approved.id })).toEqual(['diputus']);
    expect(eventsOf(statuses, { jenis: 'status', urutan: 6, status_dari: approved.id, status: withMeaning('success') })).toEqual(['selesai', 'survei']);
    expect(eventsOf(statuses, { jenis: 'catatan', urutan: 7, status_dari: initial, status: initial })).toEqual([]);
  });
});
