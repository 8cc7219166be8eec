import type {
  TAnswer,
  TAssessmentDetail,
  TCriterion,
  TFramework,
  TIndicator,
  TLevel,
  TPillar,
  TPillarTask,
} from '@waymark/rubric';

/**
 * The assessment's questions in order: the applicable pillars and criteria (as the API lists them
 * in the task list) joined with their wording from the framework definition.
 */

export interface OutlineCriterion {
  criterion: TCriterion;
  pillar: TPillar;
  /** Position in the whole assessment, from 0. */
  index: number;
  /** Position within its pillar, from 0, and the pillar's applicable count. */
  indexInPillar: number;
  pillarSize: number;
}

export interface OutlinePillar {
  pillar: TPillar;
  task: TPillarTask;
  criteria: OutlineCriterion[];
  /** The pillar's yearly indicators, entered once on its first criterion. */
  indicators: TIndicator[];
}

export interface AssessmentOutline {
  levels: TLevel[];
  pillars: OutlinePillar[];
  criteria: OutlineCriterion[];
  byId: Map<string, OutlineCriterion>;
}

export function buildOutline(
  framework: TFramework,
  detail: Pick<TAssessmentDetail, 'pillars'>,
): AssessmentOutline {
  const pillarsById = new Map(framework.pillars.map((p) => [p.id, p]));
  const pillars: OutlinePillar[] = [];
  const criteria: OutlineCriterion[] = [];
  for (const task of detail.pillars) {
    const pillar = pillarsById.get(task.pillarId);
    if (!pillar) continue;
    const byId = new Map(pillar.criteria.map((c) => [c.id, c]));
    const own = task.criterionIds
      .map((id) => byId.get(id))
      .filter((c): c is TCriterion => c !== undefined);
    const entries = own.map((criterion, indexInPillar) => ({
      criterion,
      pillar,
      index: criteria.length + indexInPillar,
      indexInPillar,
      pillarSize: own.length,
    }));
    criteria.push(...entries);
    pillars.push({
      pillar,
      task,
      criteria: entries,
      indicators: framework.indicators.filter((i) => i.pillarId === pillar.id),
    });
  }
  return {
    levels: framework.levels,
    pillars,
    criteria,
    byId: new Map(criteria.map((c) => [c.criterion.id, c])),
  };
}

/** The indicators entered on this criterion's page: its pillar's, on the pillar's first criterion. */
export function indicatorsFor(outline: AssessmentOutline, criterionId: string): TIndicator[] {
  const entry = outline.byId.get(criterionId);
  if (entry?.indexInPillar !== 0) return [];
  return outline.pillars.find((p) => p.pillar.id === entry.pillar.id)?.indicators ?? [];
}

export function levelName(levels: readonly TLevel[], level: number | null): string | null {
  if (level === null) return null;
  return levels.find((l) => l.level === level)?.name ?? `Level ${level}`;
}

export type AnswerState = 'answered' | 'not_applicable' | 'dont_know' | 'not_answered';

/** Where a criterion stands: a level, not applicable, "don't know yet", or nothing saved. */
export function answerState(answer: TAnswer | undefined): AnswerState {
  if (!answer) return 'not_answered';
  if (answer.notApplicable) return 'not_applicable';
  return answer.level === null ? 'dont_know' : 'answered';
}

/** Whether the answer counts towards submitting: a level, or not applicable with a reason. */
export function isComplete(answer: TAnswer | undefined): boolean {
  const state = answerState(answer);
  return state === 'answered' || state === 'not_applicable';
}

export function answersById(answers: readonly TAnswer[]): Map<string, TAnswer> {
  return new Map(answers.map((a) => [a.criterionId, a]));
}

/** The first criterion of a pillar still to answer, else its first criterion. */
export function firstOpenCriterion(
  pillar: OutlinePillar,
  answers: ReadonlyMap<string, TAnswer>,
): OutlineCriterion | undefined {
  return (
    pillar.criteria.find((c) => !isComplete(answers.get(c.criterion.id))) ?? pillar.criteria[0]
  );
}

/** How many of the assessment's criteria are marked not applicable (left out of the scores). */
export function notApplicableCount(
  criteria: readonly OutlineCriterion[],
  answers: ReadonlyMap<string, TAnswer>,
): number {
  return criteria.filter((c) => answerState(answers.get(c.criterion.id)) === 'not_applicable')
    .length;
}

export interface ResumePoint {
  criterion: OutlineCriterion;
  /** `start`: nothing is answered yet; `continue`: pick up from here. */
  kind: 'start' | 'continue';
}

/**
 * Where the task list's one main button goes: the first question still to answer in a pillar
 * assigned to the caller, else the first one still to answer anywhere; null when every question
 * is settled (the next step is checking the answers).
 */
export function resumePoint(
  outline: AssessmentOutline,
  answers: ReadonlyMap<string, TAnswer>,
): ResumePoint | null {
  const open = (c: OutlineCriterion) => !isComplete(answers.get(c.criterion.id));
  const mine = outline.pillars.filter((p) => p.task.assignedToYou).flatMap((p) => p.criteria);
  const criterion = mine.find(open) ?? outline.criteria.find(open);
  if (!criterion) return null;
  const started = outline.criteria.some((c) => answers.has(c.criterion.id));
  return { criterion, kind: started ? 'continue' : 'start' };
}
