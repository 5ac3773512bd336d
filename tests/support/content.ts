// content/ for the tests, read as the server build reads it (src/lib/content-files.ts): the
// repository's own, or another office's when PORTAL_CONTENT_DIR points at it (scripts/office.mjs).
import { loadContentFiles } from '../../src/lib/content-files';
import { CONTENT_DIR } from '../../scripts/lib/pocketbase.mjs';

export { ContentFileError, type LoadedEntry } from '../../src/lib/content-files';

export { CONTENT_DIR };

export function loadContent(dir = CONTENT_DIR) {
  return loadContentFiles(dir);
}

/** The site identity of the content under test. */
export const SITE = loadContent().site[0]!.data;

/** A well-formed tracking code of this office that no record has (all symbols "2"). */
export const UNKNOWN_CODE = `${SITE.trackingPrefix}-222-222-222`;
