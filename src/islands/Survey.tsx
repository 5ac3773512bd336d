import { useEffect, useRef, useState } from 'preact/hooks';
import { ErrorSummary, SendProblem } from '../components/ErrorSummary';
import { errorsOf, type FormProblem } from '../lib/forms/error-pattern';
import { newSubmissionId, send } from '../lib/forms/send';
import { formatNumber } from '../lib/format';
import { RESPONDENT_FIELDS, SURVEY_SARAN_MAX, UNSUR, validateSurvey } from '../lib/rules/ikm';
import { normaliseCode } from '../lib/rules/tracking-code';
import type { FieldErrors } from '../lib/validation/errors';
import type { SurveiCek } from '../lib/api/lacak';
import { TrackingCode } from '../components/TrackingCode';

/** GET /api/lacak/{kode}/survei (src/lib/api/lacak.ts). */
type CheckAnswer = SurveiCek;

type Phase =
  | { kind: 'loading' }
  | { kind: 'enter-code'; typed: string; message: string | null }
  | { kind: 'not-finished'; code: string; message: string }
  | { kind: 'done-before'; code: string; message: string }
  | { kind: 'not-rateable'; code: string; message: string }
  | { kind: 'form'; code: string; layanan: string | null }
  | { kind: 'sent'; code: string };

const CODE_INPUT_ID = 'survei-kode-isian';
const CODE_BOX_ID = 'survei-kode';
const SARAN_ID = 'survei-saran';
const radioId = (unsur: string, score: number) => `survei-${unsur}-${score}`;
const selectId = (field: string) => `survei-${field}`;

/** Where each field's error links to, and the order errors are listed in. */
const FIELD_IDS: Record<string, string> = {
  kode_lacak: CODE_BOX_ID,
  ...Object.fromEntries(UNSUR.map((u) => [u.id, radioId(u.id, 1)])),
  ...Object.fromEntries(RESPONDENT_FIELDS.map((f) => [f.id, selectId(f.id)])),
  saran: SARAN_ID,
};
const FIELD_ORDER = Object.keys(FIELD_IDS);

function inFormOrder(errors: FieldErrors): FieldErrors {
  const known = FIELD_ORDER.filter((f) => errors[f]).map((f) => [f, errors[f]!] as const);
  const rest = Object.entries(errors).filter(([f]) => !FIELD_IDS[f]);
  return Object.fromEntries([...known, ...rest]);
}

const notACode = (example: string) => `Kode belum lengkap. Kode terdiri atas 3 huruf lalu 9 huruf atau angka, misalnya ${example}.`;
const NOT_SENT = 'Penilaian belum terkirim';

interface Props {
  /** An example tracking code with this office's prefix (exampleCode in src/lib/rules/tracking-code.ts). */
  codeExample: string;
}

/** The satisfaction survey (SKM) for one finished request, opened as /survei/?kode=… */
export default function Survey({ codeExample }: Props) {
  const NOT_A_CODE = notACode(codeExample);
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });

  // Also rendered at build time: the address is read only once the page runs.
  useEffect(() => {
    const typed = new URLSearchParams(window.location.search).get('kode')?.trim() ?? '';
    const code = normaliseCode(typed);
    if (!typed) return setPhase({ kind: 'enter-code', typed: '', message: null });
    if (!code) return setPhase({ kind: 'enter-code', typed, message: NOT_A_CODE });
    const controller = new AbortController();
    void (async () => {
      try {
        const res = await fetch(`/api/lacak/${encodeURIComponent(code)}/survei`, { signal: controller.signal, cache: 'no-store' });
        if (res.status !== 200) throw new Error(String(res.status));
        const answer = (await res.json()) as CheckAnswer;
        if (answer.dapat_diisi) setPhase({ kind: 'form', code, layanan: answer.layanan });
        else if (answer.alasan === 'belum_selesai') setPhase({ kind: 'not-finished', code, message: answer.pesan ?? '' });
        else if (answer.alasan === 'sudah_diisi') setPhase({ kind: 'done-before', code, message: answer.pesan ?? '' });
        else if (answer.alasan === 'tidak_dilayani' || answer.alasan === 'kedaluwarsa') setPhase({ kind: 'not-rateable', code, message: answer.pesan ?? '' });
        else setPhase({ kind: 'enter-code', typed: code, message: answer.pesan ?? NOT_A_CODE });
      } catch {
        // No answer from the check: offer the form anyway; the server checks again on sending.
        if (!controller.signal.aborted) setPhase({ kind: 'form', code, layanan: null });
      }
    })();
    return () => controller.abort();
  }, []);

  return (
    // No live region here: it would read the whole form aloud when it appears. The summary
    // (role=alert) and the thank-you (role=status, focused) announce themselves.
    <div class="survey" aria-busy={phase.kind === 'loading' ? 'true' : 'false'}>
      {phase.kind === 'loading' && <p class="survey-loading">Memuat survei…</p>}
      {phase.kind === 'enter-code' && <CodeForm typed={phase.typed} message={phase.message} codeExample={codeExample} />}
      {phase.kind === 'not-finished' && (
        <div class="notice">
          <h2>Survei belum dapat diisi</h2>
          <p>{phase.message}</p>
          <p>
            <a href={`/lacak/?kode=${encodeURIComponent(phase.code)}`}>Lihat tahap permohonan {phase.code}</a>
          </p>
        </div>
      )}
      {phase.kind === 'done-before' && (
        <div class="panel">
          <h2>Survei sudah diisi</h2>
          <p>{phase.message}</p>
        </div>
      )}
      {phase.kind === 'not-rateable' && (
        <div class="notice">
          <h2>Survei tidak dapat diisi</h2>
          <p>{phase.message}</p>
          <p>
            Bila Anda tidak puas dengan pelayanan kami, sampaikan lewat <a href="/saran/">kotak saran</a>.
          </p>
        </div>
      )}
      {phase.kind === 'form' && <SurveyForm code={phase.code} layanan={phase.layanan} onSent={() => setPhase({ kind: 'sent', code: phase.code })} />}
      {phase.kind === 'sent' && <ThankYou />}
    </div>
  );
}

