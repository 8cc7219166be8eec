import {
  type TCreateNetworkInvitationBody,
  type TCreateNetworkInvitationResponse,
  ZCreateNetworkInvitationBody,
} from '@waymark/rubric';
import { useState } from 'react';
import { useCreateNetworkInvitation } from '../../../api/network-invitations';
import { Button } from '../../../components/button';
import { ErrorSummary } from '../../../components/form/error-summary';
import { SelectField } from '../../../components/form/select-field';
import { TextField } from '../../../components/form/text-field';
import { InvitationSent } from '../../../components/invitation-sent';
import { ReplaceInvitationDialog } from '../../../components/replace-invitation-dialog';
import { isApiError } from '../../../lib/api-client';
import { applyServerErrors, useZodForm } from '../../../lib/form';
import {
  ORGANISATION_TYPE_LABELS,
  options,
  SIZE_BAND_LABELS,
} from '../../../lib/organisation-labels';

const FIELDS = ['organisationName', 'email', 'organisationType', 'sizeBand'] as const;
const LABELS = {
  organisationName: 'Organisation name',
  email: 'Contact email address',
  organisationType: 'Type of organisation',
  sizeBand: 'Size',
};

/** An unchosen select is "not given": the API takes the field left out, not "". */
const emptyToUndefined = (value: unknown) => (value === '' ? undefined : value);

const DEFAULT_VALUES = { organisationName: '', email: '' } as TCreateNetworkInvitationBody;

/** A coordinator invites one organisation: its name, a contact's email, optional type and size. */
export function NetworkInviteForm({ networkId }: { networkId: string }) {
  const create = useCreateNetworkInvitation(networkId);
  const [problem, setProblem] = useState<unknown>(null);
  const [result, setResult] = useState<TCreateNetworkInvitationResponse | null>(null);
  const [replacing, setReplacing] = useState<TCreateNetworkInvitationBody | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, submitCount },
  } = useZodForm(ZCreateNetworkInvitationBody, {
    defaultValues: DEFAULT_VALUES,
    required: {
      organisationName: 'Enter the name of the organisation',
      email: 'Enter the contact’s email address',
    },
  });

  const send = async (values: TCreateNetworkInvitationBody) => {
    setProblem(null);
    setResult(null);
    try {
      setResult(await create.mutateAsync(values));
      setReplacing(null);
      reset(DEFAULT_VALUES);
    } catch (error) {
      if (isApiError(error) && error.code === 'invitation_pending' && !values.replace) {
        setReplacing(values);
        return;
      }
      setReplacing(null);
      setProblem(
        applyServerErrors(error, setError, {
          fields: FIELDS,
          labels: LABELS,
          codeFields: { already_member: 'email', invitation_pending: 'email' },
        }),
      );
    }
  };

  return (
    <div className="invite">
      <form
        className="form form--wide"
        onSubmit={handleSubmit(send)}
        noValidate
        aria-labelledby="network-invite-heading"
      >
        <h2 id="network-invite-heading">Invite an organisation</h2>
        <ErrorSummary
          error={problem}
          fieldErrors={errors}
          focusKey={submitCount}
          labels={LABELS}
          heading="Could not send the invitation"
        />
        <div className="form__row">
          <TextField
            label="Organisation name"
            autoComplete="off"
            error={errors.organisationName?.message}
            {...register('organisationName')}
          />
          <TextField
            label="Contact email address"
            hint="Someone who can accept for the organisation: an admin, or who will create it."
            type="email"
            autoComplete="off"
            inputMode="email"
            spellCheck={false}
            error={errors.email?.message}
            {...register('email')}
          />
        </div>
        <div className="form__row">
          <SelectField
            label="Type of organisation"
            optional
            hint="Prefills the profile if they create the organisation on accepting."
            placeholder="Not given"
            options={options(ORGANISATION_TYPE_LABELS)}
            error={errors.organisationType ? 'Choose a type from the list' : undefined}
            {...register('organisationType', { setValueAs: emptyToUndefined })}
          />
          <SelectField
            label="Size"
            optional
            placeholder="Not given"
            options={options(SIZE_BAND_LABELS)}
            error={errors.sizeBand ? 'Choose a size from the list' : undefined}
            {...register('sizeBand', { setValueAs: emptyToUndefined })}
          />
        </div>
        <div className="form__actions">
          <Button type="submit" pending={create.isPending && !replacing} pendingLabel="Inviting…">
            Send invitation
          </Button>
        </div>
      </form>
      {result ? (
        <InvitationSent
          result={result}
          linkDetail={
            <>
              It invites <strong>{result.invitation.organisationName}</strong>
            </>
          }
          emailedDetail={
            <>
              a link for <strong>{result.invitation.organisationName}</strong> to join
            </>
          }
        />
      ) : null}
      {replacing ? (
        <ReplaceInvitationDialog
          open
          description={
            <>
              <strong>{replacing.email}</strong> already has an invitation to this network waiting.
              If you send a new one, the link sent before stops working: send them the new link
              instead.
            </>
          }
          sending={create.isPending}
          onConfirm={() => void send({ ...replacing, replace: true })}
          onCancel={() => setReplacing(null)}
        />
      ) : null}
    </div>
  );
}
