// Indonesian phone numbers (libphonenumber's rules for region ID, see indonesian-standards §4.5).
// Mobile and fixed lines are both accepted; stored in E.164 (+62…), shown as 0812-3456-7890.

const MOBILE_NSN = /^8[1-35-9]\d{7,10}$/;
const FIXED_NSN = /^[2-9]\d{6,10}$/;

/** National significant number (without 0 or +62), or null when it cannot be one. */
function nationalNumber(raw: string): string | null {
  const compact = raw.replace(/[\s.\-()]/g, '');
  if (/^\+62\d+$/.test(compact)) return compact.slice(3);
  if (/^62\d+$/.test(compact)) return compact.slice(2);
  if (/^0\d+$/.test(compact)) return compact.slice(1);
  return null;
}

/**
 * A fixed-line example from the office's own number as site.yaml writes it: "(0717) 92566" →
^ * "0717-92566" (08… is mobile), so no office's number is written into the code. Null when it is not one.
 */
export function fixedLineExample(officePhone: string | undefined): string | null {
  const m = /^\(?(0[2-79]\d{1,3})\)?[\s.-]*(\d[\d\s.-]{4,})$/.exec((officePhone ?? '').trim());
  return m ? `${m[1]}-${m[2]!.replace(/[\s.-]/g, '')}` : null;
}

/** What is wrong with a phone number, or null. `officePhone` gives the fixed-line example. */
export function phoneProblem(raw: string, officePhone?: string): string | null {
  const trimmed = raw.trim();
  if (trimmed.length === 0) return 'Isi nomor telepon atau WhatsApp.';
  if (/[^\d\s.\-()+]/.test(trimmed)) return 'Nomor telepon hanya berisi angka, contoh 0812-3456-7890.';
  const nsn = nationalNumber(trimmed);
  if (nsn === null) return 'Nomor telepon diawali 0 atau +62, contoh 0812-3456-7890.';
  if (nsn.startsWith('8')) {
    return MOBILE_NSN.test(nsn) ? null : 'Nomor HP harus 10 sampai 13 angka dan diawali 08, contoh 0812-3456-7890.';
  }
  if (FIXED_NSN.test(nsn)) return null;
  const example = fixedLineExample(officePhone);
  return `Nomor telepon rumah atau kantor harus berisi kode wilayah${example ? `, contoh ${example}` : ' (diawali 0)'}.`;
}

/** "+6281234567890" for a valid number. */
export function toE164(raw: string): string {
  const nsn = nationalNumber(raw.trim());
  if (nsn === null || phoneProblem(raw)) throw new Error('Nomor telepon tidak sah');
  return `+62${nsn}`;
}

/** "0812-3456-7890" for a mobile number, the digits after a 0 for others. */
export function formatPhone(e164: string): string {
  const nsn = e164.replace(/^\+62/, '');
  if (nsn.startsWith('8')) {
    const m = /^(\d{3})(\d{3,4})(\d{3,5})$/.exec(nsn);
    return m ? `0${m[1]}-${m[2]}-${m[3]}` : `0${nsn}`;
  }
  return `0${nsn}`;
}
