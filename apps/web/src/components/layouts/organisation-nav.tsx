import { NavLink } from 'react-router';

export interface OrganisationNavProps {
  orgId: string;
  organisationName: string;
}

/**
 * The organisation's sections, under its name: Overview, Assessments, People, Settings. The
 * current section is marked `aria-current="page"` (NavLink does it). Any page under
 * `/orgs/:orgId/…` can render it.
 */
export function OrganisationNav({ orgId, organisationName }: OrganisationNavProps) {
  const base = `/orgs/${encodeURIComponent(orgId)}`;
  const links = [
    { to: base, label: 'Overview', end: true },
    { to: `${base}/assessments`, label: 'Assessments', end: false },
    { to: `${base}/people`, label: 'People', end: false },
    { to: `${base}/settings`, label: 'Settings', end: false },
  ];
  return (
    <nav className="org-nav" aria-label={organisationName}>
      <ul className="org-nav__list">
        {links.map((link) => (
          <li key={link.to}>
            <NavLink to={link.to} end={link.end} className="org-nav__link">
              {link.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
