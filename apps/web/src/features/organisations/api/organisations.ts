import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type TCreateOrganisationBody,
  type TUpdateOrganisationBody,
  ZOrganisation,
} from '@waymark/rubric';
import { ME_QUERY_KEY } from '../../../api/me';
import { organisationKeys, organisationPath } from '../../../api/organisations';
import { apiRequest } from '../../../lib/api-client';

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
  return apiRequest(organisationPath(orgId), ZOrganisation, { method: 'PATCH', body });
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
