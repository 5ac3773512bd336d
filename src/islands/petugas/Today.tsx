import type { HariIni, Saya } from '../../lib/api/petugas';
import { queueUrl } from '../../lib/petugas-client';
import { formatDateWithDay, formatNumber } from '../../lib/format';
import { CaseList, forStaff, useLoaded } from './session';
import { LoadFailed } from '../../components/LoadFailed';

type Card = HariIni['kartu'][number];

// Danger first: urgent reports, then my own work, then the office's deadlines.
const CARD_ORDER: Card['kunci'][] = ['laporan_mendesak', 'menunggu_saya', 'terlambat', 'jatuh_tempo', 'baru', 'kunjungan'];
const byOrder = (a: Card, b: Card) => CARD_ORDER.indexOf(a.kunci) - CARD_ORDER.indexOf(b.kunci);

const SHORT_LIST = 10;

/** /petugas/: the first screen of the day. */
export default forStaff(TodayFor);

function TodayFor({ saya }: { saya: Saya }) {
  const { loaded: load, reload: fetchToday } = useLoaded<HariIni>('/api/petugas/hari-ini');

  const field = saya.akses_kasus === 'ditugaskan';
  return (
    <>
      <p class="lead">
        Selamat bekerja, {saya.nama}. <span class="ws-today">{formatDateWithDay(new Date(), saya.kantor.zona)}</span>
      </p>
      {field && (
        <p class="ws-visit-link">
          <a class="button" href="/petugas/kunjungan/">
            Kunjungan saya
          </a>{' '}
          <span>Rumah yang perlu Anda datangi, dengan alamat dan peta.</span>
        </p>
      )}
      {saya.akses_kasus === 'tidak' && (
        <p class="notice">
          Peran Anda tidak menangani permohonan dan laporan satu per satu.{' '}
          {saya.wewenang.includes('ekspor') && (
            <>
              Data LAKIN dan capaian indikator ada di halaman <a href="/petugas/ekspor/">Ekspor dan akses</a>.
            </>
          )}
        </p>
      )}
      {load.kind === 'loading' && (
        <p class="ws-loading" role="status">
          Memuat pekerjaan hari ini…
        </p>
      )}
      {load.kind === 'failed' && (
        <LoadFailed title="Pekerjaan hari ini belum dapat dimuat" message={load.message} onRetry={fetchToday} />
      )}
      {load.kind === 'done' && saya.akses_kasus !== 'tidak' && <TodayLists answer={load.answer} saya={saya} />}
    </>
  );
}

function TodayLists({ answer, saya }: { answer: HariIni; saya: Saya }) {
  const cards = [...answer.kartu].sort(byOrder);
  const waitingCard = answer.kartu.find((c) => c.kunci === 'menunggu_saya');
  const urgentCard = answer.kartu.find((c) => c.kunci === 'laporan_mendesak');
  // A short list: the oldest few; the queue holds the rest.
  const waiting = answer.menunggu_saya.slice(0, SHORT_LIST);
  return (
    <>
      <h2 class="visually-hidden">Ringkasan</h2>
      <ul class="ws-cards">
        {cards.map((card) => (
          <li key={card.kunci}>
            <a href={queueUrl(card.query)} class={card.kunci === 'laporan_mendesak' && card.jumlah > 0 ? 'ws-card--alert' : undefined}>
              <span class="ws-count">{formatNumber(card.jumlah)}</span> {card.label}
            </a>
          </li>
        ))}
      </ul>

      <section aria-labelledby="hari-ini-mendesak" class="ws-section ws-section--danger">
        <h2 id="hari-ini-mendesak">Laporan mendesak</h2>
        {answer.mendesak.length === 0 ? (
          <p>Tidak ada laporan mendesak yang masih terbuka.</p>
        ) : (
          <>
            <p class="muted">Yang paling lama menunggu ada di atas.</p>
            <CaseList items={answer.mendesak} saya={saya} />
            {urgentCard && urgentCard.jumlah > answer.mendesak.length && (
              <p>
                <a href={queueUrl(urgentCard.query)}>Lihat semua {formatNumber(urgentCard.jumlah)} laporan mendesak</a>
              </p>
            )}
          </>
        )}
      </section>

      <section aria-labelledby="hari-ini-menunggu" class="ws-section">
        <h2 id="hari-ini-menunggu">Menunggu tindakan saya</h2>
        {answer.menunggu_saya.length === 0 ? (
          <p>Tidak ada permohonan atau laporan yang menunggu tindakan Anda saat ini.</p>
        ) : (
          <>
            <p class="muted">Langkah SOP berikutnya ada pada peran Anda. Yang paling lama menunggu ada di atas.</p>
            <CaseList items={waiting} saya={saya} mine={false} />
            {waitingCard && waitingCard.jumlah > waiting.length && (
              <p>
                <a href={queueUrl(waitingCard.query)}>Lihat semua {formatNumber(waitingCard.jumlah)} di antrean</a>
              </p>
            )}
          </>
        )}
      </section>
    </>
  );
}
