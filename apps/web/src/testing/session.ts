import type { TAuthSession, TMeResponse, TOrganisation, TUser } from '@waymark/rubric';
import { resetSessionForTests, SESSION_HINT_KEY, startSession } from '../lib/session';

/** Fixtures and helpers for tests of signed-in pages. */

export const USER_ID = '11111111-1111-4111-8111-111111111111';
export const ORG_ID = '22222222-2222-4222-8222-222222222222';
export const CREATED_AT = '2026-03-12T09:00:00.000Z';

export function aUser(overrides: Partial<TUser> = {}): TUser {
  return {
    id: USER_ID,
    email: 'ada@example.org',
    name: 'Ada Lovelace',
    createdAt: CREATED_AT,
    ...overrides,
  };
}

export function anAuthSession(overrides: Partial<TAuthSession> = {}): TAuthSession {
  return { accessToken: 'access-1', expiresIn: 900, user: aUser(), ...overrides };
}

export function anOrganisation(overrides: Partial<TOrganisation> = {}): TOrganisation {
  return {
    id: ORG_ID,
    name: 'Northfield Council',
    type: 'public_sector',
    sector: 'Local government',
    sizeBand: 'large',
    localAuthority: 'Northfield',
    employees: 4200,
    role: 'admin',
    createdAt: CREATED_AT,
    updatedAt: CREATED_AT,
    ...overrides,
  };
}

export function aMeResponse(organisations: TOrganisation[] = [anOrganisation()]): TMeResponse {
  return {
    user: aUser(),
    memberships: organisations.map((o) => ({
      organisationId: o.id,
      organisationName: o.name,
      role: o.role,
    })),
  };
}

/** Starts the test signed in (the token is `access-1` unless given). */
export function signInForTest(session: Partial<TAuthSession> = {}) {
  startSession(anAuthSession(session));
}

/**
 * As on a fresh page load in a browser that signed in before: the app will try to restore the
 * session from the cookie.
 */
export function startRestoring({ signedInBefore = true }: { signedInBefore?: boolean } = {}) {
  if (signedInBefore) localStorage.setItem(SESSION_HINT_KEY, '1');
  resetSessionForTests({ status: 'restoring' });
}