/** A plain GET form back to this page, for a visit without a (valid) code. */
function CodeForm({ typed, message, codeExample }: { typed: string; message: string | null; codeExample: string }) {
  const errors: FieldErrors = message ? { kode: message } : {};
  return (
    <form class="track-form" method="get" action="/survei/" aria-label="Kode pelacakan untuk survei">
      <ErrorSummary errors={errors} fieldIds={{ kode: CODE_INPUT_ID }} />
      <div class={message ? 'field field--error' : 'field'}>
        <label for={CODE_INPUT_ID}>Kode pelacakan permohonan</label>
        <span class="hint" id="survei-kode-petunjuk">
          Tertulis pada tanda terima permohonan, misalnya {codeExample}. Survei dapat diisi setelah permohonan selesai.
        </span>
        {message && (
          <span class="error-message" id="survei-kode-galat">
            {message}
          </span>
        )}
        <input
          type="text"
          id={CODE_INPUT_ID}
          name="kode"
          value={typed}
          autocomplete="off"
          autocapitalize="characters"
          spellcheck={false}
          aria-describedby={message ? 'survei-kode-petunjuk survei-kode-galat' : 'survei-kode-petunjuk'}
          aria-invalid={message ? 'true' : undefined}
        />
      </div>
      <button class="button" type="submit">
        Lanjut ke survei
      </button>
    </form>
  );
}

function ThankYou() {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div class="panel" role="status">
      <h2 ref={heading} tabIndex={-1}>
        Terima kasih atas penilaian Anda
      </h2>
      <p>Penilaian Anda sudah kami terima. Hasil survei diolah bersama penilaian warga lain untuk memperbaiki pelayanan dan diumumkan secara berkala.</p>
    </div>
  );
}

interface FormProps {
  code: string;
  layanan: string | null;
  onSent: () => void;
}

