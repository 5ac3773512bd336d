import { useEffect, useRef, useState } from 'preact/hooks';
import type { Antrean, AntreanItem, AntreanQuery, CaseKind, Saya } from '../../lib/api/petugas';
import { api, queueParams, queueUrl, readQueueQuery } from '../../lib/petugas-client';
import { formatNumber } from '../../lib/format';
import { exampleCode, normaliseCode } from '../../lib/rules/tracking-code';
import { Pager, StackCell, StackTable, inPlace } from '../../components/StackCell';
import { controlProps, FormField } from '../../components/FormField';
import { useAddress } from '../../lib/use-address';
import { CaseBadges, CaseLink, failureMessage, StaffPending, useStaff, When } from './session';
import { LoadFailed } from '../../components/LoadFailed';

const KIND_LABEL: Record<CaseKind, string> = { permohonan: 'Permohonan', laporan: 'Laporan' };
const COLUMNS: Record<CaseKind, string[]> = {
  permohonan: ['Kode dan layanan', 'Penerima', 'Kecamatan', 'Status', 'Batas tahap', 'Petugas lapangan', 'Keterangan'],
  laporan: ['Kode dan jenis', 'Kecamatan', 'Status', 'Batas tahap', 'Ditugaskan ke', 'Keterangan'],
};
const SEARCH_LABEL: Record<CaseKind, string> = {
  permohonan: 'Cari kode, NIK, nama, atau nomor telepon',
  laporan: 'Cari kode, nomor telepon pelapor, desa, atau patokan',
};
const FLAGS = [
  { key: 'terlambat', label: 'Terlambat dari waktu standar SOP', kinds: ['permohonan', 'laporan'] },
  { key: 'jatuh_tempo', label: 'Batas tahap hari ini', kinds: ['permohonan', 'laporan'] },
  { key: 'untuk_saya', label: 'Menunggu tindakan saya', kinds: ['permohonan', 'laporan'] },
  { key: 'mendesak', label: 'Laporan mendesak', kinds: ['laporan'] },
] as const;

const kindOf = (q: AntreanQuery): CaseKind => q.jenis ?? 'permohonan';

/** The filters both kinds share: they stay when the person switches between the two lists. */
function shared(q: AntreanQuery, kind: CaseKind): AntreanQuery {
  const out: AntreanQuery = {};
  if (kind === 'laporan') out.jenis = 'laporan';
  if (q.kecamatan) out.kecamatan = q.kecamatan;
  if (q.q) out.q = q.q;
  if (q.terlambat) out.terlambat = '1';
  if (q.jatuh_tempo) out.jatuh_tempo = '1';
  if (q.untuk_saya) out.untuk_saya = '1';
  return out;
}

/**
 * A search the server would read as something the person did not mean, said on the field:
 * codes mix letters and digits, NIK and phone numbers are digits only, names are letters.
 */
export function searchProblem(text: string, kind: CaseKind, prefix: string): string | null {
  const t = text.trim();
  if (!t) return null;
  if (t.length > 100) return 'Kata pencarian paling banyak 100 karakter.';
  const hasDigit = /\d/.test(t);
  const hasLetter = /\p{L}/u.test(t);
  if (hasDigit && hasLetter && !normaliseCode(t)) return `Kode pelacakan tidak dikenali. Tulis lengkap 12 huruf dan angka, misalnya ${exampleCode(prefix)}.`;
  if (hasDigit && !hasLetter) {
    const digits = t.replace(/[\s.\-()+]/g, '');
    if (!/^\d+$/.test(digits)) return 'Nomor hanya boleh berisi angka, spasi, tanda hubung, atau tanda + di depan.';
    if (digits.length < 6) return kind === 'permohonan' ? 'Tulis paling sedikit 6 angka nomor telepon, atau 16 angka NIK atau nomor KK.' : 'Tulis paling sedikit 6 angka nomor telepon.';
    if (digits.length > 16) return 'Nomor terlalu panjang. NIK dan nomor KK 16 angka; nomor telepon paling banyak 15 angka.';
  }
  if (!hasDigit && t.replace(/[^\p{L}]/gu, '').length < 2) return 'Tulis paling sedikit 2 huruf.';
  return null;
}

type Result = { kind: 'loading'; previous: Antrean | null } | { kind: 'done'; answer: Antrean } | { kind: 'failed'; message: string };

