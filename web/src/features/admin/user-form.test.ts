import { describe, expect, it } from 'vitest';
import { checkUserDraft, passwordProblem } from './user-form.ts';

describe('checkUserDraft', () => {
  it('sends a district user with its district, and other roles without one', () => {
    expect(
      checkUserDraft({
        username: 'Wuhou-1',
        role: 'district',
        districtCode: ' 510107 ',
        password: 'long enough',
      }),
    ).toEqual({
      ok: true,
      body: { username: 'wuhou-1', role: 'district', districtCode: '510107', password: 'long enough' },
    });
    const analyst = checkUserDraft({
      username: 'ana',
      role: 'analyst',
      districtCode: '510107',
      password: 'long enough',
    });
    expect(analyst.ok && analyst.body.districtCode).toBeNull();
  });

  it('names every problem: username, missing district, short password', () => {
    const result = checkUserDraft({ username: 'a b', role: 'district', districtCode: '', password: 'short' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.problems).sort()).toEqual(['districtCode', 'password', 'username']);
    expect(result.problems.password).toMatch(/at least 8/);
  });

  it('checks a new password alone', () => {
    expect(passwordProblem('short')).toMatch(/at least 8/);
    expect(passwordProblem('long enough')).toBeNull();
  });
});
