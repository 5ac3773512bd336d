// Hostile payloads for tests/integration/hostile-input.test.ts: image bombs built byte by byte,
// raw multipart bodies (the byte tricks fetch's FormData would escape), and raw HTTP requests
// (fetch would clean `..` and refuse control characters before they reach the server).
import { connect } from 'node:net';
import { createDeflate } from 'node:zlib';
import { pngChunk, pngHead } from './images';

/**
 * A complete, valid 1-bit greyscale PNG of width × height black pixels: every row is a filter
 * byte and zeros, so 50000 × 50000 (2.5 gigapixels, 312 MB of raw rows) deflates to about 300 kB.
 * Streamed through deflate so the test process never holds the raw rows.
 */
export async function pngBomb(width = 50_000, height = 50_000): Promise<Buffer> {
  const rowBytes = 1 + Math.ceil(width / 8);
  const rowsPerWrite = Math.max(1, Math.floor((4 * 1024 * 1024) / rowBytes));
  const block = Buffer.alloc(rowBytes * rowsPerWrite);
  const deflate = createDeflate({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on('data', (c: Buffer) => parts.push(c));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  for (let left = height; left > 0; left -= rowsPerWrite) {
    const rows = Math.min(left, rowsPerWrite);
    if (!deflate.write(rows === rowsPerWrite ? block : block.subarray(0, rows * rowBytes))) {
      await new Promise((r) => deflate.once('drain', r));
    }
  }
  deflate.end();
  await done;
  return Buffer.concat([pngHead(width, height, 1, 0), pngChunk('IDAT', Buffer.concat(parts)), pngChunk('IEND', Buffer.alloc(0))]);
}

/**
 * A baseline greyscale JPEG declaring width × height (up to 65535 each) whose scan holds only
 * a few blocks: the header alone asks a decoder for gigabytes.
 */
export function jpegHugeHeader(width = 65_500, height = 65_500): Buffer {
  const segment = (marker: number, data: number[]) => [0xff, marker, ((data.length + 2) >> 8) & 0xff, (data.length + 2) & 0xff, ...data];
  const jfif = segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
  const dqt = segment(0xdb, [0x00, ...new Array<number>(64).fill(1)]);
  const sof0 = segment(0xc0, [8, (height >> 8) & 0xff, height & 0xff, (width >> 8) & 0xff, width & 0xff, 1, 1, 0x11, 0]);
  // One code of length 1 for symbol 0 in each table: every block is "DC 0, end of block".
  const codeCounts = [1, ...new Array<number>(15).fill(0)];
  const dhtDc = segment(0xc4, [0x00, ...codeCounts, 0x00]);
  const dhtAc = segment(0xc4, [0x10, ...codeCounts, 0x00]);
  const sos = segment(0xda, [1, 1, 0x00, 0, 63, 0]);
  return Buffer.from([0xff, 0xd8, ...jfif, ...dqt, ...sof0, ...dhtDc, ...dhtAc, ...sos, ...new Array<number>(256).fill(0), 0xff, 0xd9]);
}

/** An SVG with a script, as an attacker would upload it hoping it is served inline. */
export const SVG_WITH_SCRIPT = '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="alert(1)"><script>alert(document.cookie)</script><rect width="10" height="10"/></svg>';

export const HTML_WITH_SCRIPT = '<!DOCTYPE html><html><head><title>x</title></head><body><script>fetch("/api/collections/permohonan/records")</script></body></html>';

/** Content that is not what a document photo's extension says. */
export const DISGUISED = {
  html: Buffer.from(HTML_WITH_SCRIPT),
  js: Buffer.from('alert(document.cookie); // bukan foto\n'.repeat(20)),
  zip: Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00]), Buffer.alloc(200)]),
  exe: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from([0x80, 0, 0, 0]), Buffer.alloc(64), Buffer.from('PE\0\0'), Buffer.alloc(200)]),
  elf: Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01]), Buffer.alloc(200)]),
  svg: Buffer.from(SVG_WITH_SCRIPT),
  gif: Buffer.concat([Buffer.from('GIF89a'), Buffer.from([1, 0, 1, 0, 0, 0, 0]), Buffer.alloc(100)]),
};

/** A form serialised as the bytes fetch would send, so a test can change single bytes in it. */
export async function serialise(form: FormData): Promise<{ body: Buffer; contentType: string }> {
  const res = new Response(form);
  return { body: Buffer.from(await res.arrayBuffer()), contentType: res.headers.get('content-type')! };
}

/** `body` with every occurrence of the ASCII `marker` replaced by `bytes`. */
export function replaceBytes(body: Buffer, marker: string, bytes: Buffer | string): Buffer {
  const needle = Buffer.from(marker, 'latin1');
  const replacement = typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes;
  const out: Buffer[] = [];
  let from = 0;
  for (let at = body.indexOf(needle, from); at >= 0; at = body.indexOf(needle, from)) {
    out.push(body.subarray(from, at), replacement);
    from = at + needle.length;
  }
  if (from === 0) throw new Error(`marker ${marker} tidak ada di badan permintaan`);
  out.push(body.subarray(from));
  return Buffer.concat(out);
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

function dechunk(data: Buffer): Buffer {
  const out: Buffer[] = [];
  let at = 0;
  for (;;) {
    const end = data.indexOf('\r\n', at);
    if (end < 0) break;
    const size = parseInt(data.subarray(at, end).toString('latin1'), 16);
    if (!size) break;
    out.push(data.subarray(end + 2, end + 2 + size));
    at = end + 2 + size + 2;
  }
  return Buffer.concat(out);
}

/**
 * Sends `GET <target>` byte for byte (no URL cleaning, any bytes in the target) over a fresh
 * connection and reads the whole answer.
 */
export function rawGet(baseUrl: string, target: Buffer | string): Promise<RawResponse> {
  const url = new URL(baseUrl);
  const head = Buffer.concat([
    Buffer.from('GET ', 'latin1'),
    typeof target === 'string' ? Buffer.from(target, 'latin1') : target,
    Buffer.from(` HTTP/1.1\r\nHost: ${url.host}\r\nConnection: close\r\n\r\n`, 'latin1'),
  ]);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname, () => socket.end(head));
    const parts: Buffer[] = [];
    socket.setTimeout(10_000, () => socket.destroy(new Error('tidak ada jawaban dalam 10 detik')));
    socket.on('data', (c: Buffer) => parts.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      const all = Buffer.concat(parts);
      const split = all.indexOf('\r\n\r\n');
      const lines = all.subarray(0, split < 0 ? all.length : split).toString('latin1').split('\r\n');
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(lines[0] ?? '')?.[1] ?? 0);
      const headers: Record<string, string> = {};
      for (const line of lines.slice(1)) {
        const colon = line.indexOf(':');
        if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      const raw = split < 0 ? Buffer.alloc(0) : all.subarray(split + 4);
      resolve({ status, headers, body: headers['transfer-encoding'] === 'chunked' ? dechunk(raw) : raw });
    });
  });
}
