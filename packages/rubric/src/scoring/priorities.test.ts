import { describe, expect, it } from 'vitest';
import type { TCriterionResult } from '../api/assessments.js';
import { rankPriorities } from './priorities.js';
import { makeFramework } from './test-frameworks.js';

const framework = makeFramework({
  pillars: [
    { id: 'employment', criteria: ['wage', 'hiring', { id: 'skills', weight: 2 }] },
    { id: 'procurement', weight: 3, criteria: ['spend', 'tenders'] },
  ],
});

function result(
  criterionId: string,
  pillarId: string,
  level: number | null,
  targetLevel: number | null,
  notApplicable = false,
): TCriterionResult {
  return {
    criterionId,
    pillarId,
    title: `Title of ${criterionId}`,
    level,
    levelName: level === null ? null : `Level ${level}`,
    notApplicable,
    targetLevel,
    gap: level === null || targetLevel === null ? null : targetLevel - level,
    next: null,
  };
}

describe('rankPriorities', () => {
  it('ranks by the gap to target weighted by pillar and criterion weight', () => {
    const ranked = rankPriorities(framework, [
      result('wage', 'employment', 1, 4), // gap 3 × 1 × 1 = 3
      result('hiring', 'employment', 2, 3), // 1
      result('skills', 'employment', 2, 4), // 2 × 1 × 2 = 4
      result('spend', 'procurement', 3, 4), // 1 × 3 = 3, but level 3 > level 1
      result('tenders', 'procurement', 2, 4), // 2 × 3 = 6
    ]);
    expect(ranked.map((p) => [p.rank, p.criterion.criterionId, p.weightedGap])).toEqual([
      [1, 'tenders', 6],
      [2, 'skills', 4],
      [3, 'wage', 3],
      [4, 'spend', 3],
      [5, 'hiring', 1],
    ]);
  });

  it('breaks a tie of equal gaps and levels by framework order', () => {
    const ranked = rankPriorities(framework, [
      result('wage', 'employment', 2, 3),
      result('hiring', 'employment', 2, 3),
    ]);
    expect(ranked.map((p) => p.criterion.criterionId)).toEqual(['wage', 'hiring']);
  });

  it('leaves out not applicable, unanswered, untargeted and reached criteria', () => {
    const ranked = rankPriorities(framework, [
      result('wage', 'employment', null, 3),
      result('hiring', 'employment', 3, null),
      result('skills', 'employment', 4, 4),
      result('spend', 'procurement', 3, 2),
      result('tenders', 'procurement', null, null, true),
    ]);
    expect(ranked).toEqual([]);
  });

  it('keeps at most `limit`, five by default', () => {
    const many = ['wage', 'hiring', 'skills', 'spend', 'tenders'].map((id, i) =>
      result(id, i < 3 ? 'employment' : 'procurement', 1, 2),
    );
    expect(rankPriorities(framework, [...many, result('x', 'employment', 1, 4)])).toHaveLength(5);
    expect(rankPriorities(framework, many, 2)).toHaveLength(2);
    expect(rankPriorities(framework, many, 0)).toEqual([]);
  });
});
