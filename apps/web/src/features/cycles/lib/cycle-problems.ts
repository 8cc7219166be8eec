import { ApiError, isApiError } from '../../../lib/api-client';

/**
 * Plain English for the cycle routes' problem codes, which the shared `problem-messages` does not
 * know yet (see `explainProblem`).
 */
export const CYCLE_PROBLEM_DETAILS: Record<string, string> = {
  cycle_name_taken: 'This network already has a cycle with this name. Choose another name.',
  cycle_dates_out_of_order: 'The closing date must be on or after the opening date.',
  cycle_has_assessments:
    'The framework version cannot change: members have already started their assessments for this cycle.',
  cycle_not_open: 'This cycle is not open, so assessments cannot be started for it.',
  unknown_framework_version:
    'This framework version is not available. Reload the page and choose another.',
};

/** `error` with a plain-English detail when its code is one of `details`; otherwise as it was. */
export function explainProblem(
  error: unknown,
  details: Record<string, string> = CYCLE_PROBLEM_DETAILS,
): unknown {
  if (!isApiError(error)) return error;
  const detail = details[error.code];
  if (!detail) return error;
  return new ApiError({ ...error.problem, detail }, { cause: error });
}
