// Re-upload by code on /lacak/ (issue 14): the applicant proves they are the applicant, then sends
// the documents staff asked for from their phone. Loaded by Tracking.tsx with a dynamic import
// only when the person asks to send documents, so /lacak/ stays small; the photo compressor is
// loaded later still, when a photo is chosen (as on the application form).
import { useEffect, useRef, useState } from 'preact/hooks';
import { FormField, UploadProgress } from '../components/FormField';
import { ErrorSummary, SendProblem, useFieldErrors } from '../components/ErrorSummary';
import { humanSize } from '../lib/file-kind';
import { useDocumentFiles } from '../lib/forms/use-document-files';
import { newSubmissionId, send } from '../lib/forms/send';
import { acceptedTypesText, documentFileProblem } from '../lib/rules/application';
import { PROOF_KINDS, proofErrors, type ProofKind } from '../lib/rules/proof';
import type { FieldErrors } from '../lib/validation/errors';
import { rememberProof } from '../lib/proof-session';
import type { Bukti, DokumenDiminta } from '../lib/api/lacak';
import type { SuratLengkap } from '../lib/api/surat';

/** A document the proven applicant is asked for, and what the proof gives (POST /api/lacak/{kode}/bukti). */
type AskedDocument = DokumenDiminta;
type Proven = Pick<Bukti, 'token' | 'dokumen'>;

const PROOF_LABELS: Record<ProofKind, { legend: string; label: string; hint: string }> = {
  tanggal_lahir: { legend: 'Tanggal lahir penerima layanan', label: 'Tanggal lahir penerima layanan', hint: 'Seperti yang ditulis pada formulir permohonan.' },
  telepon: { legend: '4 angka terakhir nomor telepon', label: '4 angka terakhir nomor telepon', hint: 'Nomor yang ditulis pada formulir permohonan, misalnya 5678 untuk nomor 0812-0000-5678.' },
};

export default function Reupload({ code, onSent }: { code: string; onSent: () => void }) {
  const [proven, setProven] = useState<Proven | null>(null);
  const [sent, setSent] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
  }, [proven === null, sent]);

  if (sent) {
    return (
      <div class="reupload notice" role="status">
        <h3 ref={heading} tabIndex={-1}>Dokumen terkirim</h3>
        <p>Terima kasih. Dokumen Anda sudah diterima dan permohonan kembali diperiksa petugas. Status terbaru tampil di atas.</p>
      </div>
    );
  }
  if (!proven) return <Proof code={code} headingRef={heading} onProven={setProven} />;
  return <Upload code={code} proven={proven} headingRef={heading} onExpired={() => setProven(null)} onSent={() => { setSent(true); onSent(); }} />;
}

