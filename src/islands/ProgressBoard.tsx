import { useEffect, useRef, useState } from 'preact/hooks';
import { formatDate, formatNumber, formatWeek } from '../lib/format';
import { Pager, StackCell, StackTable, inPlace } from '../components/StackCell';
import { useAddress } from '../lib/use-address';
import { typedBeforeHydration } from '../lib/typed-before-hydration';
import type { Progres as BoardAnswer } from '../lib/api/figures';
import { LoadFailed } from '../components/LoadFailed';

interface Filters {
  jenis: string;
  kecamatan: string;
  status: string;
  halaman: number;
}

type State =
  | { kind: 'idle' }
  | { kind: 'loading'; filters: Filters; previous: BoardAnswer | null }
  | { kind: 'done'; filters: Filters; answer: BoardAnswer }
  | { kind: 'refused'; message: string }
  | { kind: 'failed'; filters: Filters };

interface Option {
  id: string;
  label: string;
}

interface Props {
  kecamatan: Option[];
  /** Statuses of requests and of reports together, keyed as the API filters them. */
  statuses: Option[];
}

const KINDS: Option[] = [
  { id: 'permohonan', label: 'Permohonan layanan' },
  { id: 'laporan', label: 'Laporan warga' },
];
const COLUMNS = ['Minggu masuk', 'Layanan atau laporan', 'Kecamatan', 'Status', 'Jumlah'] as const;
const EMPTY: Filters = { jenis: '', kecamatan: '', status: '', halaman: 1 };

