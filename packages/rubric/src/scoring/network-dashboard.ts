import type { TStage } from '../api/assessments.js';
import type {
  TCollaborationMatch,
  TCollaborationMember,
  TCriterionPriority,
  TDashboardHeatmap,
  TDashboardHoldReason,
  TDashboardPriorities,
  TDashboardRadar,
  TDashboardSharing,
  TDashboardStat,
  TIndicatorAggregate,
  TPillarPriority,
  TStageDistribution,
} from '../api/dashboard.js';
import type { TFramework, TLevel, TOrganisationType, TSizeBand } from '../schemas/framework.js';
import { benchmark, benchmarkThreshold, quantile } from './benchmark.js';
import type { TAssessmentScores, TBenchmarkStat } from './schemas.js';

/**
 * The coordinator's dashboard of a cycle, shaped from every member's latest submitted revision
 * (see `api/dashboard.ts` for the privacy rules). Pure functions: the API fetches, these shape.
 */

/** An answer of a submitted revision, as the dashboard reads it. */
export interface DashboardAnswer {
  criterionId: string;
  level: number | null;
  targetLevel: number | null;
  notApplicable: boolean;
  indicators: Readonly<Record<string, number>>;
}

/** One member's latest submitted assessment for the cycle. One per organisation. */
export interface DashboardSubmission {
  organisationId: string;
  name: string;
  sharing: TDashboardSharing;
  type: TOrganisationType;
  sizeBand: TSizeBand;
  assessmentId: string;
  scores: TAssessmentScores;
  answers: readonly DashboardAnswer[];
}

export interface DashboardOptions {
  /** The network's minimum group size; the threshold is max(3, it). */
  minGroupSize: number;
}

/** How many criteria each priority list holds, and how many pillars. */
export const NETWORK_PRIORITY_CRITERIA = 5;
export const NETWORK_PRIORITY_PILLARS = 3;

/** The first two levels: members there who aim higher are the ones a leader can help. */
const LEARNER_LEVELS = 2;

// See score-assessment.ts: a mean of whole levels can land a hair below a whole number.
const STAGE_TOLERANCE = 1e-9;

/**
 * Why a network figure must be held back, or null when it may be shown. `too_few`: fewer than
 * `threshold` members contribute. `few_anonymous`: enough do, but 1 … threshold − 1 of them are
 * anonymous. The coordinator sees every named member's results, so a figure over named members
 * plus one anonymous member would give that member's score away by subtraction (e.g. the median
 * of three when two are known): complementary suppression, with the named members as the known
 * part.
 */
export function networkFigureHold(
  counts: { contributors: number; anonymous: number },
  threshold: number,
): TDashboardHoldReason | null {
  const { contributors, anonymous } = counts;
  if (!(anonymous >= 0 && contributors >= anonymous)) {
    throw new RangeError(`${anonymous} anonymous contributors cannot be part of ${contributors}`);
  }
  if (contributors < threshold) return 'too_few';
  if (anonymous > 0 && anonymous < threshold) return 'few_anonymous';
  return null;
}

/**
 * May a network figure be shown? Only when at least `threshold` members contribute AND the
 * anonymous among them are none or at least `threshold` (see {@link networkFigureHold}).
 */
export function canShowNetworkFigure(
  counts: { contributors: number; anonymous: number },
  threshold: number,
): boolean {
  return networkFigureHold(counts, threshold) === null;
}

/** The level a score (0–100) reaches: the inverse of criterionScore, floored. */
export function stageOfScore(score: number | null, levels: readonly TLevel[]): TStage | null {
  if (score === null) return null;
  const meanLevel = 1 + (score * (levels.length - 1)) / 100;
  const reached = Math.min(levels.length, Math.max(1, Math.floor(meanLevel + STAGE_TOLERANCE)));
  const level = levels.find((l) => l.level === reached);
  return level ? { level: level.level, name: level.name } : null;
}

function median(values: number[]): number {
  return quantile(
    [...values].sort((a, b) => a - b),
    0.5,
  );
}

function byName(a: { name: string }, b: { name: string }): number {
  return a.name.localeCompare(b.name, 'en-GB') || 0;
}

/** Framework pillars that any submission scored, in framework order. */
function scoredPillarIds(
  framework: Pick<TFramework, 'pillars'>,
  submissions: readonly DashboardSubmission[],
): string[] {
  const seen = new Set(submissions.flatMap((s) => s.scores.pillars.map((p) => p.pillarId)));
  return framework.pillars.filter((p) => seen.has(p.id)).map((p) => p.id);
}

