// The application form (/layanan/<id>/ajukan/): the step machine only. Each step is its own file
// under ./application/; this file holds the answers, moves between the steps (each with its own
// history entry, so the browser's Back goes to the previous step), keeps the draft and sends.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ErrorSummary, SendProblem, useFieldErrors } from '../components/ErrorSummary';
import { DraftNotice } from '../components/DraftNotice';
import { send } from '../lib/forms/send';
import { useDraft } from '../lib/forms/use-draft';
import { applicationErrors } from '../lib/validation/application';
import type { ApplicationContext, ApplicationInput, FileInfo, ServiceRules } from '../lib/rules/application';
import { documentNeed, type VillageKind } from '../lib/rules/applicant';
import { formatDateTime } from '../lib/format';
import { useDocumentFiles } from '../lib/forms/use-document-files';
import type { FieldErrors } from '../lib/validation/errors';
import type { ResolvedDocument as FormDocument } from '../lib/service-rules';
import { ChannelChoice, CHANNEL_FIELDS, channelErrors, channelPayload, channelSummary, EMPTY_CHANNEL, type ChannelValue } from '../components/ChannelChoice';
import { birthDate, DATA_FIELDS, EMPTY_BIRTH, EMPTY_INPUT, type Birth, type DataField } from './application/data-fields';
import { EligibilityStep } from './application/EligibilityStep';
import type { AskedDocument } from './application/DocumentsStep';
import type { ConfirmationProps, Sent } from './application/Confirmation';

type LaterSteps = typeof import('./application/later-steps');

interface Props extends Omit<ConfirmationProps, 'sent' | 'service' | 'office'> {
  service: Omit<ServiceRules, 'documents'> & { documents: FormDocument[] };
  kecamatan: { id: string; name: string }[];
  office: ConfirmationProps['office'] & { whatsapp: string; privacyNoticeVersion: string; retentionDays: number; villages: VillageKind };
}

type Step = 'kelayakan' | 'data' | 'dokumen' | 'periksa';
const STEPS: { id: Step; title: string }[] = [
  { id: 'kelayakan', title: 'Siapa yang dapat mengajukan' },
  { id: 'data', title: 'Data penerima dan pemohon' },
  { id: 'dokumen', title: 'Dokumen' },
  { id: 'periksa', title: 'Periksa dan kirim' },
];
const ORDER = STEPS.map((s) => s.id);

/** Where the error summary links for a field. */
function fieldId(field: string): string {
  return field === 'tanggal_lahir' ? 'f-tanggal_lahir-hari' : `f-${field}`;
}

