import { randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { usePocketBase } from '../support/pocketbase';
import { applyAsSamplePerson, reportAsSamplePerson } from '../support/application';
import { loadContent } from '../support/content';
import { CODE_ALPHABET, CODE_BITS, CODE_SYMBOLS, formatCode } from '../../src/lib/rules/tracking-code';
import type { Lacak } from '../../src/lib/api/lacak';

// Guessing tracking codes: 10,000 random well-formed codes against /api/lacak/ find nothing, and
// with the limiter on, one address is stopped after a short burst.
//
// The code space: 29 symbols ^ 9 = 14,507,145,975,869 codes (about 1.45 × 10^13, 43.7 bits) under
// one prefix. With N live codes, one random guess hits with probability N / 29^9; 10,000 guesses
// hit at most 10,000 × N / 29^9. Even at a million records that is 6.9 × 10^-4, and at this
// test's 6 records 4.1 × 10^-9. Behind the 30-per-minute limit, one address needs about
// 29^9 / (2 × 30 × 60 × 24 × 365) ≈ 460,000 years to find half the codes of a single record.
// So a 200 here means the lookup is not exact (a bug), not bad luck.

const pb = usePocketBase({ rateLimits: false });
const PREFIX = loadContent().site[0]!.data.trackingPrefix;
const GUESSES = 10_000;
const CONCURRENCY = 20;

function randomCode(): string {
  let symbols = '';
  for (let i = 0; i < CODE_SYMBOLS; i++) symbols += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return formatCode(PREFIX, symbols);
}

/** Every code one symbol away from `code`: a lookup must be exact, not "close enough". */
function neighbours(code: string): string[] {
  const symbols = code.slice(PREFIX.length).replace(/-/g, '');
  const out: string[] = [];
  for (let i = 0; i < symbols.length; i++) {
    for (const ch of CODE_ALPHABET) if (ch !== symbols[i]) out.push(formatCode(PREFIX, symbols.slice(0, i) + ch + symbols.slice(i + 1)));
  }
  return out;
}

/** GETs every path with `concurrency` requests in flight; returns the statuses in order. */
async function getAll(paths: string[], concurrency: number, onBody?: (path: string, status: number, body: string) => void): Promise<number[]> {
  const statuses = new Array<number>(paths.length);
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const i = next++;
      const res = await fetch(`${pb.url}${paths[i]}`);
      const body = await res.text();
      statuses[i] = res.status;
      onBody?.(paths[i]!, res.status, body);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return statuses;
}

const tally = (statuses: number[]) => statuses.reduce<Record<number, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});

let realCodes: string[] = [];

