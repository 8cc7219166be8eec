import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type TAcceptNetworkInvitationBody,
  type TCreateNetworkInvitationBody,
  type TNetworkInvitationImportResponse,
  ZAcceptNetworkInvitationResponse,
  ZCreateNetworkInvitationResponse,
  ZNetworkInvitationImportResponse,
  ZNetworkInvitationListResponse,
  ZNetworkInvitationPreview,
} from '@waymark/rubric';
import { apiGet, apiRequest, ZNoContent } from '../lib/api-client';
import { ME_QUERY_KEY } from './me';
import { networkMembershipKeys, networkPath } from './network-members';

/**
 * Network invitations: a coordinator invites organisations one at a time or by CSV and revokes
 * links; whoever holds a link previews it (public) and, signed in, accepts it.
 */

const invitationsPath = (networkId: string) => `${networkPath(networkId)}/invitations`;

export function networkInvitationsQueryOptions(networkId: string) {
  return queryOptions({
    queryKey: networkMembershipKeys.invitations(networkId),
    queryFn: ({ signal }) =>
      apiGet(invitationsPath(networkId), ZNetworkInvitationListResponse, { signal }),
  });
}

/** Every invitation of the network, newest first (coordinators only). */
export function useNetworkInvitations(networkId: string, { enabled = true } = {}) {
  return useQuery({ ...networkInvitationsQueryOptions(networkId), enabled });
}

export function useCreateNetworkInvitation(networkId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreateNetworkInvitationBody) =>
      apiRequest(invitationsPath(networkId), ZCreateNetworkInvitationResponse, {
        method: 'POST',
        body,
      }),
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: networkMembershipKeys.invitations(networkId) }),
  });
}

export function useRevokeNetworkInvitation(networkId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ invitationId }: { invitationId: string }) =>
      apiRequest(`${invitationsPath(networkId)}/${encodeURIComponent(invitationId)}`, ZNoContent, {
        method: 'DELETE',
      }),
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: networkMembershipKeys.invitations(networkId) }),
  });
}

/**
 * `POST …/invitations/import` with the file as `text/csv`: the file's own bytes are sent, so that
 * the API can refuse one that is not UTF-8.
 */
export function importNetworkInvitations(
  networkId: string,
  csv: Blob | string,
): Promise<TNetworkInvitationImportResponse> {
  return apiRequest(`${invitationsPath(networkId)}/import`, ZNetworkInvitationImportResponse, {
    method: 'POST',
    rawBody: { content: csv, contentType: 'text/csv; charset=utf-8' },
  });
}

export function useImportNetworkInvitations(networkId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (csv: Blob | string) => importNetworkInvitations(networkId, csv),
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: networkMembershipKeys.invitations(networkId) }),
  });
}

/** What a network invitation link offers, before sign-in (public). */
export function useNetworkInvitationPreview(token: string) {
  return useQuery({
    queryKey: ['network-invitation-preview', token],
    queryFn: ({ signal }) =>
      apiGet(
        `/network-invitations/preview?${new URLSearchParams({ token })}`,
        ZNetworkInvitationPreview,
        {
          signal,
          auth: false,
        },
      ),
    staleTime: 0,
  });
}

export function useAcceptNetworkInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TAcceptNetworkInvitationBody) =>
      apiRequest('/network-invitations/accept', ZAcceptNetworkInvitationResponse, {
        method: 'POST',
        body,
      }),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY }),
        queryClient.invalidateQueries({ queryKey: ['networks'] }),
      ]);
    },
  });
}
