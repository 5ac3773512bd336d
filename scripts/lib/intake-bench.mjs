// Intake beside a bare PocketBase collection, and the memory of an upload burst, for
// `npm run bench` (issue 16). Both sides run in the same PocketBase, in the same run, in
// alternating rounds, so neither gets the quieter moment of a shared machine.
import { readFileSync } from 'node:fs';
import { runLoad, summarise, readMemory, sleep } from './bench-utils.mjs';

/** The bare side: the application collection's own fields, no hooks of its own, no rules. */
export const BARE_COLLECTION = 'bench_bare';

/**
 * Creates (or recreates) a base collection with every non-system field of `permohonan`, the same
 * file fields (types, sizes) but nothing required and no patterns (the portal's hook fills the
 * server's own fields), open to create, and without indexes: PocketBase's own speed for the same
 * upload. App-wide hooks (security headers, log privacy, upload names) still run for it, as they
 * do for every collection.
 */
export async function createBareCollection(admin) {
  const source = await admin.collections.getOne('permohonan');
  try {
    await admin.collections.delete(BARE_COLLECTION);
  } catch {
    // not there yet
  }
  const fields = source.fields.filter((f) => !f.system).map(({ id, ...f }) => ({ ...f, required: false, ...(f.type === 'text' ? { pattern: '' } : {}) }));
  await admin.collections.create({ name: BARE_COLLECTION, type: 'base', createRule: '', fields, indexes: [] });
}

/** CPU time (user + system, ms) a process has used so far, from /proc (Linux). */
export function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  // utime and stime, in clock ticks (100 per second on Linux).
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * Posts `makeForm()` to a collection; resolves to what identifies the stored record (the
 * tracking code for the portal, the id for the bare side). Throws on anything but 200.
 */
export function poster(base, collection, key, makeForm) {
  return async () => {
    const res = await fetch(`${base}/api/collections/${collection}/records`, { method: 'POST', body: makeForm() });
    const body = await res.json().catch(() => ({}));
    if (res.status !== 200 || !body[key]) throw new Error(`HTTP ${res.status} ${body.message ?? ''}`.trim());
    return body[key];
  };
}

/**
 * The intake ratio: the portal's application create beside a bare create of the same fields and
 * files, `rounds` alternating rounds of `perRound` each at `concurrency`, after a warm-up of each.
 * Reports throughput, p50/p95, PocketBase CPU per request, errors and lost (acknowledged but not
 * stored) for both sides, and portal ÷ bare.
 */
export async function measureIntakeRatio({ base, admin, pid, makeForm, concurrency = 10, rounds = 6, perRound = 100, warmUp = 40 }) {
  await createBareCollection(admin);
  const sides = {
    portal: { collection: 'permohonan', key: 'kode_lacak', field: 'kode_lacak' },
    bare: { collection: BARE_COLLECTION, key: 'id', field: 'id' },
  };
  const runs = { portal: [], bare: [] };
  const cpu = { portal: 0, bare: 0 };
  for (const key of Object.keys(sides)) await runLoad({ concurrency, total: warmUp, task: poster(base, sides[key].collection, sides[key].key, makeForm) });
  for (let round = 0; round < rounds; round++) {
    for (const key of round % 2 === 0 ? ['portal', 'bare'] : ['bare', 'portal']) {
      const before = cpuMs(pid);
      runs[key].push(await runLoad({ concurrency, total: perRound, task: poster(base, sides[key].collection, sides[key].key, makeForm) }));
      cpu[key] += cpuMs(pid) - before;
    }
  }
  const result = { concurrency, rounds, perRound, warmUp };
  for (const key of Object.keys(sides)) {
    const stored = new Set((await admin.collection(sides[key].collection).getFullList({ fields: sides[key].field, batch: 1000 })).map((r) => r[sides[key].field]));
    const acknowledged = runs[key].flatMap((r) => r.values);
    const { requests, ...stats } = summarise(runs[key]);
    result[key] = { collection: sides[key].collection, requests, ...stats, cpuMsPerRequest: cpu[key] / requests, accepted: acknowledged.length, lost: acknowledged.filter((v) => !stored.has(v)).length };
  }
  result.ratio = { throughput: result.portal.perSecond / result.bare.perSecond, cpu: result.bare.cpuMsPerRequest / result.portal.cpuMsPerRequest };
  await admin.collections.delete(BARE_COLLECTION);
  return result;
}

