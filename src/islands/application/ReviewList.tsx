// The summary on the "Periksa dan kirim" step: the applicant and the recipient as two groups,
// so a parent sees at a glance that the child's data, not their own, is in the recipient's rows.
import { applicantRoleLabel, DEFAULT_IDENTITY, type VillageKind } from '../../lib/rules/applicant';
import type { ServiceRules } from '../../lib/rules/application';
import { formatDate } from '../../lib/format';
import { humanSize } from '../../lib/file-kind';
import type { AskedDocument } from './DocumentsStep';
import type { DataField } from './data-fields';

export function Row({ label, value, change }: { label: string; value: string; change: () => void }) {
  return (
    <div class="summary-row">
      <dt>{label}</dt>
      <dd>{value || <span class="muted">Belum diisi</span>}</dd>
      <dd class="summary-change">
        <button type="button" class="link-button" onClick={change}>
          Ubah<span class="visually-hidden"> {label}</span>
        </button>
      </dd>
    </div>
  );
}

export interface ReviewProps {
  service: Pick<ServiceRules, 'questions' | 'identity'>;
  answers: Record<string, string>;
  input: Record<DataField, string>;
  born: string;
  kecamatanName: string;
  villages: VillageKind;
  documents: AskedDocument[];
  files: Record<string, File | null>;
  goTo: (step: 'kelayakan' | 'data' | 'dokumen', field: string) => void;
  /** How the person chose to hear back, in words (ChannelChoice's summary). */
  channelText?: string;
}

export function ReviewList(props: ReviewProps) {
  const { service, answers, input, born, kecamatanName, villages, documents, files, goTo, channelText } = props;
  const identity = service.identity ?? DEFAULT_IDENTITY;
  const other = input.pemohon_adalah !== 'diri_sendiri';
  const data = (field: string) => () => goTo('data', field);
  return (
    <div class="summary">
      <h3>Jawaban Anda</h3>
      <dl>
        {service.questions.map((q) => (
          <Row key={q.id} label={q.question} value={answers[q.id] === 'ya' ? 'Ya' : 'Tidak'} change={() => goTo('kelayakan', `kelayakan_${q.id}`)} />
        ))}
      </dl>
      <h3>Yang mengajukan</h3>
      <dl>
        <Row label="Yang mengajukan" value={applicantRoleLabel(input.pemohon_adalah, villages)} change={data('pemohon_adalah')} />
        {other && <Row label="Nama yang mengajukan" value={input.nama_pengaju} change={data('nama_pengaju')} />}
        {other && input.hubungan && <Row label="Hubungan dengan penerima" value={input.hubungan} change={data('hubungan')} />}
        {other && identity.pengaju.nik !== 'tidak_diminta' && <Row label="NIK yang mengajukan" value={input.nik_pengaju || 'Tidak diisi'} change={data('nik_pengaju')} />}
        <Row label="Telepon" value={input.telepon} change={data('telepon')} />
        {channelText !== undefined && <Row label="Kabar dikirim lewat" value={channelText} change={data('saluran_pesan')} />}
      </dl>
      <h3>Penerima layanan</h3>
      <dl>
        <Row label="Nama lengkap" value={input.nama_lengkap} change={data('nama_lengkap')} />
        {identity.penerima.nik !== 'tidak_diminta' && <Row label="NIK" value={input.nik || (identity.penerima.nik === 'tidak_wajib' ? 'Tidak diisi' : '')} change={data('nik')} />}
        {identity.penerima.nomor_kk !== 'tidak_diminta' && <Row label="Nomor KK" value={input.nomor_kk || (identity.penerima.nomor_kk === 'tidak_wajib' ? 'Tidak diisi' : '')} change={data('nomor_kk')} />}
        {identity.penerima.tanggal_lahir !== 'tidak_diminta' && <Row label="Tanggal lahir" value={born ? formatDate(born) : identity.penerima.tanggal_lahir === 'tidak_wajib' ? 'Tidak diisi' : ''} change={data('tanggal_lahir')} />}
        <Row label="Alamat" value={`${input.alamat}, ${input.desa_kelurahan}, Kecamatan ${kecamatanName}`} change={data('alamat')} />
      </dl>
      <h3>Dokumen</h3>
      <dl>
        {documents.map((doc) => (
          <Row key={doc.key} label={doc.label} value={files[doc.key] ? `${files[doc.key]!.name} (${humanSize(files[doc.key]!.size)})` : 'Tidak dilampirkan'} change={() => goTo('dokumen', doc.key)} />
        ))}
      </dl>
    </div>
  );
}
