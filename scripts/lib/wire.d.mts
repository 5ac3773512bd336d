import type { IncomingHttpHeaders } from 'node:http';
import type { PageWeight } from './page-weight.mjs';

export const BROWSER_ACCEPT_ENCODING: string;
export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** the body as received, never decoded */
  body: Buffer;
}
export function requestRaw(url: string, options?: { method?: string; headers?: Record<string, string> }): Promise<RawResponse>;
export function fileUrl(relative: string): string;
export interface WireWeight {
  page: string;
  htmlBytes: number;
  cssBytes: number;
  jsBytes: number;
  totalBytes: number;
  /** Content-Encoding of the answers ("identity" when none) */
  encodings: string[];
}
export function measureWire(base: string, page: Pick<PageWeight, 'page' | 'cssFiles' | 'jsFiles'>, options?: { acceptEncoding?: string }): Promise<WireWeight>;
