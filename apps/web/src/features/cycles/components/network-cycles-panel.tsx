import type { TCycle, TNetwork } from '@waymark/rubric';
import { Link } from 'react-router';
import { cyclePagePaths, useNetworkCycles } from '../../../api/cycles';
import { networkPagePaths } from '../../../api/networks';
import { EmptyState } from '../../../components/empty-state';
import { ErrorState } from '../../../components/error-state';
import { LoadingState } from '../../../components/spinner';
import { cycleDatesLabel, daysLeftLabel } from '../lib/cycle-labels';
import { CycleStatusTag } from './cycle-status-tag';
import { YourCycleAssessments } from './your-cycle-assessments';
import '../../../styles/networks.css';
import { ScrollRegion } from './scroll-region';

function OpenCycle({ cycle, network }: { cycle: TCycle; network: TNetwork }) {
  const paths = cyclePagePaths(cycle.id);
  const left = daysLeftLabel(cycle.daysLeft);
  return (
    <article className="panel open-cycle" aria-labelledby={`cycle-${cycle.id}`}>
      <p className="eyebrow">Open cycle</p>
      <h2 id={`cycle-${cycle.id}`} className="open-cycle__title">
        <Link to={paths.detail}>{cycle.name}</Link> <CycleStatusTag status={cycle.status} />
      </h2>
      <p className="open-cycle__dates">
        {cycleDatesLabel(cycle)}
        {left ? (
          <>
            {' · '}
            <strong>{left}</strong>
          </>
        ) : null}
      </p>
      {network.isCoordinator ? (
        <p className="open-cycle__links">
          <Link to={paths.dashboard} className="button button--primary">
            Open the dashboard
          </Link>
          <Link to={paths.detail}>Cycle details and deadline</Link>
        </p>
      ) : null}
      {network.memberOrganisations.length > 0 ? <YourCycleAssessments cycle={cycle} /> : null}
    </article>
  );
}

/** The network home's cycles: the open ones first with their deadline, then the rest. */
export function NetworkCyclesPanel({ network }: { network: TNetwork }) {
  const cycles = useNetworkCycles(network.id);
  const paths = networkPagePaths(network.id);
  if (cycles.isPending) return <LoadingState label="Loading the cycles…" />;
  if (cycles.isError) {
    return (
      <ErrorState
        heading="We couldn’t load the cycles"
        error={cycles.error}
        onRetry={() => void cycles.refetch()}
        retrying={cycles.isFetching}
      />
    );
  }
  const items = cycles.data.items;
  const open = items.filter((c) => c.status === 'open');
  const others = items.filter((c) => c.status !== 'open');
  if (items.length === 0) {
    return (
      <EmptyState
        heading="No assessment cycle yet"
        action={
          network.isCoordinator ? (
            <Link to={paths.newCycle} className="button button--primary">
              Open a cycle
            </Link>
          ) : undefined
        }
      >
        <p>
          {network.isCoordinator
            ? 'A cycle is a yearly round of assessments, such as “2026”, with a closing date. Members start their assessment from it.'
            : 'When the coordinators open a cycle, you can start your organisation’s assessment here.'}
        </p>
      </EmptyState>
    );
  }
  return (
    <div className="network-cycles">
      {open.map((cycle) => (
        <OpenCycle key={cycle.id} cycle={cycle} network={network} />
      ))}
      {open.length === 0 ? <p className="panel">No cycle is open at the moment.</p> : null}
      {others.length > 0 ? (
        <section aria-labelledby="other-cycles" className="network-cycles__others">
          <h2 id="other-cycles">Other cycles</h2>
          <CycleTable cycles={others} />
        </section>
      ) : null}
      <p>
        <Link to={paths.cycles}>All cycles</Link>
        {network.isCoordinator ? (
          <>
            {' · '}
            <Link to={paths.newCycle}>Open a new cycle</Link>
          </>
        ) : null}
      </p>
    </div>
  );
}

export function CycleTable({ cycles }: { cycles: readonly TCycle[] }) {
  return (
    <ScrollRegion label="Cycles table">
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Cycle</th>
            <th scope="col">Status</th>
            <th scope="col">Opens</th>
            <th scope="col">Closes</th>
          </tr>
        </thead>
        <tbody>
          {cycles.map((cycle) => (
            <tr key={cycle.id}>
              <th scope="row">
                <Link to={cyclePagePaths(cycle.id).detail}>{cycle.name}</Link>
              </th>
              <td>
                <CycleStatusTag status={cycle.status} /> {daysLeftLabel(cycle.daysLeft) ?? ''}
              </td>
              <td>{formatShort(cycle.opensOn)}</td>
              <td>{formatShort(cycle.closesOn)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

const shortDate = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });
function formatShort(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : shortDate.format(date);
}
