import { useEffect, useRef, useState } from 'preact/hooks';
import type { Iku, LogAkses, Penolakan, Saya } from '../../lib/api/petugas';
import { api, ApiRefusal, Offline, signOut, staffClient } from '../../lib/petugas-client';
import { formatDate, formatNumber } from '../../lib/format';
import { Pager, StackCell, StackTable } from '../../components/StackCell';
import { controlProps, FormField } from '../../components/FormField';
import { useAddress } from '../../lib/use-address';
import { failureMessage, OFFLINE, StaffPending, useStaff, When } from './session';
import { LoadFailed } from '../../components/LoadFailed';

const PAGE = '/petugas/ekspor/';
/** Years offered: this year (office time) and the four before it, newest first. */
const YEARS_BACK = 4;
const LOG_COLUMNS = ['Waktu', 'Petugas', 'Kasus', 'Dokumen', 'Hasil'] as const;
const KIND_LABEL = { permohonan: 'Permohonan', laporan: 'Laporan' } as const;

interface Props {
  /** Document labels by file field (content/reference/documents.yaml and the photo fields). */
  documents: Record<string, string>;
  /** Labels of the roles that may export, and of those that may read the access log. */
  exporters: string[];
  logReaders: string[];
}

/** What the address holds: the year of the LAKIN data and the page of the access log. */
interface Address {
  tahun: number;
  halaman: number;
}

/** This year in the office's time zone (the shared formatter knows the zones). */
function currentYear(zone: Saya['kantor']['zona']): number {
  return Number(formatDate(new Date(), zone).slice(-4));
}

function readAddress(search: string, years: number[]): Address {
  const p = new URLSearchParams(search);
  const year = Number(p.get('tahun'));
  const page = Number(p.get('halaman') ?? '1');
  return { tahun: years.includes(year) ? year : years[0]!, halaman: Number.isInteger(page) && page > 1 ? page : 1 };
}

/** A year in the address that the page does not offer (typed or from an old link), said on the year field. */
function addressYearProblem(search: string, years: number[]): string | null {
  const raw = new URLSearchParams(search).get('tahun');
  if (raw === null || years.includes(Number(raw))) return null;
  return `Tahun “${raw.slice(0, 10)}” tidak tersedia. Pilih tahun ${years[years.length - 1]!} sampai ${years[0]!}; yang ditampilkan sekarang tahun ${years[0]!}.`;
}

function addressOf(a: Address, years: number[]): string {
  const p = new URLSearchParams();
  if (a.tahun !== years[0]) p.set('tahun', String(a.tahun));
  if (a.halaman > 1) p.set('halaman', String(a.halaman));
  const s = p.toString();
  return s ? `${PAGE}?${s}` : PAGE;
}

/** /petugas/ekspor/: the LAKIN download and indicator, and the access log, each for the roles that hold it. */
export default function Export(props: Props) {
  const staff = useStaff();
  if (staff.kind !== 'ready') return <StaffPending state={staff} />;
  const saya = staff.saya;
  const canExport = saya.wewenang.includes('ekspor');
  const canLog = saya.wewenang.includes('log-akses');
  if (!canExport && !canLog) return <NotForYou saya={saya} exporters={props.exporters} logReaders={props.logReaders} />;
  return <ExportFor saya={saya} canExport={canExport} canLog={canLog} documents={props.documents} />;
}

function NotForYou({ saya, exporters, logReaders }: { saya: Saya; exporters: string[]; logReaders: string[] }) {
  return (
    <div class="notice ws-refusal">
      <h2>Halaman ini tidak untuk peran Anda</h2>
      <p>
        Peran Anda ({saya.peran.map((p) => p.label).join(', ')}) tidak berwenang mengunduh data LAKIN atau membaca catatan akses dokumen.
      </p>
      <ul>
        {exporters.length > 0 && <li>Data LAKIN dan capaian indikator: {exporters.join(', ')}.</li>}
        {logReaders.length > 0 && <li>Catatan akses dokumen: {logReaders.join(', ')}.</li>}
      </ul>
      <p>Bila pekerjaan Anda memerlukannya, minta administrator menambahkan peran itu pada akun Anda.</p>
      <p>
        <a href="/petugas/">Kembali ke Hari ini</a>
      </p>
    </div>
  );
}

