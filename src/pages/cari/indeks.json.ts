import type { APIRoute } from 'astro';
import { loadContent } from '../../lib/content';
import type { SearchEntry } from '../../lib/search';

// Built once into dist/cari/indeks.json; the search island fetches it on demand.
export const GET: APIRoute = async () => {
  const { services, sops } = await loadContent();
  const entries: SearchEntry[] = [
    ...services.map((s) => ({
      url: `/layanan/${s.id}/`,
      kind: s.draft ? 'Layanan (rancangan)' : 'Layanan',
      title: s.data.title,
      summary: s.data.summary,
      text: [...s.data.keywords, ...s.documents.map((d) => d.label), s.data.unit, s.data.product].join(' '),
    })),
    ...sops.map((sop) => ({
      url: `/sop/${sop.id}/`,
      kind: sop.data.source.status === 'rancangan' ? 'SOP (rancangan)' : 'SOP',
      title: `SOP ${sop.data.title}`,
      summary: `${sop.data.unit}, ${sop.data.steps.length} langkah`,
      text: [...sop.data.actors.map((a) => a.label), ...sop.data.steps.map((s) => s.activity)].join(' '),
    })),
  ];
  return new Response(JSON.stringify(entries), { headers: { 'content-type': 'application/json' } });
};
