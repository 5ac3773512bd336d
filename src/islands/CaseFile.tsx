import { useEffect, useRef, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import type { Aksi, AksiJawaban, AksiPermintaan, AksiTersedia, CaseKind, DokumenKasus, Kasus, PesanItem, Rekan, RiwayatKasus, Saya, SuratKasus } from '../lib/api/petugas';
import { CHANNEL_LABELS, EVENT_LABELS } from '../lib/rules/notify';
import { api, ApiRefusal, fileUrl, Offline, signInUrl, whoAmI } from '../lib/petugas-client';
import { formatDate, formatDateTime, formatNumber, type TimeZoneLabel } from '../lib/format';
import { officeDate } from '../lib/rules/working-time';
import { newSubmissionId } from '../lib/forms/send';
import { ErrorSummary } from '../components/ErrorSummary';
import { FormField } from '../components/FormField';
import { Facts } from '../components/Facts';
import { TrackingCode } from '../components/TrackingCode';
import type { FieldErrors } from '../lib/validation/errors';
import { ageOn, applicantRoleLabel, type VillageKind } from '../lib/rules/applicant';

// The case page of the staff workspace (/petugas/kasus/?jenis=&id=): one request or report as
// the signed-in person may see it (GET /api/petugas/kasus/…), and the actions the server says
// this person may take now, each asking for exactly what its `perlu` lists. The server judges
// every action again; this page never offers what it would refuse.

type Load =
  | { kind: 'memuat' }
  | { kind: 'siap'; saya: Saya; kasus: Kasus }
  | { kind: 'tidak-ada'; message: string }
  | { kind: 'gagal'; message: string };

/** Which form an error summary belongs to: only one is shown at a time (one heading id). */
type Problem = { form: 'aksi' | 'dokumen'; errors: FieldErrors; reload: boolean } | null;

const HISTORY_KINDS: Record<string, string> = {
  status: 'Perubahan status',
  catatan: 'Catatan',
  penugasan: 'Penugasan petugas lapangan',
  verifikasi: 'Hasil verifikasi',
  perubahan_data: 'Perubahan data',
  retensi: 'Penghapusan berkas (retensi)',
  langkah: 'Langkah SOP',
  pemeriksaan_dokumen: 'Pemeriksaan dokumen',
  buka_kembali: 'Dibuka kembali',
  surat: 'Surat diterbitkan',
  pencabutan_surat: 'Surat dicabut',
  pindaian_surat: 'Pindaian surat dilampirkan',
  penerusan: 'Penerusan laporan',
  unggah_ulang: 'Dokumen dikirim ulang oleh pemohon',
};

const ANSWERS: Record<string, string> = { ya: 'Ya', tidak: 'Tidak' };

/** Actions that close a case for good: asked once more before they are sent. */
const CLOSING: readonly Aksi[] = ['tolak', 'batal'];

export default function CaseFile({ villages }: { villages: VillageKind }) {
  const [load, setLoad] = useState<Load>({ kind: 'memuat' });
  // `n` changes with every announcement, so the same words said twice are announced twice.
  const [announcement, setAnnouncement] = useState({ text: '', n: 0 });
  const where = useRef<{ jenis: CaseKind; id: string } | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const focusResult = useRef(false);

  async function fetchCase(saya: Saya): Promise<void> {
    const at = where.current!;
    try {
      const kasus = await api<Kasus>(`/api/petugas/kasus/${at.jenis}/${encodeURIComponent(at.id)}`);
      setLoad({ kind: 'siap', saya, kasus });
      document.title = `${kasus.jenis === 'laporan' ? 'Laporan' : 'Permohonan'} ${kasus.kode} | ${document.title.split(' | ').slice(1).join(' | ')}`;
    } catch (err) {
      if (err instanceof ApiRefusal && err.status === 401) return window.location.assign(signInUrl());
      if (err instanceof ApiRefusal && (err.status === 404 || err.status === 403)) return setLoad({ kind: 'tidak-ada', message: err.message });
      setLoad({ kind: 'gagal', message: err instanceof Error ? err.message : 'Kasus belum dapat dimuat.' });
    }
  }

  useEffect(() => {
    void (async () => {
      let saya: Saya | null;
      try {
        saya = await whoAmI();
      } catch (err) {
        return setLoad({ kind: 'gagal', message: err instanceof Error ? err.message : 'Server belum dapat dihubungi.' });
      }
      if (!saya) return window.location.assign(signInUrl());
      if (saya.wajib_ganti_sandi) return window.location.assign('/petugas/akun/');
      const params = new URLSearchParams(window.location.search);
      const jenis = params.get('jenis');
      const id = params.get('id') ?? '';
      if ((jenis !== 'permohonan' && jenis !== 'laporan') || !id) {
        return setLoad({ kind: 'tidak-ada', message: 'Alamat kasus tidak lengkap. Buka kasus dari antrean.' });
      }
      where.current = { jenis, id };
      await fetchCase(saya);
    })();
  }, []);

  useEffect(() => {
    if (focusResult.current && resultRef.current) {
      focusResult.current = false;
      resultRef.current.focus();
    }
  }, [announcement, load]);

  /** After an action: the case as it is now, and what happened, announced and focused. */
  async function done(message: string) {
    if (load.kind !== 'siap') return;
    await fetchCase(load.saya);
    focusResult.current = true;
    setAnnouncement((a) => ({ text: message, n: a.n + 1 }));
  }

  async function reload() {
    if (load.kind !== 'siap') return;
    await fetchCase(load.saya);
    focusResult.current = true;
    setAnnouncement((a) => ({ text: 'Kasus dimuat ulang.', n: a.n + 1 }));
  }

  if (load.kind === 'memuat') {
    return (
      <div aria-busy="true">
        <h1>Kasus</h1>
        <p class="track-loading">Memuat kasus…</p>
      </div>
    );
  }
  if (load.kind !== 'siap') {
    return (
      <div>
        <h1>{load.kind === 'tidak-ada' ? 'Kasus tidak ditemukan' : 'Kasus belum dapat dimuat'}</h1>
        <div class="error-summary">
          <p>{load.message}</p>
          {load.kind === 'gagal' ? (
            <button type="button" class="button" onClick={() => window.location.reload()}>
              Coba lagi
            </button>
          ) : (
            <p>
              <a href="/petugas/antrean/">Kembali ke antrean</a>
            </p>
          )}
        </div>
      </div>
    );
  }

  const { kasus, saya } = load;
  const zone = saya.kantor.zona;
  const isReport = kasus.jenis === 'laporan';
  return (
    <div class="ws-case">
      <p class="ws-back">
        {/* Field workers work from their visits, not from the office's queues. */}
        {saya.akses_kasus === 'ditugaskan' ? <a href="/petugas/kunjungan/">Kembali ke kunjungan saya</a> : <a href={`/petugas/antrean/${isReport ? '?jenis=laporan' : ''}`}>Kembali ke antrean</a>}
      </p>
      <h1>
        {isReport ? 'Laporan' : 'Permohonan'} <TrackingCode code={kasus.kode} />
      </h1>
      <p class="lead ws-case-title">{kasus.judul}</p>
      {isReport && kasus.laporan && <Urgency urgent={kasus.laporan.urgensi === 'mendesak'} />}
      <div class="ws-result" role="status" tabIndex={-1} ref={resultRef}>
        {announcement.text && (
          <p key={announcement.n} data-n={announcement.n}>
            {announcement.text}
          </p>
        )}
      </div>
      <Summary kasus={kasus} zone={zone} />
      {kasus.tanda.length > 0 && <Flags kasus={kasus} />}
      <div class="ws-two">
        <div>
          {/* A report is read before it is acted on; a request's documents have their own section. */}
          {isReport && kasus.laporan && <Report kasus={kasus} />}
          <Actions key={`${kasus.id}-${kasus.status.id}-${kasus.riwayat.length}`} kasus={kasus} onDone={done} onReload={reload} />
          <Person kasus={kasus} zone={zone} villages={villages} />
          {!isReport && kasus.kelayakan.length > 0 && <Eligibility kasus={kasus} />}
          {!isReport && kasus.surat.length > 0 && <Letters key={`surat-${kasus.riwayat.length}`} letters={kasus.surat} zone={zone} onDone={done} />}
          {!isReport && <Documents key={`dok-${kasus.riwayat.length}`} kasus={kasus} zone={zone} onDone={done} />}
          {!isReport && kasus.verifikasi && <Verification kasus={kasus} zone={zone} />}
        </div>
        <div>
          {kasus.langkah.length > 0 && <Timeline kasus={kasus} zone={zone} />}
          <History entries={kasus.riwayat} zone={zone} report={isReport} />
          <Messages messages={kasus.pesan} zone={zone} report={isReport} />
        </div>
      </div>
    </div>
  );
}

// ------------------------------------------------------------------ summary

function Urgency({ urgent }: { urgent: boolean }) {
  return urgent ? (
    <p class="ws-urgency ws-urgency--urgent">
      <span aria-hidden="true" class="track-flag__icon">!</span> Mendesak: segera jangkau orang yang dilaporkan
    </p>
  ) : (
    <p class="ws-urgency">Urgensi: biasa</p>
  );
}

function Summary({ kasus, zone }: { kasus: Kasus; zone: TimeZoneLabel }) {
  const isReport = kasus.jenis === 'laporan';
  return (
    <section aria-labelledby="ringkasan">
      <h2 id="ringkasan" class="visually-hidden">
        Ringkasan
      </h2>
      <dl class="facts ws-facts">
        <div>
          <dt>Status</dt>
          <dd>
            {kasus.status.label} {kasus.status.ditutup && <span class="ws-tag">Ditutup</span>}
          </dd>
        </div>
        <div>
          <dt>Diajukan</dt>
          <dd>{formatDateTime(kasus.diajukan, zone)}</dd>
        </div>
        {kasus.batas_tahap && !kasus.status.ditutup && (
          <div>
            <dt>Batas tahap</dt>
            <dd>
              {formatDateTime(kasus.batas_tahap, zone)} {kasus.terlambat && <span class="ws-tag ws-tag--late">Terlambat</span>}
            </dd>
          </div>
        )}
        <div>
          <dt>{isReport ? 'Ditugaskan kepada' : 'Petugas lapangan'}</dt>
          <dd>{kasus.petugas_lapangan ? kasus.petugas_lapangan.nama : 'Belum ada'}</dd>
        </div>
      </dl>
      {kasus.disegel && (
        <p class="notice ws-sealed">
          <strong>Disegel.</strong> Permohonan ini sudah diputus “{kasus.status.label}”. Perubahan hanya dapat dilakukan setelah permohonan dibuka kembali oleh peran yang memutus, dengan alasan tertulis.
        </p>
      )}
      {kasus.status.meaning === 'repair' && (
        <p class="notice ws-waiting">
          Menunggu perbaikan dari pemohon
          {kasus.dokumen.some((d) => d.diminta_ulang) ? `: ${kasus.dokumen.filter((d) => d.diminta_ulang).map((d) => d.label).join(', ')}.` : '.'} Pemohon dapat mengirimnya sendiri dari halaman lacak; permohonan lalu kembali ke pemeriksaan dengan sendirinya. Bila dokumen dibawa ke kantor, pilih “Lanjutkan pemeriksaan”.
        </p>
      )}
      {kasus.status.ditutup && !kasus.disegel && (
        <p class="notice">
          {isReport ? 'Laporan' : 'Permohonan'} ini sudah ditutup sebagai “{kasus.status.label}”.
        </p>
      )}
    </section>
  );
}

function Flags({ kasus }: { kasus: Kasus }) {
  return (
    <section class="ws-flags" aria-labelledby="tanda">
      <h2 id="tanda">
        <span aria-hidden="true" class="track-flag__icon">!</span> Perlu diperhatikan ({kasus.tanda.length})
      </h2>
      <ul>
        {kasus.tanda.map((t) => (
          <li key={t.kunci}>
            <p>{t.pesan}</p>
            {t.terkait.length > 0 && (
              <ul>
                {t.terkait.map((r) => (
                  <li key={r.id}>
                    <a href={`/petugas/kasus/?jenis=permohonan&id=${encodeURIComponent(r.id)}`}>
                      <TrackingCode code={r.kode} />
                    </a>{' '}
                    {r.judul} ({r.status_label})
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function MapLink({ href }: { href: string }) {
  return (
    <a href={href} target="_blank" rel="noopener noreferrer">
      Lihat lokasi di peta (OpenStreetMap)<span class="visually-hidden">, terbuka di tab baru</span>
    </a>
  );
}

function Person({ kasus, zone, villages }: { kasus: Kasus; zone: TimeZoneLabel; villages: VillageKind }) {
  const o = kasus.orang;
  const isReport = kasus.jenis === 'laporan';
  const rows: [string, ComponentChildren][] = [];
  // Empty is a real answer where the service lets it be (an unidentified person has no NIK).
  const given = (v: string) => v || <span class="muted">Tidak diisi</span>;
  const applicant: [string, ComponentChildren][] = [];
  if (isReport) {
    rows.push(['Pelapor', kasus.laporan?.anonim ? 'Anonim' : (o.nama ?? 'Tidak dicantumkan')]);
    if (o.telepon) rows.push(['Telepon pelapor', <a href={`tel:${o.telepon}`}>{o.telepon}</a>]);
  } else {
    if (o.nama !== null) rows.push(['Nama', o.nama]);
    if (o.nik !== null) rows.push(['NIK', o.nik ? <span class="track-code">{o.nik}</span> : given('')]);
    if (o.nomor_kk !== null) rows.push(['Nomor KK', o.nomor_kk ? <span class="track-code">{o.nomor_kk}</span> : given('')]);
    if (o.tanggal_lahir !== null) {
      const age = o.tanggal_lahir ? ageOn(o.tanggal_lahir.slice(0, 10), officeDate(new Date(), zone)) : null;
      rows.push(['Tanggal lahir', o.tanggal_lahir ? `${formatDate(o.tanggal_lahir, zone)}${age !== null ? ` (${age} tahun)` : ''}` : given('')]);
    }
    if (o.pemohon_adalah !== null) applicant.push(['Yang mengajukan', applicantRoleLabel(o.pemohon_adalah, villages)]);
    if (o.nama_pengaju) applicant.push(['Nama', o.nama_pengaju]);
    if (o.hubungan) applicant.push(['Hubungan atau jabatan', o.hubungan]);
    if (o.nik_pengaju) applicant.push(['NIK', <span class="track-code">{o.nik_pengaju}</span>]);
    if (o.telepon) applicant.push(['Telepon yang dihubungi', <a href={`tel:${o.telepon}`}>{o.telepon}</a>]);
  }
  rows.push(['Kecamatan', o.kecamatan]);
  if (o.desa_kelurahan) rows.push(['Desa/kelurahan', o.desa_kelurahan]);
  if (o.alamat) rows.push(['Alamat', o.alamat]);
  return (
    <>
      <section class="ws-panel" aria-labelledby="orang">
        <h2 id="orang">{isReport ? 'Pelapor dan tempat' : 'Penerima layanan'}</h2>
        <Facts class="ws-list" items={rows} />
        {kasus.peta && !isReport && (
          <p>
            <MapLink href={kasus.peta} />
          </p>
        )}
      </section>
      {applicant.length > 0 && (
        <section class="ws-panel" aria-labelledby="pengaju">
          <h2 id="pengaju">Pemohon (yang mengajukan)</h2>
          <Facts class="ws-list" items={applicant} />
        </section>
      )}
    </>
  );
}

function Eligibility({ kasus }: { kasus: Kasus }) {
  const off = kasus.kelayakan.filter((k) => !k.sesuai).length;
  return (
    <section class="ws-panel" aria-labelledby="kelayakan">
      <h2 id="kelayakan">Jawaban kelayakan</h2>
      <p>{off === 0 ? 'Semua jawaban sesuai syarat layanan.' : `${off} jawaban tidak sesuai syarat layanan. Periksa bersama pemohon.`}</p>
      <ol class="ws-answers">
        {kasus.kelayakan.map((k) => (
          <li key={k.pertanyaan} class={k.sesuai ? '' : 'ws-answer--off'}>
            <p>{k.pertanyaan}</p>
            <p>
              Jawaban: <strong>{ANSWERS[k.jawaban] ?? (k.jawaban || 'tidak dijawab')}</strong>{' '}
              {k.sesuai ? (
                <span class="ws-tag ws-tag--mine">
                  <span aria-hidden="true">✓ </span>Sesuai syarat
                </span>
              ) : (
                <span class="ws-tag ws-tag--late">
                  <span aria-hidden="true">✗ </span>Tidak sesuai syarat (syarat: {ANSWERS[k.diharapkan] ?? k.diharapkan})
                </span>
              )}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}

function Report({ kasus }: { kasus: Kasus }) {
  const l = kasus.laporan!;
  const forwarded: [string, ComponentChildren][] = [];
  if (kasus.petugas_lapangan) forwarded.push(['Petugas yang ditugaskan', kasus.petugas_lapangan.nama]);
  if (l.diteruskan_label.length > 0) forwarded.push(['Pilar sosial', l.diteruskan_label.join(', ')]);
  if (l.unit_tujuan) forwarded.push(['Unit tujuan', l.unit_tujuan]);
  return (
    <section class="ws-panel" aria-labelledby="isi-laporan">
      <h2 id="isi-laporan">Yang dilaporkan</h2>
      <Facts
        class="ws-list"
        items={[
          ['Keadaan', l.deskripsi ?? 'Tidak ada (sudah dihapus sesuai masa simpan)'],
          ['Patokan lokasi', l.patokan ?? '–'],
          ...(l.lintang !== null && l.bujur !== null ? ([['Titik GPS', `lintang ${formatNumber(l.lintang)}, bujur ${formatNumber(l.bujur)}`]] as [string, ComponentChildren][]) : []),
        ]}
      />
      {kasus.peta && (
        <p>
          <MapLink href={kasus.peta} />
        </p>
      )}
      {l.foto.length > 0 && (
        <>
          <h3>Foto dari pelapor</h3>
          <ul class="ws-photos">
            {l.foto.map((f, i) => (
              <li key={f}>
                <FileViewer collection="laporan" recordId={kasus.id} filename={f} label={`foto ${i + 1} dari pelapor`} />
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>Penerusan dan penanganan</h3>
      {forwarded.length > 0 ? <Facts class="ws-list" items={forwarded} /> : <p>Belum diteruskan.</p>}
      <p>Penanganan: {l.penanganan_label.length > 0 ? l.penanganan_label.join(', ') : 'belum dicatat'}.</p>
    </section>
  );
}

function Verification({ kasus, zone }: { kasus: Kasus; zone: TimeZoneLabel }) {
  const v = kasus.verifikasi!;
  if (!v.hasil && v.foto.length === 0) return null;
  return (
    <section class="ws-panel" aria-labelledby="verifikasi">
      <h2 id="verifikasi">Verifikasi lapangan</h2>
      <Facts
        class="ws-list"
        items={[
          ['Hasil', v.hasil === 'layak' ? 'Layak' : v.hasil === 'tidak_layak' ? 'Tidak layak' : 'Belum'],
          ...(v.tanggal ? ([['Tanggal', formatDateTime(v.tanggal, zone)]] as [string, ComponentChildren][]) : []),
          ...(v.catatan ? ([['Catatan', v.catatan]] as [string, ComponentChildren][]) : []),
        ]}
      />
      {v.foto.length > 0 && (
        <ul class="ws-photos">
          {v.foto.map((f, i) => (
            <li key={f}>
              <FileViewer collection="permohonan" recordId={kasus.id} filename={f} label={`foto kunjungan ${i + 1}`} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

// ------------------------------------------------------------------ letters

/** Letters issued on the request: open and print (A4, /surat/), and revoke for those who may. */
function Letters({ letters, zone, onDone }: { letters: SuratKasus[]; zone: TimeZoneLabel; onDone: (message: string) => Promise<void> }) {
  const [revoking, setRevoking] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [sending, setSending] = useState(false);
  async function revoke(event: Event, letter: SuratKasus) {
    event.preventDefault();
    setSending(true);
    setError('');
    try {
      await api(`/api/petugas/surat/${letter.id}/cabut`, { json: { alasan: reason } });
      setRevoking(null);
      setReason('');
      await onDone(`Surat ${letter.nomor} dicabut. Halaman verifikasinya kini menyatakan dicabut.`);
    } catch (err) {
      setError(err instanceof ApiRefusal ? (err.fields['alasan'] ?? err.message) : err instanceof Offline ? err.message : 'Surat belum dapat dicabut. Coba lagi.');
    } finally {
      setSending(false);
    }
  }
  return (
    <section class="ws-panel" aria-labelledby="surat">
      <h2 id="surat" tabIndex={-1}>
        Surat
      </h2>
      <ul class="ws-letters">
        {letters.map((l) => (
          <li key={l.id}>
            <p>
              <strong>{l.judul}</strong> nomor {l.nomor}, {formatDate(l.tanggal, zone)}.{' '}
              <span class={`ws-tag${l.status === 'dicabut' ? ' ws-tag--flag' : ''}`}>{l.status === 'dicabut' ? 'Dicabut' : 'Berlaku'}</span>
            </p>
            <p>
              <a href={`/surat/?id=${encodeURIComponent(l.id)}`} target="_blank" rel="noopener">
                Buka dan cetak {l.judul}
                <span class="visually-hidden">, terbuka di tab baru</span>
              </a>
            </p>
            {l.pindaian ? (
              <FileViewer collection="surat" recordId={l.id} filename={l.pindaian} label={`pindaian ${l.judul} bertanda tangan`} />
            ) : (
              <ScanUpload letter={l} onDone={onDone} />
            )}
            {l.boleh_cabut && revoking !== l.id && (
              <button type="button" class="button button--secondary" onClick={() => setRevoking(l.id)}>
                Cabut surat ini
              </button>
            )}
            {revoking === l.id && (
              <form noValidate onSubmit={(e) => void revoke(e, l)} aria-label={`Cabut surat ${l.nomor}`}>
                <FormField id={`alasan-cabut-${l.id}`} label="Alasan pencabutan" hint="Dicatat di riwayat; tidak tampil di halaman verifikasi." error={error || undefined}>
                  <textarea id={`f-alasan-cabut-${l.id}`} rows={3} value={reason} onInput={(e) => setReason(e.currentTarget.value)} aria-invalid={error ? 'true' : undefined} aria-describedby={`f-alasan-cabut-${l.id}-petunjuk${error ? ` f-alasan-cabut-${l.id}-galat` : ''}`} maxLength={1000} />
                </FormField>
                <button type="submit" class="button ws-button--danger" disabled={sending}>
                  {sending ? 'Mencabut…' : 'Cabut surat'}
                </button>{' '}
                <button type="button" class="button button--secondary" onClick={() => setRevoking(null)} disabled={sending}>
                  Batal
                </button>
              </form>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The signed paper (e.g. the BASTB after handover), scanned or photographed, attached to the letter. */
function ScanUpload({ letter, onDone }: { letter: SuratKasus; onDone: (message: string) => Promise<void> }) {
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState('');
  const [sending, setSending] = useState(false);
  const id = `pindaian-${letter.id}`;
  async function send(event: Event) {
    event.preventDefault();
    if (!file) return setError('Pilih berkas pindaian (PDF, JPG, atau PNG).');
    setSending(true);
    setError('');
    const form = new FormData();
    form.append('pindaian', file);
    try {
      await api(`/api/petugas/surat/${letter.id}/pindaian`, { form });
      await onDone(`Pindaian ${letter.judul} nomor ${letter.nomor} terlampir.`);
    } catch (err) {
      setError(err instanceof ApiRefusal ? (err.fields['pindaian'] ?? err.message) : err instanceof Offline ? err.message : 'Pindaian belum terlampir. Coba lagi.');
    } finally {
      setSending(false);
    }
  }
  return (
    <form noValidate onSubmit={(e) => void send(e)} aria-label={`Lampirkan surat bertanda tangan ${letter.nomor}`}>
      <FormField id={id} label="Pindaian bertanda tangan" hint="Setelah dicetak dan ditandatangani, pindai atau foto lalu lampirkan di sini. PDF, JPG, atau PNG, paling besar 10 MB." error={error || undefined}>
        <input type="file" id={`f-${id}`} accept="application/pdf,image/jpeg,image/png" onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} aria-invalid={error ? 'true' : undefined} aria-describedby={`f-${id}-petunjuk${error ? ` f-${id}-galat` : ''}`} />
      </FormField>
      <button type="submit" class="button button--secondary" disabled={sending}>
        {sending ? 'Melampirkan…' : 'Lampirkan surat bertanda tangan'}
      </button>
    </form>
  );
}

// ------------------------------------------------------------------ documents

/** Opens a protected file on request only: each opening is logged, so nothing loads by itself. */
function FileViewer({ collection, recordId, filename, label }: { collection: string; recordId: string; filename: string; label: string }) {
  const [state, setState] = useState<{ kind: 'tutup' } | { kind: 'memuat' } | { kind: 'buka'; full: string; thumb: string | null } | { kind: 'gagal' }>({ kind: 'tutup' });
  const pdf = /\.pdf$/i.test(filename);
  const linkRef = useRef<HTMLAnchorElement>(null);

  async function open() {
    setState({ kind: 'memuat' });
    try {
      const full = await fileUrl(collection, recordId, filename);
      const thumb = pdf ? null : await fileUrl(collection, recordId, filename, '100x100');
      setState({ kind: 'buka', full, thumb });
    } catch {
      setState({ kind: 'gagal' });
    }
  }

  useEffect(() => {
    if (state.kind === 'buka') linkRef.current?.focus();
  }, [state.kind]);

  if (state.kind === 'buka') {
    return (
      <div class="ws-file">
        {state.thumb && <img class="ws-thumb" src={state.thumb} alt={`Pratinjau ${label}`} />}
        <a ref={linkRef} href={state.full} target="_blank" rel="noopener noreferrer">
          {pdf ? `Buka ${label} (PDF)` : `Buka ${label} ukuran penuh`}
          <span class="visually-hidden">, terbuka di tab baru</span>
        </a>
        <span class="hint">Tautan berlaku beberapa menit. Setiap pembukaan dokumen dicatat.</span>
      </div>
    );
  }
  return (
    <div class="ws-file">
      <button type="button" class="button button--secondary" onClick={() => void open()} disabled={state.kind === 'memuat'}>
        {state.kind === 'memuat' ? 'Membuka…' : `Lihat ${label}${pdf ? ' (PDF)' : ''}`}
      </button>
      {state.kind === 'gagal' && <span class="error-message">Dokumen belum dapat dibuka. Periksa sambungan, lalu coba lagi.</span>}
    </div>
  );
}

type Check = { hasil: '' | 'sesuai' | 'perlu_diganti'; alasan: string };

function Documents({ kasus, zone, onDone }: { kasus: Kasus; zone: TimeZoneLabel; onDone: (message: string) => Promise<void> }) {
  const canCheck = kasus.aksi.some((a) => a.aksi === 'periksa-dokumen');
  const [checks, setChecks] = useState<Record<string, Check>>({});
  const [problem, setProblem] = useState<Problem>(null);
  const [sending, setSending] = useState(false);
  const set = (key: string, change: Partial<Check>) => setChecks((c) => ({ ...c, [key]: { hasil: '', alasan: '', ...c[key], ...change } }));
  const chosen = Object.entries(checks).filter(([, c]) => c.hasil);
  const errors = problem?.form === 'dokumen' ? problem.errors : {};

  const fieldIds: Record<string, string> = { _form: 'dokumen', pemeriksaan: 'dokumen' };
  for (const d of kasus.dokumen) fieldIds[`pemeriksaan.${d.kunci}`] = checks[d.kunci]?.hasil === 'perlu_diganti' ? `f-alasan-${d.kunci}` : `f-periksa-${d.kunci}-sesuai`;

  async function submit(event: Event) {
    event.preventDefault();
    if (sending) return;
    setSending(true);
    const pemeriksaan: NonNullable<AksiPermintaan['pemeriksaan']> = {};
    for (const [key, c] of chosen) pemeriksaan[key] = c.hasil === 'perlu_diganti' ? { hasil: 'perlu_diganti', alasan: c.alasan } : { hasil: 'sesuai' };
    try {
      await api<AksiJawaban>(`/api/petugas/kasus/${kasus.jenis}/${kasus.id}/aksi`, { json: { aksi: 'periksa-dokumen', pemeriksaan } satisfies AksiPermintaan });
      setProblem(null);
      setChecks({});
      await onDone(`Pemeriksaan ${chosen.length} dokumen tersimpan.`);
    } catch (err) {
      setProblem(
        problemOf(
          err,
          'dokumen',
          kasus.dokumen.map((d) => `pemeriksaan.${d.kunci}`),
        ),
      );
    } finally {
      setSending(false);
    }
  }

  const list = (
    <ul class="ws-docs">
      {kasus.dokumen.map((d) => (
        <DocumentRow key={d.kunci} doc={d} kasus={kasus} zone={zone} check={canCheck ? (checks[d.kunci] ?? { hasil: '', alasan: '' }) : null} error={errors[`pemeriksaan.${d.kunci}`]} onCheck={(c) => set(d.kunci, c)} />
      ))}
    </ul>
  );
  return (
    <section class="ws-panel" aria-labelledby="dokumen">
      <h2 id="dokumen" tabIndex={-1}>
        Dokumen
      </h2>
      {kasus.dokumen.length === 0 && <p>Tidak ada dokumen yang dapat Anda buka untuk kasus ini.</p>}
      {canCheck ? (
        <form noValidate onSubmit={(e) => void submit(e)} aria-labelledby="dokumen">
          {problem?.form === 'dokumen' && <ErrorSummary errors={problem.errors} fieldIds={fieldIds} />}
          <p class="hint">Pilih hasil untuk dokumen yang sudah Anda periksa, lalu simpan. Alasan “perlu diganti” dibaca petugas lain; untuk pemohon, minta perbaikan lewat Tindakan.</p>
          {list}
          <button type="submit" class="button" disabled={sending}>
            {sending ? 'Menyimpan…' : 'Simpan pemeriksaan dokumen'}
          </button>
        </form>
      ) : (
        list
      )}
    </section>
  );
}

function DocumentRow({ doc, kasus, zone, check, error, onCheck }: { doc: DokumenKasus; kasus: Kasus; zone: TimeZoneLabel; check: Check | null; error: string | undefined; onCheck: (c: Partial<Check>) => void }) {
  const p = doc.pemeriksaan;
  const id = `periksa-${doc.kunci}`;
  return (
    <li class={`ws-doc${doc.diminta_ulang ? ' ws-doc--asked' : ''}`}>
      <h3>{doc.label}</h3>
      <p class="ws-doc-tags">
        <span class="ws-tag">{doc.wajib ? 'Wajib' : 'Tidak wajib'}</span> {doc.diminta_ulang && <span class="ws-tag ws-tag--flag">Diminta ulang dari pemohon</span>}
      </p>
      <p>
        {p ? (
          <>
            Pemeriksaan: <strong class={p.hasil === 'sesuai' ? 'ws-ok' : 'ws-bad'}>{p.hasil === 'sesuai' ? 'Sesuai' : 'Perlu diganti'}</strong>
            {p.alasan && ` (${p.alasan})`}, oleh {p.oleh}, {formatDateTime(p.waktu, zone)}.
          </>
        ) : (
          'Belum diperiksa.'
        )}
      </p>
      {doc.berkas ? <FileViewer collection="permohonan" recordId={kasus.id} filename={doc.berkas} label={doc.label} /> : <p class="ws-bad">Tidak dikirim.</p>}
      {doc.versi.length > 0 && (
        <details class="ws-versions">
          <summary>Versi sebelumnya ({doc.versi.length})</summary>
          <p class="hint">Berkas lama disimpan sampai permohonan ditutup, lalu dihapus otomatis.</p>
          <ul>
            {doc.versi.map((v) => (
              <li key={v.id}>
                Diganti {formatDateTime(v.waktu, zone)} oleh {v.oleh}.
                <FileViewer collection="versi_dokumen" recordId={v.id} filename={v.berkas} label={`${doc.label} versi lama`} />
              </li>
            ))}
          </ul>
        </details>
      )}
      {check && (
        <FormField id={id} legend={`${p ? 'Ubah hasil' : 'Hasil'} pemeriksaan ${doc.label}`} error={check.hasil !== 'perlu_diganti' ? error : undefined}>
          <div class="ws-inline-radios">
            <label class="radio">
              <input type="radio" id={`f-${id}-sesuai`} name={id} value="sesuai" checked={check.hasil === 'sesuai'} onChange={() => onCheck({ hasil: 'sesuai' })} />
              Sesuai
            </label>
            <label class="radio">
              <input type="radio" id={`f-${id}-ganti`} name={id} value="perlu_diganti" checked={check.hasil === 'perlu_diganti'} onChange={() => onCheck({ hasil: 'perlu_diganti' })} />
              Perlu diganti
            </label>
          </div>
          {check.hasil === 'perlu_diganti' && (
            <FormField id={`alasan-${doc.kunci}`} label={`Alasan ${doc.label} perlu diganti`} error={error}>
              <input type="text" id={`f-alasan-${doc.kunci}`} value={check.alasan} onInput={(e) => onCheck({ alasan: e.currentTarget.value })} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `f-alasan-${doc.kunci}-galat` : undefined} maxLength={500} />
            </FormField>
          )}
        </FormField>
      )}
    </li>
  );
}

// ------------------------------------------------------------------ timeline and history

function Timeline({ kasus, zone }: { kasus: Kasus; zone: TimeZoneLabel }) {
  return (
    <section aria-labelledby="langkah-sop">
      <h2 id="langkah-sop">Langkah SOP</h2>
      <ol class="track-stages ws-steps">
        {kasus.langkah.map((l) => {
          const classes = ['track-stage', l.dicatat ? 'track-stage--done' : '', l.sekarang ? 'track-stage--current ws-step--current' : ''];
          return (
            <li key={l.indeks} class={classes.filter(Boolean).join(' ')} aria-current={l.sekarang ? 'step' : undefined}>
              <p class="track-stage__head">
                <span class="track-stage__mark" aria-hidden="true">
                  {l.dicatat ? '✓' : l.sekarang ? '●' : '○'}
                </span>
                <span>
                  <span class="track-stage__state">
                    Langkah {l.indeks + 1} · Tahap {l.tahap_label}
                    {l.jenis === 'decision' ? ' · Keputusan' : ''}
                  </span>
                  <strong class="track-stage__name">{l.kegiatan}</strong>
                </span>
              </p>
              <p class="ws-step-meta">Pelaksana: {l.peran.map((r) => r.label).join(', ')}</p>
              <p class="ws-step-meta">
                {l.dicatat ? (
                  `Dicatat oleh ${l.dicatat.oleh}, ${formatDateTime(l.dicatat.waktu, zone)}`
                ) : l.sekarang ? (
                  <strong>Langkah sekarang: menunggu {l.peran.map((r) => r.label).join(' atau ')}</strong>
                ) : (
                  'Belum dicatat'
                )}
              </p>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function History({ entries, zone, report }: { entries: RiwayatKasus[]; zone: TimeZoneLabel; report: boolean }) {
  const newest = [...entries].reverse();
  return (
    <section aria-labelledby="riwayat">
      <h2 id="riwayat">Riwayat (terbaru di atas)</h2>
      {newest.length === 0 ? (
        <p>Belum ada riwayat.</p>
      ) : (
        <ol class="ws-history" reversed>
          {newest.map((h, i) => (
            <li key={`${h.waktu}-${i}`}>
              <p class="ws-history-head">
                <time dateTime={h.waktu}>{formatDateTime(h.waktu, zone)}</time>
                <span>
                  {HISTORY_KINDS[h.jenis] ?? 'Kejadian'}
                  {h.langkah !== null && h.langkah !== undefined ? ` ${h.langkah + 1}` : ''} · status sesudahnya <strong>{h.status_label}</strong>
                </span>
              </p>
              <p>Oleh: {h.oleh}</p>
              {h.catatan_publik && (
                <p>
                  <span class="ws-note-label">Untuk {report ? 'pelapor' : 'pemohon'} (tampil di halaman lacak):</span> {h.catatan_publik}
                </p>
              )}
              {h.catatan_internal && (
                <p>
                  <span class="ws-note-label">Catatan internal:</span> {h.catatan_internal}
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** Messages to the applicant or reporter: what went out, by which channel, and what did not. */
function Messages({ messages, zone, report }: { messages: PesanItem[]; zone: TimeZoneLabel; report: boolean }) {
  const waiting = messages.some((m) => m.status === 'gagal' || m.status === 'tidak_pasti' || m.status === 'manual');
  return (
    <section aria-labelledby="pesan">
      <h2 id="pesan">Pesan ke {report ? 'pelapor' : 'pemohon'}</h2>
      {messages.length === 0 ? (
        <p>Belum ada pesan. {report ? 'Pelapor anonim atau tanpa nomor HP tidak dikabari.' : ''}</p>
      ) : (
        <ul class="ws-plain-list ws-messages">
          {messages.map((m) => (
            <li key={m.id}>
              <strong>{EVENT_LABELS[m.peristiwa]}</strong> · {CHANNEL_LABELS[m.saluran]} · <span class="ws-tag">{m.status_label}</span>
              {m.dikirim_oleh && <> oleh {m.dikirim_oleh}</>}
              {(m.terkirim ?? m.dibuat) && (
                <>
                  {' '}
                  <time class="ws-meta" dateTime={(m.terkirim ?? m.dibuat)!}>
                    {formatDateTime((m.terkirim ?? m.dibuat)!, zone)}
                  </time>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {waiting && (
        <p>
          Ada pesan yang belum sampai: kirim lewat WhatsApp dari <a href="/petugas/pesan/">Belum terhubungi</a>.
        </p>
      )}
    </section>
  );
}

// ------------------------------------------------------------------ actions

/**
 * A refusal as the error summary shows it: field messages on their fields (in the order of the
 * form's fields, `order`), or the server's one message.
 */
function problemOf(err: unknown, form: 'aksi' | 'dokumen', order: readonly string[] = []): Problem {
  if (err instanceof ApiRefusal) {
    if (err.status === 401) {
      window.location.assign(signInUrl());
      return null;
    }
    const keys = Object.keys(err.fields);
    const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
    const fields: FieldErrors = {};
    for (const k of [...keys].sort((a, b) => rank(a) - rank(b))) fields[k] = err.fields[k]!;
    // A refusal of the action itself mostly means someone else acted meanwhile: the page shows a
    // state that is gone, so reloading is offered.
    return { form, errors: keys.length > 0 ? fields : { _form: err.message }, reload: keys.length === 0 };
  }
  if (err instanceof Offline) return { form, errors: { _form: err.message }, reload: false };
  return { form, errors: { _form: 'Tindakan belum dapat disimpan. Coba lagi.' }, reload: false };
}

interface Values {
  catatan_publik: string;
  catatan_internal: string;
  alasan: string;
  dokumen_perbaikan: string[];
  petugas_lapangan: string;
  hasil_verifikasi: '' | 'layak' | 'tidak_layak';
  status: string;
  ditugaskan_ke: string;
  diteruskan_ke: string[];
  unit_tujuan: string;
  penanganan: string[];
}

/** Where each action may speak to the applicant or reporter (their notes appear on the tracking page). */
function hasPublicNote(a: AksiTersedia): boolean {
  return a.perlu.includes('catatan_publik') || ['langkah', 'lanjutkan', 'buka-kembali', 'catatan', 'tugaskan'].includes(a.aksi);
}

function submitLabel(a: AksiTersedia, kasus: Kasus): string {
  const step = kasus.langkah.find((l) => l.sekarang);
  switch (a.aksi) {
    case 'langkah':
      return step?.jenis === 'decision' ? 'Setujui dan catat' : step?.jenis === 'end' ? 'Selesaikan' : 'Catat langkah';
    case 'perbaikan':
      return 'Kirim permintaan perbaikan';
    case 'lanjutkan':
      return 'Lanjutkan pemeriksaan';
    case 'tolak':
      return 'Tolak permohonan';
    case 'batal':
      return 'Batalkan permohonan';
    case 'tugaskan':
      return kasus.jenis === 'laporan' ? 'Teruskan laporan' : 'Tugaskan';
    case 'buka-kembali':
      return 'Buka kembali';
    case 'status':
      return 'Ubah status';
    case 'penanganan':
      return 'Simpan penanganan';
    default:
      return 'Simpan catatan';
  }
}

function Actions({ kasus, onDone, onReload }: { kasus: Kasus; onDone: (message: string) => Promise<void>; onReload: () => Promise<void> }) {
  const actions = kasus.aksi.filter((a) => a.aksi !== 'periksa-dokumen');
  const [open, setOpen] = useState<Aksi | null>(null);
  const buttons = useRef<Record<string, HTMLButtonElement | null>>({});
  const current = kasus.langkah.find((l) => l.sekarang);

  function close() {
    const which = open;
    setOpen(null);
    if (which) setTimeout(() => buttons.current[which]?.focus(), 0);
  }

  return (
    <section class="ws-panel ws-action-panel" aria-labelledby="tindakan">
      <h2 id="tindakan">Tindakan</h2>
      {actions.length === 0 ? (
        <p>
          Tidak ada tindakan untuk Anda pada tahap ini.
          {current && ` Langkah berikutnya dicatat oleh ${current.peran.map((r) => r.label).join(' atau ')}.`}
        </p>
      ) : (
        <>
          {kasus.aksi.some((a) => a.aksi === 'periksa-dokumen') && (
            <p class="hint">
              Pemeriksaan tiap dokumen ada di bagian <a href="#dokumen">Dokumen</a>.
            </p>
          )}
          <ul class="ws-actions ws-action-list">
            {actions.map((a) => (
              <li key={a.aksi}>
                <button
                  type="button"
                  ref={(el) => {
                    buttons.current[a.aksi] = el;
                  }}
                  class={`button ${a.aksi === 'langkah' ? '' : CLOSING.includes(a.aksi) ? 'ws-button--danger' : 'button--secondary'}`}
                  aria-expanded={open === a.aksi ? 'true' : 'false'}
                  aria-controls={open === a.aksi ? 'aksi-form' : undefined}
                  onClick={() => setOpen(open === a.aksi ? null : a.aksi)}
                >
                  {a.label}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {open && (
        <ActionForm
          key={open}
          action={actions.find((a) => a.aksi === open)!}
          kasus={kasus}
          onClose={close}
          onDone={async (message) => {
            setOpen(null);
            await onDone(message);
          }}
          onReload={onReload}
        />
      )}
    </section>
  );
}

/** The action form's fields, top to bottom (the error summary lists them in this order). */
const FIELD_ORDER = ['status', 'hasil_verifikasi', 'dokumen_perbaikan', 'petugas_lapangan', 'ditugaskan_ke', 'diteruskan_ke', 'unit_tujuan', 'penanganan', 'alasan', 'catatan_publik', 'catatan_internal'];

const EMPTY_VALUES: Values = { catatan_publik: '', catatan_internal: '', alasan: '', dokumen_perbaikan: [], petugas_lapangan: '', hasil_verifikasi: '', status: '', ditugaskan_ke: '', diteruskan_ke: [], unit_tujuan: '', penanganan: [] };

function ActionForm({ action, kasus, onClose, onDone, onReload }: { action: AksiTersedia; kasus: Kasus; onClose: () => void; onDone: (message: string) => Promise<void>; onReload: () => Promise<void> }) {
  const isReport = kasus.jenis === 'laporan';
  const who = isReport ? 'pelapor' : 'pemohon';
  // Every form starts empty (an earlier note is never offered again); only states are pre-set:
  // the documents already found wanting, and the report's recorded handling.
  const [values, setValues] = useState<Values>(() => ({
    ...EMPTY_VALUES,
    dokumen_perbaikan: kasus.dokumen.filter((d) => d.pemeriksaan?.hasil === 'perlu_diganti').map((d) => d.kunci),
    penanganan: action.aksi === 'penanganan' ? [...(kasus.laporan?.penanganan ?? [])] : [],
  }));
  const [problem, setProblem] = useState<Problem>(null);
  const [confirming, setConfirming] = useState(false);
  const [sending, setSending] = useState(false);
  const [rekan, setRekan] = useState<Rekan[] | 'memuat' | 'gagal'>('memuat');
  const submissionId = useRef(newSubmissionId());
  const heading = useRef<HTMLHeadingElement>(null);
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  const needsPeople = action.perlu.includes('petugas_lapangan') || action.perlu.includes('penerusan');

  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    if (confirming) confirmHeading.current?.focus();
  }, [confirming]);
  useEffect(() => {
    if (!needsPeople) return;
    api<Rekan[]>(`/api/petugas/rekan?jenis=${kasus.jenis}&kasus=${encodeURIComponent(kasus.id)}`)
      .then(setRekan)
      .catch(() => setRekan('gagal'));
  }, []);

  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));
  const toggle = (key: 'dokumen_perbaikan' | 'diteruskan_ke' | 'penanganan', id: string, on: boolean) => setValues((v) => ({ ...v, [key]: on ? [...v[key].filter((x) => x !== id), id] : v[key].filter((x) => x !== id) }));
  const errors = problem?.form === 'aksi' ? problem.errors : {};
  const target = action.tujuan?.find((t) => t.id === values.status);
  const closes = CLOSING.includes(action.aksi) || Boolean(target?.menutup);

  const firstOf = (prefix: string, ids: string[]) => (ids[0] ? `f-${prefix}-${ids[0]}` : 'aksi-judul');
  const fieldIds: Record<string, string> = {
    _form: 'aksi-judul',
    aksi: 'aksi-judul',
    id_pengiriman: 'aksi-judul',
    lintang: 'aksi-judul',
    foto: 'aksi-judul',
    catatan_publik: 'f-catatan_publik',
    catatan_internal: 'f-catatan_internal',
    alasan: 'f-alasan',
    petugas_lapangan: 'f-petugas_lapangan',
    ditugaskan_ke: 'f-ditugaskan_ke',
    unit_tujuan: 'f-unit_tujuan',
    hasil_verifikasi: 'f-hasil_verifikasi-layak',
    dokumen_perbaikan: firstOf('dokumen_perbaikan', kasus.dokumen.map((d) => d.kunci)),
    status: firstOf('status', (action.tujuan ?? []).map((t) => t.id)),
    diteruskan_ke: firstOf('diteruskan_ke', (action.pilihan ?? []).map((p) => p.id)),
    penanganan: firstOf('penanganan', (action.pilihan ?? []).map((p) => p.id)),
  };

  function body(): AksiPermintaan {
    const b: AksiPermintaan = { aksi: action.aksi };
    if (hasPublicNote(action)) b.catatan_publik = values.catatan_publik;
    b.catatan_internal = values.catatan_internal;
    const p = action.perlu;
    if (p.includes('alasan')) b.alasan = values.alasan;
    if (p.includes('dokumen_perbaikan')) b.dokumen_perbaikan = values.dokumen_perbaikan;
    if (p.includes('petugas_lapangan')) b.petugas_lapangan = values.petugas_lapangan;
    if (p.includes('hasil_verifikasi') && values.hasil_verifikasi) b.hasil_verifikasi = values.hasil_verifikasi;
    if (p.includes('status')) b.status = values.status;
    if (p.includes('penerusan')) {
      if (values.ditugaskan_ke) b.ditugaskan_ke = values.ditugaskan_ke;
      b.diteruskan_ke = values.diteruskan_ke;
      b.unit_tujuan = values.unit_tujuan;
    }
    if (p.includes('penanganan')) b.penanganan = values.penanganan;
    // A retried send (a lost answer) is then recorded once.
    if (!isReport) b.id_pengiriman = submissionId.current;
    return b;
  }

  async function send() {
    if (sending) return;
    setSending(true);
    try {
      const answer = await api<AksiJawaban>(`/api/petugas/kasus/${kasus.jenis}/${kasus.id}/aksi`, { json: body() });
      setProblem(null);
      await onDone(answer.ulang ? `Tindakan ini sudah tercatat sebelumnya. Status sekarang: ${answer.status_label}.` : `Tersimpan: ${action.label}. Status sekarang: ${answer.status_label}.`);
    } catch (err) {
      setConfirming(false);
      setProblem(problemOf(err, 'aksi', FIELD_ORDER));
      setSending(false);
    }
  }

  function submit(event: Event) {
    event.preventDefault();
    if (closes && !confirming) {
      setProblem(null);
      setConfirming(true);
      return;
    }
    void send();
  }

  const err = (key: string) => errors[key];
  const described = (key: string, hint: boolean) => [hint ? `f-${key}-petunjuk` : '', err(key) ? `f-${key}-galat` : ''].filter(Boolean).join(' ') || undefined;
  const invalid = (key: string) => (err(key) ? ('true' as const) : undefined);
  const publicRequired = action.perlu.includes('catatan_publik') && action.aksi !== 'status';

  return (
    <form id="aksi-form" class="ws-action-form" noValidate onSubmit={submit} aria-labelledby="aksi-judul">
      <h3 id="aksi-judul" tabIndex={-1} ref={heading}>
        {action.label}
      </h3>
      {action.keterangan && action.aksi !== 'langkah' && <p>{action.keterangan}</p>}
      {problem?.form === 'aksi' && <ErrorSummary errors={problem.errors} fieldIds={fieldIds} />}
      {problem?.reload && (
        <p>
          <button type="button" class="button button--secondary" onClick={() => void onReload()}>
            Muat ulang kasus
          </button>
        </p>
      )}

      {action.perlu.includes('status') && (
        <FormField id="status" legend="Status baru" error={err('status')}>
          <div class="radios">
            {(action.tujuan ?? []).map((t) => (
              <label class="radio" key={t.id}>
                <input type="radio" id={`f-status-${t.id}`} name="status" value={t.id} checked={values.status === t.id} onChange={() => set('status', t.id)} />
                <span>
                  {t.label}
                  {t.perlu_alasan && <span class="hint">Wajib menulis alasan untuk pelapor.</span>}
                  {t.menutup && <span class="hint">Menutup laporan; tidak dapat diubah lagi.</span>}
                </span>
              </label>
            ))}
          </div>
        </FormField>
      )}

      {action.perlu.includes('hasil_verifikasi') && (
        <FormField id="hasil_verifikasi" legend="Hasil kunjungan" error={err('hasil_verifikasi')}>
          <div class="radios">
            {(
              [
                ['layak', 'Layak'],
                ['tidak_layak', 'Tidak layak'],
              ] as const
            ).map(([value, label]) => (
              <label class="radio" key={value}>
                <input type="radio" id={`f-hasil_verifikasi-${value}`} name="hasil_verifikasi" value={value} checked={values.hasil_verifikasi === value} onChange={() => set('hasil_verifikasi', value)} />
                {label}
              </label>
            ))}
          </div>
        </FormField>
      )}

      {action.perlu.includes('dokumen_perbaikan') && (
        <FormField id="dokumen_perbaikan" legend="Dokumen yang harus dilengkapi atau diganti" hint="Daftar ini tampil di halaman lacak pemohon." error={err('dokumen_perbaikan')}>
          {kasus.dokumen.map((d) => (
            <label class="checkbox" key={d.kunci}>
              <input type="checkbox" id={`f-dokumen_perbaikan-${d.kunci}`} checked={values.dokumen_perbaikan.includes(d.kunci)} onChange={(e) => toggle('dokumen_perbaikan', d.kunci, e.currentTarget.checked)} />
              <span>
                {d.label}
                {d.pemeriksaan?.hasil === 'perlu_diganti' && <span class="hint">Hasil pemeriksaan: perlu diganti ({d.pemeriksaan.alasan}).</span>}
                {!d.berkas && <span class="hint">Belum dikirim.</span>}
              </span>
            </label>
          ))}
        </FormField>
      )}

      {action.perlu.includes('petugas_lapangan') && (
        <FormField
          id="petugas_lapangan"
          label="Petugas lapangan"
          hint={`${kasus.petugas_lapangan ? `Sekarang: ${kasus.petugas_lapangan.nama}. ` : ''}Yang bertugas di kecamatan kasus ini disarankan lebih dulu.`}
          error={err('petugas_lapangan')}
        >
          <PeopleSelect id="petugas_lapangan" rekan={rekan} value={values.petugas_lapangan} onChange={(v) => set('petugas_lapangan', v)} kecamatan={kasus.orang.kecamatan} describedBy={described('petugas_lapangan', true)} invalid={invalid('petugas_lapangan')} empty="Pilih petugas lapangan" />
        </FormField>
      )}

      {action.perlu.includes('penerusan') && (
        <>
          <FormField id="ditugaskan_ke" label="Teruskan kepada petugas (bila ada)" hint="Petugas ini melihat laporan di halaman Kunjungan saya." error={err('ditugaskan_ke')}>
            <PeopleSelect id="ditugaskan_ke" rekan={rekan} value={values.ditugaskan_ke} onChange={(v) => set('ditugaskan_ke', v)} kecamatan={kasus.orang.kecamatan} describedBy={described('ditugaskan_ke', true)} invalid={invalid('ditugaskan_ke')} empty="Tidak kepada petugas tertentu" />
          </FormField>
          {(action.pilihan ?? []).length > 0 && (
            <FormField id="diteruskan_ke" legend="Teruskan ke pilar sosial (bila ada)" error={err('diteruskan_ke')}>
              <div class="ws-columns">
                {(action.pilihan ?? []).map((p) => (
                  <label class="checkbox" key={p.id}>
                    <input type="checkbox" id={`f-diteruskan_ke-${p.id}`} checked={values.diteruskan_ke.includes(p.id)} onChange={(e) => toggle('diteruskan_ke', p.id, e.currentTarget.checked)} />
                    {p.label}
                  </label>
                ))}
              </div>
            </FormField>
          )}
          <FormField id="unit_tujuan" label="Unit atau lembaga tanpa akun (bila ada)" hint="Misalnya puskesmas, rumah sakit, atau kantor desa." error={err('unit_tujuan')}>
            <input type="text" id="f-unit_tujuan" value={values.unit_tujuan} maxLength={200} onInput={(e) => set('unit_tujuan', e.currentTarget.value)} aria-describedby={described('unit_tujuan', true)} aria-invalid={invalid('unit_tujuan')} />
          </FormField>
        </>
      )}

      {action.perlu.includes('penanganan') && (
        <FormField id="penanganan" legend="Bentuk penanganan" error={err('penanganan')}>
          {(action.pilihan ?? []).map((p) => (
            <label class="checkbox" key={p.id}>
              <input type="checkbox" id={`f-penanganan-${p.id}`} checked={values.penanganan.includes(p.id)} onChange={(e) => toggle('penanganan', p.id, e.currentTarget.checked)} />
              {p.label}
            </label>
          ))}
        </FormField>
      )}

      {action.perlu.includes('alasan') && (
        <FormField id="alasan" label="Alasan membuka kembali" hint="Wajib, paling sedikit 10 karakter. Tercatat di riwayat untuk petugas; tidak tampil kepada pemohon." error={err('alasan')}>
          <textarea id="f-alasan" rows={3} value={values.alasan} onInput={(e) => set('alasan', e.currentTarget.value)} aria-describedby={described('alasan', true)} aria-invalid={invalid('alasan')} />
        </FormField>
      )}

      {hasPublicNote(action) && (
        <FormField
          id="catatan_publik"
          label={`Catatan untuk ${who}${publicRequired ? '' : target?.perlu_alasan ? ' (wajib untuk status ini)' : ' (bila perlu)'}`}
          hint={`${publicRequired ? 'Wajib, paling sedikit 10 karakter. ' : action.aksi === 'status' ? 'Wajib bila status baru meminta alasan. ' : ''}Catatan ini tampil di halaman lacak untuk ${who}. Jangan menulis NIK, nomor KK, atau data pribadi lain.`}
          error={err('catatan_publik')}
        >
          <textarea id="f-catatan_publik" rows={3} value={values.catatan_publik} onInput={(e) => set('catatan_publik', e.currentTarget.value)} aria-describedby={described('catatan_publik', true)} aria-invalid={invalid('catatan_publik')} />
        </FormField>
      )}

      <FormField
        id="catatan_internal"
        label="Catatan internal (bila perlu)"
        hint={`Hanya untuk petugas; tidak pernah ditampilkan kepada ${who}.${action.perlu.includes('hasil_verifikasi') ? ' Disimpan sebagai catatan verifikasi.' : ''}`}
        error={err('catatan_internal')}
      >
        <textarea id="f-catatan_internal" rows={2} value={values.catatan_internal} onInput={(e) => set('catatan_internal', e.currentTarget.value)} aria-describedby={described('catatan_internal', true)} aria-invalid={invalid('catatan_internal')} />
      </FormField>

      {confirming ? (
        <div class="ws-confirm" role="group" aria-labelledby="aksi-yakin">
          <h4 id="aksi-yakin" tabIndex={-1} ref={confirmHeading}>
            {action.aksi === 'tolak' ? 'Yakin menolak permohonan ini?' : action.aksi === 'batal' ? 'Yakin membatalkan permohonan ini?' : `Yakin mengubah status menjadi “${target?.label ?? ''}”?`}
          </h4>
          <p>
            {action.aksi === 'tolak'
              ? 'Permohonan ditutup dan pemohon membaca alasan Anda di halaman lacak. Sesudah itu hanya peran yang memutus yang dapat membukanya kembali, dengan alasan tertulis.'
              : action.aksi === 'batal'
                ? 'Permohonan ditutup sebagai dibatalkan dan tidak dapat dibuka kembali.'
                : 'Laporan ditutup dan statusnya tidak dapat diubah lagi.'}
          </p>
          <div class="ws-actions">
            <button type="submit" class="button ws-button--danger" disabled={sending}>
              {sending ? 'Menyimpan…' : `Ya, ${submitLabel(action, kasus).toLowerCase()}`}
            </button>
            <button type="button" class="button button--secondary" onClick={() => setConfirming(false)}>
              Kembali ke formulir
            </button>
          </div>
        </div>
      ) : (
        <div class="ws-actions">
          <button type="submit" class={`button${CLOSING.includes(action.aksi) ? ' ws-button--danger' : ''}`} disabled={sending}>
            {sending ? 'Menyimpan…' : submitLabel(action, kasus)}
          </button>
          <button type="button" class="button button--secondary" onClick={onClose}>
            Tutup formulir
          </button>
        </div>
      )}
    </form>
  );
}

/** Field workers to choose from, those covering the case's kecamatan first and marked. */
function PeopleSelect(props: { id: string; rekan: Rekan[] | 'memuat' | 'gagal'; value: string; onChange: (v: string) => void; kecamatan: string; describedBy: string | undefined; invalid: 'true' | undefined; empty: string }) {
  const { id, rekan, value, onChange, kecamatan, describedBy, invalid, empty } = props;
  if (rekan === 'memuat') return <p class="track-loading">Memuat daftar petugas…</p>;
  if (rekan === 'gagal') return <p class="error-message">Daftar petugas belum dapat dimuat. Tutup formulir, lalu coba lagi.</p>;
  const option = (r: Rekan) => (
    <option key={r.id} value={r.id}>
      {r.nama} ({r.peran}){r.disarankan ? ', disarankan' : ''}
    </option>
  );
  const suggested = rekan.filter((r) => r.disarankan);
  const others = rekan.filter((r) => !r.disarankan);
  return (
    <select id={`f-${id}`} value={value} onChange={(e) => onChange(e.currentTarget.value)} aria-describedby={describedBy} aria-invalid={invalid}>
      <option value="">{rekan.length === 0 ? 'Tidak ada petugas yang dapat ditugaskan' : empty}</option>
      {suggested.length > 0 && <optgroup label={`Disarankan: bertugas di Kecamatan ${kecamatan}`}>{suggested.map(option)}</optgroup>}
      {others.length > 0 && <optgroup label={suggested.length > 0 ? 'Petugas lain' : 'Petugas'}>{others.map(option)}</optgroup>}
    </select>
  );
}
