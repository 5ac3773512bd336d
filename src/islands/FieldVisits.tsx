import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { AksiJawaban, AksiTersedia, CaseKind, Kasus, Kunjungan } from '../lib/api/petugas';
import { ErrorSummary } from '../components/ErrorSummary';
import { FormField as Field, UploadProgress } from '../components/FormField';
import { humanSize, isImage } from '../lib/file-kind';
import { formatDateTime, type TimeZoneLabel } from '../lib/format';
import { formatPhone } from '../lib/rules/phone';
import { api, ApiRefusal, Offline, signInUrl, staffClient, whoAmI } from '../lib/petugas-client';
import { newSubmissionId } from '../lib/forms/send';
import { useAutosave } from '../lib/use-autosave';
import {
  clearVisit,
  EMPTY_VISIT,
  loadVisit,
  MAX_VISIT_PHOTO_BYTES,
  MAX_VISIT_PHOTOS,
  OFFLINE_NOTICE,
  pendingVisits,
  photosOf,
  saveVisit,
  sendVisit,
  sortVisits,
  stashVisit,
  visitProblems,
  visitUrl,
  type VisitDraft,
  type VisitInput,
  type VisitNeeds,
} from '../lib/field-visit';

// The field worker's visits (/petugas/kunjungan/) and the visit form (…?jenis=&id=), one island
// because the site is static: the query decides which. Built for a cheap phone on a motorbike
// with a weak signal: a visit is kept on the phone until the office has it.

interface Account {
  id: string;
  zone: TimeZoneLabel;
}

const RESULT_LABEL: Record<'layak' | 'tidak_layak', string> = { layak: 'Layak', tidak_layak: 'Tidak layak' };
const RETRY_MS = 30_000;
const NOTE_ONLY = '__catatan';

/** tel: link and a readable number ("0813-9876-5432"). */
function Phone({ number }: { number: string }) {
  return <a href={`tel:${number}`}>{number.startsWith('+62') ? formatPhone(number) : number}</a>;
}

function MapLink({ href, what }: { href: string; what: string }) {
  return (
    <a href={href} rel="external noopener noreferrer">
      Buka peta<span class="visually-hidden"> {what} (OpenStreetMap, di luar portal)</span>
    </a>
  );
}

/** `zone`: the office's time zone (site.yaml), for when the phone opens the page without signal. */
export default function FieldVisits({ zone }: { zone: TimeZoneLabel }) {
  const [account, setAccount] = useState<Account | null>(null);
  const [problem, setProblem] = useState('');
  const [route, setRoute] = useState<{ kind: CaseKind; id: string } | null | undefined>(undefined);

  useEffect(() => {
    const q = new URLSearchParams(window.location.search);
    const kind = q.get('jenis');
    const id = q.get('id') ?? '';
    setRoute((kind === 'permohonan' || kind === 'laporan') && id ? { kind, id } : null);
    whoAmI()
      .then((me) => {
        if (!me) return void window.location.assign(signInUrl());
        if (me.wajib_ganti_sandi) return void window.location.assign('/petugas/akun/');
        setAccount({ id: me.id, zone: me.kantor.zona });
      })
      .catch((err: unknown) => {
        // No signal on opening: visits waiting on this phone are still shown, and sent later.
        const record = staffClient().authStore.record;
        if (err instanceof Offline && record) setAccount({ id: record.id, zone });
        else setProblem(err instanceof Error ? err.message : 'Halaman tidak dapat dimuat.');
      });
  }, []);

  if (route === undefined || (!account && !problem)) {
    return (
      <>
        <h1>Kunjungan saya</h1>
        <p class="form-loading" aria-busy="true">
          Memuat…
        </p>
      </>
    );
  }
  if (!account) {
    return (
      <>
        <h1>Kunjungan saya</h1>
        <div class="error-summary" role="alert">
          <p>{problem}</p>
        </div>
      </>
    );
  }
  return route ? <VisitForm account={account} kind={route.kind} id={route.id} /> : <VisitList account={account} />;
}

// ------------------------------------------------------------------ the list

type OutboxState = { kode: string; judul: string; kind: CaseKind; id: string } & ({ state: 'waiting' } | { state: 'sent'; answer: AksiJawaban } | { state: 'refused'; message: string });

/**
 * Sends every visit on this phone that waits for the signal. Stops trying (and unlocks the draft
 * for correction) only when the office refuses it; a dropped connection or a server error waits.
 */
