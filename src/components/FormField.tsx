import type { ComponentChildren } from 'preact';

/**
 * A form field GOV.UK style: label (or fieldset legend for a group), hint, the error message
 * on the field, then the control. Ids follow f-<field>, f-<field>-petunjuk, f-<field>-galat.
 */
export function FormField(props: { id: string; error?: string | undefined; label?: string; legend?: string; hint?: string; children: ComponentChildren }) {
  const { id, error, label, legend, hint, children } = props;
  const errorEl = error ? (
    <span class="error-message" id={`f-${id}-galat`}>
      {error}
    </span>
  ) : null;
  const hintEl = hint ? (
    <span class="hint" id={`f-${id}-petunjuk`}>
      {hint}
    </span>
  ) : null;
  if (legend) {
    return (
      <fieldset class={error ? 'field field--error' : 'field'} aria-describedby={[hint && `f-${id}-petunjuk`, error && `f-${id}-galat`].filter(Boolean).join(' ') || undefined}>
        <legend>{legend}</legend>
        {hintEl}
        {errorEl}
        {children}
      </fieldset>
    );
  }
  return (
    <div class={error ? 'field field--error' : 'field'}>
      {label && <label for={`f-${id}`}>{label}</label>}
      {hintEl}
      {errorEl}
      {children}
    </div>
  );
}

/**
 * aria-describedby of a control inside a FormField: its hint, anything else named, and its error
 * when there is one (the message is on the field and read with it).
 */
export function describedBy(id: string, parts: { hint?: boolean; error?: unknown; extra?: (string | false | null | undefined)[] }): string | undefined {
  const ids = [parts.hint && `f-${id}-petunjuk`, ...(parts.extra ?? []), parts.error ? `f-${id}-galat` : false].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

/**
 * The attributes that tie a control to its FormField: id f-<field>, name, and aria-describedby
 * (hint, then error) with aria-invalid while the field has an error.
 */
export function controlProps(id: string, parts: { hint?: boolean; error?: unknown }): { id: string; name: string; 'aria-describedby': string | undefined; 'aria-invalid': 'true' | undefined } {
  return { id: `f-${id}`, name: id, 'aria-describedby': describedBy(id, parts), 'aria-invalid': parts.error ? 'true' : undefined };
}

/** The kecamatan of the district as a labelled select (the list comes from content/). */
export function KecamatanField(props: { label: string; error?: string | undefined; value: string; options: { id: string; name: string }[]; onChange: (e: { currentTarget: { value: string } }) => void }) {
  const { label, error, value, options, onChange } = props;
  return (
    <FormField id="kecamatan" error={error} label={label}>
      <select id="f-kecamatan" value={value} onChange={onChange} aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy('kecamatan', { error })}>
        <option value="">Pilih kecamatan</option>
        {options.map((k) => (
          <option key={k.id} value={k.id}>
            {k.name}
          </option>
        ))}
      </select>
    </FormField>
  );
}

/** Upload progress, announced politely while a form with files is being sent. */
export function UploadProgress({ id, what, fraction }: { id: string; what: string; fraction: number }) {
  const percent = Math.round(fraction * 100);
  return (
    <div class="upload-progress" role="status">
      <label for={id}>
        Mengirim {what}: {percent}%
      </label>
      <progress id={id} max={100} value={percent}>
        {percent}%
      </progress>
    </div>
  );
}
