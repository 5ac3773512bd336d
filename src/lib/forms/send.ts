// The one way a form reaches the server, for every citizen form and the staff workspace: an XHR
// (fetch cannot report upload progress), a submission id that makes a retry idempotent, and an
// answer read into one of a few outcomes each form shows the same way. No framework here, so a
// page without Preact (kotak saran) uses it too.
import { pocketbaseFieldErrors, type FieldErrors } from '../validation/errors';

export type Outcome<T = Record<string, unknown>> =
  /** 2xx: the server took it. */
  | { kind: 'sent'; status: number; body: T }
  /** 400 with messages per field: show them on the fields; `message` for the summary when none match. */
  | { kind: 'field-errors'; status: number; errors: FieldErrors; message: string }
  /** 429, or 503 while the server is full of uploads: keep everything, ask to try again shortly. */
  | { kind: 'rate-limited'; status: number; message: string }
  /** No answer (connection cut, timeout): keep everything, ask to check the connection and retry. */
  | { kind: 'offline'; message: string }
  /** Any other refusal (401, 403, 404, 409, 5xx): its Indonesian message from the server, or a plain one. */
  | { kind: 'refused'; status: number; message: string; body: Record<string, unknown> };

export const OFFLINE_MESSAGE = 'Sambungan terputus. Periksa internet Anda, lalu coba lagi. Isian Anda tetap tersimpan di sini.';
export const BUSY_MESSAGE = 'Terlalu banyak pengiriman saat ini. Tunggu satu menit, lalu coba lagi. Isian Anda tetap tersimpan di sini.';
const SERVER_MESSAGE = 'Server sedang bermasalah. Coba lagi sebentar lagi. Isian Anda tetap tersimpan di sini.';
const REFUSED_MESSAGE = 'Permintaan tidak dapat diproses.';

export function newSubmissionId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function messageOf(body: Record<string, unknown>): string | null {
  return typeof body['message'] === 'string' && body['message'].trim() ? body['message'] : null;
}

/** The outcome of an answer (status 0: XHR's "no answer"). Pure, so every mapping is unit-tested. */
export function outcomeOf<T = Record<string, unknown>>(status: number, raw: unknown): Outcome<T> {
  const body = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  if (status === 0) return { kind: 'offline', message: OFFLINE_MESSAGE };
  if (status >= 200 && status < 300) return { kind: 'sent', status, body: body as T };
  if (status === 429 || status === 503) return { kind: 'rate-limited', status, message: messageOf(body) ?? BUSY_MESSAGE };
  if (status === 400) {
    const errors = pocketbaseFieldErrors(body);
    if (Object.keys(errors).length > 0) return { kind: 'field-errors', status, errors, message: messageOf(body) ?? REFUSED_MESSAGE };
  }
  return { kind: 'refused', status, message: status >= 500 ? SERVER_MESSAGE : (messageOf(body) ?? REFUSED_MESSAGE), body };
}

export interface SendOptions {
  method?: string;
  /** e.g. a staff member's token. */
  headers?: Record<string, string>;
  /** 0..1 as the request body goes out (only meaningful for uploads). */
  onProgress?: (fraction: number) => void;
  timeoutMs?: number;
  signal?: AbortSignal;
}

/**
 * Sends `body` (FormData as multipart, anything else as JSON, undefined as nothing) and resolves
 * its outcome; it never rejects, except with an AbortError when `signal` aborts.
 */
export function send<T = Record<string, unknown>>(url: string, body?: FormData | unknown, options: SendOptions = {}): Promise<Outcome<T>> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(options.method ?? (body === undefined ? 'GET' : 'POST'), url);
    for (const [name, value] of Object.entries(options.headers ?? {})) xhr.setRequestHeader(name, value);
    xhr.responseType = 'json';
    xhr.timeout = options.timeoutMs ?? 180_000;
    if (options.onProgress) {
      const report = options.onProgress;
      xhr.upload.onprogress = (e) => e.lengthComputable && report(e.loaded / e.total);
    }
    xhr.onload = () => resolve(outcomeOf<T>(xhr.status, xhr.response));
    xhr.onerror = xhr.ontimeout = () => resolve(outcomeOf<T>(0, null));
    if (options.signal) {
      if (options.signal.aborted) return reject(new DOMException('Aborted', 'AbortError'));
      options.signal.addEventListener('abort', () => {
        xhr.abort();
        reject(new DOMException('Aborted', 'AbortError'));
      });
    }
    if (body instanceof FormData) xhr.send(body);
    else if (body === undefined) xhr.send();
    else {
      xhr.setRequestHeader('content-type', 'application/json');
      xhr.send(JSON.stringify(body));
    }
  });
}
