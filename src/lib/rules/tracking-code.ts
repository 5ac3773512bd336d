// Tracking codes such as ABC-7K3-MQ9-XPW: the office prefix (content/site/site.yaml trackingPrefix) and nine symbols from an alphabet
// without look-alikes (no 0/O, 1/I/L, U/V), read aloud in groups of three. 29^9 ≈ 2^43.7, so
// more than 40 bits of randomness; codes are generated on the server with a CSPRNG.

export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTWXYZ';
export const CODE_SYMBOLS = 9;

/** Bits of randomness in a code. */
export const CODE_BITS = CODE_SYMBOLS * Math.log2(CODE_ALPHABET.length);

/** ("ABC", "7K3MQ9XPW") → "ABC-7K3-MQ9-XPW". */
export function formatCode(prefix: string, symbols: string): string {
  return `${prefix}-${symbols.slice(0, 3)}-${symbols.slice(3, 6)}-${symbols.slice(6, 9)}`;
}

/**
 * What a person typed, as a canonical code, or null when it cannot be one. Spaces, dashes and
 * case are forgiven, and so are the look-alikes people misread (O→0 is not in the alphabet, so
 * it stays invalid rather than guessed).
 */
export function normaliseCode(raw: string): string | null {
  const compact = raw.toUpperCase().replace(/[\s\-_.]/g, '');
  const m = /^([A-Z]{3})([A-Z0-9]{9})$/.exec(compact);
  if (!m) return null;
  const symbols = m[2]!;
  for (const ch of symbols) if (!CODE_ALPHABET.includes(ch)) return null;
  return formatCode(m[1]!, symbols);
}

/** A new code from a source of random integers below n (the server passes a CSPRNG). */
export function generateCode(prefix: string, randomBelow: (n: number) => number): string {
  let symbols = '';
  for (let i = 0; i < CODE_SYMBOLS; i++) symbols += CODE_ALPHABET[randomBelow(CODE_ALPHABET.length)];
  return formatCode(prefix, symbols);
}

/** The example code the pages show, with this office's prefix: "ABC-7K3-MQ9-XPW". */
export function exampleCode(prefix: string): string {
  return formatCode(prefix, '7K3MQ9XPW');
}
