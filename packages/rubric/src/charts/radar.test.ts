import { describe, expect, it } from 'vitest';
import { DEFAULT_FRAMEWORK } from '../frameworks/index.js';
import type { TFrameworkInput } from '../schemas/framework.js';
import { parseFramework } from '../schemas/validate.js';
import { scoreAssessment } from '../scoring/index.js';
import { EXAMPLE_ORGANISATION, exampleAnswers, toRadarData } from './radar.js';

const levels = [1, 2, 3, 4].map((level) => ({
  level,
  descriptor: `Descriptor ${level}`,
  example: `Example ${level}`,
}));

function criterion(
  id: string,
  extra: Partial<TFrameworkInput['pillars'][number]['criteria'][number]> = {},
) {
  return { id, title: id, question: `${id}?`, guidance: `About ${id}.`, levels, ...extra };
}

const framework = parseFramework({
  id: 'test-framework',
  version: 1,
  title: 'Test framework',
  description: 'A small framework for chart tests.',
  levels: ['Getting started', 'Developing', 'Embedding', 'Leading'].map((name, i) => ({
    level: i + 1,
    name,
    meaning: `${name}.`,
  })),
  pillars: [
    {
      id: 'employment',
      title: 'Employment',
      summary: 'Jobs.',
      criteria: [
        criterion('living-wage'),
        criterion('secure-contracts'),
        criterion('apprenticeships'),
      ],
    },
    {
      id: 'estates',
      title: 'Estates and assets',
      summary: 'Buildings.',
      criteria: [
        criterion('community-use'),
        criterion('capital-projects', { appliesTo: { sizeBands: ['medium', 'large'] } }),
      ],
    },
    {
      id: 'service-delivery',
      title: 'Service delivery',
      summary: 'Public services.',
      optional: true,
      criteria: [criterion('commissioning')],
    },
  ],
} satisfies TFrameworkInput);

function pillarScore(pillarId: string, score: number | null, targetScore: number | null) {
  return {
    pillarId,
    score,
    targetScore,
    meanLevel: null,
    stage: null,
    answered: 0,
    applicable: 0,
    completeness: 0,
    status: 'not_started' as const,
  };
}

describe('toRadarData', () => {
  it('makes one row per scored pillar, in framework order, with a column per series', () => {
    const scores = {
      pillars: [pillarScore('estates', 12.345, 50), pillarScore('employment', 66.666, 100)],
    };
    const rows = toRadarData(framework, [
      { key: 'current', scores },
      { key: 'target', scores, metric: 'targetScore' },
    ]);
    expect(rows).toEqual([
      { axis: 'Employment', pillarId: 'employment', current: 66.7, target: 100 },
      { axis: 'Estates and assets', pillarId: 'estates', current: 12.3, target: 50 },
    ]);
  });

  it('keeps a gap as null rather than zero, and gives an axis to a pillar any series scored', () => {
    const thisYear = {
      pillars: [pillarScore('employment', 40, 60), pillarScore('estates', null, null)],
    };
    const lastYear = { pillars: [pillarScore('employment', 20, 40)] };
    const rows = toRadarData(framework, [
      { key: 'thisYear', scores: thisYear },
      { key: 'lastYear', scores: lastYear },
    ]);
    expect(rows).toEqual([
      { axis: 'Employment', pillarId: 'employment', thisYear: 40, lastYear: 20 },
      { axis: 'Estates and assets', pillarId: 'estates', thisYear: null, lastYear: null },
    ]);
  });

  it('leaves out pillars that no series scored', () => {
    const scores = { pillars: [pillarScore('estates', 25, 25)] };
    expect(toRadarData(framework, [{ key: 'current', scores }]).map((r) => r.pillarId)).toEqual([
      'estates',
    ]);
  });

  it('rejects duplicate and reserved series keys', () => {
    const scores = { pillars: [] };
    expect(() =>
      toRadarData(framework, [
        { key: 'a', scores },
        { key: 'a', scores },
      ]),
    ).toThrow(/share the key "a"/);
    expect(() => toRadarData(framework, [{ key: 'axis', scores }])).toThrow(/reserved/);
  });
});

describe('exampleAnswers', () => {
  it('is deterministic', () => {
    expect(exampleAnswers(framework)).toEqual(exampleAnswers(framework));
  });

  it('answers every applicable criterion of the non-optional pillars, within the scale', () => {
    const answers = exampleAnswers(framework);
    expect(answers.map((a) => a.criterionId)).toEqual([
      'living-wage',
      'secure-contracts',
      'apprenticeships',
      'community-use',
      'capital-projects',
    ]);
    for (const answer of answers) {
      expect(answer.level).toBeGreaterThanOrEqual(1);
      expect(answer.level).toBeLessThanOrEqual(4);
      expect(answer.targetLevel).toBe(Math.min((answer.level ?? 0) + 1, 4));
    }
  });

  it('gives an uneven profile that scores and shapes into a two-series radar', () => {
    const scores = scoreAssessment(framework, exampleAnswers(framework), {
      profile: EXAMPLE_ORGANISATION,
    });
    const rows = toRadarData(framework, [
      { key: 'current', scores },
      { key: 'target', scores, metric: 'targetScore' },
    ]);
    expect(rows.map((r) => r.pillarId)).toEqual(['employment', 'estates']);
    const [employment, estates] = rows;
    // Employment sits higher than estates, and every target is at or above today.
    expect(Number(employment?.current)).toBeGreaterThan(Number(estates?.current));
    for (const row of rows) {
      expect(Number(row.target)).toBeGreaterThanOrEqual(Number(row.current));
    }
  });
});

describe('the example profile on the default framework', () => {
  const scores = scoreAssessment(DEFAULT_FRAMEWORK, exampleAnswers(DEFAULT_FRAMEWORK), {
    profile: EXAMPLE_ORGANISATION,
  });
  const rows = toRadarData(DEFAULT_FRAMEWORK, [
    { key: 'current', scores },
    { key: 'target', scores, metric: 'targetScore' },
  ]);

  it('has one axis per core pillar and leaves the optional one out', () => {
    expect(rows.map((r) => r.pillarId)).toEqual(
      DEFAULT_FRAMEWORK.pillars.filter((p) => !p.optional).map((p) => p.id),
    );
  });

  it('is complete and uneven: every pillar scored, not all the same', () => {
    expect(scores.completeness.ratio).toBe(1);
    const current = rows.map((r) => r.current);
    for (const value of current) expect(value).toEqual(expect.any(Number));
    expect(new Set(current).size).toBeGreaterThan(2);
  });
});
