import type { TFramework, TFrameworkSummary } from '@waymark/rubric';
import {
  type FrameworkVersionRef,
  useFrameworks,
  useFrameworkVersion,
} from '../../../api/frameworks';

export type ExplorerState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown; retry: () => void; retrying: boolean }
  | { status: 'empty' }
  | {
      status: 'ready';
      framework: TFramework;
      publishedAt: string;
      summaries: TFrameworkSummary[];
    };

/**
 * What the explorer shows: the framework version named in the address, or else the first one the
 * API lists. The list and the version load in parallel when the address names a version.
 */
export function useExplorerFramework(requested: FrameworkVersionRef | null): ExplorerState {
  const list = useFrameworks();
  const first = list.data?.items[0];
  const ref: FrameworkVersionRef | null =
    requested ?? (first ? { frameworkId: first.id, version: first.version } : null);
  const version = useFrameworkVersion(ref);

  if (version.isSuccess) {
    return {
      status: 'ready',
      framework: version.data.framework,
      publishedAt: version.data.publishedAt,
      // The switcher is a nicety: a version named in the address shows even if the list failed.
      summaries: list.data?.items ?? [],
    };
  }
  if (version.isError) {
    return {
      status: 'error',
      error: version.error,
      retry: () => void version.refetch(),
      retrying: version.isFetching,
    };
  }
  if (requested === null) {
    if (list.isError) {
      return {
        status: 'error',
        error: list.error,
        retry: () => void list.refetch(),
        retrying: list.isFetching,
      };
    }
    if (list.isSuccess && list.data.items.length === 0) return { status: 'empty' };
  }
  return { status: 'loading' };
}