/**
 * `senders` people sending at once, each retrying a refusal (503 or 429, "coba lagi") after
 * the server's Retry-After, or a broken connection after a second, as the forms tell people to
 * (at most `maxTries` tries each); PocketBase's RSS is sampled every 50 ms. Reports the peak
 * (VmHWM, over the process's life so far, and the highest sample during the burst), accepted,
 * refused-then-retried, connections broken-then-retried, errors (gave up) and lost.
 */
export async function measureUploadBurst({ base, admin, pid, makeForm, senders = 50, total = 300, maxTries = 40, collection = 'permohonan', key = 'kode_lacak' }) {
  let highest = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      highest = Math.max(highest, readMemory(pid).rss);
      await sleep(50);
    }
  })();
  let refusals = 0;
  let networkRetries = 0;
  const networkCauses = new Set();
  const refusalStatuses = {};
  const refusalMessages = new Set();
  const send = async () => {
    const form = makeForm(); // one submission id for every try, as the form keeps it
    for (let attempt = 1; ; attempt++) {
      let res;
      try {
        res = await fetch(`${base}/api/collections/${collection}/records`, { method: 'POST', body: form });
      } catch (err) {
        // "fetch failed" alone says nothing: keep the cause (reset, closed…).
        const cause = `${err.message}: ${err.cause?.code ?? err.cause?.message ?? 'no cause'}`;
        // A refusal sent while the body is still coming may reach the sender as a broken
        // connection; the form then says "Sambungan terputus… kirim lagi" and keeps the same
        // submission id. Counted apart from the 503s.
        if (attempt < maxTries) {
          networkRetries++;
          if (networkCauses.size < 3) networkCauses.add(cause);
          await sleep(1000 * (0.5 + Math.random()));
          continue;
        }
        throw new Error(cause);
      }
      const body = await res.json().catch(() => ({}));
      if (res.status === 200 && body[key]) return body[key];
      if ((res.status === 503 || res.status === 429) && attempt < maxTries) {
        refusals++;
        refusalStatuses[res.status] = (refusalStatuses[res.status] ?? 0) + 1;
        if (body.message) refusalMessages.add(body.message);
        const wait = Number(res.headers.get('retry-after') ?? '1');
        // A person taps "Kirim" again a little later; spread so they do not all come back at once.
        await sleep((Number.isFinite(wait) ? wait : 1) * 1000 * (0.5 + Math.random()));
        continue;
      }
      throw new Error(`HTTP ${res.status} ${body.message ?? ''}`.trim());
    }
  };
  const before = readMemory(pid);
  const run = await runLoad({ concurrency: senders, total, task: send });
  sampling = false;
  await sampler;
  const after = readMemory(pid);
  const stored = new Set((await admin.collection(collection).getFullList({ fields: key, batch: 1000 })).map((r) => r[key]));
  const { requests, ...stats } = summarise([run]);
  return {
    collection,
    senders,
    total,
    maxTries,
    ...stats,
    accepted: run.values.length,
    lost: run.values.filter((code) => !stored.has(code)).length,
    refusals,
    refusalStatuses,
    refusalMessages: [...refusalMessages],
    networkRetries,
    networkCauses: [...networkCauses],
    rssBefore: before.rss,
    rssHighestSample: Math.max(highest, after.rss),
    peakRss: after.hwm,
  };
}

/**
 * The memory settings PocketBase actually runs with, from its own process: GOMEMLIMIT and
 * PORTAL_MAX_UPLOADS from its environment, --hooksPool from its arguments (null when unset).
 */
export function pocketbaseSettings(pid) {
  const env = Object.fromEntries(
    readFileSync(`/proc/${pid}/environ`, 'utf8')
      .split('\0')
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  const pool = args.find((a) => a.startsWith('--hooksPool='));
  return { goMemLimit: env.GOMEMLIMIT ?? null, maxUploads: env.PORTAL_MAX_UPLOADS ? Number(env.PORTAL_MAX_UPLOADS) : null, hooksPool: pool ? Number(pool.split('=')[1]) : null };
}
