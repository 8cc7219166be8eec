import {
  MEMBER_ROLES,
  type TCreateInvitationBody,
  type TCreateInvitationResponse,
  type TInvitation,
  ZCreateInvitationBody,
} from '@waymark/rubric';
import { useEffect, useState } from 'react';
import { Button } from '../../../components/button';
import { ErrorSummary } from '../../../components/form/error-summary';
import { SelectField } from '../../../components/form/select-field';
import { TextField } from '../../../components/form/text-field';
import { InvitationSent } from '../../../components/invitation-sent';
import { ReplaceInvitationDialog } from '../../../components/replace-invitation-dialog';
import { isApiError } from '../../../lib/api-client';
import { applyServerErrors, useZodForm } from '../../../lib/form';
import { formatDate } from '../../../lib/format';
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from '../../../lib/organisation-labels';
import { useCreateInvitation, useInvitations } from '../api/invitations';

const ROLE_OPTIONS = MEMBER_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

const ROLE_HINT = MEMBER_ROLES.map(
  (role) => `${ROLE_LABELS[role]}: ${ROLE_DESCRIPTIONS[role]}.`,
).join(' ');

function withArticle(role: string): string {
  return `${role === 'admin' ? 'an' : 'a'} ${role}`;
}

/** The pending invitation of an address, compared as the API does (trimmed, any case). */
function pendingFor(invitations: readonly TInvitation[] | undefined, email: string) {
  const address = email.trim().toLowerCase();
  if (!address) return undefined;
  return invitations?.find((i) => i.status === 'pending' && i.email === address);
}

/** What sending again would change, for the replace dialog. */
function replaceDescription(pending: TInvitation, next: TCreateInvitationBody) {
  const before = ROLE_LABELS[pending.role].toLowerCase();
  const after = ROLE_LABELS[next.role].toLowerCase();
  return (
    <>
      <strong>{pending.email}</strong> was invited on {formatDate(pending.createdAt)} as{' '}
      {withArticle(before)}. If you send a new invitation
      {after === before ? '' : ` as ${withArticle(after)}`}, the link you sent before stops working:
      send them the new link instead.
    </>
  );
}

function roleOf(invitation: TInvitation) {
  return withArticle(ROLE_LABELS[invitation.role].toLowerCase());
}

const DEFAULT_VALUES: TCreateInvitationBody = { email: '', role: 'contributor' };

/** Invite a colleague by email with a role (admins only). */
export function InviteForm({ orgId }: { orgId: string }) {
  const create = useCreateInvitation(orgId);
  const invitations = useInvitations(orgId);
  const [problem, setProblem] = useState<unknown>(null);
  const [result, setResult] = useState<TCreateInvitationResponse | null>(null);
  // A pending invitation that sending would replace: asked about before anything is sent.
  const [confirming, setConfirming] = useState<{
    pending: TInvitation;
    values: TCreateInvitationBody;
  } | null>(null);
  // Kept mounted while closed so that the dialog hands focus back to the button that opened it.
  const [asking, setAsking] = useState(false);
  // After Cancel, back to the address to correct it (the dialog has no trigger to return to).
  const [refocus, setRefocus] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    setFocus,
    watch,
    formState: { errors, submitCount },
  } = useZodForm(ZCreateInvitationBody, {
    defaultValues: DEFAULT_VALUES,
    required: { email: 'Enter an email address' },
  });
  useEffect(() => {
    if (refocus && !asking) {
      setFocus('email');
      setRefocus(false);
    }
  }, [refocus, asking, setFocus]);
  const existing = pendingFor(invitations.data?.items, watch('email'));

  const send = async (values: TCreateInvitationBody) => {
    setProblem(null);
    setResult(null);
    try {
      setResult(await create.mutateAsync(values));
      setAsking(false);
      // A fresh form: the next invitation must not inherit this one's role.
      reset(DEFAULT_VALUES);
    } catch (error) {
      if (isApiError(error) && error.code === 'invitation_pending' && !values.replace) {
        // Someone else invited this address since the list was loaded: ask, with the facts.
        const fresh = await invitations.refetch();
        const pending = pendingFor(fresh.data?.items, values.email);
        if (pending) {
          setConfirming({ pending, values });
          setAsking(true);
          return;
        }
      }
      setAsking(false);
      setProblem(
        applyServerErrors(error, setError, {
          fields: ['email', 'role'],
          codeFields: {
            already_member: 'email',
            already_invited: 'email',
            invitation_pending: 'email',
          },
        }),
      );
    }
  };

  const submit = handleSubmit(async (values) => {
    const pending = pendingFor(invitations.data?.items, values.email);
    if (pending) {
      setProblem(null);
      setResult(null);
      setConfirming({ pending, values });
      setAsking(true);
      return;
    }
    await send(values);
  });

  return (
    <div className="invite">
      <form className="form" onSubmit={submit} noValidate aria-labelledby="invite-heading">
        <h2 id="invite-heading">Invite a colleague</h2>
        <ErrorSummary
          error={problem}
          fieldErrors={errors}
          focusKey={submitCount}
          heading="Could not send the invitation"
        />
        <div className="form__row">
          <TextField
            label="Email address"
            type="email"
            autoComplete="off"
            inputMode="email"
            spellCheck={false}
            hint={
              existing
                ? `Already invited on ${formatDate(existing.createdAt)} as ${roleOf(existing)}. Sending again replaces that link.`
                : undefined
            }
            error={errors.email?.message}
            {...register('email')}
          />
          <SelectField
            label="Role"
            hint={ROLE_HINT}
            options={ROLE_OPTIONS}
            error={errors.role?.message}
            {...register('role')}
          />
        </div>
        <div className="form__actions">
          <Button type="submit" pending={create.isPending && !asking} pendingLabel="Inviting…">
            Send invitation
          </Button>
        </div>
      </form>
      {result ? (
        <InvitationSent
          result={result}
          linkDetail={`It makes them ${roleOf(result.invitation)}`}
          emailedDetail={`a link to join as ${roleOf(result.invitation)}`}
        />
      ) : null}
      {confirming ? (
        <ReplaceInvitationDialog
          open={asking}
          description={replaceDescription(confirming.pending, confirming.values)}
          sending={create.isPending}
          onConfirm={() => send({ ...confirming.values, replace: true })}
          onCancel={() => {
            setAsking(false);
            setRefocus(true);
          }}
        />
      ) : null}
    </div>
  );
}
