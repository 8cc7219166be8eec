import { describe, expect, it } from 'vitest';
import { applicableCriteria } from './applicable-criteria.js';
import { makeFramework } from './test-frameworks.js';

const framework = makeFramework({
  pillars: [
    {
      id: 'employment',
      criteria: [
        'living-wage',
        { id: 'capital-programme', appliesTo: { sizeBands: ['medium', 'large'] } },
      ],
    },
    { id: 'service-delivery', optional: true, criteria: ['social-prescribing'] },
    {
      id: 'public-duty',
      appliesTo: { organisationTypes: ['public_sector'] },
      criteria: ['social-value-act'],
    },
    { id: 'net-zero', criteria: [{ id: 'fleet', appliesTo: { sizeBands: ['large'] } }] },
  ],
});

function shape(pillars: ReturnType<typeof applicableCriteria>) {
  return pillars.map((p) => [p.id, p.criteria.map((c) => c.id)]);
}

describe('applicableCriteria', () => {
  it('keeps everything but optional pillars for a profile that states nothing', () => {
    expect(shape(applicableCriteria(framework, {}))).toEqual([
      ['employment', ['living-wage', 'capital-programme']],
      ['public-duty', ['social-value-act']],
      ['net-zero', ['fleet']],
    ]);
  });

  it('includes an optional pillar only when switched on', () => {
    const pillars = applicableCriteria(
      framework,
      {},
      { includeOptionalPillars: ['service-delivery'] },
    );
    expect(pillars.map((p) => p.id)).toEqual([
      'employment',
      'service-delivery',
      'public-duty',
      'net-zero',
    ]);
  });

  it('filters criteria and pillars by the profile, dropping pillars left empty', () => {
    const pillars = applicableCriteria(framework, {
      organisationType: 'business',
      sizeBand: 'micro',
    });
    expect(shape(pillars)).toEqual([['employment', ['living-wage']]]);
  });

  it('treats a field the profile does not state as matching', () => {
    const pillars = applicableCriteria(framework, { sizeBand: 'large' });
    expect(shape(pillars)).toEqual([
      ['employment', ['living-wage', 'capital-programme']],
      ['public-duty', ['social-value-act']],
      ['net-zero', ['fleet']],
    ]);
    expect(
      shape(applicableCriteria(framework, { organisationType: 'voluntary_community' })),
    ).toEqual([
      ['employment', ['living-wage', 'capital-programme']],
      ['net-zero', ['fleet']],
    ]);
  });

  it('ignores switches that name a pillar that is not optional or does not exist', () => {
    const pillars = applicableCriteria(
      framework,
      {},
      { includeOptionalPillars: ['employment', 'no-such-pillar'] },
    );
    expect(pillars.map((p) => p.id)).toEqual(['employment', 'public-duty', 'net-zero']);
  });

  it('leaves the framework untouched', () => {
    const before = structuredClone(framework);
    applicableCriteria(framework, { organisationType: 'business', sizeBand: 'micro' });
    expect(framework).toEqual(before);
  });
});