function assertOnePerOrganisation(submissions: readonly DashboardSubmission[]): void {
  const seen = new Set<string>();
  for (const { organisationId } of submissions) {
    if (seen.has(organisationId)) {
      throw new Error(`organisation "${organisationId}" appears twice; one submission each`);
    }
    seen.add(organisationId);
  }
}

/**
 * The heatmap: one row per NAMED member (by name), one cell per scored pillar with its score and
 * stage, and the overall score with its stage. Anonymous members are left out entirely.
 */
export function networkHeatmap(
  framework: Pick<TFramework, 'pillars' | 'levels'>,
  submissions: readonly DashboardSubmission[],
): TDashboardHeatmap {
  assertOnePerOrganisation(submissions);
  const pillarIds = scoredPillarIds(framework, submissions);
  const rows = submissions
    .filter((s) => s.sharing === 'named')
    .map((s) => {
      const byPillar = new Map(s.scores.pillars.map((p) => [p.pillarId, p]));
      return {
        organisationId: s.organisationId,
        name: s.name,
        type: s.type,
        sizeBand: s.sizeBand,
        assessmentId: s.assessmentId,
        overall: {
          score: s.scores.overall,
          stage: stageOfScore(s.scores.overall, framework.levels),
        },
        pillars: pillarIds.map((pillarId) => {
          const pillar = byPillar.get(pillarId);
          return { pillarId, score: pillar?.score ?? null, stage: pillar?.stage ?? null };
        }),
      };
    })
    .sort(byName);
  return { pillarIds, rows };
}

function guardStat(stat: TBenchmarkStat, anonymous: number, threshold: number): TDashboardStat {
  const { contributors } = stat;
  const reason = networkFigureHold({ contributors, anonymous }, threshold);
  if (reason !== null || stat.status !== 'ok') {
    return { status: 'suppressed', contributors, anonymous, reason: reason ?? 'too_few' };
  }
  return stat;
}

/**
 * The network radar: median and quartiles (rubric {@link benchmark}) of the overall score and of
 * each scored pillar over all submitted members, named and anonymous, each figure suppressed by
 * {@link canShowNetworkFigure}.
 */
export function networkRadar(
  framework: Pick<TFramework, 'pillars'>,
  submissions: readonly DashboardSubmission[],
  options: DashboardOptions,
): TDashboardRadar {
  const threshold = benchmarkThreshold(options.minGroupSize);
  const samples = submissions.map((s) => ({ organisationId: s.organisationId, scores: s.scores }));
  const anonymousSamples = samples.filter((_, i) => submissions[i]?.sharing === 'anonymous');
  const all = benchmark(samples, options);
  const anonymous = benchmark(anonymousSamples, options);
  const anonymousOf = new Map(anonymous.pillars.map((p) => [p.pillarId, p.contributors]));
  const byPillar = new Map(all.pillars.map((p) => [p.pillarId, p]));
  return {
    contributors: samples.length,
    anonymousContributors: anonymousSamples.length,
    overall: guardStat(all.overall, anonymous.overall.contributors, threshold),
    pillars: scoredPillarIds(framework, submissions).flatMap((pillarId) => {
      const found = byPillar.get(pillarId);
      if (!found) return [];
      const { pillarId: _, ...stat } = found;
      return [{ pillarId, ...guardStat(stat, anonymousOf.get(pillarId) ?? 0, threshold) }];
    }),
  };
}

/**
 * Per scored pillar, how many members (named and anonymous) reached each stage, every level of
 * the scale listed (0 included). A pillar is shown whole or not at all (see
 * {@link canShowNetworkFigure}); a single cell may be small.
 */
