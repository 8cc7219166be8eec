import { ZFrameworkVersionParams } from '@waymark/rubric';
import { useParams } from 'react-router';
import { FrameworkExplorer } from '../../features/explorer/components/framework-explorer';
import { NotFoundRoute } from './not-found';

/** `/` shows the first published framework; `/frameworks/:frameworkId/:version` names one. */
export function ExplorerRoute() {
  const params = useParams();
  if (params.frameworkId === undefined && params.version === undefined) {
    return <FrameworkExplorer requested={null} />;
  }
  const parsed = ZFrameworkVersionParams.safeParse(params);
  if (!parsed.success) return <NotFoundRoute />;
  return <FrameworkExplorer requested={parsed.data} />;
}
