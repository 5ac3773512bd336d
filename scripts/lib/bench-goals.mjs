// The goals of issue 16 as `npm run bench` reports them: each as measured, goal, and met or not,
// from the figures the bench gathered in the same run. A goal the run could not measure says so
// (met: null) rather than passing.
// MB as in the rest of the bench (1024 × 1024 bytes), which measured the 849 MB of issue 16.
const MB = 1024 * 1024;

/** One row per goal, from the bench's report object. */
export function issue16Goals(report) {
  const goals = [];
  const intake = report.intakeRatio;
  goals.push(
    intake
      ? {
          goal: 'Intake: application create ÷ bare PocketBase create (same fields and files, concurrency 10)',
          measured: `${intake.ratio.throughput.toFixed(2)}× (${intake.portal.perSecond.toFixed(1)} vs ${intake.bare.perSecond.toFixed(1)}/s; CPU ${intake.portal.cpuMsPerRequest.toFixed(1)} vs ${intake.bare.cpuMsPerRequest.toFixed(1)} ms/request); ${intake.portal.errors + intake.bare.errors} errors, ${intake.portal.lost + intake.bare.lost} lost`,
          target: '≥ 0.80×, 0 errors, 0 lost',
          met: intake.ratio.throughput >= 0.8 && intake.portal.errors + intake.bare.errors === 0 && intake.portal.lost + intake.bare.lost === 0,
        }
      : { goal: 'Intake ratio', measured: 'not measured', target: '≥ 0.80×', met: null },
  );
  const t = report.tracking;
  if (t?.ratio) {
    goals.push({ goal: 'Tracking: /api/lacak throughput ÷ record view', measured: `${t.ratio.throughput.toFixed(2)}×`, target: '≥ 0.80×', met: t.ratio.throughput >= 0.8 });
    goals.push({ goal: 'Tracking: /api/lacak p95 ÷ record view p95', measured: `${t.ratio.p95.toFixed(2)}×`, target: '≤ 1.25×', met: t.ratio.p95 <= 1.25 });
  } else {
    goals.push({ goal: 'Tracking ratios', measured: 'not measured', target: '≥ 0.80× and p95 ≤ 1.25×', met: null });
  }
  const burst = report.uploadBurst;
  goals.push(
    burst
      ? {
          goal: `Memory: PocketBase peak RSS through a ${burst.senders}-sender upload burst, as \`npm start\` sets it up`,
          measured: `${(burst.peakRss / MB).toFixed(0)} MB (${burst.accepted}/${burst.total} accepted, ${burst.refusals} "coba lagi" answers and ${burst.networkRetries} broken connections retried, ${burst.errors} errors, ${burst.lost} lost)`,
          target: '≤ 350 MB, 0 errors, 0 lost',
          met: burst.peakRss <= 350 * MB && burst.errors === 0 && burst.lost === 0,
        }
      : { goal: 'Memory peak under an upload burst', measured: 'not measured', target: '≤ 350 MB', met: null },
  );
  // Bytes on the wire per page come from the static-delivery part of the bench when present.
  const wire = report.staticOnTheWire;
  goals.push(
    wire?.goal
      ? wire.goal
      : { goal: 'Static files compressed and cached (bytes on the wire)', measured: 'not measured in this run', target: 'gzip/brotli; hashed assets immutable', met: null },
  );
  return goals;
}

export const metText = (met) => (met === null ? 'not measured' : met ? 'met' : 'NOT met');
