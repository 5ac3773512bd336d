/// <reference path="../pb_data/types.d.ts" />
// Scheduled backups (PocketBase's own: a zip of pb_data in pb_data/backups) so a broken disk or
// a bad edit does not lose applications and their documents.
migrate(
  (app) => {
    const settings = app.settings();
    // PocketBase's cron runs in UTC: 19.00 UTC is 02.00 WIB, a quiet hour with almost no
    // applications coming in, so the backup's read lock bothers nobody.
    settings.backups.cron = "0 19 * * *";
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
