import { useEffect, useRef, useState } from 'preact/hooks';
import { formatDate, formatDateTime, type TimeZoneLabel } from '../lib/format';
import { formatExpectedDays, formatWorkingTime } from '../lib/duration';
import { normaliseCode } from '../lib/rules/tracking-code';
import { afterWorkingDays, workingDaysBetween, type OfficeCalendar } from '../lib/rules/working-time';
import type { Lacak, TahapLacak } from '../lib/api/lacak';
import { TrackingCode } from '../components/TrackingCode';

/** GET /api/lacak/{kode} and one of its SOP stages (src/lib/api/lacak.ts). */
type Answer = Lacak;
type Stage = TahapLacak;

type Result =
  | { kind: 'idle' }
  | { kind: 'loading'; code: string }
  | { kind: 'invalid'; typed: string }
  | { kind: 'found'; answer: Answer; notice?: string }
  | { kind: 'notfound'; code: string }
  | { kind: 'limited'; code: string }
  | { kind: 'failed'; code: string };

interface Props {
  /** id of the page's plain GET form, which this island takes over once it runs. */
  formId: string;
  timeZone: TimeZoneLabel;
  /** International digits for wa.me, e.g. "6282299970505". */
  whatsapp: string;
  whatsappDisplay: string;
  phone: string;
  officeName: string;
  officeAddress: string;
  /** An example tracking code with this office's prefix (exampleCode in src/lib/rules/tracking-code.ts). */
  codeExample: string;
  /** Working days and office hours (content/calendar/, content/site/site.yaml). */
  calendar: OfficeCalendar;
}

const ERROR_ID = 'lacak-kode-galat';
const LETTERS_NOTE = 'kode tidak memakai huruf O, I, L, U, V atau angka 0 dan 1.';

