import { useParams } from 'react-router';
import { z } from 'zod';
import { MemberResultsPage } from '../../features/network-membership/components/member-results-page';
import { NotFoundRoute } from './not-found';

const ZId = z.uuid();

/** `/cycles/:cycleId/members/:organisationId`: a coordinator reads a named member's results. */
export function CycleMemberResultsRoute() {
  const { cycleId, organisationId } = useParams();
  if (!cycleId || !organisationId || !ZId.safeParse(cycleId).success) return <NotFoundRoute />;
  if (!ZId.safeParse(organisationId).success) return <NotFoundRoute />;
  return <MemberResultsPage cycleId={cycleId} organisationId={organisationId} />;
}
