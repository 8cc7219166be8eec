import type { TProblem } from '@waymark/rubric';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
} from 'fastify-type-provider-zod';
import { AppError } from '../errors.js';

/**
 * One error handler for the whole app, answering RFC 9457 problem details
 * (`application/problem+json`) with a stable `code`: validation → 400 with its issues, domain
 * errors → their status, client errors raised by Fastify → their status, database errors caused by
 * the request's content → a 4xx by SQLSTATE, anything else → a logged 500 whose body reveals nothing.
 */

const PROBLEM_TYPE_BASE = 'https://waymark.app/problems/';

type Problem = Omit<TProblem, 'type' | 'instance'>;

function sendProblem(reply: FastifyReply, request: FastifyRequest, problem: Problem) {
  const body: TProblem = {
    type: `${PROBLEM_TYPE_BASE}${problem.code.replaceAll('_', '-')}`,
    instance: request.url,
    ...problem,
  };
  return reply.status(problem.status).type('application/problem+json').send(body);
}

/** Fastify's own client errors (FST_ERR_CTP_BODY_TOO_LARGE…) mapped to stable codes. */
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_body',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid_body',
};

const STATUS_TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
};

/**
 * PostgreSQL errors whose SQLSTATE says the request's content was at fault
 * (https://www.postgresql.org/docs/current/errcodes-appendix.html). Any other database error (a
 * CHECK or NOT NULL constraint guarding our own invariants, a lost connection…) stays a 500.
 */
const DATABASE_PROBLEMS: Record<string, Problem> = {
  '22P05': {
    status: 400,
    code: 'invalid_characters',
    title: 'Bad Request',
    detail: 'The request contains characters that cannot be stored.',
  },
  '22021': {
    status: 400,
    code: 'invalid_characters',
    title: 'Bad Request',
    detail: 'The request contains characters that cannot be stored.',
  },
  '22001': {
    status: 400,
    code: 'value_too_long',
    title: 'Bad Request',
    detail: 'A value in the request is too long to be stored.',
  },
  '22003': {
    status: 400,
    code: 'number_out_of_range',
    title: 'Bad Request',
    detail: 'A number in the request is out of the range that can be stored.',
  },
  '22007': {
    status: 400,
    code: 'invalid_datetime',
    title: 'Bad Request',
    detail: 'A date or time in the request is not valid.',
  },
  '22008': {
    status: 400,
    code: 'invalid_datetime',
    title: 'Bad Request',
    detail: 'A date or time in the request is out of range.',
  },
  '22P02': {
    status: 400,
    code: 'invalid_value',
    title: 'Bad Request',
    detail: 'A value in the request does not have the expected form.',
  },
  '54000': {
    status: 400,
    code: 'value_too_long',
    title: 'Bad Request',
    detail: 'A value in the request is too large to be stored.',
  },
  '23505': {
    status: 409,
    code: 'already_exists',
    title: 'Conflict',
    detail: 'A record with these values already exists.',
  },
};

/** 23503 on insert or update: the request names a record that does not exist (any more). */
const UNKNOWN_REFERENCE: Problem = {
  status: 422,
  code: 'unknown_reference',
  title: 'Unprocessable Content',
  detail: 'The request refers to a record that does not exist.',
};
/** 23503 on delete or update of the referenced row: other records still point at it. */
const STILL_REFERENCED: Problem = {
  status: 409,
  code: 'still_referenced',
  title: 'Conflict',
  detail: 'Other records still refer to this one.',
};

/**
 * The error the database driver raised, wherever it sits: pg's `DatabaseError` and PGlite's both
 * carry `code` (SQLSTATE) and `severity`; drizzle-orm 0.45 wraps them in a `DrizzleQueryError`
 * whose `cause` is the driver's error.
 */
export function findDatabaseError(error: unknown): { code: string; message: string } | undefined {
  let current = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth += 1) {
    const candidate = current as { code?: unknown; severity?: unknown; message?: unknown };
    if (typeof candidate.code === 'string' && typeof candidate.severity === 'string') {
      return {
        code: candidate.code,
        message: typeof candidate.message === 'string' ? candidate.message : '',
      };
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** The 4xx problem for a database error caused by the request's content, else undefined. */
export function databaseProblem(error: unknown): Problem | undefined {
  const found = findDatabaseError(error);
  if (!found) return undefined;
  if (found.code === '23503') {
    return found.message.startsWith('update or delete on table')
      ? STILL_REFERENCED
      : UNKNOWN_REFERENCE;
  }
  return DATABASE_PROBLEMS[found.code];
}

/**
 * A zod custom issue may name its own stable code (`params: { code }`, e.g. `invalid_characters`
 * from the contract's `ZText`); fastify-type-provider-zod keeps the issue's params under `params`.
 */
function customIssueCode(params: unknown): string | undefined {
  const code = (params as { params?: { code?: unknown } } | undefined)?.params?.code;
  return typeof code === 'string' ? code : undefined;
}

async function errorsPlugin(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'request';
      return sendProblem(reply, request, {
        status: 400,
        code: 'validation_failed',
        title: 'Bad Request',
        detail: `The ${where} is not valid.`,
        issues: error.validation.map((issue) => ({
          path: [where, ...issue.instancePath.split('/').filter(Boolean)].join('.'),
          message: issue.message ?? 'is not valid',
          code: customIssueCode(issue.params) ?? issue.keyword,
        })),
      });
    }
    if (error instanceof AppError) {
      return sendProblem(reply, request, {
        status: error.status,
        code: error.code,
        title: error.title,
        detail: error.message,
      });
    }
    const fromDatabase = databaseProblem(error);
    if (fromDatabase) {
      // The request's content was at fault (a value the column cannot hold, a duplicate…): a 4xx
      // that names the kind of problem, never the SQL or the values. Logged without parameters.
      request.log.info({ err: error, code: fromDatabase.code }, 'database refused the request');
      return sendProblem(reply, request, fromDatabase);
    }
    if (!isResponseSerializationError(error)) {
      const status = error.statusCode ?? 500;
      if (status >= 400 && status < 500) {
        return sendProblem(reply, request, {
          status,
          code:
            FASTIFY_CODES[error.code] ??
            (STATUS_TITLES[status] ?? 'client_error').toLowerCase().replaceAll(' ', '_'),
          title: STATUS_TITLES[status] ?? 'Client Error',
          detail: error.message,
        });
      }
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, request, {
      status: 500,
      code: 'internal_error',
      title: 'Internal Server Error',
      detail: 'Something went wrong on our side. The error has been logged.',
    });
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, request, {
      status: 404,
      code: 'route_not_found',
      title: 'Not Found',
      detail: `No route ${request.method} ${request.url.split('?')[0]}.`,
    }),
  );
}

export default fp(errorsPlugin, { name: 'errors', fastify: '5.x' });
