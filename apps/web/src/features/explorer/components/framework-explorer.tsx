import { useEffect } from 'react';
import { Link } from 'react-router';
import type { FrameworkVersionRef } from '../../../api/frameworks';
import { ErrorState } from '../../../components/error-state';
import { isApiError } from '../../../lib/api-client';
import { useExplorerFramework } from '../hooks/use-explorer-framework';
import { ExplorerEmpty, ExplorerLoading } from './explorer-states';
import { FrameworkView, loadPillarTabs } from './framework-view';

/**
 * The public framework explorer: the version named by `requested`, or the first published one.
 */
export function FrameworkExplorer({ requested }: { requested: FrameworkVersionRef | null }) {
  const state = useExplorerFramework(requested);
  useEffect(() => {
    void loadPillarTabs();
  }, []);
  switch (state.status) {
    case 'loading':
      return <ExplorerLoading />;
    case 'empty':
      return <ExplorerEmpty />;
    case 'error':
      // Retrying cannot conjure a version that does not exist: offer the current one instead.
      if (isApiError(state.error) && state.error.status === 404) {
        return (
          <ErrorState
            heading="We couldn’t find that framework"
            error={state.error}
            headingLevel={1}
          >
            <p>
              <Link to="/" className="button button--primary">
                See the current framework
              </Link>
            </p>
          </ErrorState>
        );
      }
      return (
        <ErrorState
          heading="We couldn’t load the framework"
          headingLevel={1}
          error={state.error}
          onRetry={state.retry}
          retrying={state.retrying}
        />
      );
    case 'ready':
      return (
        <FrameworkView
          framework={state.framework}
          publishedAt={state.publishedAt}
          summaries={state.summaries}
        />
      );
  }
}