describe('guessing tracking codes', () => {
  it(`${GUESSES.toLocaleString('en')} random well-formed codes find nothing`, async () => {
    realCodes = [
      ...(await Promise.all([1, 2, 3, 4].map(() => applyAsSamplePerson(pb.url)))),
      ...(await Promise.all([1, 2].map(() => reportAsSamplePerson(pb.url)))),
    ];
    for (const code of realCodes) expect((await fetch(`${pb.url}/api/lacak/${code}`)).status, code).toBe(200);
    expect(CODE_BITS).toBeCloseTo(43.72, 1);

    // 9 × 28 = 252 near misses of one real code, the rest random; none of them real.
    const real = new Set(realCodes);
    const guesses = new Set(neighbours(realCodes[0]!));
    while (guesses.size < GUESSES) {
      const code = randomCode();
      if (!real.has(code)) guesses.add(code);
    }
    // Every tenth one as a person might type it (lower case, spaces): the route forgives that.
    const paths = [...guesses].map((code, i) => `/api/lacak/${encodeURIComponent(i % 10 === 0 ? code.toLowerCase().replace(/-/g, ' ') : code)}`);

    const found: string[] = [];
    const started = performance.now();
    const statuses = await getAll(paths, CONCURRENCY, (path, status, body) => {
      if (status !== 404 || (JSON.parse(body) as Lacak).ditemukan !== false) found.push(`${path}: ${status}`);
    });
    const seconds = (performance.now() - started) / 1000;
    console.log(`enumerasi: ${paths.length} kode dalam ${seconds.toFixed(1)} s (${Math.round(paths.length / seconds)}/s), status ${JSON.stringify(tally(statuses))}`);
    expect(found).toEqual([]);
    expect(tally(statuses)).toEqual({ 404: GUESSES });
    // The real codes still answer afterwards: nothing was locked or changed by the flood.
    for (const code of realCodes) expect((await fetch(`${pb.url}/api/lacak/${code}`)).status, code).toBe(200);
  }, 120_000);

  it('with the limiter on, one address is stopped after a burst, its real lookups too, and other addresses are not', async () => {
    await pb.admin.settings.update({
      rateLimits: { enabled: true },
      // The address is read from X-Forwarded-For only for this test, to play a second visitor.
      trustedProxy: { headers: ['X-Forwarded-For'], useLeftmostIP: true },
    });
    const settings = await pb.admin.settings.getAll();
    const rule = (settings['rateLimits'] as { rules: { label: string; maxRequests: number; duration: number }[] }).rules.find((r) => r.label === '/api/lacak/');
    // The migration's rule, untouched by switching the limiter off and on.
    expect(rule).toMatchObject({ maxRequests: 30, duration: 60 });

    const asVisitor = (ip: string, code: string) => fetch(`${pb.url}/api/lacak/${code}`, { headers: { 'X-Forwarded-For': ip } });
    const burst: number[] = [];
    for (let i = 0; i < 45; i++) burst.push((await asVisitor('198.51.100.23', randomCode())).status);
    const firstRefused = burst.indexOf(429);
    console.log(`batas: permintaan ke-${firstRefused + 1} ditolak 429; ${JSON.stringify(tally(burst))}`);
    expect(burst.slice(0, 25).every((s) => s === 404)).toBe(true);
    expect(firstRefused).toBeGreaterThanOrEqual(25);
    expect(firstRefused).toBeLessThanOrEqual(31);
    expect(burst.slice(firstRefused).every((s) => s === 429)).toBe(true);

    // The same address now gets 429 for a real code as well: the limit is per address, not per guess.
    const owner = await asVisitor('198.51.100.23', realCodes[0]!);
    expect(owner.status).toBe(429);
    expect(await owner.text()).not.toContain(realCodes[0]!);
    // Another address is not affected.
    const other = await asVisitor('203.0.113.9', realCodes[0]!);
    expect(other.status).toBe(200);
  });
});

describe('guessing codes through the re-upload proof (issue 14)', () => {
  it('answers 500 random codes and a real code with a wrong fact with the same words, and finds nothing', async () => {
    // The test above left the limiter on; here the answers themselves are compared.
    await pb.admin.settings.update({ rateLimits: { enabled: false } });
    const real = realCodes[0] ?? (await applyAsSamplePerson(pb.url));
    const prove = async (code: string) => {
      const res = await fetch(`${pb.url}/api/lacak/${encodeURIComponent(code)}/bukti`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ bukti_jenis: 'tanggal_lahir', bukti_nilai: '1901-01-01' }) });
      return { status: res.status, body: await res.text() };
    };
    const answers = new Map<string, number>();
    const guesses = new Set<string>();
    while (guesses.size < 500) guesses.add(randomCode());
    guesses.delete(real);
    const codes = [...guesses];
    for (let i = 0; i < codes.length; i += CONCURRENCY) {
      for (const a of await Promise.all(codes.slice(i, i + CONCURRENCY).map(prove))) answers.set(`${a.status} ${a.body}`, (answers.get(`${a.status} ${a.body}`) ?? 0) + 1);
    }
    // One answer for all of them: a first wrong try, whether the code exists or not.
    expect([...answers.keys()].length).toBe(1);
    const [only] = [...answers.keys()];
    expect(only).toMatch(/^403 /);
    const forReal = await prove(real);
    expect(`${forReal.status} ${forReal.body}`).toBe(only);
  }, 120_000);
});

describe('guessing letter addresses (/verifikasi/<id>)', () => {
  it('finds nothing among 2,000 random ids, each answered alike', async () => {
    const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
    const ids = Array.from({ length: 2000 }, () => Array.from({ length: 15 }, () => alphabet[randomInt(alphabet.length)]).join(''));
    const bodies = new Set<string>();
    // Compared as data: PocketBase writes a hook's object keys in no fixed order.
    const canonical = (body: string) => JSON.stringify(Object.entries(JSON.parse(body) as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)));
    const statuses = await getAll(ids.map((id) => `/api/verifikasi/${id}`), CONCURRENCY, (_p, _s, body) => bodies.add(canonical(body)));
    expect(tally(statuses)).toEqual({ 404: ids.length });
    expect(bodies.size).toBe(1);
  }, 120_000);
});
