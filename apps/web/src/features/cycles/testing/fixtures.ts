import type { TCycleDashboardResponse, TCycleDetail, TNetwork } from '@waymark/rubric';
import { CREATED_AT } from '../../../testing/session';

export const NETWORK_ID = '66666666-6666-4666-8666-666666666666';
export const CYCLE_ID = '77777777-7777-4777-8777-777777777777';
export const ALPHA_ID = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
export const BRAVO_ID = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
export const DELTA_ID = 'dddddddd-dddd-4ddd-8ddd-dddddddddddd';
export const ECHO_ID = 'eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee';
export const ASSESSMENT_A = 'a1a1a1a1-a1a1-4a1a-8a1a-a1a1a1a1a1a1';
export const ASSESSMENT_B = 'b1b1b1b1-b1b1-4b1b-8b1b-b1b1b1b1b1b1';

const LEVELS = [
  { level: 1, name: 'Getting started' },
  { level: 2, name: 'Developing' },
  { level: 3, name: 'Embedding' },
  { level: 4, name: 'Leading' },
];
const stage = (level: number) => LEVELS[level - 1] ?? null;

/** A cycle's dashboard: five submitted (two named shown), two still to submit. */
/** A shown figure over every contributor. */
const ALL = { basis: 'all', contributors: 5, anonymousLeftOut: 0 } as const;

export function aDashboard(
  overrides: Partial<TCycleDashboardResponse> = {},
): TCycleDashboardResponse {
  return {
    cycle: {
      id: CYCLE_ID,
      networkId: NETWORK_ID,
      name: '2026',
      frameworkId: 'anchor-progression',
      frameworkVersion: 1,
    },
    threshold: 5,
    levels: LEVELS,
    participation: {
      invited: 8,
      pendingInvitations: 1,
      joined: 7,
      started: 6,
      submitted: 5,
      notSubmitted: [
        {
          organisationId: DELTA_ID,
          name: 'Delta Builders',
          sharing: 'named',
          progress: 'in_progress',
        },
        {
          organisationId: ECHO_ID,
          name: 'Echo Care',
          sharing: 'anonymous',
          progress: 'not_started',
        },
      ],
      status: 'open',
      closesOn: '2026-05-31',
      daysLeft: 12,
    },
    heatmap: {
      pillarIds: ['employment', 'procurement'],
      rows: [
        {
          organisationId: ALPHA_ID,
          name: 'Alpha Trust',
          type: 'public_sector',
          sizeBand: 'large',
          assessmentId: ASSESSMENT_A,
          overall: { score: 60, stage: stage(3) },
          pillars: [
            { pillarId: 'employment', score: 80, stage: stage(4) },
            { pillarId: 'procurement', score: 40, stage: stage(2) },
          ],
        },
        {
          organisationId: BRAVO_ID,
          name: 'Bravo Homes',
          type: 'business',
          sizeBand: 'small',
          assessmentId: ASSESSMENT_B,
          overall: { score: 30, stage: stage(2) },
          pillars: [
            { pillarId: 'employment', score: 20, stage: stage(1) },
            { pillarId: 'procurement', score: null, stage: null },
          ],
        },
      ],
    },
    radar: {
      contributors: 5,
      anonymousContributors: 0,
      overall: { status: 'ok', ...ALL, median: 45, q1: 30, q3: 60 },
      pillars: [
        { pillarId: 'employment', status: 'ok', ...ALL, median: 50, q1: 20, q3: 80 },
        { pillarId: 'procurement', status: 'ok', ...ALL, median: 40, q1: 33.3, q3: 66.7 },
        {
          pillarId: 'estates-and-assets',
          status: 'ok',
          ...ALL,
          median: 33.3,
          q1: 20,
          q3: 50,
        },
        {
          pillarId: 'net-zero',
          status: 'suppressed',
          contributors: 3,
          anonymous: 0,
          reason: 'too_few',
        },
      ],
    },
    distribution: [
      {
        status: 'ok',
        pillarId: 'employment',
        ...ALL,
        stages: LEVELS.map((l, i) => ({ ...l, count: [1, 2, 1, 1][i] ?? 0 })),
      },
      {
        status: 'suppressed',
        pillarId: 'net-zero',
        contributors: 3,
        anonymous: 0,
        reason: 'too_few',
      },
    ],
    priorities: {
      lowestPillars: [{ pillarId: 'estates-and-assets', median: 33.3, ...ALL }],
      lowestCriteria: [
        {
          criterionId: 'spend-analysis',
          pillarId: 'procurement',
          medianLevel: 1.5,
          medianGap: 1,
          ...ALL,
        },
      ],
      largestGaps: [
        {
          criterionId: 'scope-3-emissions',
          pillarId: 'net-zero',
          medianLevel: 1,
          medianGap: 2,
          ...ALL,
        },
      ],
      heldBackCriteria: { tooFew: 2, fewAnonymous: 0 },
      namedOnlyCriteria: 0,
    },
    collaboration: [
      {
        criterionId: 'real-living-wage-staff',
        pillarId: 'employment',
        leaders: [{ organisationId: ALPHA_ID, name: 'Alpha Trust', level: 4, targetLevel: null }],
        learners: [{ organisationId: BRAVO_ID, name: 'Bravo Homes', level: 1, targetLevel: 3 }],
      },
    ],
    indicators: [
      {
        indicatorId: 'local-spend-share',
        pillarId: 'procurement',
        unit: 'percent',
        status: 'ok',
        ...ALL,
        median: 42.5,
      },
      {
        indicatorId: 'sme-spend-share',
        pillarId: 'procurement',
        unit: 'percent',
        status: 'suppressed',
        contributors: 2,
        anonymous: 0,
        reason: 'too_few',
      },
      {
        indicatorId: 'social-enterprise-spend-share',
        pillarId: 'procurement',
        unit: 'percent',
        status: 'suppressed',
        contributors: 0,
        anonymous: 0,
        reason: 'too_few',
      },
    ],
    ...overrides,
  };
}

