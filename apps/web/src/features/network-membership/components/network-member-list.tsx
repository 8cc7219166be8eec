import * as RadixDialog from '@radix-ui/react-dialog';
import type { TNetworkMember, TNetworkSharing } from '@waymark/rubric';
import { useState } from 'react';
import { useLeaveNetwork, useNetworkMembers, useUpdateSharing } from '../../../api/network-members';
import { Button } from '../../../components/button';
import { ConfirmDialog, Dialog } from '../../../components/dialog';
import { ErrorState } from '../../../components/error-state';
import { FormAlert } from '../../../components/form/form-alert';
import { LoadingState } from '../../../components/spinner';
import { useToast } from '../../../components/toast';
import { formatDate } from '../../../lib/format';
import { ORGANISATION_TYPE_LABELS, SIZE_BAND_LABELS } from '../../../lib/organisation-labels';
import { SHARING_LABELS, SharingChoice } from './sharing-choice';

function SharingDialog({
  networkId,
  networkName,
  member,
  onClose,
}: {
  networkId: string;
  networkName: string;
  member: TNetworkMember;
  onClose: () => void;
}) {
  const update = useUpdateSharing(networkId);
  const { showToast } = useToast();
  const [sharing, setSharing] = useState<TNetworkSharing>(member.sharing ?? 'named');
  return (
    <Dialog
      open
      onOpenChange={(open) => (open ? null : onClose())}
      title={`How ${member.name} shares its results`}
      description="The change applies at once to every view and export of the network."
    >
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          update.mutate(
            { organisationId: member.organisationId, sharing },
            {
              onSuccess: () => {
                showToast({
                  message: `${member.name} now shares as ${SHARING_LABELS[sharing].toLowerCase()}.`,
                });
                onClose();
              },
            },
          );
        }}
      >
        <SharingChoice
          name="sharing"
          value={sharing}
          onChange={setSharing}
          networkName={networkName}
          legend="Sharing level"
        />
        <FormAlert error={update.error} heading="The sharing level was not changed" />
        <div className="dialog__actions">
          <RadixDialog.Close asChild>
            <Button variant="secondary" disabled={update.isPending}>
              Cancel
            </Button>
          </RadixDialog.Close>
          <Button type="submit" pending={update.isPending} pendingLabel="Saving…">
            Save sharing level
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

function LeaveDialog({
  networkId,
  networkName,
  member,
  onClose,
  onLeft,
}: {
  networkId: string;
  networkName: string;
  member: TNetworkMember;
  onClose: () => void;
  onLeft: () => void;
}) {
  const leave = useLeaveNetwork(networkId);
  const { showToast } = useToast();
  return (
    <ConfirmDialog
      open
      onOpenChange={(open) => (open ? null : onClose())}
      title={`Take ${member.name} out of ${networkName}?`}
      description="The network’s coordinators stop seeing your organisation at once, and its results no longer count in the network’s figures. Your assessments stay with your organisation. To join again you need a new invitation."
      confirmLabel="Leave the network"
      pendingLabel="Leaving…"
      pending={leave.isPending}
      error={leave.error}
      errorHeading="Your organisation did not leave the network"
      onConfirm={() =>
        leave.mutate(
          { organisationId: member.organisationId },
          {
            onSuccess: () => {
              showToast({ message: `${member.name} has left ${networkName}.` });
              onClose();
              onLeft();
            },
          },
        )
      }
    />
  );
}

export interface NetworkMemberListProps {
  networkId: string;
  networkName: string;
  /** After the caller's organisation left (the page may no longer be theirs to see). */
  onLeft: () => void;
}

/** The network's members as the caller may see them, with sharing and leave for an org admin. */
export function NetworkMemberList({ networkId, networkName, onLeft }: NetworkMemberListProps) {
  const members = useNetworkMembers(networkId);
  const [changing, setChanging] = useState<TNetworkMember | null>(null);
  const [leaving, setLeaving] = useState<TNetworkMember | null>(null);

  let content: React.ReactNode;
  if (members.isPending) {
    content = <LoadingState label="Loading the members…" compact />;
  } else if (members.isError) {
    content = (
      <ErrorState
        heading="We couldn’t load the members"
        error={members.error}
        onRetry={() => void members.refetch()}
        retrying={members.isFetching}
      />
    );
  } else {
    const { items, isCoordinator } = members.data;
    content = (
      <>
        <p className="field__hint">
          {isCoordinator
            ? 'As a coordinator you see every member and how it shares. You see the scores of named members only; anonymous members count only in the network’s figures.'
            : 'Anonymous members are not listed. You see how your own organisation shares.'}
        </p>
        {items.length === 0 ? (
          <p className="muted">No organisation has joined yet.</p>
        ) : (
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard.
          <section className="table-scroll" tabIndex={0} aria-label="Members table">
            <table className="assess-table">
              <caption>{`${items.length} ${items.length === 1 ? 'member' : 'members'}`}</caption>
              <thead>
                <tr>
                  <th scope="col">Organisation</th>
                  <th scope="col">Type</th>
                  <th scope="col">Size</th>
                  <th scope="col">Sharing</th>
                  <th scope="col">Joined</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((member) => (
                  <tr key={member.organisationId}>
                    <th scope="row">
                      {member.name}
                      {member.isOwn ? <span className="muted"> (yours)</span> : null}
                    </th>
                    <td>{ORGANISATION_TYPE_LABELS[member.type]}</td>
                    <td>{SIZE_BAND_LABELS[member.sizeBand].replace(/ \(.*\)$/, '')}</td>
                    <td>
                      {member.sharing ? (
                        <span className={`sharing-tag sharing-tag--${member.sharing}`}>
                          {SHARING_LABELS[member.sharing]}
                        </span>
                      ) : (
                        '–'
                      )}
                    </td>
                    <td>{formatDate(member.joinedAt)}</td>
                    <td>
                      {member.canManage ? (
                        <div className="table-actions">
                          <Button variant="secondary" onClick={() => setChanging(member)}>
                            Change sharing <span className="visually-hidden">of {member.name}</span>
                          </Button>
                          <Button variant="quiet" onClick={() => setLeaving(member)}>
                            Leave{' '}
                            <span className="visually-hidden">the network as {member.name}</span>
                          </Button>
                        </div>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )}
      </>
    );
  }

  return (
    <section className="membership-section" aria-labelledby="network-members-heading">
      <h2 id="network-members-heading">Members</h2>
      {content}
      {changing ? (
        <SharingDialog
          networkId={networkId}
          networkName={networkName}
          member={changing}
          onClose={() => setChanging(null)}
        />
      ) : null}
      {leaving ? (
        <LeaveDialog
          networkId={networkId}
          networkName={networkName}
          member={leaving}
          onClose={() => setLeaving(null)}
          onLeft={onLeft}
        />
      ) : null}
    </section>
  );
}
