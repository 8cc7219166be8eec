import {
  type BenchmarkSample,
  benchmark,
  benchmarkThreshold,
  quartileOf,
  subgroupBenchmark,
  type TBenchmark,
  type TCycle,
  type TCycleBenchmarkGroup,
  ZCreateCycleBody,
  ZCycle,
  ZCycleAssessmentLink,
  ZCycleBenchmarkQuery,
  ZCycleBenchmarkResponse,
  ZCycleDetail,
  ZCycleListResponse,
  ZCycleParams,
  ZNetworkCyclesParams,
  ZProblem,
  ZStartCycleAssessmentBody,
  ZUpdateCycleBody,
} from '@waymark/rubric';
import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../../config.js';
import { type CycleRow, organisations } from '../../db/schema.js';
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError } from '../../errors.js';
import { createFrameworkCache } from '../assessments/assessment-context.js';
import { startAssessment } from '../assessments/start-assessment.js';
import { getFrameworkVersion } from '../frameworks/frameworks.queries.js';
import { requireCycleAccess, requireNetworkAccess } from '../networks/network-access.js';
import { WRITER_ROLES } from '../tenancy.js';
import { listCycleSubmissions } from './benchmark.queries.js';
import { cycleStatus } from './cycle-dates.js';
import {
  hasLinkedAssessments,
  insertCycle,
  insertCycleLink,
  listLinkedAssessments,
  listNetworkCycles,
  listOrganisationLinks,
  updateCycle,
} from './cycles.queries.js';

const tags = ['cycles'];
const security = [{ bearerAuth: [] }];
const problems = { 400: ZProblem, 401: ZProblem, 403: ZProblem, 404: ZProblem };