/** Status of a request by its tracking code, read from ?kode= and from the page's form. */
export default function Tracking(props: Props) {
  const { formId, timeZone } = props;
  const [result, setResult] = useState<Result>({ kind: 'idle' });
  const heading = useRef<HTMLHeadingElement>(null);
  const focusOnResult = useRef(false);
  const pending = useRef<AbortController | null>(null);

  async function lookup(typed: string, moveFocus: boolean) {
    focusOnResult.current = moveFocus;
    pending.current?.abort();
    const code = normaliseCode(typed);
    // A code that cannot exist is answered here: it spends none of the rate limit.
    if (!code) {
      setResult({ kind: 'invalid', typed: typed.trim() });
      return;
    }
    const controller = new AbortController();
    pending.current = controller;
    setResult({ kind: 'loading', code });
    try {
      const res = await fetch(`/api/lacak/${encodeURIComponent(code)}`, { signal: controller.signal, cache: 'no-store' });
      if (res.status === 429) return setResult({ kind: 'limited', code });
      if (res.status !== 200 && res.status !== 404) return setResult({ kind: 'failed', code });
      const answer = (await res.json()) as Answer;
      if (controller.signal.aborted) return; // a newer search owns the result now
      setResult(answer.ditemukan ? { kind: 'found', answer } : { kind: 'notfound', code: answer.kode ?? code });
    } catch {
      if (controller.signal.aborted) return; // replaced by a newer search
      setResult({ kind: 'failed', code });
    }
  }

  /** After the person sent documents: the new status, quietly, with a word that they arrived. */
  async function refresh(code: string) {
    const notice = 'Dokumen Anda sudah terkirim dan diterima. Permohonan kembali diperiksa petugas.';
    try {
      const res = await fetch(`/api/lacak/${encodeURIComponent(code)}`, { cache: 'no-store' });
      if (res.status === 200) {
        focusOnResult.current = true;
        return setResult({ kind: 'found', answer: (await res.json()) as Answer, notice });
      }
    } catch {
      // the status stays as it was; the upload itself said it arrived
    }
    setResult((r) => (r.kind === 'found' ? { ...r, notice } : r));
  }

  // The island is also rendered at build time: the address and the form are read only here.
  useEffect(() => {
    const form = document.getElementById(formId) as HTMLFormElement | null;
    const input = form?.elements.namedItem('kode') as HTMLInputElement | null;
    const fromUrl = new URLSearchParams(window.location.search).get('kode');
    // On a slow phone people type a code before this island runs: what is in the field is theirs
    // and stays. The address's code is looked up (and written in) only while the field is empty or
    // holds that same code; a different code typed there waits for the person's own "Lacak".
    const typed = input?.value.trim() ?? '';
    if (fromUrl !== null && (typed === '' || normaliseCode(typed) === normaliseCode(fromUrl))) {
      if (input && typed === '') input.value = fromUrl;
      void lookup(fromUrl, false);
    }
    const onSubmit = (event: Event) => {
      event.preventDefault();
      const typed = input?.value ?? '';
      const url = new URL(window.location.href);
      url.searchParams.set('kode', normaliseCode(typed) ?? typed.trim());
      window.history.replaceState(null, '', url);
      void lookup(typed, true);
    };
    form?.addEventListener('submit', onSubmit);
    return () => {
      form?.removeEventListener('submit', onSubmit);
      pending.current?.abort();
    };
  }, [formId]);

  // The input lives in the page's form, outside this island: mark it and point it at the message.
  useEffect(() => {
    const input = (document.getElementById(formId) as HTMLFormElement | null)?.elements.namedItem('kode') as HTMLInputElement | null;
    if (!input) return;
    const hints = (input.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && id !== ERROR_ID);
    if (result.kind === 'invalid') {
      input.setAttribute('aria-invalid', 'true');
      hints.push(ERROR_ID);
    } else {
      input.removeAttribute('aria-invalid');
    }
    input.setAttribute('aria-describedby', hints.join(' '));
    input.closest('.field')?.classList.toggle('field--error', result.kind === 'invalid');
  }, [result.kind, formId]);

  useEffect(() => {
    if (result.kind !== 'loading' && focusOnResult.current && heading.current) {
      focusOnResult.current = false;
      heading.current.focus();
    }
  }, [result]);

  const retry = (code: string) => () => void lookup(code, true);

  return (
    <div class="track-result" aria-live="polite" aria-busy={result.kind === 'loading' ? 'true' : 'false'}>
      {result.kind === 'loading' && <p class="track-loading">Mencari status kode <TrackingCode code={result.code} />…</p>}
      {result.kind === 'invalid' && (
        <div class="error-summary">
          <h2 ref={heading} tabIndex={-1}>Kode belum benar</h2>
          <p id={ERROR_ID}>
            {result.typed
              ? `“${result.typed}” bukan kode pelacakan yang lengkap. Kode terdiri atas 3 huruf lalu 9 huruf atau angka, misalnya ${props.codeExample}; ${LETTERS_NOTE}`
              : `Tulis kode pelacakan Anda, misalnya ${props.codeExample}.`}
          </p>
        </div>
      )}
      {result.kind === 'notfound' && (
        <>
          <div class="error-summary">
            <h2 ref={heading} tabIndex={-1}>Kode tidak ditemukan</h2>
            <p>
              Kode <TrackingCode code={result.code} /> tidak ditemukan. Periksa kembali kode pada tanda terima Anda; {LETTERS_NOTE}
            </p>
          </div>
          <Contact {...props} intro="Bila kode sudah benar tetapi tetap tidak ditemukan, hubungi kami:" />
        </>
      )}
      {result.kind === 'limited' && (
        <div class="error-summary">
          <h2 ref={heading} tabIndex={-1}>Terlalu banyak percobaan</h2>
          <p>Untuk melindungi data, setiap orang hanya dapat mencoba beberapa kali dalam satu menit. Tunggu satu menit, lalu coba lagi.</p>
          <button type="button" class="button" onClick={retry(result.code)}>Coba lagi</button>
        </div>
      )}
      {result.kind === 'failed' && (
        <div class="error-summary">
          <h2 ref={heading} tabIndex={-1}>Status belum dapat dimuat</h2>
          <p>Sambungan internet terputus atau server sedang sibuk. Periksa sambungan Anda, lalu coba lagi.</p>
          <button type="button" class="button" onClick={retry(result.code)}>Coba lagi</button>
        </div>
      )}
      {result.kind === 'found' && <Found answer={result.answer} notice={result.notice} props={props} headingRef={heading} timeZone={timeZone} onChanged={() => void refresh(result.answer.kode ?? '')} />}
    </div>
  );
}

