import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type TMemberRole, ZMember } from '@waymark/rubric';
import { ME_QUERY_KEY } from '../../../api/me';
import { membersPath } from '../../../api/members';
import { organisationKeys } from '../../../api/organisations';
import { apiRequest, ZNoContent } from '../../../lib/api-client';

const memberPath = (orgId: string, userId: string) =>
  `${membersPath(orgId)}/${encodeURIComponent(userId)}`;

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
