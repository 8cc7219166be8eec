import {
  NETWORK_INVITATION_IMPORT_MAX_ROWS,
  type TNetworkInvitationImportRow,
  ZAcceptNetworkInvitationBody,
  ZAcceptNetworkInvitationResponse,
  ZCreateNetworkInvitationBody,
  ZCreateNetworkInvitationResponse,
  ZNetworkInvitationImportResponse,
  ZNetworkInvitationListResponse,
  ZNetworkInvitationParams,
  ZNetworkInvitationPreview,
  ZNetworkInvitationTokenQuery,
  ZNetworkParams,
  ZProblem,
} from '@waymark/rubric';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { NetworkRow } from '../../db/schema.js';
import { deliverInvitation, PREVIEW_RATE_LIMIT } from '../invitation-delivery.js';
import type { RouteModuleOptions } from '../route-options.js';
import { decodeCsv, parseInvitationCsv } from './csv-import.js';
import {
  acceptNetworkInvitation,
  createNetworkInvitation,
  importNetworkInvitations,
  listInvitationsOfNetwork,
  previewNetworkInvitation,
  revokeNetworkInvitation,
  withdrawUndelivered,
} from './invitations.service.js';

const tags = ['networks'];
const security = [{ bearerAuth: [] }];
/** Problem details for the errors every protected network route may answer. */
const problems = { 400: ZProblem, 401: ZProblem, 403: ZProblem, 404: ZProblem };

/** An import file of 1,000 rows is well under this; anything larger is refused with 413. */
export const IMPORT_BODY_LIMIT = 1024 * 1024;

