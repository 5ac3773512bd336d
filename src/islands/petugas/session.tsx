// Who is signed in, for every workspace page's island: sends a visitor who is not signed in to
// the sign-in page (returning here afterwards), and a new account to change its first password
// before anything else. Also the workspace's shared bits of case display (links, badges, times).
import { useEffect, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import type { AntreanItem, Saya } from '../../lib/api/petugas';
import { ACCOUNT_PAGE, api, ApiRefusal, caseUrl, signInUrl, whoAmI } from '../../lib/petugas-client';
import { formatDateTime } from '../../lib/format';

export type StaffState = { kind: 'checking' } | { kind: 'ready'; saya: Saya } | { kind: 'offline'; retry: () => void } | { kind: 'leaving' };

/** The first-password page, returning to this page afterwards. */
export function accountUrl(): string {
  return `${ACCOUNT_PAGE}?lanjut=${encodeURIComponent(window.location.pathname + window.location.search)}`;
}

/**
 * The signed-in staff member once known. `firstPassword: true` for the one page that works before
 * the first password is changed (Akun saya); every other page sends such an account there.
 */
export function useStaff(options: { firstPassword?: boolean } = {}): StaffState {
  const [state, setState] = useState<StaffState>({ kind: 'checking' });
  useEffect(() => {
    let live = true;
    const check = () => {
      setState({ kind: 'checking' });
      whoAmI().then(
        (saya) => {
          if (!live) return;
          if (!saya) {
            setState({ kind: 'leaving' });
            window.location.replace(signInUrl());
          } else if (saya.wajib_ganti_sandi && !options.firstPassword) {
            setState({ kind: 'leaving' });
            window.location.replace(accountUrl());
          } else setState({ kind: 'ready', saya });
        },
        () => {
          // Offline, or the server failed: say so and offer another try (nothing typed is lost here).
          if (live) setState({ kind: 'offline', retry: check });
        },
      );
    };
    check();
    return () => {
      live = false;
    };
  }, []);
  return state;
}

/**
 * A workspace page's island: `Page` once the signed-in account is known, StaffPending until then
 * (or while the server cannot be reached).
 */
export function forStaff(Page: (props: { saya: Saya }) => JSX.Element): () => JSX.Element {
  return function StaffPage() {
    const staff = useStaff();
    if (staff.kind !== 'ready') return <StaffPending state={staff} />;
    return <Page saya={staff.saya} />;
  };
}

/** Said when the server could not be reached or failed (nothing typed is lost). */
export const OFFLINE = 'Sambungan internet terputus atau server sedang sibuk. Periksa sambungan Anda, lalu coba lagi.';

/** What to tell staff when a call to the server failed: the server's own refusal, or OFFLINE. */
export function failureMessage(err: unknown): string {
  return err instanceof ApiRefusal ? err.message : OFFLINE;
}

export type Loaded<T> = { kind: 'loading' } | { kind: 'done'; answer: T } | { kind: 'failed'; message: string };

/**
 * GET `path` from the workspace API when the page opens; `reload` asks again (a "Coba lagi"
 * button), `setLoaded` changes what is shown after an action.
 */
export function useLoaded<T>(path: string): { loaded: Loaded<T>; reload: () => void; setLoaded: (update: (current: Loaded<T>) => Loaded<T>) => void } {
  const [loaded, setLoaded] = useState<Loaded<T>>({ kind: 'loading' });
  function reload() {
    setLoaded({ kind: 'loading' });
    api<T>(path).then(
      (answer) => setLoaded({ kind: 'done', answer }),
      (err: unknown) => setLoaded({ kind: 'failed', message: failureMessage(err) }),
    );
  }
  useEffect(reload, [path]);
  return { loaded, reload, setLoaded };
}

/** What a page shows until the account is known (or when the server cannot be reached). */
export function StaffPending({ state }: { state: Exclude<StaffState, { kind: 'ready' }> }) {
  if (state.kind === 'offline') {
    return (
      <div class="error-summary" role="alert">
        <h2>Ruang kerja belum dapat dimuat</h2>
        <p>{OFFLINE}</p>
        <button type="button" class="button" onClick={state.retry}>
          Coba lagi
        </button>
      </div>
    );
  }
  return (
    <p class="ws-loading" role="status">
      {state.kind === 'leaving' ? 'Membuka halaman masuk…' : 'Memeriksa akun Anda…'}
    </p>
  );
}

/** "23 November 2026 pukul 08.00 WIB" in the office's zone, as a <time>. */
export function When({ iso, saya }: { iso: string; saya: Saya }) {
  return <time dateTime={iso}>{formatDateTime(iso, saya.kantor.zona)}</time>;
}

/** The badges of a queue item: urgent, late, flags, and whether it waits for me. */
export function CaseBadges({ item, mine = true }: { item: AntreanItem; mine?: boolean }) {
  const tags = [
    item.mendesak && (
      <span key="m" class="ws-tag ws-tag--urgent">
        Mendesak
      </span>
    ),
    item.terlambat && (
      <span key="t" class="ws-tag ws-tag--late">
        Terlambat
      </span>
    ),
    item.tanda > 0 && (
      <span key="f" class="ws-tag ws-tag--flag">
        {item.tanda} tanda perlu dicek
      </span>
    ),
    mine && item.menunggu_saya && (
      <span key="s" class="ws-tag ws-tag--mine">
        Menunggu Anda
      </span>
    ),
  ].filter(Boolean);
  return tags.length > 0 ? <span class="ws-tags">{tags}</span> : null;
}

/** A link to the case page: its tracking code, then what it is. */
export function CaseLink({ item }: { item: AntreanItem }) {
  return (
    <a class="ws-case-link" href={caseUrl(item.jenis, item.id)}>
      <span class="ws-code">{item.kode}</span>
      <span class="visually-hidden">, </span>
      <span class="ws-case-title">{item.judul}</span>
    </a>
  );
}

/** The case lists of the "Hari ini" page: one item a line, everything needed to choose what to open (`mine: false` where every item waits for me anyway). */
export function CaseList({ items, saya, mine = true }: { items: AntreanItem[]; saya: Saya; mine?: boolean }) {
  return (
    <ul class="ws-list">
      {items.map((item) => (
        <li key={`${item.jenis}-${item.id}`}>
          <CaseLink item={item} />
          <span class="ws-meta">
            {item.nama && <>{item.nama} · </>}
            Kecamatan {item.kecamatan} · {item.status_label}
          </span>
          <span class="ws-meta">
            Masuk <When iso={item.diajukan} saya={saya} />
            {item.batas_tahap && (
              <>
                {' '}
                · batas tahap <When iso={item.batas_tahap} saya={saya} />
              </>
            )}
            {item.petugas_lapangan && <> · ditugaskan ke {item.petugas_lapangan.nama}</>}
          </span>
          <CaseBadges item={item} mine={mine} />
        </li>
      ))}
    </ul>
  );
}
