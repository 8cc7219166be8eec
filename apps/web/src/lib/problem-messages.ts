import { NETWORK_INVITATION_IMPORT_MAX_ROWS, type TProblem } from '@waymark/rubric';
import { isApiError } from './api-client';

/**
 * The one place where the API's problem details (RFC 9457: a stable `code`, validation `issues`)
 * become words for people (issue 8, "no raw errors"). Nothing shown to a user should quote a
 * problem's `detail` or an issue's `message` without passing through here: those are written for
 * developers ("The body is not valid. token: Too small: expected string…").
 */

/** What a form shows for a failure: a heading, a sentence, and one line per field at fault. */
export interface ProblemDescription {
  title: string;
  detail: string;
  issues: IssueDescription[];
  /**
   * True when trying again unchanged may work (a lost connection, a busy or broken server); false
   * when the user must change something first (a 4xx: a field to fix, a link that expired).
   */
  retryable: boolean;
}

export interface IssueDescription {
  /** The form field's name, e.g. `email` or `evidenceLinks.0.url`; "" for the request as a whole. */
  field: string;
  /** The field's label as the form shows it, e.g. "Email address". */
  label: string;
  /** A sentence naming the field by its label and saying what to do. */
  message: string;
}

/** A client-side code: the form's values cannot be sent as they are (see `use-autosave`). */
export const INVALID_FORM_CODE = 'invalid_form';

const GENERIC: Pick<ProblemDescription, 'title' | 'detail'> = {
  title: 'Something went wrong',
  detail: 'Something went wrong on our side. Try again in a few minutes.',
};

/** How a problem `code` reads. */
export interface ProblemWording {
  title: string;
  detail: string;
  /**
   * Show the API's own detail instead of `detail` when it has one: for codes whose detail the API
   * writes for people and fills with the specifics (which column, which organisation), that a
   * fixed sentence cannot name. `detail` is then the fallback.
   */
  preferApiDetail?: true;
}

/**
 * Plain English by problem `code`. Codes come from apps/api/src (`AppError`s, the error handler's
 * validation, database and Fastify codes, rate limits) and from `CLIENT_ERROR_CODES`. A code is one
 * meaning wherever it is raised (an organisation's invitation or a network's), so the sentences
 * must read right in every place that can answer it.
 */
