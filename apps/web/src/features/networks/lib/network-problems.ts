import { ApiError, isApiError } from '../../../lib/api-client';

/**
 * Plain English for the network routes' problem codes, which the shared `problem-messages` does
 * not know yet: an `ApiError` with such a code is re-issued with this sentence as its detail, which
 * the error summary and alerts show for a 4xx whose code they do not know.
 */
export const NETWORK_PROBLEM_DETAILS: Record<string, string> = {
  unknown_local_authority:
    'A local authority district you chose is not in Waymark’s list. Reload the page and choose again.',
  unknown_optional_pillar: 'A pillar you chose is not available. Reload the page and choose again.',
  unknown_user: 'No Waymark account uses that email: ask them to register first.',
  already_coordinator: 'They already coordinate this network.',
  last_coordinator:
    'A network needs at least one coordinator. Add someone else as a coordinator first, then try again.',
};

/** `error` with a plain-English detail when its code is one of `details`; otherwise as it was. */
export function explainProblem(
  error: unknown,
  details: Record<string, string> = NETWORK_PROBLEM_DETAILS,
): unknown {
  if (!isApiError(error)) return error;
  const detail = details[error.code];
  if (!detail) return error;
  return new ApiError({ ...error.problem, detail }, { cause: error });
}
