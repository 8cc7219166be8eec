import { createHash } from 'node:crypto';
import { ZFrameworkVersionResponse } from '@waymark/rubric';
import type { Db } from '../../db/client.js';
import { getFrameworkVersion } from './frameworks.queries.js';
import { cachePerVersion } from './per-version-cache.js';

/** The answer to `GET /frameworks/:frameworkId/versions/:version`, serialised once. */
export interface FrameworkVersionBody {
  /** The JSON bytes, exactly as the response schema's serializer would write them. */
  body: Buffer;
  /** A strong entity tag: a hash of `body`, so equal on every instance that serves these bytes. */
  etag: string;
}

/**
 * A published framework version never changes (a change is a new version), so its 66 KB answer is
 * validated and serialised through the response schema once, when first asked for, and then sent
 * as bytes. Keyed by (frameworkId, version), which names the same bytes on every instance.
 */
export interface FrameworkVersionBodyCache {
  get(key: { frameworkId: string; version: number }): Promise<FrameworkVersionBody | undefined>;
}

export function createFrameworkVersionBodyCache(db: Db): FrameworkVersionBodyCache {
  return {
    get: cachePerVersion(async (key) => {
      const row = await getFrameworkVersion(db, key);
      if (!row) return undefined;
      // What fastify-type-provider-zod's serializer does (encode, then JSON.stringify): a stored
      // definition that no longer fits the contract fails here, as it would per request.
      const encoded = ZFrameworkVersionResponse.encode({
        framework: row.definition,
        publishedAt: row.publishedAt.toISOString(),
      });
      const body = Buffer.from(JSON.stringify(encoded));
      const etag = `"${createHash('sha256').update(body).digest('base64url')}"`;
      return { body, etag };
    }),
  };
}

/**
 * Whether an `If-None-Match` header matches `etag` (RFC 9110 §13.1.2): `*`, or a list of entity
 * tags compared weakly, so `W/"x"` matches `"x"`. Tags are matched as quoted strings, not split on
 * commas, because an entity tag may itself contain a comma.
 */
export function ifNoneMatchMatches(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  if (header.trim() === '*') return true;
  for (const m of header.matchAll(/(?:W\/)?("[^"]*")/g)) {
    if (m[1] === etag) return true;
  }
  return false;
}