function fromUrl(search: string): Filters {
  const q = new URLSearchParams(search);
  const page = Number(q.get('halaman') ?? '1');
  return {
    jenis: q.get('jenis') ?? '',
    kecamatan: q.get('kecamatan') ?? '',
    status: q.get('status') ?? '',
    halaman: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

function toQuery(f: Filters): string {
  const q = new URLSearchParams();
  if (f.jenis) q.set('jenis', f.jenis);
  if (f.kecamatan) q.set('kecamatan', f.kecamatan);
  if (f.status) q.set('status', f.status);
  if (f.halaman > 1) q.set('halaman', String(f.halaman));
  const s = q.toString();
  return s ? `?${s}` : '';
}

const labelOf = (list: Option[], id: string) => list.find((o) => o.id === id)?.label ?? id;
const withCount = (label: string, n: number | undefined) => (n === undefined ? label : `${label} (${formatNumber(n)})`);

type FilterKey = 'jenis' | 'kecamatan' | 'status';

/** One filter of the board: a labelled select, "all" first, then each choice with its count when known. */
function Filter(props: { name: FilterKey; label: string; all: string; options: Option[]; counts: Record<string, number> | undefined; filters: Filters; onChange: (next: Filters) => void }) {
  const { name, label, all, options, counts, filters, onChange } = props;
  return (
    <div class="field">
      <label for={`saring-${name}`}>{label}</label>
      <select id={`saring-${name}`} name={name} value={filters[name]} onChange={(e) => onChange({ ...filters, [name]: e.currentTarget.value })}>
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {withCount(o.label, counts?.[o.id])}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The public board of requests and reports: filters, counts, one page of rows, paging. */
export default function ProgressBoard({ kecamatan, statuses }: Props) {
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const heading = useRef<HTMLHeadingElement>(null);
  const focusOnResult = useRef(false);
  const pending = useRef<AbortController | null>(null);
  const lastAnswer = useRef<BoardAnswer | null>(null);

  async function load(next: Filters, moveFocus: boolean) {
    focusOnResult.current = moveFocus;
    pending.current?.abort();
    const controller = new AbortController();
    pending.current = controller;
    setFilters(next);
    setState({ kind: 'loading', filters: next, previous: lastAnswer.current });
    try {
      const res = await fetch(`/api/progres${toQuery(next)}`, { signal: controller.signal });
      if (controller.signal.aborted) return;
      if (res.status === 400) {
        const body = (await res.json()) as { message?: string };
        setState({ kind: 'refused', message: body.message ?? 'Pilihan penyaring tidak dikenal.' });
        return;
      }
      if (!res.ok) throw new Error(String(res.status));
      const answer = (await res.json()) as BoardAnswer;
      if (controller.signal.aborted) return; // a newer request owns the result now
      lastAnswer.current = answer;
      setState({ kind: 'done', filters: next, answer });
    } catch {
      if (controller.signal.aborted) return;
      setState({ kind: 'failed', filters: next });
    }
  }

  // Choices made in the selects before the island ran (a slow phone; the page was built with none)
  // are the person's: they stay in the selects, applied by "Tampilkan" like any other choice,
  // while the list shows what the address asks for.
  const [chosen] = useState(() => ({ jenis: typedBeforeHydration('saring-jenis'), kecamatan: typedBeforeHydration('saring-kecamatan'), status: typedBeforeHydration('saring-status') }));
  const firstFollow = useRef(true);
  // Rendered at build time too: the address is read only once the island runs.
  useAddress(
    (search) => {
      const wanted = fromUrl(search);
      void load(wanted, false);
      if (!firstFollow.current) return;
      firstFollow.current = false;
      if (chosen.jenis || chosen.kecamatan || chosen.status) {
        setFilters({ ...wanted, jenis: chosen.jenis || wanted.jenis, kecamatan: chosen.kecamatan || wanted.kecamatan, status: chosen.status || wanted.status });
      }
    },
    { cancel: () => pending.current?.abort() },
  );

  useEffect(() => {
    if (state.kind !== 'loading' && state.kind !== 'idle' && focusOnResult.current && heading.current) {
      focusOnResult.current = false;
      heading.current.focus();
    }
  }, [state]);

  function go(next: Filters) {
    window.history.pushState(null, '', `/progres/${toQuery(next)}`);
    void load(next, true);
  }

  function onSubmit(event: Event) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLSelectElement | null)?.value ?? '';
    go({ jenis: value('jenis'), kecamatan: value('kecamatan'), status: value('status'), halaman: 1 });
  }

  const answer = state.kind === 'done' ? state.answer : state.kind === 'loading' ? state.previous : null;
  // While a new page loads, the previous counts stay so the choices do not flicker.
  const counts = answer;
  // The filters of the list on screen: the selects may hold choices not applied yet ("Tampilkan").
  const shown = 'filters' in state ? state.filters : filters;
  const pageLink = (halaman: number) => `/progres/${toQuery({ ...shown, halaman })}`;
  const onPage = (halaman: number) => inPlace(() => go({ ...shown, halaman }));

  // What the list shows, in words, for the caption and the announcement.
  const scope = [
    shown.jenis ? labelOf(KINDS, shown.jenis).toLowerCase() : 'permohonan dan laporan',
    shown.kecamatan ? `di Kecamatan ${labelOf(kecamatan, shown.kecamatan)}` : '',
    shown.status ? `berstatus ${labelOf(statuses, shown.status)}` : '',
  ]
    .filter(Boolean)
    .join(' ');

  let announcement = '';
  if (state.kind === 'loading') announcement = 'Memuat daftar…';
  else if (state.kind === 'done') {
    const a = state.answer;
    const first = (a.halaman - 1) * a.per_halaman + 1;
    const last = first + a.items.length - 1;
    announcement =
      a.total === 0
        ? `Tidak ada ${scope} yang dapat ditampilkan.`
        : a.items.length === 0
          ? `Halaman ${formatNumber(a.halaman)} kosong; ada ${formatNumber(a.jumlah_baris)} baris pada ${formatNumber(a.jumlah_halaman)} halaman.`
          : `Ada ${formatNumber(a.total)} ${scope} dalam ${formatNumber(a.jumlah_baris)} baris; menampilkan baris ${formatNumber(first)}–${formatNumber(last)}.`;
  }

  return (
    <div class="board">
      <form class="board-filters" method="get" action="/progres/" onSubmit={onSubmit} aria-label="Saring daftar">
        <Filter name="jenis" label="Jenis" all="Semua jenis" options={KINDS} counts={counts?.per_jenis} filters={filters} onChange={setFilters} />
        <Filter name="kecamatan" label="Kecamatan" all="Semua kecamatan" options={kecamatan} counts={counts?.per_kecamatan} filters={filters} onChange={setFilters} />
        <Filter name="status" label="Status" all="Semua status" options={statuses} counts={counts?.per_status} filters={filters} onChange={setFilters} />
        <div class="board-filters__actions">
          <button class="button" type="submit">
            Tampilkan
          </button>
          <a href="/progres/">Hapus pilihan</a>
        </div>
      </form>

      <p class="board-summary" role="status" aria-live="polite">
        {announcement}
      </p>

      {state.kind === 'refused' && (
        <div class="error-summary">
          <h2 ref={heading} tabIndex={-1}>
            Pilihan belum benar
          </h2>
          <p>{state.message}</p>
          <p>
            <a href="/progres/">Tampilkan semua permohonan dan laporan</a>
          </p>
        </div>
      )}
      {state.kind === 'failed' && (
        <LoadFailed title="Daftar belum dapat dimuat" message="Sambungan internet terputus atau server sedang sibuk. Periksa sambungan Anda, lalu coba lagi." onRetry={() => void load(state.filters, true)} headingRef={heading} />
      )}

      {answer && (
        <section aria-labelledby="progres-hasil" aria-busy={state.kind === 'loading' ? 'true' : 'false'}>
          <h2 id="progres-hasil" ref={heading} tabIndex={-1}>
            Daftar {formatNumber(answer.total)} {scope}
          </h2>
          <p class="board-asof">
            Diperbarui setiap hari; data sampai <time dateTime={answer.data_sampai}>{formatDate(answer.data_sampai)}</time>.{' '}
            {answer.tidak_ditampilkan === null
              ? `Kurang dari ${formatNumber(answer.ambang)} permohonan dan laporan tidak ditampilkan karena kelompoknya terlalu kecil.`
              : answer.tidak_ditampilkan > 0
                ? `Sebanyak ${formatNumber(answer.tidak_ditampilkan)} permohonan dan laporan tidak ditampilkan karena kelompoknya kurang dari ${formatNumber(answer.ambang)}.`
                : ''}
          </p>
          {answer.items.length > 0 ? (
            <StackTable
              id="progres-judul-tabel"
              class="board-table"
              caption={`${scope.charAt(0).toUpperCase() + scope.slice(1)} per minggu, terbaru di atas (halaman ${formatNumber(answer.halaman)} dari ${formatNumber(answer.jumlah_halaman)})`}
              columns={COLUMNS.map((c) => ({ label: c, num: c === 'Jumlah' }))}
            >
              {answer.items.map((item, i) => (
                <tr key={`${answer.halaman}-${i}`} role="row">
                  <StackCell label={COLUMNS[0]} class="board-date">
                    <time dateTime={item.minggu}>{formatWeek(item.minggu)}</time>
                  </StackCell>
                  <StackCell label={COLUMNS[1]}>
                    <span class="board-kind">{item.jenis === 'laporan' ? 'Laporan warga' : 'Permohonan'}</span>
                    {item.jenis_label}
                  </StackCell>
                  <StackCell label={COLUMNS[2]}>{item.kecamatan}</StackCell>
                  <StackCell label={COLUMNS[3]}>
                    <span class="board-status">{item.status_label}</span>
                    <span class={item.selesai ? 'board-state board-state--closed' : 'board-state'}>{item.selesai ? 'Sudah ditutup' : 'Masih diproses'}</span>
                  </StackCell>
                  <StackCell label={COLUMNS[4]} class="num">
                    {formatNumber(item.jumlah)}
                  </StackCell>
                </tr>
              ))}
            </StackTable>
          ) : (
            <p>
              {answer.total === 0 ? (
                `Tidak ada kelompok berisi sedikitnya ${formatNumber(answer.ambang)} permohonan atau laporan yang cocok dengan pilihan ini. Coba pilihan lain.`
              ) : (
                <>
                  Halaman ini kosong.{' '}
                  <a href={pageLink(1)} onClick={onPage(1)}>
                    Kembali ke halaman pertama
                  </a>
                </>
              )}
            </p>
          )}
          <Pager label="Halaman daftar" page={answer.halaman} pages={answer.jumlah_halaman} href={pageLink} go={(halaman) => go({ ...filters, halaman })} />
        </section>
      )}
    </div>
  );
}
