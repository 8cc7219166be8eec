import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Outlet, useMatch } from 'react-router';
import { z } from 'zod';
import { useMembership } from '../../api/me';
import { OrganisationNav } from '../../components/layouts/organisation-nav';
import { assessmentQueryOptions } from '../../features/assessments/api/get-assessment';
import { rememberOrganisation } from '../../lib/current-organisation';

const ZId = z.uuid();

/**
 * `/assessments/:assessmentId/*`: the assessment's pages sit inside its organisation (issue 8). The
 * page loads the assessment itself; this reads the same cached query for its organisation id,
 * shows the organisation's name and sections, and makes the header's switcher name it too. A page
 * loaded directly (a bookmark, a shared link) gets the context as soon as the assessment arrives.
 */
export function AssessmentLayoutRoute() {
  const match = useMatch('/assessments/:assessmentId/*');
  const assessmentId = match?.params.assessmentId ?? '';
  const valid = ZId.safeParse(assessmentId).success;
  const detail = useQuery({ ...assessmentQueryOptions(assessmentId), enabled: valid });
  const orgId = detail.data?.assessment.organisationId ?? null;
  // The header's `GET /me` already lists the user's organisations by name: no extra request.
  const membership = useMembership(orgId ?? undefined);

  useEffect(() => {
    if (orgId && membership) rememberOrganisation(orgId);
  }, [orgId, membership]);

  return (
    <div className="org-layout">
      {orgId && membership ? (
        <OrganisationNav
          orgId={orgId}
          organisationName={membership.organisationName}
          section="assessments"
        />
      ) : null}
      <Outlet />
    </div>
  );
}
