// Who may do what to a request, from its SOP (content/sops/) and the roles that are its actors
// (content/reference/roles.yaml). One definition for the server, which enforces it whatever the
// client (pb_hooks/petugas.pb.js), and for the staff workspace, which offers only what is allowed.
//
// A request points at the next SOP step to record (`langkah`). Recording a step is allowed to the
// roles that are its actors (a field role only when the request is assigned to that person), and
// moves the request to the stage (status) of the following step; the last step ends it as served.
// A decision by several people is several steps (Kasi, then Kabid, then Kadis), each recorded by
// its own role. Around the steps: asking the applicant for a repair and resuming, rejecting (at a
// decision step, by its role), cancelling, assigning a field worker, and reopening a decided
// request (by a deciding role, with a reason).

export type RolePowerId = 'perbaikan' | 'batal' | 'tugaskan' | 'laporan' | 'ekspor' | 'log-akses';

export interface FlowRole {
  id: string;
  label: string;
  can: readonly RolePowerId[];
  field: boolean;
  account: boolean;
}

export interface FlowStep {
  /** Status (stage) the request is in while this step is to be done. */
  stage: string;
  kind: 'start' | 'process' | 'decision' | 'end';
  /** The SOP's words for the step. */
  activity: string;
  /** Roles that may record it (for actors without accounts, the role that records for them). */
  roles: readonly string[];
  /** True when every actor of the step is outside the office (the applicant, a village…). */
  outside: boolean;
}

export interface FlowStatus {
  id: string;
  label: string;
  closed: boolean;
  meaning?: 'initial' | 'repair' | 'decision' | 'success' | 'rejected' | 'cancelled' | undefined;
}

export interface CaseState {
  status: string;
  /** Index of the next SOP step to record. */
  langkah: number;
  /** Whether the request is assigned to the person acting (a field worker acts only then). */
  assignedToMe: boolean;
}

export type FlowAction = 'langkah' | 'perbaikan' | 'lanjutkan' | 'tolak' | 'batal' | 'tugaskan' | 'buka-kembali' | 'periksa-dokumen';

export interface FlowContext {
  steps: readonly FlowStep[];
  statuses: readonly FlowStatus[];
  roles: readonly FlowRole[];
}

export type Verdict = { allowed: true; status: string; langkah: number; closes: boolean } | { allowed: false; message: string };

const byMeaning = (ctx: FlowContext, meaning: NonNullable<FlowStatus['meaning']>) => ctx.statuses.find((s) => s.meaning === meaning);

/** "Kasi", "Kasi atau Kabid", "Kasi, Kabid, atau Kadis". */
export function roleList(ctx: FlowContext, ids: readonly string[]): string {
  const labels = [...new Set(ids)].map((id) => ctx.roles.find((r) => r.id === id)?.label ?? id);
  if (labels.length <= 1) return labels[0] ?? 'petugas yang berwenang';
  if (labels.length === 2) return `${labels[0]} atau ${labels[1]}`;
  return `${labels.slice(0, -1).join(', ')}, atau ${labels[labels.length - 1]}`;
}

function withPower(ctx: FlowContext, power: RolePowerId): string[] {
  return ctx.roles.filter((r) => r.account && r.can.includes(power)).map((r) => r.id);
}

const isField = (ctx: FlowContext, role: string) => ctx.roles.find((r) => r.id === role)?.field === true;

/**
 * Whether someone with `mine` roles may act as one of `allowed`: an office role always, a field
 * role only on a request assigned to them.
 */
function mayActAs(ctx: FlowContext, mine: readonly string[], allowed: readonly string[], state: CaseState): boolean {
  return mine.some((r) => allowed.includes(r) && (!isField(ctx, r) || state.assignedToMe));
}

