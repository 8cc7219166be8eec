import { useSyncExternalStore } from 'react';
import { useMatch } from 'react-router';

/**
 * The organisation the user is working in. The URL is the source of truth (`/orgs/:orgId/…`);
 * the last one visited is remembered (its id only, nothing secret) so that signing in again, or a
 * page outside `/orgs/:orgId` such as `/assessments/:assessmentId`, knows where the user was. An
 * assessment page remembers its own organisation once it has loaded, and the header follows
 * (issue 8: a directly loaded assessment page named no organisation).
 */
const STORAGE_KEY = 'waymark:last-organisation';

const listeners = new Set<() => void>();
// What was remembered in this tab, for when storage is disabled.
let remembered: string | null = null;

export function rememberOrganisation(orgId: string) {
  if (lastOrganisationId() === orgId) return;
  remembered = orgId;
  try {
    localStorage.setItem(STORAGE_KEY, orgId);
  } catch {
    // Storage can be disabled; the choice is then remembered in this tab only.
  }
  for (const listener of listeners) listener();
}

export function lastOrganisationId(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY) ?? remembered;
  } catch {
    return remembered;
  }
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** The organisation in the address bar, else the last one visited. */
export function useCurrentOrganisationId(): string | null {
  const match = useMatch('/orgs/:orgId/*');
  const last = useSyncExternalStore(subscribe, lastOrganisationId, () => null);
  const fromUrl = match?.params.orgId;
  if (fromUrl && fromUrl !== 'new') return fromUrl;
  return last;
}
