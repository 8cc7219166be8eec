import {
  MEMBER_ROLES,
  type TCreateInvitationResponse,
  ZCreateInvitationBody,
} from '@waymark/rubric';
import { useEffect, useRef, useState } from 'react';
import { Button } from '../../../components/button';
import { CopyField } from '../../../components/copy-field';
import { FormAlert } from '../../../components/form/form-alert';
import { SelectField } from '../../../components/form/select-field';
import { TextField } from '../../../components/form/text-field';
import { applyServerErrors, useZodForm } from '../../../lib/form';
import { formatDate } from '../../../lib/format';
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from '../../../lib/organisation-labels';
import { useCreateInvitation } from '../api/invitations';

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

/** Invite a colleague by email with a role (admins only). */
export function InviteForm({ orgId }: { orgId: string }) {
  const create = useCreateInvitation(orgId);
  const [problem, setProblem] = useState<unknown>(null);
  const [result, setResult] = useState<TCreateInvitationResponse | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors },
  } = useZodForm(ZCreateInvitationBody, { defaultValues: { email: '', role: 'contributor' } });

  const submit = handleSubmit(async (values) => {
    setProblem(null);
    setResult(null);
    try {
      setResult(await create.mutateAsync(values));
      reset({ email: '', role: values.role });
    } catch (error) {
      setProblem(
        applyServerErrors(error, setError, {
          fields: ['email', 'role'],
          codeFields: { already_member: 'email', already_invited: 'email' },
        }),
      );
    }
  });

  return (
    <div className="invite">
      <form className="form" onSubmit={submit} noValidate aria-labelledby="invite-heading">
        <h2 id="invite-heading">Invite a colleague</h2>
        <FormAlert error={problem} heading="Could not send the invitation" />
        <div className="form__row">
          <TextField
            label="Email address"
            type="email"
            autoComplete="off"
            inputMode="email"
            spellCheck={false}
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
          <Button type="submit" pending={create.isPending} pendingLabel="Inviting…">
            Send invitation
          </Button>
        </div>
      </form>
      {result ? <InvitationSent result={result} /> : null}
    </div>
  );
}
