import { describe, expect, it } from 'vitest';
import {
  anchorProgressionV1,
  anchorProgressionV1Definition,
  DEFAULT_FRAMEWORK,
  DEFAULT_FRAMEWORKS,
} from '../frameworks/index.js';
import type { TFramework, TFrameworkInput } from './framework.js';
import { parseFramework, validateFramework } from './validate.js';

// Pillar positions in the default definition, used to break one thing at a known path.
const EMPLOYMENT = 0;
const PROCUREMENT = 1;
const ESTATES = 2;
const NET_ZERO = 3;
const CORPORATE = 4;
const SERVICE_DELIVERY = 5;

/** A fresh, mutable copy of the default definition, to break one thing in. */
function fixture(): TFrameworkInput {
  return structuredClone(anchorProgressionV1Definition);
}

/** Like `items[index]`, but fails the test instead of returning undefined. */
function at<T>(items: readonly T[] | undefined, index: number): T {
  const item = items?.[index];
  if (item === undefined) throw new Error(`fixture has no item at index ${index}`);
  return item;
}

function criterionAt(def: TFrameworkInput, pillar: number, criterion: number) {
  return at(at(def.pillars, pillar).criteria, criterion);
}

/** Version 2 of the default framework, carrying every criterion over unchanged. */
function nextVersion(): TFrameworkInput {
  const def = fixture();
  def.version = 2;
  const ids = def.pillars.flatMap((p) => p.criteria.map((c) => c.id));
  def.mapping = { fromVersion: 1, criteria: Object.fromEntries(ids.map((id) => [id, [id]])) };
  return def;
}

/** The paths of every problem reported; fails if the input unexpectedly validates. */
function problemPaths(input: unknown, options: { previous?: TFramework } = {}): string[] {
  const result = validateFramework(input, options);
  if (result.ok) throw new Error('expected the definition to be rejected');
  return result.problems.map((p) => p.path);
}

function allCriterionIds(fw: TFramework): string[] {
  return fw.pillars.flatMap((p) => p.criteria.map((c) => c.id));
}

describe('the default framework (Anchor Progression Framework v1)', () => {
  it('validates, and is what DEFAULT_FRAMEWORK and DEFAULT_FRAMEWORKS ship', () => {
    const result = validateFramework(anchorProgressionV1Definition);
    expect(result.ok).toBe(true);
    expect(DEFAULT_FRAMEWORK).toBe(anchorProgressionV1);
    expect(DEFAULT_FRAMEWORKS).toEqual([anchorProgressionV1]);
    expect(anchorProgressionV1).toMatchObject({
      id: 'anchor-progression',
      version: 1,
      title: 'Anchor Progression Framework',
    });
  });

  it('uses the four Leeds-style levels, in order', () => {
    expect(anchorProgressionV1.levels.map((l) => [l.level, l.name])).toEqual([
      [1, 'Getting started'],
      [2, 'Developing'],
      [3, 'Embedding'],
      [4, 'Leading'],
    ]);
  });

  it('has the five core pillars plus an optional, public-sector-only service delivery pillar', () => {
    expect(anchorProgressionV1.pillars.map((p) => [p.id, p.optional])).toEqual([
      ['employment', false],
      ['procurement', false],
      ['estates-and-assets', false],
      ['net-zero', false],
      ['corporate-and-community', false],
      ['service-delivery', true],
    ]);
    const serviceDelivery = at(anchorProgressionV1.pillars, SERVICE_DELIVERY);
    expect(serviceDelivery.appliesTo).toEqual({ organisationTypes: ['public_sector'] });
    expect(serviceDelivery.criteria.length).toBeGreaterThanOrEqual(4);
    expect(serviceDelivery.criteria.length).toBeLessThanOrEqual(5);
  });

  it('gives every criterion an id that is unique across the framework', () => {
    const ids = allCriterionIds(anchorProgressionV1);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has at least five criteria in every non-optional pillar, and seven in employment', () => {
    for (const pillar of anchorProgressionV1.pillars.filter((p) => !p.optional)) {
      expect(pillar.criteria.length, pillar.id).toBeGreaterThanOrEqual(5);
    }
    expect(at(anchorProgressionV1.pillars, EMPLOYMENT).criteria.length).toBeGreaterThanOrEqual(7);
  });

  it('gives every criterion a question, guidance and one descriptor with an example per level', () => {
    for (const criterion of anchorProgressionV1.pillars.flatMap((p) => p.criteria)) {
      expect(criterion.question, criterion.id).toMatch(/\?$/);
      expect(criterion.guidance.length, criterion.id).toBeGreaterThan(100);
      expect(
        criterion.levels.map((l) => l.level),
        criterion.id,
      ).toEqual([1, 2, 3, 4]);
      for (const level of criterion.levels) {
        expect(level.descriptor.length, criterion.id).toBeGreaterThan(20);
        expect(level.example.length, criterion.id).toBeGreaterThan(20);
      }
    }
  });

  it('spares micro and small organisations the questions about capital programmes', () => {
    const capital = anchorProgressionV1.pillars
      .flatMap((p) => p.criteria)
      .find((c) => c.id === 'capital-projects-local-benefit');
    expect(capital?.appliesTo?.sizeBands).toEqual(['medium', 'large']);
  });

  it('defines the quantitative indicators, each attached to a pillar of the framework', () => {
    const pillarIds = new Set(anchorProgressionV1.pillars.map((p) => p.id));
    for (const indicator of anchorProgressionV1.indicators) {
      expect(pillarIds.has(indicator.pillarId), indicator.id).toBe(true);
    }
    const byUnit = (unit: string) =>
      anchorProgressionV1.indicators.filter((i) => i.unit === unit).map((i) => i.id);
    expect(byUnit('tco2e')).toEqual([
      'scope-1-emissions',
      'scope-2-emissions',
      'scope-3-emissions',
    ]);
    expect(byUnit('count')).toEqual(['apprentices']);
    expect(byUnit('hours')).toEqual(['community-use-hours']);
    expect(byUnit('percent')).toHaveLength(9);
  });

  it('fills in the default weights', () => {
    for (const pillar of anchorProgressionV1.pillars) {
      expect(pillar.weight).toBe(1);
      for (const criterion of pillar.criteria) expect(criterion.weight).toBe(1);
    }
  });
});