export const PROBLEM_MESSAGES: Record<string, ProblemWording> = {
  // Browser-side
  network_error: {
    title: 'Could not reach Waymark',
    detail: 'Check your internet connection, then try again.',
  },
  invalid_response: {
    title: 'This page is out of date',
    detail: 'Waymark has been updated since this page loaded. Reload the page, then try again.',
  },
  unexpected_response: GENERIC,
  unexpected_error: GENERIC,
  [INVALID_FORM_CODE]: {
    title: 'There is a problem',
    detail: 'Correct the fields marked below. Your change is kept on this device until then.',
  },
  // Requests the API refused as malformed
  validation_failed: { title: 'There is a problem', detail: 'Correct the fields marked below.' },
  invalid_characters: {
    title: 'There is a problem',
    detail: 'Some text contains a character that cannot be saved. Remove it, then try again.',
  },
  value_too_long: {
    title: 'There is a problem',
    detail: 'Some text is too long to be saved. Shorten it, then try again.',
  },
  number_out_of_range: {
    title: 'There is a problem',
    detail: 'A number is too large to be saved. Check the numbers you entered.',
  },
  invalid_datetime: {
    title: 'There is a problem',
    detail: 'A date is not a real date. Check the dates you entered.',
  },
  invalid_value: {
    title: 'There is a problem',
    detail: 'A value is not in the expected form. Check what you entered.',
  },
  invalid_body: GENERIC,
  invalid_json: GENERIC,
  payload_too_large: {
    title: 'There is a problem',
    detail: 'What you entered is too long to be saved. Shorten the longest text.',
  },
  unsupported_media_type: GENERIC,
  internal_error: GENERIC,
  route_not_found: {
    title: 'This page is out of date',
    detail: 'Reload the page, then try again.',
  },
  // Sessions and sign-in
  invalid_credentials: {
    title: 'Email address or password is wrong',
    detail: 'The email address or password is not correct. Check both, or reset your password.',
  },
  current_password_wrong: {
    title: 'Your current password is wrong',
    detail:
      'Your current password is not correct. Enter it again, or sign out and reset it if you have forgotten it.',
  },
  email_taken: {
    title: 'There is a problem',
    detail: 'An account with this email address already exists. Sign in instead.',
  },
  refresh_token_invalid: {
    title: 'You have been signed out',
    detail: 'Sign in again to carry on.',
  },
  refresh_token_reused: {
    title: 'You have been signed out',
    detail: 'To keep your account safe, every device was signed out. Sign in again to carry on.',
  },
  session_expired: {
    title: 'You have been signed out',
    detail: 'Your sign-in has expired. Sign in again to carry on.',
  },
  unauthorized: { title: 'You have been signed out', detail: 'Sign in again to carry on.' },
  csrf_failed: { title: 'This page is out of date', detail: 'Reload the page, then try again.' },
  reset_token_invalid: {
    title: 'This reset link does not work',
    detail: 'Links work once and expire after a while. Ask for a new one.',
  },
  rate_limited: {
    title: 'Too many attempts',
    detail: 'Wait a few minutes, then try again.',
  },
  password_weak: {
    title: 'There is a problem',
    detail: 'Choose a longer password that is harder to guess.',
  },
  password_common: {
    title: 'There is a problem',
    detail: 'This password is too common. Choose one that is harder to guess.',
  },
  password_personal: {
    title: 'There is a problem',
    detail: 'Your password must not contain your name or email address.',
  },
  // Organisations, people, invitations
  forbidden: {
    title: 'You cannot do this',
    detail: 'Your role in this organisation does not allow it. Ask an admin.',
  },
  not_found: {
    title: 'Not found',
    detail: 'It may have been deleted, or you may not have access to it.',
  },
  // A person invited into an organisation they belong to ("jo@example.org is already a member."),
  // or a network's invitation accepted for an organisation already in the network: the API names
  // which, so its sentence is kept.
  already_member: {
    title: 'Already a member',
    detail: 'They are already a member, so there is nothing to add.',
    preferApiDetail: true,
  },
  invitation_pending: {
    title: 'This address has already been invited',
    detail:
      'This address already has an invitation waiting. Send again and confirm to replace it: the earlier link then stops working.',
  },
  last_admin: {
    title: 'There is a problem',
    detail:
      'An organisation needs at least one admin. Make someone else an admin first, then try again.',
  },
  invitation_accepted: {
    title: 'This invitation has been accepted',
    detail: 'They are now a member, so the invitation cannot be withdrawn. Remove them instead.',
  },
  invitation_email_mismatch: {
    title: 'This invitation is for someone else',
    detail: 'Sign in with the email address the invitation was sent to.',
  },
  invitation_expired: {
    title: 'This invitation has expired',
    detail: 'Ask the person who invited you to send a new one.',
  },
  invitation_used: {
    title: 'This invitation no longer works',
    detail: 'It was used or withdrawn. Ask the person who invited you to send a new one.',
  },
  invitation_revoked: {
    title: 'This invitation has been withdrawn',
    detail: 'Ask the person who invited you to send a new one.',
  },
  mail_failed: {
    title: 'The email could not be sent',
    detail: 'Try again in a few minutes. You can also copy the link and send it yourself.',
  },
  already_exists: {
    title: 'There is a problem',
    detail: 'This already exists. Check the list before adding it again.',
  },
  unknown_reference: {
    title: 'Something has changed',
    detail: 'Something you chose no longer exists. Reload the page, then try again.',
  },
  still_referenced: {
    title: 'This cannot be deleted yet',
    detail: 'Other records still use it. Remove those first.',
  },
  // Assessments, answers, actions
  assessment_locked: {
    title: 'This assessment is locked',
    detail: 'It has been submitted, so answers cannot change. An admin can reopen it.',
  },
  assessment_not_submitted: {
    title: 'This assessment is still open',
    detail: 'Only a submitted assessment can be reopened.',
  },
  answer_conflict: {
    title: 'Someone else changed this answer',
    detail: 'Choose which version to keep.',
  },
  invalid_answer: {
    title: 'There is a problem',
    detail: 'Part of this answer cannot be saved. Check the fields marked below.',
  },
  unknown_criterion: {
    title: 'This question has changed',
    detail: 'It is not part of this assessment any more. Reload the page.',
  },
  criterion_not_found: {
    title: 'This question has changed',
    detail: 'It is not part of this assessment any more. Reload the page.',
  },
  pillar_not_found: {
    title: 'This pillar has changed',
    detail: 'It is not part of this assessment any more. Reload the page.',
  },
  action_not_found: {
    title: 'This action has gone',
    detail: 'Someone may have deleted it. Reload the page.',
  },
  revision_not_found: {
    title: 'This revision has gone',
    detail: 'Reload the page to see the assessment as it is now.',
  },
  invalid_assignee: {
    title: 'There is a problem',
    detail: 'A pillar can only be assigned to an admin or contributor of this organisation.',
  },
  owner_not_member: {
    title: 'There is a problem',
    detail: 'Choose an owner who is a member of this organisation.',
  },
  unknown_framework_version: {
    title: 'This framework version is not available',
    detail: 'Reload the page and choose another version.',
  },
  unknown_optional_pillar: {
    title: 'This pillar is not available',
    detail: 'A pillar you chose is not available. Reload the page and choose again.',
  },
  cycle_closed: {
    title: 'The cycle has closed',
    detail:
      'This assessment answers a network cycle that has closed, so it cannot be submitted. Ask the network’s coordinator to extend the cycle.',
  },
  // Networks: settings and coordinators
  unknown_local_authority: {
    title: 'This district is not available',
    detail:
      'A local authority district you chose is not in Waymark’s list. Reload the page and choose again.',
  },
  unknown_user: {
    title: 'No account uses this email address',
    detail: 'No Waymark account uses that email: ask them to register first.',
  },
  already_coordinator: {
    title: 'Already a coordinator',
    detail: 'They already coordinate this network.',
  },
  last_coordinator: {
    title: 'The network needs a coordinator',
    detail:
      'A network needs at least one coordinator. Add someone else as a coordinator first, then try again.',
  },
  // Network cycles
  cycle_name_taken: {
    title: 'There is a problem',
    detail: 'This network already has a cycle with this name. Choose another name.',
  },
  cycle_dates_out_of_order: {
    title: 'There is a problem',
    detail: 'The closing date must be on or after the opening date.',
  },
  cycle_has_assessments: {
    title: 'The framework version cannot change',
    detail:
      'The framework version cannot change: members have already started their assessments for this cycle.',
  },
  // Starting an assessment for a cycle, or sending its reminder, outside its dates.
  cycle_not_open: {
    title: 'This cycle is not open',
    detail:
      'This cycle is not open today, so assessments cannot be started for it and reminders cannot be sent. A coordinator can extend or reopen it.',
  },
  not_submitted: {
    title: 'Not submitted yet',
    detail: 'This member has not submitted its assessment for this cycle yet.',
    preferApiDetail: true,
  },
  // A network's CSV of invitations, refused as a whole (nothing was created)
  csv_unreadable: {
    title: 'The file could not be read',
    detail:
      'It is not a CSV file Waymark can read. Save it as “CSV UTF-8 (comma delimited)”, or start from the template, then try again.',
  },
  csv_empty: {
    title: 'The file is empty',
    detail: 'Add a header row and one row per organisation, or start from the template.',
  },
  csv_no_rows: {
    title: 'The file has no organisations',
    detail: 'Below the header row, add one row per organisation to invite.',
  },
  csv_too_many_rows: {
    title: 'The file is too long',
    detail: `Invite at most ${NETWORK_INVITATION_IMPORT_MAX_ROWS.toLocaleString('en-GB')} organisations at a time: split the file.`,
    preferApiDetail: true,
  },
  csv_missing_column: {
    title: 'A column is missing',
    detail:
      'The header row must name the columns “Organisation name” and “Contact email” (“Type” and “Size” are optional). Start from the template.',
    preferApiDetail: true,
  },
  csv_duplicate_column: {
    title: 'A column is named twice',
    detail: 'Each column may be named once in the header row. Remove the repeated one.',
    preferApiDetail: true,
  },
};

