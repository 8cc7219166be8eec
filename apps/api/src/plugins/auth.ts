import jwt from '@fastify/jwt';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors.js';

/** The claims of an access token (besides iss, aud, iat, exp). */
export interface AccessTokenClaims {
  sub: string;
  email: string;
  name: string;
}

/** Who is calling, once `authenticate` has run. */
export interface AuthUser {
  id: string;
  email: string;
  name: string;
}

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: AccessTokenClaims;
    user: AuthUser;
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** onRequest hook for protected scopes: verifies the bearer token, sets `request.user`. */
    authenticate(request: FastifyRequest, reply: FastifyReply): Promise<void>;
    /** Signs a short-lived access token for a user. */
    signAccessToken(user: AuthUser): { accessToken: string; expiresIn: number };
  }
}

export const TOKEN_ISSUER = 'waymark';
export const TOKEN_AUDIENCE = 'waymark-api';
/** The one algorithm accepted: a token that names another (or `none`) is refused. */
const ALGORITHM = 'HS256';
/**
 * fast-jwt checks only the claims a token carries: without this list a token with no `exp` would
 * never expire, and one with no `iss` or `aud` would pass those checks.
 */
const REQUIRED_CLAIMS = ['iss', 'aud', 'exp', 'sub'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class UnauthorizedError extends AppError {
  constructor(detail = 'Sign in to continue: the access token is missing, invalid or expired.') {
    super(401, 'unauthorized', 'Unauthorized', detail);
  }
}

async function authPlugin(
  app: FastifyInstance,
  opts: { secret: string; accessTokenTtlSeconds: number },
) {
  await app.register(jwt, {
    secret: opts.secret,
    sign: {
      algorithm: ALGORITHM,
      iss: TOKEN_ISSUER,
      aud: TOKEN_AUDIENCE,
      expiresIn: opts.accessTokenTtlSeconds,
    },
    verify: {
      algorithms: [ALGORITHM],
      allowedIss: TOKEN_ISSUER,
      allowedAud: TOKEN_AUDIENCE,
      requiredClaims: REQUIRED_CLAIMS,
    },
    formatUser: (claims) => ({ id: claims.sub, email: claims.email, name: claims.name }),
  });

  app.decorate('signAccessToken', (user: AuthUser) => ({
    accessToken: app.jwt.sign({ sub: user.id, email: user.email, name: user.name }),
    expiresIn: opts.accessTokenTtlSeconds,
  }));

  app.decorate('authenticate', async (request: FastifyRequest) => {
    try {
      await request.jwtVerify();
    } catch {
      // One answer for missing, malformed, forged, expired or foreign tokens.
      throw new UnauthorizedError();
    }
    // Every query keys on the user id (a uuid column): anything else is not a token we signed.
    if (typeof request.user.id !== 'string' || !UUID.test(request.user.id)) {
      throw new UnauthorizedError();
    }
  });
}

export default fp(authPlugin, { name: 'auth', fastify: '5.x' });
