import type { TCoordinator, TCycle, TCycleDetail, TNetwork } from '@waymark/rubric';
import { CREATED_AT, ORG_ID, USER_ID } from '../../../testing/session';

export const NETWORK_ID = '66666666-6666-4666-8666-666666666666';
export const CYCLE_ID = '77777777-7777-4777-8777-777777777777';
export const ASSESSMENT_ID = '88888888-8888-4888-8888-888888888888';
export const OTHER_USER_ID = '99999999-9999-4999-8999-999999999999';

export function aNetwork(overrides: Partial<TNetwork> = {}): TNetwork {
  return {
    id: NETWORK_ID,
    name: 'Northfield Anchors',
    place: 'Northfield',
    description: 'Local anchors working together.',
    settings: {
      localAuthorities: [],
      minGroupSize: 5,
      optionalPillars: [],
      reminderDaysBefore: 14,
    },
    isCoordinator: true,
    memberOrganisations: [],
    createdAt: CREATED_AT,
    updatedAt: CREATED_AT,
    ...overrides,
  };
}

export function aMemberNetwork(overrides: Partial<TNetwork> = {}): TNetwork {
  return aNetwork({
    isCoordinator: false,
    memberOrganisations: [{ organisationId: ORG_ID, sharing: 'named' }],
    ...overrides,
  });
}

export function aCycle(overrides: Partial<TCycle> = {}): TCycle {
  return {
    id: CYCLE_ID,
    networkId: NETWORK_ID,
    name: '2026',
    frameworkId: 'anchor-progression',
    frameworkVersion: 1,
    opensOn: '2026-03-01',
    closesOn: '2026-05-31',
    status: 'open',
    daysLeft: 12,
    createdAt: CREATED_AT,
    updatedAt: CREATED_AT,
    ...overrides,
  };
}

export function aCycleDetail(overrides: Partial<TCycleDetail> = {}): TCycleDetail {
  return { ...aCycle(), yourOrganisations: [], ...overrides };
}

export function aCoordinator(overrides: Partial<TCoordinator> = {}): TCoordinator {
  return {
    userId: USER_ID,
    name: 'Ada Lovelace',
    email: 'ada@example.org',
    addedAt: CREATED_AT,
    ...overrides,
  };
}

export const LOCAL_AUTHORITIES = {
  items: [
    { code: 'E08000035', name: 'Leeds', nation: 'England', region: 'Yorkshire and The Humber' },
    { code: 'E08000036', name: 'Wakefield', nation: 'England', region: 'Yorkshire and The Humber' },
    { code: 'E08000032', name: 'Bradford', nation: 'England', region: 'Yorkshire and The Humber' },
    { code: 'W06000001', name: 'Isle of Anglesey', nation: 'Wales', region: 'Wales' },
  ],
};
