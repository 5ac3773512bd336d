/// <reference path="../pb_data/types.d.ts" />
// `pocketbase portal-superuser`: creates the superuser PORTAL_SUPERUSER_EMAIL, or sets its
// password, from PORTAL_SUPERUSER_PASSWORD. PocketBase's own `superuser upsert EMAIL PASSWORD`
// puts the password on the command line, where `ps` shows it to every local user; the
// environment of a process is readable only by its own user and root. Used by npm start.
$app.rootCmd.addCommand(new Command({
  use: "portal-superuser",
  short: "Buat atau perbarui superuser dari PORTAL_SUPERUSER_EMAIL dan PORTAL_SUPERUSER_PASSWORD",
  run: (cmd, args) => {
    const email = String($os.getenv("PORTAL_SUPERUSER_EMAIL") || "").trim();
    const password = String($os.getenv("PORTAL_SUPERUSER_PASSWORD") || "");
    if (!email || password.length < 10) throw new Error("PORTAL_SUPERUSER_EMAIL dan PORTAL_SUPERUSER_PASSWORD (paling sedikit 10 karakter) harus diisi.");
    let record;
    try {
      record = $app.findAuthRecordByEmail("_superusers", email);
    } catch (_) {
      record = new Record($app.findCollectionByNameOrId("_superusers"));
      record.setEmail(email);
    }
    record.setPassword(password);
    $app.save(record);
    console.log("Superuser " + email + " siap.");
  },
}));
