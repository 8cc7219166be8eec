import { Link } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { OrganisationSummary } from '../../features/organisations/components/organisation-summary';
import { ROLE_LABELS } from '../../lib/organisation-labels';
import { useOrganisationOutlet } from './organisation-layout';

/**
 * `/orgs/:orgId`: the organisation's home. It composes the organisation's profile (organisations
 * feature) with its assessments (assessments feature); the two features never import each other.
 */
export function OrganisationHomeRoute() {
  const { organisation, isAdmin } = useOrganisationOutlet();
  const base = `/orgs/${organisation.id}`;
  return (
    <div className="page">
      <PageHeader
        title={organisation.name}
        eyebrow={`Your role: ${ROLE_LABELS[organisation.role]}`}
      />
      <div className="org-home">
        <section className="org-home__main" aria-labelledby="assessments-heading">
          <div className="panel">
            <h2 id="assessments-heading">Assessments</h2>
            <p>
              Rate the organisation criterion by criterion, see where it stands and plan its next
              steps.
            </p>
            <Link to={`${base}/assessments`} className="button button--primary">
              Go to assessments
            </Link>
          </div>
        </section>
        <aside className="org-home__aside" aria-label="About the organisation">
          <section className="panel" aria-labelledby="profile-heading">
            <h2 id="profile-heading">Profile</h2>
            <OrganisationSummary organisation={organisation} />
            <p className="panel__footer">
              <Link to={`${base}/settings`}>
                {isAdmin ? 'Edit the profile' : 'View the profile'}
              </Link>
            </p>
          </section>
          <section className="panel" aria-labelledby="people-heading">
            <h2 id="people-heading">People</h2>
            <p>
              {isAdmin
                ? 'Invite colleagues to answer the pillars they know best.'
                : 'See who else works on this organisation’s assessments.'}
            </p>
            <p className="panel__footer">
              <Link to={`${base}/people`}>
                {isAdmin ? 'Invite and manage people' : 'See people'}
              </Link>
            </p>
          </section>
        </aside>
      </div>
    </div>
  );
}
