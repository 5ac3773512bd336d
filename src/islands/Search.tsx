import { useEffect, useState } from 'preact/hooks';
import { search, type SearchEntry } from '../lib/search';
import { typedBeforeHydration } from '../lib/typed-before-hydration';

const INPUT_ID = 'cari-kata';

/** Results for the query in the address (?q=) and as the person types; the index loads once. */
export default function Search({ examples }: { examples: string[] }) {
  // Rendered at build time too, where there is no window: read the address after mounting. A
  // word typed before the island ran (a slow phone) is the person's and wins over the address.
  const [query, setQuery] = useState(() => typedBeforeHydration(INPUT_ID));
  const [entries, setEntries] = useState<SearchEntry[] | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const fromAddress = new URLSearchParams(window.location.search).get('q') ?? '';
    setQuery((typed) => (typed.trim() ? typed : fromAddress));
    fetch('/cari/indeks.json')
      .then((res) => (res.ok ? res.json() : Promise.reject(new Error(String(res.status)))))
      .then((data: SearchEntry[]) => setEntries(data))
      .catch(() => setFailed(true));
  }, []);

  useEffect(() => {
    if (entries === null) return; // keep ?q= until the first query is read
    const url = new URL(window.location.href);
    if (query) url.searchParams.set('q', query);
    else url.searchParams.delete('q');
    window.history.replaceState(null, '', url);
  }, [query, entries]);

  const results = entries ? search(entries, query) : [];
  return (
    <div>
      <form role="search" onSubmit={(e) => e.preventDefault()} class="field">
        <label for={INPUT_ID}>Kata yang dicari</label>
        <span class="hint" id="cari-petunjuk">Contoh: {examples.join(', ')}.</span>
        <input id={INPUT_ID} type="search" name="q" value={query} onInput={(e) => setQuery(e.currentTarget.value)} aria-describedby="cari-petunjuk" autocomplete="off" />
      </form>
      <div aria-live="polite">
        {failed && <p>Pencarian tidak dapat dimuat. Gunakan daftar semua layanan di bawah.</p>}
        {entries && query.trim() && (
          <>
            <h2>{results.length > 0 ? `${results.length} hasil untuk “${query.trim()}”` : `Tidak ada hasil untuk “${query.trim()}”`}</h2>
            {results.length === 0 && <p>Coba kata lain, atau lihat daftar semua layanan di bawah.</p>}
            <ul class="search-results">
              {results.map((r) => (
                <li key={r.url}>
                  <a href={r.url}>{r.title}</a>
                  <p class="muted">{r.kind} · {r.summary}</p>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </div>
  );
}
