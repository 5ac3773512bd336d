// Measures what each built page costs a phone: gzip bytes of its HTML, CSS and JS and the
// number of requests. JS counts the island scripts and everything they import statically;
// code behind a dynamic import() (loaded on demand) is left out on purpose.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';

export function gzipSize(content) {
  return gzipSync(content, { level: 9 }).length;
}

function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...walk(full));
    else out.push(full);
  }
  return out;
}

/** URL path of a built HTML file: dist/saran/index.html → /saran/. */
export function pagePath(distDir, file) {
  const rel = path.relative(distDir, file).split(path.sep).join('/');
  if (rel === 'index.html') return '/';
  if (rel.endsWith('/index.html')) return `/${rel.slice(0, -'index.html'.length)}`;
  return `/${rel}`;
}

const STATIC_IMPORT = /(?:^|[;\s}])(?:import|export)\s*(?:[^'"();]*?\bfrom\s*)?["']([^"']+\.m?js)["']/g;

/** The module and every module it imports statically, as absolute file paths. */
export function staticModuleGraph(distDir, entryUrl, seen = new Set()) {
  const file = path.join(distDir, entryUrl.replace(/^\//, ''));
  if (seen.has(file) || !existsSync(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const match of code.matchAll(STATIC_IMPORT)) {
    const spec = match[1];
    const url = spec.startsWith('/') ? spec : path.posix.join(path.posix.dirname(entryUrl), spec);
    staticModuleGraph(distDir, url, seen);
  }
  return seen;
}

function attr(tag, name) {
  const m = tag.match(new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i'));
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

/** Weight of one built HTML page. */
export function measurePage(distDir, htmlFile) {
  const html = readFileSync(htmlFile, 'utf8');
  const pageUrl = pagePath(distDir, htmlFile);
  const resolve = (href) => (href.startsWith('/') ? href : path.posix.join(path.posix.dirname(pageUrl.endsWith('/') ? `${pageUrl}x` : pageUrl), href));

  const cssFiles = new Set();
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    if (/rel=["']?stylesheet/i.test(tag)) {
      const href = attr(tag, 'href');
      if (href && !/^https?:/.test(href)) cssFiles.add(path.join(distDir, resolve(href)));
    }
  }
  let inlineCss = '';
  for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) inlineCss += m[1];

  const jsFiles = new Set();
  let inlineJs = '';
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const type = attr(`<s ${m[1]}>`, 'type');
    if (type && !/module|javascript/i.test(type)) continue; // JSON-LD and similar data blocks are not code
    const src = attr(`<s ${m[1]}>`, 'src');
    if (src) staticModuleGraph(distDir, resolve(src), jsFiles);
    else inlineJs += m[2];
  }
  for (const tag of html.match(/<link\b[^>]*rel=["']?modulepreload[^>]*>/gi) ?? []) {
    const href = attr(tag, 'href');
    if (href) staticModuleGraph(distDir, resolve(href), jsFiles);
  }
  const islands = html.match(/<astro-island\b[^>]*>/gi) ?? [];
  for (const tag of islands) {
    for (const name of ['component-url', 'renderer-url']) {
      const url = attr(tag, name);
      if (url) staticModuleGraph(distDir, resolve(url), jsFiles);
    }
  }
  const existing = (files) => [...files].filter((f) => existsSync(f));
  const css = existing(cssFiles).reduce((sum, f) => sum + gzipSize(readFileSync(f)), 0) + (inlineCss ? gzipSize(inlineCss) : 0);
  const js = existing(jsFiles).reduce((sum, f) => sum + gzipSize(readFileSync(f)), 0) + (inlineJs.trim() ? gzipSize(inlineJs) : 0);
  const images = (html.match(/<img\b[^>]*>/gi) ?? []).length;
  return {
    page: pageUrl,
    file: htmlFile,
    htmlBytes: gzipSize(html),
    cssBytes: css,
    jsBytes: js,
    islands: islands.length,
    cssFiles: existing(cssFiles).map((f) => path.relative(distDir, f)),
    jsFiles: existing(jsFiles).map((f) => path.relative(distDir, f)),
    requests: 1 + cssFiles.size + jsFiles.size + images,
  };
}

/** Weights of every HTML page in a built site, sorted by path. */
export function measureSite(distDir) {
  return walk(distDir)
    .filter((f) => f.endsWith('.html'))
    .map((f) => measurePage(distDir, f))
    .sort((a, b) => a.page.localeCompare(b.page));
}
