import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as zxcvbnCommon from '@zxcvbn-ts/language-common';
import * as zxcvbnEn from '@zxcvbn-ts/language-en';

/**
 * The password rules beyond length (which the contract's zod schema checks): zxcvbn-ts must score
 * it 3 or more ("safely unguessable"), and it must not contain the person's name or the local part
 * of their email. OWASP ASVS 2.1.7 / NIST 800-63B 5.1.1.2: check against breached and common
 * passwords and context-specific words.
 */

export const MIN_ZXCVBN_SCORE = 3;
/** Part of a name or email shorter than this is too common a substring to forbid. */
const MIN_PERSONAL_PART = 4;

// Built on first use: loading the dictionaries takes a few hundred milliseconds.
let factory: ZxcvbnFactory | undefined;
function zxcvbn(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnEn.dictionary },
    graphs: zxcvbnCommon.adjacencyGraphs,
    translations: zxcvbnEn.translations,
    // zxcvbn's matching grows steeply with length; the first 64 characters say enough.
    maxLength: 64,
  });
  return factory;
}

export interface PasswordProblem {
  code: 'password_weak' | 'password_common' | 'password_personal';
  message: string;
}

function compact(value: string): string {
  return value.toLowerCase().replace(/[\s._\-+]/g, '');
}

/** The personal words a password must not contain: the email's local part and the name. */
function personalWords(context: { email: string; name: string }): string[] {
  const localPart = context.email.split('@')[0] ?? '';
  const nameParts = context.name.split(/\s+/);
  return [localPart, context.name, ...nameParts]
    .map(compact)
    .filter((word) => word.length >= MIN_PERSONAL_PART);
}

/** Why the password is refused, or `null` when it is acceptable. */
export function checkPassword(
  password: string,
  context: { email: string; name: string },
): PasswordProblem | null {
  const haystack = compact(password);
  if (personalWords(context).some((word) => haystack.includes(word))) {
    return {
      code: 'password_personal',
      message: 'The password must not contain your name or the first part of your email address.',
    };
  }
  const result = zxcvbn().check(password, [context.email, context.name, 'waymark']);
  if (result.score >= MIN_ZXCVBN_SCORE) return null;
  const common = result.sequence.some(
    (match) => match.pattern === 'dictionary' && match.dictionaryName === 'passwords-common',
  );
  // One point, said once (issue 8): zxcvbn's own warning ("This is a commonly used password")
  // and suggestions ("Add more words that are less common") repeat what the first sentence says.
  if (common) {
    return {
      code: 'password_common',
      message: 'This password is too common. Choose another: three or four random words work well.',
    };
  }
  // zxcvbn's warning names why ("Repeated characters like "aaa" are easy to guess"): it replaces
  // the generic first sentence rather than repeating it.
  const why =
    result.feedback.warning?.replace(/\.?$/, '.') || 'This password is too easy to guess.';
  return {
    code: 'password_weak',
    message: `${why} Choose a longer one: three or four random words work well.`,
  };
}

/**
 * A password-policy refusal in the same shape as a failed zod validation, so that the one error
 * handler answers it as 400 `validation_failed` with an issue at `body.<field>` (the symbol is the
 * marker fastify-type-provider-zod puts on its validation issues).
 */
export function assertAcceptablePassword(
  field: string,
  password: string,
  context: { email: string; name: string },
): void {
  const problem = checkPassword(password, context);
  if (!problem) return;
  throw Object.assign(new Error('The body is not valid.'), {
    statusCode: 400,
    validationContext: 'body',
    validation: [
      {
        [Symbol.for('ZodFastifySchemaValidationError')]: true,
        keyword: problem.code,
        instancePath: `/${field}`,
        schemaPath: `#/${field}/${problem.code}`,
        message: problem.message,
        params: {},
      },
    ],
  });
}
