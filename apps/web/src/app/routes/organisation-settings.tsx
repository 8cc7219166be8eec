import { PageHeader } from '../../components/page-header';
import { useToast } from '../../components/toast';
import { useUpdateOrganisation } from '../../features/organisations/api/organisations';
import { OrganisationProfileForm } from '../../features/organisations/components/organisation-profile-form';
import { OrganisationSummary } from '../../features/organisations/components/organisation-summary';
import { useOrganisationOutlet } from './organisation-layout';

/** `/orgs/:orgId/settings`: the profile, editable by admins and read-only for everyone else. */
export function OrganisationSettingsRoute() {
  const { organisation, isAdmin } = useOrganisationOutlet();
  const update = useUpdateOrganisation(organisation.id);
  const { showToast } = useToast();

  return (
    <div className="page page--narrow">
      <PageHeader
        title="Organisation profile"
        eyebrow={organisation.name}
        description={
          isAdmin ? (
            <p>
              The type and size decide which criteria apply. A change applies to assessments started
              after it; ones already started keep the profile they began with.
            </p>
          ) : (
            <p>Only an admin of the organisation can change its profile.</p>
          )
        }
      />
      <div className="panel">
        {isAdmin ? (
          <OrganisationProfileForm
            // Re-mount after a save so that the form shows what was stored.
            key={organisation.updatedAt}
            organisation={organisation}
            submitLabel="Save profile"
            pendingLabel="Saving…"
            onSubmit={async (values) => {
              await update.mutateAsync(values);
              showToast({ message: 'Profile saved.' });
            }}
          />
        ) : (
          <OrganisationSummary organisation={organisation} />
        )}
      </div>
    </div>
  );
}
