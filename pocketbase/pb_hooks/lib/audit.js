// The daily check of the audit trail (cron in workflow.pb.js, command `portal-periksa-riwayat`):
// every hash chain of the history and the access log, reported without personal data.

function checkAndReport(app) {
  const problems = require(`${__hooks}/lib/chain.js`).verify(app);
  if (problems.length === 0) {
    app.logger().info("Pemeriksaan rantai riwayat: utuh");
    return problems;
  }
  const text = "Rantai riwayat RUSAK di " + problems.length + " tempat:\n" + problems.join("\n");
  app.logger().error("Pemeriksaan rantai riwayat: rusak", "jumlah", problems.length, "rincian", text);
  const settings = app.settings();
  if (settings.smtp.enabled) {
    const to = app.findAllRecords("_superusers").map((u) => ({ address: u.email() }));
    app.newMailClient().send(
      new MailerMessage({
        from: { address: settings.meta.senderAddress, name: settings.meta.senderName },
        to: to,
        subject: "PERINGATAN: riwayat permohonan diubah di luar aplikasi (" + problems.length + " tempat)",
        text: text + "\n\nBandingkan dengan cadangan harian sebelum tanggal perubahan.",
      }),
    );
  }
  return problems;
}

module.exports = { checkAndReport: checkAndReport };
