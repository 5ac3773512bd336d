/// <reference path="../pb_data/types.d.ts" />
// The portal's app-wide request steps (upload bound, Indonesian answers, trusted proxy, admin
// access, audit collections, security headers, log privacy, route errors) in two JS middlewares:
// each JS middleware holds one JS runtime until the request ends. What each step does and why
// they sit where they do: lib/middlewares.js.

// Before PocketBase's own middlewares: a refused upload costs one runtime for a moment and its
// body is never read; the visitor's address is settled before the rate limiter reads it.
routerUse(new Middleware((e) => require(`${__hooks}/lib/middlewares.js`).outer(e), -100000, "portalOuter"));

// Inside PocketBase's activity logger (-1040), after its auth token loader (-1020) and security
// headers (-1010), and around its rate limiter (-1000): the logger writes its entry once this has
// returned, so a request the limiter refuses is masked too, after the limiter has used the address.
routerUse(new Middleware((e) => require(`${__hooks}/lib/middlewares.js`).inner(e), -1005, "portalInner"));
