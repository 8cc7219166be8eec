import { queryOptions, useQuery } from '@tanstack/react-query';
import {
  type TMemberListResponse,
  type TOrganisation,
  ZMemberListResponse,
  ZOrganisation,
} from '@waymark/rubric';
import { apiGet } from '../../../lib/api-client';

export function getOrganisation(
  orgId: string,
  { signal }: { signal?: AbortSignal } = {},
): Promise<TOrganisation> {
  return apiGet(
    `/organisations/${encodeURIComponent(orgId)}`,
    ZOrganisation,
    signal ? { signal } : {},
  );
}

export function organisationQueryOptions(orgId: string) {
  return queryOptions({
    queryKey: ['organisations', orgId],
    queryFn: ({ signal }) => getOrganisation(orgId, { signal }),
  });
}

/** The organisation's profile and the caller's role in it. */
export function useOrganisation(orgId: string | null) {
  return useQuery({ ...organisationQueryOptions(orgId ?? ''), enabled: orgId !== null });
}

export function getMembers(
  orgId: string,
  { signal }: { signal?: AbortSignal } = {},
): Promise<TMemberListResponse> {
  return apiGet(
    `/organisations/${encodeURIComponent(orgId)}/members`,
    ZMemberListResponse,
    signal ? { signal } : {},
  );
}

export function membersQueryOptions(orgId: string) {
  return queryOptions({
    queryKey: ['organisations', orgId, 'members'],
    queryFn: ({ signal }) => getMembers(orgId, { signal }),
  });
}

/** The organisation's members: who a pillar can be assigned to, who can own an action. */
export function useMembers(orgId: string | null) {
  return useQuery({ ...membersQueryOptions(orgId ?? ''), enabled: orgId !== null });
}
