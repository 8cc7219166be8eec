import { queryOptions, useQuery } from '@tanstack/react-query';
import { type TMemberListResponse, ZMemberListResponse } from '@waymark/rubric';
import { apiGet } from '../lib/api-client';
import { organisationKeys, organisationPath } from './organisations';

/** The people page manages them; assessments assign pillars and actions to them. */

export const membersPath = (orgId: string) => `${organisationPath(orgId)}/members`;

export function getMembers(
  orgId: string,
  { signal }: { signal?: AbortSignal } = {},
): Promise<TMemberListResponse> {
  return apiGet(membersPath(orgId), ZMemberListResponse, signal ? { signal } : {});
}

export function membersQueryOptions(orgId: string) {
  return queryOptions({
    queryKey: organisationKeys.members(orgId),
    queryFn: ({ signal }) => getMembers(orgId, { signal }),
  });
}

/** The organisation's members, admins first, then by name; waits while `orgId` is null. */
export function useMembers(orgId: string | null) {
  return useQuery({ ...membersQueryOptions(orgId ?? ''), enabled: orgId !== null });
}
