/// <reference path="../pb_data/types.d.ts" />
// The kotak saran's plain form POST (POST /saran/kirim, pb_hooks/saran.pb.js) gets the same
// budget as the records API's create: 10 suggestions in 10 minutes from one address.
const LABEL = "POST /saran/kirim";
migrate(
  (app) => {
    const settings = app.settings();
    settings.rateLimits.rules = [{ label: LABEL, audience: "@guest", maxRequests: 10, duration: 600 }].concat(settings.rateLimits.rules.filter((r) => r.label !== LABEL));
    app.save(settings);
  },
  (app) => {
    const settings = app.settings();
    settings.rateLimits.rules = settings.rateLimits.rules.filter((r) => r.label !== LABEL);
    app.save(settings);
  },
);
