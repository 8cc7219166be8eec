import { queryOptions, useQuery } from '@tanstack/react-query';
import {
  type TCoordinatorListResponse,
  type TLocalAuthorityListResponse,
  type TNetwork,
  type TNetworkListResponse,
  ZCoordinatorListResponse,
  ZLocalAuthorityListResponse,
  ZNetwork,
  ZNetworkListResponse,
} from '@waymark/rubric';
import { apiGet } from '../lib/api-client';

/**
 * Networks (issue 9): the network pages, the cycle pages (which name their network) and the
 * members and invitations pages all read them. Everything keyed under a network starts with
 * `one(networkId)`, so that invalidating the network refreshes what hangs off it.
 */
export const networkKeys = {
  all: ['networks'] as const,
  one: (networkId: string) => ['networks', networkId] as const,
  coordinators: (networkId: string) => ['networks', networkId, 'coordinators'] as const,
  localAuthorities: ['local-authorities'] as const,
};

export const networkPath = (networkId: string) => `/networks/${encodeURIComponent(networkId)}`;

/** Addresses of the network pages in the web app. */
export function networkPagePaths(networkId: string) {
  const base = `/networks/${encodeURIComponent(networkId)}`;
  return {
    home: base,
    cycles: `${base}/cycles`,
    newCycle: `${base}/cycles/new`,
    members: `${base}/members`,
    settings: `${base}/settings`,
    coordinators: `${base}/coordinators`,
  };
}

function signalOf(signal?: AbortSignal) {
  return signal ? { signal } : {};
}

export function getNetworks({
  signal,
}: {
  signal?: AbortSignal;
} = {}): Promise<TNetworkListResponse> {
  return apiGet('/networks', ZNetworkListResponse, signalOf(signal));
}

export function networksQueryOptions() {
  return queryOptions({
    queryKey: networkKeys.all,
    queryFn: ({ signal }) => getNetworks({ signal }),
  });
}

/** The networks the caller coordinates or belongs to through an organisation. */
export function useNetworks() {
  return useQuery(networksQueryOptions());
}

export function getNetwork(
  networkId: string,
  { signal }: { signal?: AbortSignal } = {},
): Promise<TNetwork> {
  return apiGet(networkPath(networkId), ZNetwork, signalOf(signal));
}

export function networkQueryOptions(networkId: string) {
  return queryOptions({
    queryKey: networkKeys.one(networkId),
    queryFn: ({ signal }) => getNetwork(networkId, { signal }),
  });
}

/** One network with the caller's relation to it; 404 for a stranger. Waits while `networkId` is null. */
export function useNetwork(networkId: string | null) {
  return useQuery({ ...networkQueryOptions(networkId ?? ''), enabled: networkId !== null });
}

export function getCoordinators(
  networkId: string,
  { signal }: { signal?: AbortSignal } = {},
): Promise<TCoordinatorListResponse> {
  return apiGet(
    `${networkPath(networkId)}/coordinators`,
    ZCoordinatorListResponse,
    signalOf(signal),
  );
}

/** A network's coordinators, by name (coordinators only: a member gets 403). */
export function useCoordinators(networkId: string) {
  return useQuery({
    queryKey: networkKeys.coordinators(networkId),
    queryFn: ({ signal }) => getCoordinators(networkId, { signal }),
  });
}

export function getLocalAuthorities({
  signal,
}: {
  signal?: AbortSignal;
} = {}): Promise<TLocalAuthorityListResponse> {
  return apiGet('/local-authorities', ZLocalAuthorityListResponse, {
    ...signalOf(signal),
    auth: false,
  });
}

/** The shipped list of UK local authority districts; it only changes with a release. */
export function useLocalAuthorities() {
  return useQuery({
    queryKey: networkKeys.localAuthorities,
    queryFn: ({ signal }) => getLocalAuthorities({ signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
