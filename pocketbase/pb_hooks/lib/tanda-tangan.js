// The documented place for an electronic signature provider (BSrE or another certified one;
// issue 14 leaves the provider itself out of scope). lib/surat.js calls `sign` for every issued
// letter, inside the transaction that saves it. Without a provider nothing is signed and the
// printed letter is signed by hand (the BASTB's signed scan is attached on the case page).
//
// A provider is an object with:
//   name: string                                   shown in the admin UI's help
//   sign(app, letter, text): { reference: string } a reference to the signature (e.g. the
//       provider's document id), stored in surat.tanda_tangan_elektronik; throw to refuse, and
//       the letter (and its number) is not issued
// and is chosen by the environment variable PORTAL_TANDA_TANGAN (its key in PROVIDERS). Add one
// by writing lib/tanda-tangan-<name>.js and listing it below; keep secrets in the environment.

const PROVIDERS = {
  // bsre: () => require(`${__hooks}/lib/tanda-tangan-bsre.js`),
};

function provider() {
  const key = String($os.getenv("PORTAL_TANDA_TANGAN") || "");
  if (!key) return null;
  const make = PROVIDERS[key];
  if (!make) throw new Error("PORTAL_TANDA_TANGAN=" + key + " tidak dikenal; penyedia yang ada: " + (Object.keys(PROVIDERS).join(", ") || "(belum ada)"));
  return make();
}

/** Signs the saved letter when a provider is configured; returns the reference stored, or "". */
function sign(app, letter, text) {
  const p = provider();
  if (!p) return "";
  const result = p.sign(app, letter, text);
  return String((result && result.reference) || "");
}

module.exports = { sign: sign, provider: provider };
