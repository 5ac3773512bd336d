import type { ComponentChildren } from 'preact';

/**
 * A form field GOV.UK style: label (or fieldset legend for a group), hint, the error message
 * on the field, then the control. Ids follow f-<field>, f-<field>-petunjuk, f-<field>-galat.
 */
export function FormField(props: { id: string; error?: string | undefined; label?: string; legend?: string; hint?: string; children: ComponentChildren }) {
  const { id, error, label, legend, hint, children } = props;
  const errorEl = error ? (
    <span class="error-message" id={`f-${id}-galat`}>
      <span class="visually-hidden">Galat: </span>
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

/** The kecamatan of the district as a labelled select (the list comes from content/). */
export function KecamatanField(props: { label: string; error?: string | undefined; value: string; options: { id: string; name: string }[]; onChange: (e: { currentTarget: { value: string } }) => void }) {
  const { label, error, value, options, onChange } = props;
  return (
    <FormField id="kecamatan" error={error} label={label}>
      <select id="f-kecamatan" value={value} onChange={onChange} aria-invalid={error ? 'true' : undefined}>
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
