import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SIZE_BANDS, type TFramework } from '../schemas/framework.js';
import { applicableCriteria } from './applicable-criteria.js';
import { benchmark, quantile } from './benchmark.js';
import { criterionScore } from './criterion-score.js';
import { mapAnswersToVersion } from './map-answers-to-version.js';
import {
  MIN_BENCHMARK_GROUP,
  type TAnswerInput,
  type TAssessmentScores,
  type TOrganisationProfile,
  ZAssessmentScores,
  ZBenchmark,
} from './schemas.js';
import { scoreAssessment } from './score-assessment.js';
import { levelNames, makeFramework } from './test-frameworks.js';

// ---- arbitraries ----------------------------------------------------------------------------

const arbWeight = fc.oneof(
  fc.integer({ min: 1, max: 10 }),
  fc.double({ min: 0.001, max: 1000, noNaN: true }),
);

// Mostly no rule, sometimes a size-band rule, so that profile filtering is exercised too.
const arbAppliesTo = fc.oneof(
  { arbitrary: fc.constant(undefined), weight: 4 },
  {
    arbitrary: fc.record({ sizeBands: fc.subarray([...SIZE_BANDS], { minLength: 1 }) }),
    weight: 1,
  },
);

/** 1–4 pillars × 1–5 criteria on a scale of 2–6 levels, with random positive weights. */
const arbFramework: fc.Arbitrary<TFramework> = fc
  .record({
    levelCount: fc.integer({ min: 2, max: 6 }),
    pillars: fc.array(
      fc.record({
        weight: arbWeight,
        criteria: fc.array(fc.record({ weight: arbWeight, appliesTo: arbAppliesTo }), {
          minLength: 1,
          maxLength: 5,
        }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
  })
  .map(({ levelCount, pillars }) =>
    makeFramework({
      levels: levelNames(levelCount),
      pillars: pillars.map((pillar, pi) => ({
        id: `p-${pi}`,
        weight: pillar.weight,
        criteria: pillar.criteria.map((criterion, ci) => ({ id: `c-${pi}-${ci}`, ...criterion })),
      })),
    }),
  );

const arbProfile: fc.Arbitrary<TOrganisationProfile> = fc.oneof(
  fc.constant({}),
  fc.constantFrom(...SIZE_BANDS).map((sizeBand) => ({ sizeBand })),
);

function criterionIds(framework: TFramework): string[] {
  return framework.pillars.flatMap((p) => p.criteria.map((c) => c.id));
}

/** For each criterion: no answer, "don't know", a level (with or without target), or N/A. */
function arbAnswers(framework: TFramework): fc.Arbitrary<TAnswerInput[]> {
  const arbLevel = fc.integer({ min: 1, max: framework.levels.length });
  const answerFor = (criterionId: string): fc.Arbitrary<TAnswerInput | undefined> =>
    fc.oneof(
      fc.constant(undefined),
      fc.constant({ criterionId, level: null }),
      fc.record({ criterionId: fc.constant(criterionId), level: arbLevel }),
      fc.record({
        criterionId: fc.constant(criterionId),
        level: arbLevel,
        targetLevel: fc.option(arbLevel, { nil: null }),
      }),
      fc.record({
        criterionId: fc.constant(criterionId),
        level: fc.option(arbLevel, { nil: null }),
        notApplicable: fc.constant(true),
      }),
    );
  // Answers to criteria the framework does not have are ignored, whatever their level.
  const strays = fc
    .uniqueArray(fc.integer({ min: 0, max: 20 }), { maxLength: 2 })
    .map((ns) => ns.map((n) => ({ criterionId: `stray-${n}`, level: n + 1 })));
  return fc
    .tuple(fc.tuple(...criterionIds(framework).map(answerFor)), strays)
    .map(([answers, extra]) => [
      ...answers.filter((a): a is TAnswerInput => a !== undefined),
      ...extra,
    ]);
}

const arbCase = arbFramework.chain((framework) =>
  fc.record({
    framework: fc.constant(framework),
    answers: arbAnswers(framework),
    profile: arbProfile,
  }),
);

function applicableIds(framework: TFramework, profile: TOrganisationProfile): Set<string> {
  return new Set(
    applicableCriteria(framework, profile).flatMap((p) => p.criteria.map((c) => c.id)),
  );
}

function pillarOf(framework: TFramework, criterionId: string): string {
  const pillar = framework.pillars.find((p) => p.criteria.some((c) => c.id === criterionId));
  if (!pillar) throw new Error(`no pillar holds ${criterionId}`);
  return pillar.id;
}

function replaceAnswer(
  answers: readonly TAnswerInput[],
  criterionId: string,
  replacement: TAnswerInput,
): TAnswerInput[] {
  const rest = answers.filter((a) => a.criterionId !== criterionId);
  return [...rest, replacement];
}

function inScoreRange(value: number | null): boolean {
  return value === null || (value >= 0 && value <= 100);
}

// ---- properties -----------------------------------------------------------------------------

describe('scoring properties', () => {
  it('criterion scores lie in 0..100 and rise with the level', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 10 })
          .chain((levelCount) =>
            fc.tuple(fc.constant(levelCount), fc.integer({ min: 1, max: levelCount - 1 })),
          ),
        ([levelCount, level]) => {
          const score = criterionScore(level, levelCount);
          expect(score).toBeGreaterThanOrEqual(0);
          expect(score).toBeLessThan(100);
          expect(criterionScore(level + 1, levelCount)).toBeGreaterThan(score);
        },
      ),
    );
  });

  it('every pillar and overall score lies in 0..100, and agrees with its mean level', () => {
    fc.assert(
      fc.property(arbCase, ({ framework, answers, profile }) => {
        const scores = scoreAssessment(framework, answers, { profile });
        const levelCount = framework.levels.length;
        expect(ZAssessmentScores.safeParse(scores).success).toBe(true);
        expect(inScoreRange(scores.overall)).toBe(true);
        expect(inScoreRange(scores.overallTarget)).toBe(true);
        for (const pillar of scores.pillars) {
          expect(inScoreRange(pillar.score)).toBe(true);
          expect(inScoreRange(pillar.targetScore)).toBe(true);
          expect(pillar.score === null).toBe(pillar.answered === 0);
          if (pillar.score !== null && pillar.meanLevel !== null) {
            expect(pillar.meanLevel).toBeGreaterThanOrEqual(1);
            expect(pillar.meanLevel).toBeLessThanOrEqual(levelCount);
            expect(pillar.score).toBeCloseTo((100 * (pillar.meanLevel - 1)) / (levelCount - 1), 9);
            expect(pillar.stage?.level).toBe(Math.floor(pillar.meanLevel + 1e-9));
          }
        }
        const anyScored = scores.pillars.some((p) => p.score !== null);
        expect(scores.overall === null).toBe(!anyScored);
      }),
    );
  });

  it('raising one answer never lowers its pillar score nor the overall, and moves no other pillar', () => {
    fc.assert(
      fc.property(arbCase, fc.nat(), fc.nat(), ({ framework, answers, profile }, pick, step) => {
        const levelCount = framework.levels.length;
        const counted = applicableIds(framework, profile);
        const raisable = answers.filter(
          (a) =>
            counted.has(a.criterionId) &&
            a.notApplicable !== true &&
            a.level !== null &&
            a.level < levelCount,
        );
        fc.pre(raisable.length > 0);
        const chosen = raisable[pick % raisable.length] as TAnswerInput;
        const from = chosen.level as number;
        const to = from + 1 + (step % (levelCount - from));
        const raised = answers.map((a) => (a === chosen ? { ...a, level: to } : a));

        const before = scoreAssessment(framework, answers, { profile });
        const after = scoreAssessment(framework, raised, { profile });
        const pillarId = pillarOf(framework, chosen.criterionId);
        before.pillars.forEach((b, i) => {
          const a = after.pillars[i];
          if (b.pillarId === pillarId) {
            expect(a?.score).toBeGreaterThanOrEqual(b.score as number);
          } else {
            expect(a).toEqual(b);
          }
        });
        expect(after.overall).toBeGreaterThanOrEqual(before.overall as number);
      }),
    );
  });

  it('answer order never matters', () => {
    fc.assert(
      fc.property(
        arbCase.chain((c) =>
          fc.record({
            c: fc.constant(c),
            shuffled: fc.shuffledSubarray(c.answers, {
              minLength: c.answers.length,
              maxLength: c.answers.length,
            }),
          }),
        ),
        ({ c: { framework, answers, profile }, shuffled }) => {
          expect(scoreAssessment(framework, shuffled, { profile })).toEqual(
            scoreAssessment(framework, answers, { profile }),
          );
        },
      ),
    );
  });

  it('marking a criterion not applicable moves no other pillar and scores it as unanswered', () => {
    fc.assert(
      fc.property(arbCase, fc.nat(), ({ framework, answers, profile }, pick) => {
        const ids = criterionIds(framework);
        const criterionId = ids[pick % ids.length] as string;
        const previous = answers.find((a) => a.criterionId === criterionId);
        const level = previous?.level ?? null;
        const before = scoreAssessment(framework, answers, { profile });
        const marked = scoreAssessment(
          framework,
          // Keep any level alongside the mark: not-applicable must win over it.
          replaceAnswer(answers, criterionId, { criterionId, level, notApplicable: true }),
          { profile },
        );

        if (!applicableIds(framework, profile).has(criterionId)) {
          // Not counted for this profile in the first place: nothing changes at all.
          expect(marked).toEqual(before);
          return;
        }
        const wasApplicable = previous?.notApplicable !== true;
        const wasAnswered = wasApplicable && level !== null;
        const pillarId = pillarOf(framework, criterionId);

        // Not applicable and "don't know" give the same scores; only the counts differ.
        const unanswered = scoreAssessment(
          framework,
          replaceAnswer(answers, criterionId, { criterionId, level: null }),
          { profile },
        );
        expect(marked.overall).toBe(unanswered.overall);
        expect(marked.overallTarget).toBe(unanswered.overallTarget);
        expect(marked.completeness.applicable).toBe(
          before.completeness.applicable - (wasApplicable ? 1 : 0),
        );
        expect(marked.completeness.answered).toBe(
          before.completeness.answered - (wasAnswered ? 1 : 0),
        );

        before.pillars.forEach((b, i) => {
          const m = marked.pillars[i];
          const u = unanswered.pillars[i];
          if (b.pillarId !== pillarId) {
            expect(m).toEqual(b);
            return;
          }
          expect(m?.pillarId).toBe(pillarId);
          const scoresOf = (p: typeof m) => [p?.score, p?.meanLevel, p?.stage, p?.targetScore];
          expect(scoresOf(m)).toEqual(scoresOf(u));
          expect(m?.applicable).toBe(b.applicable - (wasApplicable ? 1 : 0));
          expect(m?.answered).toBe(b.answered - (wasAnswered ? 1 : 0));
          if (!wasAnswered) {
            // Leaving out an unanswered criterion keeps every score and can only raise completeness.
            expect(scoresOf(m)).toEqual(scoresOf(b));
            expect(m?.completeness).toBeGreaterThanOrEqual(b.completeness);
          }
        });
        if (!wasAnswered) {
          expect(marked.overall).toBe(before.overall);
          expect(marked.overallTarget).toBe(before.overallTarget);
        }
      }),
    );
  });

  it('mapping answers with an identity mapping returns the same answers', () => {
    fc.assert(
      fc.property(arbCase, fc.boolean(), ({ framework, answers }, explicit) => {
        const criteria = explicit
          ? Object.fromEntries(answers.map((a) => [a.criterionId, [a.criterionId]]))
          : {};
        expect(mapAnswersToVersion(answers, { fromVersion: 1, criteria })).toEqual(answers);
        // And so the same scores.
        expect(
          scoreAssessment(framework, mapAnswersToVersion(answers, { fromVersion: 1, criteria })),
        ).toEqual(scoreAssessment(framework, answers));
      }),
    );
  });
});