describe('validateFramework', () => {
  it('reports a duplicate pillar id at the second use', () => {
    const def = fixture();
    at(def.pillars, SERVICE_DELIVERY).id = 'net-zero';
    const result = validateFramework(def);
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          path: `pillars.${SERVICE_DELIVERY}.id`,
          message: `duplicate pillar id "net-zero" (first used at pillars.${NET_ZERO}.id)`,
        },
      ],
    });
  });

  it('reports a criterion id used again in another pillar', () => {
    const def = fixture();
    criterionAt(def, PROCUREMENT, 0).id = 'real-living-wage-staff';
    expect(problemPaths(def)).toEqual([`pillars.${PROCUREMENT}.criteria.0.id`]);
  });

  it('reports a criterion with fewer descriptors than levels', () => {
    const def = fixture();
    criterionAt(def, EMPLOYMENT, 2).levels.pop();
    const result = validateFramework(def);
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          path: `pillars.${EMPLOYMENT}.criteria.2.levels`,
          message: 'needs exactly one descriptor per level: expected 4, got 3',
        },
      ],
    });
  });

  it('reports descriptors that do not follow the scale in order', () => {
    const def = fixture();
    const levels = criterionAt(def, NET_ZERO, 1).levels;
    const [first, second] = [at(levels, 0), at(levels, 1)];
    levels.splice(0, 2, second, first);
    expect(problemPaths(def)).toEqual([
      `pillars.${NET_ZERO}.criteria.1.levels.0.level`,
      `pillars.${NET_ZERO}.criteria.1.levels.1.level`,
    ]);
  });

  it('reports a zero weight on a criterion', () => {
    const def = fixture();
    criterionAt(def, PROCUREMENT, 3).weight = 0;
    expect(problemPaths(def)).toEqual([`pillars.${PROCUREMENT}.criteria.3.weight`]);
  });

  it('reports a negative weight on a pillar', () => {
    const def = fixture();
    at(def.pillars, ESTATES).weight = -1;
    expect(problemPaths(def)).toEqual([`pillars.${ESTATES}.weight`]);
  });

  it('reports levels that are not numbered 1 to L in order', () => {
    const def = fixture();
    const [first, second] = [at(def.levels, 0), at(def.levels, 1)];
    def.levels.splice(0, 2, second, first);
    expect(problemPaths(def)).toEqual(['levels.0.level', 'levels.1.level']);
  });

  it('reports an indicator that names an unknown pillar', () => {
    const def = fixture();
    at(def.indicators, 0).pillarId = 'finance';
    expect(validateFramework(def)).toEqual({
      ok: false,
      problems: [{ path: 'indicators.0.pillarId', message: 'names unknown pillar "finance"' }],
    });
  });

  it('accepts a next version whose mapping names known criteria', () => {
    expect(validateFramework(nextVersion()).ok).toBe(true);
    expect(validateFramework(nextVersion(), { previous: anchorProgressionV1 }).ok).toBe(true);
  });

  it('reports a mapping to an unknown new criterion at mapping.criteria.<old>.<i>', () => {
    const def = nextVersion();
    if (!def.mapping) throw new Error('fixture has no mapping');
    def.mapping.criteria['secure-contracts'] = ['secure-contracts', 'guaranteed-hours'];
    expect(validateFramework(def)).toEqual({
      ok: false,
      problems: [
        {
          path: 'mapping.criteria.secure-contracts.1',
          message: 'maps "secure-contracts" to unknown criterion "guaranteed-hours"',
        },
      ],
    });
  });

  it('with the previous version, reports a mapping from an unknown old criterion', () => {
    const def = nextVersion();
    if (!def.mapping) throw new Error('fixture has no mapping');
    def.mapping.criteria['living-wage'] = ['real-living-wage-staff'];
    // Without the previous version there is nothing to check old ids against.
    expect(validateFramework(def).ok).toBe(true);
    expect(problemPaths(def, { previous: anchorProgressionV1 })).toEqual([
      'mapping.criteria.living-wage',
    ]);
  });

  it('with the previous version, reports a mapping from another framework or version', () => {
    const def = nextVersion();
    def.id = 'another-framework';
    def.version = 3;
    if (!def.mapping) throw new Error('fixture has no mapping');
    def.mapping.fromVersion = 2;
    expect(problemPaths(def, { previous: anchorProgressionV1 })).toEqual([
      'id',
      'mapping.fromVersion',
    ]);
  });

  it.each([1, 2])('reports a mapping from version %i into version 1', (fromVersion) => {
    const def = nextVersion();
    def.version = 1;
    if (!def.mapping) throw new Error('fixture has no mapping');
    def.mapping.fromVersion = fromVersion;
    expect(problemPaths(def)).toEqual(['mapping.fromVersion']);
  });

  it('reports several problems in one call, structural and cross-field alike', () => {
    const def = fixture();
    criterionAt(def, EMPLOYMENT, 0).weight = 0;
    criterionAt(def, NET_ZERO, 1).id = 'progression';
    criterionAt(def, CORPORATE, 0).levels.pop();
    at(def.indicators, 0).pillarId = 'finance';
    expect(problemPaths(def).sort()).toEqual(
      [
        `pillars.${EMPLOYMENT}.criteria.0.weight`,
        `pillars.${NET_ZERO}.criteria.1.id`,
        `pillars.${CORPORATE}.criteria.0.levels`,
        'indicators.0.pillarId',
      ].sort(),
    );
  });

  it.each([
    ['null', null],
    ['a string', 'anchor-progression'],
    ['a number', 42],
    ['undefined', undefined],
    ['an array', []],
  ])('reports problems for %s instead of throwing', (_name, input) => {
    const result = validateFramework(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toEqual([{ path: '', message: expect.any(String) }]);
  });

  it('reports missing fields of an empty object by path', () => {
    expect(problemPaths({})).toEqual(
      expect.arrayContaining(['id', 'version', 'title', 'levels', 'pillars']),
    );
  });
});

describe('parseFramework', () => {
  it('returns the parsed framework with defaults applied', () => {
    expect(parseFramework(anchorProgressionV1Definition)).toEqual(anchorProgressionV1);
  });

  it('throws with every problem listed by path', () => {
    const def = fixture();
    criterionAt(def, EMPLOYMENT, 0).weight = 0;
    at(def.indicators, 0).pillarId = 'finance';
    expect(() => parseFramework(def)).toThrow(
      /pillars\.0\.criteria\.0\.weight: .*\n {2}indicators\.0\.pillarId: names unknown pillar "finance"/,
    );
    expect(() => parseFramework(null)).toThrow(/\(root\): /);
  });
});