function SurveyForm({ code, layanan, onSent }: FormProps) {
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  // A ref, not state: a second click in the same tick must already see the first send.
  const busy = useRef(false);
  // One id for this answer: sent again after a lost answer, it is told "sent", not "already filled".
  const submissionId = useRef(newSubmissionId());

  const set = (field: string, value: string) => setValues((v) => ({ ...v, [field]: value }));

  async function submit(event: Event) {
    event.preventDefault();
    if (busy.current) return;
    const checked = validateSurvey(values);
    if (Object.keys(checked.errors).length > 0) {
      setProblem(null);
      setErrors(inFormOrder(checked.errors));
      return;
    }
    busy.current = true;
    setSending(true);
    setProblem(null);
    setErrors({});
    const body = new FormData();
    UNSUR.forEach((u, i) => body.append(u.id, String(checked.value.answers[i])));
    for (const f of RESPONDENT_FIELDS) if (checked.value[f.id]) body.append(f.id, checked.value[f.id]);
    if (checked.value.saran) body.append('saran', checked.value.saran);
    body.append('id_pengiriman', submissionId.current);
    const outcome = await send(`/api/lacak/${encodeURIComponent(code)}/survei`, body);
    busy.current = false;
    setSending(false);
    if (outcome.kind === 'sent') return onSent();
    // Field messages on the fields (the code's own on the code box); offline, busy or refused in
    // a box. The answers stay as they are, ready to send again.
    const shown = errorsOf(outcome, NOT_SENT);
    setErrors(inFormOrder(shown.errors));
    setProblem(shown.problem);
  }

  const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

  return (
    <form onSubmit={submit} noValidate aria-label="Survei kepuasan layanan">
      <ErrorSummary errors={errors} fieldIds={FIELD_IDS} />
      <SendProblem problem={problem} />

      <div id={CODE_BOX_ID} tabIndex={-1} class={errors['kode_lacak'] ? 'survey-code field--error' : 'survey-code'}>
        {errors['kode_lacak'] && (
          <p class="error-message">
            {errors['kode_lacak']}
          </p>
        )}
        <dl class="facts">
          <div>
            <dt>Kode pelacakan</dt>
            <dd>
              <TrackingCode code={code} />
            </dd>
          </div>
          {layanan && (
            <div>
              <dt>Layanan yang dinilai</dt>
              <dd>{layanan}</dd>
            </div>
          )}
        </dl>
      </div>

      <section class="survey-section" aria-labelledby="survei-penilaian">
        <h2 id="survei-penilaian">Penilaian Anda</h2>
        <p>Jawab kesembilan pertanyaan berikut sesuai pengalaman Anda dengan layanan ini. Pilih satu jawaban untuk setiap pertanyaan.</p>
        {UNSUR.map((u, i) => {
          const error = errors[u.id];
          const hintId = `survei-${u.id}-petunjuk`;
          const errorId = `survei-${u.id}-galat`;
          return (
            <fieldset key={u.id} class={error ? 'field field--error survey-question' : 'field survey-question'} aria-describedby={describedBy(hintId, error && errorId)}>
              <legend>
                {i + 1}. {u.question}
              </legend>
              <span class="hint" id={hintId}>
                Unsur: {u.label}
              </span>
              {error && (
                <span class="error-message" id={errorId}>
                  {error}
                </span>
              )}
              <div class="radios">
                {u.options.map((label, k) => (
                  <label key={label} class="radio" for={radioId(u.id, k + 1)}>
                    <input
                      type="radio"
                      id={radioId(u.id, k + 1)}
                      name={u.id}
                      value={String(k + 1)}
                      checked={values[u.id] === String(k + 1)}
                      onChange={() => set(u.id, String(k + 1))}
                    />
                    <span>{label}</span>
                  </label>
                ))}
              </div>
            </fieldset>
          );
        })}
      </section>

      <section class="survey-section" aria-labelledby="survei-responden">
        <h2 id="survei-responden">Tentang Anda (tidak wajib)</h2>
        <p>
          Boleh dikosongkan. Kami tidak menanyakan nama atau NIK. Jawaban ini hanya dipakai untuk mengolah hasil survei, yang diumumkan sebagai angka gabungan. Penilaian Anda tidak
          memengaruhi permohonan Anda.
        </p>
        {RESPONDENT_FIELDS.map((f) => {
          const error = errors[f.id];
          const errorId = `survei-${f.id}-galat`;
          return (
            <div key={f.id} class={error ? 'field field--error' : 'field'}>
              <label for={selectId(f.id)}>{f.label} (tidak wajib)</label>
              {error && (
                <span class="error-message" id={errorId}>
                  {error}
                </span>
              )}
              <select
                id={selectId(f.id)}
                name={f.id}
                value={values[f.id] ?? ''}
                onChange={(e) => set(f.id, e.currentTarget.value)}
                aria-describedby={error ? errorId : undefined}
                aria-invalid={error ? 'true' : undefined}
              >
                <option value="">Tidak diisi</option>
                {f.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
      </section>

      <section class="survey-section" aria-labelledby="survei-saran-judul">
        <h2 id="survei-saran-judul">Saran (tidak wajib)</h2>
        <div class={errors['saran'] ? 'field field--error' : 'field'}>
          <label for={SARAN_ID}>Apa yang perlu kami perbaiki?</label>
          <span class="hint" id="survei-saran-petunjuk">
            Paling banyak {formatNumber(SURVEY_SARAN_MAX)} karakter. Jangan menulis nama, NIK, atau data pribadi lain.
          </span>
          {errors['saran'] && (
            <span class="error-message" id="survei-saran-galat">
              {errors['saran']}
            </span>
          )}
          <textarea
            id={SARAN_ID}
            name="saran"
            rows={5}
            value={values['saran'] ?? ''}
            onInput={(e) => set('saran', e.currentTarget.value)}
            aria-describedby={describedBy('survei-saran-petunjuk', errors['saran'] && 'survei-saran-galat')}
            aria-invalid={errors['saran'] ? 'true' : undefined}
          />
        </div>
      </section>

      <button class="button" type="submit" disabled={sending}>
        {sending ? 'Mengirim…' : 'Kirim penilaian'}
      </button>
    </form>
  );
}
