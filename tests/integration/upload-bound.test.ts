// The bound on uploads handled at once (pb_hooks/lib/upload-bound.js, a step of lib/middlewares.js): one upload more than
// PORTAL_MAX_UPLOADS is answered at once with a 503, Retry-After and an Indonesian "coba lagi"
// (which the forms show while keeping what was filled in); a place comes free when an upload
// ends, whatever its answer; requests without a file body are never counted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import { startTestPocketBase, type TestPocketBase } from '../support/pocketbase';

let pb: TestPocketBase;
beforeAll(async () => {
  pb = await startTestPocketBase({ env: { PORTAL_MAX_UPLOADS: '1' } });
  await pb.admin.settings.update({ rateLimits: { enabled: false } });
});
afterAll(async () => {
  await pb?.stop();
});

const BOUNDARY = 'batasbatasbatas';
const BODY = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="nama_lengkap"\r\n\r\nSiti\r\n--${BOUNDARY}--\r\n`;

/**
 * A multipart POST whose body arrives only when `finish()` is called: an upload in progress.
 * `answered` is set once the server has answered it.
 */
function slowUpload(): { finish: () => Promise<number>; answered: () => boolean } {
  const url = new URL('/api/collections/permohonan/records', pb.url);
  const req = http.request({ hostname: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'Content-Type': `multipart/form-data; boundary=${BOUNDARY}`, 'Content-Length': Buffer.byteLength(BODY) } });
  let answered = false;
  const status = new Promise<number>((resolve) => {
    req.on('response', (res) => {
      answered = true;
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => {
      answered = true;
      resolve(0);
    });
  });
  req.write(BODY.slice(0, 10));
  return {
    answered: () => answered,
    finish: () => {
      req.end(BODY.slice(10));
      return status;
    },
  };
}

function upload(): Promise<Response> {
  const form = new FormData();
  form.append('nama_lengkap', 'Siti');
  return fetch(`${pb.url}/api/collections/permohonan/records`, { method: 'POST', body: form });
}

describe('uploads handled at once', () => {
  it('refuses one more with 503, Retry-After and an Indonesian message, and frees the place afterwards', async () => {
    // The held upload has its place once another is refused. It may come second to one of these
    // and be refused itself (its body is then read while held): it is then finished and sent again.
    let first = slowUpload();
    let refused: Response | undefined;
    for (let attempt = 0; attempt < 10 && !refused; attempt++) {
      for (let i = 0; i < 20 && !refused; i++) {
        const res = await upload();
        if (res.status === 503 && !first.answered()) refused = res;
        else await res.arrayBuffer();
      }
      if (!refused) {
        await first.finish();
        first = slowUpload();
      }
    }
    expect(refused, 'a second upload while the first is in progress').toBeDefined();
    expect(Number(refused!.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await refused!.json()) as { message: string };
    expect(body.message).toMatch(/Isian Anda tetap tersimpan/);
    expect(body.message).toMatch(/kirim lagi/);

    // Other requests go through meanwhile.
    expect((await fetch(`${pb.url}/api/health`)).status).toBe(200);

    // The held upload ends (refused by the form's own rules, 400): its place is free again.
    expect(await first.finish()).toBe(400);
    const after = await upload();
    expect(after.status).toBe(400);
    expect(((await after.json()) as { message: string }).message).not.toMatch(/banyak kiriman/);
  });
});
