/// <reference path="../pb_data/types.d.ts" />
// Behind a reverse proxy every request reaches PocketBase from the proxy's address, so the
// per-address rate limits (tracking, forms) would throttle all citizens together. The header
// that carries the visitor's address is set from PORTAL_PROXY_IP_HEADER at every start, so a
// deployment cannot forget it in the admin UI. The right-most address is used: the one the
// proxy itself added, which a visitor cannot forge.
onBootstrap((e) => {
  e.next();
  const header = $os.getenv("PORTAL_PROXY_IP_HEADER").trim();
  if (!header) return;
  const settings = e.app.settings();
  const proxy = settings.trustedProxy;
  if (proxy.headers.length === 1 && proxy.headers[0] === header && !proxy.useLeftmostIP) return;
  proxy.headers = [header];
  proxy.useLeftmostIP = false;
  e.app.save(settings);
});
