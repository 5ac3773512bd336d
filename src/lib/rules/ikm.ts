// Survei Kepuasan Masyarakat (Permenpan RB 14/2017): the nine unsur, the answers a response may
// hold, the index (IKM) with its mutu and kinerja, and the Krejcie-Morgan sample size. Shared
// by the survey form, the PocketBase hook (bundled to ES2015) and reports, so pure only.

import { unreadableText, UNREADABLE_MESSAGE } from './text';

export interface Unsur {
  id: string;
  label: string;
  question: string;
  /** Answer labels for scores 1, 2, 3 and 4. */
  options: [string, string, string, string];
}

/** One unsur: its label, the question asked, and the answer labels for scores 1 to 4. */
const unsur = (label: string, question: string, options: Unsur['options']) => ({ label, question, options });

/** The nine unsur of Permenpan RB 14/2017, in the regulation's order: ids u1..u9 follow it. */
export const UNSUR: Unsur[] = [
  unsur('Persyaratan', 'Bagaimana kesesuaian persyaratan yang diminta dengan layanan yang Anda terima?', ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai']),
  unsur('Sistem, mekanisme, dan prosedur', 'Bagaimana kemudahan prosedur (alur) pelayanan di kantor kami?', ['Tidak mudah', 'Kurang mudah', 'Mudah', 'Sangat mudah']),
  unsur('Waktu penyelesaian', 'Bagaimana kecepatan waktu penyelesaian layanan Anda?', ['Tidak cepat', 'Kurang cepat', 'Cepat', 'Sangat cepat']),
  unsur('Biaya/tarif', 'Bagaimana kewajaran biaya atau tarif yang Anda bayar untuk layanan ini?', ['Sangat mahal', 'Cukup mahal', 'Murah', 'Gratis']),
  unsur('Produk spesifikasi jenis pelayanan', 'Bagaimana kesesuaian hasil layanan yang Anda terima dengan yang tertulis di standar pelayanan?', ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai']),
  unsur('Kompetensi pelaksana', 'Bagaimana kemampuan petugas dalam memberikan layanan?', ['Tidak mampu', 'Kurang mampu', 'Mampu', 'Sangat mampu']),
  unsur('Perilaku pelaksana', 'Bagaimana kesopanan dan keramahan petugas?', ['Tidak sopan dan tidak ramah', 'Kurang sopan dan kurang ramah', 'Sopan dan ramah', 'Sangat sopan dan ramah']),
  unsur('Penanganan pengaduan, saran, dan masukan', 'Bagaimana penanganan pengaduan, saran, dan masukan dari pengguna layanan?', ['Tidak ada', 'Ada tetapi tidak berfungsi', 'Berfungsi kurang maksimal', 'Dikelola dengan baik']),
  unsur('Sarana dan prasarana', 'Bagaimana kualitas sarana dan prasarana pelayanan (ruang tunggu, peralatan, dan sebagainya)?', ['Buruk', 'Cukup', 'Baik', 'Sangat baik']),
].map((u, i) => ({ id: `u${i + 1}`, ...u }));

export const SURVEY_ANSWER_MIN = 1;
export const SURVEY_ANSWER_MAX = 4;
export const SURVEY_SARAN_MAX = 1000;

/**
 * Optional respondent data (lampiran of 14/2017). Never a name or NIK: the survey stays
 * anonymous. Keys must match the select values in pb_migrations/*_survei_kepuasan.js.
 */
export const RESPONDENT_FIELDS: { id: 'jenis_kelamin' | 'kelompok_usia' | 'pendidikan' | 'pekerjaan'; label: string; options: { value: string; label: string }[] }[] = [
  {
    id: 'jenis_kelamin',
    label: 'Jenis kelamin',
    options: [
      { value: 'L', label: 'Laki-laki' },
      { value: 'P', label: 'Perempuan' },
    ],
  },
  {
    id: 'kelompok_usia',
    label: 'Usia',
    options: [
      { value: '<20', label: 'Di bawah 20 tahun' },
      { value: '20-29', label: '20–29 tahun' },
      { value: '30-39', label: '30–39 tahun' },
      { value: '40-49', label: '40–49 tahun' },
      { value: '50-59', label: '50–59 tahun' },
      { value: '60+', label: '60 tahun atau lebih' },
    ],
  },
  {
    id: 'pendidikan',
    label: 'Pendidikan terakhir',
    options: [
      { value: 'tidak_sekolah', label: 'Tidak sekolah' },
      { value: 'SD', label: 'SD atau sederajat' },
      { value: 'SMP', label: 'SMP atau sederajat' },
      { value: 'SMA', label: 'SMA/SMK atau sederajat' },
      { value: 'D3', label: 'Diploma (D1–D3)' },
      { value: 'S1', label: 'S1 atau D4' },
      { value: 'S2', label: 'S2' },
      { value: 'S3', label: 'S3' },
    ],
  },
  {
    id: 'pekerjaan',
    label: 'Pekerjaan',
    options: [
      { value: 'PNS', label: 'PNS' },
      { value: 'TNI', label: 'TNI' },
      { value: 'POLRI', label: 'POLRI' },
      { value: 'swasta', label: 'Pegawai swasta' },
      { value: 'wirausaha', label: 'Wirausaha' },
      { value: 'petani_nelayan', label: 'Petani atau nelayan' },
      { value: 'ibu_rumah_tangga', label: 'Ibu rumah tangga' },
      { value: 'pelajar', label: 'Pelajar atau mahasiswa' },
      { value: 'tidak_bekerja', label: 'Tidak bekerja' },
      { value: 'lainnya', label: 'Lainnya' },
    ],
  },
];

/** A survey response as the form sends it (strings) or as PocketBase holds it (numbers). */
export type SurveyInput = Record<string, unknown>;

export interface SurveyValue {
  answers: number[];
  jenis_kelamin: string;
  kelompok_usia: string;
  pendidikan: string;
  pekerjaan: string;
  saran: string;
}

/** 1000 → "1.000" by hand: the hooks' JS engine has no Intl. */
function groupThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** An answer as a score 1..4, 0 when there is none, NaN when it is not a score. */
function score(raw: unknown): number {
  if (raw === undefined || raw === null) return 0;
  if (typeof raw === 'number') return Number.isInteger(raw) ? raw : NaN;
  const text = String(raw).trim();
  if (text === '') return 0;
  return /^[0-9]+$/.test(text) ? Number(text) : NaN;
}

/**
 * The same checks in the browser and in the hook: every unsur answered 1..4, respondent data
 * from its list or empty, saran within its limit. Errors are keyed by field, in form order.
 */
export function validateSurvey(input: SurveyInput): { value: SurveyValue; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const answers: number[] = [];
  UNSUR.forEach((u, i) => {
    const n = score(input[u.id]);
    const name = `pertanyaan ${i + 1} (${u.label.toLowerCase()})`;
    // PocketBase stores an empty number field as 0, so 0 means "not answered".
    if (n === 0) errors[u.id] = `Pilih salah satu jawaban untuk ${name}.`;
    else if (!(n >= SURVEY_ANSWER_MIN && n <= SURVEY_ANSWER_MAX)) errors[u.id] = `Jawaban untuk ${name} harus salah satu dari empat pilihan.`;
    answers.push(n);
  });
  const picked: Record<string, string> = {};
  for (const field of RESPONDENT_FIELDS) {
    const value = input[field.id] === undefined || input[field.id] === null ? '' : String(input[field.id]).trim();
    if (value !== '' && !field.options.some((o) => o.value === value)) errors[field.id] = `Pilihan ${field.label.toLowerCase()} tidak dikenal. Pilih dari daftar atau kosongkan.`;
    picked[field.id] = value;
  }
  const rawSaran = input['saran'] === undefined || input['saran'] === null ? '' : String(input['saran']);
  const saran = rawSaran.trim();
  if (unreadableText(rawSaran, true)) errors['saran'] = UNREADABLE_MESSAGE;
  else if (saran.length > SURVEY_SARAN_MAX) errors['saran'] = `Saran terlalu panjang. Tulis paling banyak ${groupThousands(SURVEY_SARAN_MAX)} karakter.`;
  return {
    value: {
      answers,
      jenis_kelamin: picked['jenis_kelamin'] ?? '',
      kelompok_usia: picked['kelompok_usia'] ?? '',
      pendidikan: picked['pendidikan'] ?? '',
      pekerjaan: picked['pekerjaan'] ?? '',
      saran,
    },
    errors,
  };
}

export type Mutu = 'A' | 'B' | 'C' | 'D';
export type Kinerja = 'Sangat baik' | 'Baik' | 'Kurang baik' | 'Tidak baik';

export interface IkmResult {
  responses: number;
  /** Nilai rata-rata per unsur (1–4), in UNSUR order. */
  nrr: number[];
  /** Index on the 1–4 scale: each NRR weighted exactly 1/9 (not the rounded 0,11). */
  index: number;
  /** index × 25, rounded to 2 decimals (25–100). */
  converted: number;
  mutu: Mutu;
  kinerja: Kinerja;
}

/**
 * IKM of a set of responses, or null when there are none. Each response holds the nine answers
 * (1..4) in UNSUR order; anything else throws, since a wrong row would skew the published index.
 */
export function computeIkm(responses: readonly (readonly number[])[]): IkmResult | null {
  const n = responses.length;
  if (n === 0) return null;
  const sums = UNSUR.map(() => 0);
  responses.forEach((response, r) => {
    if (response.length !== UNSUR.length) throw new RangeError(`Respons ${r + 1} berisi ${response.length} jawaban, seharusnya ${UNSUR.length}.`);
    response.forEach((answer, i) => {
      if (!Number.isInteger(answer) || answer < SURVEY_ANSWER_MIN || answer > SURVEY_ANSWER_MAX) {
        throw new RangeError(`Respons ${r + 1}, unsur ${i + 1}: jawaban ${answer} di luar 1–4.`);
      }
      sums[i] = (sums[i] ?? 0) + answer;
    });
  });
  const total = sums.reduce((a, b) => a + b, 0);
  // Σ(NRR_i × 1/9) = total ÷ (9n); converted = 25·total ÷ (9n). Rounding the exact integer
  // ratio in hundredths keeps float error away from the band boundaries.
  const converted = Math.round((2500 * total) / (UNSUR.length * n)) / 100;
  return {
    responses: n,
    nrr: sums.map((s) => s / n),
    index: total / (UNSUR.length * n),
    converted,
    ...gradeIkm(converted),
  };
}

/** Mutu and kinerja of a converted value (25–100), classified on its 2-decimal rounding. */
export function gradeIkm(converted: number): { mutu: Mutu; kinerja: Kinerja } {
  // toPrecision drops binary noise (88.305 × 100 = 8830.499…) before rounding half up.
  const cents = Math.round(Number((converted * 100).toPrecision(12)));
  if (cents >= 8831) return { mutu: 'A', kinerja: 'Sangat baik' };
  if (cents >= 7661) return { mutu: 'B', kinerja: 'Baik' };
  if (cents >= 6500) return { mutu: 'C', kinerja: 'Kurang baik' };
  return { mutu: 'D', kinerja: 'Tidak baik' };
}

/**
 * Krejcie & Morgan (1970) sample size for a population of N service users:
 * S = X²·N·P(1−P) / (d²(N−1) + X²·P(1−P)), X² = 3,841, P = 0,5, d = 0,05.
 */
export function krejcieMorgan(population: number): number {
  if (!Number.isInteger(population) || population < 0) throw new RangeError('Populasi harus bilangan bulat 0 atau lebih.');
  const chi2 = 3.841;
  const pq = 0.5 * (1 - 0.5);
  const d = 0.05;
  if (population === 0) return 0;
  return Math.round((chi2 * population * pq) / (d * d * (population - 1) + chi2 * pq));
}
