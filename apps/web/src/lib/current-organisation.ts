import { useMatch } from 'react-router';

/**
 * The organisation the user is working in. The URL is the source of truth (`/orgs/:orgId/…`);
 * the last one visited is remembered (its id only, nothing secret) so that signing in again, or a
 * page outside `/orgs/:orgId` such as `/assessments/:assessmentId`, knows where the user was.
 */
const STORAGE_KEY = 'waymark:last-organisation';

export function rememberOrganisation(orgId: string) {
  try {
    localStorage.setItem(STORAGE_KEY, orgId);
  } catch {
    // Storage can be disabled; the choice simply is not remembered.
  }
}

export function lastOrganisationId(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** The organisation in the address bar, else the last one visited. */
export function useCurrentOrganisationId(): string | null {
  const match = useMatch('/orgs/:orgId/*');
  const fromUrl = match?.params.orgId;
  if (fromUrl && fromUrl !== 'new') return fromUrl;
  return lastOrganisationId();
}