export default function ApplicationForm(props: Props) {
  const { service, kecamatan, office } = props;
  const [step, setStep] = useState<Step>('kelayakan');
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [input, setInput] = useState<Record<DataField, string>>(EMPTY_INPUT);
  const [birth, setBirth] = useState<Birth>(EMPTY_BIRTH);
  const [channel, setChannel] = useState<ChannelValue>(EMPTY_CHANNEL);
  const [consent, setConsent] = useState(false);
  const { errors, setErrors, attempts, refuse } = useFieldErrors();
  // A chosen file is checked with everything else the rules know (its type and size for this document).
  const documents = useDocumentFiles((key, info) => applicationErrors(fullInput(), { ...fileInfos(), [key]: info }, context)[key], setErrors);
  const { files } = documents;
  const [progress, setProgress] = useState<number | null>(null);
  const [problem, setProblem] = useState('');
  const [sent, setSent] = useState<Sent | null>(null);
  const [later, setLater] = useState<LaterSteps | 'loading' | 'failed'>('loading');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);
  /** A field to focus after the next step change (a "change" link), instead of the heading. */
  const pendingFocus = useRef<string | null>(null);

  const draft = useDraft(`permohonan:${service.id}`, { data: { step, answers, input, birth, channel }, files }, (data, restored) => {
    // A draft saved as the application went out reopens on its last step, to send again.
    setStep(ORDER.includes(data.step as Step) ? (data.step as Step) : 'periksa');
    setAnswers(data.answers ?? {});
    setInput({ ...EMPTY_INPUT, ...data.input });
    setBirth(data.birth ?? EMPTY_BIRTH);
    setChannel(data.channel ?? EMPTY_CHANNEL);
    documents.replace(restored);
  });


  // The step the form opens on is the page's own history entry; each step after gets its own.
  useEffect(() => {
    if (!draft.ready) return;
    history.replaceState({ ...history.state, ajukanLangkah: step }, '');
    // The later steps and the confirmation come now, while the first step is being read.
    import('./application/later-steps').then(setLater, () => setLater('failed'));
  }, [draft.ready]);

  // The browser's Back and Forward move between the steps, not off the form; after sending, the
  // confirmation stays.
  useEffect(() => {
    const onPop = (event: PopStateEvent) => {
      const target = (event.state as { ajukanLangkah?: Step } | null)?.ajukanLangkah;
      if (!target || !ORDER.includes(target)) return;
      setErrors({});
      setStep(target);
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  /** Goes to a step the person moves on or back to, as a new history entry. */
  function showStep(target: Step) {
    history.pushState({ ...history.state, ajukanLangkah: target }, '');
    setStep(target);
  }

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

  // The office's calendar day (officeDate's sum, with the calendar's offset): importing officeDate
  // here would pull the working-time module into the first chunk, ~370 B gzip over the budget's edge.
  const offset = props.calendar.offsetHours * 3_600_000;
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
      id_pengiriman: draft.submissionId,
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

  /** Every problem, in the order the fields appear, so the summary reads top to bottom like the form. */
  function ordered(found: FieldErrors, steps: Step[] = ORDER): FieldErrors {
    const order = steps.flatMap(fieldsOf);
    const known = order.filter((k) => found[k]).map((k) => [k, found[k]!] as const);
    const rest = steps.length === ORDER.length ? Object.entries(found).filter(([k]) => !order.includes(k)) : [];
    return Object.fromEntries([...known, ...rest]);
  }

  function allErrors(): FieldErrors {
    return { ...applicationErrors(fullInput(), fileInfos(), context), ...channelErrors(channel, input.telepon) };
  }

  function next(from: Step) {
    if (!refuse(ordered(allErrors(), [from]))) showStep(ORDER[ORDER.indexOf(from) + 1]!);
  }

  function goTo(target: Step, focusField?: string) {
    setErrors({});
    pendingFocus.current = focusField ?? null;
    showStep(target);
  }

  async function submit() {
    if (progress !== null) return; // already sending: never twice
    if (refuse(ordered(allErrors()))) return;
    setProblem('');
    const body = new FormData();
    for (const [key, value] of Object.entries(fullInput())) body.append(key, key === 'jawaban_kelayakan' ? JSON.stringify(value) : String(value));
    for (const [key, file] of Object.entries(chosenFiles())) body.append(key, file, file.name);
    for (const [key, value] of Object.entries(channelPayload(channel))) body.append(key, value);
    setProgress(0);
    const outcome = await send<{ kode_lacak?: unknown }>('/api/collections/permohonan/records', body, { onProgress: setProgress });
    if (outcome.kind === 'sent' && typeof outcome.body.kode_lacak === 'string') {
      const done: Sent = { code: outcome.body.kode_lacak, at: new Date().toISOString(), documents: askedDocuments().filter((d) => files[d.key]).map((d) => d.label) };
      draft.finish();
      setSent(done);
    } else if (outcome.kind === 'field-errors') {
      refuse(ordered(outcome.errors));
      // Send the person to the first step with a problem.
      const first = ORDER.find((s) => fieldsOf(s).some((f) => outcome.errors[f]));
      if (first && first !== 'periksa') showStep(first);
    } else if (outcome.kind === 'offline') {
      setProblem('Sambungan terputus sebelum permohonan terkirim. Isian dan dokumen Anda tetap tersimpan di perangkat ini. Periksa sinyal, lalu tekan Kirim permohonan lagi; permohonan tidak akan tercatat dua kali.');
    } else {
      setProblem(outcome.kind === 'sent' ? 'Server sedang bermasalah. Isian Anda tetap tersimpan di perangkat ini; coba kirim lagi beberapa saat lagi.' : outcome.message);
    }
    setProgress(null);
  }

  async function startOver() {
    await draft.discard();
    setAnswers({});
    setInput(EMPTY_INPUT);
    setBirth(EMPTY_BIRTH);
    setChannel(EMPTY_CHANNEL);
    documents.replace({});
    setConsent(false);
    setErrors({});
    setStep('kelayakan');
  }

  if (!draft.ready) return <p class="form-loading" aria-busy="true">Menyiapkan formulir…</p>;

  // Only the later steps send, so they are here by the time anything is sent.
  if (sent && typeof later === 'object') {
    return <later.Confirmation sent={sent} service={service} stages={props.stages} expected={props.expected} calendar={props.calendar} office={office} />;
  }

  const fieldIds: Record<string, string> = {};
  for (const key of Object.keys(errors)) fieldIds[key] = fieldId(key);
  const stepIndex = ORDER.indexOf(step);

  return (
    <div class="application">
      <p class="step-count">
        Langkah {stepIndex + 1} dari {STEPS.length}
      </p>
      <h2 id="langkah-judul" tabIndex={-1} ref={headingRef}>
        {STEPS[stepIndex]!.title}
      </h2>
      {draft.available && (
        <DraftNotice
          restored={draft.restoredAt ? formatDateTime(new Date(draft.restoredAt), office.timeZone) : null}
          until={<>, belum terkirim ke kantor, sampai Anda menekan Kirim permohonan.</>}
          onDiscard={() => void startOver()}
        />
      )}
      <ErrorSummary errors={errors} fieldIds={fieldIds} focusOn={attempts} />

      {step === 'kelayakan' && <EligibilityStep questions={service.questions} answers={answers} errors={errors} onAnswer={(id, value) => setAnswers((a) => ({ ...a, [id]: value }))} onNext={() => next('kelayakan')} />}

      {step === 'data' && typeof later === 'object' && (
        <later.DataStep service={service} input={input} birth={birth} errors={errors} kecamatan={kecamatan} villages={office.villages} setInput={setInput} setBirth={setBirth} onNext={() => next('data')} onBack={() => goTo('kelayakan')} afterPhone={<ChannelChoice value={channel} telepon={input.telepon} errors={errors} onChange={setChannel} />} />
      )}

      {step !== 'kelayakan' && typeof later !== 'object' && (
        // Fetched when the form opened; only a connection that dropped since leaves them missing.
        // The browser keeps a failed import() failed for the page's life, so trying again is a
        // reload, which the draft (saved as the page goes) brings back to this step.
        <div aria-busy={later === 'loading'}>
          {later === 'loading' ? (
            <p class="form-loading">Memuat langkah ini…</p>
          ) : (
            <>
              <SendProblem problem="Bagian formulir ini belum termuat karena sambungan terputus. Isian Anda tetap tersimpan di perangkat ini. Setelah sinyal ada, tekan Muat ulang." />
              <button type="button" class="button" onClick={() => window.location.reload()}>
                Muat ulang
              </button>
            </>
          )}
        </div>
      )}

      {step === 'dokumen' && typeof later === 'object' && (
        <later.DocumentsStep documents={askedDocuments()} files={files} notes={documents.notes} processing={documents.processing} errors={errors} onChoose={(doc, file) => documents.choose(doc.key, file)} onRemove={documents.remove} onNext={() => next('dokumen')} onBack={() => goTo('data')} />
      )}

      {step === 'periksa' && typeof later === 'object' && (
        <later.SendStep
          service={service}
          office={office}
          answers={answers}
          input={input}
          born={birthDate(birth)}
          kecamatanName={kecamatan.find((k) => k.id === input.kecamatan)?.name ?? ''}
          villages={office.villages}
          documents={askedDocuments()}
          files={files}
          channelText={channelSummary(channel, input.telepon)}
          consent={consent}
          setConsent={setConsent}
          errors={errors}
          problem={problem}
          progress={progress}
          goTo={goTo}
          onSend={() => void submit()}
        />
      )}
    </div>
  );
}
