import { type TCoordinator, type TNetwork, ZAddCoordinatorBody } from '@waymark/rubric';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useCoordinators } from '../../../api/networks';
import { Button } from '../../../components/button';
import { ConfirmDialog } from '../../../components/dialog';
import { ErrorState } from '../../../components/error-state';
import { ErrorSummary } from '../../../components/form/error-summary';
import { TextField } from '../../../components/form/text-field';
import { PageHeader } from '../../../components/page-header';
import { LoadingState } from '../../../components/spinner';
import { useToast } from '../../../components/toast';
import { isApiError } from '../../../lib/api-client';
import { applyServerErrors, useZodForm } from '../../../lib/form';
import { formatDate } from '../../../lib/format';
import { describeProblem } from '../../../lib/problem-messages';
import { useSignedInUser } from '../../../lib/session';
import { useAddCoordinator, useRemoveCoordinator } from '../api/networks';
import '../../../styles/networks.css';

/** Refusals about the email entered: their sentence goes beside the field. */
const EMAIL_CODES = new Set(['unknown_user', 'already_coordinator']);

function AddCoordinatorForm({ networkId }: { networkId: string }) {
  const add = useAddCoordinator(networkId);
  const { showToast } = useToast();
  const [problem, setProblem] = useState<unknown>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, submitCount },
  } = useZodForm(ZAddCoordinatorBody, {
    defaultValues: { email: '' },
    required: { email: 'Enter the email address of their Waymark account' },
  });

  const submit = handleSubmit(async ({ email }) => {
    setProblem(null);
    try {
      const added = await add.mutateAsync(email);
      showToast({ message: `${added.name} is now a coordinator.` });
      reset({ email: '' });
    } catch (error) {
      if (isApiError(error) && EMAIL_CODES.has(error.code)) {
        const { detail } = describeProblem(error);
        setError('email', { type: 'server', message: detail }, { shouldFocus: true });
        return;
      }
      setProblem(applyServerErrors(error, setError, { fields: ['email'] }));
    }
  });

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="add-coordinator">
      <h2 id="add-coordinator">Add a coordinator</h2>
      <ErrorSummary
        error={problem}
        fieldErrors={errors}
        focusKey={submitCount}
        heading="Could not add the coordinator"
      />
      <TextField
        label="Email address"
        type="email"
        inputMode="email"
        autoComplete="off"
        spellCheck={false}
        hint="They need a Waymark account already. Coordinators see every member’s participation and named members’ results."
        error={errors.email?.message}
        {...register('email')}
      />
      <div className="form__actions">
        <Button type="submit" pending={add.isPending} pendingLabel="Adding…">
          Add coordinator
        </Button>
      </div>
    </form>
  );
}

function RemoveDialog({
  network,
  coordinator,
  isSelf,
  onClose,
}: {
  network: TNetwork;
  coordinator: TCoordinator;
  isSelf: boolean;
  onClose: () => void;
}) {
  const remove = useRemoveCoordinator(network.id);
  const { showToast } = useToast();
  const navigate = useNavigate();
  const lastCoordinator = isApiError(remove.error) && remove.error.code === 'last_coordinator';
  return (
    <ConfirmDialog
      open
      onOpenChange={(open) => (open ? null : onClose())}
      title={isSelf ? 'Step down as coordinator?' : `Remove ${coordinator.name}?`}
      description={
        isSelf
          ? `You will no longer see ${network.name}’s dashboard, settings or members’ results. Another coordinator can add you again.`
          : `${coordinator.name} (${coordinator.email}) will no longer coordinate ${network.name}. You can add them again later.`
      }
      confirmLabel={isSelf ? 'Step down' : `Remove ${coordinator.name}`}
      pendingLabel="Removing…"
      pending={remove.isPending}
      error={remove.error}
      errorHeading={lastCoordinator ? 'The network needs a coordinator' : 'Could not remove them'}
      onConfirm={async () => {
        try {
          await remove.mutateAsync(coordinator.userId);
        } catch {
          return; // shown in the dialog from the mutation's error
        }
        showToast({
          message: isSelf
            ? `You no longer coordinate ${network.name}.`
            : `${coordinator.name} no longer coordinates the network.`,
        });
        onClose();
        if (isSelf) navigate('/networks', { replace: true });
      }}
    />
  );
}

/** `/networks/:networkId/coordinators` (coordinators): list, add by email, remove or step down. */
export function CoordinatorsPage({ network }: { network: TNetwork }) {
  const coordinators = useCoordinators(network.id);
  const user = useSignedInUser();
  const [removing, setRemoving] = useState<TCoordinator | null>(null);

  return (
    <div className="page">
      <PageHeader
        title="Coordinators"
        eyebrow={network.name}
        description={
          <p>
            Coordinators invite members, open cycles, change the settings and see the dashboard. A
            network always keeps at least one coordinator.
          </p>
        }
      />
      {!network.isCoordinator ? (
        <p>Only the network’s coordinators can see and change who coordinates it.</p>
      ) : (
        <div className="people-layout">
          <section className="people-section" aria-labelledby="coordinator-list">
            <h2 id="coordinator-list">Current coordinators</h2>
            {coordinators.isPending ? <LoadingState label="Loading the coordinators…" /> : null}
            {coordinators.isError ? (
              <ErrorState
                heading="We couldn’t load the coordinators"
                error={coordinators.error}
                onRetry={() => void coordinators.refetch()}
                retrying={coordinators.isFetching}
              />
            ) : null}
            {coordinators.data ? (
              <ul className="people-list">
                {coordinators.data.items.map((c) => {
                  const isSelf = c.userId === user.id;
                  const only = coordinators.data.items.length === 1;
                  return (
                    <li key={c.userId} className="person-row">
                      <div className="person-row__who">
                        <p className="person-row__name">
                          {c.name}
                          {isSelf ? <span className="person-row__you"> (you)</span> : null}
                        </p>
                        <p className="person-row__email">{c.email}</p>
                        <p className="person-row__meta">
                          Coordinator since {formatDate(c.addedAt)}
                        </p>
                      </div>
                      <div className="person-row__actions">
                        <Button
                          variant="secondary"
                          onClick={() => setRemoving(c)}
                          aria-describedby={only ? 'only-coordinator' : undefined}
                        >
                          {isSelf ? 'Step down' : 'Remove'}
                          {isSelf ? null : (
                            <>
                              {' '}
                              <span className="visually-hidden">{c.name}</span>
                            </>
                          )}
                        </Button>
                      </div>
                    </li>
                  );
                })}
              </ul>
            ) : null}
            {coordinators.data?.items.length === 1 ? (
              <p className="muted" id="only-coordinator">
                You are the only coordinator: add someone else before you step down.
              </p>
            ) : null}
          </section>
          <div className="people-layout__side">
            <section className="panel">
              <AddCoordinatorForm networkId={network.id} />
            </section>
          </div>
        </div>
      )}
      {removing ? (
        <RemoveDialog
          network={network}
          coordinator={removing}
          isSelf={removing.userId === user.id}
          onClose={() => setRemoving(null)}
        />
      ) : null}
    </div>
  );
}
