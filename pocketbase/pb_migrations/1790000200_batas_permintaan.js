/// <reference path="../pb_data/types.d.ts" />
// Rate limits on the public endpoints (PocketBase's own limiter, per client IP): the tracking
// route against guessing codes, application create against floods.
migrate(
  (app) => {
    const schema = require(`${__hooks}/../pb_migrations/lib/schema.js`);
    const settings = app.settings();
    settings.rateLimits.enabled = true;
    schema.limitFirst(settings, [
      { label: "/api/lacak/", audience: "", maxRequests: 30, duration: 60 },
      { label: "permohonan:create", audience: "@guest", maxRequests: 20, duration: 60 },
    ]);
    app.save(settings);
  },
  (app) => {
    const schema = require(`${__hooks}/../pb_migrations/lib/schema.js`);
    const settings = app.settings();
    schema.dropLimits(settings, ["/api/lacak/", "permohonan:create"]);
    app.save(settings);
  },
);