export function stageDistribution(
  framework: Pick<TFramework, 'pillars' | 'levels'>,
  submissions: readonly DashboardSubmission[],
  options: DashboardOptions,
): TStageDistribution[] {
  assertOnePerOrganisation(submissions);
  const threshold = benchmarkThreshold(options.minGroupSize);
  return scoredPillarIds(framework, submissions).map((pillarId) => {
    const counts = new Map<number, number>();
    let contributors = 0;
    let anonymous = 0;
    for (const s of submissions) {
      const stage = s.scores.pillars.find((p) => p.pillarId === pillarId)?.stage;
      if (!stage) continue;
      contributors += 1;
      if (s.sharing === 'anonymous') anonymous += 1;
      counts.set(stage.level, (counts.get(stage.level) ?? 0) + 1);
    }
    const reason = networkFigureHold({ contributors, anonymous }, threshold);
    if (reason !== null) {
      return { status: 'suppressed' as const, pillarId, contributors, anonymous, reason };
    }
    return {
      status: 'ok' as const,
      pillarId,
      contributors,
      stages: framework.levels.map((l) => ({
        level: l.level,
        name: l.name,
        count: counts.get(l.level) ?? 0,
      })),
    };
  });
}

interface CriterionFigures {
  criterionId: string;
  pillarId: string;
  levels: number[];
  gaps: number[];
  anonymous: number;
}

/** Per criterion of the framework, the levels and gaps (target − level, ≥ 0) that members gave. */
function criterionFigures(
  framework: Pick<TFramework, 'pillars'>,
  submissions: readonly DashboardSubmission[],
): CriterionFigures[] {
  const figures = new Map<string, CriterionFigures>();
  for (const pillar of framework.pillars) {
    for (const c of pillar.criteria) {
      figures.set(c.id, {
        criterionId: c.id,
        pillarId: pillar.id,
        levels: [],
        gaps: [],
        anonymous: 0,
      });
    }
  }
  for (const s of submissions) {
    for (const a of s.answers) {
      const figure = figures.get(a.criterionId);
      if (!figure || a.notApplicable || a.level === null) continue;
      figure.levels.push(a.level);
      // No target means "stay where we are"; a target below today is not a gap either.
      figure.gaps.push(Math.max(0, (a.targetLevel ?? a.level) - a.level));
      if (s.sharing === 'anonymous') figure.anonymous += 1;
    }
  }
  return [...figures.values()];
}

/**
 * The network's collective weak spots, from figures with enough contributors
 * ({@link canShowNetworkFigure}): the pillars with the lowest median score, the criteria with the
 * lowest median level, and the criteria with the largest median gap between target and today
 * (only gaps above 0). Ties keep framework order.
 */
export function collectivePriorities(
  framework: Pick<TFramework, 'pillars'>,
  submissions: readonly DashboardSubmission[],
  options: DashboardOptions & { criteria?: number; pillars?: number },
): TDashboardPriorities {
  assertOnePerOrganisation(submissions);
  const threshold = benchmarkThreshold(options.minGroupSize);
  const radar = networkRadar(framework, submissions, options);
  const lowestPillars: TPillarPriority[] = radar.pillars
    .flatMap((p) =>
      p.status === 'ok'
        ? [{ pillarId: p.pillarId, median: p.median, contributors: p.contributors }]
        : [],
    )
    .sort((a, b) => a.median - b.median)
    .slice(0, options.pillars ?? NETWORK_PRIORITY_PILLARS);

  const heldBackCriteria = { tooFew: 0, fewAnonymous: 0 };
  const shown: TCriterionPriority[] = [];
  for (const f of criterionFigures(framework, submissions)) {
    const contributors = f.levels.length;
    if (contributors === 0) continue;
    const reason = networkFigureHold({ contributors, anonymous: f.anonymous }, threshold);
    if (reason !== null) {
      heldBackCriteria[reason === 'too_few' ? 'tooFew' : 'fewAnonymous'] += 1;
      continue;
    }
    shown.push({
      criterionId: f.criterionId,
      pillarId: f.pillarId,
      medianLevel: median(f.levels),
      medianGap: median(f.gaps),
      contributors,
    });
  }
  const limit = options.criteria ?? NETWORK_PRIORITY_CRITERIA;
  return {
    lowestPillars,
    lowestCriteria: [...shown].sort((a, b) => a.medianLevel - b.medianLevel).slice(0, limit),
    largestGaps: shown
      .filter((c) => c.medianGap > 0)
      .sort((a, b) => b.medianGap - a.medianGap)
      .slice(0, limit),
    heldBackCriteria,
  };
}

/**
 * Collaboration pairs per criterion, NAMED members only: those at the top level of the scale
 * ("Leading") beside those at the first two levels ("Getting started", "Developing") whose target
 * is higher than today. Criteria without both are left out; members are listed by name.
 */
