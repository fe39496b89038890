import { useSyncExternalStore } from 'react';
import { z } from 'zod';
import type { User } from '../../../shared/api/index.ts';
import { fetchSession, logout } from '../api/auth.ts';
import { onUnauthenticated } from '../api/http.ts';
import { readStored, removeStored, writeStored } from '../app/localStore.ts';
import { deleteLocalMeetingData } from './localData.ts';

/** Who this browser remembers as signed in, for working offline (never the email or a secret). */
export interface RememberedUser {
  id: string;
  name: string;
}

export type Session =
  | { status: 'loading' }
  | { status: 'signedIn'; user: User }
  /**
   * `signupOpen`: an account may be created here without an invitation, because the instance
   * has none yet (`firstAccount`: it becomes the instance admin) or because an admin allows it.
   */
  | { status: 'signedOut'; signupOpen: boolean; firstAccount: boolean }
  /**
   * The server could not be reached. With a remembered user the meeting pages still open (the
   * workspace works from its local copy); without one there is nothing to show but a retry.
   */
  | { status: 'unreachable'; user: RememberedUser | null };

const rememberedKey = 'justera:user';
const rememberedSchema = z.object({ id: z.string().min(1), name: z.string().min(1).max(200) });

let session: Session = { status: 'loading' };
const listeners = new Set<() => void>();
let loading: Promise<void> | null = null;

function setSession(next: Session): void {
  session = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The current session; re-renders when someone signs in or out. */
export function useSession(): Session {
  return useSyncExternalStore(subscribe, () => session);
}

export function currentSession(): Session {
  return session;
}

/**
 * Asks the server who is signed in (once at start; again on `retry`). GET /api/auth/session
 * answers 200 either way, so a signed-out visitor's console shows no failed request.
 */
export function loadSession(): Promise<void> {
  loading ??= fetchSession().then((result) => {
    loading = null;
    if (result.ok) {
      if (result.data.user !== null) signedIn(result.data.user);
      else forget(result.data.signupOpen, result.data.firstAccount);
    } else {
      setSession({ status: 'unreachable', user: readStored(rememberedKey, rememberedSchema) });
    }
  });
  return loading;
}

/** After sign-in, sign-up or accepting an invitation with a new account. */
export function signedIn(user: User): void {
  writeStored(rememberedKey, { id: user.id, name: user.name } satisfies RememberedUser);
  setSession({ status: 'signedIn', user });
}

/**
 * Ends the session on the server; this browser forgets the user, and the minutes it kept for
 * offline work, even if the server is away.
 */
export async function signOut(): Promise<void> {
  const result = await logout();
  if (!result.ok) console.warn('Signing out on the server failed', result);
  forget();
  await deleteLocalMeetingData();
}

function forget(signupOpen = false, firstAccount = false): void {
  removeStored(rememberedKey);
  setSession({ status: 'signedOut', signupOpen, firstAccount });
}

// The session ended elsewhere (expired, password changed on another device, signed out in
// another tab): the guard then sends the person to the sign-in page.
onUnauthenticated(() => {
  if (session.status === 'signedIn' || session.status === 'unreachable') forget();
});

// Signing out in another tab removes the remembered user there: follow it here at once.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key === rememberedKey && event.newValue === null && session.status === 'signedIn') {
      setSession({ status: 'signedOut', signupOpen: false, firstAccount: false });
    }
  });
}
