import { useState } from 'preact/hooks';
import { typedBeforeHydration } from '../lib/typed-before-hydration';
import { ClientResponseError } from 'pocketbase';
import { createClient } from '../lib/pocketbase';
import { validateSaran, SARAN_LIMITS } from '../lib/rules/saran';
import { pocketbaseFieldErrors, type FieldErrors } from '../lib/validation/errors';
import { ErrorSummary } from '../components/ErrorSummary';

const FIELD_IDS = { pesan: 'saran-pesan', kontak: 'saran-kontak' };

type State = { kind: 'editing' } | { kind: 'sending' } | { kind: 'sent' } | { kind: 'failed'; message: string };

export default function SaranForm() {
  const [pesan, setPesan] = useState(() => typedBeforeHydration(FIELD_IDS.pesan));
  const [kontak, setKontak] = useState(() => typedBeforeHydration(FIELD_IDS.kontak));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [state, setState] = useState<State>({ kind: 'editing' });

  async function submit(event: Event) {
    event.preventDefault();
    if (state.kind === 'sending') return;
    const checked = validateSaran({ pesan, kontak });
    if (Object.keys(checked.errors).length > 0) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setState({ kind: 'sending' });
    try {
      await createClient().collection('saran').create(checked.value);
      setState({ kind: 'sent' });
    } catch (err) {
      if (err instanceof ClientResponseError && err.status === 400) {
        const fieldErrors = pocketbaseFieldErrors(err.response);
        if (Object.keys(fieldErrors).length > 0) {
          setErrors(fieldErrors);
          setState({ kind: 'editing' });
          return;
        }
      }
      setState({
        kind: 'failed',
        message: 'Saran belum terkirim karena sambungan terputus atau server sibuk. Isian Anda tetap ada; silakan kirim lagi.',
      });
    }
  }

  if (state.kind === 'sent') {
    return (
      <div class="panel" role="status">
        <h2>Terima kasih, saran Anda sudah kami terima</h2>
        <p>Petugas akan membaca saran Anda untuk perbaikan pelayanan.</p>
      </div>
    );
  }

  const fieldClass = (name: string) => (errors[name] ? 'field field--error' : 'field');
  const describedBy = (name: string, hintId: string) => (errors[name] ? `${hintId} ${FIELD_IDS[name as keyof typeof FIELD_IDS]}-galat` : hintId);

  return (
    <form onSubmit={submit} noValidate aria-label="Formulir kotak saran">
      <ErrorSummary errors={errors} fieldIds={FIELD_IDS} />
      {state.kind === 'failed' && (
        <div class="error-summary" role="alert">
          <p>{state.message}</p>
        </div>
      )}
      <div class={fieldClass('pesan')}>
        <label for={FIELD_IDS.pesan}>Saran atau masukan</label>
        <span class="hint" id="saran-pesan-petunjuk">
          Paling sedikit {SARAN_LIMITS.pesanMin} dan paling banyak {SARAN_LIMITS.pesanMax} karakter. Jangan menulis NIK atau data pribadi orang lain.
        </span>
        {errors.pesan && (
          <span class="error-message" id="saran-pesan-galat">
            {errors.pesan}
          </span>
        )}
        <textarea
          id={FIELD_IDS.pesan}
          name="pesan"
          rows={6}
          value={pesan}
          onInput={(e) => setPesan(e.currentTarget.value)}
          aria-describedby={describedBy('pesan', 'saran-pesan-petunjuk')}
          aria-invalid={errors.pesan ? 'true' : undefined}
        />
      </div>
      <div class={fieldClass('kontak')}>
        <label for={FIELD_IDS.kontak}>Nomor telepon atau surel (tidak wajib)</label>
        <span class="hint" id="saran-kontak-petunjuk">Isi hanya bila Anda ingin kami hubungi kembali.</span>
        {errors.kontak && (
          <span class="error-message" id="saran-kontak-galat">
            {errors.kontak}
          </span>
        )}
        <input
          type="text"
          id={FIELD_IDS.kontak}
          name="kontak"
          autocomplete="tel"
          value={kontak}
          onInput={(e) => setKontak(e.currentTarget.value)}
          aria-describedby={describedBy('kontak', 'saran-kontak-petunjuk')}
          aria-invalid={errors.kontak ? 'true' : undefined}
        />
      </div>
      <button class="button" type="submit" disabled={state.kind === 'sending'}>
        {state.kind === 'sending' ? 'Mengirim…' : 'Kirim saran'}
      </button>
    </form>
  );
}