/** Where the web app's accept page lives; the token travels in the querystring, as for organisations. */
function inviteUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/network-invitations/accept?token=${token}`;
}

interface InvitationMail {
  to: string;
  organisationName: string;
  expiresAt: string;
  url: string;
}

function invitationMail(network: NetworkRow, inviter: string, mail: InvitationMail) {
  return {
    to: mail.to,
    subject: `${mail.organisationName} is invited to join ${network.name} on Waymark`,
    text: [
      `${inviter} has invited ${mail.organisationName} to join ${network.name} (${network.place}), an anchor network on Waymark.`,
      '',
      'Members assess themselves each year against the anchor progression framework and see where they stand against the network.',
      'When you accept, you choose how your organisation shares its results: named (the coordinators see them) or anonymous (they only count in the network’s aggregates). You can change this or leave at any time.',
      '',
      `Accept the invitation: ${mail.url}`,
      '',
      `Sign in or register to accept it, as an admin of your organisation on Waymark or by creating its profile. The link works once and expires on ${mail.expiresAt.slice(0, 10)}.`,
      "If you weren't expecting this, you can ignore this email.",
    ].join('\n'),
  };
}

/** Import emails sent at once, at most. */
const MAIL_CONCURRENCY = 4;

/** `work` over `items` with at most `limit` running at a time; results in the items' order. */
async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Sends one invitation email; false (logged) when it could not be sent. */
async function sendInvitationMail(
  app: FastifyInstance,
  log: FastifyBaseLogger,
  network: NetworkRow,
  inviter: string,
  mail: InvitationMail,
): Promise<boolean> {
  try {
    await app.mailer.send(invitationMail(network, inviter, mail));
    return true;
  } catch (err) {
    log.error({ err }, 'network invitation email not sent');
    return false;
  }
}

/** /networks/:networkId/invitations/* and accepting a network invitation (protected scope). */
export const networkInvitationRoutes: FastifyPluginAsyncZod<RouteModuleOptions> = async (
  app,
  { config },
) => {
  // Import files are CSV text. Scoped to this plugin: no other route accepts text/csv. The bytes
  // must be UTF-8 (see decodeCsv); a file in another encoding is refused whole with 422. Fastify's
  // own text/plain parser would read any bytes as UTF-8 with replacement characters and skip
  // that check, so in this scope text/plain answers 415 like any other type: send text/csv.
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser(
    'text/csv',
    { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT },
    (_request, body, done) => {
      try {
        done(null, decodeCsv(body as Buffer));
      } catch (err) {
        done(err as Error, undefined);
      }
    },
  );

  app.route({
    method: 'POST',
    url: '/networks/:networkId/invitations',
    schema: {
      tags,
      security,
      summary:
        'Invite an organisation by its contact email (coordinator). With mail configured the link is emailed; otherwise it is returned to copy. 409 `invitation_pending` unless `replace`',
      params: ZNetworkParams,
      body: ZCreateNetworkInvitationBody,
      response: {
        201: ZCreateNetworkInvitationResponse,
        ...problems,
        409: ZProblem,
        502: ZProblem,
      },
    },
    handler: async (request, reply) => {
      const { networkId } = request.params;
      const created = await createNetworkInvitation(
        app.db,
        request.user,
        networkId,
        request.body,
        config.auth.invitationTtlDays,
      );
      const { invitation } = created;
      const delivered = await deliverInvitation(app, request.log, {
        invitation,
        url: inviteUrl(config.publicUrl, created.token),
        mail: (url) =>
          invitationMail(created.network, request.user.name, {
            to: invitation.email,
            organisationName: invitation.organisationName,
            expiresAt: invitation.expiresAt,
            url,
          }),
        withdraw: () => withdrawUndelivered(app.db, request.user, [{ ...invitation, networkId }]),
      });
      return reply.status(201).send(delivered);
    },
  });

  app.route({
    method: 'GET',
    url: '/networks/:networkId/invitations',
    schema: {
      tags,
      security,
      summary: "A network's invitations with their status (coordinator), newest first",
      params: ZNetworkParams,
      response: { 200: ZNetworkInvitationListResponse, ...problems },
    },
    handler: async (request) => ({
      items: await listInvitationsOfNetwork(app.db, request.user, request.params.networkId),
    }),
  });

  app.route({
    method: 'DELETE',
    url: '/networks/:networkId/invitations/:invitationId',
    schema: {
      tags,
      security,
      summary: 'Revoke a network invitation (coordinator): its link stops working',
      params: ZNetworkInvitationParams,
      response: { 204: z.null(), ...problems, 409: ZProblem },
    },
    handler: async (request, reply) => {
      await revokeNetworkInvitation(app.db, request.user, request.params);
      return reply.status(204).send(null);
    },
  });

  app.route({
    method: 'POST',
    url: '/networks/:networkId/invitations/import',
    bodyLimit: IMPORT_BODY_LIMIT,
    schema: {
      tags,
      security,
      summary: `Invite organisations from a CSV file (coordinator), body \`text/csv\` in UTF-8: a header row with "Organisation name", "Contact email" and optionally "Type" and "Size", then at most ${NETWORK_INVITATION_IMPORT_MAX_ROWS} rows. Good rows become invitations together; every row is reported. A malformed file answers 422 (\`csv_*\`) and creates nothing`,
      consumes: ['text/csv'],
      params: ZNetworkParams,
      body: z.string(),
      response: {
        200: ZNetworkInvitationImportResponse,
        ...problems,
        413: ZProblem,
        415: ZProblem,
        422: ZProblem,
      },
    },
    handler: async (request) => {
      const { networkId } = request.params;
      // The file is read after the coordinator check, inside the import's transaction: a stranger
      // gets 404 whatever CSV they send, and a malformed file (422) creates nothing. Only the
      // UTF-8 check runs earlier (in the content-type parser), and it says nothing of the network.
      const result = await importNetworkInvitations(
        app.db,
        request.user,
        networkId,
        () => parseInvitationCsv(request.body),
        config.auth.invitationTtlDays,
      );
      const rows: TNetworkInvitationImportRow[] = result.rows;
      if (!app.mailer.enabled) {
        const urls = new Map(
          result.created.map((c) => [c.row, inviteUrl(config.publicUrl, c.token)]),
        );
        return {
          accepted: result.created.length,
          refused: rows.length - result.created.length,
          delivery: 'link' as const,
          rows: rows.map((row) => {
            const url = urls.get(row.row);
            return url ? { ...row, inviteUrl: url } : row;
          }),
        };
      }
      // A few at a time: an import of hundreds must not wait on each SMTP round trip in turn, nor
      // open hundreds of connections at once.
      const outcomes = await mapWithConcurrency(result.created, MAIL_CONCURRENCY, (created) =>
        sendInvitationMail(app, request.log, result.network, request.user.name, {
          to: created.invitation.email,
          organisationName: created.invitation.organisationName,
          expiresAt: created.invitation.expiresAt.toISOString(),
          url: inviteUrl(config.publicUrl, created.token),
        }),
      );
      const undelivered = result.created.filter((_created, i) => !outcomes[i]);
      const failed = new Set(undelivered.map((created) => created.row));
      await withdrawUndelivered(
        app.db,
        request.user,
        undelivered.map((created) => created.invitation),
      );
      const reported = rows.map((row): TNetworkInvitationImportRow => {
        if (!failed.has(row.row)) return row;
        const { invitationId: _withdrawn, ...rest } = row;
        return {
          ...rest,
          outcome: 'refused',
          reason: 'mail_failed',
          detail: 'The invitation email could not be sent, so the invitation was withdrawn.',
        };
      });
      const accepted = reported.filter((row) => row.outcome === 'accepted').length;
      return {
        accepted,
        refused: reported.length - accepted,
        delivery: 'email' as const,
        rows: reported,
      };
    },
  });

  app.route({
    method: 'POST',
    url: '/network-invitations/accept',
    schema: {
      tags,
      security,
      summary:
        'Accept a network invitation as the signed-in user, for an organisation they administer (`organisationId`) or one they create (`createOrganisation`), choosing its sharing level. Expired, withdrawn or used links answer 410',
      body: ZAcceptNetworkInvitationBody,
      response: {
        200: ZAcceptNetworkInvitationResponse,
        ...problems,
        409: ZProblem,
        410: ZProblem,
      },
    },
    handler: async (request) => acceptNetworkInvitation(app.db, request.user, request.body),
  });
};

/**
 * What a network invitation link is for, before sign-in (public scope): the accept page says
 * "Leeds Teaching Hospitals is invited to join Leeds Anchors". Whoever holds the link may see
 * this; the token is 256 random bits.
 */
export const networkInvitationPublicRoutes: FastifyPluginAsyncZod<RouteModuleOptions> = async (
  app,
) => {
  app.route({
    method: 'GET',
    url: '/network-invitations/preview',
    // Public and answered from the database: a brake on floods (guessing a token is hopeless).
    config: { rateLimit: { max: PREVIEW_RATE_LIMIT, timeWindow: '1 minute' } },
    schema: {
      tags,
      summary:
        'What a network invitation link offers: network, organisation, contact email, expiry and status',
      querystring: ZNetworkInvitationTokenQuery,
      response: { 200: ZNetworkInvitationPreview, 400: ZProblem, 404: ZProblem, 429: ZProblem },
    },
    handler: async (request) => previewNetworkInvitation(app.db, request.query.token),
  });
};
