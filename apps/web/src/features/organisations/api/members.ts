import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type TMemberRole, ZMember, ZMemberListResponse } from '@waymark/rubric';
import { apiGet, apiRequest, ZNoContent } from '../../../lib/api-client';
import { ME_QUERY_KEY } from '../../../lib/me';
import { organisationKeys } from './organisations';

const membersPath = (orgId: string) => `/organisations/${encodeURIComponent(orgId)}/members`;
const memberPath = (orgId: string, userId: string) =>
  `${membersPath(orgId)}/${encodeURIComponent(userId)}`;

export function membersQueryOptions(orgId: string) {
  return queryOptions({
    queryKey: organisationKeys.members(orgId),
    queryFn: ({ signal }) => apiGet(membersPath(orgId), ZMemberListResponse, { signal }),
  });
}

/** Admins first, then by name. */
export function useMembers(orgId: string) {
  return useQuery(membersQueryOptions(orgId));
}

/**
 * After a change to people, the profile (own role), the member and invitation lists (keyed under
 * the organisation) and /me may all differ.
 */
function useInvalidatePeople(orgId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: organisationKeys.one(orgId) }),
      queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY }),
    ]);
}

export function useChangeMemberRole(orgId: string) {
  const invalidate = useInvalidatePeople(orgId);
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: TMemberRole }) =>
      apiRequest(memberPath(orgId, userId), ZMember, { method: 'PATCH', body: { role } }),
    onSettled: invalidate,
  });
}

export function useRemoveMember(orgId: string) {
  const invalidate = useInvalidatePeople(orgId);
  return useMutation({
    mutationFn: ({ userId }: { userId: string }) =>
      apiRequest(memberPath(orgId, userId), ZNoContent, { method: 'DELETE' }),
    // Not awaited: someone who removed themselves moves on at once, without waiting for the
    // organisation to answer 404 to them.
    onSettled: () => {
      void invalidate();
    },
  });
}
