/// <reference path="../pb_data/types.d.ts" />
// Behind a reverse proxy every request reaches PocketBase from the proxy's address, so the
// per-address rate limits would throttle all citizens together. The header that carries the
// visitor's address (PORTAL_PROXY_IP_HEADER) is set in PocketBase's settings at every start; the
// right-most address is used, the one the proxy itself added.
//
// PocketBase would believe that header from anyone. A client reaching the port directly could
// then forge it and escape every rate limit, so the header is removed from any request whose
// connection does not come from PORTAL_TRUSTED_PROXIES (default: this machine, 127.0.0.1 and
// ::1), before the rate limiter or anything else reads it: a step of lib/middlewares.js.
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
