import { queryOptions, useQuery } from '@tanstack/react-query';
import { type TOrganisation, ZOrganisation } from '@waymark/rubric';
import { apiGet } from '../lib/api-client';

/**
 * An organisation's profile with the caller's role: the organisation pages, its layout and the
 * assessment pages all read it. Everything keyed under an organisation starts with `one(orgId)`,
 * so that invalidating the organisation refreshes what hangs off it.
 */
export const organisationKeys = {
  all: ['organisations'] as const,
  one: (orgId: string) => ['organisations', orgId] as const,
  members: (orgId: string) => ['organisations', orgId, 'members'] as const,
  invitations: (orgId: string) => ['organisations', orgId, 'invitations'] as const,
};

export const organisationPath = (orgId: string) => `/organisations/${encodeURIComponent(orgId)}`;

export function getOrganisation(
  orgId: string,
  { signal }: { signal?: AbortSignal } = {},
): Promise<TOrganisation> {
  return apiGet(organisationPath(orgId), ZOrganisation, signal ? { signal } : {});
}

export function organisationQueryOptions(orgId: string) {
  return queryOptions({
    queryKey: organisationKeys.one(orgId),
    queryFn: ({ signal }) => getOrganisation(orgId, { signal }),
  });
}

/**
 * The organisation's profile and the caller's role in it; 404 if the caller is not a member.
 * Waits while `orgId` is null.
 */
export function useOrganisation(orgId: string | null) {
  return useQuery({ ...organisationQueryOptions(orgId ?? ''), enabled: orgId !== null });
}