function Proof({ code, headingRef, onProven, purpose = 'dokumen' }: { code: string; headingRef: { current: HTMLHeadingElement | null }; onProven: (p: Proven) => void; purpose?: 'dokumen' | 'surat' }) {
  const [kind, setKind] = useState<ProofKind>('tanggal_lahir');
  const [value, setValue] = useState('');
  const { errors, setErrors, attempts, refuse } = useFieldErrors();
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    setProblem('');
    if (refuse(proofErrors(kind, value))) return;
    setBusy(true);
    const outcome = await send<{ token?: unknown; dokumen?: AskedDocument[] }>(`/api/lacak/${encodeURIComponent(code)}/bukti`, { bukti_jenis: kind, bukti_nilai: value });
    setBusy(false);
    if (outcome.kind === 'sent') {
      const token = String(outcome.body.token);
      rememberProof(code, token);
      return onProven({ token, dokumen: outcome.body.dokumen ?? [] });
    }
    if (outcome.kind === 'field-errors') return void refuse(outcome.errors);
    // A wrong answer belongs on the field; a lock after five (429) and the rest are the form's problem.
    if (outcome.kind === 'refused' && outcome.status === 403) return void refuse({ bukti_nilai: outcome.message });
    setProblem(outcome.kind === 'offline' ? 'Sambungan terputus. Periksa sinyal, lalu tekan Buktikan lagi.' : outcome.message);
  }

  const labels = PROOF_LABELS[kind];
  return (
    <form class="reupload" noValidate onSubmit={(e) => void submit(e)} aria-labelledby="unggah-bukti">
      <h3 id="unggah-bukti" ref={headingRef} tabIndex={-1}>
        Buktikan bahwa Anda pemohon
      </h3>
      <p>
        {purpose === 'surat' ? 'Surat memuat data pribadi: agar hanya Anda yang membukanya' : 'Agar dokumen tidak dikirim orang lain'}, isi satu data yang Anda tulis pada formulir permohonan. Setelah lima kali salah, pembuktian untuk kode ini dikunci selama 30 menit.
      </p>
      <ErrorSummary errors={errors} fieldIds={{ bukti_jenis: 'f-bukti_jenis-tanggal_lahir', bukti_nilai: 'f-bukti_nilai', kode: 'lacak-kode' }} focusOn={attempts} />
      <FormField id="bukti_jenis" legend="Data yang Anda pakai" error={errors['bukti_jenis']}>
        {PROOF_KINDS.map((k) => (
          <label class="radio" key={k}>
            <input
              type="radio"
              id={`f-bukti_jenis-${k}`}
              name="bukti_jenis"
              value={k}
              checked={kind === k}
              onChange={() => {
                setKind(k);
                setValue('');
                setErrors({});
              }}
            />
            {PROOF_LABELS[k].legend}
          </label>
        ))}
      </FormField>
      <FormField id="bukti_nilai" label={labels.label} hint={labels.hint} error={errors['bukti_nilai']}>
        <input
          id="f-bukti_nilai"
          type={kind === 'tanggal_lahir' ? 'date' : 'text'}
          inputMode={kind === 'telepon' ? 'numeric' : undefined}
          autocomplete="off"
          maxLength={kind === 'telepon' ? 6 : undefined}
          value={value}
          onInput={(e) => setValue(e.currentTarget.value)}
          aria-invalid={errors['bukti_nilai'] ? 'true' : undefined}
          aria-describedby={[`f-bukti_nilai-petunjuk`, errors['bukti_nilai'] ? 'f-bukti_nilai-galat' : ''].filter(Boolean).join(' ')}
        />
      </FormField>
      <SendProblem problem={problem} />
      <button class="button" type="submit" disabled={busy}>
        {busy ? 'Memeriksa…' : 'Buktikan'}
      </button>
    </form>
  );
}

interface UploadProps {
  code: string;
  proven: Proven;
  headingRef: { current: HTMLHeadingElement | null };
  onExpired: () => void;
  onSent: () => void;
}

