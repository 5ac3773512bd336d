// How the applicant wants to hear about the request (issue 14): WhatsApp (the default for a
// mobile number), SMS or email. The server checks the same rules (src/lib/rules/notify.ts).
import { FormField as Field } from './FormField';
import { CHANNELS, CHANNEL_LABELS, channelProblems, type Channel } from '../lib/rules/notify';

export interface ChannelValue {
  saluran_pesan: Channel | '';
  surel: string;
}

export const EMPTY_CHANNEL: ChannelValue = { saluran_pesan: '', surel: '' };

/** The fields this component owns, in the order they appear (for error summaries). */
export const CHANNEL_FIELDS = ['saluran_pesan', 'surel'] as const;

/** The choice as sent (an address only with email; no choice is WhatsApp for a mobile number). */
export function channelPayload(value: ChannelValue): ChannelValue {
  return { saluran_pesan: value.saluran_pesan, surel: value.saluran_pesan === 'email' ? value.surel.trim() : '' };
}

export function channelErrors(value: ChannelValue, telepon: string, channels: readonly Channel[] = CHANNELS): Record<string, string> {
  return channelProblems({ ...channelPayload(value), telepon }, channels);
}

const MOBILE = /^(\+?62|0)8/;

export function channelSummary(value: ChannelValue, telepon: string): string {
  const chosen = value.saluran_pesan || (MOBILE.test(telepon.replace(/[\s.\-()]/g, '')) ? 'whatsapp' : '');
  if (!chosen) return 'Tidak ada (nomor bukan nomor HP); pantau lewat halaman Lacak';
  return chosen === 'email' ? `${CHANNEL_LABELS.email}: ${value.surel}` : `${CHANNEL_LABELS[chosen]} ke ${telepon}`;
}

export function ChannelChoice(props: {
  value: ChannelValue;
  telepon: string;
  errors: Record<string, string | undefined>;
  onChange: (v: ChannelValue) => void;
  /** The channels offered (a report has no email address). */
  channels?: readonly Channel[];
  legend?: string;
  hint?: string;
}) {
  const { value, telepon, errors, onChange, channels = CHANNELS } = props;
  const legend = props.legend ?? 'Kabar permohonan dikirim lewat';
  const hint = props.hint ?? 'Kami mengabari setiap tahap: diterima, perlu dilengkapi, jadwal kunjungan, keputusan, dan selesai. Pesan hanya berisi kode lacak dan tahapnya, tanpa NIK atau isi dokumen.';
  const mobile = MOBILE.test(telepon.replace(/[\s.\-()]/g, ''));
  const current = value.saluran_pesan || (mobile ? 'whatsapp' : '');
  const hints: Record<Channel, string> = {
    whatsapp: 'Pesan WhatsApp ke nomor HP di atas.',
    sms: 'SMS ke nomor HP di atas, untuk ponsel tanpa WhatsApp.',
    email: 'Pesan ke surel yang Anda tulis di bawah.',
  };
  return (
    <>
      <Field id="saluran_pesan" error={errors['saluran_pesan']} legend={legend} hint={hint}>
        <div class="radios">
          {channels.map((channel, i) => (
            <label key={channel} class="radio">
              <input
                type="radio"
                id={i === 0 ? 'f-saluran_pesan' : undefined}
                name="saluran_pesan"
                value={channel}
                checked={current === channel}
                onChange={() => onChange({ ...value, saluran_pesan: channel })}
              />
              <span>
                {CHANNEL_LABELS[channel]}
                <span class="hint"> {hints[channel]}</span>
              </span>
            </label>
          ))}
        </div>
      </Field>
      {current === 'email' && (
        <Field id="surel" error={errors['surel']} label="Alamat surel (email)" hint="Contoh: nama@contoh.id">
          <input
            type="email"
            id="f-surel"
            value={value.surel}
            onInput={(e) => onChange({ ...value, surel: e.currentTarget.value })}
            autocomplete="email"
            inputMode="email"
            maxLength={254}
            aria-invalid={errors['surel'] ? 'true' : undefined}
            aria-describedby={['f-surel-petunjuk', errors['surel'] && 'f-surel-galat'].filter(Boolean).join(' ')}
          />
        </Field>
      )}
    </>
  );
}
