import {
  infiniteQueryOptions,
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import {
  type TNoticeListResponse,
  ZMarkAllNoticesReadResponse,
  ZNotice,
  ZNoticeListResponse,
} from '@waymark/rubric';
import { apiGet, apiRequest } from '../lib/api-client';
import { useSession } from '../lib/session';

/**
 * `/notices`: messages for the caller's organisations (reminders to submit, network news). The
 * header shows the unread count; the notices page lists them, newest first, a page at a time.
 */
export const noticeKeys = {
  all: ['notices'] as const,
  list: ['notices', 'list'] as const,
  unread: ['notices', 'unread'] as const,
};

export function getNotices(
  { cursor, limit }: { cursor?: string | null; limit?: number } = {},
  { signal }: { signal?: AbortSignal } = {},
): Promise<TNoticeListResponse> {
  const query = new URLSearchParams();
  if (cursor) query.set('cursor', cursor);
  if (limit) query.set('limit', String(limit));
  const suffix = query.size > 0 ? `?${query}` : '';
  return apiGet(`/notices${suffix}`, ZNoticeListResponse, signal ? { signal } : {});
}

export function noticesQueryOptions() {
  return infiniteQueryOptions({
    queryKey: noticeKeys.list,
    queryFn: ({ pageParam, signal }) => getNotices({ cursor: pageParam }, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** Every notice, newest first, one page at a time. */
export function useNotices() {
  return useInfiniteQuery(noticesQueryOptions());
}

/** How many notices are unread (for the header); only while signed in. */
export function useUnreadNoticeCount() {
  const session = useSession();
  return useQuery(
    queryOptions({
      queryKey: noticeKeys.unread,
      queryFn: ({ signal }) => getNotices({ limit: 1 }, { signal }),
      select: (data) => data.unreadCount,
      enabled: session.status === 'signed-in',
      staleTime: 60_000,
      refetchInterval: 5 * 60_000,
    }),
  );
}

export function useMarkNotice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ noticeId, read }: { noticeId: string; read: boolean }) =>
      apiRequest(`/notices/${encodeURIComponent(noticeId)}`, ZNotice, {
        method: 'PATCH',
        body: { read },
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: noticeKeys.all }),
  });
}

export function useMarkAllNoticesRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiRequest('/notices/read', ZMarkAllNoticesReadResponse, { method: 'POST', body: {} }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: noticeKeys.all }),
  });
}
