import type { TStage } from '../api/assessments.js';
import {
  MIN_NAMED_FIGURE,
  type TCollaborationMatch,
  type TCollaborationMember,
  type TCriterionPriority,
  type TDashboardFigureBasis,
  type TDashboardHeatmap,
  type TDashboardHoldReason,
  type TDashboardPriorities,
  type TDashboardRadar,
  type TDashboardSharing,
  type TDashboardStat,
  type TIndicatorAggregate,
  type TPillarPriority,
  type TStageDistribution,
} from '../api/dashboard.js';
import type { TFramework, TLevel, TOrganisationType, TSizeBand } from '../schemas/framework.js';
import { benchmarkThreshold, quantile } from './benchmark.js';
import type { TAssessmentScores } from './schemas.js';

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

/** A figure's values: from every contributor, and from the named ones only. */
interface Split<T> {
  all: T[];
  named: T[];
}

function split<T>(): Split<T> {
  return { all: [], named: [] };
}

function add<T>(values: Split<T>, sharing: TDashboardSharing, value: T): void {
  values.all.push(value);
  if (sharing === 'named') values.named.push(value);
}

type FigureChoice<T> =
  | {
      show: true;
      basis: TDashboardFigureBasis;
      contributors: number;
      anonymousLeftOut: number;
      values: readonly T[];
    }
  | {
      show: false;
      held: { contributors: number; anonymous: number; reason: TDashboardHoldReason };
    };

/**
 * Which values a network figure may be computed from. Every contributor's when
 * {@link networkFigureHold} allows it. When it holds the figure back only for its 1 … threshold −
 * 1 anonymous contributors, the named contributors' values alone (issue 9, the lead's decision):
 * the coordinator already sees each named member's results in the heatmap, so a figure over them
 * tells nothing new about anyone and needs no minimum group size, only {@link MIN_NAMED_FIGURE}
 * members for a median to mean something. The anonymous values never enter that figure. Under the
 * threshold (`too_few`) nothing is shown, as for any other network figure.
 */
function chooseValues<T>(values: Split<T>, threshold: number): FigureChoice<T> {
  const contributors = values.all.length;
  const anonymous = contributors - values.named.length;
  const reason = networkFigureHold({ contributors, anonymous }, threshold);
  if (reason === null) {
    return { show: true, basis: 'all', contributors, anonymousLeftOut: 0, values: values.all };
  }
  if (reason === 'few_anonymous' && values.named.length >= MIN_NAMED_FIGURE) {
    return {
      show: true,
      basis: 'named',
      contributors: values.named.length,
      anonymousLeftOut: anonymous,
      values: values.named,
    };
  }
  return { show: false, held: { contributors, anonymous, reason } };
}

/** Median and quartiles (rubric {@link quantile}) of the values {@link chooseValues} allows. */
function scoreStat(values: Split<number>, threshold: number): TDashboardStat {
  const choice = chooseValues(values, threshold);
  if (!choice.show) return { status: 'suppressed', ...choice.held };
  const sorted = [...choice.values].sort((a, b) => a - b);
  return {
    status: 'ok',
    basis: choice.basis,
    contributors: choice.contributors,
    anonymousLeftOut: choice.anonymousLeftOut,
    median: quantile(sorted, 0.5),
    q1: quantile(sorted, 0.25),
    q3: quantile(sorted, 0.75),
  };
}

/**
 * The network radar: median and quartiles of the overall score and of each scored pillar over all
 * submitted members, named and anonymous, each figure shown, held back or computed over the named
 * members only as {@link chooseValues} says.
 */
export function networkRadar(
  framework: Pick<TFramework, 'pillars'>,
  submissions: readonly DashboardSubmission[],
  options: DashboardOptions,
): TDashboardRadar {
  assertOnePerOrganisation(submissions);
  const threshold = benchmarkThreshold(options.minGroupSize);
  const overall = split<number>();
  const byPillar = new Map(
    scoredPillarIds(framework, submissions).map((id) => [id, split<number>()]),
  );
  for (const s of submissions) {
    if (s.scores.overall !== null) add(overall, s.sharing, s.scores.overall);
    for (const pillar of s.scores.pillars) {
      const values = byPillar.get(pillar.pillarId);
      if (values && pillar.score !== null) add(values, s.sharing, pillar.score);
    }
  }
  return {
    contributors: submissions.length,
    anonymousContributors: submissions.filter((s) => s.sharing === 'anonymous').length,
    overall: scoreStat(overall, threshold),
    pillars: [...byPillar].map(([pillarId, values]) => ({
      pillarId,
      ...scoreStat(values, threshold),
    })),
  };
}

/**
 * Per scored pillar, how many members (named and anonymous) reached each stage, every level of
 * the scale listed (0 included). A pillar is shown whole, over the named members only, or not at
 * all (see {@link chooseValues}); a single cell may be small.
 */
