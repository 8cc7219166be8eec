import { type TCycleDetail, type TNetwork, ZUpdateCycleBody } from '@waymark/rubric';
import { useState } from 'react';
import { Link } from 'react-router';
import { z } from 'zod';
import { cyclePagePaths } from '../../../api/cycles';
import { useFrameworks } from '../../../api/frameworks';
import { Button } from '../../../components/button';
import { ErrorSummary } from '../../../components/form/error-summary';
import { SelectField } from '../../../components/form/select-field';
import { TextField } from '../../../components/form/text-field';
import { PageHeader } from '../../../components/page-header';
import { useToast } from '../../../components/toast';
import { isApiError } from '../../../lib/api-client';
import { applyServerErrors, useZodForm } from '../../../lib/form';
import { formatDate } from '../../../lib/format';
import { describeProblem } from '../../../lib/problem-messages';
import { useUpdateCycle } from '../api/cycles';
import { cycleDatesLabel, daysLeftLabel } from '../lib/cycle-labels';
import { CLOSES_BEFORE_OPENS } from './create-cycle-page';
import {
  frameworkKey,
  frameworkOptions,
  parseFrameworkKey,
  todayInLondon,
} from './cycle-form-fields';
import { CycleStatusTag } from './cycle-status-tag';
import { YourCycleAssessments } from './your-cycle-assessments';
import '../../../styles/networks.css';

/** `/cycles/:cycleId`: the cycle's dates and status; coordinators extend, reopen or edit it. */
export function CyclePage({ cycle, network }: { cycle: TCycleDetail; network: TNetwork }) {
  const left = daysLeftLabel(cycle.daysLeft);
  const frameworks = useFrameworks();
  const title =
    frameworks.data?.items.find((f) => f.id === cycle.frameworkId)?.title ?? cycle.frameworkId;
  return (
    <div className="page">
      <PageHeader
        title={`Cycle ${cycle.name}`}
        eyebrow={network.name}
        description={
          <p className="page-header__meta">
            <CycleStatusTag status={cycle.status} /> {cycleDatesLabel(cycle)}
            {left ? (
              <>
                {' · '}
                <strong>{left}</strong>
              </>
            ) : null}
          </p>
        }
        actions={
          network.isCoordinator ? (
            <Link to={cyclePagePaths(cycle.id).dashboard} className="button button--primary">
              Open the dashboard
            </Link>
          ) : undefined
        }
      />
      <dl className="summary-list panel">
        <div className="summary-list__row">
          <dt>Framework</dt>
          <dd>
            {title}, version {cycle.frameworkVersion}
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>Opens</dt>
          <dd>{formatDate(cycle.opensOn)}</dd>
        </div>
        <div className="summary-list__row">
          <dt>Closes</dt>
          <dd>{formatDate(cycle.closesOn)}, at the end of the day (UK time)</dd>
        </div>
      </dl>
      {cycle.yourOrganisations.length > 0 ? (
        <section className="panel">
          <YourCycleAssessments cycle={cycle} />
        </section>
      ) : null}
      {network.isCoordinator ? (
        <div className="cycle-edit">
          <DeadlineForm cycle={cycle} networkId={network.id} />
          <EditCycleForm key={cycle.updatedAt} cycle={cycle} networkId={network.id} />
        </div>
      ) : null}
    </div>
  );
}

const ZDeadlineForm = z.object({ closesOn: z.iso.date() });

/** Extend an open cycle, or reopen a closed one, by moving its closing date. */
function DeadlineForm({ cycle, networkId }: { cycle: TCycleDetail; networkId: string }) {
  const update = useUpdateCycle(cycle.id, networkId);
  const { showToast } = useToast();
  const [problem, setProblem] = useState<unknown>(null);
  const closed = cycle.status === 'closed';
  const today = todayInLondon();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, submitCount, isSubmitting },
  } = useZodForm(ZDeadlineForm, {
    defaultValues: { closesOn: cycle.closesOn },
    required: { closesOn: 'Enter the new closing date' },
  });

  const submit = handleSubmit(async ({ closesOn }) => {
    setProblem(null);
    if (closed && closesOn < today) {
      setError(
        'closesOn',
        { type: 'manual', message: 'To reopen the cycle, choose today or a later date' },
        { shouldFocus: true },
      );
      return;
    }
    try {
      const saved = await update.mutateAsync({ closesOn });
      showToast({
        message: `The cycle now closes on ${formatDate(saved.closesOn)}.`,
      });
    } catch (error) {
      setProblem(applyServerErrors(error, setError, { fields: ['closesOn'] }));
    }
  });

  return (
    <section className="panel" aria-labelledby="deadline-heading">
      <form className="form" onSubmit={submit} noValidate aria-labelledby="deadline-heading">
        <h2 id="deadline-heading">{closed ? 'Reopen the cycle' : 'Extend the deadline'}</h2>
        <ErrorSummary
          error={problem}
          fieldErrors={errors}
          focusKey={submitCount}
          heading="Could not change the closing date"
        />
        <TextField
          className="nw-field-narrow"
          label="New closing date"
          type="date"
          hint={
            closed
              ? 'Members can submit again until the end of this day. Choose today or a later date.'
              : 'Members can submit until the end of this day (UK time).'
          }
          error={errors.closesOn?.message}
          {...register('closesOn')}
        />
        <div className="form__actions">
          <Button type="submit" pending={isSubmitting} pendingLabel="Saving…">
            {closed ? 'Reopen cycle' : 'Change closing date'}
          </Button>
        </div>
      </form>
    </section>
  );
}

