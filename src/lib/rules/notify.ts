// Notifications to the applicant or reporter (issue 14): which history event sends which
// message, the channel the person chose, quiet hours and the retry schedule. The same code runs in
// the form (channel choice) and, bundled, in the hooks (pocketbase/pb_hooks/lib/notify.js).

export const CHANNELS = ['whatsapp', 'sms', 'email'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_LABELS: Record<Channel, string> = { whatsapp: 'WhatsApp', sms: 'SMS', email: 'Surel (email)' };

/** Events that send a message; their templates are content/reference/notifications.yaml. */
export const NOTIFY_EVENTS = ['diterima', 'perbaikan', 'kunjungan', 'diputus', 'selesai', 'survei'] as const;
export type NotifyEvent = (typeof NOTIFY_EVENTS)[number];

/** How staff read each event in the workspace. */
export const EVENT_LABELS: Record<NotifyEvent, string> = {
  diterima: 'Diterima',
  perbaikan: 'Perlu dilengkapi',
  kunjungan: 'Kunjungan petugas',
  diputus: 'Keputusan',
  selesai: 'Selesai',
  survei: 'Undangan survei',
};

/** Placeholders a template may use; nothing private (NIK, names, notes) is ever one of them. */
export const TEMPLATE_PLACEHOLDERS = ['kantor', 'jenis', 'kode', 'layanan', 'tahap', 'dokumen', 'tautan', 'tautan_survei'] as const;

// ASCII only: an address with look-alike or invisible characters (bidi controls) is refused.
const EMAIL = /^[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

export function emailProblem(raw: string): string | null {
  const v = raw.trim();
  if (!v) return 'Tulis alamat surel (email) Anda, contoh nama@contoh.id.';
  if (v.length > 254 || !EMAIL.test(v)) return 'Alamat surel tidak sah. Contoh yang benar: nama@contoh.id.';
  return null;
}

/** The channel when the person chose none: WhatsApp for a mobile number, otherwise none. */
export function defaultChannel(phoneE164: string): Channel | '' {
  return /^\+628\d+$/.test(phoneE164) ? 'whatsapp' : '';
}

/**
 * Problems with the channel choice, per field (`saluran_pesan`, `surel`). WhatsApp and SMS need a
 * mobile number (08…), email an address. An empty choice means the default.
 */
export function channelProblems(input: { saluran_pesan: string; surel: string; telepon: string }, allowed: readonly Channel[] = CHANNELS): Record<string, string> {
  const errors: Record<string, string> = {};
  const channel = input.saluran_pesan.trim();
  if (channel && !(allowed as readonly string[]).includes(channel)) {
    errors['saluran_pesan'] = `Pilih ${allowed.map((c) => CHANNEL_LABELS[c]).join(', ').replace(/, ([^,]*)$/, ' atau $1')}.`;
    return errors;
  }
  const mobile = /^(\+?62|0)8/.test(input.telepon.replace(/[\s.\-()]/g, ''));
  if ((channel === 'whatsapp' || channel === 'sms') && !mobile) {
    errors['saluran_pesan'] = `${CHANNEL_LABELS[channel]} hanya dapat dikirim ke nomor HP (diawali 08). Tulis nomor HP${allowed.includes('email') ? ', atau pilih surel' : ''}.`;
  }
  if (channel === 'email' || input.surel.trim()) {
    const problem = emailProblem(input.surel);
    if (problem) errors['surel'] = problem;
  }
  return errors;
}

/** Minutes since midnight of "HH.MM" (content writes times the Indonesian way, 21.00). */
export function clockMinutes(hhmm: string): number {
  const m = /^(\d{2})[.:](\d{2})$/.exec(hhmm);
  if (!m) return NaN;
  return Number(m[1]) * 60 + Number(m[2]);
}

/**
 * Whether `now` falls in the quiet hours [from, to) in the office's time zone; the range may cross
 * midnight (21.00–06.00). Equal bounds mean no quiet hours.
 */
export function inQuietHours(now: Date, quiet: { from: string; to: string }, offsetHours: number): boolean {
  const from = clockMinutes(quiet.from);
  const to = clockMinutes(quiet.to);
  if (!(from >= 0) || !(to >= 0) || from === to) return false;
  const local = new Date(now.getTime() + offsetHours * 3600000);
  const minute = local.getUTCHours() * 60 + local.getUTCMinutes();
  return from < to ? minute >= from && minute < to : minute >= from || minute < to;
}

/** When the quiet hours end, as an instant (the next `to` in office time after `now`). */
export function quietHoursEnd(now: Date, quiet: { from: string; to: string }, offsetHours: number): Date {
  const to = clockMinutes(quiet.to);
  const local = new Date(now.getTime() + offsetHours * 3600000);
  const midnight = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  let end = midnight + to * 60000;
  if (end <= local.getTime()) end += 86400000;
  return new Date(end - offsetHours * 3600000);
}

/** Seconds to wait before attempt `attempts + 1` after `attempts` failed ones: base·2^(n−1), capped. */
export function retryDelaySeconds(attempts: number, baseSeconds: number, capSeconds: number): number {
  const n = Math.max(1, attempts);
  return Math.min(capSeconds, baseSeconds * Math.pow(2, n - 1));
}

/** Fills {placeholders}; an unknown one stays visible rather than leaking anything. */
export function renderTemplate(text: string, values: Partial<Record<(typeof TEMPLATE_PLACEHOLDERS)[number], string>>): string {
  return text.replace(/\{([a-z_]+)\}/g, (whole, key: string) => (Object.prototype.hasOwnProperty.call(values, key) ? String(values[key as keyof typeof values] ?? '') : whole)).trim();
}

/** Placeholders used in a template that are not allowed (the content schema refuses them). */
export function unknownPlaceholders(text: string): string[] {
  const found = [...text.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]!);
  return found.filter((k) => !(TEMPLATE_PLACEHOLDERS as readonly string[]).includes(k));
}

export interface NotifyStatus {
  id: string;
  meaning?: string | undefined;
  closed: boolean;
}

/**
 * Which messages one history entry sends. `entry.urutan` 1 is the arrival; a status change into a
 * "repair" status asks for a repair; assigning a field worker schedules the visit; leaving the
 * "decision" status (or a rejection at any stage) is the decision; a "success" status completes
 * the request and opens the survey.
 */
export function eventsOf(statuses: readonly NotifyStatus[], entry: { jenis: string; urutan: number; status_dari: string; status: string }): NotifyEvent[] {
  if (entry.urutan === 1) return ['diterima'];
  const to = statuses.find((s) => s.id === entry.status);
  const from = statuses.find((s) => s.id === entry.status_dari);
  if (entry.jenis === 'penugasan') return ['kunjungan'];
  if (!to || entry.status === entry.status_dari) return [];
  if (to.meaning === 'repair') return ['perbaikan'];
  if (to.meaning === 'success') return ['selesai', 'survei'];
  if (to.meaning === 'rejected') return ['diputus'];
  if (from?.meaning === 'decision' && to.meaning !== 'cancelled') return ['diputus'];
  return [];
}

/** "https://wa.me/6281234567890?text=…" for a number in E.164. */
export function waMeLink(phoneE164: string, text: string): string {
  return `https://wa.me/${phoneE164.replace(/^\+/, '')}?text=${encodeURIComponent(text)}`;
}
