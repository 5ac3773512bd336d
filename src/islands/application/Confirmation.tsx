// After sending: the tracking code, what happens next with expected dates, and a printable
// receipt. Loaded while the application is being sent (ApplicationForm), not with the form.
import { useEffect, useRef } from 'preact/hooks';
import { formatExpectedDays } from '../../lib/duration';
import { formatDate, formatDateTime, type TimeZoneLabel } from '../../lib/format';
import { afterWorkingDays, type OfficeCalendar } from '../../lib/rules/working-time';
import { TrackingCode } from '../../components/TrackingCode';

export interface Sent {
  code: string;
  at: string;
  documents: string[];
}

export interface ConfirmationProps {
  sent: Sent;
  service: { title: string };
  /** The SOP's stages, by name. */
  stages: { label: string }[];
  expected: { minDays: number; maxDays: number };
  calendar: OfficeCalendar;
  office: { name: string; address: string; whatsappDisplay: string; phone: string; timeZone: TimeZoneLabel };
}

export default function Confirmation({ sent, service, stages, expected, calendar, office }: ConfirmationProps) {
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
          <TrackingCode code={sent.code} />
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
            <strong>
              <TrackingCode code={sent.code} />
            </strong>
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
