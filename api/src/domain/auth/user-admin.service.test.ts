import { describe, expect, it } from 'vitest';
import type { UserSummary } from './user.ts';
import { createUserAdminService, lockOutProblem, type UserStore } from './user-admin.service.ts';

const user = (username: string, role: UserSummary['role'], disabled = false): UserSummary => ({
  username,
  role,
  districtCode: null,
  disabled,
  createdAt: '2026-01-01T00:00:00Z',
});
const actor = (username: string) => ({ username, role: 'admin' as const, districtCode: null });

describe('lockOutProblem', () => {
  const ann = user('ann', 'admin');
  const bob = user('bob', 'admin');
  const off = user('off', 'admin', true);
  const ana = user('ana', 'analyst');

  it('lets an admin disable or demote another admin while an enabled admin remains', () => {
    expect(lockOutProblem([ann, bob], bob, { disabled: true }, actor('ann'))).toBeNull();
    expect(lockOutProblem([ann, bob], bob, { role: 'analyst' }, actor('ann'))).toBeNull();
  });

  it('refuses disabling or demoting oneself', () => {
    expect(lockOutProblem([ann, bob], ann, { disabled: true }, actor('ann'))).toMatch(/yourself/);
    expect(lockOutProblem([ann, bob], ann, { role: 'district' }, actor('ann'))).toMatch(/yourself/);
  });

  it('refuses leaving no enabled admin, even from the command line', () => {
    expect(lockOutProblem([ann, off, ana], ann, { disabled: true }, null)).toMatch(/last enabled admin/);
  });

  it('ignores changes that keep the admin an enabled admin, and changes to other roles', () => {
    expect(lockOutProblem([ann], ann, { disabled: false, role: 'admin' }, actor('ann'))).toBeNull();
    expect(lockOutProblem([ann, ana], ana, { disabled: true }, actor('ann'))).toBeNull();
    expect(lockOutProblem([ann, off], off, { role: 'analyst' }, actor('ann'))).toBeNull();
  });
});

describe('createUserAdminService', () => {
  /** An in-memory store: enough to see which changes are announced. */
  function memoryStore(initial: UserSummary[]): UserStore {
    const users = new Map(initial.map((u) => [u.username, { ...u }]));
    const get = (name: string) => {
      const found = users.get(name);
      if (!found) throw new Error(`no user ${name}`);
      return found;
    };
    return {
      findUser: async (name) => users.get(name),
      listUsers: async () => [...users.values()],
      createUser: async (u) => {
        const created = { ...user(u.username, u.role), districtCode: u.districtCode };
        users.set(u.username, created);
        return created;
      },
      setDisabled: async (name, disabled) => {
        get(name).disabled = disabled;
      },
      setRole: async (name, role, districtCode) => {
        Object.assign(get(name), { role, districtCode });
      },
      setPasswordHash: async () => {},
    };
  }

  it('announces every change to who may do what, and nothing when a change is refused', async () => {
    const changed: string[] = [];
    const service = createUserAdminService(
      memoryStore([user('ann', 'admin'), user('ana', 'analyst')]),
      (name) => changed.push(name),
    );
    await service.updateUser('ana', { disabled: true }, actor('ann'));
    await service.resetPassword('ana', 'a-long-enough-passphrase-42', 'ann');
    await expect(service.updateUser('ann', { disabled: true }, actor('ann'))).rejects.toThrow(/yourself/);
    expect(changed).toEqual(['ana', 'ana']);
  });
});
