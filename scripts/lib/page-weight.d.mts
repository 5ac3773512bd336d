export interface PageWeight {
  /** URL path of the page, e.g. "/layanan/alat-bantu/". */
  page: string;
  file: string;
  htmlBytes: number;
  cssBytes: number;
  jsBytes: number;
  islands: number;
  /** stylesheets the page links, relative to the site folder */
  cssFiles: string[];
  /** scripts loaded up front (islands and their static imports), relative to the site folder */
  jsFiles: string[];
  requests: number;
}
export function gzipSize(content: string | Uint8Array): number;
export function pagePath(distDir: string, file: string): string;
export function staticModuleGraph(distDir: string, entryUrl: string, seen?: Set<string>): Set<string>;
export function measurePage(distDir: string, htmlFile: string): PageWeight;
export function measureSite(distDir: string): PageWeight[];
