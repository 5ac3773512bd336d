import { useEffect, useState } from 'preact/hooks';
import { formatDateTime, formatNumber, formatPercent, type TimeZoneLabel } from '../lib/format';
import { formatWorkingTime } from '../lib/duration';
import { StackCell, StackTable } from '../components/StackCell';
import type { Counts, Hidden, HiddenReason as Reason, PublishedIkm as Ikm, ServiceFigures, Statistik as Figures } from '../lib/api/figures';

interface StatusOption {
  id: string;
  label: string;
  closed: boolean;
  /** What the status means (content/reference/statuses.yaml); "success" is a served request. */
  meaning?: string | undefined;
}

interface Props {
  timeZone: TimeZoneLabel;
  /** Request statuses in workflow order. */
  statuses: StatusOption[];
  /** Report statuses in workflow order. */
  reportStatuses: StatusOption[];
}

type State = { kind: 'idle' } | { kind: 'loading' } | { kind: 'failed' } | { kind: 'done'; figures: Figures };

/** Three groups keep the chart readable; the table beside it has every status. */
const GROUPS = [
  { key: 'selesai', label: 'Selesai', fill: '#005a4e' },
  { key: 'proses', label: 'Masih diproses', fill: 'url(#lf-pola-proses)' },
  { key: 'tutup', label: 'Tidak dapat dipenuhi atau dibatalkan', fill: 'url(#lf-pola-tutup)' },
  // Statuses whose counts are withheld: their sum is the total minus the shown ones.
  { key: 'lain', label: 'Tahap tidak dirinci (kelompok kecil)', fill: 'url(#lf-pola-lain)' },
] as const;
type GroupKey = (typeof GROUPS)[number]['key'];

const W = 320;
const FONT = 13;
const LINE = 16;
const BAR = 18;
const LABEL_CHARS = 40;

/** Splits a label into at most two lines for SVG text, which does not wrap by itself. */
function wrap(text: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && (line + ' ' + word).length > LABEL_CHARS) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  if (lines.length <= 2) return lines;
  return [lines[0]!, `${lines.slice(1).join(' ').slice(0, LABEL_CHARS - 1)}…`];
}

/**
 * Rows stacked down a chart from `start`, one a service: its wrapped name (`lines`), then its bar
 * at `barTop`. `height` is where the last one ends.
 */
function stack<T extends { lines: string[] }>(rows: T[], start: number): { placed: (T & { top: number; barTop: number })[]; height: number } {
  let y = start;
  const placed = rows.map((r) => {
    const top = y;
    y += r.lines.length * LINE + BAR + 16;
    return { ...r, top, barTop: top + r.lines.length * LINE + 4 };
  });
  return { placed, height: y };
}

/** A service's name above its bar, in the lines `wrap` made. */
function ServiceName({ lines, top }: { lines: string[]; top: number }) {
  return (
    <>
      {lines.map((line, i) => (
        <text key={i} x="0" y={top + (i + 1) * LINE - 3} font-weight="600">
          {line}
        </text>
      ))}
    </>
  );
}

const percent = (n: number) => formatPercent(n, Number.isInteger(n) ? 0 : 1);

/** A withheld figure in words: "kurang dari 5", or "tidak ditampilkan" when it protects one. */
function withheld(reason: Reason, min: number): string {
  return reason === 'melindungi' ? 'tidak ditampilkan' : `kurang dari ${formatNumber(min)}`;
}

/** A count as shown: the number, or why it is withheld; never a 0 that is not one. */
function count(value: number | null | undefined, reason: Reason | undefined, min: number): string {
  if (value !== null && value !== undefined) return formatNumber(value);
  return reason ? withheld(reason, min) : '–';
}

/** A figure computed from finished requests (median, share), or why there is none. */
function derived(value: number | null, reason: Reason | undefined, min: number, show: (n: number) => string): string {
  if (value !== null) return show(value);
  return reason ? withheld(reason, min) : '–';
}

const days = (n: number) => `${formatNumber(n)} hari kerja`;

