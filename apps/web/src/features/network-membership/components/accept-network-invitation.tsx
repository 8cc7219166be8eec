import type {
  TNetworkInvitationPreview,
  TNetworkSharing,
  TOrganisationType,
  TSizeBand,
} from '@waymark/rubric';
import { useState } from 'react';
import { useMe } from '../../../api/me';
import {
  useAcceptNetworkInvitation,
  useNetworkInvitationPreview,
} from '../../../api/network-invitations';
import { Button } from '../../../components/button';
import { ErrorState } from '../../../components/error-state';
import { ErrorSummary, type ErrorSummaryItem } from '../../../components/form/error-summary';
import { SelectField } from '../../../components/form/select-field';
import { TextField } from '../../../components/form/text-field';
import {
  InvitationPreviewStates,
  PendingInvitation,
  WithInvitationToken,
} from '../../../components/invitation-page';
import { LoadingState } from '../../../components/spinner';
import { ApiError, isApiError } from '../../../lib/api-client';
import {
  ORGANISATION_TYPE_LABELS,
  options,
  SIZE_BAND_LABELS,
} from '../../../lib/organisation-labels';
import { SharingChoice } from './sharing-choice';
import '../../../styles/network-membership.css';

export interface AcceptNetworkInvitationProps {
  token: string | null;
  /** Where sign-in and registration should come back to (this page, with its token). */
  returnTo: string;
  onAccepted: (result: { networkId: string; organisationId: string; networkName: string }) => void;
  onSignOut: () => void;
}

const STATUS_MESSAGES = {
  accepted: [
    'This invitation has been used',
    'Each link works once. If it was you, sign in: your organisation is already a member.',
  ],
  revoked: [
    'This invitation was withdrawn',
    'Ask the network’s coordinator to invite your organisation again.',
  ],
  expired: ['This invitation has expired', 'Ask the network’s coordinator for a new one.'],
} as const;

/** `/network-invitations/accept?token=…`: what the invitation offers, sign in, then join. */
export function AcceptNetworkInvitation({ token, ...props }: AcceptNetworkInvitationProps) {
  return (
    <WithInvitationToken token={token}>
      {(valid) => <InvitationPreview {...props} token={valid} />}
    </WithInvitationToken>
  );
}

function InvitationPreview({
  token,
  returnTo,
  onAccepted,
  onSignOut,
}: Omit<AcceptNetworkInvitationProps, 'token'> & { token: string }) {
  const preview = useNetworkInvitationPreview(token);
  return (
    <InvitationPreviewStates
      preview={preview}
      notFoundDetail="It may have been mistyped or withdrawn. Ask the network’s coordinator to invite your organisation again."
      closedMessages={STATUS_MESSAGES}
    >
      {(invitation) => (
        <PendingInvitation
          name={invitation.networkName}
          eyebrow="Network invitation"
          invitation={invitation}
          returnTo={returnTo}
          onSignOut={onSignOut}
          accept={<AcceptForm token={token} invitation={invitation} onAccepted={onAccepted} />}
        >
          <p>
            <strong>{invitation.organisationName}</strong> has been invited to join{' '}
            <strong>{invitation.networkName}</strong> ({invitation.networkPlace}), a network of
            organisations that assess themselves each year and compare where they stand.
          </p>
        </PendingInvitation>
      )}
    </InvitationPreviewStates>
  );
}

const CREATE = 'new';

/**
 * The shared wording of `already_member` is about a person joining an organisation; here it is an
 * organisation already in the network, so the API's own sentence says it better.
 */
function inNetworkTerms(error: unknown): unknown {
  if (isApiError(error) && error.code === 'already_member') {
    return new ApiError({
      ...error.problem,
      code: 'network_already_member',
      title: 'There is a problem',
      detail: error.problem.detail ?? 'This organisation is already a member of the network.',
    });
  }
  return error;
}

const LABELS = {
  organisation: 'Which organisation joins?',
  'createOrganisation.name': 'Organisation name',
  'createOrganisation.type': 'Type of organisation',
  'createOrganisation.sizeBand': 'Size',
  sharing: 'Sharing level',
};

