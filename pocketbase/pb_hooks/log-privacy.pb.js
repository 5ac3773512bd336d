/// <reference path="../pb_data/types.d.ts" />
// PocketBase's request log keeps each request's address (Settings → Logs). Staff who look someone
// up in the admin UI send the NIK, phone or name in ?filter=, so once a request has been handled
// its query is masked (pb_hooks/lib/log-privacy.js) before the log entry is written. The handler
// itself saw the real query.
routerUse((e) => {
  try {
    return e.next();
  } finally {
    const query = e.request.url.rawQuery;
    if (query) e.request.url.rawQuery = require(`${__hooks}/lib/log-privacy.js`).maskQuery(query);
  }
});
