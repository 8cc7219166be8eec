import type { TNetwork } from '@waymark/rubric';
import { Link, NavLink } from 'react-router';
import { networkPagePaths } from '../../../api/networks';

export type NetworkSection = 'overview' | 'cycles' | 'members' | 'settings' | 'coordinators';

export interface NetworkNavProps {
  network: Pick<TNetwork, 'id' | 'name' | 'isCoordinator'>;
  /**
   * The section a page belongs to when its address is not under the section's own (a cycle at
   * `/cycles/:cycleId` belongs to Cycles): marked `aria-current="true"`.
   */
  section?: NetworkSection;
}

/**
 * The network's name and sections: Overview, Cycles, Members (and invitations, for coordinators);
 * Settings and Coordinators for coordinators only. Styled as the organisation's navigation.
 */
export function NetworkNav({ network, section }: NetworkNavProps) {
  const paths = networkPagePaths(network.id);
  const links: { to: string; label: string; end: boolean; section: NetworkSection }[] = [
    { to: paths.home, label: 'Overview', end: true, section: 'overview' },
    { to: paths.cycles, label: 'Cycles', end: false, section: 'cycles' },
    {
      to: paths.members,
      label: network.isCoordinator ? 'Members and invitations' : 'Members',
      end: false,
      section: 'members',
    },
  ];
  if (network.isCoordinator) {
    links.push(
      { to: paths.settings, label: 'Settings', end: false, section: 'settings' },
      { to: paths.coordinators, label: 'Coordinators', end: false, section: 'coordinators' },
    );
  }
  return (
    <nav className="org-nav network-nav" aria-label={`Network: ${network.name}`}>
      <p className="org-nav__name">
        <span className="visually-hidden">Network: </span>
        {network.name}
      </p>
      <ul className="org-nav__list">
        {links.map((link) => (
          <li key={link.to}>
            {section === link.section ? (
              <Link to={link.to} className="org-nav__link" aria-current="true">
                {link.label}
              </Link>
            ) : (
              <NavLink to={link.to} end={link.end} className="org-nav__link">
                {link.label}
              </NavLink>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