const NONE_YET = {
  status: 'suppressed',
  contributors: 0,
  anonymous: 0,
  reason: 'too_few',
} as const;

/** Nobody has joined or submitted yet. */
export function anEmptyDashboard(): TCycleDashboardResponse {
  const full = aDashboard();
  return {
    ...full,
    participation: {
      ...full.participation,
      invited: 0,
      pendingInvitations: 0,
      joined: 0,
      started: 0,
      submitted: 0,
      notSubmitted: [],
    },
    heatmap: { pillarIds: [], rows: [] },
    radar: {
      contributors: 0,
      anonymousContributors: 0,
      overall: NONE_YET,
      pillars: ['employment', 'procurement'].map((pillarId) => ({ pillarId, ...NONE_YET })),
    },
    distribution: [{ pillarId: 'employment', ...NONE_YET }],
    priorities: {
      lowestPillars: [],
      lowestCriteria: [],
      largestGaps: [],
      heldBackCriteria: { tooFew: 0, fewAnonymous: 0 },
      namedOnlyCriteria: 0,
    },
    collaboration: [],
    indicators: [
      {
        indicatorId: 'local-spend-share',
        pillarId: 'procurement',
        unit: 'percent',
        ...NONE_YET,
      },
    ],
  };
}

export function aNetwork(overrides: Partial<TNetwork> = {}): TNetwork {
  return {
    id: NETWORK_ID,
    name: 'Northfield Anchors',
    place: 'Northfield',
    description: null,
    settings: {
      localAuthorities: [],
      minGroupSize: 5,
      optionalPillars: [],
      reminderDaysBefore: null,
    },
    isCoordinator: true,
    memberOrganisations: [],
    createdAt: CREATED_AT,
    updatedAt: CREATED_AT,
    ...overrides,
  };
}

export function aCycleDetail(overrides: Partial<TCycleDetail> = {}): TCycleDetail {
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
    yourOrganisations: [],
    ...overrides,
  };
}