/**
 * Field labels by the last meaningful part of an issue path (`body.evidenceLinks.2` →
 * `evidenceLinks`). Forms may pass their own labels, which win.
 */
export const FIELD_LABELS: Record<string, string> = {
  email: 'Email address',
  password: 'Password',
  currentPassword: 'Current password',
  newPassword: 'New password',
  name: 'Name',
  token: 'Reset link',
  role: 'Role',
  title: 'Title',
  description: 'Description',
  dueDate: 'Due date',
  ownerUserId: 'Owner',
  status: 'Status',
  notes: 'Notes',
  targetLevel: 'Target level',
  level: 'Where is your organisation today?',
  notApplicable: 'Why does this criterion not apply to your organisation?',
  'notApplicable.reason': 'Why does this criterion not apply to your organisation?',
  notApplicableReason: 'Why does this criterion not apply to your organisation?',
  evidenceLinks: 'Evidence links',
  indicators: 'Indicators',
  sector: 'Sector',
  employees: 'Number of employees',
  localAuthority: 'Local authority',
  type: 'Type of organisation',
};

/** `body.email` → `email`; `body.evidenceLinks.2` → `evidenceLinks.2.url` in the form's terms. */
export function fieldOfIssuePath(path: string): string {
  return path.replace(/^(body|querystring|params)(\.|$)/, '');
}

function lowerFirst(label: string): string {
  // Keep acronyms ("CSV file") as written.
  return /^[A-Z]{2}/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1);
}

