// content/ for the tests, read as the server build reads it (src/lib/content-files.ts).
import path from 'node:path';
import { loadContentFiles } from '../../src/lib/content-files';

export { ContentFileError, type LoadedEntry } from '../../src/lib/content-files';

export const CONTENT_DIR = path.resolve(import.meta.dirname, '..', '..', 'content');

export function loadContent(dir = CONTENT_DIR) {
  return loadContentFiles(dir);
}
