/// <reference path="../pb_data/types.d.ts" />
// At start, removes the files a crash left without an application or report (see
// lib/orphan-files.js). Logs counts only: the folders hold personal documents.
onBootstrap((e) => {
  // Bootstrap opens the database; the records can be looked up only after it.
  e.next();
  // Only when serving, before any request: a command such as `superuser upsert` may run beside
  // a live server whose upload is written but not yet committed.
  if ($os.args.indexOf("serve") < 0) return;
  const removed = require(`${__hooks}/lib/orphan-files.js`).removeOrphanFolders(e.app);
  if (removed > 0) {
    const message = "Berkas sisa pengiriman yang terputus dihapus";
    console.log(message + ": " + removed + " folder tanpa permohonan/laporan.");
    e.app.logger().warn(message, "folder", removed);
  }
});
