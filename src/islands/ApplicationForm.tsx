import { useEffect, useRef, useState } from 'preact/hooks';

/** Any input, textarea or select event: only the value is read. */
type ValueEvent = { currentTarget: { value: string } };
import { ErrorSummary } from '../components/ErrorSummary';
import { FormField as Field, KecamatanField, UploadProgress } from '../components/FormField';
import { newSubmissionId, upload } from '../lib/submit';
import { applicationErrors } from '../lib/validation/application';
import type { ApplicationContext, ApplicationInput, FileInfo, ServiceRules } from '../lib/rules/application';
import { acceptedTypesText } from '../lib/rules/application';
import { formatWorkingTime } from '../lib/duration';
import { formatDate, formatDateTime, MONTHS, type TimeZoneLabel } from '../lib/format';
import { zoneOffsetHours } from '../lib/rules/working-time';
import { humanSize, isImage } from '../lib/file-kind';
import { clearDraft, draftsAvailable, loadDraft, saveDraft, stashDraft } from '../lib/draft-store';
import { useAutosave } from '../lib/use-autosave';
import { pocketbaseFieldErrors, type FieldErrors } from '../lib/validation/errors';

import type { ResolvedDocument as FormDocument } from '../lib/service-rules';

interface Props {
  service: Omit<ServiceRules, 'documents'> & { documents: FormDocument[] };
  stages: { label: string; minutes: number }[];
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

const DATA_FIELDS = ['pemohon_adalah', 'nama_pengaju', 'hubungan', 'nama_lengkap', 'nik', 'nomor_kk', 'tanggal_lahir', 'telepon', 'kecamatan', 'desa_kelurahan', 'alamat'] as const;
type DataField = (typeof DATA_FIELDS)[number];
type Birth = { hari: string; bulan: string; tahun: string };

interface DraftData {
  step: Step;
  answers: Record<string, string>;
  input: Record<DataField, string>;
  birth: Birth;
  submissionId: string;
}

interface Sent {
  code: string;
  at: string;
  documents: string[];
}

const EMPTY_INPUT: Record<DataField, string> = {
  pemohon_adalah: '',
  nama_pengaju: '',
  hubungan: '',
  nama_lengkap: '',
  nik: '',
  nomor_kk: '',
  tanggal_lahir: '',
  telepon: '',
  kecamatan: '',
  desa_kelurahan: '',
  alamat: '',
};


function birthDate(b: Birth): string {
  if (!b.hari.trim() && !b.bulan.trim() && !b.tahun.trim()) return '';
  return `${b.tahun.trim().padStart(4, '0')}-${b.bulan.trim().padStart(2, '0')}-${b.hari.trim().padStart(2, '0')}`;
}

/** Where the error summary links for a field. */
function fieldId(field: string): string {
  return field === 'tanggal_lahir' ? 'f-tanggal_lahir-hari' : `f-${field}`;
}


export default function ApplicationForm({ service, stages, kecamatan, office }: Props) {
  const draftKey = `permohonan:${service.id}`;
  const [step, setStep] = useState<Step>('kelayakan');
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [input, setInput] = useState<Record<DataField, string>>(EMPTY_INPUT);
  const [birth, setBirth] = useState<Birth>({ hari: '', bulan: '', tahun: '' });
  const [files, setFiles] = useState<Record<string, File | null>>({});
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
        setStep(draft.data.step === 'terkirim' ? 'periksa' : draft.data.step);
        setAnswers(draft.data.answers ?? {});
        setInput({ ...EMPTY_INPUT, ...draft.data.input });
        setBirth(draft.data.birth ?? { hari: '', bulan: '', tahun: '' });
        setSubmissionId(draft.data.submissionId);
        const restored: Record<string, File | null> = {};
        for (const [key, f] of Object.entries(draft.files)) restored[key] = new File([f.blob], f.name, { type: f.type });
        setFiles(restored);
        setRestoredAt(draft.savedAt);
      } else {
        setSubmissionId(newSubmissionId());
      }
      setReady(true);
    });
    return () => {
      cancelled = true;
    };
  }, []);

  // Keep the draft up to date (text and files) until the application is sent.
  useAutosave(
    () => void saveDraft<DraftData>(draftKey, { step, answers, input, birth, submissionId }, files),
    [step, answers, input, birth, files, submissionId],
    ready && !sent,
    () => stashDraft<DraftData>(draftKey, { step, answers, input, birth, submissionId }),
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

  function fileInfos(): Record<string, FileInfo | null> {
    const infos: Record<string, FileInfo | null> = {};
    for (const [key, file] of Object.entries(files)) infos[key] = file ? { size: file.size, type: file.type } : null;
    return infos;
  }

  function fieldsOf(s: Step): string[] {
    if (s === 'kelayakan') return service.questions.map((q) => `kelayakan_${q.id}`);
    if (s === 'data') return [...DATA_FIELDS];
    if (s === 'dokumen') return service.documents.map((d) => d.key);
    return ['persetujuan_versi', 'id_pengiriman', 'layanan'];
  }

  function errorsFor(s: Step): FieldErrors {
    const all = applicationErrors(fullInput(), fileInfos(), context);
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
    if (Object.keys(found).length > 0) return;
    const order: Step[] = ['kelayakan', 'data', 'dokumen', 'periksa'];
    setStep(order[order.indexOf(from) + 1]!);
  }

  function goTo(target: Step, focusField?: string) {
    setErrors({});
    pendingFocus.current = focusField ?? null;
    setStep(target);
  }

  async function chooseFile(doc: FormDocument, file: File | null) {
    setErrors((e) => {
      const copy = { ...e };
      delete copy[doc.key];
      return copy;
    });
    if (!file) return;
    let chosen = file;
    let note = '';
    if (isImage(file)) {
      setProcessing((p) => ({ ...p, [doc.key]: true }));
      try {
        // Loaded only now: pages without a chosen photo never download the compressor.
        const { compressImage } = await import('../lib/photo-compress');
        const result = await compressImage(file);
        chosen = result.file;
        if (result.compressed) note = `Foto diperkecil dari ${humanSize(result.originalBytes)} menjadi ${humanSize(result.outputBytes)}.`;
      } catch (err) {
        setProcessing((p) => ({ ...p, [doc.key]: false }));
        setErrors((e) => ({ ...e, [doc.key]: err instanceof Error ? err.message : 'Foto tidak dapat dibaca. Pilih foto lain.' }));
        return;
      }
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
    const all = applicationErrors(fullInput(), fileInfos(), context);
    if (Object.keys(all).length > 0) {
      setErrors(ordered(all));
      return;
    }
    setErrors({});
    setSendProblem('');
    const body = new FormData();
    for (const [key, value] of Object.entries(fullInput())) body.append(key, key === 'jawaban_kelayakan' ? JSON.stringify(value) : String(value));
    for (const [key, file] of Object.entries(files)) if (file) body.append(key, file, file.name);
    setProgress(0);
    try {
      const res = await upload('/api/collections/permohonan/records', body, setProgress);
      if (res.status === 200 && typeof res.body['kode_lacak'] === 'string') {
        const done: Sent = {
          code: res.body['kode_lacak'],
          at: new Date().toISOString(),
          documents: service.documents.filter((d) => files[d.key]).map((d) => d.label),
        };
        setSent(done);
        setStep('terkirim');
        void clearDraft(draftKey);
      } else if (res.status === 400) {
        const fieldErrors = pocketbaseFieldErrors(res.body);
        setErrors(ordered(fieldErrors));
        // Send the person to the first step with a problem.
        const firstStep = (['kelayakan', 'data', 'dokumen', 'periksa'] as Step[]).find((s) => fieldsOf(s).some((f) => fieldErrors[f]));
        if (firstStep && firstStep !== 'periksa') setStep(firstStep);
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
    await clearDraft(draftKey);
    setAnswers({});
    setInput(EMPTY_INPUT);
    setBirth({ hari: '', bulan: '', tahun: '' });
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
    return <Confirmation sent={sent} service={service} stages={stages} office={office} />;
  }

  const setText = (field: DataField) => (e: ValueEvent) =>
    setInput((v) => ({ ...v, [field]: e.currentTarget.value }));

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
          <button type="button" class="link-button" onClick={startOver}>
            Hapus isian dan mulai dari awal
          </button>
        </p>
      )}
      <ErrorSummary errors={errors} fieldIds={fieldIds} />

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
        <form onSubmit={(e) => (e.preventDefault(), next('data'))} noValidate>
          <Field id="pemohon_adalah" error={errors['pemohon_adalah']} legend="Siapa yang mengajukan permohonan ini?">
            <div class="radios">
              {(
                [
                  ['diri_sendiri', 'Saya sendiri, untuk diri saya'],
                  ['mewakili', 'Saya mengajukan atas nama orang lain (keluarga, tetangga, atau sebagai petugas desa)'],
                ] as const
              ).map(([value, label], i) => (
                <label key={value} class="radio">
                  <input
                    type="radio"
                    id={i === 0 ? 'f-pemohon_adalah' : undefined}
                    name="pemohon_adalah"
                    value={value}
                    checked={input.pemohon_adalah === value}
                    onChange={() => setInput((v) => ({ ...v, pemohon_adalah: value }))}
                  />
                  {label}
                </label>
              ))}
            </div>
          </Field>
          {input.pemohon_adalah === 'mewakili' && (
            <>
              <TextField field="nama_pengaju" label="Nama Anda (yang mengajukan)" error={errors['nama_pengaju']} value={input.nama_pengaju} onInput={setText('nama_pengaju')} autocomplete="name" />
              <TextField field="hubungan" label="Hubungan Anda dengan penerima" hint="Misalnya anak, istri, tetangga, atau petugas desa." error={errors['hubungan']} value={input.hubungan} onInput={setText('hubungan')} />
            </>
          )}
          <h3>Data penerima layanan</h3>
          <TextField field="nama_lengkap" label="Nama lengkap sesuai KTP" error={errors['nama_lengkap']} value={input.nama_lengkap} onInput={setText('nama_lengkap')} autocomplete={input.pemohon_adalah === 'diri_sendiri' ? 'name' : 'off'} />
          <TextField field="nik" label="NIK" hint="16 angka, tercantum di KTP atau KK." error={errors['nik']} value={input.nik} onInput={setText('nik')} inputMode="numeric" maxLength={24} />
          <TextField field="nomor_kk" label="Nomor Kartu Keluarga (KK)" hint="16 angka di bagian atas KK." error={errors['nomor_kk']} value={input.nomor_kk} onInput={setText('nomor_kk')} inputMode="numeric" maxLength={24} />
          <Field id="tanggal_lahir" error={errors['tanggal_lahir']} legend="Tanggal lahir" hint="Sesuai KTP. Contoh: 17 8 1965">
            <div class="date-input">
              {(
                [
                  ['hari', 'Tanggal', 2],
                  ['bulan', 'Bulan', 2],
                  ['tahun', 'Tahun', 4],
                ] as const
              ).map(([part, label, size]) => (
                <div key={part} class={`date-part date-part--${part}`}>
                  <label for={`f-tanggal_lahir-${part}`}>{label}</label>
                  <input
                    type="text"
                    id={`f-tanggal_lahir-${part}`}
                    inputMode="numeric"
                    maxLength={size}
                    value={birth[part]}
                    onInput={(e) => setBirth((b) => ({ ...b, [part]: e.currentTarget.value.replace(/\D/g, '') }))}
                    aria-invalid={errors['tanggal_lahir'] ? 'true' : undefined}
                    autocomplete={input.pemohon_adalah === 'diri_sendiri' ? (part === 'hari' ? 'bday-day' : part === 'bulan' ? 'bday-month' : 'bday-year') : 'off'}
                  />
                </div>
              ))}
            </div>
            {birth.bulan && Number(birth.bulan) >= 1 && Number(birth.bulan) <= 12 && <span class="hint">Bulan {MONTHS[Number(birth.bulan) - 1]}</span>}
          </Field>
          <TextField field="telepon" type="tel" label="Nomor telepon atau WhatsApp yang dapat dihubungi" hint="Contoh: 0812-3456-7890. Petugas menghubungi nomor ini untuk jadwal kunjungan." error={errors['telepon']} value={input.telepon} onInput={setText('telepon')} autocomplete="tel" />
          <KecamatanField label="Kecamatan tempat tinggal" error={errors['kecamatan']} value={input.kecamatan} options={kecamatan} onChange={setText('kecamatan')} />
          <TextField field="desa_kelurahan" label="Desa atau kelurahan" error={errors['desa_kelurahan']} value={input.desa_kelurahan} onInput={setText('desa_kelurahan')} />
          <TextField field="alamat" label="Alamat" hint="Nama jalan, dusun, RT/RW, atau patokan agar petugas dapat menemukan rumah." error={errors['alamat']} value={input.alamat} onInput={setText('alamat')} multiline autocomplete="street-address" />
          <Nav back={() => goTo('kelayakan')} />
        </form>
      )}

      {step === 'dokumen' && (
        <form onSubmit={(e) => (e.preventDefault(), next('dokumen'))} noValidate>
          <p>Foto dokumen dengan kamera ponsel di tempat terang, seluruh halaman terlihat dan tulisan terbaca. Foto diperkecil otomatis di ponsel Anda sebelum dikirim agar hemat kuota.</p>
          {service.documents.map((doc) => {
            const chosen = files[doc.key];
            return (
              <Field key={doc.key} id={doc.key} error={errors[doc.key]} label={`${doc.label}${doc.required ? '' : ' (tidak wajib)'}`} hint={`${doc.hint} Berkas ${acceptedTypesText(doc.accept)}, paling besar ${doc.maxSizeMB} MB.`}>
                {chosen && (
                  <p class="file-chosen" id={`f-${doc.key}-terpilih`}>
                    Terpilih: <strong>{chosen.name}</strong> ({humanSize(chosen.size)}). {fileNotes[doc.key]}{' '}
                    <button type="button" class="link-button" onClick={() => removeFile(doc.key)}>
                      Hapus<span class="visually-hidden"> {doc.label}</span>
                    </button>
                  </p>
                )}
                <input
                  type="file"
                  id={`f-${doc.key}`}
                  accept={[...doc.accept, ...(doc.accept.some((a) => a.startsWith('image/')) ? ['image/*'] : [])].join(',')}
                  onChange={(e) => void chooseFile(doc, e.currentTarget.files?.[0] ?? null)}
                  aria-invalid={errors[doc.key] ? 'true' : undefined}
                  aria-describedby={`f-${doc.key}-petunjuk${chosen ? ` f-${doc.key}-terpilih` : ''}`}
                />
                {processing[doc.key] && (
                  <p class="hint" role="status">
                    Memperkecil foto…
                  </p>
                )}
              </Field>
            );
          })}
          <Nav back={() => goTo('data')} busy={Object.values(processing).some(Boolean)} />
        </form>
      )}

      {step === 'periksa' && (
        <form onSubmit={submit} noValidate>
          <h3>Jawaban Anda</h3>
          <dl class="summary">
            {service.questions.map((q) => (
              <Row key={q.id} label={q.question} value={answers[q.id] === 'ya' ? 'Ya' : 'Tidak'} change={() => goTo('kelayakan', `kelayakan_${q.id}`)} />
            ))}
            <Row label="Yang mengajukan" value={input.pemohon_adalah === 'mewakili' ? `${input.nama_pengaju} (${input.hubungan}), atas nama penerima` : 'Penerima sendiri'} change={() => goTo('data', 'pemohon_adalah')} />
            <Row label="Nama lengkap" value={input.nama_lengkap} change={() => goTo('data', 'nama_lengkap')} />
            <Row label="NIK" value={input.nik} change={() => goTo('data', 'nik')} />
            <Row label="Nomor KK" value={input.nomor_kk} change={() => goTo('data', 'nomor_kk')} />
            <Row label="Tanggal lahir" value={birthDate(birth) ? formatDate(birthDate(birth)) : ''} change={() => goTo('data', 'tanggal_lahir')} />
            <Row label="Telepon" value={input.telepon} change={() => goTo('data', 'telepon')} />
            <Row label="Alamat" value={`${input.alamat}, ${input.desa_kelurahan}, Kecamatan ${kecamatan.find((k) => k.id === input.kecamatan)?.name ?? ''}`} change={() => goTo('data', 'alamat')} />
            {service.documents.map((doc) => (
              <Row key={doc.key} label={doc.label} value={files[doc.key] ? `${files[doc.key]!.name} (${humanSize(files[doc.key]!.size)})` : 'Tidak dilampirkan'} change={() => goTo('dokumen', doc.key)} />
            ))}
          </dl>

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


function TextField(props: {
  field: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  value: string;
  onInput: (e: ValueEvent) => void;
  type?: 'text' | 'tel';
  inputMode?: 'numeric' | 'text' | 'tel';
  maxLength?: number;
  autocomplete?: string;
  multiline?: boolean;
}) {
  const { field, label, hint, error, value, onInput, type = 'text', inputMode, maxLength, autocomplete, multiline } = props;
  const describedBy = [hint && `f-${field}-petunjuk`, error && `f-${field}-galat`].filter(Boolean).join(' ') || undefined;
  const common = { id: `f-${field}`, name: field, value, onInput, 'aria-describedby': describedBy, 'aria-invalid': error ? ('true' as const) : undefined, autocomplete: autocomplete ?? 'off' };
  return (
    <Field id={field} error={error} label={label} {...(hint ? { hint } : {})}>
      {multiline ? <textarea rows={3} {...common} /> : <input type={type} inputMode={inputMode} maxLength={maxLength} spellcheck={false} {...common} />}
    </Field>
  );
}

function Row({ label, value, change }: { label: string; value: string; change: () => void }) {
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

function Nav({ back, busy = false }: { back: () => void; busy?: boolean }) {
  return (
    <div class="form-nav">
      <button class="button" type="submit" disabled={busy}>
        {busy ? 'Tunggu, foto sedang diperkecil…' : 'Lanjut'}
      </button>
      <button type="button" class="button button--secondary" onClick={back}>
        Kembali
      </button>
    </div>
  );
}

function Confirmation({ sent, service, stages, office }: { sent: Sent; service: Props['service']; stages: Props['stages']; office: Props['office'] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const trackUrl = `${window.location.origin}/lacak/?kode=${encodeURIComponent(sent.code)}`;
  const message = `Kode permohonan ${service.title} di ${office.name}: ${sent.code}. Lacak di ${trackUrl}`;
  return (
    <div class="confirmation">
      <div class="panel" tabIndex={-1} ref={ref} role="status">
        <h2>Permohonan terkirim</h2>
        <p>Kode permohonan Anda:</p>
        <p class="code" lang="en">
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
      <ol class="steps-plain">
        {stages.map((s) => (
          <li key={s.label}>
            <strong>{s.label}</strong>: waktu standar {formatWorkingTime(s.minutes)}.
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
          <dt>Kode permohonan</dt>
          <dd>
            <strong>{sent.code}</strong>
          </dd>
          <dt>Diterima</dt>
          <dd>{formatDateTime(new Date(sent.at), office.timeZone)}</dd>
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