/** Chart groups of a service from its shown status counts; the withheld rest as one group. */
function groupsOf(service: ServiceFigures, statuses: StatusOption[]): Record<GroupKey, number> {
  const out: Record<GroupKey, number> = { selesai: 0, proses: 0, tutup: 0, lain: 0 };
  let shown = 0;
  for (const [status, n] of Object.entries(service.per_status)) {
    if (n === null) continue;
    const info = statuses.find((s) => s.id === status);
    out[info?.meaning === 'success' ? 'selesai' : info?.closed ? 'tutup' : 'proses'] += n;
    shown += n;
  }
  out.lain = (service.total ?? 0) - shown;
  return out;
}

/**
 * Requests served and closed (the statuses meaning "success"): no such request is a 0; a
 * withheld count stays withheld (never shown as 0).
 */
function served(requests: { per_status: Counts; disembunyikan: Hidden }, statuses: StatusOption[], min: number): string {
  let sum = 0;
  for (const s of statuses.filter((x) => x.meaning === 'success')) {
    const n = requests.per_status[s.id];
    if (n === null) return count(null, requests.disembunyikan[`per_status.${s.id}`], min);
    sum += n ?? 0;
  }
  return formatNumber(sum);
}

function statusDetail(perStatus: Counts, hidden: Hidden, statuses: StatusOption[], min: number): string {
  const part = (id: string, label: string) => `${label}: ${count(perStatus[id], hidden[`per_status.${id}`], min)}`;
  const known = statuses.filter((s) => s.id in perStatus).map((s) => part(s.id, s.label));
  const unknown = Object.keys(perStatus)
    .filter((k) => !statuses.some((s) => s.id === k))
    .map((k) => part(k, k));
  return [...known, ...unknown].join('; ');
}

/** Live figures from GET /api/statistik for /kinerja/: charts with their data tables. */
export default function LiveFigures({ timeZone, statuses, reportStatuses }: Props) {
  // Rendered at build time too: nothing is shown until the island runs and asks the server.
  const [state, setState] = useState<State>({ kind: 'idle' });

  async function load() {
    setState({ kind: 'loading' });
    try {
      const res = await fetch('/api/statistik');
      if (!res.ok) throw new Error(String(res.status));
      setState({ kind: 'done', figures: (await res.json()) as Figures });
    } catch {
      setState({ kind: 'failed' });
    }
  }

  useEffect(() => {
    void load();
  }, []);

  return (
    <div class={state.kind === 'idle' || state.kind === 'loading' ? 'live live-pending' : 'live'} aria-busy={state.kind === 'loading' ? 'true' : 'false'}>
      <div aria-live="polite">
        {state.kind === 'loading' && <p>Memuat angka terkini…</p>}
        {state.kind === 'failed' && (
          <div class="error-summary">
            <p>Angka terkini belum dapat dimuat. Periksa sambungan internet Anda, lalu coba lagi.</p>
            <button type="button" class="button" onClick={() => void load()}>
              Coba lagi
            </button>
          </div>
        )}
      </div>
      {state.kind === 'done' && <Shown figures={state.figures} timeZone={timeZone} statuses={statuses} reportStatuses={reportStatuses} />}
    </div>
  );
}

interface Column {
  label: string;
  num?: boolean;
}
interface Row {
  key: string;
  head: string;
  cells: string[];
}

/**
 * A data table whose first column heads each row. Explicit roles keep the table semantics when
 * narrow screens stack each row; the column name repeated in a cell is for sight only.
 */
function DataTable({ id, caption, columns, rows, foot }: { id: string; caption: string; columns: Column[]; rows: Row[]; foot?: Row }) {
  const line = (r: Row) => (
    <tr key={r.key} role="row">
      <th scope="row" role="rowheader">
        {r.head}
      </th>
      {r.cells.map((c, i) => (
        <StackCell key={i} label={columns[i + 1]?.label ?? ''} class={columns[i + 1]?.num ? 'num' : undefined}>
          {c}
        </StackCell>
      ))}
    </tr>
  );
  return (
    <StackTable id={id} caption={caption} columns={columns} foot={foot && line(foot)}>
      {rows.map(line)}
    </StackTable>
  );
}

