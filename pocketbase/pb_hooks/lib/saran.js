// Server-side rules for the kotak saran. The browser checks the same rules with zod
// (src/lib/validation/saran.ts); tests/vectors/saran.json proves both agree.
const LIMITS = { pesanMin: 10, pesanMax: 2000, kontakMax: 100 };

function validateSaran(input) {
  const pesan = String(input.pesan || "").trim();
  const kontak = String(input.kontak || "").trim();
  const errors = {};
  if (pesan.length === 0) {
    errors.pesan = "Tulis saran atau masukan Anda.";
  } else if (pesan.length < LIMITS.pesanMin) {
    errors.pesan = "Saran terlalu pendek. Tulis paling sedikit " + LIMITS.pesanMin + " karakter.";
  } else if (pesan.length > LIMITS.pesanMax) {
    errors.pesan = "Saran terlalu panjang. Tulis paling banyak " + LIMITS.pesanMax + " karakter.";
  }
  if (kontak.length > LIMITS.kontakMax) {
    errors.kontak = "Kontak terlalu panjang. Tulis paling banyak " + LIMITS.kontakMax + " karakter.";
  }
  return { value: { pesan: pesan, kontak: kontak }, errors: errors };
}

module.exports = { validateSaran: validateSaran, LIMITS: LIMITS };