function AcceptForm({
  token,
  invitation,
  onAccepted,
}: {
  token: string;
  invitation: TNetworkInvitationPreview;
  onAccepted: AcceptNetworkInvitationProps['onAccepted'];
}) {
  const me = useMe();
  const accept = useAcceptNetworkInvitation();
  const [choice, setChoice] = useState<string | null>(null);
  const [name, setName] = useState(invitation.organisationName);
  const [type, setType] = useState<TOrganisationType | ''>(invitation.organisationType ?? '');
  const [sizeBand, setSizeBand] = useState<TSizeBand | ''>(invitation.sizeBand ?? '');
  const [sharing, setSharing] = useState<TNetworkSharing | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);

  if (me.isPending) return <LoadingState label="Loading your organisations…" compact />;
  if (me.isError) {
    return (
      <ErrorState
        heading="We couldn’t load your organisations"
        error={me.error}
        onRetry={() => void me.refetch()}
        retrying={me.isFetching}
      />
    );
  }
  const administered = me.data.memberships.filter((m) => m.role === 'admin');
  // With no organisation to choose from, creating one is the only way: no question to answer.
  const chosen = administered.length === 0 ? CREATE : choice;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const found: Record<string, string> = {};
    if (chosen === null) found.organisation = 'Choose which organisation joins the network';
    if (chosen === CREATE) {
      if (name.trim() === '')
        found['createOrganisation.name'] = 'Enter the name of the organisation';
      if (type === '') found['createOrganisation.type'] = 'Choose the type of organisation';
      if (sizeBand === '')
        found['createOrganisation.sizeBand'] = 'Choose the size of the organisation';
    }
    if (sharing === null) found.sharing = 'Choose how your organisation shares its results';
    setErrors(found);
    if (Object.keys(found).length > 0 || chosen === null || sharing === null) return;
    accept.mutate(
      chosen === CREATE
        ? {
            token,
            sharing,
            createOrganisation: {
              name: name.trim(),
              type: type as TOrganisationType,
              sizeBand: sizeBand as TSizeBand,
              sector: null,
              localAuthority: null,
              employees: null,
            },
          }
        : { token, sharing, organisationId: chosen },
      {
        onSuccess: (result) =>
          onAccepted({
            networkId: result.networkId,
            organisationId: result.organisation.id,
            networkName: invitation.networkName,
          }),
      },
    );
  };

  const items: ErrorSummaryItem[] = Object.entries(errors).map(([field, message]) => ({
    field,
    message,
  }));

  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Accept the invitation">
      <ErrorSummary
        error={inNetworkTerms(accept.error)}
        fieldErrors={items}
        labels={LABELS}
        focusKey={`${attempt}:${accept.failureCount}`}
        heading="Could not accept the invitation"
      />
      {administered.length > 0 ? (
        <fieldset
          className="choice-group"
          aria-describedby={errors.organisation ? 'organisation-error' : undefined}
        >
          <legend className="choice-group__legend">Which organisation joins?</legend>
          {errors.organisation ? (
            <p className="field__error" id="organisation-error">
              <span className="visually-hidden">Error:</span> {errors.organisation}
            </p>
          ) : null}
          {administered.map((m) => (
            <label key={m.organisationId} className="choice">
              <input
                type="radio"
                name="organisation"
                value={m.organisationId}
                checked={choice === m.organisationId}
                onChange={() => setChoice(m.organisationId)}
              />
              <span className="choice__label">{m.organisationName}</span>
              <span className="choice__hint">You are an admin of it.</span>
            </label>
          ))}
          <label className="choice">
            <input
              type="radio"
              name="organisation"
              value={CREATE}
              checked={choice === CREATE}
              onChange={() => setChoice(CREATE)}
            />
            <span className="choice__label">Create a new organisation</span>
            <span className="choice__hint">You become its admin and can invite colleagues.</span>
          </label>
        </fieldset>
      ) : (
        <p>
          Your organisation is created on Waymark as you accept, with you as its admin. Check its
          details:
        </p>
      )}
      {chosen === CREATE ? (
        <div className="form__row">
          <TextField
            label="Organisation name"
            name="createOrganisation.name"
            autoComplete="organization"
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={errors['createOrganisation.name']}
          />
          <SelectField
            label="Type of organisation"
            name="createOrganisation.type"
            placeholder="Choose a type"
            options={options(ORGANISATION_TYPE_LABELS)}
            value={type}
            onChange={(e) => setType(e.target.value as TOrganisationType | '')}
            error={errors['createOrganisation.type']}
          />
          <SelectField
            label="Size"
            name="createOrganisation.sizeBand"
            hint="By the number of people employed."
            placeholder="Choose a size"
            options={options(SIZE_BAND_LABELS)}
            value={sizeBand}
            onChange={(e) => setSizeBand(e.target.value as TSizeBand | '')}
            error={errors['createOrganisation.sizeBand']}
          />
        </div>
      ) : null}
      <SharingChoice
        name="sharing"
        value={sharing}
        onChange={setSharing}
        networkName={invitation.networkName}
        error={errors.sharing}
      />
      <div className="form__actions">
        <Button type="submit" pending={accept.isPending} pendingLabel="Joining…">
          Accept and join {invitation.networkName}
        </Button>
      </div>
    </form>
  );
}
