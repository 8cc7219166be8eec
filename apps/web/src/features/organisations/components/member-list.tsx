import { MEMBER_ROLES, type TMember, ZUpdateMemberBody } from '@waymark/rubric';
import { useState } from 'react';
import { useMembers } from '../../../api/members';
import { Button } from '../../../components/button';
import { ConfirmDialog, Dialog } from '../../../components/dialog';
import { EmptyState } from '../../../components/empty-state';
import { ErrorState } from '../../../components/error-state';
import { FormAlert } from '../../../components/form/form-alert';
import { SelectField } from '../../../components/form/select-field';
import { LoadingState } from '../../../components/spinner';
import { useToast } from '../../../components/toast';
import { isApiError } from '../../../lib/api-client';
import { applyServerErrors, useZodForm } from '../../../lib/form';
import { formatDate } from '../../../lib/format';
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from '../../../lib/organisation-labels';
import { useChangeMemberRole, useRemoveMember } from '../api/members';

const ROLE_OPTIONS = MEMBER_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

const ROLE_HINT = MEMBER_ROLES.map(
  (role) => `${ROLE_LABELS[role]}: ${ROLE_DESCRIPTIONS[role]}.`,
).join(' ');

/** The API's answer when a change would leave the organisation without an admin. */
const LAST_ADMIN = 'last_admin';

function problemHeading(error: unknown, fallback: string): string {
  return isApiError(error) && error.code === LAST_ADMIN
    ? 'The organisation needs an admin'
    : fallback;
}

