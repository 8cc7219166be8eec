export { type ApplicabilityOptions, applicableCriteria } from './applicable-criteria.js';
export {
  type BenchmarkSample,
  benchmark,
  benchmarkThreshold,
  canShowSubgroup,
  quantile,
  quartileOf,
  subgroupBenchmark,
} from './benchmark.js';
export { compareAssessments } from './compare-assessments.js';
export { criterionScore, roundScore } from './criterion-score.js';
export {
  type CriteriaCounts,
  criteriaCounts,
  formatScore,
  formatScoreChange,
} from './format.js';
export {
  checkIndicatorValues,
  type IndicatorBounds,
  type IndicatorIssue,
  indicatorBounds,
} from './indicators.js';
export { mapAnswersToVersion } from './map-answers-to-version.js';
export * from './network-dashboard.js';
export { type RankedPriority, rankPriorities, TOP_PRIORITIES } from './priorities.js';
export {
  type AssessmentProgress,
  assessmentProgress,
  isSettled,
  type PillarProgress,
  type ProgressOptions,
} from './progress.js';
export {
  type AssessmentResultsBody,
  buildAssessmentResults,
  nextStep,
  PRIORITY_CRITERIA,
  STRENGTH_CRITERIA,
  STRENGTH_PILLARS,
  suggestAction,
} from './results.js';
export * from './schemas.js';
export { type ScoreOptions, scoreAssessment } from './score-assessment.js';
