import { useNavigate } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { InvitationList } from '../../features/organisations/components/invitation-list';
import { InviteForm } from '../../features/organisations/components/invite-form';
import { MemberList } from '../../features/organisations/components/member-list';
import { useSignedInUser } from '../../lib/session';
import { useOrganisationOutlet } from './organisation-layout';

/** `/orgs/:orgId/people`: members and roles; admins also invite, change roles and remove. */
export function OrganisationPeopleRoute() {
  const { organisation, isAdmin } = useOrganisationOutlet();
  const user = useSignedInUser();
  const navigate = useNavigate();

  return (
    <div className="page">
      <PageHeader
        title="People"
        eyebrow={organisation.name}
        description={
          <p>
            Admins manage the profile and people and submit assessments; contributors answer
            criteria and work on actions; viewers read. An organisation always keeps at least one
            admin.
          </p>
        }
      />
      <div className="people-layout">
        <section className="people-section" aria-labelledby="members-heading">
          <h2 id="members-heading">Members</h2>
          <MemberList
            orgId={organisation.id}
            canManage={isAdmin}
            currentUserId={user.id}
            onLeft={() => navigate('/orgs', { replace: true })}
          />
        </section>
        {isAdmin ? (
          <div className="people-layout__side">
            <section className="panel">
              <InviteForm orgId={organisation.id} />
            </section>
            <InvitationList orgId={organisation.id} />
          </div>
        ) : null}
      </div>
    </div>
  );
}
