import { queryOptions, useQuery } from '@tanstack/react-query';
import { type TMembershipSummary, ZMeResponse } from '@waymark/rubric';
import { apiGet } from '../lib/api-client';
import { useSession } from '../lib/session';

/**
 * `GET /me`: the signed-in user and their memberships. Shared because the header, the
 * organisation pages and the assessment pages all need "which organisations, with which role".
 */
export const ME_QUERY_KEY = ['me'] as const;

export function meQueryOptions() {
  return queryOptions({
    queryKey: ME_QUERY_KEY,
    queryFn: ({ signal }) => apiGet('/me', ZMeResponse, { signal }),
  });
}

/** Runs only while signed in. */
export function useMe() {
  const session = useSession();
  return useQuery({ ...meQueryOptions(), enabled: session.status === 'signed-in' });
}

/** The caller's membership of `orgId`, or undefined (not a member, or still loading). */
export function useMembership(orgId: string | undefined): TMembershipSummary | undefined {
  const me = useMe();
  if (!orgId) return undefined;
  return me.data?.memberships.find((m) => m.organisationId === orgId);
}
