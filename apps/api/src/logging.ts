import type { FastifyRequest, FastifyServerOptions } from 'fastify';

/** Query parameters that carry secrets (invitation and password-reset links). */
const SECRET_PARAMS = /([?&](?:token|code)=)[^&#]*/gi;

/** A URL fit for logs: secret query parameters are replaced by `[redacted]`. */
export function redactUrl(url: string): string {
  return url.replace(SECRET_PARAMS, '$1[redacted]');
}

/**
 * Properties of an error that carry the values of a query or the rows it touched, and so emails,
 * names and password hashes: drizzle's `DrizzleQueryError.params`, PGlite's `params` and
 * `queryOptions`, and PostgreSQL's `detail` ("Key (email)=(…)", "Failing row contains (…)"),
 * `where` and `internalQuery`. They never reach the log; the SQLSTATE `code`, the constraint, the
 * table and the message do.
 */
const ERROR_VALUE_FIELDS = new Set([
  'params',
  'parameters',
  'queryParams',
  'queryOptions',
  'values',
  'detail',
  'where',
  'internalQuery',
]);

/** drizzle-orm 0.45's message is "Failed query: <sql>\nparams: <values>": keep only the SQL. */
function withoutParams(message: string): string {
  const at = message.indexOf('\nparams:');
  return at === -1 ? message : `${message.slice(0, at)}\nparams: [redacted]`;
}

interface SerializedError {
  type: string;
  message: string;
  stack: string;
  [key: string]: unknown;
}

/**
 * Pino serializer for `err`: like pino's own (type, message, stack, the error's own properties,
 * its `cause`), but without the values of a failed query (see `ERROR_VALUE_FIELDS`), including in
 * the message and the stack, which repeats the message.
 */
export function serializeError(error: unknown, depth = 0): SerializedError {
  if (!(error instanceof Error)) {
    return { type: typeof error, message: String(error), stack: '' };
  }
  const message = withoutParams(error.message);
  let stack = error.stack ?? '';
  const at = stack.indexOf(error.message);
  if (at !== -1) {
    stack = `${stack.slice(0, at)}${message}${stack.slice(at + error.message.length)}`;
  } else if (message !== error.message) {
    // The stack does not repeat the message verbatim: keep only its frames.
    stack = stack
      .split('\n')
      .filter((line) => /^\s+at /.test(line))
      .join('\n');
  }
  const out: SerializedError = { type: error.constructor?.name ?? error.name, message, stack };
  for (const [key, value] of Object.entries(error)) {
    if (ERROR_VALUE_FIELDS.has(key) || key === 'cause' || key in out) continue;
    out[key] = value instanceof Error && depth < 4 ? serializeError(value, depth + 1) : value;
  }
  if (error.cause !== undefined && depth < 4) out.cause = serializeError(error.cause, depth + 1);
  return out;
}

/** Pino serializers for Fastify's logs: no tokens and no query values in the logs. */
export const logSerializers = {
  req(request: FastifyRequest) {
    return {
      method: request.method,
      url: redactUrl(request.url),
      host: request.host,
      remoteAddress: request.ip,
    };
  },
  err: serializeError,
};

/**
 * What pino replaces by `[redacted]` wherever it is logged: credentials in headers and any field
 * named like a password or a token, one level deep in any logged object. The one list, used by the
 * server and by the tests.
 */
export const LOG_REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.passwordHash',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*.tokenHash',
  '*.secret',
  '*.jwtSecret',
  '*.smtpUrl',
];

type LoggerOptions = Exclude<FastifyServerOptions['logger'], boolean | undefined>;

/** The logger of the app: level, serializers and redaction, optionally to a stream (tests). */
export function loggerOptions(
  level: string,
  extra: Pick<LoggerOptions, 'stream' | 'transport'> = {},
): LoggerOptions {
  return {
    level,
    serializers: logSerializers,
    redact: { paths: LOG_REDACT_PATHS, censor: '[redacted]' },
    ...extra,
  };
}
