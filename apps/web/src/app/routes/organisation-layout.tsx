import type { TOrganisation } from '@waymark/rubric';
import { useEffect } from 'react';
import { Link, Outlet, useOutletContext, useParams } from 'react-router';
import { z } from 'zod';
import { useOrganisation } from '../../api/organisations';
import { ErrorState } from '../../components/error-state';
import { OrganisationNav } from '../../components/layouts/organisation-nav';
import { LoadingState } from '../../components/spinner';
import { isApiError } from '../../lib/api-client';
import { rememberOrganisation } from '../../lib/current-organisation';

export interface OrganisationOutletContext {
  organisation: TOrganisation;
  isAdmin: boolean;
}

/** For the pages under `/orgs/:orgId`: the organisation the layout loaded. */
export function useOrganisationOutlet(): OrganisationOutletContext {
  return useOutletContext<OrganisationOutletContext>();
}

const ZOrgId = z.uuid();

function OrganisationNotFound() {
  return (
    <section className="state-panel" aria-labelledby="org-missing-heading">
      <title>Organisation not found · Waymark</title>
      <h1 id="org-missing-heading" className="state-panel__heading">
        Organisation not found
      </h1>
      <p className="state-panel__detail">
        There is no organisation at this address that you belong to. Check the link, or ask one of
        its admins to invite you.
      </p>
      <p>
        <Link to="/orgs" className="button button--primary">
          Go to your organisations
        </Link>
      </p>
    </section>
  );
}

/** `/orgs/:orgId/*`: loads the organisation once for its pages and shows its navigation. */
export function OrganisationLayoutRoute() {
  const { orgId = '' } = useParams();
  const valid = ZOrgId.safeParse(orgId).success;
  if (!valid) return <OrganisationNotFound />;
  return <LoadedOrganisationLayout orgId={orgId} />;
}

function LoadedOrganisationLayout({ orgId }: { orgId: string }) {
  const organisation = useOrganisation(orgId);
  const loaded = organisation.isSuccess;

  useEffect(() => {
    if (loaded) rememberOrganisation(orgId);
  }, [loaded, orgId]);

  if (organisation.isPending) return <LoadingState label="Loading the organisation…" />;
  if (organisation.isError) {
    if (isApiError(organisation.error) && organisation.error.status === 404) {
      return <OrganisationNotFound />;
    }
    return (
      <ErrorState
        heading="We couldn’t load the organisation"
        headingLevel={1}
        error={organisation.error}
        onRetry={() => organisation.refetch()}
        retrying={organisation.isFetching}
      />
    );
  }
  const context: OrganisationOutletContext = {
    organisation: organisation.data,
    isAdmin: organisation.data.role === 'admin',
  };
  return (
    <div className="org-layout">
      <OrganisationNav orgId={orgId} organisationName={organisation.data.name} />
      <Outlet context={context} />
    </div>
  );
}