function ChangeRoleDialog({
  orgId,
  member,
  isSelf,
  onClose,
}: {
  orgId: string;
  member: TMember;
  isSelf: boolean;
  onClose: () => void;
}) {
  const change = useChangeMemberRole(orgId);
  const { showToast } = useToast();
  const [problem, setProblem] = useState<unknown>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useZodForm(ZUpdateMemberBody, { defaultValues: { role: member.role } });

  const submit = handleSubmit(async ({ role }) => {
    setProblem(null);
    if (role === member.role) {
      onClose();
      return;
    }
    try {
      await change.mutateAsync({ userId: member.userId, role });
      showToast({ message: `${member.name} is now ${ROLE_LABELS[role].toLowerCase()}.` });
      onClose();
    } catch (error) {
      setProblem(applyServerErrors(error, setError, { fields: ['role'] }));
    }
  });

  return (
    <Dialog
      open
      onOpenChange={(open) => (open ? null : onClose())}
      title={isSelf ? 'Change your role' : `Change ${member.name}’s role`}
      description={
        isSelf
          ? 'If you stop being an admin you can no longer manage people or the profile.'
          : `${member.email}`
      }
    >
      <form className="form" onSubmit={submit} noValidate>
        <FormAlert error={problem} heading={problemHeading(problem, 'Could not change the role')} />
        <SelectField
          label="Role"
          hint={ROLE_HINT}
          options={ROLE_OPTIONS}
          error={errors.role?.message}
          {...register('role')}
        />
        <div className="dialog__actions">
          <Button variant="secondary" onClick={onClose} disabled={change.isPending}>
            Cancel
          </Button>
          <Button type="submit" pending={change.isPending} pendingLabel="Saving…">
            Save role
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function RemoveMemberDialog({
  orgId,
  member,
  isSelf,
  onClose,
  onRemovedSelf,
}: {
  orgId: string;
  member: TMember;
  isSelf: boolean;
  onClose: () => void;
  onRemovedSelf: () => void;
}) {
  const remove = useRemoveMember(orgId);
  const { showToast } = useToast();
  return (
    <ConfirmDialog
      open
      onOpenChange={(open) => (open ? null : onClose())}
      title={isSelf ? 'Leave this organisation?' : `Remove ${member.name}?`}
      description={
        isSelf
          ? 'You will lose access to its assessments. An admin can invite you again.'
          : `${member.name} (${member.email}) will lose access to the organisation’s assessments. Their answers stay. You can invite them again later.`
      }
      confirmLabel={isSelf ? 'Leave organisation' : `Remove ${member.name}`}
      pendingLabel="Removing…"
      pending={remove.isPending}
      error={remove.error}
      errorHeading={problemHeading(remove.error, 'Could not remove them')}
      onConfirm={async () => {
        // mutateAsync: leaving unmounts this page, and a mutate() callback would then never run.
        try {
          await remove.mutateAsync({ userId: member.userId });
        } catch {
          return; // shown in the dialog from the mutation's error
        }
        showToast({
          message: isSelf ? 'You have left the organisation.' : `${member.name} removed.`,
        });
        onClose();
        if (isSelf) onRemovedSelf();
      }}
    />
  );
}

export interface MemberListProps {
  orgId: string;
  /** Admins can change roles and remove people. */
  canManage: boolean;
  currentUserId: string;
  /** Called when the signed-in user removed themselves (they can no longer see this page). */
  onLeft: () => void;
}

type Pending = { kind: 'role' | 'remove'; member: TMember } | null;

export function MemberList({ orgId, canManage, currentUserId, onLeft }: MemberListProps) {
  const members = useMembers(orgId);
  const [pending, setPending] = useState<Pending>(null);

  if (members.isPending) return <LoadingState label="Loading people…" compact />;
  if (members.isError) {
    return (
      <ErrorState
        heading="We couldn’t load the people"
        error={members.error}
        onRetry={() => members.refetch()}
        retrying={members.isFetching}
      />
    );
  }
  if (members.data.items.length === 0) {
    return <EmptyState heading="No members yet" headingLevel={3} />;
  }

  const adminCount = members.data.items.filter((m) => m.role === 'admin').length;

  return (
    <>
      <ul className="people-list">
        {members.data.items.map((member) => {
          const isSelf = member.userId === currentUserId;
          // The API refuses to let the last admin go: say why instead of offering a dead end.
          const onlyAdmin = isSelf && member.role === 'admin' && adminCount === 1;
          const leaveOrRemove = onlyAdmin ? (
            <p className="person-row__meta">
              You are the only admin, so you cannot leave. Make someone else an admin first.
            </p>
          ) : (
            <Button variant="quiet" onClick={() => setPending({ kind: 'remove', member })}>
              {isSelf ? 'Leave' : 'Remove'} <span className="visually-hidden">{member.name}</span>
            </Button>
          );
          return (
            <li key={member.userId} className="person-row">
              <div className="person-row__who">
                <span className="person-row__name">
                  {member.name}
                  {isSelf ? <span className="person-row__you"> (you)</span> : null}
                </span>
                <span className="person-row__email">{member.email}</span>
                <span className="person-row__meta">Joined {formatDate(member.joinedAt)}</span>
              </div>
              <span className={`role-tag role-tag--${member.role}`}>
                {ROLE_LABELS[member.role]}
              </span>
              {canManage ? (
                <div className="person-row__actions">
                  <Button variant="secondary" onClick={() => setPending({ kind: 'role', member })}>
                    Change role <span className="visually-hidden">of {member.name}</span>
                  </Button>
                  {leaveOrRemove}
                </div>
              ) : isSelf ? (
                <div className="person-row__actions">{leaveOrRemove}</div>
              ) : null}
            </li>
          );
        })}
      </ul>
      {pending?.kind === 'role' ? (
        <ChangeRoleDialog
          orgId={orgId}
          member={pending.member}
          isSelf={pending.member.userId === currentUserId}
          onClose={() => setPending(null)}
        />
      ) : null}
      {pending?.kind === 'remove' ? (
        <RemoveMemberDialog
          orgId={orgId}
          member={pending.member}
          isSelf={pending.member.userId === currentUserId}
          onClose={() => setPending(null)}
          onRemovedSelf={onLeft}
        />
      ) : null}
    </>
  );
}
