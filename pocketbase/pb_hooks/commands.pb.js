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
    let record = require(`${__hooks}/lib/db.js`).orNull(() => $app.findAuthRecordByEmail("_superusers", email));
    if (!record) {
      record = new Record($app.findCollectionByNameOrId("_superusers"));
      record.setEmail(email);
    }
    record.setPassword(password);
    $app.save(record);
    console.log("Superuser " + email + " siap.");
  },
}));

// `pocketbase portal-periksa-riwayat` (npm run periksa-riwayat): checks every hash chain of the
// history and the access log; exits with an error when any is broken.
$app.rootCmd.addCommand(new Command({
  use: "portal-periksa-riwayat",
  short: "Periksa rantai hash riwayat permohonan, laporan, dan catatan akses",
  run: (cmd, args) => {
    const problems = require(`${__hooks}/lib/chain.js`).verify($app);
    if (problems.length === 0) {
      console.log("Rantai riwayat utuh.");
      return;
    }
    console.log("Rantai riwayat RUSAK di " + problems.length + " tempat:");
    for (let i = 0; i < problems.length; i++) console.log("  " + problems[i]);
    throw new Error("rantai riwayat rusak");
  },
}));

// `pocketbase portal-petugas` (npm run petugas): creates a staff account from the environment
// (PORTAL_PETUGAS_EMAIL, _NAMA, _PERAN, _KECAMATAN, _SANDI), active and bound to change its
// password at first sign-in.
$app.rootCmd.addCommand(new Command({
  use: "portal-petugas",
  short: "Buat akun petugas (wajib ganti kata sandi saat pertama masuk)",
  run: (cmd, args) => {
    const env = (k) => String($os.getenv("PORTAL_PETUGAS_" + k) || "").trim();
    const data = require(`${__hooks}/lib/portal.js`).required();
    const roles = env("PERAN").split(",").map((x) => x.trim()).filter(Boolean);
    const kecamatan = env("KECAMATAN").split(",").map((x) => x.trim()).filter(Boolean);
    const known = data.roles.filter((r) => r.account).map((r) => r.id);
    const unknown = roles.filter((r) => known.indexOf(r) < 0);
    if (!env("EMAIL") || !env("NAMA") || roles.length === 0) throw new Error("Isi --email, --nama, dan --peran.");
    if (unknown.length > 0) throw new Error("Peran tidak dikenal: " + unknown.join(", ") + ". Pilihan: " + known.join(", "));
    const badKec = kecamatan.filter((k) => !data.kecamatan.some((x) => x.id === k));
    if (badKec.length > 0) throw new Error("Kecamatan tidak dikenal: " + badKec.join(", "));
    let record;
    try {
      record = $app.findAuthRecordByEmail("petugas", env("EMAIL"));
      throw new Error("Sudah ada akun petugas dengan surel " + env("EMAIL") + ".");
    } catch (err) {
      if (record) throw err;
    }
    record = new Record($app.findCollectionByNameOrId("petugas"));
    record.setEmail(env("EMAIL"));
    record.setPassword(env("SANDI"));
    record.set("nama", env("NAMA"));
    record.set("peran", roles);
    record.set("kecamatan", kecamatan);
    record.set("aktif", true);
    record.set("wajib_ganti_sandi", true);
    $app.save(record);
    console.log("Akun petugas " + env("EMAIL") + " dibuat.");
  },
}));