const ZEditForm = z
  .object({
    name: ZUpdateCycleBody.shape.name.unwrap(),
    framework: z.string().min(1),
    opensOn: z.iso.date(),
    closesOn: z.iso.date(),
  })
  .refine((v) => v.closesOn >= v.opensOn, { message: CLOSES_BEFORE_OPENS, path: ['closesOn'] });

/** Refusals that belong to one field of the edit form: their sentence goes beside it. */
const FIELD_OF_CODE: Partial<Record<string, 'name' | 'framework'>> = {
  cycle_name_taken: 'name',
  cycle_has_assessments: 'framework',
  unknown_framework_version: 'framework',
};

function EditCycleForm({ cycle, networkId }: { cycle: TCycleDetail; networkId: string }) {
  const update = useUpdateCycle(cycle.id, networkId);
  const frameworks = useFrameworks();
  const { showToast } = useToast();
  const [problem, setProblem] = useState<unknown>(null);
  const current = frameworkKey({ id: cycle.frameworkId, version: cycle.frameworkVersion });
  const options = frameworkOptions(
    (frameworks.data?.items ?? []).filter((f) => f.id === cycle.frameworkId),
  );
  if (!options.some((o) => o.value === current)) {
    options.unshift({
      value: current,
      label: `${cycle.frameworkId}, version ${cycle.frameworkVersion}`,
    });
  }
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, submitCount, isSubmitting },
  } = useZodForm(ZEditForm, {
    defaultValues: {
      name: cycle.name,
      framework: current,
      opensOn: cycle.opensOn,
      closesOn: cycle.closesOn,
    },
    required: {
      name: 'Enter a name for the cycle',
      opensOn: 'Enter the opening date',
      closesOn: 'Enter the closing date',
    },
  });

  const submit = handleSubmit(async (values) => {
    setProblem(null);
    const { frameworkVersion } = parseFrameworkKey(values.framework);
    const body = {
      ...(values.name !== cycle.name ? { name: values.name } : {}),
      ...(frameworkVersion !== cycle.frameworkVersion ? { frameworkVersion } : {}),
      ...(values.opensOn !== cycle.opensOn ? { opensOn: values.opensOn } : {}),
      ...(values.closesOn !== cycle.closesOn ? { closesOn: values.closesOn } : {}),
    };
    if (Object.keys(body).length === 0) {
      showToast({ message: 'Nothing to save: the cycle is unchanged.', tone: 'info' });
      return;
    }
    try {
      await update.mutateAsync(body);
      showToast({ message: 'Cycle saved.' });
    } catch (error) {
      const field = isApiError(error) ? FIELD_OF_CODE[error.code] : undefined;
      if (field) {
        const { detail } = describeProblem(error);
        setError(field, { type: 'server', message: detail }, { shouldFocus: true });
        return;
      }
      setProblem(
        applyServerErrors(error, setError, {
          fields: ['name', 'framework', 'opensOn', 'closesOn'],
          labels: { frameworkVersion: 'Framework version' },
        }),
      );
    }
  });

  return (
    <section className="panel" aria-labelledby="edit-cycle-heading">
      <form className="form" onSubmit={submit} noValidate aria-labelledby="edit-cycle-heading">
        <h2 id="edit-cycle-heading">Edit the cycle</h2>
        <ErrorSummary
          error={problem}
          fieldErrors={errors}
          focusKey={submitCount}
          heading="Could not save the cycle"
        />
        <TextField
          className="nw-field-narrow"
          label="Cycle name"
          autoComplete="off"
          error={errors.name?.message}
          {...register('name')}
        />
        <SelectField
          label="Framework version"
          hint="It can change only until the first member starts an assessment."
          options={options}
          error={errors.framework?.message}
          {...register('framework')}
        />
        <div className="form__row">
          <TextField
            label="Opens on"
            type="date"
            error={errors.opensOn?.message}
            {...register('opensOn')}
          />
          <TextField
            label="Closes on"
            type="date"
            error={errors.closesOn?.message}
            {...register('closesOn')}
          />
        </div>
        <div className="form__actions">
          <Button type="submit" variant="secondary" pending={isSubmitting} pendingLabel="Saving…">
            Save changes
          </Button>
        </div>
      </form>
    </section>
  );
}
