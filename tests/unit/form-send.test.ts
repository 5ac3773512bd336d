import { describe, expect, it } from 'vitest';
import { BUSY_MESSAGE, OFFLINE_MESSAGE, outcomeOf } from '../../src/lib/forms/send';

describe('outcomeOf: one reading of every answer for every form', () => {
  it('reads a 2xx as sent, with its body', () => {
    expect(outcomeOf(200, { kode_lacak: 'X' })).toEqual({ kind: 'sent', status: 200, body: { kode_lacak: 'X' } });
    expect(outcomeOf(204, null)).toEqual({ kind: 'sent', status: 204, body: {} });
  });

  it('reads no answer as offline', () => {
    expect(outcomeOf(0, null)).toEqual({ kind: 'offline', message: OFFLINE_MESSAGE });
  });

  it('reads 429 and 503 as rate-limited, keeping the server’s own message', () => {
    expect(outcomeOf(429, {})).toEqual({ kind: 'rate-limited', status: 429, message: BUSY_MESSAGE });
    expect(outcomeOf(503, { message: 'Server sedang penuh.' })).toEqual({ kind: 'rate-limited', status: 503, message: 'Server sedang penuh.' });
  });

  it('puts the messages of a 400 on their fields', () => {
    const outcome = outcomeOf(400, { message: 'Periksa isian.', data: { nik: { code: 'x', message: 'NIK harus 16 angka.' } } });
    expect(outcome).toEqual({ kind: 'field-errors', status: 400, errors: { nik: 'NIK harus 16 angka.' }, message: 'Periksa isian.' });
  });

  it('reads a 400 without field messages, and other refusals, as refused with the server’s message', () => {
    expect(outcomeOf(400, { message: 'Data yang dikirim tidak dapat dibaca.' })).toMatchObject({ kind: 'refused', status: 400, message: 'Data yang dikirim tidak dapat dibaca.' });
    expect(outcomeOf(409, { message: 'Sudah diputus.' })).toMatchObject({ kind: 'refused', status: 409, message: 'Sudah diputus.' });
    expect(outcomeOf(403, 'not json')).toMatchObject({ kind: 'refused', status: 403, message: 'Permintaan tidak dapat diproses.' });
  });

  it('never shows a 5xx body to the person', () => {
    const outcome = outcomeOf(500, { message: 'sql: database is locked' });
    expect(outcome.kind).toBe('refused');
    expect((outcome as { message: string }).message).not.toContain('sql');
  });
});