/** The roles that decide on this SOP: its decision steps' roles, or its last step before the end. */
export function decidingRoles(ctx: FlowContext): string[] {
  const decisions = ctx.steps.filter((s) => s.kind === 'decision');
  if (decisions.length > 0) return [...new Set(decisions.flatMap((s) => [...s.roles]))];
  const before = ctx.steps.length >= 2 ? ctx.steps[ctx.steps.length - 2]! : ctx.steps[ctx.steps.length - 1];
  return before ? [...before.roles] : [];
}

/** The step index a new request starts at: after the submission itself when the applicant makes it. */
export function firstLangkah(ctx: FlowContext): number {
  const first = ctx.steps[0];
  return first && first.kind === 'start' && first.outside ? 1 : 0;
}

function refuse(message: string): Verdict {
  return { allowed: false, message };
}

/** The verdict on one action by someone with `mine` roles, and where it leaves the request. */
export function judge(ctx: FlowContext, state: CaseState, mine: readonly string[], action: FlowAction): Verdict {
  const status = ctx.statuses.find((s) => s.id === state.status);
  const step = ctx.steps[state.langkah];
  const stay = { allowed: true as const, status: state.status, langkah: state.langkah, closes: false };
  const closed = status?.closed === true;
  const inRepair = status?.meaning === 'repair';
  const stepRoles = step ? [...step.roles] : [];
  // Documents and repairs are the office's: a field worker records their visit, nothing more.
  const officeStepRoles = stepRoles.filter((r) => !isField(ctx, r));

  if (action === 'buka-kembali') {
    if (!closed || (status?.meaning !== 'success' && status?.meaning !== 'rejected')) return refuse('Hanya permohonan yang sudah selesai atau ditolak yang dapat dibuka kembali.');
    const deciders = decidingRoles(ctx);
    if (!mayActAs(ctx, mine, deciders, state)) return refuse(`Permohonan yang sudah diputus hanya dapat dibuka kembali oleh ${roleList(ctx, deciders)}, dengan alasan tertulis.`);
    let at = -1;
    ctx.steps.forEach((s, i) => (s.kind === 'decision' ? (at = i) : null));
    if (at < 0) at = Math.max(0, ctx.steps.length - 2);
    return { allowed: true, status: ctx.steps[at]!.stage, langkah: at, closes: false };
  }
  if (closed) return refuse(`Permohonan sudah “${status?.label ?? state.status}”. Untuk mengubahnya, buka kembali permohonan dengan alasan tertulis.`);

  switch (action) {
    case 'langkah': {
      if (!step) return refuse('Semua langkah SOP permohonan ini sudah tercatat.');
      if (inRepair) return refuse('Permohonan sedang menunggu perbaikan dari pemohon. Lanjutkan pemeriksaan setelah dokumen diterima.');
      const initial = byMeaning(ctx, 'initial')?.id;
      if (state.status !== step.stage && state.status !== initial) return refuse('Tahap permohonan tidak sesuai dengan langkah SOP berikutnya. Muat ulang halaman.');
      if (!mayActAs(ctx, mine, stepRoles, state)) {
        const field = stepRoles.filter((r) => isField(ctx, r));
        const tail = field.length === stepRoles.length && field.length > 0 ? ' yang ditugaskan pada permohonan ini' : '';
        return refuse(`Langkah ini dicatat oleh ${roleList(ctx, stepRoles)}${tail}: ${step.activity}`);
      }
      const next = ctx.steps[state.langkah + 1];
      if (!next || step.kind === 'end') {
        const success = byMeaning(ctx, 'success');
        return { allowed: true, status: success?.id ?? state.status, langkah: state.langkah + 1, closes: true };
      }
      return { allowed: true, status: next.stage, langkah: state.langkah + 1, closes: false };
    }
    case 'perbaikan': {
      const repair = byMeaning(ctx, 'repair');
      if (!repair) return refuse('Daftar status kantor ini tidak mengenal permintaan perbaikan.');
      if (inRepair) return refuse('Permohonan sudah menunggu perbaikan dari pemohon.');
      const allowed = [...withPower(ctx, 'perbaikan'), ...officeStepRoles];
      if (!mayActAs(ctx, mine, allowed, state)) return refuse(`Perbaikan dokumen diminta oleh ${roleList(ctx, allowed)}.`);
      return { ...stay, status: repair.id };
    }
    case 'lanjutkan': {
      if (!inRepair) return refuse('Permohonan tidak sedang menunggu perbaikan.');
      const allowed = [...withPower(ctx, 'perbaikan'), ...officeStepRoles];
      if (!mayActAs(ctx, mine, allowed, state)) return refuse(`Pemeriksaan setelah perbaikan dilanjutkan oleh ${roleList(ctx, allowed)}.`);
      return { ...stay, status: step ? step.stage : state.status };
    }
    case 'periksa-dokumen': {
      const allowed = [...withPower(ctx, 'perbaikan'), ...officeStepRoles];
      if (!mayActAs(ctx, mine, allowed, state)) return refuse(`Dokumen diperiksa oleh ${roleList(ctx, allowed)}.`);
      return stay;
    }
    case 'tolak': {
      const rejected = byMeaning(ctx, 'rejected');
      if (!rejected) return refuse('Daftar status kantor ini tidak mengenal penolakan.');
      const hasDecisions = ctx.steps.some((s) => s.kind === 'decision');
      if (hasDecisions && step?.kind !== 'decision') {
        return refuse(`Permohonan hanya dapat ditolak pada langkah keputusan SOP, oleh ${roleList(ctx, decidingRoles(ctx))}.`);
      }
      if (!mayActAs(ctx, mine, stepRoles, state)) return refuse(`Keputusan pada langkah ini diambil oleh ${roleList(ctx, stepRoles)}: ${step?.activity ?? ''}`.trim());
      return { allowed: true, status: rejected.id, langkah: state.langkah, closes: true };
    }
    case 'batal': {
      const cancelled = byMeaning(ctx, 'cancelled');
      if (!cancelled) return refuse('Daftar status kantor ini tidak mengenal pembatalan.');
      const allowed = withPower(ctx, 'batal');
      if (!mayActAs(ctx, mine, allowed, state)) return refuse(`Permohonan dibatalkan oleh ${roleList(ctx, allowed)}, atas permintaan pemohon atau karena pemohon tidak dapat dihubungi.`);
      return { allowed: true, status: cancelled.id, langkah: state.langkah, closes: true };
    }
    case 'tugaskan': {
      if (nextFieldRoles(ctx, state).length === 0) return refuse('Tidak ada langkah lapangan lagi dalam SOP layanan ini; tidak ada petugas lapangan yang perlu ditugaskan.');
      const allowed = withPower(ctx, 'tugaskan');
      if (!mayActAs(ctx, mine, allowed, state)) return refuse(`Petugas lapangan ditugaskan oleh ${roleList(ctx, allowed)}.`);
      return stay;
    }
  }
}

