import { Link } from 'react-router';
import { ErrorState } from '../../../components/error-state';
import { LoadingState } from '../../../components/spinner';
import { isApiError } from '../../../lib/api-client';
import { type AssessmentOutlineQuery, useAssessmentOutline } from '../hooks/use-assessment-outline';
import '../../../styles/assessments.css';

type Loaded = Extract<AssessmentOutlineQuery, { status: 'success' }>;

interface AssessmentGateProps {
  assessmentId: string;
  /** What is loading, e.g. "Loading the task list". */
  loadingLabel: string;
  children: (loaded: Loaded) => React.ReactNode;
}

/** Loads the assessment and its framework, showing a loading or error state until both arrive. */
export function AssessmentGate({ assessmentId, loadingLabel, children }: AssessmentGateProps) {
  const query = useAssessmentOutline(assessmentId);
  if (query.status === 'pending') return <LoadingState label={loadingLabel} />;
  if (query.status === 'error') {
    // A stranger's assessment and a missing one both answer 404: say the same for both.
    if (isApiError(query.error) && query.error.status === 404) {
      return (
        <section className="state-panel" aria-labelledby="assessment-missing">
          <title>Assessment not found · Waymark</title>
          <h1 id="assessment-missing" className="state-panel__heading">
            Assessment not found
          </h1>
          <p className="state-panel__detail">
            There is no assessment at this address that you can see. Check the link, or ask an admin
            of the organisation to invite you.
          </p>
          <p>
            <Link to="/">Go to the start page</Link>
          </p>
        </section>
      );
    }
    return (
      <ErrorState
        heading="We couldn't load this assessment"
        error={query.error}
        onRetry={query.retry}
        retrying={query.retrying}
        headingLevel={1}
      />
    );
  }
  return <>{children(query)}</>;
}
