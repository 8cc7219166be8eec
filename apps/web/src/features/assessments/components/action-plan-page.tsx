import {
  type TAction,
  type TActionListQuery,
  type TAssessmentDetail,
  ZActionStatus,
} from '@waymark/rubric';
import { useId, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMembers } from '../../../api/members';
import { Button } from '../../../components/button';
import { ConfirmDialog } from '../../../components/dialog';
import { EmptyState } from '../../../components/empty-state';
import { ErrorState } from '../../../components/error-state';
import { FormAlert } from '../../../components/form/form-alert';
import { PageHeader } from '../../../components/page-header';
import { LoadingState } from '../../../components/spinner';
import { focusNearest } from '../../../lib/focus';
import { countLabel, formatDate } from '../../../lib/format';
import { useActions, useDeleteAction, useUpdateAction } from '../api/actions';
import { downloadAssessmentCsv } from '../api/export-csv';
import { ACTION_STATUS_LABELS } from '../lib/action-form';
import { type AssessmentOutline, answersById } from '../lib/assessment-outline';
import { assessmentPaths } from '../lib/paths';
import { ActionFormDialog } from './action-form-dialog';
import { AssessmentGate } from './assessment-gate';
import { AssessmentNav } from './assessment-nav';

/** `/assessments/:assessmentId/actions`: the action plan, filtered, created and edited here. */
export function ActionPlanPage({ assessmentId }: { assessmentId: string }) {
  return (
    <AssessmentGate assessmentId={assessmentId} loadingLabel="Loading the action plan">
      {({ detail, outline }) => (
        <ActionPlan assessmentId={assessmentId} detail={detail} outline={outline} />
      )}
    </AssessmentGate>
  );
}

interface ActionPlanProps {
  assessmentId: string;
  detail: TAssessmentDetail;
  outline: AssessmentOutline;
}

/** Where focus lands after a delete: the card and its buttons are gone, the note says why. */
const DELETED_NOTE_ID = 'action-deleted-note';

function deleteButtonId(actionId: string): string {
  return `delete-action-${actionId}`;
}

type DialogState = { mode: 'new' } | { mode: 'edit'; action: TAction } | null;

function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