/** The actions someone with `mine` roles may take now (for the workspace's buttons). */
export function allowedActions(ctx: FlowContext, state: CaseState, mine: readonly string[]): FlowAction[] {
  const all: FlowAction[] = ['langkah', 'perbaikan', 'lanjutkan', 'periksa-dokumen', 'tolak', 'batal', 'tugaskan', 'buka-kembali'];
  return all.filter((a) => judge(ctx, state, mine, a).allowed);
}

/** Roles a field worker must hold for the request's next field step (for suggesting assignees). */
export function nextFieldRoles(ctx: FlowContext, state: CaseState): string[] {
  for (let i = Math.max(0, state.langkah); i < ctx.steps.length; i++) {
    const field = ctx.steps[i]!.roles.filter((r) => isField(ctx, r));
    if (field.length > 0) return field;
  }
  return [];
}

// ------------------------------------------------------------------ reports

export interface ReportStatus extends FlowStatus {
  next: readonly string[];
  needsReason: boolean;
  sopStage?: string | undefined;
}

export interface ReportFlowContext {
  statuses: readonly ReportStatus[];
  roles: readonly FlowRole[];
  /** Roles acting in each SOP stage of the report kind's SOP (empty when it has none). */
  stageRoles: Readonly<Record<string, readonly string[]>>;
}

