import { z } from 'zod';
import { ZText } from './text.js';

/**
 * The request and response contract of the auth and account routes, shared by the API and the web
 * app. Sessions: the access token comes back in the JSON body (keep it in memory only); the refresh
 * token travels only in the httpOnly cookie `REFRESH_COOKIE_NAME`, scoped to `/api/v1/auth`. The
 * cookie-carrying routes (`/auth/refresh`, `/auth/logout`, `/auth/logout-all`) also need the header
 * `CSRF_HEADER: CSRF_HEADER_VALUE`, or they answer 403 `csrf_failed`.
 */

/*
 * Routes (under /api/v1):
 *   POST /auth/register        ZRegisterRequest → 201 ZAuthSession (+ cookie); 409 email_taken
 *   POST /auth/login           ZLoginRequest → 200 ZAuthSession (+ cookie); 401 invalid_credentials
 *   POST /auth/refresh         cookie + CSRF header → 200 ZAuthSession (+ rotated cookie);
 *                              401 refresh_token_invalid | refresh_token_reused (cookie cleared)
 *   POST /auth/logout          cookie + CSRF header → 204 (cookie cleared)
 *   POST /auth/logout-all      Bearer → 204: every session of the user ends (cookie cleared)
 *   POST /auth/password-reset  ZPasswordResetRequest → 202 always (email sent only with SMTP)
 *   POST /auth/password-reset/confirm  ZPasswordResetConfirmRequest → 204; 400 reset_token_invalid
 *   GET  /me                   Bearer → 200 ZMeResponse
 *   POST /me/password          Bearer + ZChangePasswordRequest → 204 and a new refresh cookie (other
 *                              sessions end, this one goes on); 403 current_password_wrong
 * A refused password is a 400 `validation_failed` whose issue has the field's path
 * (`body.password` / `body.newPassword`) and a code: too_small, too_big, password_common,
 * password_weak or password_personal. Rate-limited routes answer 429 `rate_limited` with
 * Retry-After. Several tabs: refresh one at a time (e.g. navigator.locks), since presenting a
 * token another tab has just rotated counts as reuse and ends the session.
 */

/** Name of the httpOnly cookie carrying the refresh token (path `/api/v1/auth`). */
export const REFRESH_COOKIE_NAME = 'waymark_refresh';
/** Header every cookie-carrying auth request must send (a cross-site form cannot set it). */
export const CSRF_HEADER = 'X-Requested-With';
export const CSRF_HEADER_VALUE = 'waymark';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/** An email as stored: trimmed and lower-cased, so uniqueness ignores case. */
export const ZEmail = ZText.trim().toLowerCase().pipe(z.email().max(254));

/**
 * A new password (register, change, reset). The server also refuses weak or common passwords
 * (zxcvbn score below 3) and ones containing the name or the email's local part: those come back
 * as a 400 with an issue at the password's path.
 */
export const ZNewPassword = ZText.min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH);

/** A password being checked (sign in, current password): no policy, only bounds. */
export const ZPasswordAttempt = ZText.min(1).max(PASSWORD_MAX_LENGTH);

export const ZPersonName = ZText.trim().min(1).max(100);

export const ZMembershipRole = z.enum(['admin', 'contributor', 'viewer']);
export type TMembershipRole = z.infer<typeof ZMembershipRole>;

export const ZUser = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  createdAt: z.string().datetime({ offset: true }),
});
export type TUser = z.infer<typeof ZUser>;

// ─── Requests ────────────────────────────────────────────────────────────────────────────────

export const ZRegisterRequest = z
  .object({ name: ZPersonName, email: ZEmail, password: ZNewPassword })
  .strict();
export type TRegisterRequest = z.input<typeof ZRegisterRequest>;

export const ZLoginRequest = z.object({ email: ZEmail, password: ZPasswordAttempt }).strict();
export type TLoginRequest = z.input<typeof ZLoginRequest>;

export const ZChangePasswordRequest = z
  .object({ currentPassword: ZPasswordAttempt, newPassword: ZNewPassword })
  .strict();
export type TChangePasswordRequest = z.input<typeof ZChangePasswordRequest>;

export const ZPasswordResetRequest = z.object({ email: ZEmail }).strict();
export type TPasswordResetRequest = z.input<typeof ZPasswordResetRequest>;

/** The token is the `token` query parameter of the emailed `/reset-password?token=…` link. */
export const ZPasswordResetConfirmRequest = z
  .object({ token: ZText.min(16).max(128), newPassword: ZNewPassword })
  .strict();
export type TPasswordResetConfirmRequest = z.input<typeof ZPasswordResetConfirmRequest>;

// ─── Responses ───────────────────────────────────────────────────────────────────────────────

/** Answer of register (201), login (200) and refresh (200); the refresh cookie is set alongside. */
export const ZAuthSession = z.object({
  accessToken: z.string(),
  /** Lifetime of the access token in seconds: refresh a little before it runs out. */
  expiresIn: z.number().int(),
  user: ZUser,
});
export type TAuthSession = z.infer<typeof ZAuthSession>;

export const ZMembershipSummary = z.object({
  organisationId: z.uuid(),
  organisationName: z.string(),
  role: ZMembershipRole,
});
export type TMembershipSummary = z.infer<typeof ZMembershipSummary>;

/** GET /me: who is signed in and the organisations they can switch between (sorted by name). */
export const ZMeResponse = z.object({
  user: ZUser,
  memberships: z.array(ZMembershipSummary),
});
export type TMeResponse = z.infer<typeof ZMeResponse>;

/** Problem `code`s the auth routes answer with, for the web app to branch on. */
export const AUTH_ERROR_CODES = {
  invalidCredentials: 'invalid_credentials',
  /** `POST /me/password`: the current password given is not the account's. */
  currentPasswordWrong: 'current_password_wrong',
  emailTaken: 'email_taken',
  refreshTokenInvalid: 'refresh_token_invalid',
  refreshTokenReused: 'refresh_token_reused',
  /** The sign-in is older than SESSION_MAX_AGE_DAYS, however often it was refreshed. */
  sessionExpired: 'session_expired',
  csrfFailed: 'csrf_failed',
  resetTokenInvalid: 'reset_token_invalid',
  unauthorized: 'unauthorized',
  rateLimited: 'rate_limited',
  validationFailed: 'validation_failed',
} as const;
