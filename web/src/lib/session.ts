import { useSyncExternalStore } from 'react';
import { z } from 'zod';
import { sessionUserSchema } from '../../../api/src/http/schemas/auth.schemas.ts';

/**
 * The logged-in session: the bearer token and who it belongs to, kept in sessionStorage so it survives a
 * reload but not the closing of the tab, and is never sent by the browser on its own (no cookies).
 */
const sessionSchema = z.object({
  token: z.string().min(1),
  user: sessionUserSchema,
  expiresAt: z.string(),
});
export type Session = z.infer<typeof sessionSchema>;

const storageKey = 'chainscout.session';

function readStoredSession(): Session | null {
  try {
    const stored = globalThis.sessionStorage?.getItem(storageKey);
    if (!stored) return null;
    const parsed = sessionSchema.safeParse(JSON.parse(stored));
    if (!parsed.success || Date.parse(parsed.data.expiresAt) <= Date.now()) return null;
    return parsed.data;
  } catch {
    // Storage blocked or a damaged entry: log in again.
    return null;
  }
}

let currentSession: Session | null = readStoredSession();
const listeners = new Set<() => void>();

export function getSession(): Session | null {
  return currentSession;
}

function setSession(session: Session | null): void {
  currentSession = session;
  try {
    if (session) globalThis.sessionStorage?.setItem(storageKey, JSON.stringify(session));
    else globalThis.sessionStorage?.removeItem(storageKey);
  } catch {
    // Not persisting only means logging in again after a reload.
  }
  for (const listener of listeners) listener();
}

export function startSession(session: Session): void {
  setSession(sessionSchema.parse(session));
}

/** Forgets the session; the app shows the login screen. Also called when the API answers 401. */
export function endSession(): void {
  if (currentSession !== null) setSession(null);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSession(): Session | null {
  return useSyncExternalStore(subscribe, getSession, () => null);
}
