import { zodResolver } from '@hookform/resolvers/zod';
import {
  type FieldError,
  type FieldValues,
  type Path,
  type Resolver,
  type UseFormProps,
  type UseFormReturn,
  useForm,
} from 'react-hook-form';
import type { z } from 'zod';
import { isApiError } from './api-client';
import { describeIssue, fieldOfIssuePath } from './problem-messages';

/**
 * Forms validate with the API's own zod schemas (one source of truth for the rules); the words
 * people read come from here, not from the schemas (STYLE.md: no English hard-coded in schemas
 * that the UI must show).
 */
export function formErrorMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string') {
        return minimum <= 1 ? 'This field is required' : `Use at least ${minimum} characters`;
      }
      if (issue.origin === 'number') return `Enter ${minimum} or more`;
      return undefined;
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      if (issue.origin === 'string') return `Use at most ${maximum} characters`;
      if (issue.origin === 'number') return `Enter ${maximum.toLocaleString('en-GB')} or less`;
      return undefined;
    }
    case 'invalid_format':
      if (issue.input === '') return 'This field is required';
      if (issue.format === 'email') return 'Enter an email address, like name@example.org';
      if (issue.format === 'url') return 'Enter a full web address, starting with https://';
      return 'This is not in the expected format';
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null || issue.input === '') {
        return 'This field is required';
      }
      if (issue.expected === 'number' || issue.expected === 'int') return 'Enter a whole number';
      return undefined;
    case 'invalid_value':
      return 'Choose one of the options';
    default:
      return undefined;
  }
}

/**
 * `useForm` validated by a contract schema, with friendly messages. Submitting with errors focuses
 * the first invalid field (react-hook-form's `shouldFocusError`, on by default).
 */
export function useZodForm<TSchema extends z.ZodType<FieldValues, FieldValues>>(
  schema: TSchema,
  {
    required,
    ...options
  }: Omit<UseFormProps<z.input<TSchema>, unknown, z.output<TSchema>>, 'resolver'> & {
    /**
     * What to say when a field is left empty, named for it ("Enter your name"), instead of the
     * generic message: the field, the error summary and anything else reading `errors` agree.
     */
    required?: Partial<Record<keyof z.input<TSchema> & string, string>>;
  } = {},
): UseFormReturn<z.input<TSchema>, unknown, z.output<TSchema>> {
  // The resolver's overloads cannot follow a generic schema; the form's types are pinned above.
  const resolver = zodResolver(schema as never, { error: formErrorMessage }) as unknown as Resolver<
    FieldValues,
    unknown,
    FieldValues
  >;
  return useForm<z.input<TSchema>, unknown, z.output<TSchema>>({
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    ...options,
    resolver: (required ? withRequiredMessages(resolver, required) : resolver) as never,
  });
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || String(value).trim() === '';
}

/** A field left empty says `required[field]`, whatever the schema's first complaint was. */
function withRequiredMessages(
  resolver: Resolver<FieldValues, unknown, FieldValues>,
  required: Partial<Record<string, string>>,
): Resolver<FieldValues, unknown, FieldValues> {
  return async (values, context, options) => {
    const result = await resolver(values, context, options);
    for (const [field, message] of Object.entries(required)) {
      const error = result.errors[field];
      if (message && error && isBlank(values[field])) {
        result.errors[field] = { ...(error as FieldError), message };
      }
    }
    return result;
  };
}

export interface ApplyServerErrorsOptions<T extends FieldValues> {
  /** The form's fields: issues at these paths are shown on the field. */
  fields: readonly Path<T>[];
  /** Problem codes that belong to one field, e.g. `{ email_taken: 'email' }`. */
  codeFields?: Partial<Record<string, Path<T>>>;
  /** The fields' labels, to name them in messages ("Enter email address"). */
  labels?: Record<string, string>;
}

/**
 * Shows a failed submission where it belongs: a 400's `issues` on their fields (focusing the first),
 * a known code on its field. Returns what is left for the form's alert, or null if every problem
 * found its field.
 */
export function applyServerErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormReturn<T, unknown, unknown>['setError'],
  { fields, codeFields = {}, labels = {} }: ApplyServerErrorsOptions<T>,
): unknown {
  if (!isApiError(error)) return error;
  const known = new Set<string>(fields);

  const codeField = codeFields[error.code];
  if (codeField) {
    // A domain error's detail is written for people by the API, and names the field's problem.
    setError(codeField, { type: 'server', message: error.message }, { shouldFocus: true });
    return null;
  }

  const issues = error.status === 400 ? (error.problem.issues ?? []) : [];
  if (issues.length === 0) return error;

  let focused = false;
  let unplaced = false;
  for (const issue of issues) {
    const field = fieldOfIssuePath(issue.path);
    if (known.has(field)) {
      setError(
        field as Path<T>,
        { type: 'server', message: describeIssue(issue, labels).message },
        {
          shouldFocus: !focused,
        },
      );
      focused = true;
    } else {
      unplaced = true;
    }
  }
  return unplaced ? error : null;
}
