import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ZCollaborationMatch,
  ZDashboardHeatmap,
  ZDashboardPriorities,
  ZDashboardRadar,
  ZIndicatorAggregate,
  ZStageDistribution,
} from '../api/dashboard.js';
import type { TFramework } from '../schemas/framework.js';
import { quantile } from './benchmark.js';
import {
  aggregateIndicators,
  canShowNetworkFigure,
  collaborationMatches,
  collaborationText,
  collectivePriorities,
  type DashboardSubmission,
  networkFigureHold,
  networkHeatmap,
  networkRadar,
  stageDistribution,
  stageOfScore,
} from './network-dashboard.js';
import { scoreAssessment } from './score-assessment.js';
import { makeFramework } from './test-frameworks.js';

// Four levels: Starting, Developing, Established, Leading.
const framework: TFramework = {
  ...makeFramework({
    pillars: [
      { id: 'people', criteria: ['pay', 'hiring'] },
      { id: 'buying', criteria: ['local-spend'] },
    ],
  }),
  indicators: [
    {
      id: 'living-wage-share',
      label: '% paid the Living Wage',
      unit: 'percent',
      pillarId: 'people',
    },
    { id: 'local-spend-share', label: '% local spend', unit: 'percent', pillarId: 'buying' },
  ],
};

type Levels = Record<string, number | [level: number, target: number] | 'na'>;

