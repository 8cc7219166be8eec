import type { TAssessmentDetail } from '@waymark/rubric';
import { Link } from 'react-router';
import { formatDate } from '../../../lib/format';
import { assessmentPaths } from '../lib/paths';

interface LockedBannerProps {
  detail: TAssessmentDetail;
  /** The review page holds the Reopen button itself. */
  onReviewPage?: boolean;
}

function reopenHint(detail: TAssessmentDetail, onReviewPage: boolean): React.ReactNode {
  if (detail.role !== 'admin') return 'Answers can no longer change unless an admin reopens it.';
  if (onReviewPage) return 'Answers can no longer change unless you reopen it (below).';
  return (
    <>
      Answers can no longer change unless you reopen it from{' '}
      <Link to={assessmentPaths(detail.assessment.id).review}>Check your answers</Link>.
    </>
  );
}

/** Says why the answers cannot be changed: submitted (locked) or a viewer's role. */
export function LockedBanner({ detail, onReviewPage = false }: LockedBannerProps) {
  const { assessment } = detail;
  if (detail.canEdit) return null;
  if (assessment.status === 'submitted') {
    return (
      <div className="assess-notice assess-notice--locked" role="note">
        <p className="assess-notice__title">Submitted and locked</p>
        <p>
          {`Submitted${assessment.submittedAt ? ` on ${formatDate(assessment.submittedAt)}` : ''}. `}
          {reopenHint(detail, onReviewPage)}
        </p>
      </div>
    );
  }
  return (
    <div className="assess-notice assess-notice--locked" role="note">
      <p className="assess-notice__title">Read only</p>
      <p>Your role in this organisation lets you read the answers but not change them.</p>
    </div>
  );
}