function ExportFor({ saya, canExport, canLog, documents }: { saya: Saya; canExport: boolean; canLog: boolean; documents: Record<string, string> }) {
  const [years] = useState(() => {
    const now = currentYear(saya.kantor.zona);
    return Array.from({ length: YEARS_BACK + 1 }, (_, i) => now - i);
  });
  const [address, setAddress] = useState<Address>(() => readAddress(window.location.search, years));
  const [yearProblem] = useState(() => addressYearProblem(window.location.search, years));
  const moveFocus = useRef(false);

  // The first address was read above, while rendering.
  useAddress((search) => setAddress(readAddress(search, years)), { now: false });

  // A new year replaces the address (the back button is for pages, not for every choice of year);
  // a page of the log is a step of its own.
  function chooseYear(tahun: number) {
    const next = { ...address, tahun };
    window.history.replaceState(null, '', addressOf(next, years));
    setAddress(next);
  }
  function goToPage(halaman: number) {
    const next = { ...address, halaman };
    window.history.pushState(null, '', addressOf(next, years));
    moveFocus.current = true;
    setAddress(next);
  }

  return (
    <>
      {canExport && <Lakin years={years} year={address.tahun} onYear={chooseYear} addressProblem={yearProblem} />}
      {canLog && <AccessLog saya={saya} page={address.halaman} pageUrl={(halaman) => addressOf({ ...address, halaman }, years)} onPage={goToPage} moveFocus={moveFocus} documents={documents} />}
    </>
  );
}

/** A refusal read from a non-JSON call's answer (the CSV download). */
async function refusalOf(res: Response): Promise<ApiRefusal> {
  let body: Partial<Penolakan> = {};
  try {
    body = (await res.json()) as Partial<Penolakan>;
  } catch {
    body = {};
  }
  if (res.status === 401) signOut();
  const message = body.message || (res.status >= 500 ? 'Server sedang bermasalah. Coba lagi sebentar lagi.' : 'Permintaan tidak dapat diproses.');
  return new ApiRefusal(res.status, message, {});
}

/**
 * Fetches the year's CSV as the signed-in person (it needs the Authorization header, so a plain
 * link cannot do it) and hands it to the browser as a download; resolves the file's name.
 */
async function downloadCsv(year: number): Promise<string> {
  const token = staffClient().authStore.token;
  let res: Response;
  try {
    res = await fetch(`/api/petugas/ekspor/lakin.csv?tahun=${year}`, { headers: token ? { Authorization: token } : {}, cache: 'no-store' });
  } catch {
    throw new Offline(OFFLINE);
  }
  if (!res.ok) throw await refusalOf(res);
  let blob: Blob;
  try {
    blob = await res.blob();
  } catch {
    throw new Offline(OFFLINE);
  }
  const named = /filename="?([\w.-]+)"?/.exec(res.headers.get('content-disposition') ?? '')?.[1];
  const name = named ?? `lakin-${year}.csv`;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click is handled; free it a little later.
  window.setTimeout(() => URL.revokeObjectURL(url), 30_000);
  return name;
}

type IkuLoad = { kind: 'loading' } | { kind: 'done'; answer: Iku } | { kind: 'failed'; message: string };
type Download = { kind: 'idle' } | { kind: 'working' } | { kind: 'done'; name: string } | { kind: 'failed'; message: string };

