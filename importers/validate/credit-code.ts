/**
 * Unified social credit codes (统一社会信用代码, GB 32100-2015): 18 characters from a 31-character alphabet
 * without I, O, S, V and Z, so that they cannot be misread as digits. Position 1 is the registering authority,
 * 2 the kind of organisation, 3–8 the division code of the registering office, 9–17 the organisation code and
 * 18 a check character computed from the first 17.
 */
const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const charValue = new Map([...alphabet].map((ch, i) => [ch, i]));
/** Weight of position i is 3^i mod 31, as the standard tabulates. */
const weights = Array.from({ length: 17 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k++) w = (w * 3) % 31;
  return w;
});

/** The check character for the first 17 characters, or undefined when one of them is outside the alphabet. */
export function creditCodeCheckCharacter(first17: string): string | undefined {
  if (first17.length !== 17) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = charValue.get(first17[i] ?? '');
    if (value === undefined) return undefined;
    sum += value * (weights[i] ?? 0);
  }
  return alphabet[(31 - (sum % 31)) % 31];
}

/** Why a text is not a valid unified social credit code, or undefined when it is one. */
export function creditCodeProblem(code: string): string | undefined {
  if (code.length !== 18) return `must have 18 characters, has ${code.length}`;
  const bad = [...code].findIndex((ch) => !charValue.has(ch));
  if (bad >= 0) {
    return `character ${bad + 1} ("${code[bad]}") is not allowed (digits and capital letters except I, O, S, V, Z)`;
  }
  if (!/^\d{6}$/.test(code.slice(2, 8))) return 'characters 3–8 must be the digits of a division code';
  const expected = creditCodeCheckCharacter(code.slice(0, 17));
  if (expected !== code[17]) return `check character should be ${expected}, found ${code[17]}`;
  return undefined;
}

export function isCreditCode(code: string): boolean {
  return creditCodeProblem(code) === undefined;
}

/** Upper case without spaces or hyphens, as codes are often copied with them. */
export function cleanCreditCode(text: string): string {
  return text.replace(/[\s-]/g, '').toUpperCase();
}
