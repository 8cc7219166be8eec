import { type TNetwork, ZCreateCycleBody } from '@waymark/rubric';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { z } from 'zod';
import { cyclePagePaths } from '../../../api/cycles';
import { useFrameworks } from '../../../api/frameworks';
import { networkPagePaths } from '../../../api/networks';
import { Button } from '../../../components/button';
import { ErrorState } from '../../../components/error-state';
import { ErrorSummary } from '../../../components/form/error-summary';
import { SelectField } from '../../../components/form/select-field';
import { TextField } from '../../../components/form/text-field';
import { PageHeader } from '../../../components/page-header';
import { LoadingState } from '../../../components/spinner';
import { isApiError } from '../../../lib/api-client';
import { applyServerErrors, useZodForm } from '../../../lib/form';
import { describeProblem } from '../../../lib/problem-messages';
import { useCreateCycle } from '../api/cycles';
import { frameworkOptions, parseFrameworkKey } from './cycle-form-fields';
import '../../../styles/networks.css';

export const CLOSES_BEFORE_OPENS = 'The closing date must be on or after the opening date';

const ZCycleForm = z
  .object({
    name: ZCreateCycleBody.shape.name,
    framework: z.string().min(1),
    opensOn: z.iso.date(),
    closesOn: z.iso.date(),
  })
  .refine((v) => v.closesOn >= v.opensOn, { message: CLOSES_BEFORE_OPENS, path: ['closesOn'] });

const FIELDS = ['name', 'framework', 'opensOn', 'closesOn'] as const;
const LABELS = { frameworkVersion: 'Framework version', frameworkId: 'Framework version' };
/** Refusals that belong to one field: their sentence goes beside it, not in the summary. */
const FIELD_OF_CODE: Partial<Record<string, (typeof FIELDS)[number]>> = {
  cycle_name_taken: 'name',
  unknown_framework_version: 'framework',
};

/** `/networks/:networkId/cycles/new` (coordinators): a yearly round on a published version. */
export function CreateCyclePage({ network }: { network: TNetwork }) {
  const frameworks = useFrameworks();
  if (!network.isCoordinator) {
    return (
      <div className="page page--narrow">
        <PageHeader title="Open a cycle" eyebrow={network.name} />
        <p>Only the network’s coordinators can open a cycle.</p>
      </div>
    );
  }
  return (
    <div className="page page--narrow">
      <PageHeader
        title="Open a cycle"
        eyebrow={network.name}
        description={
          <p>
            A cycle is a yearly round of assessments. Members start their assessment from it between
            the opening and closing dates; after the closing date nobody can submit unless you
            extend or reopen it.
          </p>
        }
      />
      {frameworks.isPending ? <LoadingState label="Loading the frameworks…" /> : null}
      {frameworks.isError ? (
        <ErrorState
          heading="We couldn’t load the frameworks"
          error={frameworks.error}
          onRetry={() => void frameworks.refetch()}
          retrying={frameworks.isFetching}
        />
      ) : null}
      {frameworks.data ? (
        <CycleForm network={network} options={frameworkOptions(frameworks.data.items)} />
      ) : null}
    </div>
  );
}

function CycleForm({
  network,
  options,
}: {
  network: TNetwork;
  options: { value: string; label: string }[];
}) {
  const create = useCreateCycle(network.id);
  const navigate = useNavigate();
  const [problem, setProblem] = useState<unknown>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting, submitCount },
  } = useZodForm(ZCycleForm, {
    defaultValues: {
      name: String(new Date().getFullYear()),
      framework: options[0]?.value ?? '',
      opensOn: '',
      closesOn: '',
    },
    required: {
      name: 'Enter a name for the cycle',
      framework: 'Choose a framework version',
      opensOn: 'Enter the opening date',
      closesOn: 'Enter the closing date',
    },
  });

  const submit = handleSubmit(async (values) => {
    setProblem(null);
    try {
      const cycle = await create.mutateAsync({
        name: values.name,
        ...parseFrameworkKey(values.framework),
        opensOn: values.opensOn,
        closesOn: values.closesOn,
      });
      navigate(cyclePagePaths(cycle.id).detail);
    } catch (error) {
      const field = isApiError(error) ? FIELD_OF_CODE[error.code] : undefined;
      if (field) {
        const { detail } = describeProblem(error);
        setError(field, { type: 'server', message: detail }, { shouldFocus: true });
        return;
      }
      setProblem(applyServerErrors(error, setError, { fields: FIELDS, labels: LABELS }));
    }
  });

  return (
    <div className="panel">
      <form className="form form--wide" onSubmit={submit} noValidate aria-label="New cycle">
        <ErrorSummary
          error={problem}
          fieldErrors={errors}
          focusKey={submitCount}
          heading="Could not open the cycle"
        />
        <TextField
          className="nw-field-narrow"
          label="Cycle name"
          hint="Usually the year, such as “2026”. Each of the network’s cycles has its own name."
          autoComplete="off"
          error={errors.name?.message}
          {...register('name')}
        />
        <SelectField
          label="Framework version"
          hint="Every member answers this version; it cannot change once someone has started."
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
            hint="Members can submit until the end of this day (UK time)."
            error={errors.closesOn?.message}
            {...register('closesOn')}
          />
        </div>
        <div className="form__actions">
          <Button type="submit" pending={isSubmitting} pendingLabel="Opening…">
            Open cycle
          </Button>
          <Link to={networkPagePaths(network.id).cycles}>Cancel</Link>
        </div>
      </form>
    </div>
  );
}