function toCycle(row: CycleRow, now = new Date()): TCycle {
  return {
    id: row.id,
    networkId: row.networkId,
    name: row.name,
    frameworkId: row.frameworkId,
    frameworkVersion: row.frameworkVersion,
    opensOn: row.opensOn,
    closesOn: row.closesOn,
    ...cycleStatus(row, now),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A benchmark group as the API shows it: the caller's own score and quartile beside each figure. */
function toGroup(
  group: TCycleBenchmarkGroup['group'],
  result: TBenchmark,
  contributors: number,
  threshold: number,
  own: BenchmarkSample | undefined,
): TCycleBenchmarkGroup {
  const figure = (stat: TBenchmark['overall'], score: number | null | undefined) => ({
    stat,
    yourScore: score ?? null,
    yourQuartile: score === null || score === undefined ? null : (quartileOf(score, stat) ?? null),
  });
  const ownPillar = new Map(own?.scores.pillars.map((p) => [p.pillarId, p.score]) ?? []);
  const shown = result.overall.status === 'ok' || result.pillars.some((p) => p.status === 'ok');
  return {
    group,
    status: shown ? 'ok' : 'suppressed',
    contributors,
    threshold,
    overall: figure(result.overall, own?.scores.overall),
    pillars: result.pillars.map(({ pillarId, ...stat }) => ({
      pillarId,
      ...figure(stat, ownPillar.get(pillarId)),
    })),
  };
}

function unknownVersion(frameworkId: string, version: number) {
  return new UnprocessableError(
    'unknown_framework_version',
    `Framework "${frameworkId}" has no published version ${version}.`,
  );
}

/**
 * A network's cycles (`/networks/:networkId/cycles`, `/cycles/:cycleId`). Coordinators create and
 * change them; coordinators and members' people read them. Strangers get 404 (see network-access).
 */
export const cycleRoutes: FastifyPluginAsyncZod<{ config: Config }> = async (app) => {
  const frameworks = createFrameworkCache(app.db);

  app.route({
    method: 'POST',
    url: '/cycles/:cycleId/assessments',
    schema: {
      tags,
      security,
      summary:
        "Start (or find) a member organisation's assessment for an open cycle (writers and admins); one already answering another network's open cycle on the same version is shared",
      params: ZCycleParams,
      body: ZStartCycleAssessmentBody,
      response: {
        200: ZCycleAssessmentLink,
        201: ZCycleAssessmentLink,
        ...problems,
        409: ZProblem,
      },
    },
    handler: async (request, reply) => {
      const { cycleId } = request.params;
      const { organisationId } = request.body;
      const access = await requireCycleAccess(app.db, { cycleId, userId: request.user.id }, 'any');
      const member = access.memberOrganisations.find((m) => m.organisationId === organisationId);
      if (!member) throw new NotFoundError();
      if (!WRITER_ROLES.includes(member.role)) throw new ForbiddenError();
      const { cycle, network } = access;
      const now = new Date();
      if (cycleStatus(cycle, now).status !== 'open') {
        throw new ConflictError(
          'cycle_not_open',
          `The cycle "${cycle.name}" is open from ${cycle.opensOn} to ${cycle.closesOn}.`,
        );
      }
      const links = await listOrganisationLinks(app.db, {
        organisationId,
        frameworkId: cycle.frameworkId,
        frameworkVersion: cycle.frameworkVersion,
      });
      const own = links.find((l) => l.cycleId === cycleId);
      if (own) {
        return reply.status(200).send({
          cycleId,
          organisationId,
          assessmentId: own.assessmentId,
          status: own.status as 'draft',
          shared: links.some((l) => l.cycleId !== cycleId && l.assessmentId === own.assessmentId),
        });
      }
      const shared = links.find((l) => cycleStatus(l, now).status === 'open');
      if (shared) {
        await insertCycleLink(app.db, {
          cycleId,
          organisationId,
          assessmentId: shared.assessmentId,
        });
        return reply.status(201).send({
          cycleId,
          organisationId,
          assessmentId: shared.assessmentId,
          status: shared.status as 'draft',
          shared: true,
        });
      }
      const { row } = await startAssessment(
        app.db,
        frameworks,
        {
          organisationId,
          frameworkId: cycle.frameworkId,
          frameworkVersion: cycle.frameworkVersion,
          title: `${network.name} ${cycle.name}`.slice(0, 120),
          includeOptionalPillars: network.optionalPillars,
          userId: request.user.id,
        },
        (tx, created) => insertCycleLink(tx, { cycleId, organisationId, assessmentId: created.id }),
      );
      return reply.status(201).send({
        cycleId,
        organisationId,
        assessmentId: row.id,
        status: row.status as 'draft',
        shared: false,
      });
    },
  });
  app.route({
    method: 'POST',
    url: '/networks/:networkId/cycles',
    schema: {
      tags,
      security,
      summary: 'Create a cycle on a published framework version (coordinators)',
      params: ZNetworkCyclesParams,
      body: ZCreateCycleBody,
      response: { 201: ZCycle, ...problems, 409: ZProblem, 422: ZProblem },
    },
    handler: async (request, reply) => {
      const { networkId } = request.params;
      const body = request.body;
      await requireNetworkAccess(app.db, { networkId, userId: request.user.id }, 'coordinator');
      const version = await getFrameworkVersion(app.db, {
        frameworkId: body.frameworkId,
        version: body.frameworkVersion,
      });
      if (!version) throw unknownVersion(body.frameworkId, body.frameworkVersion);
      const existing = await listNetworkCycles(app.db, { networkId });
      if (existing.some((c) => c.name === body.name)) {
        throw new ConflictError(
          'cycle_name_taken',
          `This network already has a cycle "${body.name}".`,
        );
      }
      const row = await insertCycle(app.db, { networkId, ...body, createdBy: request.user.id });
      return reply.status(201).send(toCycle(row));
    },
  });

  app.route({
    method: 'GET',
    url: '/cycles/:cycleId/benchmark',
    schema: {
      tags,
      security,
      summary:
        "A member organisation's benchmark in a cycle: median and quartiles overall and per pillar, for all and for similar members, suppressed below the network's group size (complement included)",
      params: ZCycleParams,
      querystring: ZCycleBenchmarkQuery,
      response: { 200: ZCycleBenchmarkResponse, ...problems },
    },
    handler: async (request) => {
      const { cycleId } = request.params;
      const { organisationId } = request.query;
      const access = await requireCycleAccess(app.db, { cycleId, userId: request.user.id }, 'any');
      if (!access.memberOrganisations.some((m) => m.organisationId === organisationId)) {
        throw new NotFoundError();
      }
      const minGroupSize = access.network.minGroupSize;
      const threshold = benchmarkThreshold(minGroupSize);
      const rows = await listCycleSubmissions(app.db, { cycleId });
      const [profile] = await app.db
        .select({ type: organisations.type, sizeBand: organisations.sizeBand })
        .from(organisations)
        .where(eq(organisations.id, organisationId));
      if (!profile) throw new NotFoundError();
      const samples = rows.map((r) => ({ organisationId: r.organisationId, scores: r.scores }));
      const own = samples.find((s) => s.organisationId === organisationId);
      const typeOf = new Map(rows.map((r) => [r.organisationId, r]));
      const sameType = (s: BenchmarkSample) => typeOf.get(s.organisationId)?.type === profile.type;
      const sameSize = (s: BenchmarkSample) =>
        typeOf.get(s.organisationId)?.sizeBand === profile.sizeBand;
      return {
        cycleId,
        organisationId,
        threshold,
        submitted: own !== undefined,
        groups: [
          toGroup('all', benchmark(samples, { minGroupSize }), samples.length, threshold, own),
          toGroup(
            'sameType',
            subgroupBenchmark(samples, sameType, { minGroupSize }),
            samples.filter(sameType).length,
            threshold,
            own,
          ),
          toGroup(
            'sameSizeBand',
            subgroupBenchmark(samples, sameSize, { minGroupSize }),
            samples.filter(sameSize).length,
            threshold,
            own,
          ),
        ],
      };
    },
  });

  app.route({
    method: 'GET',
    url: '/networks/:networkId/cycles',
    schema: {
      tags,
      security,
      summary: "A network's cycles with their status (upcoming, open, closed) and days left",
      params: ZNetworkCyclesParams,
      response: { 200: ZCycleListResponse, ...problems },
    },
    handler: async (request) => {
      const { networkId } = request.params;
      await requireNetworkAccess(app.db, { networkId, userId: request.user.id }, 'any');
      const now = new Date();
      const rows = await listNetworkCycles(app.db, { networkId });
      return { items: rows.map((r) => toCycle(r, now)) };
    },
  });

  app.route({
    method: 'GET',
    url: '/cycles/:cycleId',
    schema: {
      tags,
      security,
      summary: "A cycle; for a member, its organisations' linked assessment and status",
      params: ZCycleParams,
      response: { 200: ZCycleDetail, ...problems },
    },
    handler: async (request) => {
      const { cycleId } = request.params;
      const access = await requireCycleAccess(app.db, { cycleId, userId: request.user.id }, 'any');
      const organisationIds = access.memberOrganisations.map((m) => m.organisationId);
      const linked = await listLinkedAssessments(app.db, { cycleId, organisationIds });
      const byOrg = new Map(linked.map((l) => [l.organisationId, l]));
      return {
        ...toCycle(access.cycle),
        yourOrganisations: organisationIds.map((organisationId) => {
          const link = byOrg.get(organisationId);
          return {
            organisationId,
            assessment: link
              ? { id: link.assessmentId, status: link.status as 'draft' | 'submitted' | 'reopened' }
              : null,
          };
        }),
      };
    },
  });

  app.route({
    method: 'PATCH',
    url: '/cycles/:cycleId',
    schema: {
      tags,
      security,
      summary:
        'Rename a cycle, move its dates (extend or reopen), or change its framework version while no assessment is linked (coordinators)',
      params: ZCycleParams,
      body: ZUpdateCycleBody,
      response: { 200: ZCycle, ...problems, 409: ZProblem, 422: ZProblem },
    },
    handler: async (request) => {
      const { cycleId } = request.params;
      const body = request.body;
      const { cycle } = await requireCycleAccess(
        app.db,
        { cycleId, userId: request.user.id },
        'coordinator',
      );
      const opensOn = body.opensOn ?? cycle.opensOn;
      const closesOn = body.closesOn ?? cycle.closesOn;
      if (closesOn < opensOn) {
        throw new UnprocessableError(
          'cycle_dates_out_of_order',
          'closesOn must be on or after opensOn.',
        );
      }
      if (body.frameworkVersion !== undefined && body.frameworkVersion !== cycle.frameworkVersion) {
        if (await hasLinkedAssessments(app.db, { cycleId })) {
          throw new ConflictError(
            'cycle_has_assessments',
            'The framework version cannot change once an assessment is linked to the cycle.',
          );
        }
        const version = await getFrameworkVersion(app.db, {
          frameworkId: cycle.frameworkId,
          version: body.frameworkVersion,
        });
        if (!version) throw unknownVersion(cycle.frameworkId, body.frameworkVersion);
      }
      if (body.name !== undefined && body.name !== cycle.name) {
        const others = await listNetworkCycles(app.db, { networkId: cycle.networkId });
        if (others.some((c) => c.name === body.name)) {
          throw new ConflictError(
            'cycle_name_taken',
            `This network already has a cycle "${body.name}".`,
          );
        }
      }
      const row = await updateCycle(app.db, { cycleId }, body);
      return toCycle(row);
    },
  });
};
