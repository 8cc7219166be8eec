import type { TNotice } from '@waymark/rubric';
import { Link } from 'react-router';
import { useMarkAllNoticesRead, useMarkNotice, useNotices } from '../../../api/notices';
import { Button } from '../../../components/button';
import { EmptyState } from '../../../components/empty-state';
import { ErrorState } from '../../../components/error-state';
import { FormAlert } from '../../../components/form/form-alert';
import { PageHeader } from '../../../components/page-header';
import { LoadingState } from '../../../components/spinner';
import { countLabel, formatDate, paragraphs } from '../../../lib/format';
import '../../../styles/network-membership.css';

function NoticeItem({ notice }: { notice: TNotice }) {
  const mark = useMarkNotice();
  const unread = notice.readAt === null;
  const headingId = `notice-${notice.id}`;
  return (
    <li
      className={unread ? 'notice-item notice-item--unread' : 'notice-item'}
      aria-labelledby={headingId}
    >
      <div className="notice-item__head">
        <h2 className="notice-item__title" id={headingId}>
          {unread ? <span className="visually-hidden">Unread:</span> : null}
          {unread ? ' ' : null}
          {notice.title}
        </h2>
        <span className="notice-item__meta">
          {unread ? <span className="tag tag--unread">Unread</span> : null}{' '}
          {notice.organisationName} · {formatDate(notice.createdAt)}
        </span>
      </div>
      {paragraphs(notice.body).map((p) => (
        <p key={p} className="notice-item__body">
          {p}
        </p>
      ))}
      <div className="form__actions">
        {notice.networkId ? (
          <Link to={`/networks/${notice.networkId}`}>
            Open {notice.networkName ?? 'the network'}
          </Link>
        ) : null}
        <Button
          variant="quiet"
          pending={mark.isPending}
          pendingLabel="Saving…"
          onClick={() => mark.mutate({ noticeId: notice.id, read: unread })}
        >
          {unread ? 'Mark as read' : 'Mark as unread'}{' '}
          <span className="visually-hidden">: {notice.title}</span>
        </Button>
      </div>
      <FormAlert error={mark.error} heading="The notice was not updated" />
    </li>
  );
}

/** `/notices`: reminders and network news for the caller's organisations, newest first. */
export function NoticesPage() {
  const notices = useNotices();
  const markAll = useMarkAllNoticesRead();

  let content: React.ReactNode;
  let unreadCount = 0;
  if (notices.isPending) content = <LoadingState label="Loading your notices…" />;
  else if (notices.isError) {
    content = (
      <ErrorState
        heading="We couldn’t load your notices"
        error={notices.error}
        onRetry={() => void notices.refetch()}
        retrying={notices.isFetching}
      />
    );
  } else {
    const items = notices.data.pages.flatMap((page) => page.items);
    unreadCount = notices.data.pages[0]?.unreadCount ?? 0;
    content =
      items.length === 0 ? (
        <EmptyState heading="No notices yet">
          <p>
            Reminders from the networks your organisations belong to, such as a cycle about to
            close, appear here.
          </p>
        </EmptyState>
      ) : (
        <>
          <ul className="notice-list" aria-label="Notices">
            {items.map((notice) => (
              <NoticeItem key={notice.id} notice={notice} />
            ))}
          </ul>
          {notices.hasNextPage ? (
            <Button
              variant="secondary"
              pending={notices.isFetchingNextPage}
              pendingLabel="Loading older notices…"
              onClick={() => void notices.fetchNextPage()}
            >
              Show older notices
            </Button>
          ) : null}
        </>
      );
  }

  return (
    <div className="membership-page">
      <PageHeader
        title="Notices"
        description={
          notices.isSuccess ? (
            <p>
              {unreadCount === 0
                ? 'Everything is read.'
                : `${countLabel(unreadCount, 'notice is', 'notices are')} unread.`}{' '}
              A notice is read for everyone in its organisation once someone marks it.
            </p>
          ) : null
        }
        actions={
          unreadCount > 0 ? (
            <Button
              variant="secondary"
              pending={markAll.isPending}
              pendingLabel="Marking…"
              onClick={() => markAll.mutate()}
            >
              Mark all as read
            </Button>
          ) : null
        }
      />
      <FormAlert error={markAll.error} heading="The notices were not marked as read" />
      {content}
    </div>
  );
}
