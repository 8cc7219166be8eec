import type { TAssessmentStatus, TPillarStatus } from '@waymark/rubric';

const PILLAR_STATUS_LABELS: Record<TPillarStatus, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  complete: 'Completed',
};

export function PillarStatusTag({ status }: { status: TPillarStatus }) {
  return (
    <span className={`tag status-tag status-tag--${status.replace('_', '-')}`}>
      {PILLAR_STATUS_LABELS[status]}
    </span>
  );
}

const ASSESSMENT_STATUS_LABELS: Record<TAssessmentStatus, string> = {
  draft: 'Draft',
  submitted: 'Submitted',
  reopened: 'Reopened',
};

export function AssessmentStatusTag({ status }: { status: TAssessmentStatus }) {
  return (
    <span className={`tag status-tag status-tag--${status}`}>
      {ASSESSMENT_STATUS_LABELS[status]}
    </span>
  );
}
