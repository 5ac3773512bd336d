import { useEffect, useRef, useState } from 'preact/hooks';
import { ErrorSummary } from '../components/ErrorSummary';
import { FormField as Field, UploadProgress } from '../components/FormField';
import { newSubmissionId, upload } from '../lib/submit';
import { applicationErrors } from '../lib/validation/application';
import type { ApplicationContext, ApplicationInput, FileInfo, ServiceRules } from '../lib/rules/application';
import { documentNeed } from '../lib/rules/applicant';
import { formatExpectedDays } from '../lib/duration';
import { formatDate, formatDateTime, type TimeZoneLabel } from '../lib/format';
import { afterWorkingDays, zoneOffsetHours, type OfficeCalendar } from '../lib/rules/working-time';
import { isImage, prepareDocumentFile } from '../lib/file-kind';
import { birthDate, EMPTY_BIRTH, type Birth } from './application/fields';
import { DATA_FIELDS, DataStep, EMPTY_INPUT, type DataField } from './application/DataStep';
import { DocumentsStep, type AskedDocument } from './application/DocumentsStep';
import { ReviewList } from './application/ReviewList';
import { clearDraft, draftsAvailable, loadDraft, saveDraft, stashDraft } from '../lib/draft-store';
import { useAutosave } from '../lib/use-autosave';
import { pocketbaseFieldErrors, type FieldErrors } from '../lib/validation/errors';

import type { ResolvedDocument as FormDocument } from '../lib/service-rules';
import { ChannelChoice, CHANNEL_FIELDS, channelErrors, channelPayload, channelSummary, EMPTY_CHANNEL, type ChannelValue } from '../components/ChannelChoice';

interface Props {
  service: Omit<ServiceRules, 'documents'> & { documents: FormDocument[] };
  /** The SOP's stages, by name (their officers' working times stay on the SOP page). */
  stages: { label: string }[];
  /** What a citizen can expect: working days from receipt to the result (content expectedTime). */
  expected: { minDays: number; maxDays: number };
  /** Working days and office hours, for the expected dates. */
  calendar: OfficeCalendar;
  kecamatan: { id: string; name: string }[];
  office: {
    name: string;
    address: string;
    whatsapp: string;
    whatsappDisplay: string;
    phone: string;
    timeZone: TimeZoneLabel;
    privacyNoticeVersion: string;
    retentionDays: number;
  };
}

type Step = 'kelayakan' | 'data' | 'dokumen' | 'periksa' | 'terkirim';
const STEPS: { id: Exclude<Step, 'terkirim'>; title: string }[] = [
  { id: 'kelayakan', title: 'Siapa yang dapat mengajukan' },
  { id: 'data', title: 'Data penerima dan pemohon' },
  { id: 'dokumen', title: 'Dokumen' },
  { id: 'periksa', title: 'Periksa dan kirim' },
];

interface DraftData {
  step: Step;
  answers: Record<string, string>;
  input: Record<DataField, string>;
  birth: Birth;
  submissionId: string;
  channel?: ChannelValue;
}

interface Sent {
  code: string;
  at: string;
  documents: string[];
}

/** Where the error summary links for a field. */
function fieldId(field: string): string {
  return field === 'tanggal_lahir' ? 'f-tanggal_lahir-hari' : `f-${field}`;
}


