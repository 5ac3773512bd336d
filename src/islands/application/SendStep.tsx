// Step 4 of the application: everything given, each with a "change" link, the consent, and Kirim.
import { FormField as Field, UploadProgress } from '../../components/FormField';
import { SendProblem } from '../../components/ErrorSummary';
import type { ServiceRules } from '../../lib/rules/application';
import type { FieldErrors } from '../../lib/validation/errors';
import { ReviewList, type ReviewProps } from './ReviewList';

export function SendStep(props: ReviewProps & {
  service: Pick<ServiceRules, 'questions' | 'identity' | 'title'>;
  office: { name: string; retentionDays: number };
  consent: boolean;
  setConsent: (on: boolean) => void;
  errors: FieldErrors;
  problem: string;
  progress: number | null;
  onSend: () => void;
}) {
  const { service, office, consent, setConsent, errors, problem, progress, goTo, onSend } = props;
  const sending = progress !== null;
  return (
    <form onSubmit={(e) => (e.preventDefault(), onSend())} noValidate>
      <ReviewList {...props} />

      <h3>Persetujuan</h3>
      <div class="consent prose">
        <p>
          Data dan dokumen ini dipakai hanya untuk memeriksa dan memproses permohonan {service.title}, sebagai pelaksanaan tugas pelayanan publik {office.name} (UU 27/2022 Pasal 20 ayat (2) huruf e). Yang
          dapat melihatnya hanya petugas yang menangani. Dokumen dihapus {office.retentionDays} hari setelah permohonan selesai. Anda berhak melihat, memperbaiki, dan meminta penghapusan data Anda.
          Baca <a href="/privasi/">pemberitahuan privasi</a> selengkapnya.
        </p>
      </div>
      <Field id="persetujuan_versi" error={errors['persetujuan_versi']}>
        <label class="checkbox">
          <input type="checkbox" id="f-persetujuan_versi" checked={consent} onChange={(e) => setConsent(e.currentTarget.checked)} />
          Saya sudah membaca penjelasan di atas dan setuju data ini diproses untuk permohonan ini. Data yang saya isi benar.
        </label>
      </Field>
      <SendProblem problem={problem} />
      {sending && <UploadProgress id="unggah-progres" what="permohonan" fraction={progress} />}
      <div class="form-nav">
        <button class="button" type="submit" disabled={sending}>
          {sending ? 'Mengirim…' : 'Kirim permohonan'}
        </button>
        <button type="button" class="button button--secondary" onClick={() => goTo('dokumen', '')} disabled={sending}>
          Kembali
        </button>
      </div>
    </form>
  );
}
