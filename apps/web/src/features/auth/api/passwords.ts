import { useMutation } from '@tanstack/react-query';
import type {
  TChangePasswordRequest,
  TPasswordResetConfirmRequest,
  TPasswordResetRequest,
} from '@waymark/rubric';
import { apiRequest, ZNoContent } from '../../../lib/api-client';

/** `POST /me/password`: needs the current password. */
export function changePassword(body: TChangePasswordRequest) {
  return apiRequest('/me/password', ZNoContent, { method: 'POST', body });
}

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}

/**
 * `POST /auth/password-reset`: emails a reset link if the account exists. The answer is the same
 * either way, so that nobody can find out which emails have accounts.
 */
export function requestPasswordReset(body: TPasswordResetRequest) {
  return apiRequest('/auth/password-reset', ZNoContent, { method: 'POST', body, auth: false });
}

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: requestPasswordReset });
}

/** `POST /auth/password-reset/confirm`: the emailed token and a new password. */
export function confirmPasswordReset(body: TPasswordResetConfirmRequest) {
  return apiRequest('/auth/password-reset/confirm', ZNoContent, {
    method: 'POST',
    body,
    auth: false,
  });
}

export function useConfirmPasswordReset() {
  return useMutation({ mutationFn: confirmPasswordReset });
}
