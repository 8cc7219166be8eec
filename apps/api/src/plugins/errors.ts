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
 * errors → their status, client errors raised by Fastify → their status, anything else → a logged
 * 500 whose body reveals nothing.
 */

const PROBLEM_TYPE_BASE = 'https://waymark.app/problems/';

function sendProblem(
  reply: FastifyReply,
  request: FastifyRequest,
  problem: Omit<TProblem, 'type' | 'instance'>,
) {
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
          code: issue.keyword,
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
