// Small controls shared by the application form's steps (src/islands/ApplicationForm.tsx and
// the step files beside this one).
import { FormField as Field } from '../../components/FormField';
import { MONTHS } from '../../lib/format';
import type { Birth } from './data-fields';

/** Any input, textarea or select event: only the value is read. */
export type ValueEvent = { currentTarget: { value: string } };

export function TextField(props: {
  field: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  value: string;
  onInput: (e: ValueEvent) => void;
  type?: 'text' | 'tel';
  inputMode?: 'numeric' | 'text' | 'tel';
  maxLength?: number;
  autocomplete?: string;
  multiline?: boolean;
}) {
  const { field, label, hint, error, value, onInput, type = 'text', inputMode, maxLength, autocomplete, multiline } = props;
  const describedBy = [hint && `f-${field}-petunjuk`, error && `f-${field}-galat`].filter(Boolean).join(' ') || undefined;
  const common = { id: `f-${field}`, name: field, value, onInput, 'aria-describedby': describedBy, 'aria-invalid': error ? ('true' as const) : undefined, autocomplete: autocomplete ?? 'off' };
  return (
    <Field id={field} error={error} label={label} {...(hint ? { hint } : {})}>
      {multiline ? <textarea rows={3} {...common} /> : <input type={type} inputMode={inputMode} maxLength={maxLength} spellcheck={false} {...common} />}
    </Field>
  );
}

/** Day, month and year as three boxes (people know their date as numbers, not from a picker). */
export function BirthDateField(props: { legend: string; hint: string; error?: string | undefined; birth: Birth; onChange: (b: Birth) => void; own: boolean }) {
  const { legend, hint, error, birth, onChange, own } = props;
  return (
    <Field id="tanggal_lahir" error={error} legend={legend} hint={hint}>
      <div class="date-input">
        {(
          [
            ['hari', 'Tanggal', 2, 'bday-day'],
            ['bulan', 'Bulan', 2, 'bday-month'],
            ['tahun', 'Tahun', 4, 'bday-year'],
          ] as const
        ).map(([part, label, size, auto]) => (
          <div key={part} class={`date-part date-part--${part}`}>
            <label for={`f-tanggal_lahir-${part}`}>{label}</label>
            <input
              type="text"
              id={`f-tanggal_lahir-${part}`}
              inputMode="numeric"
              maxLength={size}
              value={birth[part]}
              onInput={(e) => onChange({ ...birth, [part]: e.currentTarget.value.replace(/\D/g, '') })}
              aria-invalid={error ? 'true' : undefined}
              autocomplete={own ? auto : 'off'}
            />
          </div>
        ))}
      </div>
      {birth.bulan && Number(birth.bulan) >= 1 && Number(birth.bulan) <= 12 && <span class="hint">Bulan {MONTHS[Number(birth.bulan) - 1]}</span>}
    </Field>
  );
}

export function Nav({ back, busy = false }: { back: () => void; busy?: boolean }) {
  return (
    <div class="form-nav">
      <button class="button" type="submit" disabled={busy}>
        {busy ? 'Tunggu, foto sedang diperkecil…' : 'Lanjut'}
      </button>
      <button type="button" class="button button--secondary" onClick={back}>
        Kembali
      </button>
    </div>
  );
}
