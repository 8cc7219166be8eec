import {
  EXAMPLE_ORGANISATION,
  exampleAnswers,
  scoreAssessment,
  type TFramework,
  type TRadarDatum,
  toRadarData,
} from '@waymark/rubric';
import { useMemo } from 'react';

/** The example organisation's radar rows (`current` and `target` per pillar), scored by the rubric. */
export function useExampleProfile(framework: TFramework): TRadarDatum[] {
  return useMemo(() => {
    const scores = scoreAssessment(framework, exampleAnswers(framework), {
      profile: EXAMPLE_ORGANISATION,
    });
    return toRadarData(framework, [
      { key: 'current', scores },
      { key: 'target', scores, metric: 'targetScore' },
    ]);
  }, [framework]);
}
