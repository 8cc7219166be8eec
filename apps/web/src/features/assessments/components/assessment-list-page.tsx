import type { TAssessmentSummary, TFrameworkSummary, TOrganisation } from '@waymark/rubric';
import { useId, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useFrameworks, useFrameworkVersion } from '../../../api/frameworks';
import { useOrganisation } from '../../../api/organisations';
import { Button } from '../../../components/button';
import { EmptyState } from '../../../components/empty-state';
import { ErrorState } from '../../../components/error-state';
import { FormAlert } from '../../../components/form/form-alert';
import { TextField } from '../../../components/form/text-field';
import { PageHeader } from '../../../components/page-header';
import { LoadingState } from '../../../components/spinner';
import { formatDate } from '../../../lib/format';
import { ORGANISATION_TYPE_LABELS } from '../../../lib/organisation-labels';
import { useCreateAssessment, useOrganisationAssessments } from '../api/organisation-assessments';
import { assessmentPaths } from '../lib/paths';
import { ProgressMeter } from './progress-meter';
import { AssessmentStatusTag } from './status-tags';
import '../../../styles/assessments.css';

/** `/orgs/:orgId/assessments`: the organisation's assessments, and (admins) starting one. */
export function AssessmentListPage({ orgId }: { orgId: string }) {
  const organisation = useOrganisation(orgId);
  const assessments = useOrganisationAssessments(orgId);

  if (organisation.isPending || assessments.isPending) {
    return <LoadingState label="Loading assessments" />;
  }
  if (organisation.isError || assessments.isError) {
    return (
      <ErrorState
        heading="We couldn't load the assessments"
        error={organisation.error ?? assessments.error}
        onRetry={() => {
          void organisation.refetch();
          void assessments.refetch();
        }}
        retrying={organisation.isFetching || assessments.isFetching}
        headingLevel={1}
      />
    );
  }

  const org = organisation.data;
  const items = assessments.data.items;
  const isAdmin = org.role === 'admin';
  return (
    <div className="assessment-list-page">
      <PageHeader
        title="Assessments"
        eyebrow={org.name}
        description={
          <p>
            Each assessment rates your organisation against every question of a framework, once a
            year. Colleagues can share the work pillar by pillar.
          </p>
        }
      />
      {items.length === 0 ? (
        <EmptyState heading="No assessments yet">
          <p>
            {isAdmin
              ? 'Start your first assessment below.'
              : 'An admin of your organisation starts an assessment; it will appear here.'}
          </p>
        </EmptyState>
      ) : (
        <ul className="assessment-list">
          {items.map((assessment) => (
            <AssessmentCard key={assessment.id} assessment={assessment} />
          ))}
        </ul>
      )}
      {isAdmin ? <StartAssessment organisation={org} /> : null}
    </div>
  );
}

function AssessmentCard({ assessment }: { assessment: TAssessmentSummary }) {
  const headingId = useId();
  const paths = assessmentPaths(assessment.id);
  return (
    <li className="assessment-card panel" aria-labelledby={headingId}>
      <div className="assessment-card__head">
        <h2 id={headingId} className="assessment-card__title">
          <Link to={paths.taskList}>{assessment.title}</Link>
        </h2>
        <AssessmentStatusTag status={assessment.status} />
      </div>
      <p className="assessment-card__meta">
        Revision {assessment.revision} · started {formatDate(assessment.createdAt)}
        {assessment.submittedAt ? ` · submitted ${formatDate(assessment.submittedAt)}` : ''}
      </p>
      <ProgressMeter
        answered={assessment.completeness.answered}
        applicable={assessment.completeness.applicable}
        notApplicable={assessment.completeness.notApplicable}
        label={assessment.title}
      />
      <p className="assessment-card__links">
        <Link to={paths.taskList}>
          {assessment.status === 'submitted' ? 'View answers' : 'Continue'}{' '}
          <span className="visually-hidden">{assessment.title}</span>
        </Link>
        <Link to={paths.results}>
          Results <span className="visually-hidden">of {assessment.title}</span>
        </Link>
        <Link to={paths.actions}>
          Action plan <span className="visually-hidden">of {assessment.title}</span>
        </Link>
      </p>
    </li>
  );
}

