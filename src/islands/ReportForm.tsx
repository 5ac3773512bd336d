import { useEffect, useRef, useState } from 'preact/hooks';
import { ErrorSummary, SendProblem, useFieldErrors } from '../components/ErrorSummary';
import { DraftNotice } from '../components/DraftNotice';
import { describedBy, FormField as Field, KecamatanField, UploadProgress } from '../components/FormField';
import { validateReport, MAX_REPORT_PHOTOS, type ReportInput } from '../lib/rules/report';
import { humanSize, isImage } from '../lib/file-kind';
import { send } from '../lib/forms/send';
import { useDraft } from '../lib/forms/use-draft';
import type { FieldErrors } from '../lib/validation/errors';
import { villageLabel } from '../lib/format';
import { ChannelChoice, channelErrors, EMPTY_CHANNEL, type ChannelValue } from '../components/ChannelChoice';
import { TrackingCode } from '../components/TrackingCode';

interface Props {
  types: { id: string; label: string; description: string; ppks: { id: string; name: string }[] }[];
  kecamatan: { id: string; name: string }[];
  office: { name: string; whatsapp: string; whatsappDisplay: string; phone: string; emergency: { label: string; number: string }[]; privacyNoticeVersion: string; retentionDays: number; villages: 'desa-kelurahan' | 'kelurahan' | 'desa' };
}

type Text = Omit<ReportInput, 'persetujuan_versi' | 'id_pengiriman'>;
const EMPTY: Text = { jenis: '', urgensi: '', kategori_ppks: '', kecamatan: '', desa_kelurahan: '', patokan: '', deskripsi: '', anonim: '', nama_pelapor: '', telepon_pelapor: '', lintang: '', bujur: '' };
const ORDER = ['jenis', 'urgensi', 'kategori_ppks', 'kecamatan', 'desa_kelurahan', 'patokan', 'lintang', 'deskripsi', 'foto', 'anonim', 'nama_pelapor', 'telepon_pelapor', 'saluran_pesan', 'persetujuan_versi', 'id_pengiriman'];
/** A reporter hears back by WhatsApp or SMS (the form asks for no email address). */
const REPORT_CHANNELS = ['whatsapp', 'sms'] as const;
const DRAFT_KEY = 'laporan';

