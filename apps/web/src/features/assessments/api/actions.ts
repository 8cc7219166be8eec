import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type TAction,
  type TActionListQuery,
  type TActionListResponse,
  type TCreateActionBody,
  type TUpdateActionBody,
  ZAction,
  ZActionListResponse,
} from '@waymark/rubric';
import { apiGet, apiRequest, ZNoContent } from '../../../lib/api-client';
import { assessmentKeys } from './get-assessment';

function actionsPath(assessmentId: string): string {
  return `/assessments/${encodeURIComponent(assessmentId)}/actions`;
}

export function getActions(
  assessmentId: string,
  filters: TActionListQuery = {},
  { signal }: { signal?: AbortSignal } = {},
): Promise<TActionListResponse> {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value) query.set(key, value);
  }
  const search = query.size > 0 ? `?${query.toString()}` : '';
  return apiGet(
    `${actionsPath(assessmentId)}${search}`,
    ZActionListResponse,
    signal ? { signal } : {},
  );
}

export function actionsQueryOptions(assessmentId: string, filters: TActionListQuery = {}) {
  return queryOptions({
    queryKey: [...assessmentKeys.actions(assessmentId), filters],
    queryFn: ({ signal }) => getActions(assessmentId, filters, { signal }),
  });
}

/** The action plan, filtered by the API (status, criterion, owner). */
export function useActions(assessmentId: string, filters: TActionListQuery = {}) {
  return useQuery(actionsQueryOptions(assessmentId, filters));
}

export function createAction(assessmentId: string, body: TCreateActionBody): Promise<TAction> {
  return apiRequest(actionsPath(assessmentId), ZAction, { method: 'POST', body });
}

export function updateAction(
  assessmentId: string,
  actionId: string,
  body: TUpdateActionBody,
): Promise<TAction> {
  return apiRequest(`${actionsPath(assessmentId)}/${encodeURIComponent(actionId)}`, ZAction, {
    method: 'PATCH',
    body,
  });
}

export function useCreateAction(assessmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreateActionBody) => createAction(assessmentId, body),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: assessmentKeys.actions(assessmentId) }),
  });
}

export function useUpdateAction(assessmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ actionId, body }: { actionId: string; body: TUpdateActionBody }) =>
      updateAction(assessmentId, actionId, body),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: assessmentKeys.actions(assessmentId) }),
  });
}

export function deleteAction(assessmentId: string, actionId: string): Promise<unknown> {
  return apiRequest(`${actionsPath(assessmentId)}/${encodeURIComponent(actionId)}`, ZNoContent, {
    method: 'DELETE',
  });
}

/** Deletes an action (admin or contributor); the plan is read again. */
export function useDeleteAction(assessmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ actionId }: { actionId: string }) => deleteAction(assessmentId, actionId),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: assessmentKeys.actions(assessmentId) }),
  });
}
