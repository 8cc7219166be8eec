import {
  MEMBER_ROLES,
  type TCreateInvitationBody,
  type TCreateInvitationResponse,
  type TInvitation,
  ZCreateInvitationBody,
} from '@waymark/rubric';
import { useEffect, useRef, useState } from 'react';
import { Button } from '../../../components/button';
import { CopyField } from '../../../components/copy-field';
import { ConfirmDialog } from '../../../components/dialog';
import { ErrorSummary } from '../../../components/form/error-summary';
import { SelectField } from '../../../components/form/select-field';
import { TextField } from '../../../components/form/text-field';
import { isApiError } from '../../../lib/api-client';
import { applyServerErrors, useZodForm } from '../../../lib/form';
import { formatDate } from '../../../lib/format';
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from '../../../lib/organisation-labels';
import { useCreateInvitation, useInvitations } from '../api/invitations';

const ROLE_OPTIONS = MEMBER_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

const ROLE_HINT = MEMBER_ROLES.map(
  (role) => `${ROLE_LABELS[role]}: ${ROLE_DESCRIPTIONS[role]}.`,
).join(' ');

function InvitationSent({ result }: { result: TCreateInvitationResponse }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  const { invitation } = result;
  const role = ROLE_LABELS[invitation.role].toLowerCase();
  return (
    <div className="invite-result" ref={ref} tabIndex={-1} role="status">
      {result.delivery === 'link' && result.inviteUrl ? (
        <>
          <p className="invite-result__title">Invitation ready: send the link yourself</p>
          <p>
            This Waymark does not send email, so <strong>{invitation.email}</strong> has{' '}
            <strong>not</strong> been emailed. Copy the link and send it to them. It makes them{' '}
            {role === 'admin' ? 'an' : 'a'} {role}, works once, and expires on{' '}
            {formatDate(invitation.expiresAt)}.
          </p>
          <CopyField
            label="Invitation link"
            value={result.inviteUrl}
            hint="Anyone with this link can see the invitation; only that email address can accept it."
          />
        </>
      ) : (
        <>
          <p className="invite-result__title">Invitation emailed</p>
          <p>
            We have emailed <strong>{invitation.email}</strong> a link to join as{' '}
            {role === 'admin' ? 'an' : 'a'} {role}. It expires on {formatDate(invitation.expiresAt)}
            .
          </p>
        </>
      )}
    </div>
  );
}

function withArticle(role: string): string {
  return `${role === 'admin' ? 'an' : 'a'} ${role}`;
}

/** The pending invitation of an address, compared as the API does (trimmed, any case). */
function pendingFor(invitations: readonly TInvitation[] | undefined, email: string) {
  const address = email.trim().toLowerCase();
  if (!address) return undefined;
  return invitations?.find((i) => i.status === 'pending' && i.email === address);
}

function ReplaceDialog({
  open,
  pending,
  next,
  sending,
  error,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  pending: TInvitation;
  next: TCreateInvitationBody;
  sending: boolean;
  error: unknown;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const before = ROLE_LABELS[pending.role].toLowerCase();
  const after = ROLE_LABELS[next.role].toLowerCase();
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={(next) => (next ? null : onCancel())}
      title="Replace the pending invitation?"
      description={
        <>
          <strong>{pending.email}</strong> was invited on {formatDate(pending.createdAt)} as{' '}
          {withArticle(before)}. If you send a new invitation
          {after === before ? '' : ` as ${withArticle(after)}`}, the link you sent before stops
          working: send them the new link instead.
        </>
      }
      confirmLabel="Replace invitation"
      pendingLabel="Replacing…"
      pending={sending}
      error={error}
      errorHeading="Could not replace the invitation"
      tone="primary"
      onConfirm={onConfirm}
    />
  );
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
                ? `Already invited on ${formatDate(existing.createdAt)} as ${withArticle(
                    ROLE_LABELS[existing.role].toLowerCase(),
                  )}. Sending again replaces that link.`
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
      {result ? <InvitationSent result={result} /> : null}
      {confirming ? (
        <ReplaceDialog
          open={asking}
          pending={confirming.pending}
          next={confirming.values}
          sending={create.isPending}
          error={null}
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
