import { z } from 'zod';
import { ZAssessmentResults } from './assessments.js';
import { ZRequestId, ZText } from './text.js';

/**
 * The contract of a coordinator's cycle reminders (`POST /cycles/:cycleId/reminders`, params
 * `ZCycleParams`) and of the coordinator's read-only view of a named member's results
 * (`GET /cycles/:cycleId/members/:organisationId/results`), issue 9.
 */

const ZId = z.uuid();
const ZDateTime = z.iso.datetime({ offset: true });

// ─── Reminders ────────────────────────────────────────────────────────────────────────────────

export const MAX_REMINDER_MESSAGE_LENGTH = 2000;
/** A member reminded (by hand or automatically) this recently is not reminded again by hand. */
export const REMINDER_COOLDOWN_HOURS = 24;

/**
 * `POST /cycles/:cycleId/reminders` (coordinators, cycle open): reminds every member that has not
 * submitted, with an optional personal message added to the notice and the email.
 */
export const ZSendCycleReminderBody = z
  .object({ message: ZText.trim().min(1).max(MAX_REMINDER_MESSAGE_LENGTH).optional() })
  .strict();
export type TSendCycleReminderBody = z.infer<typeof ZSendCycleReminderBody>;

/** A member reminded. Coordinators see every member's name and participation (not its scores). */
export const ZRemindedOrganisation = z.object({
  organisationId: ZId,
  name: z.string(),
  sharing: z.enum(['named', 'anonymous']),
  progress: z.enum(['not_started', 'in_progress']),
});
export type TRemindedOrganisation = z.infer<typeof ZRemindedOrganisation>;

/**
 * 201: `sent` members got an in-app notice now; when SMTP is configured (`email: true`) their
 * admins are emailed by the background job shortly after. `sent: 0` when everyone has submitted.
 * `recentlyReminded`: members that have not submitted but were reminded in the last
 * `REMINDER_COOLDOWN_HOURS` hours, so were left out this time.
 */
export const ZSendCycleReminderResponse = z.object({
  cycleId: ZId,
  /** The batch's key (`manual:<uuid>`): one reminder per member per key, never sent twice. */
  key: z.string(),
  sent: z.number().int().min(0),
  recentlyReminded: z.number().int().min(0),
  email: z.boolean(),
  organisations: z.array(ZRemindedOrganisation),
});
export type TSendCycleReminderResponse = z.infer<typeof ZSendCycleReminderResponse>;

// ─── A named member's results (coordinators) ────────────────────────────────────────────────

export const ZCycleMemberResultsParams = z
  .object({ cycleId: ZRequestId, organisationId: ZRequestId })
  .strict();
export type TCycleMemberResultsParams = z.infer<typeof ZCycleMemberResultsParams>;

/**
 * The member's latest submitted revision's results (the same shape as
 * `GET /assessments/:id/results?revision=n`), with whose they are. Only named members: an
 * anonymous member, a non-member or one without an assessment in the cycle answers 404; a member
 * whose assessment has not been submitted answers 409 `not_submitted`.
 */
export const ZCycleMemberResults = ZAssessmentResults.extend({
  cycleId: ZId,
  organisationId: ZId,
  organisationName: z.string(),
  sharing: z.literal('named'),
  submittedAt: ZDateTime,
});
export type TCycleMemberResults = z.infer<typeof ZCycleMemberResults>;