export function ActionPlan({ assessmentId, detail, outline }: ActionPlanProps) {
  const { assessment } = detail;
  const paths = assessmentPaths(assessmentId);
  const canWrite = detail.role !== 'viewer';
  const [params, setParams] = useSearchParams();
  const statusParam = ZActionStatus.safeParse(params.get('status'));
  const pillarId = params.get('pillar') ?? '';
  const criterionParam = params.get('criterion') ?? '';
  const ownerParam = params.get('owner') ?? '';
  const filters: TActionListQuery = {
    ...(statusParam.success ? { status: statusParam.data } : {}),
    ...(criterionParam && outline.byId.has(criterionParam) ? { criterionId: criterionParam } : {}),
    ...(ownerParam ? { ownerUserId: ownerParam } : {}),
  };
  const actions = useActions(assessmentId, filters);
  const members = useMembers(assessment.organisationId);
  const [dialog, setDialog] = useState<DialogState>(null);
  const [exportError, setExportError] = useState<unknown>(null);
  const [exporting, setExporting] = useState(false);
  const newButton = useRef<HTMLButtonElement>(null);
  const [deleted, setDeleted] = useState<string | null>(null);
  // The action being deleted stays known after the dialog closes, for where focus goes back to.
  const [deleting, setDeleting] = useState<TAction | null>(null);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const remove = useDeleteAction(assessmentId);

  const setFilter = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    // A question from another pillar no longer fits the pillar filter.
    if (key === 'pillar') next.delete('criterion');
    setParams(next, { replace: true });
  };

  const shown = (actions.data?.items ?? []).filter(
    (a) => pillarId === '' || outline.byId.get(a.criterionId)?.pillar.id === pillarId,
  );
  const criteriaForFilter = pillarId
    ? outline.criteria.filter((c) => c.pillar.id === pillarId)
    : outline.criteria;
  const filtering = Object.keys(filters).length > 0 || pillarId !== '';

  const exportCsv = async () => {
    setExportError(null);
    setExporting(true);
    try {
      await downloadAssessmentCsv(assessmentId);
    } catch (error) {
      setExportError(error);
    } finally {
      setExporting(false);
    }
  };

  return (
    <div className="action-plan-page">
      <PageHeader
        title="Action plan"
        eyebrow={<Link to={paths.taskList}>{assessment.title}</Link>}
        description={
          <p>
            Steps towards your targets. Start one from a question's next level on the{' '}
            <Link to={paths.results}>results page</Link>, or add one here.
          </p>
        }
        actions={
          <div className="results-toolbar">
            {canWrite ? (
              <Button ref={newButton} onClick={() => setDialog({ mode: 'new' })}>
                New action
              </Button>
            ) : null}
            <Button
              variant="secondary"
              onClick={() => void exportCsv()}
              pending={exporting}
              pendingLabel="Preparing CSV…"
            >
              Export CSV
            </Button>
            <Button variant="secondary" onClick={() => window.print()}>
              Print
            </Button>
          </div>
        }
      />
      <AssessmentNav assessmentId={assessmentId} />
      <FormAlert error={exportError} heading="The CSV could not be downloaded" />

      <form
        className="action-filters panel"
        aria-label="Filter actions"
        onSubmit={(e) => e.preventDefault()}
      >
        <FilterSelect
          label="Status"
          value={statusParam.success ? statusParam.data : ''}
          onChange={(v) => setFilter('status', v)}
          options={ZActionStatus.options.map((s) => ({ value: s, label: ACTION_STATUS_LABELS[s] }))}
        />
        <FilterSelect
          label="Pillar"
          value={pillarId}
          onChange={(v) => setFilter('pillar', v)}
          options={outline.pillars.map((p) => ({ value: p.pillar.id, label: p.pillar.title }))}
        />
        <FilterSelect
          label="Question"
          value={criterionParam}
          onChange={(v) => setFilter('criterion', v)}
          options={criteriaForFilter.map((c) => ({
            value: c.criterion.id,
            label: c.criterion.title,
          }))}
        />
        <FilterSelect
          label="Owner"
          value={ownerParam}
          onChange={(v) => setFilter('owner', v)}
          options={(members.data?.items ?? []).map((m) => ({ value: m.userId, label: m.name }))}
        />
        {filtering ? (
          <Button
            variant="quiet"
            onClick={() => setParams(new URLSearchParams(), { replace: true })}
          >
            Clear filters
          </Button>
        ) : null}
      </form>

      {/* Always on the page, so that the delete dialog can hand focus to it as it closes. */}
      <p
        id={DELETED_NOTE_ID}
        className={
          deleted === null
            ? 'action-plan-page__deleted'
            : 'assess-notice assess-notice--success action-plan-page__deleted'
        }
        role="status"
        tabIndex={-1}
      >
        {deleted ? `Deleted the action “${deleted}”.` : ''}
      </p>
      {actions.isPending ? (
        <LoadingState label="Loading actions" />
      ) : actions.isError ? (
        <ErrorState
          heading="We couldn't load the actions"
          error={actions.error}
          onRetry={() => void actions.refetch()}
          retrying={actions.isFetching}
        />
      ) : shown.length === 0 ? (
        <EmptyState
          heading={filtering ? 'No actions match these filters' : 'No actions yet'}
          action={
            canWrite && !filtering ? (
              <Button onClick={() => setDialog({ mode: 'new' })}>Add the first action</Button>
            ) : null
          }
        >
          <p>
            {filtering
              ? 'Try another status, pillar, question or owner.'
              : 'The results page suggests a next step for every question.'}
          </p>
        </EmptyState>
      ) : (
        <>
          <p className="action-plan-page__count" role="status">
            {countLabel(shown.length, 'action', 'actions')}
          </p>
          <ul className="action-list">
            {shown.map((action) => (
              <ActionCard
                key={action.id}
                assessmentId={assessmentId}
                action={action}
                outline={outline}
                canWrite={canWrite}
                onEdit={() => setDialog({ mode: 'edit', action })}
                onDelete={() => {
                  remove.reset();
                  setDeleting(action);
                  setConfirmingDelete(true);
                }}
              />
            ))}
          </ul>
        </>
      )}

      {canWrite ? (
        <ConfirmDialog
          open={confirmingDelete}
          onOpenChange={setConfirmingDelete}
          title="Delete this action?"
          description={`“${deleting?.title ?? ''}” is removed from the action plan for good. To keep it as a record, mark it complete instead.`}
          confirmLabel="Delete action"
          pendingLabel="Deleting…"
          pending={remove.isPending}
          error={remove.error}
          errorHeading="The action was not deleted"
          // Deleted: its card is gone, so the note that says so takes focus; cancelled: back to
          // the card's Delete button.
          returnFocusTo={
            remove.isSuccess ? DELETED_NOTE_ID : deleting ? deleteButtonId(deleting.id) : null
          }
          onConfirm={() => {
            if (!deleting) return;
            remove.mutate(
              { actionId: deleting.id },
              {
                onSuccess: () => {
                  setDeleted(deleting.title);
                  setConfirmingDelete(false);
                },
              },
            );
          }}
        />
      ) : null}
      {canWrite ? (
        <ActionFormDialog
          open={dialog !== null}
          onOpenChange={(open) => {
            if (!open) setDialog(null);
          }}
          assessmentId={assessmentId}
          outline={outline}
          answers={answersById(detail.answers)}
          members={members.data?.items ?? []}
          {...(dialog?.mode === 'edit' ? { action: dialog.action } : {})}
          onDone={() => setDialog(null)}
        />
      ) : null}
    </div>
  );
}