function Lakin({ years, year, onYear, addressProblem }: { years: number[]; year: number; onYear: (year: number) => void; addressProblem: string | null }) {
  const [iku, setIku] = useState<IkuLoad>({ kind: 'loading' });
  const [download, setDownload] = useState<Download>({ kind: 'idle' });
  const [serverYearError, setYearError] = useState<string | null>(null);
  const [fromAddress, setFromAddress] = useState(addressProblem);
  const yearError = serverYearError ?? fromAddress;
  const [attempt, setAttempt] = useState(0);
  const busy = useRef(false);

  useEffect(() => {
    const controller = new AbortController();
    setIku({ kind: 'loading' });
    setYearError(null);
    api<Iku>(`/api/petugas/ekspor/iku?tahun=${year}`, { signal: controller.signal }).then(
      (answer) => !controller.signal.aborted && setIku({ kind: 'done', answer }),
      (err: unknown) => {
        if (controller.signal.aborted) return;
        // A year the server will not count is said on the year field.
        if (err instanceof ApiRefusal && err.status === 400) setYearError(err.message);
        setIku({ kind: 'failed', message: failureMessage(err) });
      },
    );
    return () => controller.abort();
  }, [year, attempt]);

  async function onDownload() {
    if (busy.current) return;
    busy.current = true;
    setDownload({ kind: 'working' });
    try {
      const name = await downloadCsv(year);
      setDownload({ kind: 'done', name });
    } catch (err) {
      if (err instanceof ApiRefusal && err.status === 400) setYearError(err.message);
      setDownload({ kind: 'failed', message: failureMessage(err) });
    } finally {
      busy.current = false;
    }
  }

  let status = '';
  if (download.kind === 'working') status = `Menyiapkan berkas data LAKIN tahun ${year}…`;
  else if (download.kind === 'done') status = `Berkas ${download.name} sudah diunduh. Buka dengan aplikasi lembar kerja (spreadsheet).`;

  return (
    <section class="ws-section ws-export" aria-labelledby="ekspor-lakin">
      <h2 id="ekspor-lakin">Data LAKIN dan indikator kinerja</h2>
      <p class="ws-intro">
        Jumlah permohonan per layanan, kategori PPKS, kecamatan, status, dan bulan, serta indikator kinerja utama (IKU), dihitung dari permohonan dan laporan yang masuk pada tahun yang dipilih. Berkas CSV hanya berisi jumlah, tanpa data pribadi.
      </p>
      <div class="ws-toolbar">
        <FormField id="tahun" label="Tahun data" error={yearError ?? undefined}>
          <select
            {...controlProps('tahun', { error: yearError })}
            value={String(year)}
            onChange={(e) => {
              setDownload({ kind: 'idle' });
              setFromAddress(null);
              onYear(Number(e.currentTarget.value));
            }}
          >
            {years.map((y) => (
              <option key={y} value={String(y)}>
                {y}
              </option>
            ))}
          </select>
        </FormField>
        <button type="button" class="button" onClick={() => void onDownload()} aria-describedby="ekspor-unduh-status">
          Unduh data LAKIN (CSV)
        </button>
      </div>
      <p class="board-summary" id="ekspor-unduh-status" role="status" aria-live="polite">
        {status}
      </p>
      {download.kind === 'failed' && (
        <LoadFailed level={3} title="Berkas belum dapat diunduh" message={download.message} onRetry={() => void onDownload()} retryLabel="Coba unduh lagi" />
      )}

      <h3 id="ekspor-iku">Indikator kinerja utama tahun {year}</h3>
      {iku.kind === 'loading' && (
        <p class="ws-loading" role="status">
          Menghitung indikator tahun {year}…
        </p>
      )}
      {iku.kind === 'failed' && (
        <LoadFailed level={4} title="Indikator belum dapat dimuat" message={iku.message} onRetry={() => setAttempt((n) => n + 1)} />
      )}
      {iku.kind === 'done' && <Indicators answer={iku.answer} />}
    </section>
  );
}

function Indicators({ answer }: { answer: Iku }) {
  return (
    <div class="ws-iku" aria-labelledby="ekspor-iku" role="group">
      {answer.indikator.map((ind) => (
        <div key={ind.kunci} class="ws-iku__item" data-kunci={ind.kunci}>
          <p class="ws-iku__label">{ind.label}</p>
          <dl class="facts">
            <div data-angka="nilai">
              <dt>Nilai</dt>
              <dd>
                {ind.nilai === null ? <span aria-hidden="true">—</span> : `${formatNumber(ind.nilai)}%`}
                {ind.nilai === null && <span class="facts__note">Belum ada permohonan atau laporan yang diputus pada tahun {answer.tahun}.</span>}
              </dd>
            </div>
            <div data-angka="pembilang">
              <dt>Pembilang: {ind.label_pembilang}</dt>
              <dd>{formatNumber(ind.pembilang)}</dd>
            </div>
            <div data-angka="penyebut">
              <dt>Penyebut: {ind.label_penyebut}</dt>
              <dd>{formatNumber(ind.penyebut)}</dd>
            </div>
          </dl>
        </div>
      ))}
      <p class="ws-iku__how">
        Nilai = pembilang ÷ penyebut × 100%. {answer.catatan}
      </p>
    </div>
  );
}

type LogLoad = { kind: 'loading'; previous: LogAkses | null } | { kind: 'done'; answer: LogAkses } | { kind: 'failed'; message: string };

