// A local stand-in for the WhatsApp Business Cloud API: it checks each request against the
// documented shape (POST /{version}/{phone-number-id}/messages, a Bearer token, JSON with
// messaging_product "whatsapp", to, type "text", text.body) and answers as the API does, as the
// test tells it: success with a wamid, an error object with a 4xx or 5xx status, or no answer
// before the client's timeout.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const WA_VERSION = 'v21.0';
export const WA_PHONE_ID = '109876543210987';
export const WA_TOKEN = 'uji-token-rahasia';

export interface WaRequest {
  at: number;
  to: string;
  body: string;
  /** What was wrong with the request's shape; empty when it matched the documentation. */
  problems: string[];
}

export type WaAnswer = { kind: 'ok' } | { kind: 'error'; status: number } | { kind: 'hang'; ms: number };

export interface FakeWhatsApp {
  url: string;
  requests: WaRequest[];
  /** Answers for the next requests, in order; when empty, success. */
  script: WaAnswer[];
  /** Called when a request has arrived, before it is answered (the crash test kills here). */
  onRequest: ((r: WaRequest) => void | Promise<void>) | null;
  close(): Promise<void>;
}

function shapeProblems(req: IncomingMessage, raw: string): { problems: string[]; to: string; text: string } {
  const problems: string[] = [];
  if (req.method !== 'POST') problems.push(`method ${req.method}`);
  if (req.url !== `/${WA_VERSION}/${WA_PHONE_ID}/messages`) problems.push(`path ${req.url}`);
  if (req.headers.authorization !== `Bearer ${WA_TOKEN}`) problems.push('authorization');
  if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) problems.push('content-type');
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(raw) as Record<string, unknown>;
  } catch {
    problems.push('body is not JSON');
  }
  if (json['messaging_product'] !== 'whatsapp') problems.push('messaging_product');
  if (json['type'] !== 'text') problems.push('type');
  const to = String(json['to'] ?? '');
  if (!/^\d{8,15}$/.test(to)) problems.push(`to ${to}`);
  const text = (json['text'] as { body?: unknown } | undefined)?.body;
  if (typeof text !== 'string' || text.length === 0 || text.length > 4096) problems.push('text.body');
  return { problems, to, text: typeof text === 'string' ? text : '' };
}

export async function startFakeWhatsApp(): Promise<FakeWhatsApp> {
  const fake: FakeWhatsApp = { url: '', requests: [], script: [], onRequest: null, close: async () => {} };
  let counter = 0;
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
    req.on('end', async () => {
      const shape = shapeProblems(req, raw);
      const record: WaRequest = { at: Date.now(), to: shape.to, body: shape.text, problems: shape.problems };
      fake.requests.push(record);
      if (fake.onRequest) await fake.onRequest(record);
      const answer = fake.script.shift() ?? { kind: 'ok' };
      const send = (status: number, body: unknown) => {
        if (res.destroyed) return;
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (shape.problems.length > 0) return send(400, { error: { message: `(#100) Invalid parameter: ${shape.problems.join(', ')}`, type: 'OAuthException', code: 100, fbtrace_id: 'Auji' } });
      if (answer.kind === 'hang') {
        setTimeout(() => send(200, { messaging_product: 'whatsapp', contacts: [{ input: shape.to, wa_id: shape.to }], messages: [{ id: `wamid.terlambat${++counter}` }] }), answer.ms);
        return;
      }
      if (answer.kind === 'error') {
        const error =
          answer.status >= 500
            ? { message: 'Service temporarily unavailable', type: 'OAuthException', code: 2, fbtrace_id: 'Auji' }
            : { message: '(#131030) Recipient phone number not in allowed list', type: 'OAuthException', code: 131030, fbtrace_id: 'Auji' };
        return send(answer.status, { error });
      }
      send(200, { messaging_product: 'whatsapp', contacts: [{ input: shape.to, wa_id: shape.to }], messages: [{ id: `wamid.uji${++counter}` }] });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}

/** Environment that points the portal's WhatsApp adapter at the fake. */
export function waEnv(fake: FakeWhatsApp, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PORTAL_WA_CLOUD_TOKEN: WA_TOKEN,
    PORTAL_WA_CLOUD_PHONE_NUMBER_ID: WA_PHONE_ID,
    PORTAL_WA_CLOUD_API_URL: fake.url,
    PORTAL_WA_CLOUD_API_VERSION: WA_VERSION,
    ...extra,
  };
}