function FilterSelect({
  label,
  value,
  onChange,
  options,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly { value: string; label: string }[];
}) {
  const id = useId();
  return (
    <div className="field action-filters__field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="field__control field__control--select"
        value={value}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">All</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

interface ActionCardProps {
  assessmentId: string;
  action: TAction;
  outline: AssessmentOutline;
  canWrite: boolean;
  onEdit: () => void;
  /** Asks to delete the action (the plan confirms first). */
  onDelete: () => void;
}

function ActionCard({
  assessmentId,
  action,
  outline,
  canWrite,
  onEdit,
  onDelete,
}: ActionCardProps) {
  const headingId = useId();
  const update = useUpdateAction(assessmentId);

  const entry = outline.byId.get(action.criterionId);
  const overdue =
    action.status !== 'done' && action.dueDate !== null && action.dueDate < todayIso();
  return (
    <li className="action-card panel" data-status={action.status} aria-labelledby={headingId}>
      <div className="action-card__head">
        <h2 id={headingId} className="action-card__title">
          {action.title}
        </h2>
        <span className={`tag status-tag status-tag--action-${action.status.replace('_', '-')}`}>
          {ACTION_STATUS_LABELS[action.status]}
        </span>
      </div>
      <dl className="action-card__facts">
        <div>
          <dt>Question</dt>
          <dd>
            {entry ? (
              <Link to={assessmentPaths(assessmentId).criterion(action.criterionId)}>
                {entry.pillar.title}: {entry.criterion.title}
              </Link>
            ) : (
              action.criterionId
            )}
          </dd>
        </div>
        <div>
          <dt>Owner</dt>
          <dd>{action.owner?.name ?? 'Nobody yet'}</dd>
        </div>
        <div>
          <dt>Due</dt>
          <dd className={overdue ? 'action-card__overdue' : undefined}>
            {action.dueDate ? formatDate(action.dueDate) : 'No date'}
            {overdue ? ' (overdue)' : ''}
          </dd>
        </div>
        {action.completedAt ? (
          <div>
            <dt>Completed</dt>
            <dd>{formatDate(action.completedAt)}</dd>
          </div>
        ) : null}
      </dl>
      {action.description ? <p className="action-card__description">{action.description}</p> : null}
      {canWrite ? (
        <div className="action-card__buttons">
          <Button variant="secondary" onClick={onEdit}>
            Edit <span className="visually-hidden">{action.title}</span>
          </Button>
          {action.status !== 'done' ? (
            <Button
              variant="secondary"
              pending={update.isPending}
              pendingLabel="Saving…"
              onClick={() =>
                update.mutate(
                  { actionId: action.id, body: { status: 'done' } },
                  // The button goes once the action is done: focus its card's heading instead.
                  { onSuccess: () => focusNearest(headingId) },
                )
              }
            >
              Mark complete <span className="visually-hidden">{action.title}</span>
            </Button>
          ) : null}
          <Button id={deleteButtonId(action.id)} variant="quiet" onClick={onDelete}>
            Delete <span className="visually-hidden">{action.title}</span>
          </Button>
        </div>
      ) : null}
      <FormAlert error={update.error} heading="The action was not updated" />
    </li>
  );
}
