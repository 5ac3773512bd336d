// The "Kesiapan terbit" report of `npm run build`: every value in content/ that awaits the
// office's confirmation (the `awaitingConfirmation` marker) and every draft, per file and field.
// src/lib/provenance.ts is TypeScript, so it runs bundled by esbuild, like the server build.
import { CONTENT_DIR } from './pocketbase.mjs';
import { withTsModule } from './server-build.mjs';

/** Environment switch that makes the build fail while anything awaits confirmation (go-live). */
export const REQUIRE_CONFIRMED_ENV = 'PORTAL_REQUIRE_CONFIRMED';

/** Items awaiting confirmation in `contentDir`, and the report text. */
export async function readiness(contentDir = CONTENT_DIR) {
  const { value } = await withTsModule(
    `export { loadContentFiles } from './src/lib/content-files';\nexport { readinessOf, formatReadiness } from './src/lib/provenance';`,
    (mod) => {
      const files = mod.loadContentFiles(contentDir);
      const items = mod.readinessOf({ site: files.site, services: files.services, sops: files.sops, programmes: files.programmes, calendar: files.calendar });
      return { items, text: mod.formatReadiness(items) };
    },
  );
  return value;
}