let counter = 0;
function member(
  name: string,
  sharing: 'named' | 'anonymous',
  levels: Levels,
  indicators: Record<string, number> = {},
): DashboardSubmission {
  counter += 1;
  const answers = Object.entries(levels).map(([criterionId, value]) => {
    const [level, target] =
      value === 'na' ? [null, null] : Array.isArray(value) ? value : [value, null];
    return {
      criterionId,
      level,
      targetLevel: target,
      notApplicable: value === 'na',
      indicators: {} as Record<string, number>,
    };
  });
  const pay = answers.find((a) => a.criterionId === 'pay');
  if (pay) pay.indicators = indicators;
  return {
    organisationId: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    name,
    sharing,
    type: 'business',
    sizeBand: 'large',
    assessmentId: `10000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    scores: scoreAssessment(framework, answers),
    answers,
  };
}

/** `n` members at the same levels everywhere. */
function many(n: number, sharing: 'named' | 'anonymous', level: number, prefix: string = sharing) {
  return Array.from({ length: n }, (_, i) =>
    member(`${prefix} ${i + 1}`, sharing, { pay: level, hiring: level, 'local-spend': level }),
  );
}

describe('canShowNetworkFigure', () => {
  it('needs the threshold, and no anonymous contributors or at least the threshold of them', () => {
    expect(canShowNetworkFigure({ contributors: 4, anonymous: 0 }, 5)).toBe(false);
    expect(canShowNetworkFigure({ contributors: 5, anonymous: 0 }, 5)).toBe(true);
    expect(canShowNetworkFigure({ contributors: 5, anonymous: 5 }, 5)).toBe(true);
    expect(canShowNetworkFigure({ contributors: 9, anonymous: 1 }, 5)).toBe(false);
    expect(canShowNetworkFigure({ contributors: 9, anonymous: 4 }, 5)).toBe(false);
    expect(canShowNetworkFigure({ contributors: 10, anonymous: 5 }, 5)).toBe(true);
    expect(() => canShowNetworkFigure({ contributors: 1, anonymous: 2 }, 3)).toThrow(RangeError);
  });

  it('says why a figure is held back: too few members, or too few anonymous ones among them', () => {
    expect(networkFigureHold({ contributors: 4, anonymous: 2 }, 5)).toBe('too_few');
    expect(networkFigureHold({ contributors: 4, anonymous: 0 }, 5)).toBe('too_few');
    expect(networkFigureHold({ contributors: 6, anonymous: 2 }, 5)).toBe('few_anonymous');
    expect(networkFigureHold({ contributors: 9, anonymous: 4 }, 5)).toBe('few_anonymous');
    expect(networkFigureHold({ contributors: 6, anonymous: 0 }, 5)).toBeNull();
    expect(networkFigureHold({ contributors: 5, anonymous: 5 }, 5)).toBeNull();
  });

  it('never shows a figure whose anonymous part is 1 … threshold − 1 (property)', () => {
    fc.assert(
      fc.property(fc.nat(50), fc.nat(50), fc.integer({ min: 3, max: 20 }), (named, anon, t) => {
        const shown = canShowNetworkFigure({ contributors: named + anon, anonymous: anon }, t);
        if (anon > 0 && anon < t) expect(shown).toBe(false);
        if (named + anon < t) expect(shown).toBe(false);
      }),
    );
  });
});

describe('stageOfScore', () => {
  it('is the level a score reaches, floored', () => {
    expect(stageOfScore(null, framework.levels)).toBeNull();
    expect(stageOfScore(0, framework.levels)).toEqual({ level: 1, name: 'Starting' });
    expect(stageOfScore(100 / 3, framework.levels)).toEqual({ level: 2, name: 'Developing' });
    expect(stageOfScore(66, framework.levels)).toEqual({ level: 2, name: 'Developing' });
    expect(stageOfScore(100, framework.levels)).toEqual({ level: 4, name: 'Leading' });
  });
});

describe('networkHeatmap', () => {
  it('lists exactly the named members, by name, with a cell per scored pillar', () => {
    const subs = [
      member('Zed Ltd', 'named', { pay: 4, hiring: 4, 'local-spend': 1 }),
      member('Secret Co', 'anonymous', { pay: 1, hiring: 1, 'local-spend': 1 }),
      member('Acme', 'named', { pay: 2, hiring: 'na', 'local-spend': 'na' }),
    ];
    const heatmap = networkHeatmap(framework, subs);
    expect(ZDashboardHeatmap.parse(heatmap)).toEqual(heatmap);
    expect(heatmap.pillarIds).toEqual(['people', 'buying']);
    expect(heatmap.rows.map((r) => r.name)).toEqual(['Acme', 'Zed Ltd']);
    const [acme, zed] = heatmap.rows;
    expect(acme?.pillars).toEqual([
      { pillarId: 'people', score: 100 / 3, stage: { level: 2, name: 'Developing' } },
      { pillarId: 'buying', score: null, stage: null },
    ]);
    expect(acme?.assessmentId).toBe(subs[2]?.assessmentId);
    expect(zed?.overall.score).toBe(50);
    expect(zed?.overall.stage).toEqual({ level: 2, name: 'Developing' });
    expect(JSON.stringify(heatmap)).not.toContain('Secret Co');
  });

  it('refuses an organisation twice', () => {
    const a = member('A', 'named', { pay: 1 });
    expect(() => networkHeatmap(framework, [a, a])).toThrow(/twice/);
  });
});

describe('networkRadar', () => {
  it('suppresses at threshold − 1 and shows at threshold and threshold + 1', () => {
    const at = (n: number) => networkRadar(framework, many(n, 'named', 2), { minGroupSize: 5 });
    expect(at(4).overall).toEqual({
      status: 'suppressed',
      contributors: 4,
      anonymous: 0,
      reason: 'too_few',
    });
    expect(at(4).pillars.every((p) => p.status === 'suppressed')).toBe(true);
    expect(at(5).overall).toMatchObject({ status: 'ok', contributors: 5, median: 100 / 3 });
    expect(at(6).pillars[0]).toMatchObject({ pillarId: 'people', status: 'ok', contributors: 6 });
    expect(ZDashboardRadar.parse(at(6))).toEqual(at(6));
  });

  it('shows the named members only while 1 … threshold − 1 contributors are anonymous', () => {
    const named = many(5, 'named', 1);
    const radar = (anon: number) =>
      networkRadar(framework, [...named, ...many(anon, 'anonymous', 4)], { minGroupSize: 3 });
    expect(radar(0).overall).toMatchObject({
      status: 'ok',
      basis: 'all',
      contributors: 5,
      anonymousLeftOut: 0,
      median: 0,
    });
    // Threshold − 1 and fewer: the anonymous members' 100s never enter the figure.
    const namedOnly = { status: 'ok', basis: 'named', contributors: 5, median: 0, q1: 0, q3: 0 };
    expect(radar(1).overall).toEqual({ ...namedOnly, anonymousLeftOut: 1 });
    expect(radar(2).overall).toEqual({ ...namedOnly, anonymousLeftOut: 2 });
    expect(radar(2).pillars.every((p) => p.status === 'ok' && p.basis === 'named')).toBe(true);
    expect(ZDashboardRadar.parse(radar(2))).toEqual(radar(2));
    // Threshold and threshold + 1: everyone counts.
    for (const anon of [3, 4]) {
      const shown = radar(anon);
      expect(shown).toMatchObject({ contributors: 5 + anon, anonymousContributors: anon });
      expect(shown.overall).toMatchObject({
        status: 'ok',
        basis: 'all',
        contributors: 5 + anon,
        anonymousLeftOut: 0,
        q3: 100,
      });
    }
    // Anonymous members only, at least the threshold of them: everyone counts.
    const onlyAnon = networkRadar(framework, many(3, 'anonymous', 2), { minGroupSize: 3 });
    expect(onlyAnon.overall).toMatchObject({ status: 'ok', basis: 'all', contributors: 3 });
  });

  it('holds a figure back when fewer than two named members would be left, or too few in all', () => {
    const oneNamed = [...many(1, 'named', 1), ...many(2, 'anonymous', 4)];
    expect(networkRadar(framework, oneNamed, { minGroupSize: 3 }).overall).toEqual({
      status: 'suppressed',
      contributors: 3,
      anonymous: 2,
      reason: 'few_anonymous',
    });
    // Under the threshold nothing shows, not even over the named members.
    const few = [...many(3, 'named', 1), ...many(1, 'anonymous', 4)];
    expect(networkRadar(framework, few, { minGroupSize: 5 }).overall).toEqual({
      status: 'suppressed',
      contributors: 4,
      anonymous: 1,
      reason: 'too_few',
    });
  });

  it('never computes a shown figure with anonymous members that are 1 … threshold − 1 (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 9 }),
        fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 9 }),
        fc.integer({ min: 3, max: 7 }),
        (namedLevels, anonLevels, minGroupSize) => {
          const subs = [
            ...namedLevels.map((l, i) => member(`N${i}`, 'named', { pay: l })),
            ...anonLevels.map((l, i) => member(`A${i}`, 'anonymous', { pay: l })),
          ];
          const { overall } = networkRadar(framework, subs, { minGroupSize });
          const anon = anonLevels.length;
          const all = namedLevels.length + anon;
          if (anon > 0 && anon < minGroupSize) {
            expect(overall.status === 'ok' && overall.basis === 'all').toBe(false);
          }
          if (overall.status === 'ok' && overall.basis === 'named') {
            const known = subs
              .filter((x) => x.sharing === 'named')
              .map((x) => x.scores.overall as number)
              .sort((a, b) => a - b);
            expect([overall.q1, overall.median, overall.q3]).toEqual(
              [0.25, 0.5, 0.75].map((q) => quantile(known, q)),
            );
            expect(overall.contributors).toBe(namedLevels.length);
            expect(overall.anonymousLeftOut).toBe(anon);
          }
          expect(overall.status === 'ok' && overall.basis === 'all').toBe(
            canShowNetworkFigure({ contributors: all, anonymous: anon }, minGroupSize),
          );
        },
      ),
    );
  });
});

describe('stageDistribution', () => {
  it('counts members per stage per pillar, whole pillars only from the threshold', () => {
    const subs = [
      ...many(2, 'named', 1),
      member('Mid', 'named', { pay: 3, hiring: 3, 'local-spend': 'na' }),
    ];
    const dist = stageDistribution(framework, subs, { minGroupSize: 3 });
    for (const d of dist) expect(ZStageDistribution.parse(d)).toEqual(d);
    expect(dist).toEqual([
      {
        status: 'ok',
        pillarId: 'people',
        basis: 'all',
        contributors: 3,
        anonymousLeftOut: 0,
        stages: [
          { level: 1, name: 'Starting', count: 2 },
          { level: 2, name: 'Developing', count: 0 },
          { level: 3, name: 'Established', count: 1 },
          { level: 4, name: 'Leading', count: 0 },
        ],
      },
      // Only two members answered the buying pillar.
      {
        status: 'suppressed',
        pillarId: 'buying',
        contributors: 2,
        anonymous: 0,
        reason: 'too_few',
      },
    ]);
    const withAnon = stageDistribution(framework, [...subs, ...many(1, 'anonymous', 4)], {
      minGroupSize: 3,
    });
    for (const d of withAnon) expect(ZStageDistribution.parse(d)).toEqual(d);
    // One anonymous member at Leading: the named members' stages only, never its own.
    const counts = (d: (typeof withAnon)[number] | undefined) =>
      d?.status === 'ok' ? d.stages.map((x) => x.count) : null;
    expect(withAnon[0]).toMatchObject({
      status: 'ok',
      basis: 'named',
      contributors: 3,
      anonymousLeftOut: 1,
    });
    expect(counts(withAnon[0])).toEqual([2, 0, 1, 0]);
    // buying: two named and the anonymous one, enough in all; two named are enough on their own.
    expect(withAnon[1]).toMatchObject({ basis: 'named', contributors: 2, anonymousLeftOut: 1 });
    expect(counts(withAnon[1])).toEqual([2, 0, 0, 0]);
  });
});

describe('collectivePriorities', () => {
  it('ranks the lowest medians and the largest gaps from shown figures only', () => {
    const subs = [
      member('A', 'named', { pay: [1, 4], hiring: 3, 'local-spend': 2 }),
      member('B', 'named', { pay: [1, 3], hiring: 3, 'local-spend': 2 }),
      member('C', 'named', { pay: [2, 4], hiring: [4, 2], 'local-spend': 'na' }),
    ];
    const p = collectivePriorities(framework, subs, { minGroupSize: 3 });
    expect(ZDashboardPriorities.parse(p)).toEqual(p);
    expect(p.lowestCriteria.map((c) => [c.criterionId, c.medianLevel, c.medianGap])).toEqual([
      ['pay', 1, 2],
      ['hiring', 3, 0],
    ]);
    // A target below today is no gap; only positive gaps are listed.
    expect(p.largestGaps.map((c) => c.criterionId)).toEqual(['pay']);
    // local-spend: 2 contributors, under the threshold.
    expect(p.heldBackCriteria).toEqual({ tooFew: 1, fewAnonymous: 0 });
    expect(p.lowestPillars.map((x) => x.pillarId)).toEqual(['people']);
    const under = collectivePriorities(framework, subs.slice(0, 2), { minGroupSize: 3 });
    expect(under).toEqual({
      lowestPillars: [],
      lowestCriteria: [],
      largestGaps: [],
      heldBackCriteria: { tooFew: 3, fewAnonymous: 0 },
      namedOnlyCriteria: 0,
    });
  });

  it('ranks over the named members only while 1 … threshold − 1 contributors are anonymous', () => {
    const subs = [
      member('A', 'named', { pay: [1, 4], hiring: 3, 'local-spend': 2 }),
      member('B', 'named', { pay: [1, 3], hiring: 3, 'local-spend': 2 }),
      member('C', 'named', { pay: [2, 4], hiring: [4, 2], 'local-spend': 'na' }),
    ];
    const anon = collectivePriorities(framework, [...subs, ...many(1, 'anonymous', 4)], {
      minGroupSize: 3,
    });
    expect(ZDashboardPriorities.parse(anon)).toEqual(anon);
    // pay and hiring: 3 named + 1 anonymous; local-spend: 2 named + 1 anonymous.
    expect(anon.heldBackCriteria).toEqual({ tooFew: 0, fewAnonymous: 0 });
    expect(anon.namedOnlyCriteria).toBe(3);
    expect(
      anon.lowestCriteria.map((c) => [c.criterionId, c.medianLevel, c.basis, c.contributors]),
    ).toEqual([
      ['pay', 1, 'named', 3],
      ['local-spend', 2, 'named', 2],
      ['hiring', 3, 'named', 3],
    ]);
    expect(anon.lowestCriteria.every((c) => c.anonymousLeftOut === 1)).toBe(true);
    expect(anon.lowestPillars.every((p) => p.basis === 'named')).toBe(true);
    // One named member beside two anonymous ones: nothing to show.
    const lone = collectivePriorities(
      framework,
      [subs[0] as DashboardSubmission, ...many(2, 'anonymous', 4, 'Other anonymous')],
      { minGroupSize: 3 },
    );
    expect(lone.heldBackCriteria).toEqual({ tooFew: 0, fewAnonymous: 3 });
    expect(lone.lowestCriteria).toEqual([]);
    expect(lone.lowestPillars).toEqual([]);
  });

  it('keeps the limits', () => {
    const p = collectivePriorities(framework, many(5, 'named', 2), {
      minGroupSize: 3,
      criteria: 1,
      pillars: 1,
    });
    expect(p.lowestCriteria).toHaveLength(1);
    expect(p.lowestPillars).toHaveLength(1);
  });
});

describe('collaborationMatches', () => {
  it('pairs named leaders with named members at the first two levels who aim higher', () => {
    const subs = [
      member('Leader', 'named', { pay: 4, hiring: 4, 'local-spend': 4 }),
      member('Hidden leader', 'anonymous', { pay: 4, hiring: 4, 'local-spend': 4 }),
      member('Starter', 'named', { pay: [1, 3], hiring: 1, 'local-spend': [2, 4] }),
      member('Hidden starter', 'anonymous', { pay: [1, 3], hiring: [1, 2], 'local-spend': [1, 2] }),
      member('Middle', 'named', { pay: [3, 4], hiring: [2, 2], 'local-spend': 'na' }),
    ];
    const matches = collaborationMatches(framework, subs);
    for (const m of matches) expect(ZCollaborationMatch.parse(m)).toEqual(m);
    expect(matches.map((m) => m.criterionId)).toEqual(['pay', 'local-spend']);
    expect(matches[0]).toEqual({
      criterionId: 'pay',
      pillarId: 'people',
      leaders: [
        {
          organisationId: subs[0]?.organisationId,
          name: 'Leader',
          level: 4,
          targetLevel: null,
        },
      ],
      learners: [
        {
          organisationId: subs[2]?.organisationId,
          name: 'Starter',
          level: 1,
          targetLevel: 3,
        },
      ],
    });
    expect(JSON.stringify(matches)).not.toMatch(/Hidden/);
    expect(collaborationText(framework, matches[1] as never)).toBe(
      'Criterion local-spend (Pillar buying): Leader (Leading) could help Starter (Developing, aiming for Leading).',
    );
  });
});

describe('aggregateIndicators', () => {
  it('gives the median of each reported indicator from the threshold, else only n', () => {
    const subs = [
      member('A', 'named', { pay: 1 }, { 'living-wage-share': 80, 'local-spend-share': 10 }),
      member('B', 'named', { pay: 1 }, { 'living-wage-share': 90 }),
      member('C', 'named', { pay: 1 }, { 'living-wage-share': 100, unknown: 5 }),
    ];
    const result = aggregateIndicators(framework, subs, { minGroupSize: 3 });
    for (const r of result) expect(ZIndicatorAggregate.parse(r)).toEqual(r);
    expect(result).toEqual([
      {
        indicatorId: 'living-wage-share',
        pillarId: 'people',
        unit: 'percent',
        status: 'ok',
        basis: 'all',
        contributors: 3,
        anonymousLeftOut: 0,
        median: 90,
      },
      {
        indicatorId: 'local-spend-share',
        pillarId: 'buying',
        unit: 'percent',
        status: 'suppressed',
        contributors: 1,
        anonymous: 0,
        reason: 'too_few',
      },
    ]);
    const withAnon = aggregateIndicators(
      framework,
      [...subs, member('D', 'anonymous', { pay: 1 }, { 'living-wage-share': 0 })],
      { minGroupSize: 3 },
    );
    // The anonymous member's 0 is left out: the named members' median.
    expect(withAnon[0]).toEqual({
      indicatorId: 'living-wage-share',
      pillarId: 'people',
      unit: 'percent',
      status: 'ok',
      basis: 'named',
      contributors: 3,
      anonymousLeftOut: 1,
      median: 90,
    });
    for (const r of withAnon) expect(ZIndicatorAggregate.parse(r)).toEqual(r);
  });
});
