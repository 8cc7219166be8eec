import { Link, NavLink } from 'react-router';

export type OrganisationSection = 'overview' | 'assessments' | 'people' | 'settings';

export interface OrganisationNavProps {
  orgId: string;
  organisationName: string;
  /**
   * The section a page belongs to when its address is not under the section's own (an assessment
   * at `/assessments/:id` belongs to Assessments): marked `aria-current="true"`.
   */
  section?: OrganisationSection;
}

/**
 * The organisation's name and sections: Overview, Assessments, People, Settings. The current
 * section is marked `aria-current="page"` (NavLink does it). Any page inside an organisation
 * renders it, so that every one of them says which organisation it is.
 */
export function OrganisationNav({ orgId, organisationName, section }: OrganisationNavProps) {
  const base = `/orgs/${encodeURIComponent(orgId)}`;
  const links: { to: string; label: string; end: boolean; section: OrganisationSection }[] = [
    { to: base, label: 'Overview', end: true, section: 'overview' },
    { to: `${base}/assessments`, label: 'Assessments', end: false, section: 'assessments' },
    { to: `${base}/people`, label: 'People', end: false, section: 'people' },
    { to: `${base}/settings`, label: 'Settings', end: false, section: 'settings' },
  ];
  return (
    <nav className="org-nav" aria-label={organisationName}>
      <p className="org-nav__name">
        <span className="visually-hidden">Organisation: </span>
        {organisationName}
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
