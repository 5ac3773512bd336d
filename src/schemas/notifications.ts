import { z } from 'astro/zod';
import { NOTIFY_EVENTS, unknownPlaceholders, TEMPLATE_PLACEHOLDERS } from '../lib/rules/notify';

const clock = z.string().regex(/^\d{2}\.\d{2}$/, 'tulis jam sebagai JJ.MM, contoh 21.00');

const template = z
  .object({
    /** Subject line of the email. */
    subject: z.string().min(3).max(120),
    /** The message (WhatsApp, SMS, email body). Placeholders in {braces}, see TEMPLATE_PLACEHOLDERS. */
    text: z.string().min(10).max(900),
  })
  .superRefine((t, ctx) => {
    for (const field of ['subject', 'text'] as const) {
      const unknown = unknownPlaceholders(t[field]);
      if (unknown.length > 0) ctx.addIssue({ code: 'custom', path: [field], message: `isian {${unknown.join('}, {')}} tidak dikenal; yang boleh: {${TEMPLATE_PLACEHOLDERS.join('}, {')}}` });
    }
  });

/** Messages to applicants and reporters, `content/reference/notifications.yaml`. */
export const notificationsSchema = z.object({
  /** No WhatsApp or SMS is sent between these times (office time zone); email is. */
  quietHours: z.object({ from: clock, to: clock }),
  /** Attempts before a message goes to the "Belum terhubungi" queue. */
  maxAttempts: z.number().int().min(1).max(20),
  /** One template per event; the events are fixed by the workflow (src/lib/rules/notify.ts). */
  templates: z.object(Object.fromEntries(NOTIFY_EVENTS.map((e) => [e, template])) as Record<(typeof NOTIFY_EVENTS)[number], typeof template>),
});

export type Notifications = z.infer<typeof notificationsSchema>;