export function stageDistribution(
  framework: Pick<TFramework, 'pillars' | 'levels'>,
  submissions: readonly DashboardSubmission[],
  options: DashboardOptions,
): TStageDistribution[] {
  assertOnePerOrganisation(submissions);
  const threshold = benchmarkThreshold(options.minGroupSize);
  return scoredPillarIds(framework, submissions).map((pillarId) => {
    const reached = split<number>();
    for (const s of submissions) {
      const stage = s.scores.pillars.find((p) => p.pillarId === pillarId)?.stage;
      if (stage) add(reached, s.sharing, stage.level);
    }
    const choice = chooseValues(reached, threshold);
    if (!choice.show) return { status: 'suppressed' as const, pillarId, ...choice.held };
    const counts = new Map<number, number>();
    for (const level of choice.values) counts.set(level, (counts.get(level) ?? 0) + 1);
    return {
      status: 'ok' as const,
      pillarId,
      basis: choice.basis,
      contributors: choice.contributors,
      anonymousLeftOut: choice.anonymousLeftOut,
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
  /** Each contributor's level and gap (target − level, ≥ 0). */
  answers: Split<{ level: number; gap: number }>;
}

/** Per criterion of the framework, the levels and gaps that members gave. */
function criterionFigures(
  framework: Pick<TFramework, 'pillars'>,
  submissions: readonly DashboardSubmission[],
): CriterionFigures[] {
  const figures = new Map<string, CriterionFigures>();
  for (const pillar of framework.pillars) {
    for (const c of pillar.criteria) {
      figures.set(c.id, { criterionId: c.id, pillarId: pillar.id, answers: split() });
    }
  }
  for (const s of submissions) {
    for (const a of s.answers) {
      const figure = figures.get(a.criterionId);
      if (!figure || a.notApplicable || a.level === null) continue;
      // No target means "stay where we are"; a target below today is not a gap either.
      const gap = Math.max(0, (a.targetLevel ?? a.level) - a.level);
      add(figure.answers, s.sharing, { level: a.level, gap });
    }
  }
  return [...figures.values()];
}

/**
 * The network's collective weak spots, from figures that may be shown ({@link chooseValues}, each
 * with its basis): the pillars with the lowest median score, the criteria with the lowest median
 * level, and the criteria with the largest median gap between target and today (only gaps above
 * 0). Ties keep framework order.
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
        ? [
            {
              pillarId: p.pillarId,
              median: p.median,
              basis: p.basis,
              contributors: p.contributors,
              anonymousLeftOut: p.anonymousLeftOut,
            },
          ]
        : [],
    )
    .sort((a, b) => a.median - b.median)
    .slice(0, options.pillars ?? NETWORK_PRIORITY_PILLARS);

  const heldBackCriteria = { tooFew: 0, fewAnonymous: 0 };
  let namedOnlyCriteria = 0;
  const shown: TCriterionPriority[] = [];
  for (const f of criterionFigures(framework, submissions)) {
    if (f.answers.all.length === 0) continue;
    const choice = chooseValues(f.answers, threshold);
    if (!choice.show) {
      heldBackCriteria[choice.held.reason === 'too_few' ? 'tooFew' : 'fewAnonymous'] += 1;
      continue;
    }
    if (choice.basis === 'named') namedOnlyCriteria += 1;
    shown.push({
      criterionId: f.criterionId,
      pillarId: f.pillarId,
      medianLevel: median(choice.values.map((v) => v.level)),
      medianGap: median(choice.values.map((v) => v.gap)),
      basis: choice.basis,
      contributors: choice.contributors,
      anonymousLeftOut: choice.anonymousLeftOut,
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
    namedOnlyCriteria,
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
 * anonymous), shown, held back or computed over the named members only as {@link chooseValues}
 * says. A member that entered an indicator on several criteria counts once, with its first value.
 */
export function aggregateIndicators(
  framework: Pick<TFramework, 'indicators'>,
  submissions: readonly DashboardSubmission[],
  options: DashboardOptions,
): TIndicatorAggregate[] {
  assertOnePerOrganisation(submissions);
  const threshold = benchmarkThreshold(options.minGroupSize);
  const values = new Map(framework.indicators.map((i) => [i.id, split<number>()]));
  for (const s of submissions) {
    const seen = new Set<string>();
    for (const a of s.answers) {
      for (const [id, value] of Object.entries(a.indicators)) {
        const entry = values.get(id);
        if (!entry || seen.has(id) || !Number.isFinite(value)) continue;
        seen.add(id);
        add(entry, s.sharing, value);
      }
    }
  }
  return framework.indicators.map((indicator) => {
    const base = { indicatorId: indicator.id, pillarId: indicator.pillarId, unit: indicator.unit };
    const choice = chooseValues(values.get(indicator.id) ?? split<number>(), threshold);
    if (!choice.show) return { ...base, status: 'suppressed' as const, ...choice.held };
    return {
      ...base,
      status: 'ok' as const,
      basis: choice.basis,
      contributors: choice.contributors,
      anonymousLeftOut: choice.anonymousLeftOut,
      median: median([...choice.values]),
    };
  });
}
