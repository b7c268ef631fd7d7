/** Who is making a request, as the session check resolved it. */
export type Role = 'admin' | 'analyst' | 'district';

export const roles: readonly Role[] = ['admin', 'analyst', 'district'];

export interface SessionUser {
  username: string;
  role: Role;
  /** The district a `district` user acts for; null for admins and analysts. */
  districtCode: string | null;
}
