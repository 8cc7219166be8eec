import type { TAuthSession, TUser } from '@waymark/rubric';
import { useSyncExternalStore } from 'react';

/**
 * Who is signed in, held in memory only: the access token never touches localStorage or
 * sessionStorage, so a script injected into the page cannot lift it from storage, and a reload
 * starts from `restoring` until the refresh cookie (httpOnly, out of the page's reach) gives a new
 * one. Issue 4: "the access token is short-lived, sent as Authorization: Bearer, and kept in memory".
 *
 * A plain module store rather than React state: the API client reads the token outside React, and
 * components subscribe with `useSession()`.
 */

export type SessionState =
  | { status: 'restoring' }
  /** `expired`: the session ended without the user asking (a refresh failed); pages say so. */
  | { status: 'signed-out'; reason: 'signed-out' | 'expired' | 'initial' }
  | { status: 'signed-in'; accessToken: string; user: TUser; expiresAt: number };

let state: SessionState = { status: 'restoring' };

/**
 * A hint, not a secret: "this browser signed in and has not signed out". Without it the app does
 * not try to restore a session on start, so an anonymous visitor's page load makes no request that
 * is bound to fail. The refresh cookie itself is httpOnly and invisible here.
 */
export const SESSION_HINT_KEY = 'waymark:has-session';

function setSessionHint(present: boolean) {
  try {
    if (present) localStorage.setItem(SESSION_HINT_KEY, '1');
    else localStorage.removeItem(SESSION_HINT_KEY);
  } catch {
    // Storage disabled: the app simply tries the refresh every time.
  }
}

/** False only when this browser is known not to hold a session. */
export function mayHaveSession(): boolean {
  try {
    return localStorage.getItem(SESSION_HINT_KEY) !== null;
  } catch {
    return true;
  }
}
const listeners = new Set<() => void>();

function emit(next: SessionState) {
  state = next;
  for (const listener of listeners) listener();
}

export function getSession(): SessionState {
  return state;
}

export function getAccessToken(): string | null {
  return state.status === 'signed-in' ? state.accessToken : null;
}

/** Stores the answer of login, register or refresh. */
export function startSession(session: TAuthSession, now = Date.now()) {
  setSessionHint(true);
  emit({
    status: 'signed-in',
    accessToken: session.accessToken,
    user: session.user,
    expiresAt: now + session.expiresIn * 1000,
  });
}

/** Keeps the token, changes the user (after an account edit). */
export function updateSessionUser(user: TUser) {
  if (state.status === 'signed-in') emit({ ...state, user });
}

export function endSession(reason: 'signed-out' | 'expired' | 'initial' = 'signed-out') {
  setSessionHint(false);
  if (state.status === 'signed-out' && state.reason === reason) return;
  emit({ status: 'signed-out', reason });
}

/** Tests start every case from a clean slate. */
export function resetSessionForTests(next: SessionState = { status: 'restoring' }) {
  emit(next);
}

export function subscribeToSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSession(): SessionState {
  return useSyncExternalStore(subscribeToSession, getSession, getSession);
}

/** The signed-in user, for components that only render inside a protected route. */
export function useSignedInUser(): TUser {
  const session = useSession();
  if (session.status !== 'signed-in') {
    throw new Error('useSignedInUser() used outside a protected route');
  }
  return session.user;
}
