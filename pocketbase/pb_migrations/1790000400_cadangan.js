/// <reference path="../pb_data/types.d.ts" />
// Scheduled backups (PocketBase's own: a zip of pb_data in pb_data/backups) so a broken disk or
// a bad edit does not lose applications and their documents.
migrate(
  (app) => {
    const settings = app.settings();
    // 02.00 on the office's clock (content/site/site.yaml timeZone; PocketBase's cron runs in
    // UTC), a quiet hour with almost no applications coming in, so the backup's read lock
    // bothers nobody.
    const zone = require(`${__hooks}/lib/portal.generated.js`).site.timeZone;
    settings.backups.cron = require(`${__hooks}/lib/rules.generated.js`).dailyCron(2, 0, zone);
    // One week of daily backups; older ones are removed by PocketBase after each run.
    settings.backups.cronMaxKeep = 7;
    app.save(settings);
  },
  (app) => {
    const settings = app.settings();
    // An empty cron turns the scheduled backups off; existing backup files are left alone.
    settings.backups.cron = "";
    app.save(settings);
  },
);
