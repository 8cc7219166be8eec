import {
  DEFAULT_MIN_GROUP_SIZE,
  MAX_GROUP_SIZE,
  MIN_GROUP_SIZE_FLOOR,
  type TNetwork,
  type TPillar,
  ZCreateNetworkBody,
} from '@waymark/rubric';
import { useState } from 'react';
import { Controller } from 'react-hook-form';
import { z } from 'zod';
import { useFrameworks, useFrameworkVersion } from '../../../api/frameworks';
import { useLocalAuthorities } from '../../../api/networks';
import { Button } from '../../../components/button';
import { ErrorState } from '../../../components/error-state';
import { ErrorSummary } from '../../../components/form/error-summary';
import { TextField } from '../../../components/form/text-field';
import { PageHeader } from '../../../components/page-header';
import { LoadingState } from '../../../components/spinner';
import { useToast } from '../../../components/toast';
import { ApiError, isApiError } from '../../../lib/api-client';
import { applyServerErrors, useZodForm } from '../../../lib/form';
import { useUpdateNetwork } from '../api/networks';
import { LocalAuthorityPicker } from './local-authority-picker';
import { NetworkProfileFields } from './network-profile-fields';
import '../../../styles/networks.css';

const REMINDER_MAX = 90;

/** The settings form: the contract's profile rules, and the settings as the page edits them. */
const ZSettingsForm = z
  .object({
    name: ZCreateNetworkBody.shape.name,
    place: ZCreateNetworkBody.shape.place,
    description: ZCreateNetworkBody.shape.description,
    localAuthorityCodes: z.array(z.string()),
    minGroupSize: z.number().int().min(MIN_GROUP_SIZE_FLOOR).max(MAX_GROUP_SIZE),
    optionalPillars: z.array(z.string()),
    reminders: z.enum(['on', 'off']),
    reminderDaysBefore: z.unknown(),
  })
  .superRefine((values, ctx) => {
    if (values.reminders !== 'on') return;
    const days = values.reminderDaysBefore;
    if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > REMINDER_MAX) {
      ctx.addIssue({
        code: 'custom',
        path: ['reminderDaysBefore'],
        message: `Enter the number of days before the closing date, from 1 to ${REMINDER_MAX}`,
      });
    }
  });
type SettingsForm = z.input<typeof ZSettingsForm>;

const FIELDS = [
  'name',
  'place',
  'description',
  'localAuthorityCodes',
  'minGroupSize',
  'optionalPillars',
  'reminderDaysBefore',
] as const;

/** The API names settings fields `settings.minGroupSize`; the form names them `minGroupSize`. */
function withFormPaths(error: unknown): unknown {
  if (!isApiError(error) || !error.problem.issues) return error;
  return new ApiError({
    ...error.problem,
    issues: error.problem.issues.map((issue) => ({
      ...issue,
      path: issue.path.replace(/^(body\.)?settings\./, ''),
    })),
  });
}

function defaultsOf(network: TNetwork): SettingsForm {
  const { settings } = network;
  return {
    name: network.name,
    place: network.place,
    description: network.description ?? '',
    localAuthorityCodes: settings.localAuthorities.map((d) => d.code),
    minGroupSize: settings.minGroupSize,
    optionalPillars: settings.optionalPillars,
    reminders: settings.reminderDaysBefore === null ? 'off' : 'on',
    reminderDaysBefore: settings.reminderDaysBefore ?? 14,
  };
}

/**
 * The optional pillars a network may switch on: those of the default framework, the newest
 * published version of the first framework listed (Waymark ships one framework).
 */
function useOptionalPillars(): { pillars: TPillar[]; pending: boolean } {
  const frameworks = useFrameworks();
  const first = frameworks.data?.items[0];
  const newest = first
    ? frameworks.data?.items
        .filter((f) => f.id === first.id)
        .reduce((a, b) => (b.version > a.version ? b : a), first)
    : undefined;
  const version = useFrameworkVersion(
    newest ? { frameworkId: newest.id, version: newest.version } : null,
  );
  return {
    pillars: version.data?.framework.pillars.filter((p) => p.optional) ?? [],
    pending: frameworks.isPending || (newest !== undefined && version.isPending),
  };
}

/** `/networks/:networkId/settings` (coordinators): the profile and the settings. */
export function NetworkSettingsPage({ network }: { network: TNetwork }) {
  const localAuthorities = useLocalAuthorities();
  if (!network.isCoordinator) {
    return (
      <div className="page page--narrow">
        <PageHeader title="Network settings" eyebrow={network.name} />
        <p>Only the network’s coordinators can change its settings.</p>
      </div>
    );
  }
  return (
    <div className="page page--narrow">
      <PageHeader
        title="Network settings"
        eyebrow={network.name}
        description={<p>What members see about the network, and the rules its figures follow.</p>}
      />
      {localAuthorities.isPending ? <LoadingState label="Loading the list of districts…" /> : null}
      {localAuthorities.isError ? (
        <ErrorState
          heading="We couldn’t load the list of districts"
          error={localAuthorities.error}
          onRetry={() => void localAuthorities.refetch()}
          retrying={localAuthorities.isFetching}
        />
      ) : null}
      {localAuthorities.data ? (
        <SettingsForm
          // Re-mount after a save so that the form shows what was stored.
          key={network.updatedAt}
          network={network}
          districts={localAuthorities.data.items}
        />
      ) : null}
    </div>
  );
}