export default function ApplicationForm({ service, stages, expected, calendar, kecamatan, office }: Props) {
  const draftKey = `permohonan:${service.id}`;
  const [step, setStep] = useState<Step>('kelayakan');
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [input, setInput] = useState<Record<DataField, string>>(EMPTY_INPUT);
  const [birth, setBirth] = useState<Birth>(EMPTY_BIRTH);
  const [channel, setChannel] = useState<ChannelValue>(EMPTY_CHANNEL);
  const [files, setFiles] = useState<Record<string, File | null>>({});
  // Presses of Lanjut or Kirim: the error summary takes focus on these only.
  const [attempts, setAttempts] = useState(0);
  const [confirmingReset, setConfirmingReset] = useState(false);
  const resetRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (confirmingReset) resetRef.current?.focus();
  }, [confirmingReset]);
  const [fileNotes, setFileNotes] = useState<Record<string, string>>({});
  const [processing, setProcessing] = useState<Record<string, boolean>>({});
  const [consent, setConsent] = useState(false);
  const [submissionId, setSubmissionId] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [progress, setProgress] = useState<number | null>(null);
  const [sendProblem, setSendProblem] = useState('');
  const [sent, setSent] = useState<Sent | null>(null);
  const [restoredAt, setRestoredAt] = useState<number | null>(null);
  const [ready, setReady] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);
  /** A field to focus after the next step change (a "change" link), instead of the heading. */
  const pendingFocus = useRef<string | null>(null);

  // Restore a draft kept on this device; a new submission id otherwise.
  useEffect(() => {
    let cancelled = false;
    loadDraft<DraftData>(draftKey).then((draft) => {
      if (cancelled) return;
      if (draft && draft.data.submissionId) {
        const restoredStep = draft.data.step === 'terkirim' ? 'periksa' : draft.data.step;
        history.replaceState({ ...history.state, ajukanLangkah: restoredStep }, '');
        setStep(restoredStep);
        setAnswers(draft.data.answers ?? {});
        setInput({ ...EMPTY_INPUT, ...draft.data.input });
        setBirth(draft.data.birth ?? EMPTY_BIRTH);
        setSubmissionId(draft.data.submissionId);
        setChannel(draft.data.channel ?? EMPTY_CHANNEL);
        const restored: Record<string, File | null> = {};
        for (const [key, f] of Object.entries(draft.files)) restored[key] = new File([f.blob], f.name, { type: f.type });
        setFiles(restored);
        setRestoredAt(draft.savedAt);
      } else {
        history.replaceState({ ...history.state, ajukanLangkah: 'kelayakan' }, '');
        setSubmissionId(newSubmissionId());
      }
      setReady(true);
    });
    return () => {
      cancelled = true;
    };
  }, []);

  // The browser's Back and Forward move between the steps (each has its own history entry), not
  // off the form; after sending, the confirmation stays.
  useEffect(() => {
    const onPop = (event: PopStateEvent) => {
      const target = (event.state as { ajukanLangkah?: Step } | null)?.ajukanLangkah;
      if (!target || target === 'terkirim') return;
      setErrors({});
      setStep((current) => (current === 'terkirim' ? current : target));
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  /** Goes to a step the person moves on or back to, as a new history entry. */
  function showStep(target: Step) {
    if (target !== 'terkirim') history.pushState({ ...history.state, ajukanLangkah: target }, '');
    setStep(target);
  }

  // Keep the draft up to date (text and files) until the application is sent.
  useAutosave(
    () => void saveDraft<DraftData>(draftKey, { step, answers, input, birth, submissionId, channel }, files),
    [step, answers, input, birth, files, submissionId, channel],
    ready && !sent,
    () => stashDraft<DraftData>(draftKey, { step, answers, input, birth, submissionId, channel }),
  );

  // Move focus to the new step's heading so screen readers announce where the person is.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const field = pendingFocus.current ? document.getElementById(fieldId(pendingFocus.current)) : null;
    pendingFocus.current = null;
    if (field) {
      field.focus();
      field.scrollIntoView({ block: 'center' });
    } else {
      headingRef.current?.focus();
      window.scrollTo(0, 0);
    }
  }, [step]);

  const offset = zoneOffsetHours(office.timeZone) * 3_600_000;
  const context: ApplicationContext = {
    service: service as ServiceRules,
    kecamatanIds: kecamatan.map((k) => k.id),
    privacyNoticeVersion: office.privacyNoticeVersion,
    officePhone: office.phone,
    today: new Date(Date.now() + offset).toISOString().slice(0, 10),
  };

  function fullInput(): ApplicationInput {
    return {
      layanan: service.id,
      ...input,
      tanggal_lahir: birthDate(birth),
      persetujuan_versi: consent ? office.privacyNoticeVersion : '',
      id_pengiriman: submissionId,
      jawaban_kelayakan: answers,
    };
  }

  /** The documents this application needs: the applicant's role and the recipient's age decide. */
  function askedDocuments(): AskedDocument[] {
    const who = { pemohon_adalah: input.pemohon_adalah, tanggal_lahir: birthDate(birth) };
    return service.documents.flatMap((d) => {
      const need = documentNeed(d, who, context.today);
      return need === 'tidak_diminta' ? [] : [{ ...d, need }];
    });
  }

  /** Files of the asked documents only: a KTP chosen before the birth date showed a child stays behind. */
  function chosenFiles(): Record<string, File> {
    const out: Record<string, File> = {};
    for (const d of askedDocuments()) if (files[d.key]) out[d.key] = files[d.key]!;
    return out;
  }

  function fileInfos(): Record<string, FileInfo | null> {
    const infos: Record<string, FileInfo | null> = {};
    for (const [key, file] of Object.entries(chosenFiles())) infos[key] = { size: file.size, type: file.type };
    return infos;
  }

  function fieldsOf(s: Step): string[] {
    if (s === 'kelayakan') return service.questions.map((q) => `kelayakan_${q.id}`);
    if (s === 'data') return [...DATA_FIELDS, ...CHANNEL_FIELDS];
    if (s === 'dokumen') return askedDocuments().map((d) => d.key);
    return ['persetujuan_versi', 'id_pengiriman', 'layanan'];
  }

  function errorsFor(s: Step): FieldErrors {
    const all = { ...applicationErrors(fullInput(), fileInfos(), context), ...channelErrors(channel, input.telepon) };
    // In the order the fields appear, so the summary reads top to bottom like the form.
    return Object.fromEntries(fieldsOf(s).filter((k) => all[k]).map((k) => [k, all[k]!]));
  }

  /** Errors in the order of the form, whatever order they came in. */
  function ordered(found: FieldErrors): FieldErrors {
    const order = (['kelayakan', 'data', 'dokumen', 'periksa'] as Step[]).flatMap(fieldsOf);
    const known = order.filter((k) => found[k]).map((k) => [k, found[k]!] as const);
    const rest = Object.entries(found).filter(([k]) => !order.includes(k));
    return Object.fromEntries([...known, ...rest]);
  }

  function next(from: Step) {
    const found = errorsFor(from);
    setErrors(found);
    if (Object.keys(found).length > 0) return setAttempts((n) => n + 1);
    const order: Step[] = ['kelayakan', 'data', 'dokumen', 'periksa'];
    showStep(order[order.indexOf(from) + 1]!);
  }

  function goTo(target: Step, focusField?: string) {
    setErrors({});
    pendingFocus.current = focusField ?? null;
    showStep(target);
  }

  async function chooseFile(doc: AskedDocument, file: File | null) {
    setErrors((e) => {
      const copy = { ...e };
      delete copy[doc.key];
      return copy;
    });
    if (!file) return;
    let chosen = file;
    let note = '';
    setProcessing((p) => ({ ...p, [doc.key]: isImage(file) }));
    try {
      ({ file: chosen, note } = await prepareDocumentFile(file));
    } catch (err) {
      setErrors((e) => ({ ...e, [doc.key]: err instanceof Error ? err.message : 'Foto tidak dapat dibaca. Pilih foto lain.' }));
      return;
    } finally {
      setProcessing((p) => ({ ...p, [doc.key]: false }));
    }
    const problem = applicationErrors(fullInput(), { ...fileInfos(), [doc.key]: { size: chosen.size, type: chosen.type } }, context)[doc.key];
    if (problem) {
      setErrors((e) => ({ ...e, [doc.key]: problem }));
      return;
    }
    setFiles((f) => ({ ...f, [doc.key]: chosen }));
    setFileNotes((n) => ({ ...n, [doc.key]: note }));
  }

  function removeFile(key: string) {
    setFiles((f) => ({ ...f, [key]: null }));
    setFileNotes((n) => ({ ...n, [key]: '' }));
  }

  async function submit(event: Event) {
    event.preventDefault();
    if (progress !== null) return; // already sending: never twice
    const all = { ...applicationErrors(fullInput(), fileInfos(), context), ...channelErrors(channel, input.telepon) };
    if (Object.keys(all).length > 0) {
      setErrors(ordered(all));
      setAttempts((n) => n + 1);
      return;
    }
    setErrors({});
    setSendProblem('');
    const body = new FormData();
    for (const [key, value] of Object.entries(fullInput())) body.append(key, key === 'jawaban_kelayakan' ? JSON.stringify(value) : String(value));
    for (const [key, file] of Object.entries(chosenFiles())) body.append(key, file, file.name);
    for (const [key, value] of Object.entries(channelPayload(channel))) body.append(key, value);
    setProgress(0);
    try {
      const res = await upload('/api/collections/permohonan/records', body, setProgress);
      if (res.status === 200 && typeof res.body['kode_lacak'] === 'string') {
        const done: Sent = {
          code: res.body['kode_lacak'],
          at: new Date().toISOString(),
          documents: askedDocuments().filter((d) => files[d.key]).map((d) => d.label),
        };
        setSent(done);
        setStep('terkirim');
        void clearDraft(draftKey);
      } else if (res.status === 400) {
        const fieldErrors = pocketbaseFieldErrors(res.body);
        setErrors(ordered(fieldErrors));
        setAttempts((n) => n + 1);
        // Send the person to the first step with a problem.
        const firstStep = (['kelayakan', 'data', 'dokumen', 'periksa'] as Step[]).find((s) => fieldsOf(s).some((f) => fieldErrors[f]));
        if (firstStep && firstStep !== 'periksa') showStep(firstStep);
      } else if (res.status === 429) {
        setSendProblem('Terlalu banyak pengiriman dari jaringan ini. Tunggu satu menit, lalu tekan Kirim permohonan lagi. Isian Anda tetap tersimpan.');
      } else {
        setSendProblem('Server sedang bermasalah. Isian Anda tetap tersimpan di perangkat ini; coba kirim lagi beberapa saat lagi.');
      }
    } catch {
      setSendProblem('Sambungan terputus sebelum permohonan terkirim. Isian dan dokumen Anda tetap tersimpan di perangkat ini. Periksa sinyal, lalu tekan Kirim permohonan lagi; permohonan tidak akan tercatat dua kali.');
    } finally {
      setProgress(null);
    }
  }

  async function startOver() {
    setConfirmingReset(false);
    await clearDraft(draftKey);
    setAnswers({});
    setInput(EMPTY_INPUT);
    setBirth(EMPTY_BIRTH);
    setChannel(EMPTY_CHANNEL);
    setFiles({});
    setFileNotes({});
    setConsent(false);
    setSubmissionId(newSubmissionId());
    setRestoredAt(null);
    setErrors({});
    setStep('kelayakan');
  }

  const fieldIds: Record<string, string> = {};
  for (const key of Object.keys(errors)) fieldIds[key] = fieldId(key);

  const stepIndex = STEPS.findIndex((s) => s.id === step);

  if (!ready) {
    return <p class="form-loading" aria-busy="true">Menyiapkan formulir…</p>;
  }

  if (step === 'terkirim' && sent) {
    return <Confirmation sent={sent} service={service} stages={stages} expected={expected} calendar={calendar} office={office} />;
  }

  return (
    <div class="application">
      <p class="step-count">
        Langkah {stepIndex + 1} dari {STEPS.length}
      </p>
      <h2 id="langkah-judul" tabIndex={-1} ref={headingRef}>
        {STEPS[stepIndex]!.title}
      </h2>
      {draftsAvailable() && (
        <p class="notice draft-notice">
          {restoredAt ? `Isian yang tersimpan pada ${formatDateTime(new Date(restoredAt), office.timeZone)} sudah dipulihkan. ` : ''}
          Isian disimpan sementara <strong>hanya di perangkat ini</strong>, belum terkirim ke kantor, sampai Anda menekan Kirim permohonan.{' '}
          {!confirmingReset && (
            <button type="button" class="link-button" onClick={() => setConfirmingReset(true)}>
              Hapus isian dan mulai dari awal
            </button>
          )}
        </p>
      )}
      {confirmingReset && (
        // One tap must not wipe a half-hour of typing and photos: ask first, in words.
        <div class="notice" role="alertdialog" aria-labelledby="hapus-tanya" tabIndex={-1} ref={resetRef}>
          <p id="hapus-tanya">
            <strong>Hapus semua isian dan foto di perangkat ini?</strong> Yang sudah Anda isi tidak dapat dikembalikan.
          </p>
          <div class="form-nav">
            <button type="button" class="button" onClick={() => void startOver()}>
              Ya, hapus dan mulai dari awal
            </button>
            <button type="button" class="button button--secondary" onClick={() => setConfirmingReset(false)}>
              Tidak, lanjutkan mengisi
            </button>
          </div>
        </div>
      )}
      <ErrorSummary errors={errors} fieldIds={fieldIds} focusOn={attempts} />

      {step === 'kelayakan' && (
        <form onSubmit={(e) => (e.preventDefault(), next('kelayakan'))} noValidate>
          {service.questions.length === 0 && <p>Layanan ini dapat diajukan oleh siapa pun yang memenuhi persyaratan di halaman layanan.</p>}
          {service.questions.map((q) => (
            <Field key={q.id} id={`kelayakan_${q.id}`} error={errors[`kelayakan_${q.id}`]} legend={q.question}>
              <div class="radios">
                {(['ya', 'tidak'] as const).map((value, i) => (
                  <label key={value} class="radio">
                    <input
                      type="radio"
                      id={i === 0 ? `f-kelayakan_${q.id}` : undefined}
                      name={`kelayakan_${q.id}`}
                      value={value}
                      checked={answers[q.id] === value}
                      onChange={() => setAnswers((a) => ({ ...a, [q.id]: value }))}
                    />
                    {value === 'ya' ? 'Ya' : 'Tidak'}
                  </label>
                ))}
              </div>
            </Field>
          ))}
          <button class="button" type="submit">
            Lanjut
          </button>
        </form>
      )}

      {step === 'data' && (
        <DataStep service={service} input={input} birth={birth} errors={errors} kecamatan={kecamatan} setInput={setInput} setBirth={setBirth} onNext={() => next('data')} onBack={() => goTo('kelayakan')} afterPhone={<ChannelChoice value={channel} telepon={input.telepon} errors={errors} onChange={setChannel} />} />
      )}

      {step === 'dokumen' && (
        <DocumentsStep documents={askedDocuments()} files={files} notes={fileNotes} processing={processing} errors={errors} onChoose={chooseFile} onRemove={removeFile} onNext={() => next('dokumen')} onBack={() => goTo('data')} />
      )}

      {step === 'periksa' && (
        <form onSubmit={submit} noValidate>
          <ReviewList service={service} answers={answers} input={input} born={birthDate(birth)} kecamatanName={kecamatan.find((k) => k.id === input.kecamatan)?.name ?? ''} documents={askedDocuments()} files={files} goTo={goTo} channelText={channelSummary(channel, input.telepon)} />

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
          {sendProblem && (
            <div class="error-summary" role="alert">
              <p>{sendProblem}</p>
            </div>
          )}
          {progress !== null && (
            <UploadProgress id="unggah-progres" what="permohonan" fraction={progress} />
          )}
          <div class="form-nav">
            <button class="button" type="submit" disabled={progress !== null}>
              {progress !== null ? 'Mengirim…' : 'Kirim permohonan'}
            </button>
            <button type="button" class="button button--secondary" onClick={() => goTo('dokumen')} disabled={progress !== null}>
              Kembali
            </button>
          </div>
        </form>
      )}
    </div>
  );
}


