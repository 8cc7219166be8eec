import type {
  TCycleDashboardResponse,
  TDashboardExportKind,
  TFramework,
  TNetwork,
} from '@waymark/rubric';
import { useState } from 'react';
import { Link } from 'react-router';
import { cyclePagePaths } from '../../../api/cycles';
import { useFrameworkVersion } from '../../../api/frameworks';
import { Button } from '../../../components/button';
import { ErrorState } from '../../../components/error-state';
import { FormAlert } from '../../../components/form/form-alert';
import { PageHeader } from '../../../components/page-header';
import { LoadingState } from '../../../components/spinner';
import { useToast } from '../../../components/toast';
import { isApiError } from '../../../lib/api-client';
import { useDashboard } from '../api/dashboard';
import { downloadCycleCsv } from '../api/export-csv';
import { CollaborationSection } from './dashboard/collaboration-section';
import { DistributionSection } from './dashboard/distribution-section';
import { HeatmapSection } from './dashboard/heatmap-section';
import { IndicatorsSection } from './dashboard/indicators-section';
import { dashboardLabels } from './dashboard/labels';
import { NetworkRadarSection } from './dashboard/network-radar-section';
import { ParticipationSection } from './dashboard/participation-section';
import { PrioritiesSection } from './dashboard/priorities-section';
import '../../../styles/networks.css';

const SECTIONS = [
  ['participation', 'Participation'],
  ['heatmap', 'Named members’ results'],
  ['network-radar', 'Where the network stands'],
  ['distribution', 'Stages reached'],
  ['priorities', 'Collective priorities'],
  ['collaboration', 'Who could help whom'],
  ['indicators', 'Indicators'],
] as const;

/** `/cycles/:cycleId/dashboard` (coordinators): the whole network in one cycle. */
export function DashboardPage({ cycleId, network }: { cycleId: string; network: TNetwork }) {
  const dashboard = useDashboard(cycleId);
  const version = useFrameworkVersion(
    dashboard.data
      ? {
          frameworkId: dashboard.data.cycle.frameworkId,
          version: dashboard.data.cycle.frameworkVersion,
        }
      : null,
  );
  if (dashboard.isPending || (dashboard.isSuccess && version.isPending)) {
    return <LoadingState label="Loading the dashboard…" />;
  }
  if (dashboard.isError) {
    if (isApiError(dashboard.error) && dashboard.error.status === 403) {
      return (
        <div className="page page--narrow">
          <PageHeader title="Dashboard" eyebrow={network.name} />
          <p>
            Only the network’s coordinators see the dashboard. Your organisation’s own results and
            how they compare with the network are on its results page.
          </p>
          <p>
            <Link to={cyclePagePaths(cycleId).detail}>Back to the cycle</Link>
          </p>
        </div>
      );
    }
    return (
      <ErrorState
        heading="We couldn’t load the dashboard"
        headingLevel={1}
        error={dashboard.error}
        onRetry={() => void dashboard.refetch()}
        retrying={dashboard.isFetching}
      />
    );
  }
  if (version.isError || !version.data) {
    return (
      <ErrorState
        heading="We couldn’t load the cycle’s framework"
        headingLevel={1}
        error={version.error}
        onRetry={() => void version.refetch()}
        retrying={version.isFetching}
      />
    );
  }
  return <Dashboard data={dashboard.data} framework={version.data.framework} network={network} />;
}

function Dashboard({
  data,
  framework,
  network,
}: {
  data: TCycleDashboardResponse;
  framework: TFramework;
  network: TNetwork;
}) {
  const labels = dashboardLabels(framework);
  const { showToast } = useToast();
  const [exporting, setExporting] = useState<TDashboardExportKind | null>(null);
  const [exportError, setExportError] = useState<unknown>(null);
  const levelCount = data.levels.length;

  const exportCsv = async (kind: TDashboardExportKind) => {
    setExportError(null);
    setExporting(kind);
    try {
      const name = await downloadCycleCsv(data.cycle.id, kind);
      showToast({ message: `Downloading ${name}.` });
    } catch (error) {
      setExportError(error);
    } finally {
      setExporting(null);
    }
  };

  return (
    <div className="page dashboard">
      <PageHeader
        title={`Dashboard: cycle ${data.cycle.name}`}
        eyebrow={network.name}
        description={
          <p>
            Figures about the network show only where at least {data.threshold} members contribute,
            so that no member can be singled out.{' '}
            <Link to={cyclePagePaths(data.cycle.id).detail}>Cycle details and deadline</Link>
          </p>
        }
        actions={
          <div className="nw-toolbar">
            <Button
              variant="secondary"
              onClick={() => void exportCsv('members')}
              pending={exporting === 'members'}
              pendingLabel="Preparing CSV…"
              disabled={exporting !== null}
            >
              Export members (CSV)
            </Button>
            <Button
              variant="secondary"
              onClick={() => void exportCsv('aggregates')}
              pending={exporting === 'aggregates'}
              pendingLabel="Preparing CSV…"
              disabled={exporting !== null}
            >
              Export aggregates (CSV)
            </Button>
          </div>
        }
      />
      <FormAlert error={exportError} heading="The CSV could not be downloaded" />
      <nav className="dashboard-contents" aria-label="On this page">
        <ul>
          {SECTIONS.map(([id, label]) => (
            <li key={id}>
              <a href={`#${id}`}>{label}</a>
            </li>
          ))}
        </ul>
      </nav>
      <ParticipationSection participation={data.participation} />
      <HeatmapSection
        cycleId={data.cycle.id}
        heatmap={data.heatmap}
        labels={labels}
        levelCount={levelCount}
      />
      <NetworkRadarSection radar={data.radar} threshold={data.threshold} labels={labels} />
      <DistributionSection
        distribution={data.distribution}
        levels={data.levels}
        threshold={data.threshold}
        labels={labels}
      />
      <PrioritiesSection
        priorities={data.priorities}
        labels={labels}
        levelCount={levelCount}
        threshold={data.threshold}
        submitted={{
          contributors: data.radar.contributors,
          anonymous: data.radar.anonymousContributors,
        }}
      />
      <CollaborationSection
        matches={data.collaboration}
        framework={{ pillars: framework.pillars, levels: framework.levels }}
        labels={labels}
      />
      <IndicatorsSection indicators={data.indicators} threshold={data.threshold} labels={labels} />
    </div>
  );
}