/** /petugas/antrean/: the queues of requests and reports, filtered from the address. */
export default function Queue() {
  const staff = useStaff();
  if (staff.kind !== 'ready') return <StaffPending state={staff} />;
  if (staff.saya.akses_kasus === 'tidak') {
    return <p class="notice">Peran Anda tidak menangani permohonan dan laporan satu per satu, jadi tidak ada antrean untuk Anda.</p>;
  }
  return <QueueFor saya={staff.saya} />;
}

function QueueFor({ saya }: { saya: Saya }) {
  const [query, setQuery] = useState<AntreanQuery>(() => readQueueQuery(window.location.search));
  const [searchText, setSearchText] = useState(query.q ?? '');
  const [searchError, setSearchError] = useState<string | null>(null);
  const [result, setResult] = useState<Result>({ kind: 'loading', previous: null });
  const [otherTotal, setOtherTotal] = useState<number | null>(null);
  const pending = useRef<AbortController | null>(null);
  const lastAnswer = useRef<Antrean | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const searchInput = useRef<HTMLInputElement>(null);
  const focusOnResult = useRef(false);
  const kind = kindOf(query);

  async function load(next: AntreanQuery, moveFocus: boolean) {
    focusOnResult.current = moveFocus;
    pending.current?.abort();
    const controller = new AbortController();
    pending.current = controller;
    setQuery(next);
    setSearchText(next.q ?? '');
    setSearchError(null);
    setResult({ kind: 'loading', previous: lastAnswer.current });
    setOtherTotal(null);
    const nextKind = kindOf(next);
    const otherKind: CaseKind = nextKind === 'permohonan' ? 'laporan' : 'permohonan';
    // The other list's count, with the filters it shares, so the tab says what switching shows.
    api<Antrean>(`/api/petugas/antrean?${queueParams(shared(next, otherKind)).toString()}`, { signal: controller.signal }).then(
      (a) => !controller.signal.aborted && setOtherTotal(a.total),
      () => undefined,
    );
    try {
      const answer = await api<Antrean>(`/api/petugas/antrean?${queueParams({ ...next, jenis: nextKind }).toString()}`, { signal: controller.signal });
      if (controller.signal.aborted) return;
      lastAnswer.current = answer;
      setResult({ kind: 'done', answer });
    } catch (err) {
      if (controller.signal.aborted) return;
      setResult({ kind: 'failed', message: failureMessage(err) });
    }
  }

  useAddress((search) => void load(readQueueQuery(search), false), { cancel: () => pending.current?.abort() });

  useEffect(() => {
    if (result.kind !== 'loading' && focusOnResult.current && heading.current) {
      focusOnResult.current = false;
      heading.current.focus();
    }
  }, [result]);

  function go(next: AntreanQuery) {
    window.history.pushState(null, '', queueUrl(next));
    void load(next, true);
  }
  const follow = (next: AntreanQuery) => inPlace(() => go(next));

  function onSubmit(event: Event) {
    event.preventDefault();
    // The form's own fields, named as the address's parameters: a new search starts on page 1.
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(event.currentTarget as HTMLFormElement).entries()) if (typeof value === 'string') params.append(key, value);
    const next = readQueueQuery(`?${params.toString()}`);
    const problem = searchProblem(next.q ?? '', kind, saya.kantor.prefiks);
    if (problem) {
      setSearchError(problem);
      searchInput.current?.focus();
      return;
    }
    go(next);
  }

  const answer = result.kind === 'done' ? result.answer : result.kind === 'loading' ? result.previous : null;
  const label = KIND_LABEL[kind].toLowerCase();
  const tabs: CaseKind[] = ['permohonan', 'laporan'];
  const tabCount = (k: CaseKind) => (k === kind ? (result.kind === 'done' ? result.answer.total : null) : otherTotal);
  const clear: AntreanQuery = kind === 'laporan' ? { jenis: 'laporan' } : {};
  const chosen = [...queueParams(query).keys()].filter((k) => k !== 'jenis' && k !== 'halaman');
  const narrowing = chosen.filter((k) => k !== 'q').length;
  const wide = window.matchMedia('(min-width: 48rem)').matches;
  const filtered = chosen.length > 0;

  let announcement = '';
  if (result.kind === 'loading') announcement = 'Memuat antrean…';
  else if (result.kind === 'done') {
    const a = result.answer;
    const first = (a.halaman - 1) * a.per_halaman + 1;
    const last = first + a.item.length - 1;
    announcement =
      a.total === 0
        ? `Tidak ada ${label} yang cocok.`
        : a.item.length === 0
          ? `Halaman ${formatNumber(a.halaman)} kosong; ada ${formatNumber(a.total)} ${label} pada ${formatNumber(a.jumlah_halaman)} halaman.`
          : `Ada ${formatNumber(a.total)} ${label} yang cocok; menampilkan ${formatNumber(first)}–${formatNumber(last)}.`;
  }

  return (
    <div class="ws-queue">
      {saya.akses_kasus === 'ditugaskan' && <p class="notice">Anda hanya melihat permohonan dan laporan yang ditugaskan kepada Anda.</p>}
      <nav class="ws-tabs" aria-label="Jenis antrean">
        <ul>
          {tabs.map((k) => {
            const n = tabCount(k);
            const target = shared(query, k);
            return (
              <li key={k}>
                <a href={queueUrl(target)} aria-current={k === kind ? 'page' : undefined} onClick={k === kind ? undefined : follow(target)}>
                  {KIND_LABEL[k]}
                  {n !== null && <span class="ws-tab-count"> ({formatNumber(n)})</span>}
                </a>
              </li>
            );
          })}
        </ul>
      </nav>

      {answer && (
        // Keyed by the query: back and forward put the choices of that address back in the form.
        <form key={queueParams(query).toString()} class="ws-filters" method="get" action="/petugas/antrean/" role="search" aria-label={`Saring ${label}`} noValidate onSubmit={onSubmit}>
          {kind === 'laporan' && <input type="hidden" name="jenis" value="laporan" />}
          <FormField id="q" label={SEARCH_LABEL[kind]} hint="Spasi, tanda hubung, huruf kecil, dan awalan 0 atau +62 tidak masalah." error={searchError ?? undefined}>
            <input
              type="search"
              {...controlProps('q', { hint: true, error: searchError })}
              ref={searchInput}
              value={searchText}
              onInput={(e) => setSearchText(e.currentTarget.value)}
              autocomplete="off"
              spellcheck={false}
            />
          </FormField>
          {/* On a phone the results come first: the other filters fold away unless one is chosen. */}
          <details class="ws-filters__more" open={wide || narrowing > 0}>
            <summary>
              Saring menurut {kind === 'laporan' ? 'jenis laporan' : 'layanan'}, kecamatan, dan status
              {narrowing > 0 && ` (${formatNumber(narrowing)} dipilih)`}
            </summary>
            <div class="ws-filters__grid">
              <Choice id="layanan" label={kind === 'laporan' ? 'Jenis laporan' : 'Layanan'} all={kind === 'laporan' ? 'Semua jenis laporan' : 'Semua layanan'} value={query.layanan} options={answer.pilihan.layanan} />
              <Choice id="kecamatan" label="Kecamatan" all="Semua kecamatan" value={query.kecamatan} options={answer.pilihan.kecamatan} />
              <Choice id="status" label="Status" all="Semua status terbuka" value={query.status} options={answer.pilihan.status.filter((s) => s.jenis === kind)} />
              <fieldset class="field ws-filters__flags">
                <legend>Tampilkan hanya</legend>
                {FLAGS.filter((f) => (f.kinds as readonly CaseKind[]).includes(kind)).map((f) => (
                  <label key={`${kind}-${f.key}`} class="checkbox">
                    <input type="checkbox" name={f.key} value="1" defaultChecked={query[f.key] === '1'} />
                    {f.label}
                  </label>
                ))}
              </fieldset>
            </div>
          </details>
          <div class="ws-filters__actions">
            <button type="submit" class="button">
              Tampilkan
            </button>
            {filtered && (
              <a href={queueUrl(clear)} onClick={follow(clear)}>
                Hapus pilihan
              </a>
            )}
          </div>
        </form>
      )}

      <p class="board-summary" role="status" aria-live="polite">
        {announcement}
      </p>

      {result.kind === 'failed' && (
        <LoadFailed title="Antrean belum dapat dimuat" message={result.message} onRetry={() => void load(query, true)} headingRef={heading} />
      )}

      {answer && (
        <section aria-labelledby="antrean-hasil" aria-busy={result.kind === 'loading' ? 'true' : 'false'}>
          <h2 id="antrean-hasil" ref={heading} tabIndex={-1}>
            {formatNumber(answer.total)} {label}
            {!query.status && !query.q && ' yang masih terbuka'}
          </h2>
          {answer.item.length > 0 ? (
            <QueueTable answer={answer} kind={kind} saya={saya} />
          ) : (
            <div class="ws-empty">
              <p>
                {query.q
                  ? `Tidak ada ${label} yang cocok dengan “${query.q}”${chosen.length > 1 ? ' dan saringan lain yang dipilih' : ''}.`
                  : answer.total === 0
                    ? `Tidak ada ${label} yang cocok dengan pilihan ini.`
                    : 'Halaman ini kosong.'}
              </p>
              {query.q && <p>Periksa penulisannya. NIK ditulis 16 angka; nomor telepon boleh diawali 0 atau +62.</p>}
              {filtered && (
                <p>
                  <a href={queueUrl(clear)} onClick={follow(clear)}>
                    Hapus pilihan dan tampilkan semua {label} yang masih terbuka
                  </a>
                </p>
              )}
            </div>
          )}
          <Pager label="Halaman antrean" page={answer.halaman} pages={answer.jumlah_halaman} href={(halaman) => queueUrl({ ...query, halaman })} go={(halaman) => go({ ...query, halaman })} />
        </section>
      )}
      {!answer && result.kind === 'loading' && <p class="ws-loading">Memuat antrean…</p>}
    </div>
  );
}

