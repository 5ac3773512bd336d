// @ts-check
import { defineConfig } from 'astro/config';
import preact from '@astrojs/preact';
import { precompress } from './scripts/lib/precompress.mjs';

// In `npm run dev` the Astro dev server proxies /api to PocketBase, so islands use the
// page's own origin in development exactly as in production (where PocketBase serves both).
const pocketbaseUrl = process.env.PORTAL_PB_URL ?? 'http://127.0.0.1:8090';

export default defineConfig({
  output: 'static',
  // Tests build broken copies of content/ with their own cache so the real build's cache stays clean.
  cacheDir: process.env.PORTAL_CACHE_DIR ?? './node_modules/.astro',
  // Another office's site is built beside the default one (scripts/office.mjs).
  outDir: process.env.PORTAL_SITE_DIR ?? './dist',
  trailingSlash: 'ignore',
  build: { format: 'directory', inlineStylesheets: 'never' },
  // precompress(): a .br and a .gz beside every text file of dist/, which PocketBase serves.
  integrations: [preact(), precompress()],
  // Astro hashes its own inline island script and style into a per-page CSP <meta>, so no page
  // needs 'unsafe-inline'. PocketBase adds what a <meta> cannot carry (frame-ancestors).
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        // The photo compressor decodes the chosen photo from a blob: URL.
        "img-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
    },
  },
  // Shiki colours code with inline style attributes, which a hash-based CSP refuses.
  markdown: { syntaxHighlight: false },
  devToolbar: { enabled: false },
  server: { host: '127.0.0.1' },
  vite: {
    // Every island page loads Preact, its hooks, its JSX runtime, Astro's Preact client and Vite's
    // dynamic-import helper: as one chunk they are one gzip stream and one request instead of five
    // (about 0.8 KB gzip less on every island page). A page script with a dynamic import() would
    // load this chunk for the helper, so a page without Preact keeps to static imports.
    environments: {
      client: {
        build: {
          rolldownOptions: {
            output: {
              codeSplitting: {
                groups: [
                  { name: 'preact', test: /node_modules[\\/](preact[\\/](dist|hooks|jsx-runtime)[\\/]|@astrojs[\\/]preact[\\/]dist[\\/]client)|vite[\\/]preload-helper/ },
                ],
              },
            },
          },
        },
      },
    },
    server: {
      proxy: {
        '/api': { target: pocketbaseUrl, changeOrigin: false },
        '/_/': { target: pocketbaseUrl, changeOrigin: false },
      },
    },
  },
});
