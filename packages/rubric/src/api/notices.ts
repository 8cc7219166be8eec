import { z } from 'zod';
import { ZRequestId, ZText } from './text.js';

/**
 * The request and response contract of the notices routes (issue 9): messages for an
 * organisation's people shown in the app — reminders to submit a cycle's assessment, network news.
 *
 * A notice belongs to one organisation; everyone in it sees it. Its read state is the
 * organisation's, not each person's: `readAt` is when anyone in the organisation first marked it
 * read (null while unread). `title` and `body` are written by the API; `kind`, `cycleName` and
 * `closesOn` let the web app word a reminder itself.
 */

const ZId = z.uuid();
const ZDateTime = z.iso.datetime({ offset: true });

export const NOTICE_KINDS = ['reminder', 'network'] as const;
export const ZNoticeKind = z.enum(NOTICE_KINDS);
export type TNoticeKind = z.infer<typeof ZNoticeKind>;

export const DEFAULT_NOTICE_PAGE_SIZE = 20;
export const MAX_NOTICE_PAGE_SIZE = 100;

export const ZNotice = z.object({
  id: ZId,
  organisationId: ZId,
  organisationName: z.string(),
  /** The network it is about, if any (a reminder names its cycle's network). */
  networkId: ZId.nullable(),
  networkName: z.string().nullable(),
  cycleId: ZId.nullable(),
  cycleName: z.string().nullable(),
  /** The cycle's closing date (`YYYY-MM-DD`, Europe/London), when the notice is about a cycle. */
  closesOn: z.iso.date().nullable(),
  kind: ZNoticeKind,
  title: z.string(),
  body: z.string(),
  createdAt: ZDateTime,
  readAt: ZDateTime.nullable(),
});
export type TNotice = z.infer<typeof ZNotice>;

/**
 * `GET /notices`: the caller's organisations' notices, newest first. `cursor` is the previous
 * page's `nextCursor` (opaque); `organisationId` narrows to one of the caller's organisations
 * (another organisation's id gives an empty list, never an error that would reveal it).
 */
export const ZNoticeListQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(MAX_NOTICE_PAGE_SIZE).optional(),
    cursor: ZText.min(1).max(200).optional(),
    organisationId: ZRequestId.optional(),
    unread: z.enum(['true', 'false']).optional(),
  })
  .strict();
export type TNoticeListQuery = z.infer<typeof ZNoticeListQuery>;

export const ZNoticeListResponse = z.object({
  items: z.array(ZNotice),
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: z.string().nullable(),
  /** Unread notices across the caller's organisations (or the one asked for), whatever the page. */
  unreadCount: z.number().int().min(0),
});
export type TNoticeListResponse = z.infer<typeof ZNoticeListResponse>;

export const ZNoticeParams = z.object({ noticeId: ZRequestId }).strict();
export type TNoticeParams = z.infer<typeof ZNoticeParams>;

/**
 * `PATCH /notices/:noticeId` (anyone in its organisation): `read: true` marks it read for the
 * organisation (keeps the first `readAt`), `read: false` marks it unread again.
 */
export const ZMarkNoticeBody = z.object({ read: z.boolean() }).strict();
export type TMarkNoticeBody = z.infer<typeof ZMarkNoticeBody>;

/** `POST /notices/read` : marks every unread notice of the caller's organisations (or of one) read. */
export const ZMarkAllNoticesReadBody = z.object({ organisationId: ZRequestId.optional() }).strict();
export type TMarkAllNoticesReadBody = z.infer<typeof ZMarkAllNoticesReadBody>;

export const ZMarkAllNoticesReadResponse = z.object({
  marked: z.number().int().min(0),
  unreadCount: z.number().int().min(0),
});
export type TMarkAllNoticesReadResponse = z.infer<typeof ZMarkAllNoticesReadResponse>;
