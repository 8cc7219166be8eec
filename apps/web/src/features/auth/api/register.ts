import { useMutation } from '@tanstack/react-query';
import { type TRegisterRequest, ZAuthSession } from '@waymark/rubric';
import { apiRequest } from '../../../lib/api-client';
import { startSession } from '../../../lib/session';

/** `POST /auth/register`: creates the account and signs it in. */
export function register(body: TRegisterRequest) {
  return apiRequest('/auth/register', ZAuthSession, { method: 'POST', body, auth: false });
}

export function useRegister() {
  return useMutation({
    mutationFn: register,
    onSuccess: (session) => startSession(session),
  });
}