function Shown({ figures, timeZone, statuses, reportStatuses }: { figures: Figures } & Props) {
  const min = figures.ambang;
  const requests = figures.permohonan;
  // A service is listed once it has a request, even when its count is withheld.
  const services = requests.per_layanan.filter((s) => s.total !== 0);
  const charted = services.filter((s): s is ServiceFigures & { total: number } => s.total !== null);
  const finished = services.filter((s) => s.selesai !== 0);
  const timed = finished.filter((s) => s.persen_dalam_standar !== null);
  const survey = figures.ikm;
  const rated = survey.per_layanan.filter((s) => s.ikm !== null || s.disembunyikan['ikm']);
  const overall = survey.keseluruhan;
  const overallHidden = survey.disembunyikan['keseluruhan'];
  const reports = figures.laporan;
  const notShown = (reason: Reason) => (reason === 'melindungi' ? `Belum ditampilkan: akan membuka nilai layanan dengan kurang dari ${formatNumber(min)} responden` : `Belum ditampilkan: kurang dari ${formatNumber(min)} responden`);
  const ikmCells = (ikm: Ikm | null, reason: Reason | undefined, sample: number | null, sampleReason: Reason | undefined) =>
    ikm
      ? [formatNumber(ikm.responses), count(sample, sampleReason, min), formatNumber(ikm.converted, 2), `${ikm.mutu} (${ikm.kinerja.toLowerCase()})`]
      : [count(null, reason, min), count(sample, sampleReason, min), reason ? notShown(reason) : '–', '–'];

  return (
    <>
      <p class="muted">Diperbarui {formatDateTime(figures.diperbarui, timeZone)}. Dihitung langsung dari permohonan dan laporan di portal, tanpa data pribadi.</p>
      <p class="prose">
        Agar tidak ada orang yang dapat dikenali, angka yang berasal dari kurang dari {formatNumber(min)} permohonan, laporan, atau responden tidak ditampilkan dan ditulis “kurang dari {formatNumber(min)}”. Angka yang ditulis “tidak ditampilkan” disembunyikan karena dengan angka itu jumlah yang kurang dari {formatNumber(min)} dapat dihitung dari angka lain.
      </p>
      <dl class="facts">
        <div>
          <dt>Permohonan layanan</dt>
          <dd>{count(requests.total, requests.disembunyikan['total'], min)}</dd>
        </div>
        <div>
          <dt>Permohonan selesai</dt>
          <dd>{served(requests, statuses, min)}</dd>
        </div>
        <div>
          <dt>Laporan warga</dt>
          <dd>{count(reports.total, reports.disembunyikan['total'], min)}</dd>
        </div>
        {(overall || overallHidden) && (
          <div>
            <dt>Indeks Kepuasan Masyarakat</dt>
            {overall ? (
              <dd>
                {formatNumber(overall.converted, 2)} (mutu {overall.mutu})
              </dd>
            ) : (
              <dd>
                Belum ditampilkan
                <span class="facts__note">{overallHidden === 'melindungi' ? `akan membuka nilai layanan dengan kurang dari ${formatNumber(min)} responden` : `kurang dari ${formatNumber(min)} responden`}</span>
              </dd>
            )}
          </div>
        )}
      </dl>

      <h3 id="lf-status">Permohonan per layanan menurut tahap</h3>
      {services.length === 0 ? (
        <p>Belum ada permohonan yang masuk melalui portal.</p>
      ) : (
        <div class="live-pair">
          {charted.length > 0 && <StatusChart services={charted} statuses={statuses} />}
          <DataTable
            id="lf-status-tabel"
            caption="Jumlah permohonan per layanan menurut status"
            columns={[{ label: 'Layanan' }, { label: 'Jumlah', num: true }, { label: 'Rincian status' }]}
            rows={services.map((s) => ({ key: s.layanan, head: s.judul, cells: [count(s.total, s.disembunyikan['total'], min), statusDetail(s.per_status, s.disembunyikan, statuses, min)] }))}
            foot={{ key: 'semua', head: 'Semua layanan', cells: [count(requests.total, requests.disembunyikan['total'], min), statusDetail(requests.per_status, requests.disembunyikan, statuses, min)] }}
          />
        </div>
      )}

      <h3 id="lf-waktu">Ketepatan waktu penyelesaian</h3>
      <p class="prose">
        Lama penyelesaian dihitung dalam hari kerja (Senin–Jumat), dari tanggal permohonan masuk sampai tanggal selesai; 0 berarti selesai pada hari yang sama. Median adalah nilai tengah: separuh
        permohonan selesai lebih cepat, separuh lebih lambat. Waktu standar adalah jumlah waktu langkah SOP layanan. Median dan persentase hanya dihitung dari sedikitnya {formatNumber(min)} permohonan yang selesai.
      </p>
      {finished.length === 0 ? (
        <p>Belum ada permohonan yang selesai, sehingga ketepatan waktu belum dapat dihitung.</p>
      ) : (
        <div class="live-pair">
          {timed.length > 0 && <TimelinessChart services={timed} min={min} />}
          <DataTable
            id="lf-waktu-tabel"
            caption="Lama penyelesaian dibandingkan waktu standar SOP"
            columns={[{ label: 'Layanan' }, { label: 'Selesai', num: true }, { label: 'Median lama' }, { label: 'Waktu standar SOP' }, { label: 'Selesai dalam waktu standar', num: true }]}
            rows={finished.map((s) => ({
              key: s.layanan,
              head: s.judul,
              cells: [
                count(s.selesai, s.disembunyikan['selesai'], min),
                derived(s.median_hari_kerja, s.disembunyikan['median_hari_kerja'], min, days),
                typeof s.standar_menit === 'number' ? formatWorkingTime(s.standar_menit) : s.standar_hari_kerja === null ? '–' : days(s.standar_hari_kerja),
                derived(s.persen_dalam_standar, s.disembunyikan['persen_dalam_standar'], min, percent),
              ],
            }))}
          />
        </div>
      )}

      <h3 id="lf-ikm">Indeks Kepuasan Masyarakat (IKM)</h3>
      {!overall && !overallHidden && rated.length === 0 ? (
        <p>Belum ada jawaban survei kepuasan masyarakat.</p>
      ) : (
        <>
          <p class="prose">
            Nilai IKM 25–100 dari survei kepuasan setelah permohonan selesai (Permenpan RB Nomor 14 Tahun 2017). Mutu A: sangat baik, B: baik, C: kurang baik, D: tidak baik. Sampel minimum menurut tabel Krejcie dan Morgan untuk jumlah permohonan yang selesai; bila responden lebih sedikit, nilai IKM belum mewakili. Nilai dari kurang dari {formatNumber(min)} responden tidak ditampilkan, agar jawaban setiap orang tetap rahasia.
          </p>
          <DataTable
            id="lf-ikm-tabel"
            caption="Indeks Kepuasan Masyarakat per layanan"
            columns={[{ label: 'Layanan' }, { label: 'Responden', num: true }, { label: 'Sampel minimum', num: true }, { label: 'Nilai IKM', num: true }, { label: 'Mutu pelayanan' }]}
            rows={rated.map((s) => ({ key: s.layanan, head: s.judul, cells: ikmCells(s.ikm, s.disembunyikan['ikm'], s.sampel_minimum, s.disembunyikan['sampel_minimum']) }))}
            foot={{ key: 'semua', head: 'Semua layanan', cells: ikmCells(overall, overallHidden, survey.sampel_minimum, survey.disembunyikan['sampel_minimum']) }}
          />
        </>
      )}

      <h3 id="lf-laporan">Laporan warga</h3>
      {reports.total === 0 ? (
        <p>Belum ada laporan warga yang masuk melalui portal.</p>
      ) : (
        <DataTable
          id="lf-laporan-tabel"
          caption="Laporan warga menurut jenis"
          columns={[{ label: 'Jenis laporan' }, { label: 'Jumlah', num: true }, { label: 'Rincian status' }]}
          rows={reports.per_jenis.map((j) => ({ key: j.jenis, head: j.label, cells: [count(j.total, j.disembunyikan['total'], min), j.total === 0 ? '–' : statusDetail(j.per_status, j.disembunyikan, reportStatuses, min)] }))}
          foot={{ key: 'semua', head: 'Semua jenis', cells: [count(reports.total, reports.disembunyikan['total'], min), '–'] }}
        />
      )}
    </>
  );
}