function Contact(props: Props & { intro: string }) {
  return (
    <div class="contact-strip">
      <p>{props.intro}</p>
      <ul class="track-contact">
        <li>
          WhatsApp <a href={`https://wa.me/${props.whatsapp}`}>{props.whatsappDisplay}</a>
        </li>
        <li>
          Telepon <a href={`tel:${props.phone.replace(/[^\d+]/g, '')}`}>{props.phone}</a>
        </li>
        <li>
          Datang ke {props.officeName}, {props.officeAddress}
        </li>
      </ul>
    </div>
  );
}

interface FoundProps {
  answer: Answer;
  props: Props;
  headingRef: { current: HTMLHeadingElement | null };
  timeZone: TimeZoneLabel;
  /** The request changed here (documents sent): load its status again. */
  onChanged: () => void;
  notice?: string | undefined;
}

type ReuploadModule = typeof import('./Reupload');

/** The applicant's part (proof, re-upload, letters), loaded only when asked for. */
function useApplicantPart() {
  const [module, setModule] = useState<ReuploadModule | null>(null);
  const [state, setState] = useState<'tutup' | 'memuat' | 'gagal'>('tutup');
  async function open() {
    setState('memuat');
    try {
      setModule(await import('./Reupload'));
    } catch {
      setState('gagal');
    }
  }
  return { module, state, open };
}

/** A button that loads the applicant's part, with its loading and failure states. */
function LoadButton({ label, state, open }: { label: string; state: 'tutup' | 'memuat' | 'gagal'; open: () => Promise<void> }) {
  return (
    <>
      <button type="button" class="button" onClick={() => void open()} disabled={state === 'memuat'}>
        {state === 'memuat' ? 'Memuat…' : label}
      </button>
      {state === 'gagal' && (
        <p class="error-message" role="alert">
          Bagian ini belum dapat dimuat. Periksa sambungan, lalu tekan {label} lagi.
        </p>
      )}
    </>
  );
}

/**
 * The button that loads the re-upload part (proof, then upload) only when asked for: /lacak/
 * stays within its JavaScript budget for everyone who only reads a status.
 */
function SendDocuments({ code, onSent }: { code: string; onSent: () => void }) {
  const { module, state, open } = useApplicantPart();
  if (module) return <module.default code={code} onSent={onSent} />;
  return (
    <div class="reupload-start">
      <p>
        <strong>Kirim dokumen dari ponsel Anda</strong>, tanpa datang ke kantor. Anda akan diminta membuktikan bahwa Anda pemohon.
      </p>
      <LoadButton label="Kirim dokumen" state={state} open={open} />
    </div>
  );
}

/** The applicant's letters: the same proof as for a re-upload, loaded only when asked for. */
function OpenLetters({ code }: { code: string }) {
  const { module, state, open } = useApplicantPart();
  return (
    <section class="track-letters" aria-labelledby="lacak-surat">
      <h3 id="lacak-surat">Surat dari kantor</h3>
      {module ? (
        <module.MyLetters code={code} />
      ) : (
        <>
          <p>Ada surat untuk permohonan ini. Anda dapat membuka dan mencetaknya setelah membuktikan bahwa Anda pemohon.</p>
          <LoadButton label="Buka surat" state={state} open={open} />
        </>
      )}
    </section>
  );
}

