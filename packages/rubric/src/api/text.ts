import { z } from 'zod';

/**
 * Every string a request carries (body, params, querystring, record keys, array items) is built on
 * `ZText` or passed through `storable`, so that none can forget the check. A NUL character cannot
 * be stored in PostgreSQL `text` or `jsonb` at all, and a lone UTF-16 surrogate ("\ud800") cannot
 * be encoded as UTF-8: it would fail in `jsonb` and silently turn into U+FFFD in `text`. Both are
 * refused with a 400 whose issue names the field and carries the code `INVALID_CHARACTERS_CODE`.
 * `packages/rubric/src/api/text.test.ts` walks every request schema of the contract to prove it.
 */

/** The stable `code` of the issue (`issues[].code`) for a string holding such a character. */
export const INVALID_CHARACTERS_CODE = 'invalid_characters';

/** A high surrogate not followed by a low one, or a low surrogate not preceded by a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** False when the string holds a character the database cannot store (see above). */
export function isStorableText(value: string): boolean {
  return !value.includes('\u0000') && !LONE_SURROGATE.test(value);
}

const STORABLE_CHECK = {
  message: 'must not contain NUL characters or unpaired UTF-16 surrogates',
  params: { code: INVALID_CHARACTERS_CODE },
} as const;

/** Adds the check to a string schema that does not start from `ZText` (formats: uuid, url, email…). */
export function storable<T extends z.ZodType<string, string>>(schema: T): T {
  return schema.refine(isStorableText, STORABLE_CHECK) as T;
}

/** The base of every free-text request field: `ZText.trim().min(1).max(200)` and so on. */
export const ZText = storable(z.string());

/** A UUID in a request (ids in paths, bodies and querystrings). */
export const ZRequestId = storable(z.uuid());
