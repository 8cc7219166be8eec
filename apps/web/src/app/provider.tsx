import { type QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { frameworkKeys } from '../api/frameworks';
import { ToastProvider } from '../components/toast';
import { restoreSession } from '../lib/api-client';
import { createQueryClient } from '../lib/query-client';
import { getSession, subscribeToSession } from '../lib/session';

interface AppProviderProps {
  children: React.ReactNode;
  /** Tests pass their own client (no retries, fresh cache). */
  queryClient?: QueryClient;
}

/** Published frameworks are the same for everyone: kept across sign-in and sign-out. */
const PUBLIC_QUERY_ROOTS = new Set<unknown>([frameworkKeys.all[0]]);

/**
 * Restores the session on start (once: the refresh is shared if it is asked for twice), and drops
 * cached data of one user when they sign out or another signs in, so that nobody sees the last
 * person's organisations.
 */
function SessionLifecycle() {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (getSession().status === 'restoring') void restoreSession();
    let userId: string | null = null;
    const sync = () => {
      const session = getSession();
      const nextUserId = session.status === 'signed-in' ? session.user.id : null;
      if (session.status !== 'restoring' && nextUserId !== userId) {
        if (userId !== null) {
          queryClient.removeQueries({
            predicate: (query) => !PUBLIC_QUERY_ROOTS.has(query.queryKey[0]),
          });
        }
        userId = nextUserId;
      }
    };
    sync();
    return subscribeToSession(sync);
  }, [queryClient]);
  return null;
}

/** App-wide context: server-state cache, session lifecycle, notifications. */
export function AppProvider({ children, queryClient }: AppProviderProps) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  return (
    <QueryClientProvider client={client}>
      <SessionLifecycle />
      <ToastProvider>{children}</ToastProvider>
    </QueryClientProvider>
  );
}
