import { useMutation } from '@tanstack/react-query';
import { type TLoginRequest, ZAuthSession } from '@waymark/rubric';
import { apiRequest } from '../../../lib/api-client';
import { startSession } from '../../../lib/session';

/** `POST /auth/login`: the access token comes back in the body, the refresh token as a cookie. */
export function signIn(body: TLoginRequest) {
  return apiRequest('/auth/login', ZAuthSession, { method: 'POST', body, auth: false });
}

export function useSignIn() {
  return useMutation({
    mutationFn: signIn,
    onSuccess: (session) => startSession(session),
  });
}