export function collaborationMatches(
  framework: Pick<TFramework, 'pillars' | 'levels'>,
  submissions: readonly DashboardSubmission[],
): TCollaborationMatch[] {
  assertOnePerOrganisation(submissions);
  const top = framework.levels.length;
  const groups = new Map<
    string,
    { leaders: TCollaborationMember[]; learners: TCollaborationMember[] }
  >();
  for (const s of submissions) {
    if (s.sharing !== 'named') continue;
    for (const a of s.answers) {
      if (a.notApplicable || a.level === null) continue;
      const isLeader = a.level === top;
      const isLearner =
        a.level <= LEARNER_LEVELS && a.targetLevel !== null && a.targetLevel > a.level;
      if (!isLeader && !isLearner) continue;
      let group = groups.get(a.criterionId);
      if (!group) {
        group = { leaders: [], learners: [] };
        groups.set(a.criterionId, group);
      }
      const member = {
        organisationId: s.organisationId,
        name: s.name,
        level: a.level,
        targetLevel: a.targetLevel,
      };
      (isLeader ? group.leaders : group.learners).push(member);
    }
  }
  return framework.pillars.flatMap((pillar) =>
    pillar.criteria.flatMap((c) => {
      const group = groups.get(c.id);
      if (!group || group.leaders.length === 0 || group.learners.length === 0) return [];
      return [
        {
          criterionId: c.id,
          pillarId: pillar.id,
          leaders: group.leaders.sort(byName),
          learners: group.learners.sort(byName),
        },
      ];
    }),
  );
}

/**
 * A collaboration match as plain text for a coordinator to paste into an email, e.g.
 * "Fair pay (Employment): Leeds Trust (Leading) could help Acme (Getting started, aiming for
 * Embedding)."
 */
export function collaborationText(
  framework: Pick<TFramework, 'pillars' | 'levels'>,
  match: TCollaborationMatch,
): string {
  const levelName = (level: number) =>
    framework.levels.find((l) => l.level === level)?.name ?? `Level ${level}`;
  const pillar = framework.pillars.find((p) => p.id === match.pillarId);
  const criterion = pillar?.criteria.find((c) => c.id === match.criterionId);
  const title = `${criterion?.title ?? match.criterionId} (${pillar?.title ?? match.pillarId})`;
  const leaders = match.leaders.map((m) => `${m.name} (${levelName(m.level)})`).join(', ');
  const learners = match.learners
    .map(
      (m) =>
        `${m.name} (${levelName(m.level)}${m.targetLevel ? `, aiming for ${levelName(m.targetLevel)}` : ''})`,
    )
    .join(', ');
  return `${title}: ${leaders} could help ${learners}.`;
}

/**
 * The median of each framework indicator over the members that reported it (named and
 * anonymous), suppressed by {@link canShowNetworkFigure} with only the number of contributors. A
 * member that entered an indicator on several criteria counts once, with its first value.
 */
export function aggregateIndicators(
  framework: Pick<TFramework, 'indicators'>,
  submissions: readonly DashboardSubmission[],
  options: DashboardOptions,
): TIndicatorAggregate[] {
  assertOnePerOrganisation(submissions);
  const threshold = benchmarkThreshold(options.minGroupSize);
  const values = new Map<string, { values: number[]; anonymous: number }>(
    framework.indicators.map((i) => [i.id, { values: [], anonymous: 0 }]),
  );
  for (const s of submissions) {
    const seen = new Set<string>();
    for (const a of s.answers) {
      for (const [id, value] of Object.entries(a.indicators)) {
        const entry = values.get(id);
        if (!entry || seen.has(id) || !Number.isFinite(value)) continue;
        seen.add(id);
        entry.values.push(value);
        if (s.sharing === 'anonymous') entry.anonymous += 1;
      }
    }
  }
  return framework.indicators.map((indicator) => {
    const entry = values.get(indicator.id) ?? { values: [], anonymous: 0 };
    const base = { indicatorId: indicator.id, pillarId: indicator.pillarId, unit: indicator.unit };
    const contributors = entry.values.length;
    const anonymous = entry.anonymous;
    const reason = networkFigureHold({ contributors, anonymous }, threshold);
    if (reason !== null) {
      return { ...base, status: 'suppressed' as const, contributors, anonymous, reason };
    }
    return { ...base, status: 'ok' as const, contributors, median: median(entry.values) };
  });
}
