import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password.ts';

// Cheap parameters keep the tests fast; the format and the checks are the same as with the defaults.
const cheap = { N: 1024, r: 8, p: 1 };

describe('password hashing', () => {
  it('stores the scrypt parameters and a random salt with each hash', async () => {
    const [a, b] = await Promise.all([
      hashPassword('成都 chain 2026', cheap),
      hashPassword('成都 chain 2026', cheap),
    ]);
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(a).not.toBe(b);
  });

  it('accepts the right password and refuses others', async () => {
    const stored = await hashPassword('correct horse', cheap);
    expect(await verifyPassword('correct horse', stored)).toBe(true);
    expect(await verifyPassword('correct horsE', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('verifies with the parameters stored in the hash, not the current defaults', async () => {
    const stronger = await hashPassword('pw-1234567', { N: 2048, r: 8, p: 2 });
    expect(await verifyPassword('pw-1234567', stronger)).toBe(true);
  });

  it('treats composed and decomposed forms of the same characters as one password', async () => {
    const stored = await hashPassword('caf\u00e9', cheap);
    expect(await verifyPassword('cafe\u0301', stored)).toBe(true);
  });

  it('refuses hashes it cannot read instead of throwing', async () => {
    for (const stored of ['', 'plain', 'scrypt$1024$8$1$salt$', 'bcrypt$2b$10$abc']) {
      expect(await verifyPassword('x', stored)).toBe(false);
    }
  });
});