function SettingsForm({
  network,
  districts,
}: {
  network: TNetwork;
  districts: Parameters<typeof LocalAuthorityPicker>[0]['options'];
}) {
  const update = useUpdateNetwork(network.id);
  const { showToast } = useToast();
  const optional = useOptionalPillars();
  const [problem, setProblem] = useState<unknown>(null);
  const {
    register,
    control,
    handleSubmit,
    setError,
    watch,
    formState: { errors, isSubmitting, submitCount },
  } = useZodForm(ZSettingsForm, {
    defaultValues: defaultsOf(network),
    required: {
      name: 'Enter the name of the network',
      place: 'Enter the place the network serves',
    },
  });
  const reminders = watch('reminders');

  const submit = handleSubmit(async (values) => {
    setProblem(null);
    try {
      await update.mutateAsync({
        name: values.name,
        place: values.place,
        description: values.description ? values.description : null,
        settings: {
          localAuthorityCodes: values.localAuthorityCodes,
          minGroupSize: values.minGroupSize,
          optionalPillars: values.optionalPillars,
          reminderDaysBefore:
            values.reminders === 'on' ? (values.reminderDaysBefore as number) : null,
        },
      });
      showToast({ message: 'Settings saved.' });
    } catch (error) {
      setProblem(applyServerErrors(withFormPaths(error), setError, { fields: FIELDS }));
    }
  });

  return (
    <form
      className="form form--wide network-settings"
      onSubmit={submit}
      noValidate
      aria-label="Network settings"
    >
      <ErrorSummary
        error={problem}
        fieldErrors={errors}
        focusKey={submitCount}
        heading="Could not save the settings"
      />
      <section className="panel" aria-labelledby="settings-profile">
        <h2 id="settings-profile">Profile</h2>
        <NetworkProfileFields
          register={register}
          errors={errors}
          description={watch('description') ?? ''}
        />
      </section>

      <section className="panel" aria-labelledby="settings-local">
        <h2 id="settings-local">What “local” means</h2>
        <Controller
          control={control}
          name="localAuthorityCodes"
          render={({ field, fieldState }) => (
            <LocalAuthorityPicker
              name={field.name}
              label="Local authority districts"
              hint="The districts your network counts as local, by their ONS code. Members’ local-spend and local-staff indicators use them."
              error={fieldState.error?.message}
              options={districts}
              value={field.value}
              onChange={field.onChange}
            />
          )}
        />
      </section>

      <section className="panel" aria-labelledby="settings-privacy">
        <h2 id="settings-privacy">Keeping members’ results private</h2>
        <TextField
          className="nw-field-narrow"
          label="Minimum group size"
          type="number"
          inputMode="numeric"
          min={MIN_GROUP_SIZE_FLOOR}
          max={MAX_GROUP_SIZE}
          step={1}
          hint={`No figure about a group of members (a median, a distribution, a benchmark) is shown unless at least this many organisations contribute to it, so that nobody can work out one member’s results. At least ${MIN_GROUP_SIZE_FLOOR}; ${DEFAULT_MIN_GROUP_SIZE} unless you change it.`}
          error={errors.minGroupSize?.message}
          {...register('minGroupSize', { valueAsNumber: true })}
        />
      </section>

      <section className="panel" aria-labelledby="settings-pillars">
        <h2 id="settings-pillars">Optional pillars</h2>
        {optional.pending ? <LoadingState label="Loading the framework…" compact /> : null}
        {!optional.pending && optional.pillars.length === 0 ? (
          <p>The framework has no optional pillars.</p>
        ) : null}
        {optional.pillars.length > 0 ? (
          <Controller
            control={control}
            name="optionalPillars"
            render={({ field }) => (
              <fieldset className="field" aria-describedby="optional-pillars-hint">
                <legend className="field__label">Pillars your members also answer</legend>
                <p className="field__hint" id="optional-pillars-hint">
                  They apply to assessments started for this network’s cycles from now on.
                </p>
                {optional.pillars.map((pillar, index) => (
                  <div key={pillar.id} className="checkbox-row">
                    <input
                      type="checkbox"
                      id={`optional-${pillar.id}`}
                      name={index === 0 ? field.name : undefined}
                      checked={field.value.includes(pillar.id)}
                      onChange={(event) =>
                        field.onChange(
                          event.target.checked
                            ? [...field.value, pillar.id]
                            : field.value.filter((id) => id !== pillar.id),
                        )
                      }
                    />
                    <label htmlFor={`optional-${pillar.id}`}>
                      <span className="checkbox-row__label">{pillar.title}</span>
                      {pillar.summary ? (
                        <span className="checkbox-row__hint">{pillar.summary}</span>
                      ) : null}
                    </label>
                  </div>
                ))}
              </fieldset>
            )}
          />
        ) : null}
      </section>

      <section className="panel" aria-labelledby="settings-reminders">
        <h2 id="settings-reminders">Reminders</h2>
        <fieldset className="field">
          <legend className="field__label">Remind members who have not submitted</legend>
          <p className="field__hint">
            An automatic reminder, in the app and by email when it is set up. You can also send one
            from a cycle’s dashboard at any time.
          </p>
          <div className="radio-row">
            <input type="radio" id="reminders-on" value="on" {...register('reminders')} />
            <label htmlFor="reminders-on">Before the closing date</label>
          </div>
          {reminders === 'on' ? (
            <TextField
              className="nw-field-narrow radio-row__conditional"
              label="Days before the closing date"
              type="number"
              inputMode="numeric"
              min={1}
              max={REMINDER_MAX}
              step={1}
              error={errors.reminderDaysBefore?.message as string | undefined}
              {...register('reminderDaysBefore', { valueAsNumber: true })}
            />
          ) : null}
          <div className="radio-row">
            <input type="radio" id="reminders-off" value="off" {...register('reminders')} />
            <label htmlFor="reminders-off">No automatic reminder</label>
          </div>
        </fieldset>
      </section>

      <div className="form__actions">
        <Button type="submit" pending={isSubmitting} pendingLabel="Saving…">
          Save settings
        </Button>
      </div>
    </form>
  );
}