/** A labelled select whose empty choice means "all". */
function Choice({ id, label, all, value, options }: { id: string; label: string; all: string; value: string | undefined; options: { id: string; label: string }[] }) {
  return (
    <div class="field">
      <label for={`f-${id}`}>{label}</label>
      {/* Uncontrolled (the form is read on submit); a select has no defaultValue, so the option says it. */}
      <select id={`f-${id}`} name={id}>
        <option value="" selected={!value}>
          {all}
        </option>
        {options.map((o) => (
          <option key={o.id} value={o.id} selected={o.id === value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function QueueTable({ answer, kind, saya }: { answer: Antrean; kind: CaseKind; saya: Saya }) {
  const columns = COLUMNS[kind];
  const c = (i: number) => columns[i]!;
  const label = KIND_LABEL[kind].toLowerCase();
  const order = kind === 'laporan' ? 'mendesak di atas, lalu yang paling lama menunggu' : 'yang paling lama menunggu di atas';
  return (
    <StackTable id="antrean-judul-tabel" class="ws-table" regionClass="ws-table-wrap" caption={`Daftar ${label}, ${order} (halaman ${formatNumber(answer.halaman)} dari ${formatNumber(answer.jumlah_halaman)})`} columns={columns}>
      {answer.item.map((item) => (
        <QueueRow key={item.id} item={item} kind={kind} c={c} saya={saya} />
      ))}
    </StackTable>
  );
}

function QueueRow({ item, kind, c, saya }: { item: AntreanItem; kind: CaseKind; c: (i: number) => string; saya: Saya }) {
  let i = 0;
  const next = () => c(i++);
  return (
    <tr role="row" class={item.mendesak ? 'ws-row--urgent' : undefined}>
      <StackCell label={next()} class="ws-cell-case">
        <CaseLink item={item} />
        <span class="ws-meta">
          Masuk <When iso={item.diajukan} saya={saya} />
        </span>
      </StackCell>
      {kind === 'permohonan' && <StackCell label={next()}>{item.nama ?? '—'}</StackCell>}
      <StackCell label={next()}>{item.kecamatan}</StackCell>
      <StackCell label={next()}>{item.status_label}</StackCell>
      <StackCell label={next()}>{item.batas_tahap ? <When iso={item.batas_tahap} saya={saya} /> : '—'}</StackCell>
      <StackCell label={next()}>{item.petugas_lapangan ? item.petugas_lapangan.nama : <span class="muted">Belum ditugaskan</span>}</StackCell>
      <StackCell label={next()}>
        <CaseBadges item={item} />
      </StackCell>
    </tr>
  );
}
