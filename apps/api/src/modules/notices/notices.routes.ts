import {
  DEFAULT_NOTICE_PAGE_SIZE,
  NOTICE_KINDS,
  type TNotice,
  ZMarkAllNoticesReadBody,
  ZMarkAllNoticesReadResponse,
  ZMarkNoticeBody,
  ZNotice,
  ZNoticeListQuery,
  ZNoticeListResponse,
  ZNoticeParams,
  ZProblem,
} from '@waymark/rubric';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../../config.js';
import { AppError, NotFoundError } from '../../errors.js';
import {
  countUnreadNotices,
  getNotice,
  listNotices,
  markAllNoticesRead,
  markNotice,
  type NoticeCursor,
  type NoticeRow,
} from './notices.queries.js';

const tags = ['notices'];
const security = [{ bearerAuth: [] }];
const problems = { 400: ZProblem, 401: ZProblem, 404: ZProblem };

function toNotice(row: NoticeRow): TNotice {
  return {
    id: row.id,
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    networkId: row.networkId,
    networkName: row.networkName,
    cycleId: row.cycleId,
    cycleName: row.cycleName,
    closesOn: row.closesOn,
    // The column is free text: a kind this version does not know shows as network news.
    kind: (NOTICE_KINDS as readonly string[]).includes(row.kind)
      ? (row.kind as TNotice['kind'])
      : 'network',
    title: row.title,
    body: row.body,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt ? row.readAt.toISOString() : null,
  };
}

const CURSOR_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The cursor is opaque to clients: the last row's microsecond timestamp and id. */
function encodeCursor(row: NoticeRow): string {
  return Buffer.from(`${row.cursorAt} ${row.id}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): NoticeCursor {
  const [at = '', id = '', ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split(' ');
  if (rest.length > 0 || !CURSOR_AT.test(at) || !UUID.test(id) || Number.isNaN(Date.parse(at))) {
    throw new AppError(
      400,
      'invalid_cursor',
      'Bad Request',
      'The cursor is not one this API gave out.',
    );
  }
  return { at, id };
}

/**
 * The caller's organisations' notices (`/notices`). A notice's read state is its organisation's:
 * the schema keeps one `readAt` per notice, so "read" means read by anyone in the organisation.
 */
export const noticeRoutes: FastifyPluginAsyncZod<{ config: Config }> = async (app) => {
  app.route({
    method: 'GET',
    url: '/notices',
    schema: {
      tags,
      security,
      summary: "The caller's organisations' notices, newest first, with the unread count",
      querystring: ZNoticeListQuery,
      response: { 200: ZNoticeListResponse, ...problems },
    },
    handler: async (request) => {
      const { limit = DEFAULT_NOTICE_PAGE_SIZE, cursor, organisationId, unread } = request.query;
      const scope = { userId: request.user.id, organisationId };
      const rows = await listNotices(app.db, {
        ...scope,
        limit,
        cursor: cursor === undefined ? undefined : decodeCursor(cursor),
        unreadOnly: unread === 'true',
      });
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        items: page.map(toNotice),
        nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
        unreadCount: await countUnreadNotices(app.db, scope),
      };
    },
  });

  app.route({
    method: 'PATCH',
    url: '/notices/:noticeId',
    schema: {
      tags,
      security,
      summary: 'Mark a notice read or unread, for everyone in its organisation',
      params: ZNoticeParams,
      body: ZMarkNoticeBody,
      response: { 200: ZNotice, ...problems },
    },
    handler: async (request) => {
      const key = { noticeId: request.params.noticeId, userId: request.user.id };
      if (!(await markNotice(app.db, { ...key, read: request.body.read }))) {
        throw new NotFoundError();
      }
      const row = await getNotice(app.db, key);
      if (!row) throw new NotFoundError();
      return toNotice(row);
    },
  });

  app.route({
    method: 'POST',
    url: '/notices/read',
    schema: {
      tags,
      security,
      summary: "Mark every unread notice of the caller's organisations (or of one) read",
      body: ZMarkAllNoticesReadBody,
      response: { 200: ZMarkAllNoticesReadResponse, ...problems },
    },
    handler: async (request) => {
      const scope = { userId: request.user.id, organisationId: request.body.organisationId };
      const marked = await markAllNoticesRead(app.db, scope);
      return { marked, unreadCount: await countUnreadNotices(app.db, { userId: request.user.id }) };
    },
  });
};
