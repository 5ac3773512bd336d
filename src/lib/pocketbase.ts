import PocketBase from 'pocketbase';

/**
 * The API lives on the page's own origin: PocketBase serves the site in production and
 * the Astro dev server proxies /api to it in development.
 */
export function createClient(baseUrl: string = window.location.origin): PocketBase {
  const pb = new PocketBase(baseUrl);
  // A form submit must never be cancelled by a second request; double submits are
  // prevented in the UI instead.
  pb.autoCancellation(false);
  return pb;
}
