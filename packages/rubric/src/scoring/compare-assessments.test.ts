import { describe, expect, it } from 'vitest';
import { compareAssessments } from './compare-assessments.js';
import type { TAssessmentScores } from './schemas.js';

function scores(overall: number | null, pillars: Record<string, number | null>): TAssessmentScores {
  return {
    overall,
    overallTarget: null,
    completeness: { answered: 0, applicable: 0, ratio: 1 },
    pillars: Object.entries(pillars).map(([pillarId, score]) => ({
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
  };
}

describe('compareAssessments', () => {
  it('gives after − before for overall and for each pillar', () => {
    const comparison = compareAssessments(
      scores(40, { employment: 50, procurement: 30 }),
      scores(45.5, { employment: 40, procurement: 51 }),
    );
    expect(comparison).toEqual({
      overall: { before: 40, after: 45.5, change: 5.5 },
      pillars: [
        { pillarId: 'employment', before: 50, after: 40, change: -10 },
        { pillarId: 'procurement', before: 30, after: 51, change: 21 },
      ],
    });
  });

  it('lists pillars from either side, with null where a side lacks a score', () => {
    const comparison = compareAssessments(
      scores(null, { employment: 50, estates: 20, 'net-zero': null }),
      scores(60, { 'net-zero': 60, employment: 70, 'service-delivery': 10 }),
    );
    expect(comparison.overall).toEqual({ before: null, after: 60, change: null });
    expect(comparison.pillars).toEqual([
      { pillarId: 'net-zero', before: null, after: 60, change: null },
      { pillarId: 'employment', before: 50, after: 70, change: 20 },
      { pillarId: 'service-delivery', before: null, after: 10, change: null },
      { pillarId: 'estates', before: 20, after: null, change: null },
    ]);
  });
});
