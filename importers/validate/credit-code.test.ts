import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanCreditCode, creditCodeCheckCharacter, creditCodeProblem, isCreditCode } from './credit-code.ts';

const alphabet = [...'0123456789ABCDEFGHJKLMNPQRTUWXY'];
const codeBody = fc
  .tuple(
    fc.array(fc.constantFrom(...alphabet), { minLength: 2, maxLength: 2 }),
    fc.array(fc.constantFrom(...'0123456789'), { minLength: 6, maxLength: 6 }),
    fc.array(fc.constantFrom(...alphabet), { minLength: 9, maxLength: 9 }),
  )
  .map(([a, b, c]) => [...a, ...b, ...c].join(''));
const validCode = codeBody.map((body) => `${body}${creditCodeCheckCharacter(body)}`);

describe('unified social credit codes (GB 32100-2015)', () => {
  it('accepts published codes', () => {
    // The standard's own example and a large listed firm's code.
    expect(creditCodeProblem('91350100M000100Y43')).toBeUndefined();
    expect(isCreditCode('9144030071526726XG')).toBe(true);
  });

  it('says what is wrong with a code', () => {
    expect(creditCodeProblem('91350100M000100Y44')).toBe('check character should be 3, found 4');
    expect(creditCodeProblem('91350100M000100Y4')).toBe('must have 18 characters, has 17');
    expect(creditCodeProblem('91350100M00O100Y43')).toMatch(/character 12 \("O"\) is not allowed/);
    expect(creditCodeProblem('91A50100M000100Y43')).toBe(
      'characters 3–8 must be the digits of a division code',
    );
  });

  it('computes 0 when the weighted sum is a multiple of 31', () => {
    // Seventeen zeros weigh nothing: 31 - 0 wraps to the first character.
    expect(creditCodeCheckCharacter('00000000000000000')).toBe('0');
    expect(creditCodeCheckCharacter('0000000000000000')).toBeUndefined();
  });

  it('detects every single changed character', () => {
    fc.assert(
      fc.property(validCode, fc.nat(16), fc.constantFrom(...alphabet), (code, position, replacement) => {
        fc.pre(code[position] !== replacement && !(position >= 2 && position < 8 && !/\d/.test(replacement)));
        const changed = `${code.slice(0, position)}${replacement}${code.slice(position + 1)}`;
        expect(isCreditCode(code)).toBe(true);
        expect(isCreditCode(changed)).toBe(false);
      }),
    );
  });

  it('detects every swap of two neighbouring different characters', () => {
    fc.assert(
      fc.property(validCode, fc.nat(15), (code, i) => {
        fc.pre(code[i] !== code[i + 1]);
        const swapped = `${code.slice(0, i)}${code[i + 1]}${code[i]}${code.slice(i + 2)}`;
        fc.pre(!(i === 1 || i === 7) || (/\d/.test(code[i] ?? '') && /\d/.test(code[i + 1] ?? '')));
        expect(isCreditCode(swapped)).toBe(false);
      }),
    );
  });

  it('cleans codes copied with spaces, hyphens or in lower case', () => {
    expect(cleanCreditCode(' 91350100-m000100y43 ')).toBe('91350100M000100Y43');
  });
});
