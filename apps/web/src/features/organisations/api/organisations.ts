import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type TCreateOrganisationBody,
  type TUpdateOrganisationBody,
  ZOrganisation,
} from '@waymark/rubric';
import { apiGet, apiRequest } from '../../../lib/api-client';
import { ME_QUERY_KEY } from '../../../lib/me';

/** Query keys shared with the assessment pages, which read the same organisation. */
export const organisationKeys = {
  all: ['organisations'] as const,
  one: (orgId: string) => ['organisations', orgId] as const,
  members: (orgId: string) => ['organisations', orgId, 'members'] as const,
  invitations: (orgId: string) => ['organisations', orgId, 'invitations'] as const,
};

const orgPath = (orgId: string) => `/organisations/${encodeURIComponent(orgId)}`;

export function organisationQueryOptions(orgId: string) {
  return queryOptions({
    queryKey: organisationKeys.one(orgId),
    queryFn: ({ signal }) => apiGet(orgPath(orgId), ZOrganisation, { signal }),
  });
}

/** The organisation's profile with the caller's role; 404 if the caller is not a member. */
export function useOrganisation(orgId: string) {
  return useQuery(organisationQueryOptions(orgId));
}

export function createOrganisation(body: TCreateOrganisationBody) {
  return apiRequest('/organisations', ZOrganisation, { method: 'POST', body });
}

export function useCreateOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createOrganisation,
    onSuccess: async (organisation) => {
      queryClient.setQueryData(organisationKeys.one(organisation.id), organisation);
      // The header's switcher lists memberships from /me.
      await queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
    },
  });
}

export function updateOrganisation(orgId: string, body: TUpdateOrganisationBody) {
  return apiRequest(orgPath(orgId), ZOrganisation, { method: 'PATCH', body });
}

export function useUpdateOrganisation(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TUpdateOrganisationBody) => updateOrganisation(orgId, body),
    onSuccess: async (organisation) => {
      queryClient.setQueryData(organisationKeys.one(orgId), organisation);
      await queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
    },
  });
}
