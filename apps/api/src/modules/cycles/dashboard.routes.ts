import {
  aggregateIndicators,
  benchmarkThreshold,
  collaborationMatches,
  collectivePriorities,
  type DashboardAnswer,
  type DashboardSubmission,
  networkHeatmap,
  networkRadar,
  roundScore,
  stageDistribution,
  type TCycleDashboardResponse,
  type TDashboardExportKind,
  type TDashboardFigureBasis,
  type TDashboardHoldReason,
  type TDashboardStat,
  type TFramework,
  ZCycleDashboardResponse,
  ZCycleExportQuery,
  ZCycleParams,
  ZProblem,
} from '@waymark/rubric';
import { stringify } from 'csv-stringify/sync';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.js';
import type { CycleRow, NetworkRow } from '../../db/schema.js';
import { createFrameworkCache } from '../assessments/assessment-context.js';
import { neutraliseFormula } from '../assessments/export.routes.js';
import { requireCycleAccess } from '../networks/network-access.js';
import { cycleStatus } from './cycle-dates.js';
import {
  countNetworkInvitations,
  type DashboardAnswerRow,
  type DashboardMemberRow,
  listDashboardAnswers,
  listDashboardMembers,
} from './dashboard.queries.js';

const tags = ['cycles'];
const security = [{ bearerAuth: [] }];
const problems = { 400: ZProblem, 401: ZProblem, 403: ZProblem, 404: ZProblem };

function toSubmissions(
  rows: DashboardMemberRow[],
  answers: DashboardAnswerRow[],
): DashboardSubmission[] {
  const byAssessment = new Map<string, DashboardAnswer[]>();
  for (const { assessmentId, ...answer } of answers) {
    let list = byAssessment.get(assessmentId);
    if (!list) {
      list = [];
      byAssessment.set(assessmentId, list);
    }
    list.push(answer);
  }
  return rows.flatMap((r) =>
    r.status === 'submitted' && r.scores !== null && r.assessmentId !== null
      ? [
          {
            organisationId: r.organisationId,
            name: r.name,
            sharing: r.sharing,
            type: r.type as DashboardSubmission['type'],
            sizeBand: r.sizeBand as DashboardSubmission['sizeBand'],
            assessmentId: r.assessmentId,
            scores: r.scores,
            answers: byAssessment.get(r.assessmentId) ?? [],
          },
        ]
      : [],
  );
}

/** Every section of the dashboard, shaped by the rubric's network-dashboard functions. */
function buildDashboard(
  cycle: CycleRow,
  network: NetworkRow,
  framework: TFramework,
  members: DashboardMemberRow[],
  answers: DashboardAnswerRow[],
  invitations: { invited: number; pending: number },
  now: Date,
): TCycleDashboardResponse {
  const options = { minGroupSize: network.minGroupSize };
  const submissions = toSubmissions(members, answers);
  const submitted = new Set(submissions.map((s) => s.organisationId));
  return {
    cycle: {
      id: cycle.id,
      networkId: cycle.networkId,
      name: cycle.name,
      frameworkId: cycle.frameworkId,
      frameworkVersion: cycle.frameworkVersion,
    },
    threshold: benchmarkThreshold(network.minGroupSize),
    levels: framework.levels.map((l) => ({ level: l.level, name: l.name })),
    participation: {
      invited: invitations.invited,
      pendingInvitations: invitations.pending,
      joined: members.length,
      started: members.filter((m) => m.assessmentId !== null).length,
      submitted: submissions.length,
      notSubmitted: members
        .filter((m) => !submitted.has(m.organisationId))
        .map((m) => ({
          organisationId: m.organisationId,
          name: m.name,
          sharing: m.sharing,
          progress: m.assessmentId === null ? 'not_started' : 'in_progress',
        })),
      closesOn: cycle.closesOn,
      ...cycleStatus(cycle, now),
    },
    heatmap: networkHeatmap(framework, submissions),
    radar: networkRadar(framework, submissions, options),
    distribution: stageDistribution(framework, submissions, options),
    priorities: collectivePriorities(framework, submissions, options),
    collaboration: collaborationMatches(framework, submissions),
    indicators: aggregateIndicators(framework, submissions, options),
  };
}