/**
 * Whether someone with `mine` roles may move a report to `target`. A report follows its status
 * list; each move is made by the roles acting in the SOP stage the target stands for (for a
 * closing move, the stage it closes), or by a role receiving reports (`can: laporan`).
 */
export function judgeReport(ctx: ReportFlowContext, state: { status: string; assignedToMe: boolean }, mine: readonly string[], target: string): { allowed: true } | { allowed: false; message: string } {
  const flow: FlowContext = { steps: [], statuses: ctx.statuses, roles: ctx.roles };
  const current = ctx.statuses.find((s) => s.id === state.status);
  const next = ctx.statuses.find((s) => s.id === target);
  const quoted = (s: ReportStatus | undefined, id: string) => `“${s?.label ?? id}”`;
  if (!next) return { allowed: false, message: 'Status laporan tidak dikenal.' };
  if (current?.closed) return { allowed: false, message: `Laporan sudah ${quoted(current, state.status)}; statusnya tidak dapat diubah lagi.` };
  if (current && !current.next.includes(target)) {
    const options = current.next.map((id) => quoted(ctx.statuses.find((s) => s.id === id), id)).join(', ');
    return { allowed: false, message: `Status laporan tidak dapat berubah dari ${quoted(current, state.status)} langsung ke ${quoted(next, target)}. Pilihan berikutnya: ${options}.` };
  }
  const stage = next.closed ? current?.sopStage : next.sopStage;
  const allowed = [...new Set([...(stage ? (ctx.stageRoles[stage] ?? []) : []), ...withPower(flow, 'laporan')])].filter((r) => ctx.roles.some((x) => x.id === r && x.account));
  if (!mayActAs(flow, mine, allowed, { status: state.status, langkah: 0, assignedToMe: state.assignedToMe })) {
    return { allowed: false, message: `Status ${quoted(next, target)} dicatat oleh ${roleList(flow, allowed)}.` };
  }
  return { allowed: true };
}

/** Forwarding a report (to a person, a social pillar or a unit) and recording how it was handled. */
export function judgeReportTask(ctx: ReportFlowContext, state: { status: string; assignedToMe: boolean }, mine: readonly string[], task: 'tugaskan' | 'penanganan'): { allowed: true } | { allowed: false; message: string } {
  const flow: FlowContext = { steps: [], statuses: ctx.statuses, roles: ctx.roles };
  const current = ctx.statuses.find((s) => s.id === state.status);
  if (current?.closed) return { allowed: false, message: `Laporan sudah “${current.label}”; tidak dapat diubah lagi.` };
  const allowed =
    task === 'tugaskan'
      ? [...new Set([...withPower(flow, 'tugaskan'), ...withPower(flow, 'laporan')])]
      : [...new Set([...(current?.sopStage ? (ctx.stageRoles[current.sopStage] ?? []) : []), ...withPower(flow, 'laporan')])].filter((r) => ctx.roles.some((x) => x.id === r && x.account));
  if (!mayActAs(flow, mine, allowed, { status: state.status, langkah: 0, assignedToMe: state.assignedToMe })) {
    return { allowed: false, message: task === 'tugaskan' ? `Laporan diteruskan oleh ${roleList(flow, allowed)}.` : `Penanganan laporan dicatat oleh ${roleList(flow, allowed)}.` };
  }
  return { allowed: true };
}

/**
 * Whether recording step `index` also records the field-verification result (layak / tidak
 * layak): a step done by a field role whose next step waits for the decision.
 */
export function recordsVisitResult(ctx: FlowContext, index: number): boolean {
  const step = ctx.steps[index];
  const next = ctx.steps[index + 1];
  if (!step || !next) return false;
  if (!step.roles.some((r) => isField(ctx, r))) return false;
  return ctx.statuses.find((s) => s.id === next.stage)?.meaning === 'decision';
}
