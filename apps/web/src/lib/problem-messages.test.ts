import { describe, expect, it } from 'vitest';
import { ApiError, CLIENT_ERROR_CODES } from './api-client';
import { describeIssue, describeProblem, labelOfField, PROBLEM_MESSAGES } from './problem-messages';

function apiError(problem: Partial<ConstructorParameters<typeof ApiError>[0]>) {
  return new ApiError({
    type: 'about:blank',
    title: 'Bad Request',
    status: 400,
    code: 'validation_failed',
    ...problem,
  });
}

describe('problem messages', () => {
  it('says a bad reset token in words, naming the link rather than the field', () => {
    const description = describeProblem(
      apiError({
        detail: 'The body is not valid.',
        issues: [
          {
            path: 'body.token',
            message: 'Too small: expected string to have >=1 characters',
            code: 'too_small',
          },
        ],
      }),
    );
    expect(description.title).toBe('There is a problem');
    expect(description.issues).toEqual([
      {
        field: 'token',
        label: 'Reset link',
        message:
          'The reset link is incomplete. Copy the whole link from the email, or ask for a new one',
      },
    ]);
    expect(JSON.stringify(description)).not.toMatch(/body is not valid|Too small|>=/);
    expect(description.retryable).toBe(false);
  });

  it('names evidence links and other fields by their labels', () => {
    expect(labelOfField('evidenceLinks.2.url')).toBe('Link 3');
    expect(
      describeIssue({
        path: 'body.evidenceLinks.0',
        message: 'Invalid URL',
        code: 'invalid_format',
      }).message,
    ).toBe('Enter link 1 as a web address, like https://www.example.org');
    expect(
      describeIssue({ path: 'body.notes', message: 'Too big: expected <=5000', code: 'too_big' })
        .message,
    ).toBe('Notes must be 5,000 characters or fewer');
    expect(describeIssue({ path: 'body.email', message: 'x', code: 'too_small' }).message).toBe(
      'Enter email address',
    );
    expect(
      describeIssue(
        { path: 'body.name', message: 'bad', code: 'invalid_characters' },
        { name: 'Organisation name' },
      ).message,
    ).toBe('Organisation name contains a character that cannot be saved. Remove it and try again');
  });

  it('keeps the sentences the API writes for people, never zod’s own', () => {
    const sentence = 'This password is too common: add more words.';
    expect(
      describeIssue({ path: 'body.password', message: sentence, code: 'password_common' }).message,
    ).toBe(sentence);
    expect(
      describeIssue({ path: 'body.title', message: 'must not contain spaces', code: 'custom' })
        .message,
    ).toBe('Check title');
  });

  it('tells retryable failures from those the user must fix', () => {
    const offline = new ApiError({
      type: 'about:blank',
      title: 'Could not reach Waymark',
      status: 0,
      code: CLIENT_ERROR_CODES.network,
    });
    expect(describeProblem(offline)).toMatchObject({
      retryable: true,
      title: 'Could not reach Waymark',
    });
    expect(describeProblem(apiError({ status: 503, code: 'internal_error' })).retryable).toBe(true);
    expect(describeProblem(apiError({ status: 409, code: 'assessment_locked' }))).toMatchObject({
      retryable: false,
      title: 'This assessment is locked',
    });
  });

  it('never shows a server error’s own text, nor a thrown one', () => {
    const crash = describeProblem(
      apiError({ status: 500, code: 'something_new', detail: 'TypeError at line 3' }),
    );
    expect(crash.detail).not.toContain('TypeError');
    expect(describeProblem(new Error('[ { "code": "invalid_format" } ]')).detail).not.toContain(
      'invalid_format',
    );
  });

  // The codes apps/api/src/modules/{networks,cycles,reminders} raise (and `cycle_closed`, which
  // submitting an assessment raises for a closed cycle).
  const NETWORK_AND_CYCLE_CODES = [
    'unknown_local_authority',
    'unknown_optional_pillar',
    'unknown_user',
    'already_coordinator',
    'last_coordinator',
    'cycle_name_taken',
    'cycle_dates_out_of_order',
    'cycle_has_assessments',
    'cycle_not_open',
    'cycle_closed',
    'unknown_framework_version',
    'already_member',
    'invitation_pending',
    'invitation_accepted',
    'invitation_used',
    'invitation_revoked',
    'invitation_expired',
    'mail_failed',
    'not_submitted',
    'csv_unreadable',
    'csv_empty',
    'csv_no_rows',
    'csv_too_many_rows',
    'csv_missing_column',
    'csv_duplicate_column',
  ];

  it.each(NETWORK_AND_CYCLE_CODES)('has words of its own for %s', (code) => {
    expect(PROBLEM_MESSAGES[code]).toBeDefined();
    const description = describeProblem(
      apiError({ status: 409, code, detail: 'Developer text: GET /api/v1/x' }),
    );
    expect(description.title).not.toBe('Something went wrong');
    expect(description.detail.length).toBeGreaterThan(20);
    expect(description.retryable).toBe(false);
  });

  it('puts its own sentence over the API’s where the API’s is written for developers', () => {
    const description = describeProblem(
      apiError({
        status: 422,
        code: 'unknown_local_authority',
        detail:
          'Unknown local authority code: E99999999. Use ONS district codes from GET /api/v1/local-authorities.',
      }),
    );
    expect(description).toMatchObject({
      title: 'This district is not available',
      detail:
        'A local authority district you chose is not in Waymark’s list. Reload the page and choose again.',
    });
    expect(
      describeProblem(
        apiError({
          status: 422,
          code: 'csv_unreadable',
          detail: 'Invalid Closing Quote at line 3',
        }),
      ).detail,
    ).not.toContain('Closing Quote');
  });

  it('keeps the API’s own detail where it names the specifics, with a sentence to fall back on', () => {
    const named = describeProblem(
      apiError({
        status: 422,
        code: 'csv_missing_column',
        detail: 'The file has no "Contact email" column.',
      }),
    );
    expect(named).toMatchObject({
      title: 'A column is missing',
      detail: 'The file has no "Contact email" column.',
    });
    expect(
      describeProblem(
        apiError({
          status: 409,
          code: 'already_member',
          detail: 'This organisation is already a member of the network.',
        }),
      ).detail,
    ).toBe('This organisation is already a member of the network.');
    const bare = describeProblem(apiError({ status: 422, code: 'csv_too_many_rows' }));
    expect(bare.detail).toBe('Invite at most 1,000 organisations at a time: split the file.');
  });
});
