import { criteriaCounts, type TAssessmentDetail } from '@waymark/rubric';
import { useState } from 'react';
import { Link } from 'react-router';
import { Button } from '../../../components/button';
import { FormAlert } from '../../../components/form/form-alert';
import { countLabel, formatDate } from '../../../lib/format';
import { downloadAssessmentCsv } from '../api/export-csv';
import { answersById, notApplicableCount } from '../lib/assessment-outline';
import { assessmentPaths } from '../lib/paths';
import { AssessmentGate } from './assessment-gate';

/**
 * `/assessments/:assessmentId/submitted`: the GOV.UK confirmation page after submitting — what
 * happened, what is now locked, who can reopen it, and where to go next.
 */
export function SubmittedPage({ assessmentId }: { assessmentId: string }) {
  return (
    <AssessmentGate assessmentId={assessmentId} loadingLabel="Loading the assessment">
      {({ detail, outline }) => (
        <Submitted
          detail={detail}
          notApplicable={notApplicableCount(outline.criteria, answersById(detail.answers))}
        />
      )}
    </AssessmentGate>
  );
}

export function Submitted({
  detail,
  notApplicable,
}: {
  detail: TAssessmentDetail;
  /** Questions marked not applicable: stated apart, as the task list and results do. */
  notApplicable: number;
}) {
  const { assessment } = detail;
  const paths = assessmentPaths(assessment.id);
  const [exportError, setExportError] = useState<unknown>(null);
  const [exporting, setExporting] = useState(false);
  const [downloaded, setDownloaded] = useState<string | null>(null);

  if (assessment.status !== 'submitted') {
    return (
      <section className="state-panel" aria-labelledby="not-submitted">
        <title>{`Not submitted yet · ${assessment.title} · Waymark`}</title>
        <h1 id="not-submitted" className="state-panel__heading">
          This assessment is not submitted
        </h1>
        <p className="state-panel__detail">
          {assessment.status === 'reopened'
            ? `It was reopened: revision ${assessment.revision} can be changed until an admin submits it again.`
            : 'Its answers can still change until an admin submits it.'}
        </p>
        <p>
          <Link to={paths.review}>Check your answers</Link>
        </p>
      </section>
    );
  }

  const exportCsv = async () => {
    setExportError(null);
    setDownloaded(null);
    setExporting(true);
    try {
      setDownloaded(await downloadAssessmentCsv(assessment.id));
    } catch (error) {
      setExportError(error);
    } finally {
      setExporting(false);
    }
  };

  const counts = criteriaCounts(assessment.completeness, notApplicable);
  return (
    <div className="submitted-page">
      <title>{`Assessment submitted · ${assessment.title} · Waymark`}</title>
      <div className="confirmation-panel">
        <h1 className="confirmation-panel__title">Assessment submitted</h1>
        <p className="confirmation-panel__body">
          {assessment.title}, revision {assessment.revision}
          {assessment.submittedAt ? (
            <>
              <br />
              {formatDate(assessment.submittedAt)}
            </>
          ) : null}
        </p>
      </div>

      <section className="submitted-page__section" aria-labelledby="what-happened">
        <h2 id="what-happened">What happened</h2>
        <p>
          Your answers to{' '}
          {countLabel(counts.answered, 'applicable question', 'applicable questions')}
          {counts.notApplicable > 0
            ? ` and the ${countLabel(counts.notApplicable, 'question', 'questions')} marked not applicable`
            : ''}{' '}
          are locked: their levels, targets, notes, evidence links and indicator values can no
          longer change. The scores of revision {assessment.revision} are stored as they are today,
          so next year's assessment can be compared with them.
        </p>
        <p>The action plan stays open: you can keep adding and updating actions.</p>
      </section>

      <section className="submitted-page__section" aria-labelledby="reopen">
        <h2 id="reopen">If something needs to change</h2>
        <p>
          {detail.role === 'admin'
            ? 'As an organisation admin, you can reopen the assessment from '
            : 'An admin of your organisation can reopen the assessment from '}
          <Link to={paths.review}>Check your answers</Link>. Reopening starts revision{' '}
          {assessment.revision + 1} from these answers; revision {assessment.revision} and its
          scores are kept unchanged.
        </p>
      </section>

      <section className="submitted-page__section" aria-labelledby="next">
        <h2 id="next">What to do next</h2>
        <div className="submitted-page__actions">
          <Link to={paths.results} className="button button--primary">
            See your results
          </Link>
          <Button
            variant="secondary"
            onClick={() => void exportCsv()}
            pending={exporting}
            pendingLabel="Preparing CSV…"
          >
            Download CSV
          </Button>
        </div>
        <p role="status" className="submitted-page__downloaded">
          {downloaded ? `Downloaded ${downloaded}.` : ''}
        </p>
        <FormAlert error={exportError} heading="The CSV could not be downloaded" />
        <p>
          Then <Link to={paths.actions}>plan what to do next</Link> in the action plan.
        </p>
      </section>
    </div>
  );
}
