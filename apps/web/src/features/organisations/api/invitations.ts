import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type TCreateInvitationBody,
  ZAcceptInvitationResponse,
  ZCreateInvitationResponse,
  ZInvitationListResponse,
  ZInvitationPreview,
} from '@waymark/rubric';
import { ME_QUERY_KEY } from '../../../api/me';
import { organisationKeys, organisationPath } from '../../../api/organisations';
import { apiGet, apiRequest, ZNoContent } from '../../../lib/api-client';

const invitationsPath = (orgId: string) => `${organisationPath(orgId)}/invitations`;

export function invitationsQueryOptions(orgId: string) {
  return queryOptions({
    queryKey: organisationKeys.invitations(orgId),
    queryFn: ({ signal }) => apiGet(invitationsPath(orgId), ZInvitationListResponse, { signal }),
  });
}

/** Every invitation of the organisation, newest first (admins only). */
export function useInvitations(orgId: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...invitationsQueryOptions(orgId), enabled });
}

export function useCreateInvitation(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreateInvitationBody) =>
      apiRequest(invitationsPath(orgId), ZCreateInvitationResponse, { method: 'POST', body }),
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: organisationKeys.invitations(orgId) }),
  });
}

export function useRevokeInvitation(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ invitationId }: { invitationId: string }) =>
      apiRequest(`${invitationsPath(orgId)}/${encodeURIComponent(invitationId)}`, ZNoContent, {
        method: 'DELETE',
      }),
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: organisationKeys.invitations(orgId) }),
  });
}

/** What an invitation link offers, before sign-in (public). */
export function useInvitationPreview(token: string) {
  return useQuery({
    queryKey: ['invitation-preview', token],
    queryFn: ({ signal }) =>
      apiGet(`/invitations/preview?${new URLSearchParams({ token })}`, ZInvitationPreview, {
        signal,
        auth: false,
      }),
    staleTime: 0,
  });
}

export function useAcceptInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (token: string) =>
      apiRequest('/invitations/accept', ZAcceptInvitationResponse, {
        method: 'POST',
        body: { token },
      }),
    onSuccess: async ({ organisation }) => {
      queryClient.setQueryData(organisationKeys.one(organisation.id), organisation);
      await queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
    },
  });
}
