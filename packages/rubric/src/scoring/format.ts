/**
 * Numbers as every page shows them (issue 8: one number format everywhere). Scores are whole
 * numbers from 0 to 100: the stored scores keep full precision, and a decimal on a 0–100 scale of
 * self-rated levels suggests a precision the answers do not have.
 */

/** A score as a whole number ("67"), or `empty` when there is none yet. */
export function formatScore(score: number | null, empty = 'Not scored'): string {
  if (score === null || !Number.isFinite(score)) return empty;
  // `+ 0` turns −0 into 0, so that a tiny negative change never shows as "-0".
  return String(Math.round(score) + 0);
}

/** A signed whole-number difference of scores: "+12", "−3", "0". */
export function formatScoreChange(change: number): string {
  const rounded = Math.round(change) + 0;
  if (rounded > 0) return `+${rounded}`;
  return rounded < 0 ? `−${-rounded}` : '0';
}

export interface CriteriaCounts {
  /** Applicable criteria with a level: not-applicable ones are left out of both counts. */
  answered: number;
  applicable: number;
  /** Criteria marked not applicable (with a reason), left out of the scores. */
  notApplicable: number;
  /** answered ÷ applicable as a whole percentage; 100 when nothing applies. */
  percent: number;
}

/**
 * The counts that every page states, so that the task list, the review and the results agree:
 * progress counts a not-applicable criterion as answered and applicable (it is settled), the
 * scores leave it out of both. This takes the progress counts and states them as the scores do.
 * Counts that contradict each other (more answered than applicable, more not applicable than
 * answered: a stale cache, say) are clamped, so that a page never shows "5 of 3" or a negative.
 */
export function criteriaCounts(
  progress: { answered: number; applicable: number },
  notApplicable: number,
): CriteriaCounts {
  const applicable = Math.max(0, progress.applicable);
  const answered = Math.min(Math.max(0, progress.answered), applicable);
  const left = Math.min(Math.max(0, notApplicable), answered);
  const scoredAnswered = answered - left;
  const scoredApplicable = applicable - left;
  return {
    answered: scoredAnswered,
    applicable: scoredApplicable,
    notApplicable: left,
    percent: scoredApplicable === 0 ? 100 : Math.round((scoredAnswered / scoredApplicable) * 100),
  };
}