// ---- benchmark ------------------------------------------------------------------------------

const PILLARS = ['p-a', 'p-b', 'p-c'];
const arbScore = fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null });
const arbScores: fc.Arbitrary<TAssessmentScores> = fc
  .record({
    overall: arbScore,
    pillars: fc
      .subarray(PILLARS)
      .chain((ids) =>
        fc
          .tuple(...ids.map(() => arbScore))
          .map((scores) => ids.map((pillarId, i) => ({ pillarId, score: scores[i] ?? null }))),
      ),
  })
  .map(({ overall, pillars }) => ({
    overall,
    overallTarget: null,
    completeness: { answered: 0, applicable: 0, ratio: 1 },
    pillars: pillars.map(({ pillarId, score }) => ({
      pillarId,
      score,
      meanLevel: null,
      stage: null,
      targetScore: null,
      answered: 0,
      applicable: 0,
      completeness: 1,
      status: 'complete' as const,
    })),
  }));

describe('benchmark properties', () => {
  it('never reveals statistics for fewer contributors than the effective threshold', () => {
    fc.assert(
      fc.property(
        fc.array(arbScores, { maxLength: 12 }),
        fc.integer({ min: -3, max: 12 }),
        (list, minGroupSize) => {
          const samples = list.map((scores, i) => ({ organisationId: `org-${i}`, scores }));
          const result = benchmark(samples, { minGroupSize });
          const threshold = Math.max(MIN_BENCHMARK_GROUP, minGroupSize);
          expect(ZBenchmark.safeParse(result).success).toBe(true);

          const figures = [
            { stat: result.overall, values: list.map((s) => s.overall) },
            ...result.pillars.map((stat) => ({
              stat,
              values: list.map(
                (s) => s.pillars.find((p) => p.pillarId === stat.pillarId)?.score ?? null,
              ),
            })),
          ];
          for (const { stat, values } of figures) {
            const present = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
            expect(stat.contributors).toBe(present.length);
            if (stat.status === 'ok') {
              expect(stat.contributors).toBeGreaterThanOrEqual(threshold);
              expect(present[0]).toBeLessThanOrEqual(stat.q1);
              expect(stat.q1).toBeLessThanOrEqual(stat.median);
              expect(stat.median).toBeLessThanOrEqual(stat.q3);
              expect(stat.q3).toBeLessThanOrEqual(present[present.length - 1] as number);
            } else {
              expect(stat.contributors).toBeLessThan(threshold);
              expect(Object.keys(stat).sort()).toEqual(
                'pillarId' in stat
                  ? ['contributors', 'pillarId', 'status']
                  : ['contributors', 'status'],
              );
            }
          }
          const seen = new Set(list.flatMap((s) => s.pillars.map((p) => p.pillarId)));
          expect(new Set(result.pillars.map((p) => p.pillarId))).toEqual(seen);
        },
      ),
    );
  });

  it('quantile hits the values at whole ranks and stays between its neighbours', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 20 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (values, p) => {
          const sorted = [...values].sort((a, b) => a - b);
          const n = sorted.length;
          sorted.forEach((value, i) => {
            if (n > 1) expect(quantile(sorted, i / (n - 1))).toBeCloseTo(value, 6);
          });
          const h = (n - 1) * p;
          const q = quantile(sorted, p);
          expect(q).toBeGreaterThanOrEqual(sorted[Math.floor(h)] as number);
          expect(q).toBeLessThanOrEqual(sorted[Math.ceil(h)] as number);
        },
      ),
    );
  });
});