function Upload({ code, proven, headingRef, onExpired, onSent }: UploadProps) {
  const { errors, setErrors, attempts, refuse } = useFieldErrors();
  const [progress, setProgress] = useState<number | null>(null);
  const [problem, setProblem] = useState('');
  // One id for this send and its retries: the server records it once.
  const submission = useRef(newSubmissionId());
  const docs = proven.dokumen;

  const rulesOf = (doc: AskedDocument) => ({ key: doc.kunci, label: doc.label, required: true, accept: doc.jenis_berkas, maxSizeMB: doc.ukuran_maks_mb });

  // The application form's own file handling and rule (type and size of the asked document).
  const { files, notes, processing, busy, choose } = useDocumentFiles((key, info) => {
    const doc = docs.find((d) => d.kunci === key);
    return doc ? documentFileProblem(rulesOf(doc), info) : null;
  }, setErrors);

  async function submit(event: Event) {
    event.preventDefault();
    if (progress !== null) return; // already sending: never twice
    const missing: FieldErrors = {};
    for (const doc of docs) if (!files[doc.kunci]) missing[doc.kunci] = errors[doc.kunci] ?? `Unggah ${doc.label}.`;
    if (refuse(missing)) return;
    setProblem('');
    const body = new FormData();
    body.append('bukti', proven.token);
    body.append('id_pengiriman', submission.current);
    for (const doc of docs) body.append(doc.kunci, files[doc.kunci]!, files[doc.kunci]!.name);
    setProgress(0);
    const outcome = await send(`/api/lacak/${encodeURIComponent(code)}/unggah`, body, { onProgress: setProgress });
    setProgress(null);
    if (outcome.kind === 'sent') return onSent();
    if (outcome.kind === 'field-errors') return void refuse(outcome.errors);
    if (outcome.kind === 'refused' && outcome.status === 401) return onExpired();
    setProblem(
      outcome.kind === 'offline'
        ? 'Sambungan terputus sebelum dokumen terkirim. Dokumen yang Anda pilih tetap di sini. Periksa sinyal, lalu tekan Kirim dokumen lagi; dokumen tidak akan tercatat dua kali.'
        : outcome.message,
    );
  }

  if (docs.length === 0) {
    return (
      <div class="reupload">
        <h3 ref={headingRef} tabIndex={-1}>
          Tidak ada dokumen yang diminta
        </h3>
        <p>Permohonan ini tidak sedang menunggu dokumen dari Anda. Ikuti catatan petugas di atas.</p>
      </div>
    );
  }

  const fieldIds = Object.fromEntries(docs.map((d) => [d.kunci, `f-${d.kunci}`]));
  return (
    <form class="reupload" noValidate onSubmit={(e) => void submit(e)} aria-labelledby="unggah-dokumen">
      <h3 id="unggah-dokumen" ref={headingRef} tabIndex={-1}>
        Kirim dokumen yang diminta
      </h3>
      <p>Foto dokumen diperkecil di ponsel Anda sebelum dikirim, agar hemat kuota. Dokumen lama tetap disimpan petugas sampai permohonan selesai.</p>
      <ErrorSummary errors={errors} fieldIds={fieldIds} focusOn={attempts} />
      {docs.map((doc) => {
        const chosen = files[doc.kunci];
        return (
          <FormField key={doc.kunci} id={doc.kunci} label={doc.label} hint={`Berkas ${acceptedTypesText(doc.jenis_berkas)}, paling besar ${doc.ukuran_maks_mb} MB.`} error={errors[doc.kunci]}>
            {processing[doc.kunci] && <p class="hint" role="status">Memperkecil foto…</p>}
            {chosen && (
              <p class="file-chosen" role="status">
                Terpilih: <strong>{chosen.name}</strong> ({humanSize(chosen.size)}). {notes[doc.kunci]}
              </p>
            )}
            <input
              type="file"
              id={`f-${doc.kunci}`}
              accept={[...doc.jenis_berkas, ...(doc.jenis_berkas.some((a) => a.startsWith('image/')) ? ['image/*'] : [])].join(',')}
              onChange={(e) => void choose(doc.kunci, e.currentTarget.files?.[0] ?? null)}
              aria-invalid={errors[doc.kunci] ? 'true' : undefined}
              aria-describedby={[`f-${doc.kunci}-petunjuk`, errors[doc.kunci] ? `f-${doc.kunci}-galat` : ''].filter(Boolean).join(' ')}
              disabled={progress !== null}
            />
          </FormField>
        );
      })}
      {progress !== null && <UploadProgress id="unggah-ulang-progres" what="dokumen" fraction={progress} />}
      <SendProblem problem={problem} />
      <button class="button" type="submit" disabled={progress !== null || busy}>
        {progress !== null ? 'Mengirim…' : problem ? 'Kirim dokumen lagi' : 'Kirim dokumen'}
      </button>
    </form>
  );
}

type MyLetter = Pick<SuratLengkap, 'id' | 'nomor' | 'judul' | 'tanggal' | 'status'>;

/** The applicant's letters on /lacak/: the same proof, then a list to open and print (/surat/). */
export function MyLetters({ code }: { code: string }) {
  const [letters, setLetters] = useState<MyLetter[] | null>(null);
  const [problem, setProblem] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [letters === null]);

  async function proven(p: Proven) {
    const outcome = await send<{ surat: MyLetter[] }>(`/api/lacak/${encodeURIComponent(code)}/surat`, { bukti: p.token });
    if (outcome.kind === 'sent') setLetters(outcome.body.surat);
    else setProblem(outcome.kind === 'offline' ? 'Sambungan terputus. Periksa sinyal, lalu coba lagi.' : 'Surat belum dapat dimuat. Coba lagi sebentar lagi.');
  }

  if (!letters) {
    return (
      <>
        <Proof code={code} headingRef={heading} onProven={(p) => void proven(p)} purpose="surat" />
        <SendProblem problem={problem} />
      </>
    );
  }
  return (
    <div class="reupload">
      <h3 ref={heading} tabIndex={-1}>
        Surat Anda
      </h3>
      <ul>
        {letters.map((l) => (
          <li key={l.id}>
            <a href={`/surat/?kode=${encodeURIComponent(code)}&id=${encodeURIComponent(l.id)}`}>
              {l.judul} nomor {l.nomor}
            </a>
            , {l.tanggal}
            {l.status === 'dicabut' ? ' (dicabut)' : ''}
          </li>
        ))}
      </ul>
      <p class="hint">Surat terbuka di halaman sendiri dan dapat dicetak di kertas A4.</p>
    </div>
  );
}