// ─── CSV ─────────────────────────────────────────────────────────────────────────────────────

type Cell = string | number | null;

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}

/** `waymark-<network>-<cycle>-<kind>.csv`, ASCII letters, digits and hyphens only. */
export function dashboardCsvFileName(network: string, cycle: string, kind: string): string {
  const name = [slug(network), slug(cycle)].filter(Boolean).join('-') || 'cycle';
  return `waymark-${name}-${kind}.csv`;
}

/** One row per named member that submitted: overall, then score and stage per pillar. */
function memberRows(framework: TFramework, dashboard: TCycleDashboardResponse): Cell[][] {
  const title = new Map(framework.pillars.map((p) => [p.id, p.title]));
  const { pillarIds, rows } = dashboard.heatmap;
  const header: Cell[] = [
    'Organisation',
    'Type',
    'Size band',
    'Assessment ID',
    'Overall score',
    'Overall stage',
    ...pillarIds.flatMap((id) => [`${title.get(id) ?? id} score`, `${title.get(id) ?? id} stage`]),
  ];
  return [
    header,
    ...rows.map((r) => [
      r.name,
      r.type,
      r.sizeBand,
      r.assessmentId,
      roundScore(r.overall.score),
      r.overall.stage?.name ?? null,
      ...r.pillars.flatMap((p) => [roundScore(p.score), p.stage?.name ?? null]),
    ]),
  ];
}

const AGGREGATE_HEADER = [
  'Section',
  'Figure',
  'Unit',
  'Contributors',
  'Median',
  'Lower quartile',
  'Upper quartile',
  'Status',
] as const;

/** The network's figures: overall and pillar medians with quartiles, then indicator medians. */
function aggregateRows(framework: TFramework, dashboard: TCycleDashboardResponse): Cell[][] {
  const pillarTitle = new Map(framework.pillars.map((p) => [p.id, p.title]));
  const indicatorLabel = new Map(framework.indicators.map((i) => [i.id, i.label]));
  const { threshold } = dashboard;
  const suppressed = (held: { reason: TDashboardHoldReason; anonymous: number }) =>
    held.reason === 'too_few'
      ? `Suppressed: fewer than ${threshold} members`
      : `Suppressed to protect anonymous members: ${held.anonymous} anonymous, fewer than ${threshold}`;
  // A named-only figure (see the rubric's network-dashboard) says so: its contributors are the
  // named members, and the anonymous ones it leaves out are counted, never included.
  const shown = (f: { basis: TDashboardFigureBasis; anonymousLeftOut: number }) =>
    f.basis === 'all'
      ? 'Shown'
      : `Shown: named members only (${f.anonymousLeftOut} anonymous left out until at least ${threshold})`;
  const stat = (section: string, figure: string, s: TDashboardStat): Cell[] =>
    s.status === 'ok'
      ? [
          section,
          figure,
          'score',
          s.contributors,
          roundScore(s.median),
          roundScore(s.q1),
          roundScore(s.q3),
          shown(s),
        ]
      : [section, figure, 'score', s.contributors, null, null, null, suppressed(s)];
  return [
    [...AGGREGATE_HEADER],
    stat('Overall score', 'Overall', dashboard.radar.overall),
    ...dashboard.radar.pillars.map((p) =>
      stat('Pillar score', pillarTitle.get(p.pillarId) ?? p.pillarId, p),
    ),
    ...dashboard.indicators.map((i) => [
      'Indicator',
      indicatorLabel.get(i.indicatorId) ?? i.indicatorId,
      i.unit,
      i.contributors,
      i.status === 'ok' ? i.median : null,
      null,
      null,
      i.status === 'ok' ? shown(i) : suppressed(i),
    ]),
  ];
}