/** The label for a field path, e.g. `evidenceLinks.2.url` → "Link 3". */
export function labelOfField(field: string, labels: Record<string, string> = {}): string {
  if (labels[field]) return labels[field];
  const link = /^evidenceLinks\.(\d+)(\.url)?$/.exec(field);
  if (link) return `Link ${Number(link[1]) + 1}`;
  if (FIELD_LABELS[field]) return FIELD_LABELS[field];
  const head = field.split('.')[0] ?? '';
  if (labels[head]) return labels[head];
  if (FIELD_LABELS[head]) return FIELD_LABELS[head];
  // An unknown field: "ownerUserId" → "Owner user id", rather than nothing.
  const words = head.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : 'This field';
}

function firstNumber(text: string): number | null {
  const match = /(\d[\d,]*)/.exec(text);
  return match?.[1] ? Number(match[1].replaceAll(',', '')) : null;
}

const URL_FIELDS = /^(evidenceLinks|url|website)/;

/** One validation issue of a 400 (`issues[]`: path, message, code) in words, naming the field. */
export function describeIssue(
  issue: { path: string; message: string; code?: string | undefined },
  labels: Record<string, string> = {},
): IssueDescription {
  const field = fieldOfIssuePath(issue.path);
  const label = labelOfField(field, labels);
  const named = lowerFirst(label);
  const text = issue.message;
  let message: string;
  switch (issue.code) {
    case 'too_small':
    case 'minLength':
      message =
        field === 'token'
          ? 'The reset link is incomplete. Copy the whole link from the email, or ask for a new one'
          : (firstNumber(text) ?? 1) <= 1
            ? `Enter ${named}`
            : `${label} must be ${firstNumber(text)} characters or more`;
      break;
    case 'too_big':
    case 'maxLength': {
      const max = firstNumber(text);
      message = max
        ? `${label} must be ${max.toLocaleString('en-GB')} characters or fewer`
        : `${label} is too long`;
      break;
    }
    case 'invalid_format':
    case 'format':
    case 'pattern':
      if (URL_FIELDS.test(field)) {
        message = `Enter ${named} as a web address, like https://www.example.org`;
      } else if (field === 'email') {
        message = 'Enter an email address in the correct format, like name@example.org';
      } else {
        message = `Enter ${named} in the correct format`;
      }
      break;
    case 'invalid_characters':
      message = `${label} contains a character that cannot be saved. Remove it and try again`;
      break;
    case 'invalid_type':
      message = `Enter ${named}`;
      break;
    case 'invalid_value':
    case 'enum':
      message = `Choose ${named} from the list`;
      break;
    default:
      // The API's own rules (password strength…) write sentences for people, capitalised; zod's
      // built-in messages and bare refinements ("must not contain spaces") are not.
      message =
        /^[A-Z]/.test(text) && !/^(Invalid|Too (small|big)|Expected)/.test(text)
          ? text
          : `Check ${named}`;
  }
  return { field, label, message };
}

function isRetryableStatus(problem: TProblem): boolean {
  const { status } = problem;
  return status === 0 || status === 408 || status === 429 || status >= 500;
}

/** The problem details behind an error (an `ApiError`'s, or generic ones for anything else). */
export function problemOf(error: unknown): TProblem {
  if (isApiError(error)) return error.problem;
  return {
    type: 'about:blank',
    title: GENERIC.title,
    status: 500,
    code: 'unexpected_error',
    detail: GENERIC.detail,
  };
}

/**
 * A failure in words: by its `code` when it is known, else a careful fallback (a 4xx's own detail,
 * which the API writes for people in its domain errors; never a 5xx's).
 */
export function describeProblem(
  error: unknown,
  labels: Record<string, string> = {},
): ProblemDescription {
  return describeProblemDetails(problemOf(error), labels);
}

/** The same for problem details held on their own (an autosave's last failure). */
export function describeProblemDetails(
  problem: TProblem,
  labels: Record<string, string> = {},
): ProblemDescription {
  const issues = (problem.issues ?? []).map((issue) => describeIssue(issue, labels));
  const known = PROBLEM_MESSAGES[problem.code];
  const retryable = problem.code === INVALID_FORM_CODE ? false : isRetryableStatus(problem);
  if (known) {
    const detail = known.preferApiDetail && problem.detail ? problem.detail : known.detail;
    return { title: known.title, detail, issues, retryable };
  }
  if (problem.status >= 400 && problem.status < 500 && problem.status !== 0) {
    return {
      title: 'There is a problem',
      detail: problem.detail ?? 'Check what you entered, then try again.',
      issues,
      retryable,
    };
  }
  return { ...GENERIC, issues, retryable };
}
