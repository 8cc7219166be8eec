import type { TNetwork } from '@waymark/rubric';
import { Link } from 'react-router';
import { networkPagePaths } from '../../../api/networks';
import { PageHeader } from '../../../components/page-header';
import { paragraphs } from '../../../lib/format';
import '../../../styles/networks.css';

/** The network home's header: its name, place and description, and what the caller is in it. */
export function NetworkOverviewHeader({ network }: { network: TNetwork }) {
  const text = network.description ? paragraphs(network.description) : [];
  return (
    <PageHeader
      title={network.name}
      eyebrow={network.place}
      description={
        <>
          {text.map((p) => (
            <p key={p}>{p}</p>
          ))}
          <p className="muted">
            {network.isCoordinator
              ? 'You coordinate this network.'
              : 'Your organisation is a member.'}
          </p>
        </>
      }
    />
  );
}

/** For coordinators: what the network's settings are now, with a link to change them. */
export function NetworkSettingsSummary({ network }: { network: TNetwork }) {
  if (!network.isCoordinator) return null;
  const { settings } = network;
  const districts = settings.localAuthorities;
  return (
    <section className="panel network-summary" aria-labelledby="network-settings-summary">
      <h2 id="network-settings-summary">Settings</h2>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>What “local” means</dt>
          <dd>
            {districts.length === 0
              ? 'No district chosen yet'
              : districts.length <= 3
                ? districts.map((d) => d.name).join(', ')
                : `${districts
                    .slice(0, 3)
                    .map((d) => d.name)
                    .join(', ')} and ${districts.length - 3} more`}
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>Minimum group size</dt>
          <dd>{settings.minGroupSize} organisations</dd>
        </div>
        <div className="summary-list__row">
          <dt>Automatic reminder</dt>
          <dd>
            {settings.reminderDaysBefore === null
              ? 'Off'
              : `${settings.reminderDaysBefore} days before a cycle closes`}
          </dd>
        </div>
      </dl>
      <p>
        <Link to={networkPagePaths(network.id).settings}>Change the settings</Link>
      </p>
    </section>
  );
}