/**
 * A cycle's coordinator dashboard and its CSV export (issue 9). Coordinators only: a member's
 * people get 403, anyone else 404 (see network-access). The reads are a constant number of
 * statements (access, members with their latest submitted scores, those revisions' answers,
 * invitations; the framework
 * version is cached), whatever the number of members.
 */
export const cycleDashboardRoutes: FastifyPluginAsyncZod<{ config: Config }> = async (app) => {
  const frameworks = createFrameworkCache(app.db);

  async function loadDashboard(cycleId: string, userId: string) {
    const { cycle, network } = await requireCycleAccess(app.db, { cycleId, userId }, 'coordinator');
    const scope = { cycleId, networkId: network.id };
    const [framework, members, answers, invitations] = await Promise.all([
      frameworks.get({ frameworkId: cycle.frameworkId, version: cycle.frameworkVersion }),
      listDashboardMembers(app.db, scope),
      listDashboardAnswers(app.db, scope),
      countNetworkInvitations(app.db, { networkId: network.id }),
    ]);
    // The cycle's version is a foreign key to a published one: missing is a bug, not a 404.
    if (!framework)
      throw new Error(`framework ${cycle.frameworkId}@${cycle.frameworkVersion} missing`);
    const dashboard = buildDashboard(
      cycle,
      network,
      framework,
      members,
      answers,
      invitations,
      new Date(),
    );
    return { cycle, network, framework, dashboard };
  }

  app.route({
    method: 'GET',
    url: '/cycles/:cycleId/dashboard',
    schema: {
      tags,
      security,
      summary:
        "A cycle's coordinator dashboard: participation, named members' heatmap, the network radar and stage distribution, collective priorities, collaboration matches and indicator medians (coordinators)",
      description:
        "Anonymous members count in every network figure but never appear with their results. A network figure is suppressed (only its numbers of contributors and anonymous contributors, and the reason) under the threshold, max(3, the network's minimum group size) (`too_few`), and while 1 to threshold − 1 of its contributors are anonymous (`few_anonymous`); in that second case the same figure over the named members alone is given instead, from two of them (`basis: 'named'`, with `anonymousLeftOut`), never one that counts the anonymous members. A named member's `assessmentId` opens its submitted results read-only.",
      params: ZCycleParams,
      response: { 200: ZCycleDashboardResponse, ...problems },
    },
    handler: async (request) =>
      (await loadDashboard(request.params.cycleId, request.user.id)).dashboard,
  });

  app.route({
    method: 'GET',
    url: '/cycles/:cycleId/export.csv',
    schema: {
      tags,
      security,
      summary:
        "A cycle's results as CSV (UTF-8 with BOM): named members' scores and stages, or the network's aggregates (coordinators)",
      description:
        '`kind=members`: one row per named member that submitted, with its overall and per-pillar score and stage. `kind=aggregates`: overall and pillar medians with quartiles, and indicator medians; suppressed figures carry only their number of contributors; a figure over the named members only says so in its status. Text that a spreadsheet would run as a formula is prefixed with an apostrophe.',
      params: ZCycleParams,
      querystring: ZCycleExportQuery,
      response: { 200: z.string().describe('text/csv; charset=utf-8'), ...problems },
    },
    handler: async (request, reply) => {
      const kind: TDashboardExportKind = request.query.kind;
      const { cycle, network, framework, dashboard } = await loadDashboard(
        request.params.cycleId,
        request.user.id,
      );
      const rows =
        kind === 'members' ? memberRows(framework, dashboard) : aggregateRows(framework, dashboard);
      const csv = stringify(rows, { bom: true, cast: { string: neutraliseFormula } });
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="${dashboardCsvFileName(network.name, cycle.name, kind)}"`,
        )
        .header('cache-control', 'no-store')
        .send(csv);
    },
  });
};