/** The report form (/lapor): short, forgiving, usable one-handed on a phone in the street. */
export default function ReportForm({ types, kecamatan, office }: Props) {
  const [text, setText] = useState<Text>(EMPTY);
  const [channel, setChannel] = useState<ChannelValue>(EMPTY_CHANNEL);
  const [photos, setPhotos] = useState<File[]>([]);
  const [consent, setConsent] = useState(false);
  const { errors, setErrors, attempts, refuse } = useFieldErrors();
  const [gps, setGps] = useState<{ state: 'idle' | 'asking' | 'set' | 'denied' | 'unavailable'; accuracy?: number }>({ state: 'idle' });
  const [processing, setProcessing] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [sendProblem, setSendProblem] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);

  const draft = useDraft(DRAFT_KEY, { data: { text, channel }, files: Object.fromEntries(photos.map((p, i) => [`foto_${i}`, p])) }, (data, files) => {
    setText({ ...EMPTY, ...data.text });
    setChannel(data.channel ?? EMPTY_CHANNEL);
    setPhotos(Object.values(files));
    if (data.text?.lintang) setGps({ state: 'set' });
  });
  const submissionId = draft.submissionId;

  useEffect(() => {
    if (sent) doneRef.current?.focus();
  }, [sent]);

  const set = (field: keyof Text) => (e: { currentTarget: { value: string } }) => setText((t) => ({ ...t, [field]: e.currentTarget.value }));
  const type = types.find((t) => t.id === text.jenis);

  function all(): FieldErrors {
    const { errors: found } = validateReport(
      { ...text, persetujuan_versi: consent ? office.privacyNoticeVersion : '', id_pengiriman: submissionId },
      photos.map((p) => ({ size: p.size, type: p.type })),
      { types: types.map((t) => ({ id: t.id, ppks: t.ppks.map((p) => p.id) })), kecamatanIds: kecamatan.map((k) => k.id), privacyNoticeVersion: office.privacyNoticeVersion, officePhone: office.phone },
    );
    if (text.anonim === 'false') Object.assign(found, channelErrors(channel, text.telepon_pelapor, REPORT_CHANNELS));
    return Object.fromEntries(ORDER.filter((k) => found[k]).map((k) => [k, found[k]!]));
  }

  function locate() {
    if (!('geolocation' in navigator)) {
      setGps({ state: 'unavailable' });
      return;
    }
    setGps({ state: 'asking' });
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setText((t) => ({ ...t, lintang: pos.coords.latitude.toFixed(6), bujur: pos.coords.longitude.toFixed(6) }));
        setGps({ state: 'set', accuracy: Math.round(pos.coords.accuracy) });
      },
      (err) => setGps({ state: err.code === err.PERMISSION_DENIED ? 'denied' : 'unavailable' }),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  }

  function clearLocation() {
    setText((t) => ({ ...t, lintang: '', bujur: '' }));
    setGps({ state: 'idle' });
  }

  async function addPhotos(list: FileList | null) {
    if (!list || list.length === 0) return;
    const chosen = Array.from(list).slice(0, MAX_REPORT_PHOTOS - photos.length);
    setProcessing(true);
    const ready: File[] = [];
    try {
      for (const file of chosen) {
        if (!isImage(file)) throw new Error('Foto harus berupa JPG, PNG, atau WebP.');
        // Loaded only when a photo is chosen: most reports have none.
        const { compressImage } = await import('../lib/photo-compress');
        ready.push((await compressImage(file)).file);
      }
      setErrors((e) => {
        const copy = { ...e };
        delete copy['foto'];
        return copy;
      });
      setPhotos((p) => [...p, ...ready].slice(0, MAX_REPORT_PHOTOS));
    } catch (err) {
      setErrors((e) => ({ ...e, foto: err instanceof Error ? err.message : 'Foto tidak dapat dibaca. Pilih foto lain.' }));
    } finally {
      setProcessing(false);
    }
  }

  async function submit(event: Event) {
    event.preventDefault();
    if (progress !== null || processing) return;
    if (refuse(all())) return;
    setSendProblem('');
    const body = new FormData();
    const values = { ...text, persetujuan_versi: office.privacyNoticeVersion, id_pengiriman: submissionId };
    for (const [key, value] of Object.entries(values)) if (value !== '') body.append(key, value);
    if (text.anonim === 'false' && channel.saluran_pesan) body.append('saluran_pesan', channel.saluran_pesan);
    for (const photo of photos) body.append('foto', photo, photo.name);
    setProgress(0);
    const outcome = await send<{ kode_lacak?: unknown }>('/api/collections/laporan/records', body, { onProgress: setProgress });
    if (outcome.kind === 'sent' && typeof outcome.body.kode_lacak === 'string') {
      draft.finish();
      setSent(outcome.body.kode_lacak);
    } else if (outcome.kind === 'field-errors') {
      refuse(outcome.errors);
    } else if (outcome.kind === 'offline') {
      setSendProblem('Sambungan terputus sebelum laporan terkirim. Isian Anda tetap tersimpan di perangkat ini. Periksa sinyal, lalu kirim lagi; laporan tidak akan tercatat dua kali.');
    } else {
      setSendProblem(outcome.kind === 'sent' ? 'Server sedang bermasalah. Isian Anda tetap tersimpan di perangkat ini; coba kirim lagi beberapa saat lagi, atau hubungi WhatsApp.' : outcome.message);
    }
    setProgress(null);
  }

  if (!draft.ready) return <p class="form-loading" aria-busy="true">Menyiapkan formulir…</p>;

  if (sent) {
    const trackUrl = `${window.location.origin}/lacak/?kode=${encodeURIComponent(sent)}`;
    return (
      <div class="confirmation">
        <div class="panel" tabIndex={-1} ref={doneRef} role="status">
          <h2>Laporan terkirim</h2>
          <p>Kode pelacakan Anda:</p>
          <p class="code">
            <TrackingCode code={sent} />
          </p>
          <p>Terima kasih. Petugas akan menindaklanjuti laporan ini. Simpan kode untuk melihat perkembangannya.</p>
        </div>
        <div class="form-nav">
          <a class="button" href={`/lacak/?kode=${encodeURIComponent(sent)}`}>
            Lacak laporan
          </a>
          <a class="button button--secondary" href={`https://wa.me/?text=${encodeURIComponent(`Kode pelacakan laporan di ${office.name}: ${sent}. Lacak di ${trackUrl}`)}`}>
            Kirim kode ke WhatsApp saya
          </a>
        </div>
      </div>
    );
  }

  const fieldIds: Record<string, string> = {};
  for (const key of Object.keys(errors)) fieldIds[key] = `f-${key}`;

  return (
    <form onSubmit={submit} noValidate aria-label="Formulir laporan">
      <ErrorSummary errors={errors} fieldIds={fieldIds} focusOn={attempts} />
      {draft.available && <DraftNotice until=" sampai laporan terkirim." />}

      <Field id="jenis" error={errors['jenis']} legend="Apa yang ingin Anda laporkan?">
        <div class="radios">
          {types.map((t, i) => (
            <label key={t.id} class="radio">
              <input type="radio" id={i === 0 ? 'f-jenis' : undefined} name="jenis" value={t.id} checked={text.jenis === t.id} onChange={() => setText((v) => ({ ...v, jenis: t.id, kategori_ppks: '' }))} />
              <span>
                <strong>{t.label}</strong>
                <br />
                <span class="hint">{t.description}</span>
              </span>
            </label>
          ))}
        </div>
      </Field>

      <Field id="urgensi" error={errors['urgensi']} legend="Apakah orangnya membutuhkan pertolongan segera?">
        <div class="radios">
          {(
            [
              ['mendesak', 'Ya, segera (sakit, terluka, kelaparan, atau dalam bahaya)'],
              ['biasa', 'Tidak mendesak'],
            ] as const
          ).map(([value, label], i) => (
            <label key={value} class="radio">
              <input type="radio" id={i === 0 ? 'f-urgensi' : undefined} name="urgensi" value={value} checked={text.urgensi === value} onChange={() => setText((v) => ({ ...v, urgensi: value }))} />
              {label}
            </label>
          ))}
        </div>
      </Field>
      {text.urgensi === 'mendesak' && (
        <div class="emergency" role="alert">
          <p>
            <strong>Bila ada nyawa dalam bahaya, telepon sekarang:</strong>{' '}
            {office.emergency.map((n, i) => (
              <span key={n.number}>
                {i > 0 && ', '}
                <a href={`tel:${n.number}`}>{n.number}</a> – {n.label.toLowerCase()}
              </span>
            ))}
            . Lalu kirim laporan ini atau hubungi WhatsApp <a href={`https://wa.me/${office.whatsapp}`}>{office.whatsappDisplay}</a>.
          </p>
        </div>
      )}

      {type && type.ppks.length > 0 && (
        <Field id="kategori_ppks" error={errors['kategori_ppks']} label="Orang yang dilaporkan (tidak wajib)" hint="Pilih bila Anda tahu; biarkan kosong bila tidak.">
          <select id="f-kategori_ppks" value={text.kategori_ppks} onChange={set('kategori_ppks')}>
            <option value="">Tidak tahu</option>
            {type.ppks.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </Field>
      )}

      <h2>Lokasi</h2>
      <KecamatanField label="Kecamatan" error={errors['kecamatan']} value={text.kecamatan} options={kecamatan} onChange={set('kecamatan')} />
      <Field id="desa_kelurahan" error={errors['desa_kelurahan']} label={villageLabel(office.villages)}>
        <input type="text" id="f-desa_kelurahan" value={text.desa_kelurahan} onInput={set('desa_kelurahan')} aria-invalid={errors['desa_kelurahan'] ? 'true' : undefined} aria-describedby={describedBy('desa_kelurahan', { error: errors['desa_kelurahan'] })} />
      </Field>
      <Field id="patokan" error={errors['patokan']} label="Petunjuk lokasi" hint="Nama jalan, bangunan atau toko terdekat, agar petugas dapat menemukan orangnya.">
        <textarea id="f-patokan" rows={2} value={text.patokan} onInput={set('patokan')} aria-describedby={describedBy('patokan', { hint: true, error: errors['patokan'] })} aria-invalid={errors['patokan'] ? 'true' : undefined} />
      </Field>
      <Field id="lintang" error={errors['lintang']} legend="Lokasi dari ponsel (tidak wajib)" hint="Lokasi tepat hanya dilihat petugas; tidak pernah tampil di situs.">
        <div>
          {gps.state === 'set' ? (
            <p class="file-chosen" role="status">
              Lokasi ponsel terpasang{gps.accuracy ? ` (ketepatan sekitar ${gps.accuracy} m)` : ''}.{' '}
              <button type="button" class="link-button" onClick={clearLocation}>
                Hapus lokasi
              </button>
            </p>
          ) : (
            <button type="button" class="button button--secondary" id="f-lintang" onClick={locate} disabled={gps.state === 'asking'}>
              {gps.state === 'asking' ? 'Mencari lokasi…' : 'Pakai lokasi saya sekarang'}
            </button>
          )}
          {gps.state === 'denied' && <p role="status">Izin lokasi tidak diberikan. Tidak apa-apa: tulis petunjuk lokasi di atas.</p>}
          {gps.state === 'unavailable' && <p role="status">Lokasi ponsel tidak dapat dibaca. Tulis petunjuk lokasi di atas.</p>}
        </div>
      </Field>

      <h2>Keterangan</h2>
      <Field id="deskripsi" error={errors['deskripsi']} label="Apa yang Anda lihat?" hint="Ceritakan singkat: berapa orang, kondisinya, sejak kapan terlihat. Jangan menulis data pribadi Anda di sini.">
        <textarea id="f-deskripsi" rows={4} value={text.deskripsi} onInput={set('deskripsi')} aria-describedby={describedBy('deskripsi', { hint: true, error: errors['deskripsi'] })} aria-invalid={errors['deskripsi'] ? 'true' : undefined} />
      </Field>
      <Field id="foto" error={errors['foto']} label={`Foto (tidak wajib, paling banyak ${MAX_REPORT_PHOTOS})`} hint="Foto hanya dilihat petugas. Foto diperkecil di ponsel sebelum dikirim.">
        <div>
          {photos.length > 0 && (
            <ul class="photo-list">
              {photos.map((p, i) => (
                <li key={`${p.name}-${i}`}>
                  {p.name} ({humanSize(p.size)}){' '}
                  <button type="button" class="link-button" onClick={() => setPhotos((list) => list.filter((_, j) => j !== i))}>
                    Hapus<span class="visually-hidden"> foto {i + 1}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          {photos.length < MAX_REPORT_PHOTOS && (
            <input type="file" id="f-foto" accept="image/jpeg,image/png,image/webp,image/*" multiple onChange={(e) => void addPhotos(e.currentTarget.files)} aria-invalid={errors['foto'] ? 'true' : undefined} aria-describedby={describedBy('foto', { hint: true, error: errors['foto'] })} />
          )}
          {processing && <p role="status">Memperkecil foto…</p>}
        </div>
      </Field>

      <h2>Kontak Anda</h2>
      <Field id="anonim" error={errors['anonim']} legend="Bolehkah petugas menghubungi Anda?" hint="Petugas mungkin perlu bertanya letak persisnya. Anda boleh mengirim tanpa nama.">
        <div class="radios">
          {(
            [
              ['false', 'Ya, cantumkan kontak saya'],
              ['true', 'Tidak, kirim tanpa nama (anonim)'],
            ] as const
          ).map(([value, label], i) => (
            <label key={value} class="radio">
              <input type="radio" id={i === 0 ? 'f-anonim' : undefined} name="anonim" value={value} checked={text.anonim === value} onChange={() => setText((v) => ({ ...v, anonim: value }))} />
              {label}
            </label>
          ))}
        </div>
      </Field>
      {text.anonim === 'false' && (
        <>
          <Field id="nama_pelapor" error={errors['nama_pelapor']} label="Nama Anda (tidak wajib)">
            <input type="text" id="f-nama_pelapor" autocomplete="name" value={text.nama_pelapor} onInput={set('nama_pelapor')} />
          </Field>
          <Field id="telepon_pelapor" error={errors['telepon_pelapor']} label="Nomor telepon atau WhatsApp" hint="Contoh: 0812-3456-7890. Hanya untuk petugas.">
            <input type="tel" id="f-telepon_pelapor" autocomplete="tel" value={text.telepon_pelapor} onInput={set('telepon_pelapor')} aria-describedby={describedBy('telepon_pelapor', { hint: true, error: errors['telepon_pelapor'] })} aria-invalid={errors['telepon_pelapor'] ? 'true' : undefined} />
          </Field>
          <ChannelChoice
            value={channel}
            telepon={text.telepon_pelapor}
            errors={errors}
            onChange={setChannel}
            channels={REPORT_CHANNELS}
            legend="Kabar laporan dikirim lewat"
            hint="Bila Anda menulis nomor HP, kami mengabari saat laporan diterima dan selesai ditangani. Pesan hanya berisi kode lacak dan tahapnya."
          />
        </>
      )}

      <Field id="persetujuan_versi" error={errors['persetujuan_versi']}>
        <label class="checkbox">
          <input type="checkbox" id="f-persetujuan_versi" checked={consent} onChange={(e) => setConsent(e.currentTarget.checked)} />
          <span>
            Laporan ini dipakai hanya untuk menolong orang yang dilaporkan, sebagai tugas pelayanan publik {office.name}. Hanya petugas yang dapat melihatnya; foto dan data pribadi dihapus {office.retentionDays} hari
            setelah laporan ditutup. Saya setuju dengan <a href="/privasi/">pemberitahuan privasi</a>.
          </span>
        </label>
      </Field>
      <SendProblem problem={sendProblem} />
      {progress !== null && (
        <UploadProgress id="lapor-progres" what="laporan" fraction={progress} />
      )}
      <button class="button" type="submit" disabled={progress !== null || processing}>
        {progress !== null ? 'Mengirim…' : 'Kirim laporan'}
      </button>
    </form>
  );
}
