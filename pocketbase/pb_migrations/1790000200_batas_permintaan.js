/// <reference path="../pb_data/types.d.ts" />
// Rate limits on the public endpoints (PocketBase's own limiter, per client IP): the tracking
// route against guessing codes, application create against floods.
migrate(
  (app) => {
    const settings = app.settings();
    settings.rateLimits.enabled = true;
    const keep = settings.rateLimits.rules.filter((r) => r.label !== "/api/lacak/" && r.label !== "permohonan:create");
    // First in the list: PocketBase applies the first rule whose label matches, and the
    // default "/api/" rule would otherwise win.
    settings.rateLimits.rules = [
      { label: "/api/lacak/", audience: "", maxRequests: 30, duration: 60 },
      { label: "permohonan:create", audience: "@guest", maxRequests: 20, duration: 60 },
    ].concat(keep);
    app.save(settings);
  },
  (app) => {
    const settings = app.settings();
    settings.rateLimits.rules = settings.rateLimits.rules.filter((r) => r.label !== "/api/lacak/" && r.label !== "permohonan:create");
    app.save(settings);
  },
);
