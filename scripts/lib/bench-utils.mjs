// Small measuring helpers for `npm run bench`: latency statistics, a bounded load runner,
// process memory from /proc, and markdown tables. No dependencies, Linux only (/proc).
import { readFileSync, readdirSync, existsSync } from 'node:fs';

/** Nearest-rank percentile of ascending-sorted numbers (p in 0..1); NaN when empty. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil(p * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/**
 * Runs `task(i)` for i = 0..total-1 with at most `concurrency` in flight and times each call.
 * A call that throws counts as an error (its message is kept for the first few); the rest
 * return values. Bounded in count, so a load never runs on by itself.
 */
export async function runLoad({ concurrency, total, task }) {
  const latencies = [];
  const values = [];
  const errorSamples = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  async function worker() {
    while (next < total) {
      const i = next++;
      const t = performance.now();
      try {
        values.push(await task(i));
      } catch (err) {
        errors++;
        if (errorSamples.length < 3) errorSamples.push(String(err?.message ?? err));
      }
      latencies.push(performance.now() - t);
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
  const seconds = (performance.now() - started) / 1000;
  return { seconds, latencies, values, errors, errorSamples };
}

/** Throughput and p50/p95 of one or more runLoad results taken together. */
export function summarise(runs) {
  const latencies = runs.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const seconds = runs.reduce((s, r) => s + r.seconds, 0);
  return {
    requests: latencies.length,
    seconds,
    perSecond: latencies.length / seconds,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    errors: runs.reduce((s, r) => s + r.errors, 0),
    errorSamples: runs.flatMap((r) => r.errorSamples).slice(0, 3),
  };
}

/** Resident memory of a process in bytes: now (VmRSS) and its peak so far (VmHWM). */
export function readMemory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (key) => Number(status.match(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm'))?.[1] ?? NaN) * 1024;
  return { rss: kib('VmRSS'), hwm: kib('VmHWM') };
}

/** Direct children of a process (all its threads' children). */
export function childPids(pid) {
  const dir = `/proc/${pid}/task`;
  if (!existsSync(dir)) return [];
  const pids = [];
  for (const tid of readdirSync(dir)) {
    try {
      pids.push(...readFileSync(`${dir}/${tid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number));
    } catch {
      // the thread ended between listing and reading
    }
  }
  return [...new Set(pids)];
}

/** Command line of a process as its arguments; empty once it has gone. */
export function commandLine(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    return [];
  }
}

/** True while the pid exists and is not a zombie waiting to be reaped. */
export function isRunning(pid) {
  try {
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A markdown table; columns whose cells all start with a number are right-aligned. */
export function mdTable(headers, rows) {
  const numeric = headers.map((_, i) => rows.length > 0 && rows.every((r) => /^[-+]?\d/.test(String(r[i]))));
  return [
    `| ${headers.join(' | ')} |`,
    `|${numeric.map((n) => (n ? '---:' : '---')).join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}
