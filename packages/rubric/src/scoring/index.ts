export { type ApplicabilityOptions, applicableCriteria } from './applicable-criteria.js';
export { type BenchmarkSample, benchmark, quantile } from './benchmark.js';
export { compareAssessments } from './compare-assessments.js';
export { criterionScore, roundScore } from './criterion-score.js';
export { mapAnswersToVersion } from './map-answers-to-version.js';
export * from './schemas.js';
export { type ScoreOptions, scoreAssessment } from './score-assessment.js';