function AccessLog(props: { saya: Saya; page: number; pageUrl: (page: number) => string; onPage: (page: number) => void; moveFocus: { current: boolean }; documents: Record<string, string> }) {
  const { saya, page, pageUrl, onPage, moveFocus, documents } = props;
  const [load, setLoad] = useState<LogLoad>({ kind: 'loading', previous: null });
  const [attempt, setAttempt] = useState(0);
  const last = useRef<LogAkses | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const controller = new AbortController();
    setLoad({ kind: 'loading', previous: last.current });
    api<LogAkses>(`/api/petugas/log-akses?halaman=${page}`, { signal: controller.signal }).then(
      (answer) => {
        if (controller.signal.aborted) return;
        last.current = answer;
        setLoad({ kind: 'done', answer });
      },
      (err: unknown) => !controller.signal.aborted && setLoad({ kind: 'failed', message: failureMessage(err) }),
    );
    return () => controller.abort();
  }, [page, attempt]);

  useEffect(() => {
    if (load.kind !== 'loading' && moveFocus.current && heading.current) {
      moveFocus.current = false;
      heading.current.focus();
    }
  }, [load]);

  const answer = load.kind === 'done' ? load.answer : load.kind === 'loading' ? load.previous : null;
  let announcement = '';
  if (load.kind === 'loading') announcement = 'Memuat catatan akses…';
  else if (load.kind === 'done') {
    const a = load.answer;
    announcement = a.total === 0 ? 'Belum ada dokumen yang dibuka.' : `${formatNumber(a.total)} pembukaan dokumen tercatat; halaman ${formatNumber(a.halaman)} dari ${formatNumber(a.jumlah_halaman)}.`;
  }

  return (
    <section class="ws-section ws-export" aria-labelledby="log-akses">
      <h2 id="log-akses" ref={heading} tabIndex={-1}>
        Catatan akses dokumen
      </h2>
      <p class="ws-intro">
        Setiap kali dokumen pribadi pemohon atau foto laporan dibuka dari ruang kerja atau panel admin, portal mencatat siapa, dokumen apa, dari kasus mana, dan kapan (UU 27/2022), termasuk pembukaan yang ditolak karena dokumen itu tidak diperlukan untuk tugas petugasnya. Catatan ini tidak dapat diubah atau dihapus. Yang terbaru di atas.
      </p>
      <p class="board-summary" role="status" aria-live="polite">
        {announcement}
      </p>
      {load.kind === 'failed' && (
        <LoadFailed level={3} title="Catatan akses belum dapat dimuat" message={load.message} onRetry={() => setAttempt((n) => n + 1)} />
      )}
      {answer && answer.item.length > 0 && (
        <StackTable
          id="log-akses-judul"
          class="ws-table ws-log"
          regionClass="ws-table-wrap"
          busy={load.kind === 'loading'}
          caption={`Catatan akses dokumen, terbaru di atas (halaman ${formatNumber(answer.halaman)} dari ${formatNumber(answer.jumlah_halaman)})`}
          columns={LOG_COLUMNS}
        >
        {answer.item.map((item, i) => (
          <tr key={`${item.waktu}-${i}`} role="row" class={item.ditolak ? 'ws-row--refused' : undefined}>
            <StackCell label={LOG_COLUMNS[0]}>
              <When iso={item.waktu} saya={saya} />
            </StackCell>
            <StackCell label={LOG_COLUMNS[1]}>{item.oleh}</StackCell>
            <StackCell label={LOG_COLUMNS[2]}>
              <span class="ws-code">{item.kode || '—'}</span>
              <span class="ws-meta">{KIND_LABEL[item.jenis] ?? item.jenis}</span>
            </StackCell>
            <StackCell label={LOG_COLUMNS[3]}>{documents[item.dokumen] ?? item.dokumen}</StackCell>
            <StackCell label={LOG_COLUMNS[4]}>{item.ditolak ? <span class="ws-tag ws-tag--late">Ditolak</span> : 'Dibuka'}</StackCell>
          </tr>
        ))}
        </StackTable>
      )}
      {answer && answer.item.length === 0 && <p class="ws-empty">{answer.total === 0 ? 'Belum ada dokumen yang dibuka sejak catatan dimulai.' : 'Halaman ini kosong.'}</p>}
      {answer && <Pager label="Halaman catatan akses" page={answer.halaman} pages={answer.jumlah_halaman} href={pageUrl} go={onPage} previous="Lebih baru" next="Lebih lama" />}
      {!answer && load.kind === 'loading' && <p class="ws-loading">Memuat catatan akses…</p>}
    </section>
  );
}
