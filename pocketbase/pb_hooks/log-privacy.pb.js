/// <reference path="../pb_data/types.d.ts" />
// PocketBase's request log keeps each request's address, error details, IP and browser
// (Settings → Logs). Once a request has been handled, and before its log entry is written, this
// masks what could identify a person and, on the anonymous public paths, drops the IP and the
// User-Agent (pb_hooks/lib/log-privacy.js). The handlers themselves saw the real request; the rate
// limiter, which runs earlier, still counted the real address.
routerUse((e) => {
  try {
    return e.next();
  } catch (err) {
    throw require(`${__hooks}/lib/log-privacy.js`).maskedError(err);
  } finally {
    const privacy = require(`${__hooks}/lib/log-privacy.js`);
    const url = e.request.url;
    if (url.rawQuery) url.rawQuery = privacy.maskQuery(url.rawQuery);
    const masked = privacy.maskPath(url.path);
    if (masked !== url.path) {
      url.path = masked;
      url.rawPath = "";
    }
    if (privacy.isAnonymous(e.request.method, e.request.url.path)) {
      e.request.remoteAddr = "0.0.0.0:0";
      e.request.header.del("User-Agent");
      const proxyHeaders = e.app.settings().trustedProxy.headers;
      for (let i = 0; i < proxyHeaders.length; i++) e.request.header.del(proxyHeaders[i]);
    }
  }
});