function Confirmation({ sent, service, stages, expected, calendar, office }: Pick<Props, 'service' | 'stages' | 'expected' | 'calendar' | 'office'> & { sent: Sent }) {
  // Counted from the day the office starts on it: after closing time or on a day off, the next working day.
  const received = new Date(sent.at);
  const earliest = formatDate(afterWorkingDays(received, expected.minDays, calendar), office.timeZone);
  const latest = formatDate(afterWorkingDays(received, expected.maxDays, calendar), office.timeZone);
  const around = earliest === latest ? `sekitar ${latest}` : `kira-kira antara ${earliest} dan ${latest}`;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const trackUrl = `${window.location.origin}/lacak/?kode=${encodeURIComponent(sent.code)}`;
  const message = `Kode pelacakan permohonan ${service.title} di ${office.name}: ${sent.code}. Lacak di ${trackUrl}`;
  return (
    <div class="confirmation">
      <div class="panel" tabIndex={-1} ref={ref} role="status">
        <h2>Permohonan terkirim</h2>
        <p>Kode pelacakan Anda:</p>
        <p class="code">
          {sent.code}
        </p>
        <p>Simpan kode ini. Anda memerlukannya untuk melacak permohonan.</p>
      </div>
      <div class="form-nav no-print">
        <a class="button" href={`https://wa.me/?text=${encodeURIComponent(message)}`}>
          Kirim kode ke WhatsApp saya
        </a>
        <button type="button" class="button button--secondary" onClick={() => window.print()}>
          Cetak tanda terima
        </button>
        <a class="button button--secondary" href={`/lacak/?kode=${encodeURIComponent(sent.code)}`}>
          Lacak permohonan
        </a>
      </div>
      <h2>Apa yang terjadi selanjutnya</h2>
      <p class="prose">
        Permohonan seperti ini biasanya selesai dalam <strong>{formatExpectedDays(expected)}</strong>, {around}. Hari libur dan cuti bersama tidak dihitung. Tahapannya:
      </p>
      <ol class="steps-plain">
        {stages.map((s) => (
          <li key={s.label}>
            <strong>{s.label}</strong>
          </li>
        ))}
      </ol>
      <p class="prose">Petugas dapat menghubungi Anda di nomor yang Anda isi. Bila ada dokumen yang kurang, halaman lacak menyebutkan dokumen mana yang perlu dikirim ulang.</p>
      <section class="receipt" aria-labelledby="tanda-terima">
        <h2 id="tanda-terima">Tanda terima</h2>
        <dl>
          <dt>Kantor</dt>
          <dd>
            {office.name}, {office.address}
          </dd>
          <dt>Layanan</dt>
          <dd>{service.title}</dd>
          <dt>Kode pelacakan</dt>
          <dd>
            <strong>{sent.code}</strong>
          </dd>
          <dt>Diterima</dt>
          <dd>{formatDateTime(new Date(sent.at), office.timeZone)}</dd>
          <dt>Perkiraan selesai</dt>
          <dd>
            biasanya {formatExpectedDays(expected)}, {around}
          </dd>
          <dt>Dokumen terlampir</dt>
          <dd>{sent.documents.length ? sent.documents.join(', ') : 'Tidak ada'}</dd>
          <dt>Lacak</dt>
          <dd>{trackUrl}</dd>
          <dt>Kontak</dt>
          <dd>
            WhatsApp {office.whatsappDisplay}, telepon {office.phone}
          </dd>
        </dl>
      </section>
    </div>
  );
}
