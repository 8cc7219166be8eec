import { describe, expect, it } from 'vitest';
import type { TVersionMapping } from '../schemas/framework.js';
import { mapAnswersToVersion } from './map-answers-to-version.js';
import type { TAnswerInput } from './schemas.js';

function mapping(criteria: Record<string, string[]>): TVersionMapping {
  return { fromVersion: 1, criteria };
}

describe('mapAnswersToVersion', () => {
  it('renames, splits, drops and keeps unchanged criteria', () => {
    const answers: TAnswerInput[] = [
      { criterionId: 'living-wage', level: 3, targetLevel: 4 },
      { criterionId: 'local-spend', level: 2 },
      { criterionId: 'paper-recycling', level: 4 },
      { criterionId: 'fleet', level: 1 },
    ];
    const mapped = mapAnswersToVersion(
      answers,
      mapping({
        'living-wage': ['real-living-wage'],
        'local-spend': ['local-spend-goods', 'local-spend-services'],
        'paper-recycling': [],
      }),
    );
    expect(mapped).toEqual([
      { criterionId: 'real-living-wage', level: 3, targetLevel: 4 },
      { criterionId: 'local-spend-goods', level: 2 },
      { criterionId: 'local-spend-services', level: 2 },
      { criterionId: 'fleet', level: 1 },
    ]);
  });

  it('keeps the lower level when answers merge', () => {
    const mapped = mapAnswersToVersion(
      [
        { criterionId: 'heat', level: 4 },
        { criterionId: 'power', level: 2 },
      ],
      mapping({ heat: ['energy'], power: ['energy'] }),
    );
    expect(mapped).toEqual([{ criterionId: 'energy', level: 2 }]);
  });

  it('merges into a criterion that is kept unchanged', () => {
    const mapped = mapAnswersToVersion(
      [
        { criterionId: 'energy', level: 3 },
        { criterionId: 'power', level: 4 },
      ],
      mapping({ power: ['energy'] }),
    );
    expect(mapped).toEqual([{ criterionId: 'energy', level: 3 }]);
  });

  it('sets not-applicable parts aside, and is not applicable only if every part was', () => {
    expect(
      mapAnswersToVersion(
        [
          { criterionId: 'heat', level: 1, notApplicable: true },
          { criterionId: 'power', level: 3 },
        ],
        mapping({ heat: ['energy'], power: ['energy'] }),
      ),
    ).toEqual([{ criterionId: 'energy', level: 3 }]);
    expect(
      mapAnswersToVersion(
        [
          { criterionId: 'heat', level: null, notApplicable: true },
          { criterionId: 'power', level: 2, notApplicable: true },
        ],
        mapping({ heat: ['energy'], power: ['energy'] }),
      ),
    ).toEqual([{ criterionId: 'energy', level: null, notApplicable: true }]);
  });

  it('makes a merge with a "don\'t know" part a "don\'t know"', () => {
    const mapped = mapAnswersToVersion(
      [
        { criterionId: 'heat', level: 4 },
        { criterionId: 'power', level: null },
      ],
      mapping({ heat: ['energy'], power: ['energy'] }),
    );
    expect(mapped).toEqual([{ criterionId: 'energy', level: null }]);
  });

  it('merges targets as the lowest effective target, only when a part set one', () => {
    expect(
      mapAnswersToVersion(
        [
          { criterionId: 'heat', level: 2, targetLevel: 4 },
          { criterionId: 'power', level: 3 },
          { criterionId: 'water', level: null },
        ],
        mapping({ heat: ['energy'], power: ['energy'], water: ['energy'] }),
      ),
    ).toEqual([{ criterionId: 'energy', level: null, targetLevel: 3 }]);
  });

  it('keeps the other properties of an answer that is carried over whole', () => {
    const answers = [{ criterionId: 'living-wage', level: 2, notes: 'Accredited in May' }];
    const mapped = mapAnswersToVersion(answers, mapping({ 'living-wage': ['real-living-wage'] }));
    expect(mapped).toEqual([
      { criterionId: 'real-living-wage', level: 2, notes: 'Accredited in May' },
    ]);
    expect(answers[0]?.criterionId).toBe('living-wage');
  });

  it('is not fooled by ids that objects inherit', () => {
    const mapped = mapAnswersToVersion(
      [
        { criterionId: 'constructor', level: 2 },
        { criterionId: 'to-string', level: 3 },
      ],
      mapping({}),
    );
    expect(mapped).toEqual([
      { criterionId: 'constructor', level: 2 },
      { criterionId: 'to-string', level: 3 },
    ]);
  });

  it('throws on two answers for one old criterion', () => {
    expect(() =>
      mapAnswersToVersion(
        [
          { criterionId: 'heat', level: 2 },
          { criterionId: 'heat', level: 3 },
        ],
        mapping({}),
      ),
    ).toThrow(/two answers name criterion "heat"/);
  });
});