/** Stacked bars: each group has its own fill pattern and a legend, so colour is never alone. */
function StatusChart({ services, statuses }: { services: (ServiceFigures & { total: number })[]; statuses: StatusOption[] }) {
  const rows = services.map((s) => ({ s, lines: wrap(s.judul), g: groupsOf(s, statuses) }));
  // The legend lists the withheld group only when a bar has one.
  const groups = GROUPS.filter((g) => g.key !== 'lain' || rows.some((r) => r.g.lain > 0));
  const max = Math.max(1, ...services.map((s) => s.total));
  const barMax = W - 48;
  const { placed, height: y } = stack(rows, groups.length * 22 + 8);
  const desc = rows
    .map((r) => `${r.s.judul}: ${formatNumber(r.s.total)} permohonan; ${groups.map((g) => `${g.label.toLowerCase()} ${formatNumber(r.g[g.key])}`).join(', ')}.`)
    .join(' ');
  return (
    <figure class="live-chart">
      <svg role="img" aria-labelledby="lf-g1-judul lf-g1-isi" viewBox={`0 0 ${W} ${y}`} width={W} height={y} font-size={FONT}>
        <title id="lf-g1-judul">Permohonan per layanan menurut tahap</title>
        <desc id="lf-g1-isi">{desc}</desc>
        <defs>
          <pattern id="lf-pola-proses" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#d7ebe5" />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#005a4e" stroke-width="2.5" />
          </pattern>
          <pattern id="lf-pola-tutup" width="6" height="6" patternUnits="userSpaceOnUse">
            <rect width="6" height="6" fill="#ffffff" />
            <circle cx="3" cy="3" r="1.3" fill="#1b1b1b" />
          </pattern>
          <pattern id="lf-pola-lain" width="6" height="6" patternUnits="userSpaceOnUse">
            <rect width="6" height="6" fill="#e6e6e6" />
            <line x1="0" y1="3" x2="6" y2="3" stroke="#1b1b1b" stroke-width="1.5" />
          </pattern>
        </defs>
        {groups.map((g, i) => (
          <g key={g.key}>
            <rect x="0.5" y={i * 22 + 2.5} width="28" height="15" fill={g.fill} stroke="#1b1b1b" />
            <text x="36" y={i * 22 + 15}>
              {g.label}
            </text>
          </g>
        ))}
        {placed.map(({ s, lines, g, top, barTop }) => {
          let x = 0.5;
          return (
            <g key={s.layanan}>
              <ServiceName lines={lines} top={top} />
              {groups.map((grp) => {
                const w = (g[grp.key] / max) * barMax;
                const rect = w > 0 ? <rect key={grp.key} x={x} y={barTop} width={w} height={BAR} fill={grp.fill} stroke="#1b1b1b" /> : null;
                x += w;
                return rect;
              })}
              <text x={x + 6} y={barTop + BAR - 4}>
                {formatNumber(s.total)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>Bagan jumlah permohonan per layanan yang jumlahnya ditampilkan. Angka lengkap ada pada tabel.</figcaption>
    </figure>
  );
}

/** One bar per service: the share finished within the SOP standard, with the value written out. */
function TimelinessChart({ services, min }: { services: ServiceFigures[]; min: number }) {
  const barMax = W - 96;
  const { placed, height: y } = stack(
    services.map((s) => ({ s, lines: wrap(s.judul) })),
    0,
  );
  const of = (s: ServiceFigures) => (s.selesai === null ? '' : ` dari ${formatNumber(s.selesai)}`);
  const desc = services.map((s) => `${s.judul}: ${percent(s.persen_dalam_standar ?? 0)}${of(s)} permohonan selesai dalam waktu standar.`).join(' ');
  return (
    <figure class="live-chart">
      <svg role="img" aria-labelledby="lf-g2-judul lf-g2-isi" viewBox={`0 0 ${W} ${y}`} width={W} height={y} font-size={FONT}>
        <title id="lf-g2-judul">Persentase permohonan yang selesai dalam waktu standar SOP</title>
        <desc id="lf-g2-isi">{desc}</desc>
        {placed.map(({ s, lines, top, barTop }) => {
          const value = s.persen_dalam_standar ?? 0;
          return (
            <g key={s.layanan}>
              <ServiceName lines={lines} top={top} />
              <rect x="0.5" y={barTop} width={barMax} height={BAR} fill="#ffffff" stroke="#6b6b6b" />
              {value > 0 && <rect x="0.5" y={barTop} width={(value / 100) * barMax} height={BAR} fill="#005a4e" />}
              <text x={barMax + 6} y={barTop + BAR - 4}>
                {percent(value)}
                {of(s)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>Bagan persentase permohonan selesai dalam waktu standar SOP, untuk layanan dengan sedikitnya {formatNumber(min)} permohonan selesai. Di ujung batang: persentase dan jumlah permohonan yang selesai (batang penuh = 100%).</figcaption>
    </figure>
  );
}
