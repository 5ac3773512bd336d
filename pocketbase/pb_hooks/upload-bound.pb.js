/// <reference path="../pb_data/types.d.ts" />
// At most PORTAL_MAX_UPLOADS uploads (multipart requests) are handled at once; one more is
// answered at once with a 503, Retry-After and an Indonesian "coba lagi" that the forms show
// while keeping what was filled in (their submission id makes the retry safe). Why: every JS hook
// and middleware a request passes through holds one JS runtime until the request ends, and past
// the prewarmed pool PocketBase makes a new runtime per call; with the upload's parsed body on
// top, 50 people sending at once took PocketBase from 45 to 800 MB (issue 16). `npm start` sets
// the bound (and the pool it fits in) from the machine; this file runs first so that a refused
// upload costs one runtime for a moment and its body is never read.

routerUse(new Middleware((e) => {
  const method = e.request.method;
  const type = String(e.request.header.get("Content-Type") || "");
  if ((method !== "POST" && method !== "PATCH" && method !== "PUT") || type.indexOf("multipart/") !== 0) return e.next();
  const bound = require(`${__hooks}/lib/upload-bound.js`);
  if (!bound.enter(e.app)) {
    e.response.header().set("Retry-After", String(bound.RETRY_AFTER_SECONDS));
    return e.json(503, { status: 503, message: bound.BUSY_MESSAGE, data: {} });
  }
  try {
    return e.next();
  } finally {
    bound.leave(e.app);
  }
}, -100000, "portalUploadBound"));
