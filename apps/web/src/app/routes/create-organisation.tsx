import { Link, useNavigate } from 'react-router';
import { useMe } from '../../api/me';
import { PageHeader } from '../../components/page-header';
import { useCreateOrganisation } from '../../features/organisations/api/organisations';
import { OrganisationProfileForm } from '../../features/organisations/components/organisation-profile-form';
import { rememberOrganisation } from '../../lib/current-organisation';

/** `/orgs/new`: the first step after registering, or another organisation later. */
export function CreateOrganisationRoute() {
  const navigate = useNavigate();
  const create = useCreateOrganisation();
  const me = useMe();
  const isFirst = me.data?.memberships.length === 0;

  return (
    <div className="page page--narrow">
      <PageHeader
        title={isFirst ? 'Create your organisation' : 'Create an organisation'}
        description={
          <p>
            Tell us about the organisation you are assessing. Its type and size decide which
            criteria apply to it. You will be its admin, and can invite colleagues next.
          </p>
        }
      />
      <div className="panel">
        <OrganisationProfileForm
          submitLabel="Create organisation"
          pendingLabel="Creating…"
          onSubmit={async (values) => {
            const organisation = await create.mutateAsync(values);
            rememberOrganisation(organisation.id);
            navigate(`/orgs/${organisation.id}`);
          }}
          secondaryAction={isFirst ? null : <Link to="/orgs">Cancel</Link>}
        />
      </div>
      {isFirst ? (
        <p className="muted page__aside">
          Invited by a colleague? Open the link in their invitation instead: it adds you to their
          organisation.
        </p>
      ) : null}
    </div>
  );
}
