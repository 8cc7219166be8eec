import type { TCycle, TSendCycleReminderResponse } from '@waymark/rubric';
import { useState } from 'react';
import { useNetworkCyclesForReminders, useSendCycleReminder } from '../../../api/member-results';
import { Button } from '../../../components/button';
import { ConfirmDialog } from '../../../components/dialog';
import { ErrorState } from '../../../components/error-state';
import { LoadingState } from '../../../components/spinner';
import { useToast } from '../../../components/toast';
import { countLabel, formatDate } from '../../../lib/format';

export function reminderOutcome(result: TSendCycleReminderResponse): string {
  const skipped =
    result.recentlyReminded > 0
      ? ` ${countLabel(result.recentlyReminded, 'member was', 'members were')} reminded in the last 24 hours, so left out.`
      : '';
  if (result.sent === 0) {
    return result.recentlyReminded > 0
      ? `No reminder sent.${skipped}`
      : 'Everyone has submitted: no reminder was needed.';
  }
  return `Reminder sent to ${countLabel(result.sent, 'member', 'members')}${result.email ? ', by notice and email' : ' as a notice in Waymark'}.${skipped}`;
}

function CycleReminder({ cycle, networkName }: { cycle: TCycle; networkName: string }) {
  const send = useSendCycleReminder(cycle.id);
  const { showToast } = useToast();
  const [asking, setAsking] = useState(false);
  const [outcome, setOutcome] = useState<string | null>(null);
  return (
    <div className="membership-reminder">
      <p>
        <strong>{cycle.name}</strong> is open until {formatDate(cycle.closesOn)}
        {cycle.daysLeft !== null ? ` (${countLabel(cycle.daysLeft, 'day', 'days')} left)` : ''}.
      </p>
      <Button variant="secondary" onClick={() => setAsking(true)}>
        Send reminder <span className="visually-hidden">for {cycle.name}</span>
      </Button>
      {outcome ? <p role="status">{outcome}</p> : null}
      <ConfirmDialog
        open={asking}
        onOpenChange={setAsking}
        title={`Remind members about ${cycle.name}?`}
        description={`Every member of ${networkName} that has not submitted its ${cycle.name} assessment gets a notice in Waymark now, and an email where email is set up. Members reminded in the last 24 hours are left out.`}
        confirmLabel="Send reminder"
        pendingLabel="Sending…"
        tone="primary"
        pending={send.isPending}
        error={send.error}
        errorHeading="The reminder was not sent"
        onConfirm={() =>
          send.mutate(
            {},
            {
              onSuccess: (result) => {
                const message = reminderOutcome(result);
                setOutcome(message);
                showToast({ message });
                setAsking(false);
              },
            },
          )
        }
      />
    </div>
  );
}

/** For coordinators: remind the members who have not submitted the open cycle. */
export function SendReminder({
  networkId,
  networkName,
}: {
  networkId: string;
  networkName: string;
}) {
  const cycles = useNetworkCyclesForReminders(networkId);
  let content: React.ReactNode;
  if (cycles.isPending) content = <LoadingState label="Loading the cycles…" compact />;
  else if (cycles.isError) {
    content = (
      <ErrorState
        heading="We couldn’t load the cycles"
        error={cycles.error}
        onRetry={() => void cycles.refetch()}
        retrying={cycles.isFetching}
      />
    );
  } else {
    const open = cycles.data.items.filter((c) => c.status === 'open');
    content =
      open.length === 0 ? (
        <p className="muted">No cycle is open, so there is no one to remind.</p>
      ) : (
        open.map((cycle) => (
          <CycleReminder key={cycle.id} cycle={cycle} networkName={networkName} />
        ))
      );
  }
  return (
    <section className="membership-section" aria-labelledby="network-reminders-heading">
      <h2 id="network-reminders-heading">Reminders</h2>
      {content}
    </section>
  );
}