async function flushOutbox(account: Account): Promise<OutboxState[]> {
  const out: OutboxState[] = [];
  for (const draft of await pendingVisits(account.id)) {
    const v = draft.data;
    const base = { kode: v.kode, judul: v.judul, kind: v.jenis, id: v.id };
    if (!navigator.onLine) {
      out.push({ ...base, state: 'waiting' });
      continue;
    }
    try {
      const answer = await sendVisit(v, photosOf(draft));
      await clearVisit(account.id, v.jenis, v.id);
      out.push({ ...base, state: 'sent', answer });
    } catch (err) {
      if (err instanceof ApiRefusal && err.status === 401) {
        window.location.assign(signInUrl());
        return out;
      }
      if (err instanceof ApiRefusal && err.status < 500) {
        await saveVisit(account.id, { ...v, pending: false }, photosOf(draft));
        out.push({ ...base, state: 'refused', message: err.message });
      } else out.push({ ...base, state: 'waiting' });
    }
  }
  return out;
}

function VisitList({ account }: { account: Account }) {
  const [visits, setVisits] = useState<Kunjungan[] | null>(null);
  const [loadProblem, setLoadProblem] = useState('');
  const [outbox, setOutbox] = useState<OutboxState[]>([]);
  const busy = useRef(false);

  async function load() {
    try {
      setVisits(sortVisits(await api<Kunjungan[]>('/api/petugas/lapangan')));
      setLoadProblem('');
    } catch (err) {
      if (err instanceof ApiRefusal && err.status === 401) return void window.location.assign(signInUrl());
      setLoadProblem(err instanceof Offline ? 'Daftar kunjungan tidak dapat dimuat: tidak ada sinyal. Coba lagi saat sinyal kembali.' : (err as Error).message);
    }
  }

  /** Sends what waits on this phone, then shows the list as the office has it now. */
  async function flush() {
    if (busy.current) return;
    busy.current = true;
    try {
      setOutbox(await flushOutbox(account));
    } finally {
      busy.current = false;
    }
    await load();
  }

  useEffect(() => {
    void flush();
    const online = () => void flush();
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, []);

  const waiting = new Set(outbox.filter((o) => o.state === 'waiting').map((o) => o.id));

  return (
    <>
      <h1>Kunjungan saya</h1>
      {outbox.length > 0 && (
        <section class="ws-panel ws-outbox" aria-labelledby="kiriman">
          <h2 id="kiriman">Kiriman dari ponsel ini</h2>
          <ul>
            {outbox.map((o) => (
              <li key={o.id}>
                {o.state === 'sent' && (
                  <p role="status">
                    <strong>Terkirim:</strong> {o.judul} ({o.kode}). Tahap sekarang: {o.answer.status_label}.
                  </p>
                )}
                {o.state === 'waiting' && (
                  <p>
                    <strong>{o.judul} ({o.kode}).</strong> {OFFLINE_NOTICE}
                  </p>
                )}
                {o.state === 'refused' && (
                  <p role="alert">
                    <strong>
                      {o.judul} ({o.kode}) tidak dapat dikirim:
                    </strong>{' '}
                    {o.message} <a href={visitUrl(o.kind, o.id)}>Buka kunjungan ini</a> untuk memperbaikinya.
                  </p>
                )}
              </li>
            ))}
          </ul>
          {waiting.size > 0 && (
            <button type="button" class="button button--secondary" onClick={() => void flush()}>
              Kirim sekarang
            </button>
          )}
        </section>
      )}
      {loadProblem && (
        <div class="error-summary" role="alert">
          <p>{loadProblem}</p>
          <button type="button" class="button button--secondary" onClick={() => void load()}>
            Muat ulang daftar
          </button>
        </div>
      )}
      {visits === null && !loadProblem && (
        <p class="form-loading" aria-busy="true">
          Memuat daftar kunjungan…
        </p>
      )}
      {visits && visits.length === 0 && <p class="notice">Tidak ada kunjungan yang ditugaskan kepada Anda saat ini.</p>}
      {visits && visits.length > 0 && (
        <>
          <p>
            {visits.length} kunjungan, yang mendesak dan yang paling dekat batas waktunya di atas.
          </p>
          <ul class="ws-visits">
            {visits.map((v) => (
              <li key={`${v.jenis}-${v.id}`} class={`ws-visit${v.terlambat || v.mendesak ? ' ws-visit--alert' : ''}`}>
                <h2>
                  {v.judul} <span class="ws-visit-code">{v.kode}</span>
                </h2>
                {(v.mendesak || v.terlambat || waiting.has(v.id)) && (
                  <p class="ws-visit-tags">
                    {v.mendesak && <span class="ws-tag ws-tag--urgent">Mendesak</span>} {v.terlambat && <span class="ws-tag ws-tag--late">Terlambat</span>}{' '}
                    {waiting.has(v.id) && <span class="ws-tag ws-tag--flag">Belum terkirim</span>}
                  </p>
                )}
                <dl class="ws-visit-facts">
                  {v.nama && (
                    <div>
                      <dt>Nama</dt>
                      <dd>{v.nama}</dd>
                    </div>
                  )}
                  <div>
                    <dt>{v.jenis === 'laporan' ? 'Lokasi' : 'Alamat'}</dt>
                    <dd>{[v.alamat, v.desa_kelurahan, `Kecamatan ${v.kecamatan}`].filter(Boolean).join(', ')}</dd>
                  </div>
                  {v.telepon && (
                    <div>
                      <dt>{v.jenis === 'laporan' ? 'Telepon pelapor' : 'Telepon'}</dt>
                      <dd>
                        <Phone number={v.telepon} />
                      </dd>
                    </div>
                  )}
                  <div>
                    <dt>{v.jenis === 'laporan' ? 'Yang dilaporkan' : 'Langkah SOP'}</dt>
                    <dd>{v.kegiatan}</dd>
                  </div>
                  {v.jenis === 'laporan' && v.tujuan.length > 0 && (
                    <div>
                      <dt>Yang dapat Anda catat</dt>
                      <dd>{v.tujuan.map((t) => t.label).join(', ')}</dd>
                    </div>
                  )}
                  {v.batas_tahap && (
                    <div>
                      <dt>Batas waktu</dt>
                      <dd>{formatDateTime(v.batas_tahap, account.zone)}</dd>
                    </div>
                  )}
                </dl>
                <p class="ws-visit-actions">
                  <a class="button" href={visitUrl(v.jenis, v.id)}>
                    Catat kunjungan<span class="visually-hidden"> {v.kode}</span>
                  </a>
                  {v.peta && <MapLink href={v.peta} what={v.kode} />}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

// ------------------------------------------------------------------ the form

type Gps = { state: 'idle' | 'asking' | 'set' | 'denied' | 'unavailable' };

type Stage =
  | { kind: 'loading' }
  | { kind: 'missing'; message: string }
  | { kind: 'nothing' }
  | { kind: 'offline' }
  | { kind: 'form' }
  | { kind: 'sent'; answer: AksiJawaban; draft: VisitDraft; photos: number; at: string };

/** The action this person records on the case: the SOP step, a report's status, or a note. */
function actionOf(kasus: Kasus): { step: AksiTersedia | null; status: AksiTersedia | null; note: boolean } {
  const find = (a: string) => kasus.aksi.find((x) => x.aksi === a) ?? null;
  return { step: kasus.jenis === 'permohonan' ? find('langkah') : null, status: kasus.jenis === 'laporan' ? find('status') : null, note: kasus.jenis === 'laporan' && find('catatan') !== null };
}

function VisitForm({ account, kind, id }: { account: Account; kind: CaseKind; id: string }) {
  const [stage, setStage] = useState<Stage>({ kind: 'loading' });
  const [kasus, setKasus] = useState<Kasus | null>(null);
  const [input, setInput] = useState<VisitInput>(EMPTY_VISIT);
  const [photos, setPhotos] = useState<File[]>([]);
  const [photoNotes, setPhotoNotes] = useState<string[]>([]);
  const [submissionId, setSubmissionId] = useState('');
  const [pending, setPendingState] = useState(false);
  // The same, readable at once: an autosave timer that fires while a send is being stored must not
  // store the draft again as "not sent" (the waiting visit would then never go).
  const pendingRef = useRef(false);
  const setPending = (value: boolean) => {
    pendingRef.current = value;
    setPendingState(value);
  };
  const [restored, setRestored] = useState(false);
  const [hasDraft, setHasDraft] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState('');
  const [compressing, setCompressing] = useState<{ done: number; total: number } | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [gps, setGps] = useState<Gps>({ state: 'idle' });
  const ready = useRef(false);
  // The draft as last kept: names the visit while the case cannot be read from the office.
  const kept = useRef<VisitDraft | null>(null);
  const sending = useRef(false);
  const doneRef = useRef<HTMLDivElement>(null);
  const noticeRef = useRef<HTMLDivElement>(null);

  const action = kasus ? actionOf(kasus) : { step: null, status: null, note: false };
  const needs: VisitNeeds = { result: Boolean(action.step?.perlu.includes('hasil_verifikasi')), targets: action.status?.tujuan ?? [] };

  function draftOf(overrides: Partial<VisitDraft> = {}): VisitDraft {
    const target = needs.targets.find((t) => t.id === input.status);
    const kegiatan = input.aksi === 'langkah' ? action.step?.keterangan : input.aksi === 'status' ? target?.label : 'Catatan kunjungan';
    const prior = kept.current;
    return { jenis: kind, id, kode: kasus?.kode || prior?.kode || '', judul: kasus?.judul || prior?.judul || '', input, submissionId, pending, kegiatan: kegiatan || prior?.kegiatan || '', ...overrides };
  }

  async function keep(draft: VisitDraft, files: File[]) {
    kept.current = draft;
    setHasDraft(true);
    await saveVisit(account.id, draft, files);
  }

  async function attempt(draft: VisitDraft, files: File[], force = false) {
    if (sending.current) return;
    if (!force && !navigator.onLine) {
      setNotice(OFFLINE_NOTICE);
      return;
    }
    sending.current = true;
    setProgress(files.length > 0 ? 0 : null);
    try {
      const answer = await sendVisit(draft, files, setProgress);
      await clearVisit(account.id, kind, id);
      setPending(false);
      setNotice('');
      setStage({ kind: 'sent', answer, draft, photos: files.length, at: new Date().toISOString() });
    } catch (err) {
      if (err instanceof ApiRefusal && err.status === 401) return void window.location.assign(signInUrl());
      if (err instanceof ApiRefusal && err.status < 500) {
        // The office refused it: unlock the form so it can be corrected (same submission id).
        setPending(false);
        await keep({ ...draft, pending: false }, files);
        setNotice('');
        setErrors(Object.keys(err.fields).length > 0 ? err.fields : { kirim: err.message });
      } else {
        setNotice(err instanceof Offline ? OFFLINE_NOTICE : 'Belum terkirim: server kantor sedang bermasalah. Data tersimpan di ponsel ini dan dikirim lagi otomatis.');
      }
    } finally {
      sending.current = false;
      setProgress(null);
    }
  }

  // Open: the draft on this phone first (it may be waiting to go), then the case from the office.
  useEffect(() => {
    let cancelled = false;
    (async () => {
      const draft = await loadVisit(account.id, kind, id);
      const files = draft ? photosOf(draft) : [];
      if (draft) {
        kept.current = draft.data;
        setHasDraft(true);
        setInput({ ...EMPTY_VISIT, ...draft.data.input });
        setSubmissionId(draft.data.submissionId);
        setPhotos(files);
        setPhotoNotes(files.map(() => ''));
        setPending(draft.data.pending);
        setRestored(!draft.data.pending);
        if (draft.data.input.lintang) setGps({ state: 'set' });
      } else setSubmissionId(newSubmissionId());
      let found: Kasus | null = null;
      try {
        found = await api<Kasus>(`/api/petugas/kasus/${encodeURIComponent(kind)}/${encodeURIComponent(id)}`);
      } catch (err) {
        if (cancelled) return;
        if (err instanceof ApiRefusal && err.status === 401) return void window.location.assign(signInUrl());
        if (err instanceof ApiRefusal) return setStage({ kind: 'missing', message: err.message });
        if (!draft?.data.pending) return setStage({ kind: 'offline' });
      }
      if (cancelled) return;
      if (found) {
        setKasus(found);
        document.title = `Catat kunjungan ${found.kode} | ${document.title.split(' | ').slice(1).join(' | ')}`;
      }
      if (draft?.data.pending) {
        setStage({ kind: 'form' });
        ready.current = true;
        await attempt(draft.data, files);
        return;
      }
      const a = found ? actionOf(found) : null;
      if (!a || (!a.step && !a.status && !a.note)) return setStage({ kind: 'nothing' });
      if (!draft) setInput({ ...EMPTY_VISIT, aksi: a.step ? 'langkah' : a.status ? 'status' : 'catatan' });
      setStage({ kind: 'form' });
      ready.current = true;
    })();
    return () => {
      cancelled = true;
    };
  }, []);

  // Sends by itself when the signal returns, and keeps trying now and then while it waits.
  useEffect(() => {
    if (!pending || stage.kind !== 'form') return;
    const retry = () => void attempt(draftOf({ pending: true }), photos);
    window.addEventListener('online', retry);
    const timer = window.setInterval(() => navigator.onLine && retry(), RETRY_MS);
    return () => {
      window.removeEventListener('online', retry);
      window.clearInterval(timer);
    };
  }, [pending, stage.kind, input, photos, submissionId, kasus]);

  // The draft follows every change, so closing the app loses nothing.
  useAutosave(
    () => {
      if (pendingRef.current) return;
      const empty = !input.hasil_verifikasi && !input.status && !input.catatan_internal && !input.catatan_publik && !input.lintang && photos.length === 0;
      if (empty) void clearVisit(account.id, kind, id).then(() => setHasDraft(false));
      else void keep(draftOf({ pending: false }), photos);
    },
    [input, photos],
    ready.current && stage.kind === 'form' && !pending,
    () => {
      if (!pendingRef.current) stashVisit(account.id, draftOf({ pending: false }));
    },
  );

  useEffect(() => {
    if (stage.kind === 'sent') doneRef.current?.focus();
  }, [stage.kind]);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const thumbs = useMemo(() => photos.map((p) => URL.createObjectURL(p)), [photos]);
  useEffect(() => () => thumbs.forEach((u) => URL.revokeObjectURL(u)), [thumbs]);

  // Messages stay until the next send (as on the public forms): the summary keeps its place.
  const change = (values: Partial<VisitInput>) => setInput((v) => ({ ...v, ...values }));
  const set = (field: 'catatan_internal' | 'catatan_publik') => (e: { currentTarget: { value: string } }) => change({ [field]: e.currentTarget.value });

  function locate() {
    if (!('geolocation' in navigator)) return setGps({ state: 'unavailable' });
    setGps({ state: 'asking' });
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setInput((v) => ({ ...v, lintang: pos.coords.latitude.toFixed(6), bujur: pos.coords.longitude.toFixed(6), akurasi: Math.round(pos.coords.accuracy) }));
        setGps({ state: 'set' });
      },
      (err) => setGps({ state: err.code === err.PERMISSION_DENIED ? 'denied' : 'unavailable' }),
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
    );
  }

  async function addPhotos(list: File[]) {
    if (list.length === 0) return;
    const room = MAX_VISIT_PHOTOS - photos.length;
    const chosen = list.slice(0, room);
    const added: File[] = [];
    const notes: string[] = [];
    let problem = list.length > room ? `Paling banyak ${MAX_VISIT_PHOTOS} foto kunjungan; foto selebihnya tidak diambil.` : '';
    setCompressing({ done: 0, total: chosen.length });
    try {
      // Loaded only when a photo is chosen, as on the public forms.
      const lib = await import('../lib/photo-compress');
      for (const [i, file] of chosen.entries()) {
        setCompressing({ done: i, total: chosen.length });
        if (!isImage(file)) {
          problem = 'Foto kunjungan harus berupa JPG, PNG, atau WebP.';
          continue;
        }
        try {
          const r = await lib.compressImage(file);
          if (r.file.size > MAX_VISIT_PHOTO_BYTES) {
            problem = 'Foto terlalu besar. Paling besar 5 MB; ambil ulang dengan resolusi lebih kecil.';
            continue;
          }
          added.push(r.file);
          notes.push(r.compressed ? `diperkecil dari ${humanSize(r.originalBytes)}` : '');
        } catch (err) {
          problem = err instanceof Error && err.message !== lib.MESSAGE_UNREADABLE ? err.message : 'Berkas ini bukan foto yang dapat dibaca. Pilih foto JPG, PNG, atau WebP.';
        }
      }
    } catch {
      problem = 'Foto tidak dapat diproses: bagian halaman ini belum termuat. Periksa sinyal, lalu pilih foto lagi.';
    } finally {
      setCompressing(null);
    }
    setPhotos((p) => [...p, ...added].slice(0, MAX_VISIT_PHOTOS));
    setPhotoNotes((n) => [...n, ...notes].slice(0, MAX_VISIT_PHOTOS));
    setErrors((e) => {
      const copy = { ...e };
      if (problem) copy['foto'] = problem;
      else delete copy['foto'];
      return copy;
    });
  }

  function removePhoto(i: number) {
    setPhotos((list) => list.filter((_, j) => j !== i));
    setPhotoNotes((list) => list.filter((_, j) => j !== i));
  }

  async function submit(event: Event) {
    event.preventDefault();
    if (sending.current || compressing) return;
    const found = visitProblems(input, needs);
    if (photos.length > MAX_VISIT_PHOTOS) found['foto'] = `Paling banyak ${MAX_VISIT_PHOTOS} foto kunjungan.`;
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const draft = draftOf({ pending: true });
    // On the phone before anything goes out: a send cut short is sent again, the same one.
    setPending(true);
    await keep(draft, photos);
    setRestored(false);
    await attempt(draft, photos);
  }

  async function edit() {
    setPending(false);
    setNotice('');
    await keep(draftOf({ pending: false }), photos);
  }

  async function discard() {
    await clearVisit(account.id, kind, id);
    kept.current = null;
    setHasDraft(false);
    setInput((v) => ({ ...EMPTY_VISIT, aksi: v.aksi }));
    setPhotos([]);
    setPhotoNotes([]);
    setGps({ state: 'idle' });
    setPending(false);
    setRestored(false);
  }

  const back = (
    <p>
      <a href="/petugas/kunjungan/">Kembali ke daftar kunjungan</a>
    </p>
  );

  if (stage.kind === 'loading') {
    return (
      <>
        <h1>Catat kunjungan</h1>
        <p class="form-loading" aria-busy="true">
          Memuat kunjungan…
        </p>
      </>
    );
  }
  if (stage.kind === 'missing' || stage.kind === 'offline' || stage.kind === 'nothing') {
    return (
      <>
        <h1>Catat kunjungan</h1>
        <div class={stage.kind === 'nothing' ? 'notice' : 'error-summary'} role={stage.kind === 'nothing' ? 'status' : 'alert'}>
          <p>
            {stage.kind === 'missing' && stage.message}
            {stage.kind === 'offline' && 'Kunjungan tidak dapat dimuat: tidak ada sinyal. Buka lagi halaman ini saat sinyal kembali.'}
            {stage.kind === 'nothing' && 'Tidak ada yang perlu Anda catat pada kasus ini sekarang; langkah ini mungkin sudah dicatat.'}
          </p>
        </div>
        {hasDraft && (
          <p>
            Isian kunjungan ini masih tersimpan di ponsel.{' '}
            <button type="button" class="link-button" onClick={() => void discard()}>
              Hapus isian dari ponsel ini
            </button>
          </p>
        )}
        {back}
      </>
    );
  }

  if (stage.kind === 'sent') {
    const { answer, draft } = stage;
    const v = draft.input;
    return (
      <>
        <h1>Catat kunjungan</h1>
        <div class="panel ws-sent" tabIndex={-1} ref={doneRef} role="status" aria-labelledby="terkirim">
          <h2 id="terkirim">Kunjungan tercatat</h2>
          <p>
            {draft.judul} ({draft.kode}), dikirim {formatDateTime(stage.at, account.zone)}.
            {answer.ulang && ' Kunjungan ini sudah sampai ke kantor pada pengiriman sebelumnya, dan tidak dicatat dua kali.'}
          </p>
          <dl class="summary">
            <div class="summary-row">
              <dt>{v.aksi === 'status' ? 'Status dicatat' : 'Langkah'}</dt>
              <dd>{draft.kegiatan}</dd>
            </div>
            {v.hasil_verifikasi && (
              <div class="summary-row">
                <dt>Hasil kunjungan</dt>
                <dd>{RESULT_LABEL[v.hasil_verifikasi]}</dd>
              </div>
            )}
            {v.catatan_publik.trim() && (
              <div class="summary-row">
                <dt>Keterangan untuk pelapor</dt>
                <dd>{v.catatan_publik.trim()}</dd>
              </div>
            )}
            <div class="summary-row">
              <dt>Catatan kunjungan</dt>
              <dd>{v.catatan_internal.trim() || 'Tidak ada'}</dd>
            </div>
            {v.aksi === 'langkah' && (
              <>
                <div class="summary-row">
                  <dt>Foto</dt>
                  <dd>{stage.photos > 0 ? `${stage.photos} foto` : 'Tidak ada'}</dd>
                </div>
                <div class="summary-row">
                  <dt>Lokasi ponsel</dt>
                  <dd>{v.lintang ? 'Terlampir' : 'Tidak dilampirkan'}</dd>
                </div>
              </>
            )}
            <div class="summary-row">
              <dt>Tahap sekarang</dt>
              <dd>{answer.status_label}</dd>
            </div>
          </dl>
        </div>
        {back}
      </>
    );
  }

  const fieldIds: Record<string, string> = {};
  for (const key of Object.keys(errors)) fieldIds[key] = key === 'kirim' ? 'kirim' : `f-${key}`;
  const k = kasus;
  const isReport = kind === 'laporan';
  const busy = progress !== null || compressing !== null;

  return (
    <>
      <h1>Catat kunjungan</h1>
      {k && (
        <section class="ws-panel ws-visit-case" aria-labelledby="kasus-judul">
          <h2 id="kasus-judul">
            {k.judul} <span class="ws-visit-code">{k.kode}</span>
          </h2>
          {(k.terlambat || k.laporan?.urgensi === 'mendesak') && (
            <p class="ws-visit-tags">
              {k.laporan?.urgensi === 'mendesak' && <span class="ws-tag ws-tag--urgent">Mendesak</span>} {k.terlambat && <span class="ws-tag ws-tag--late">Terlambat</span>}
            </p>
          )}
          <dl class="ws-visit-facts">
            {k.orang.nama && (
              <div>
                <dt>{isReport ? 'Pelapor' : 'Nama'}</dt>
                <dd>{k.orang.nama}</dd>
              </div>
            )}
            <div>
              <dt>{isReport ? 'Lokasi' : 'Alamat'}</dt>
              <dd>{[isReport ? k.laporan?.patokan : k.orang.alamat, k.orang.desa_kelurahan, `Kecamatan ${k.orang.kecamatan}`].filter(Boolean).join(', ')}</dd>
            </div>
            {k.orang.telepon && (
              <div>
                <dt>{isReport ? 'Telepon pelapor' : 'Telepon'}</dt>
                <dd>
                  <Phone number={k.orang.telepon} />
                </dd>
              </div>
            )}
            {isReport && k.laporan?.deskripsi && (
              <div>
                <dt>Yang dilaporkan</dt>
                <dd>{k.laporan.deskripsi}</dd>
              </div>
            )}
            {action.step && (
              <div>
                <dt>Langkah SOP</dt>
                <dd>{action.step.keterangan}</dd>
              </div>
            )}
            {k.batas_tahap && (
              <div>
                <dt>Batas waktu</dt>
                <dd>{formatDateTime(k.batas_tahap, account.zone)}</dd>
              </div>
            )}
          </dl>
          {k.peta && (
            <p>
              <MapLink href={k.peta} what={k.kode} />
            </p>
          )}
        </section>
      )}

      {notice && (
        <div class="notice ws-offline" role="alert" tabIndex={-1} ref={noticeRef}>
          <p>{notice}</p>
          {pending && (
            <button type="button" class="button button--secondary" onClick={() => void attempt(draftOf({ pending: true }), photos, true)} disabled={busy}>
              Coba kirim sekarang
            </button>
          )}
        </div>
      )}
      {progress !== null && <UploadProgress id="kunjungan-progres" what="hasil kunjungan" fraction={progress} />}

      {pending ? (
        <section class="ws-panel" aria-labelledby="menunggu">
          <h2 id="menunggu">Menunggu dikirim</h2>
          <dl class="summary">
            {input.hasil_verifikasi && (
              <div class="summary-row">
                <dt>Hasil kunjungan</dt>
                <dd>{RESULT_LABEL[input.hasil_verifikasi]}</dd>
              </div>
            )}
            {input.aksi === 'status' && (
              <div class="summary-row">
                <dt>Status</dt>
                <dd>{needs.targets.find((t) => t.id === input.status)?.label ?? input.status}</dd>
              </div>
            )}
            <div class="summary-row">
              <dt>Catatan kunjungan</dt>
              <dd>{input.catatan_internal.trim() || 'Tidak ada'}</dd>
            </div>
            {input.aksi === 'langkah' && (
              <>
                <div class="summary-row">
                  <dt>Foto</dt>
                  <dd>{photos.length > 0 ? `${photos.length} foto` : 'Tidak ada'}</dd>
                </div>
                <div class="summary-row">
                  <dt>Lokasi ponsel</dt>
                  <dd>{input.lintang ? 'Terlampir' : 'Tidak dilampirkan'}</dd>
                </div>
              </>
            )}
          </dl>
          <p>
            <button type="button" class="link-button" onClick={() => void edit()} disabled={busy}>
              Ubah isian sebelum terkirim
            </button>
          </p>
        </section>
      ) : (
        <form onSubmit={submit} noValidate aria-labelledby="isian-judul">
          <h2 id="isian-judul">Hasil kunjungan</h2>
          <ErrorSummary errors={errors} fieldIds={fieldIds} />
          {errors['kirim'] && (
            <p class="error-message" id="kirim">
              {errors['kirim']}
            </p>
          )}
          <p class="notice draft-notice">
            Isian disimpan di ponsel ini sejak huruf pertama, termasuk foto. Bila sinyal hilang, hasil kunjungan dikirim otomatis saat sinyal kembali.
          </p>
          {restored && (
            <p role="status">
              Isian yang tersimpan di ponsel ini sudah dipulihkan.{' '}
              <button type="button" class="link-button" onClick={() => void discard()}>
                Kosongkan isian
              </button>
            </p>
          )}

          {input.aksi === 'langkah' && needs.result && (
            <Field id="hasil_verifikasi" error={errors['hasil_verifikasi']} legend="Apakah pemohon layak menerima layanan ini?" hint="Menurut yang Anda lihat di rumah pemohon.">
              <div class="radios">
                {(['layak', 'tidak_layak'] as const).map((value, i) => (
                  <label key={value} class="radio">
                    <input type="radio" id={i === 0 ? 'f-hasil_verifikasi' : undefined} name="hasil_verifikasi" value={value} checked={input.hasil_verifikasi === value} onChange={() => change({ hasil_verifikasi: value })} />
                    {RESULT_LABEL[value]}
                  </label>
                ))}
              </div>
            </Field>
          )}

          {isReport && (action.status || action.note) && (
            <Field id="status" error={errors['status']} legend="Apa yang terjadi pada kunjungan ini?">
              <div class="radios">
                {needs.targets.map((t, i) => (
                  <label key={t.id} class="radio">
                    <input type="radio" id={i === 0 ? 'f-status' : undefined} name="status" value={t.id} checked={input.aksi === 'status' && input.status === t.id} onChange={() => change({ aksi: 'status', status: t.id })} />
                    {t.label}
                  </label>
                ))}
                {action.note && (
                  <label class="radio">
                    <input type="radio" id={needs.targets.length === 0 ? 'f-status' : undefined} name="status" value={NOTE_ONLY} checked={input.aksi === 'catatan'} onChange={() => change({ aksi: 'catatan', status: '' })} />
                    Belum ada perubahan, hanya catatan
                  </label>
                )}
              </div>
            </Field>
          )}
          {isReport && input.aksi === 'status' && (
            <Field
              id="catatan_publik"
              error={errors['catatan_publik']}
              label={needs.targets.find((t) => t.id === input.status)?.perlu_alasan ? 'Alasan untuk pelapor' : 'Keterangan untuk pelapor (tidak wajib)'}
              hint="Tampil di halaman lacak. Jangan menulis nama atau data pribadi."
            >
              <textarea id="f-catatan_publik" rows={3} value={input.catatan_publik} onInput={set('catatan_publik')} aria-describedby="f-catatan_publik-petunjuk" aria-invalid={errors['catatan_publik'] ? 'true' : undefined} />
            </Field>
          )}

          <Field
            id="catatan_internal"
            error={errors['catatan_internal']}
            label={input.aksi === 'catatan' ? 'Catatan kunjungan' : 'Catatan kunjungan (tidak wajib)'}
            hint="Yang Anda lihat dan dengar: kondisi rumah dan orangnya, siapa yang ditemui. Hanya dibaca petugas."
          >
            <textarea id="f-catatan_internal" rows={4} value={input.catatan_internal} onInput={set('catatan_internal')} aria-describedby="f-catatan_internal-petunjuk" aria-invalid={errors['catatan_internal'] ? 'true' : undefined} />
          </Field>

          {input.aksi === 'langkah' && (
            <>
              <Field id="foto" error={errors['foto']} label={`Foto kunjungan (tidak wajib, paling banyak ${MAX_VISIT_PHOTOS})`} hint="Foto diperkecil di ponsel sebelum dikirim agar hemat kuota. Hanya dilihat petugas.">
                <div>
                  {photos.length > 0 && (
                    <ul class="ws-photos" id="f-foto-terpilih">
                      {photos.map((p, i) => (
                        <li key={`${p.name}-${i}`}>
                          <img src={thumbs[i]} alt={`Foto ${i + 1}`} width="96" height="96" />
                          <span>
                            {p.name} ({humanSize(p.size)}
                            {photoNotes[i] ? `, ${photoNotes[i]}` : ''}){' '}
                            <button type="button" class="link-button" onClick={() => removePhoto(i)}>
                              Hapus<span class="visually-hidden"> foto {i + 1}</span>
                            </button>
                          </span>
                        </li>
                      ))}
                    </ul>
                  )}
                  {photos.length < MAX_VISIT_PHOTOS && (
                    <input
                      type="file"
                      id="f-foto"
                      accept="image/jpeg,image/png,image/webp,image/*"
                      multiple
                      disabled={compressing !== null}
                      onChange={(e) => {
                        const files = Array.from(e.currentTarget.files ?? []);
                        e.currentTarget.value = '';
                        void addPhotos(files);
                      }}
                      aria-describedby="f-foto-petunjuk"
                      aria-invalid={errors['foto'] ? 'true' : undefined}
                    />
                  )}
                  {compressing && (
                    <p class="hint" role="status">
                      Memperkecil foto {compressing.done + 1} dari {compressing.total}…
                    </p>
                  )}
                </div>
              </Field>

              <Field
                id="lintang"
                error={errors['lintang']}
                legend="Lokasi ponsel saat kunjungan (tidak wajib)"
                hint="Bila Anda izinkan, ponsel mencatat di mana kunjungan dilakukan, sebagai bukti kunjungan. Hanya dilihat petugas. Menolak izin tidak apa-apa: kunjungan tetap dapat dikirim."
              >
                <div>
                  {gps.state === 'set' ? (
                    <p class="file-chosen" role="status">
                      Lokasi ponsel terpasang{input.akurasi ? ` (ketepatan sekitar ${input.akurasi} m)` : ''}.{' '}
                      <button type="button" class="link-button" onClick={() => (setInput((v) => ({ ...v, lintang: '', bujur: '', akurasi: null })), setGps({ state: 'idle' }))}>
                        Hapus lokasi
                      </button>
                    </p>
                  ) : (
                    <button type="button" class="button button--secondary" id="f-lintang" onClick={locate} disabled={gps.state === 'asking'} aria-describedby="f-lintang-petunjuk">
                      {gps.state === 'asking' ? 'Mencari lokasi…' : 'Pakai lokasi saya sekarang'}
                    </button>
                  )}
                  {gps.state === 'denied' && <p role="status">Izin lokasi tidak diberikan. Tidak apa-apa: kunjungan tetap dapat dikirim tanpa lokasi.</p>}
                  {gps.state === 'unavailable' && <p role="status">Lokasi ponsel tidak dapat dibaca saat ini. Kunjungan tetap dapat dikirim tanpa lokasi.</p>}
                </div>
              </Field>
            </>
          )}

          <button class="button" type="submit" disabled={busy}>
            {progress !== null ? 'Mengirim…' : 'Kirim hasil kunjungan'}
          </button>
        </form>
      )}
      {back}
    </>
  );
}
