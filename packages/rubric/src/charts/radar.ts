import type { TFramework, TPillar } from '../schemas/framework.js';
import {
  applicableCriteria,
  roundScore,
  type TAnswerInput,
  type TAssessmentScores,
  type TOrganisationProfile,
} from '../scoring/index.js';

/**
 * Data shaping for radar charts. Chart components take the rows built here as they are: one row per
 * pillar (an axis), one numeric column per series, scores rounded for display.
 */

/** Which of a pillar's scores a series plots: where the organisation is, or where it aims to be. */
export type TRadarMetric = 'score' | 'targetScore';

export interface RadarSeriesInput {
  /** The column name in each row, e.g. `current`; must not be `axis` or `pillarId`. */
  key: string;
  /** Scores as `scoreAssessment` returns them; only `pillars` is read. */
  scores: Pick<TAssessmentScores, 'pillars'>;
  /** Defaults to `score`. */
  metric?: TRadarMetric;
}

/** One axis of the radar: the pillar's title, its id, and one value (0–100 or null) per series. */
export type TRadarDatum = {
  axis: string;
  pillarId: string;
} & { [seriesKey: string]: string | number | null };

const RESERVED_KEYS = new Set(['axis', 'pillarId']);

/**
 * Builds radar rows from a framework and one or more scored series.
 *
 * - Axes follow framework order and include every pillar that at least one series scored (a pillar
 *   absent from all series — optional and switched off, or not applicable — gets no axis).
 * - A series' value is its pillar score rounded with `roundScore`, or null where that series has
 *   no score for the pillar (nothing answered yet), so that a gap is never drawn as a zero.
 *
 * @throws Error when two series share a key or a key is reserved.
 */
export function toRadarData(
  framework: Pick<TFramework, 'pillars'>,
  series: readonly RadarSeriesInput[],
): TRadarDatum[] {
  const keys = new Set<string>();
  for (const { key } of series) {
    if (RESERVED_KEYS.has(key)) throw new Error(`series key "${key}" is reserved`);
    if (keys.has(key)) throw new Error(`two series share the key "${key}"`);
    keys.add(key);
  }

  const indexed = series.map((s) => ({
    key: s.key,
    metric: s.metric ?? 'score',
    byPillar: new Map(s.scores.pillars.map((p) => [p.pillarId, p])),
  }));

  const rows: TRadarDatum[] = [];
  for (const pillar of framework.pillars) {
    if (!indexed.some((s) => s.byPillar.has(pillar.id))) continue;
    const row: TRadarDatum = { axis: pillar.title, pillarId: pillar.id };
    for (const s of indexed) {
      const value = s.byPillar.get(pillar.id)?.[s.metric] ?? null;
      row[s.key] = roundScore(value);
    }
    rows.push(row);
  }
  return rows;
}

/** The fictional organisation behind {@link exampleAnswers}: a large business. */
export const EXAMPLE_ORGANISATION: TOrganisationProfile = {
  organisationType: 'business',
  sizeBand: 'large',
};

// Where the example sits on each pillar, as a fraction of the scale, by pillar position: fairly
// mature on employment and civic commitment, earlier on estates — the uneven shape that real
// first-year profiles have, so that the chart shows why one overall score would hide things.
const PILLAR_POSITIONS = [0.67, 0.33, 0.1, 0.5, 0.67, 0.33];
// Criteria within a pillar vary around the pillar's position.
const CRITERION_OFFSETS = [0, 1, -1, 0, 1, 0, -1];

function clamp(n: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, n));
}

function exampleLevel(pillarIndex: number, criterionIndex: number, levelCount: number): number {
  const position = PILLAR_POSITIONS[pillarIndex % PILLAR_POSITIONS.length] ?? 0.5;
  const offset = CRITERION_OFFSETS[criterionIndex % CRITERION_OFFSETS.length] ?? 0;
  return clamp(1 + Math.round(position * (levelCount - 1)) + offset, 1, levelCount);
}

/**
 * A plausible, deterministic set of answers for showing what results look like: every criterion
 * that applies to {@link EXAMPLE_ORGANISATION} in the non-optional pillars gets a level, and a
 * target one level higher (the last level stays where it is). Score them with
 * `scoreAssessment(framework, exampleAnswers(framework), { profile: EXAMPLE_ORGANISATION })`.
 */
export function exampleAnswers(framework: TFramework): TAnswerInput[] {
  const levelCount = framework.levels.length;
  const pillars: TPillar[] = applicableCriteria(framework, EXAMPLE_ORGANISATION);
  return pillars.flatMap((pillar, pi) =>
    pillar.criteria.map((criterion, ci) => {
      const level = exampleLevel(pi, ci, levelCount);
      return { criterionId: criterion.id, level, targetLevel: Math.min(level + 1, levelCount) };
    }),
  );
}