function frameworkKey(f: Pick<TFrameworkSummary, 'id' | 'version'>): string {
  return `${f.id}@${f.version}`;
}

/** Admin: pick a framework version (and, for a public-sector body, its optional pillars), start. */
function StartAssessment({ organisation }: { organisation: TOrganisation }) {
  const selectId = useId();
  const frameworks = useFrameworks();
  const [chosen, setChosen] = useState('');
  const [title, setTitle] = useState('');
  const [optional, setOptional] = useState<string[]>([]);
  const create = useCreateAssessment(organisation.id);
  const navigate = useNavigate();

  const list = frameworks.data?.items ?? [];
  const selected = list.find((f) => frameworkKey(f) === chosen) ?? list[0] ?? null;
  const definition = useFrameworkVersion(
    selected ? { frameworkId: selected.id, version: selected.version } : null,
  );
  // Optional pillars such as Service delivery are for public anchors only (RUBRIC.md).
  const optionalPillars =
    definition.data?.framework.pillars.filter(
      (p) =>
        p.optional &&
        (p.appliesTo?.organisationTypes?.includes(organisation.type) ??
          organisation.type === 'public_sector'),
    ) ?? [];

  return (
    <section className="panel start-assessment" aria-labelledby="start-assessment">
      <h2 id="start-assessment">Start an assessment</h2>
      {frameworks.isPending ? <LoadingState label="Loading frameworks" compact /> : null}
      {frameworks.isError ? (
        <ErrorState
          heading="We couldn't load the frameworks"
          error={frameworks.error}
          onRetry={() => void frameworks.refetch()}
        />
      ) : null}
      {selected ? (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            const trimmed = title.trim();
            create.mutate(
              {
                frameworkId: selected.id,
                frameworkVersion: selected.version,
                ...(trimmed ? { title: trimmed } : {}),
                ...(optional.length > 0 ? { includeOptionalPillars: optional } : {}),
              },
              { onSuccess: (assessment) => navigate(assessmentPaths(assessment.id).taskList) },
            );
          }}
        >
          <FormAlert error={create.error} heading="The assessment was not started" />
          <div className="field">
            <label className="field__label" htmlFor={selectId}>
              Framework version
            </label>
            <select
              id={selectId}
              className="field__control field__control--select"
              value={frameworkKey(selected)}
              onChange={(event) => {
                setChosen(event.target.value);
                setOptional([]);
              }}
            >
              {list.map((f) => (
                <option key={frameworkKey(f)} value={frameworkKey(f)}>
                  {f.title}, version {f.version} ({f.criterionCount} questions)
                </option>
              ))}
            </select>
          </div>
          <TextField
            label="Title"
            optional
            hint={`For example “${selected.title} ${new Date().getFullYear()}”, which is used if you leave this empty.`}
            value={title}
            onChange={(event) => setTitle(event.target.value)}
            maxLength={120}
          />
          {optionalPillars.length > 0 ? (
            <fieldset className="field start-assessment__optional">
              <legend className="field__label">Optional pillars</legend>
              <p className="field__hint">As a public-sector organisation, you can include:</p>
              {optionalPillars.map((pillar) => (
                <div key={pillar.id} className="assess-checkbox">
                  <input
                    type="checkbox"
                    id={`${selectId}-${pillar.id}`}
                    className="assess-checkbox__input"
                    checked={optional.includes(pillar.id)}
                    onChange={(event) =>
                      setOptional((current) =>
                        event.target.checked
                          ? [...current, pillar.id]
                          : current.filter((id) => id !== pillar.id),
                      )
                    }
                  />
                  <label htmlFor={`${selectId}-${pillar.id}`} className="assess-checkbox__label">
                    Include {pillar.title}
                    <span className="field__hint assess-checkbox__hint">{pillar.summary}</span>
                  </label>
                </div>
              ))}
            </fieldset>
          ) : null}
          <p className="field__hint">
            Questions that do not apply to your organisation's type (
            {ORGANISATION_TYPE_LABELS[organisation.type].toLowerCase()}) and size (
            {organisation.sizeBand}) are left out.
          </p>
          <Button type="submit" pending={create.isPending} pendingLabel="Starting…">
            Start the assessment
          </Button>
        </form>
      ) : null}
    </section>
  );
}
