// How `npm start` sizes PocketBase's memory from the machine it runs on (issue 16: a peak of at
// most 350 MB under a burst of 50 people sending applications, without hand tuning). Three
// settings, each overridable from the environment:
//   - GOMEMLIMIT, Go's soft memory limit: a quarter of the machine's (or container's) memory, at
//     most 224 MiB, so the garbage collector works harder before the process grows past it (RSS
//     ran some 60–100 MB above it with ten JS runtimes per upload, 35 MB with five);
//   - PORTAL_MAX_UPLOADS, uploads handled at once (pb_hooks/lib/upload-bound.js; one more gets
//     "coba lagi"): one per 22 MiB of that limit, 2 to 10. Measured on this project: each upload
//     in progress held about 20 MB (its parsed body and the JS runtimes of the hooks it passes);
//   - --hooksPool, the prewarmed JS runtimes: five per upload in progress and 20 for everything
//     else. Every JS middleware and hook a request passes holds one until the request ends: an
//     application or report holds four at most (the two app-wide middlewares, its create
//     request, its first history entry; what a guest sees of the answer comes after the
//     latter); one more for a staff upload's extra hook. Past the pool PocketBase builds a new
//     runtime for every call, which cost an application a quarter of its CPU time at 10 senders.
//     Measured with the 50-sender burst (issue 16): a pool of 70 peaks as high as one of 120
//     (258 MB: the peak follows GOMEMLIMIT, RSS runs some 35 MB above it) and starts 14 MB
//     smaller (65 vs 79 MB); GOMEMLIMIT 320MiB peaked at 346 MB without a clear gain in speed.
import os from 'node:os';
import { readFileSync } from 'node:fs';

const MiB = 1024 * 1024;
export const GOMEMLIMIT_CAP = 224 * MiB;
export const MEMORY_PER_UPLOAD = 22 * MiB;
export const RUNTIMES_PER_UPLOAD = 5;
export const RUNTIMES_OTHER = 20;

/** The memory this process may use: the machine's, or its cgroup's limit when lower (containers). */
export function availableMemory() {
  let total = os.totalmem();
  for (const file of ['/sys/fs/cgroup/memory.max', '/sys/fs/cgroup/memory/memory.limit_in_bytes']) {
    try {
      const limit = Number(readFileSync(file, 'utf8').trim());
      if (Number.isFinite(limit) && limit > 0 && limit < total) total = limit;
    } catch {
      // no such cgroup file ("max" reads as NaN: no limit)
    }
  }
  return total;
}

/** Go's GOMEMLIMIT syntax ("400MiB", "1GiB", "300000000") in bytes; NaN when unreadable. */
export function parseGoMemLimit(text) {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(B|KiB|MiB|GiB|TiB)?\s*$/.exec(String(text ?? ''));
  if (!m) return NaN;
  const unit = { B: 1, KiB: 1024, MiB: MiB, GiB: 1024 * MiB, TiB: 1024 * 1024 * MiB }[m[2] ?? 'B'];
  return Math.floor(Number(m[1]) * unit);
}

function positiveInt(text) {
  const n = Number(text);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/**
 * The settings for this machine; `env` values win (GOMEMLIMIT, PORTAL_MAX_UPLOADS,
 * PORTAL_HOOKS_POOL). Throws an Indonesian message for a value that cannot be used.
 */
export function memoryPlan({ memory = availableMemory(), env = process.env } = {}) {
  let goMemLimitBytes;
  let goMemLimit;
  const given = env.GOMEMLIMIT?.trim();
  if (given) {
    goMemLimitBytes = parseGoMemLimit(given);
    if (!(goMemLimitBytes > 0)) throw new Error(`GOMEMLIMIT tidak sah: "${given}" (contoh: 300MiB).`);
    goMemLimit = given;
  } else {
    goMemLimitBytes = Math.max(64 * MiB, Math.min(GOMEMLIMIT_CAP, Math.floor(memory / 4 / MiB) * MiB));
    goMemLimit = `${goMemLimitBytes / MiB}MiB`;
  }
  const uploadsGiven = env.PORTAL_MAX_UPLOADS?.trim();
  const maxUploads = uploadsGiven ? positiveInt(uploadsGiven) : Math.min(10, Math.max(2, Math.floor(goMemLimitBytes / MEMORY_PER_UPLOAD)));
  if (!maxUploads) throw new Error(`PORTAL_MAX_UPLOADS tidak sah: "${uploadsGiven}" (bilangan bulat lebih dari 0).`);
  const poolGiven = env.PORTAL_HOOKS_POOL?.trim();
  const hooksPool = poolGiven ? positiveInt(poolGiven) : maxUploads * RUNTIMES_PER_UPLOAD + RUNTIMES_OTHER;
  if (!hooksPool) throw new Error(`PORTAL_HOOKS_POOL tidak sah: "${poolGiven}" (bilangan bulat lebih dari 0).`);
  return {
    memory,
    goMemLimit,
    goMemLimitBytes,
    maxUploads,
    hooksPool,
    given: { goMemLimit: Boolean(given), maxUploads: Boolean(uploadsGiven), hooksPool: Boolean(poolGiven) },
  };
}
