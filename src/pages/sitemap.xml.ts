import type { APIRoute } from 'astro';
import { loadContent } from '../lib/content';

/** Every public page, for search engines and for the test that scans each page with axe. */
export async function sitemapPaths(): Promise<string[]> {
  const { services, sops, pages } = await loadContent();
  return [
    '/',
    '/layanan/',
    ...services.map((s) => `/layanan/${s.id}/`),
    ...services.filter((s) => s.documents.length > 0).map((s) => `/layanan/${s.id}/daftar-periksa/`),
    ...services.filter((s) => s.data.onlineApplication).map((s) => `/layanan/${s.id}/ajukan/`),
    '/lacak/',
    '/progres/',
    '/lapor/',
    '/survei/',
    '/sop/',
    ...sops.map((s) => `/sop/${s.id}/`),
    '/program/',
    '/kinerja/',
    '/mutu/',
    '/cari/',
    ...pages.map((p) => `/${p.id}/`),
  ];
}

export const GET: APIRoute = async () => {
  const { site } = await loadContent();
  const origin = site.website ?? '';
  const urls = (await sitemapPaths()).map((p) => `  <url><loc>${origin}${p}</loc></url>`).join('\n');
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`;
  return new Response(body, { headers: { 'content-type': 'application/xml' } });
};
