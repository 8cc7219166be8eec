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
import {
  API_BASE,
  ApiError,
  apiGet,
  apiRequest,
  CLIENT_ERROR_CODES,
  problemFromFailedResponse,
  readJson,
  refreshSession,
  ZNoContent,
} from '../lib/api-client';
import { endSession, getAccessToken } from '../lib/session';
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

async function postCsv(path: string, csv: Blob | string, token: string | null): Promise<Response> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Content-Type': 'text/csv; charset=utf-8',
  };
  if (token) headers.Authorization = `Bearer ${token}`;
  try {
    return await fetch(`${API_BASE}${path}`, {
      method: 'POST',
      headers,
      body: csv,
      credentials: 'same-origin',
    });
  } catch (cause) {
    throw new ApiError(
      {
        type: 'about:blank',
        title: 'Could not reach Waymark',
        status: 0,
        code: CLIENT_ERROR_CODES.network,
        detail: 'Check your internet connection, then try again.',
      },
      { cause },
    );
  }
}

/**
 * `POST …/invitations/import` with the file as `text/csv` (`apiRequest` sends JSON only). The
 * file's own bytes are sent, so that the API can refuse one that is not UTF-8. A 401 refreshes
 * the session once and retries, as `apiRequest` does.
 */
export async function importNetworkInvitations(
  networkId: string,
  csv: Blob | string,
): Promise<TNetworkInvitationImportResponse> {
  const path = `${invitationsPath(networkId)}/import`;
  const sent = getAccessToken();
  let response = await postCsv(path, csv, sent);
  if (response.status === 401) {
    const current = getAccessToken();
    if (current && current !== sent) {
      response = await postCsv(path, csv, current);
    } else {
      const outcome = await refreshSession();
      if (outcome.ok) response = await postCsv(path, csv, outcome.session.accessToken);
      else if (outcome.error.status === 0) throw outcome.error;
      else endSession('expired');
    }
  }
  const body = await readJson(response);
  if (!response.ok) throw new ApiError(problemFromFailedResponse(response, body));
  const parsed = ZNetworkInvitationImportResponse.safeParse(body);
  if (!parsed.success) {
    throw new ApiError({
      type: 'about:blank',
      title: 'Unexpected answer from the server',
      status: response.status,
      code: CLIENT_ERROR_CODES.invalidResponse,
      detail: 'The server sent data this version of the app does not understand. Reload the page.',
    });
  }
  return parsed.data;
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
