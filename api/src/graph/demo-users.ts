import { hashPassword } from '../domain/auth/password.ts';
import type { NewUser } from '../domain/auth/user.ts';
import type { Database } from './database.ts';
import { createUserRepository } from './user.repository.ts';

/** The one password of every demo user; documented in the README, so never for a real deployment. */
export const demoPassword = 'chainscout-demo';

/** Demo users: one admin, one analyst, and district users for districts of the seed graph. */
export const demoUsers: Omit<NewUser, 'passwordHash'>[] = [
  { username: 'admin', role: 'admin', districtCode: null },
  { username: 'analyst', role: 'analyst', districtCode: null },
  { username: 'wuhou', role: 'district', districtCode: '510107' },
  { username: 'chenghua', role: 'district', districtCode: '510108' },
  { username: 'shuangliu', role: 'district', districtCode: '510116' },
  { username: 'gaoxin', role: 'district', districtCode: 'zone-chengdu-hi-tech' },
];

/**
 * Creates the demo users when the graph has no user at all, so a fresh `npm start` can be logged into;
 * returns the users created (none once any user exists).
 */
export async function ensureDemoUsers(db: Database): Promise<Omit<NewUser, 'passwordHash'>[]> {
  const users = createUserRepository(db);
  if ((await users.countUsers()) > 0) return [];
  const created: Omit<NewUser, 'passwordHash'>[] = [];
  for (const user of demoUsers) {
    if (await users.ensureUser({ ...user, passwordHash: await hashPassword(demoPassword) }))
      created.push(user);
  }
  return created;
}
