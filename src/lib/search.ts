// Search across services and SOPs on a static host: the build writes a small JSON index
// (/cari/indeks.json) and the search island scores it in the browser. With a few dozen
// entries this is a few kilobytes, far less than a general search engine's runtime.

export interface SearchEntry {
  url: string;
  /** "Layanan" or "SOP". */
  kind: string;
  title: string;
  summary: string;
  /** Extra words (keywords, documents, steps) matched with a lower weight. */
  text: string;
}

/** Lowercase, no diacritics, punctuation as spaces: "Kursi-Roda" → "kursi roda". */
export function normalise(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function tokens(value: string): string[] {
  return normalise(value).split(' ').filter((t) => t.length > 0);
}

function fieldScore(fieldTokens: string[], token: string, weight: number): number {
  let best = 0;
  for (const word of fieldTokens) {
    if (word === token) return weight * 2;
    if (word.startsWith(token) && token.length >= 2) best = weight;
    else if (token.length >= 4 && word.includes(token)) best = Math.max(best, weight / 2);
  }
  return best;
}

/** Entries matching every word of the query, best first. */
export function search(entries: readonly SearchEntry[], query: string, limit = 20): SearchEntry[] {
  const queryTokens = tokens(query);
  if (queryTokens.length === 0) return [];
  const scored: { entry: SearchEntry; score: number }[] = [];
  for (const entry of entries) {
    const title = tokens(entry.title);
    const summary = tokens(entry.summary);
    const text = tokens(entry.text);
    let total = 0;
    let allMatched = true;
    for (const token of queryTokens) {
      const score = Math.max(fieldScore(title, token, 5), fieldScore(summary, token, 2), fieldScore(text, token, 1));
      if (score === 0) {
        allMatched = false;
        break;
      }
      total += score;
    }
    if (allMatched) scored.push({ entry, score: total + (entry.kind === 'Layanan' ? 0.5 : 0) });
  }
  return scored
    .sort((a, b) => b.score - a.score || a.entry.title.localeCompare(b.entry.title, 'id'))
    .slice(0, limit)
    .map((s) => s.entry);
}