function Found({ answer, props, headingRef, timeZone, onChanged, notice }: FoundProps) {
  const now = new Date();
  const fixing = answer.status_arti === 'repair';
  const currentIndex = answer.selesai ? -1 : answer.tahapan.findIndex((s) => s.status === answer.status);
  const lastStarted = answer.tahapan.reduce((last, s, i) => (s.mulai ? i : last), -1);
  const history = [...answer.riwayat].reverse();
  // The note that explains the correction: the newest one written when it was sent back.
  const fixNote = history.find((h) => h.status_arti === 'repair' && h.catatan.trim())?.catatan ?? history.find((h) => h.catatan.trim())?.catatan;
  const lastEvent = answer.riwayat[answer.riwayat.length - 1];
  // The expected finish, in dates, only while the request is open and its service states one.
  const expected = answer.perkiraan_hari_kerja;
  let expectedText: string | null = null;
  if (expected && answer.diajukan && !answer.selesai) {
    const received = new Date(answer.diajukan);
    const earliest = formatDate(afterWorkingDays(received, expected.min, props.calendar), timeZone);
    const latest = formatDate(afterWorkingDays(received, expected.maks, props.calendar), timeZone);
    const days = formatExpectedDays({ minDays: expected.min, maxDays: expected.maks });
    expectedText = earliest === latest ? `biasanya ${days}, sekitar ${latest}` : `biasanya ${days}, kira-kira antara ${earliest} dan ${latest}`;
  }
  // The API names a report's kind "Laporan: …"; a report is not called a "permohonan".
  const what = answer.layanan?.startsWith('Laporan:') ? 'Laporan' : 'Permohonan';

  function elapsed(stage: Stage): string | null {
    if (!stage.mulai) return null;
    const end = stage.selesai ?? (answer.selesai && lastEvent ? lastEvent.waktu : now);
    const days = workingDaysBetween(new Date(stage.mulai), new Date(end), props.calendar);
    const amount = days === 0 ? 'kurang dari 1 hari kerja' : `${days} hari kerja`;
    return stage.selesai || answer.selesai ? amount : `${amount} (masih berjalan)`;
  }

  function state(stage: Stage, index: number): { word: string; mark: string } {
    if (index === currentIndex) return { word: 'Tahap saat ini', mark: '●' };
    if (stage.selesai) return { word: 'Sudah dilalui', mark: '✓' };
    if (stage.mulai) return { word: 'Dimulai', mark: '●' };
    if (index < lastStarted) return { word: 'Tidak dilalui', mark: '–' };
    return { word: 'Belum', mark: '○' };
  }

  return (
    <section aria-labelledby="lacak-hasil">
      <h2 id="lacak-hasil" ref={headingRef} tabIndex={-1}>
        {what} <TrackingCode code={answer.kode} />
      </h2>
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      <dl class="facts">
        <div>
          <dt>Layanan</dt>
          <dd>{answer.layanan}</dd>
        </div>
        {answer.diajukan && (
          <div>
            <dt>Diajukan</dt>
            <dd>{formatDateTime(answer.diajukan, timeZone)}</dd>
          </div>
        )}
        {expectedText && (
          <div>
            <dt>Perkiraan selesai</dt>
            <dd>{expectedText}</dd>
          </div>
        )}
        {answer.diajukan_oleh && (
          <div>
            <dt>Diajukan oleh</dt>
            <dd>{answer.diajukan_oleh === 'Penerima sendiri' ? answer.diajukan_oleh : `${answer.diajukan_oleh}, atas nama penerima layanan`}</dd>
          </div>
        )}
      </dl>

      <div class={`track-status${fixing ? ' track-status--fix' : ''}`}>
        <p class="track-status__caption">Status saat ini</p>
        <p class="track-status__label">{answer.status_label}</p>
        {answer.status_keterangan && <p>{answer.status_keterangan}</p>}
        {answer.selesai && (
          <p>
            <strong>{what} ini sudah selesai diproses;</strong> tidak ada tahapan lagi. Alasan atau hasilnya tertulis pada riwayat di bawah.
          </p>
        )}
      </div>

      {answer.ada_surat && answer.kode && <OpenLetters code={answer.kode} />}

      {/* A served request may be rated once (SKM, Permenpan RB 14/2017); /survei/ checks the rest. */}
      {answer.dapat_dinilai && answer.kode && (
        <div class="survey-invite">
          <p>Bantu kami memperbaiki pelayanan: isi survei kepuasan, sembilan pertanyaan singkat tanpa nama dan NIK.</p>
          <a class="button" href={`/survei/?kode=${encodeURIComponent(answer.kode)}`}>
            Beri penilaian layanan
          </a>
        </div>
      )}

      {fixing && (
        <section class="track-fix" aria-labelledby="lacak-perbaikan">
          <h3 id="lacak-perbaikan">Yang perlu Anda lakukan</h3>
          {answer.dokumen_perbaikan.length > 0 ? (
            <>
              <p>Kirim ulang dokumen berikut:</p>
              <ul>
                {answer.dokumen_perbaikan.map((doc) => (
                  <li key={doc}>
                    <strong>{doc}</strong>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>Lengkapi data atau dokumen sesuai catatan petugas.</p>
          )}
          {fixNote && (
            <p>
              <strong>Catatan petugas:</strong> {fixNote}
            </p>
          )}
          {answer.dokumen_perbaikan.length > 0 && answer.kode && <SendDocuments code={answer.kode} onSent={onChanged} />}
          <p>
            Anda juga dapat membawa dokumennya ke {props.officeName}, {props.officeAddress}. Demi keamanan data Anda, jangan mengirim foto KTP, KK, atau dokumen lain lewat WhatsApp.
          </p>
          <p>Setelah dokumen diterima, petugas melanjutkan pemeriksaan.</p>
        </section>
      )}

      {answer.dalam_waktu_standar === false && (
        <div class="track-flag track-flag--late">
          <p class="track-flag__title">
            <span aria-hidden="true" class="track-flag__icon">!</span> Melewati waktu standar
          </p>
          <p>
            Satu tahap atau lebih sudah melewati batas waktu dalam SOP. Anda berhak menanyakannya: hubungi WhatsApp{' '}
            <a href={`https://wa.me/${props.whatsapp}`}>{props.whatsappDisplay}</a> dan sebutkan kode <TrackingCode code={answer.kode} />.
          </p>
        </div>
      )}
      {answer.dalam_waktu_standar === true && (
        <div class="track-flag track-flag--ok">
          <p class="track-flag__title">
            <span aria-hidden="true" class="track-flag__icon">✓</span> {answer.selesai ? 'Diselesaikan dalam waktu standar' : 'Masih dalam waktu standar'}
          </p>
          <p>Setiap tahap yang sudah berjalan masih dalam batas waktu SOP.</p>
        </div>
      )}

      {answer.tahapan.length > 0 && (
        <section aria-labelledby="lacak-tahapan">
          <h3 id="lacak-tahapan">Tahapan menurut SOP</h3>
          {currentIndex === -1 && !answer.selesai && fixing && <p>Tahapan berlanjut setelah perbaikan dari Anda diterima.</p>}
          <ol class="track-stages">
            {answer.tahapan.map((stage, index) => {
              const s = state(stage, index);
              const lama = elapsed(stage);
              const classes = ['track-stage', index === currentIndex ? 'track-stage--current' : '', stage.selesai ? 'track-stage--done' : '', stage.terlambat ? 'track-stage--late' : ''];
              return (
                <li key={stage.status} class={classes.filter(Boolean).join(' ')} aria-current={index === currentIndex ? 'step' : undefined}>
                  <p class="track-stage__head">
                    <span class="track-stage__mark" aria-hidden="true">
                      {s.mark}
                    </span>
                    <span>
                      <strong class="track-stage__name">{stage.label}</strong>
                      <span class="track-stage__state">{s.word}</span>
                    </span>
                  </p>
                  {stage.terlambat && (
                    <p class="track-late">
                      <span aria-hidden="true">! </span>Terlambat: melewati batas waktu standar
                    </p>
                  )}
                  <dl class="track-stage__facts">
                    <div>
                      <dt>Waktu kerja petugas (SOP)</dt>
                      <dd>{stage.menit_standar > 0 ? formatWorkingTime(stage.menit_standar) : 'tidak ditetapkan dalam SOP'}</dd>
                    </div>
                    {stage.waktu_tetap === false && (
                      <div>
                        <dt>Batas waktu</dt>
                        <dd>tidak ada: menurut SOP, lama tahap ini tidak dapat dipastikan (misalnya kunjungan lapangan)</dd>
                      </div>
                    )}
                    <div>
                      <dt>Dimulai</dt>
                      <dd>{stage.mulai ? formatDateTime(stage.mulai, timeZone) : 'Belum'}</dd>
                    </div>
                    {stage.batas && (
                      <div>
                        <dt>Batas waktu</dt>
                        <dd>{formatDateTime(stage.batas, timeZone)}</dd>
                      </div>
                    )}
                    {stage.selesai && (
                      <div>
                        <dt>Selesai</dt>
                        <dd>{formatDateTime(stage.selesai, timeZone)}</dd>
                      </div>
                    )}
                    {lama && (
                      <div>
                        <dt>Lama</dt>
                        <dd>{lama}</dd>
                      </div>
                    )}
                  </dl>
                </li>
              );
            })}
          </ol>
        </section>
      )}

      {history.length > 0 && (
        <section aria-labelledby="lacak-riwayat">
          <h3 id="lacak-riwayat">Riwayat (terbaru di atas)</h3>
          <ul class="track-history">
            {history.map((h) => (
              <li key={`${h.waktu}-${h.status}`}>
                <time dateTime={h.waktu}>{formatDateTime(h.waktu, timeZone)}</time>
                <strong>{h.status_label}</strong>
                {h.catatan.trim() && <p>{h.catatan}</p>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
