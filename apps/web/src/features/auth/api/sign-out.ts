import { useMutation } from '@tanstack/react-query';
import { ApiError, apiRequest, ZNoContent } from '../../../lib/api-client';
import { endSession } from '../../../lib/session';

/**
 * `POST /auth/logout`: revokes this browser's refresh token and clears its cookie. The session
 * ends here whatever the answer: someone pressing "Sign out" must be signed out, even offline.
 */
export async function signOut(): Promise<void> {
  try {
    await apiRequest('/auth/logout', ZNoContent, { method: 'POST', auth: false, csrf: true });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
  } finally {
    endSession('signed-out');
  }
}

export function useSignOut() {
  return useMutation({ mutationFn: signOut });
}

/** `POST /auth/logout-all`: revokes every refresh token of the account, on every device. */
export async function signOutEverywhere(): Promise<void> {
  await apiRequest('/auth/logout-all', ZNoContent, { method: 'POST', csrf: true });
  endSession('signed-out');
}

export function useSignOutEverywhere() {
  return useMutation({ mutationFn: signOutEverywhere });
}
