import type { FastifyRequest } from 'fastify';

/** Query parameters that carry secrets (invitation and password-reset links). */
const SECRET_PARAMS = /([?&](?:token|code)=)[^&#]*/gi;

/** A URL fit for logs: secret query parameters are replaced by `[redacted]`. */
export function redactUrl(url: string): string {
  return url.replace(SECRET_PARAMS, '$1[redacted]');
}

/** Pino serializers for Fastify's request logs: no tokens in the logs. */
export const logSerializers = {
  req(request: FastifyRequest) {
    return {
      method: request.method,
      url: redactUrl(request.url),
      host: request.host,
      remoteAddress: request.ip,
    };
  },
};
