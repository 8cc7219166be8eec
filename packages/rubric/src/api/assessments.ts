import { z } from 'zod';
import { ZOrganisationType, ZSizeBand, ZSlug } from '../schemas/framework.js';
import { ZAssessmentScores, ZPillarStatus } from '../scoring/schemas.js';
import { ZCycleStatus } from './cycle-status.js';
import { ZProblem } from './frameworks.js';
import { storable, ZRequestId, ZText } from './text.js';

/**
 * The request and response contract of the assessments routes, shared by the API and the web app:
 * `/organisations/:orgId/assessments` and `/assessments/:assessmentId/…` (issue 4).
 *
 * Rules that depend on the framework (a level above the framework's last level, indicator ids of
 * the criterion's pillar, criteria that apply to the organisation) cannot live here: the API checks
 * them against the assessment's framework version and answers 400 / 404 problem details.
 */

// ─── Shared pieces ────────────────────────────────────────────────────────────────────────────

const ZId = z.uuid();
/** A slug in a request: framework, pillar, criterion and indicator ids. */
const ZRequestSlug = storable(ZSlug);
const ZDateTime = z.iso.datetime({ offset: true });

/** The largest scale a framework may have (see `ZFramework.levels`). */
export const MAX_FRAMEWORK_LEVELS = 10;
const ZLevelNumber = z.number().int().min(1).max(MAX_FRAMEWORK_LEVELS);

export const ASSESSMENT_STATUSES = ['draft', 'submitted', 'reopened'] as const;
/** `draft` and `reopened` are editable; `submitted` is locked until an admin reopens it. */
export const ZAssessmentStatus = z.enum(ASSESSMENT_STATUSES);
export type TAssessmentStatus = z.infer<typeof ZAssessmentStatus>;

/** The caller's role in the assessment's organisation. */
export const ZAssessmentCallerRole = z.enum(['admin', 'contributor', 'viewer']);
export type TAssessmentCallerRole = z.infer<typeof ZAssessmentCallerRole>;

/** A person named on a record: who last saved an answer, who owns an action, who a pillar is assigned to. */
export const ZAssessmentUserRef = z.object({ userId: ZId, name: z.string() });
export type TAssessmentUserRef = z.infer<typeof ZAssessmentUserRef>;

/** The organisation's type and size band, copied when the assessment starts: they decide which criteria apply. */
export const ZAssessmentProfile = z.object({
  organisationType: ZOrganisationType,
  sizeBand: ZSizeBand,
});
export type TAssessmentProfile = z.infer<typeof ZAssessmentProfile>;

/**
 * Progress through the questionnaire (rubric `assessmentProgress`): `answered` counts the criteria
 * with a level or marked not applicable ("don't know yet" does not count); `applicable` the
 * criteria that apply to the profile. (The results' `completeness` is scoring's: criteria marked not
 * applicable are left out of both counts there.)
 */
export const ZAssessmentCompleteness = z.object({
  answered: z.number().int().min(0),
  applicable: z.number().int().min(0),
  /** answered ÷ applicable, 0–1. */
  ratio: z.number().min(0).max(1),
  /** Of the answered, how many are marked not applicable: results leave them out of both counts. */
  notApplicable: z.number().int().min(0),
});
export type TAssessmentCompleteness = z.infer<typeof ZAssessmentCompleteness>;

// ─── Params ───────────────────────────────────────────────────────────────────────────────────

export const ZOrganisationAssessmentsParams = z.object({ orgId: ZRequestId });
export type TOrganisationAssessmentsParams = z.infer<typeof ZOrganisationAssessmentsParams>;

export const ZAssessmentParams = z.object({ assessmentId: ZRequestId });
export type TAssessmentParams = z.infer<typeof ZAssessmentParams>;

export const ZAnswerParams = z.object({ assessmentId: ZRequestId, criterionId: ZRequestSlug });
export type TAnswerParams = z.infer<typeof ZAnswerParams>;

export const ZPillarAssigneeParams = z.object({ assessmentId: ZRequestId, pillarId: ZRequestSlug });
export type TPillarAssigneeParams = z.infer<typeof ZPillarAssigneeParams>;

export const ZActionParams = z.object({ assessmentId: ZRequestId, actionId: ZRequestId });
export type TActionParams = z.infer<typeof ZActionParams>;

// ─── Assessments ──────────────────────────────────────────────────────────────────────────────

/**
 * `POST /organisations/:orgId/assessments` (admin). `title` defaults to "<framework title> <year>";
 * `includeOptionalPillars` names optional pillars of that framework version to switch on (an id
 * that is not one → 422 `unknown_optional_pillar`). An unpublished framework version → 404.
 */
export const ZCreateAssessmentBody = z
  .object({
    frameworkId: ZRequestSlug,
    frameworkVersion: z.number().int().min(1),
    title: ZText.trim().min(1).max(120).optional(),
    includeOptionalPillars: z.array(ZRequestSlug).max(20).optional(),
  })
  .strict();
export type TCreateAssessmentBody = z.infer<typeof ZCreateAssessmentBody>;

/** One assessment as lists and the detail show it. */
export const ZAssessmentSummary = z.object({
  id: ZId,
  organisationId: ZId,
  frameworkId: ZSlug,
  frameworkVersion: z.number().int().min(1),
  title: z.string(),
  status: ZAssessmentStatus,
  /** The revision being worked on (or, when submitted, the one submitted); starts at 1. */
  revision: z.number().int().min(1),
  profile: ZAssessmentProfile,
  includedOptionalPillars: z.array(ZSlug),
  completeness: ZAssessmentCompleteness,
  /** When the latest revision was submitted; null if never submitted. */
  submittedAt: ZDateTime.nullable(),
  createdAt: ZDateTime,
  updatedAt: ZDateTime,
});
export type TAssessmentSummary = z.infer<typeof ZAssessmentSummary>;

export const ZAssessmentListResponse = z.object({ items: z.array(ZAssessmentSummary) });
export type TAssessmentListResponse = z.infer<typeof ZAssessmentListResponse>;

// ─── Answers ──────────────────────────────────────────────────────────────────────────────────

export const MAX_NOTES_LENGTH = 5000;
export const MAX_EVIDENCE_LINKS = 20;
export const MAX_URL_LENGTH = 2000;
export const MAX_NOT_APPLICABLE_REASON_LENGTH = 500;

/** An absolute http(s) URL; `javascript:`, `data:` and relative links are refused. */
export const ZEvidenceLink = storable(
  z
    .url({ protocol: /^https?$/ })
    .max(MAX_URL_LENGTH)
    .regex(/^\S+$/, 'must not contain spaces'),
);

export const ZNotApplicable = z
  .object({ reason: ZText.trim().min(1).max(MAX_NOT_APPLICABLE_REASON_LENGTH) })
  .strict();
export type TNotApplicable = z.infer<typeof ZNotApplicable>;

/**
 * `PUT /assessments/:assessmentId/answers/:criterionId` (admin or contributor). The body REPLACES
 * the stored answer: an omitted optional field is cleared.
 *
 * - `level: null` = "don't know yet" (counts as unanswered). A level above the framework's last
 *   level → 400 `level_out_of_range`.
 * - `notApplicable: { reason }` marks the criterion not applicable; `level` must then be null
 *   (one or the other, else 400). `targetLevel` is kept but not scored.
 * - `indicators`: ids of the framework's indicators for this criterion's pillar (others → 400
 *   `unknown_indicator`); percent 0–100 except a "% change" indicator (−100 upwards); counts are
 *   whole numbers ≥ 0; tCO2e and hours ≥ 0 (else 400 `indicator_out_of_range`).
 * - `version`: 0 for the first save of this criterion, else the `version` last received. When the
 *   stored answer has moved on → 409 `answer_conflict` with the stored answer in `current`.
 *
 * Answers 200 with the saved answer and its new `version`, once committed.
 */
export const ZSaveAnswerBody = z
  .object({
    level: ZLevelNumber.nullable(),
    notApplicable: ZNotApplicable.optional(),
    targetLevel: ZLevelNumber.nullable().optional(),
    notes: ZText.max(MAX_NOTES_LENGTH).nullable().optional(),
    evidenceLinks: z.array(ZEvidenceLink).max(MAX_EVIDENCE_LINKS).optional(),
    indicators: z.record(ZRequestSlug, z.number().finite()).optional(),
    version: z.number().int().min(0),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.notApplicable && body.level !== null) {
      ctx.addIssue({
        code: 'custom',
        path: ['level'],
        message: 'must be null when the criterion is marked not applicable',
      });
    }
  });
export type TSaveAnswerBody = z.infer<typeof ZSaveAnswerBody>;

/** A stored answer. */
export const ZAnswer = z.object({
  criterionId: ZSlug,
  level: ZLevelNumber.nullable(),
  notApplicable: ZNotApplicable.nullable(),
  targetLevel: ZLevelNumber.nullable(),
  notes: z.string().nullable(),
  evidenceLinks: z.array(z.string()),
  indicators: z.record(z.string(), z.number()),
  /** Increases by one on every save; send it back with the next save. */
  version: z.number().int().min(1),
  updatedBy: ZAssessmentUserRef.nullable(),
  updatedAt: ZDateTime,
});
export type TAnswer = z.infer<typeof ZAnswer>;

/**
 * 409 problem details. `code: 'answer_conflict'` carries `current`, the stored answer that won, so
 * the page can offer "keep mine" (save again with `version: current.version`) or "take theirs"
 * (`current` is null when nothing is stored: save again with `version: 0`).
 * `code: 'assessment_locked'` (a submitted assessment) carries no `current`.
 */
export const ZAnswerConflictProblem = ZProblem.extend({ current: ZAnswer.nullable().optional() });
export type TAnswerConflictProblem = z.infer<typeof ZAnswerConflictProblem>;

// ─── Detail and task list ─────────────────────────────────────────────────────────────────────

/** One applicable pillar in the task list. */
export const ZPillarTask = z.object({
  pillarId: ZSlug,
  /** The applicable criteria of this pillar, in framework order. */
  criterionIds: z.array(ZSlug),
  status: ZPillarStatus,
  answered: z.number().int().min(0),
  applicable: z.number().int().min(0),
  /** 0–100, rounded to a whole number. */
  percentAnswered: z.number().int().min(0).max(100),
  assignee: ZAssessmentUserRef.nullable(),
  assignedToYou: z.boolean(),
});
export type TPillarTask = z.infer<typeof ZPillarTask>;

/**
 * A network cycle the assessment answers (issue 9), from the organisation's links to cycles, and
 * only in networks the organisation is still a member of.
 */
export const ZAssessmentCycle = z.object({
  cycleId: ZId,
  cycleName: z.string(),
  networkId: ZId,
  networkName: z.string(),
  status: ZCycleStatus,
  closesOn: z.iso.date(),
});
export type TAssessmentCycle = z.infer<typeof ZAssessmentCycle>;

/** `GET /assessments/:assessmentId`. */
export const ZAssessmentDetail = z.object({
  assessment: ZAssessmentSummary,
  framework: z.object({ id: ZSlug, version: z.number().int().min(1) }),
  role: ZAssessmentCallerRole,
  /** Writers may save answers and the assessment is not submitted. */
  canEdit: z.boolean(),
  /** Applicable pillars in framework order, each with its applicable criteria and task status. */
  pillars: z.array(ZPillarTask),
  /** Every stored answer (only for applicable criteria). */
  answers: z.array(ZAnswer),
  /** The network cycles it answers, latest closing first; empty for a standalone assessment. */
  cycles: z.array(ZAssessmentCycle),
});
export type TAssessmentDetail = z.infer<typeof ZAssessmentDetail>;

/** `PUT /assessments/:assessmentId/pillars/:pillarId/assignee` (admin); null unassigns. */
export const ZPillarAssigneeBody = z.object({ userId: ZRequestId.nullable() }).strict();
export type TPillarAssigneeBody = z.infer<typeof ZPillarAssigneeBody>;

export const ZPillarAssigneeResponse = z.object({
  pillarId: ZSlug,
  assignee: ZAssessmentUserRef.nullable(),
});
export type TPillarAssigneeResponse = z.infer<typeof ZPillarAssigneeResponse>;

// ─── Submit, reopen, revisions ────────────────────────────────────────────────────────────────

/** A stored answer as kept in a submitted revision (without who/when). */
export const ZRevisionAnswer = ZAnswer.omit({ updatedBy: true, updatedAt: true, version: true });
export type TRevisionAnswer = z.infer<typeof ZRevisionAnswer>;

export const ZRevisionSummary = z.object({
  revision: z.number().int().min(1),
  submittedAt: ZDateTime,
  submittedBy: ZAssessmentUserRef.nullable(),
  /** Scores as `scoreAssessment` computed them at submission (unrounded). */
  scores: ZAssessmentScores,
});
export type TRevisionSummary = z.infer<typeof ZRevisionSummary>;

/** `POST /assessments/:assessmentId/submit` (admin) → 200. */
export const ZSubmitAssessmentResponse = z.object({
  assessment: ZAssessmentSummary,
  revision: ZRevisionSummary,
});
export type TSubmitAssessmentResponse = z.infer<typeof ZSubmitAssessmentResponse>;

/** 422 `assessment_incomplete`: the applicable criteria with neither a level nor a not-applicable reason. */
export const ZAssessmentIncompleteProblem = ZProblem.extend({
  missingCriterionIds: z.array(ZSlug).optional(),
});
export type TAssessmentIncompleteProblem = z.infer<typeof ZAssessmentIncompleteProblem>;

/** `POST /assessments/:assessmentId/reopen` (admin, only when submitted) → 200 the assessment. */
export const ZReopenAssessmentResponse = ZAssessmentSummary;
export type TReopenAssessmentResponse = z.infer<typeof ZReopenAssessmentResponse>;

/** `GET /assessments/:assessmentId/revisions` (any member): submitted revisions, oldest first. */
export const ZRevisionListResponse = z.object({ items: z.array(ZRevisionSummary) });
export type TRevisionListResponse = z.infer<typeof ZRevisionListResponse>;

// ─── Results ──────────────────────────────────────────────────────────────────────────────────

/** `GET /assessments/:assessmentId/results?revision=n`: without `revision`, the working copy. */
export const ZResultsQuery = z
  .object({ revision: z.coerce.number().int().min(1).max(1_000_000).optional() })
  .strict();
export type TResultsQuery = z.infer<typeof ZResultsQuery>;

const ZRoundedScore = z.number().min(0).max(100);

export const ZStage = z.object({ level: ZLevelNumber, name: z.string() });
export type TStage = z.infer<typeof ZStage>;

/** A level of one criterion as the results show it: "what to do next". */
export const ZNextStep = z.object({
  level: ZLevelNumber,
  name: z.string(),
  descriptor: z.string(),
  example: z.string(),
});
export type TNextStep = z.infer<typeof ZNextStep>;

/** One pillar's results; scores rounded to one decimal, null while nothing is answered. */
export const ZPillarResult = z.object({
  pillarId: ZSlug,
  title: z.string(),
  score: ZRoundedScore.nullable(),
  targetScore: ZRoundedScore.nullable(),
  /** targetScore − score, null when either is null. */
  gap: z.number().nullable(),
  stage: ZStage.nullable(),
  answered: z.number().int().min(0),
  applicable: z.number().int().min(0),
  completeness: z.number().min(0).max(1),
  status: ZPillarStatus,
});
export type TPillarResult = z.infer<typeof ZPillarResult>;

/** One applicable criterion's results. */
export const ZCriterionResult = z.object({
  criterionId: ZSlug,
  pillarId: ZSlug,
  title: z.string(),
  /** null: don't know yet, not answered, or not applicable. */
  level: ZLevelNumber.nullable(),
  levelName: z.string().nullable(),
  notApplicable: z.boolean(),
  targetLevel: ZLevelNumber.nullable(),
  /** targetLevel − level in levels; null when either is missing. */
  gap: z.number().int().nullable(),
  /**
   * The next level's descriptor and example: level + 1 when answered below the top, level 1 when
   * not yet answered; null at the top level and when not applicable.
   */
  next: ZNextStep.nullable(),
});
export type TCriterionResult = z.infer<typeof ZCriterionResult>;

/** One row per pillar axis: `today` and `target` are rounded scores (null = no answer yet). */
export const ZResultsRadarDatum = z.object({
  axis: z.string(),
  pillarId: ZSlug,
  today: ZRoundedScore.nullable(),
  target: ZRoundedScore.nullable(),
});
export type TResultsRadarDatum = z.infer<typeof ZResultsRadarDatum>;

/**
 * What the results page shows, shaped by `buildAssessmentResults` in the rubric package:
 * - `strengths.pillars`: up to 3 scored pillars, highest score first; `strengths.criteria`: up to 5
 *   criteria in the upper half of the scale, highest level first.
 * - `priorities.pillars`: pillars with a positive gap (targetScore − score), largest first;
 *   `priorities.criteria`: up to 5 criteria with a positive gap in levels, largest first (then the
 *   lower current level, then framework order).
 */
export const ZAssessmentResults = z.object({
  assessmentId: ZId,
  status: ZAssessmentStatus,
  /** Which revision these results are of. */
  revision: z.number().int().min(1),
  /** `working_copy`: the answers as they are now (partial while a draft); `submitted`: a stored revision. */
  source: z.enum(['working_copy', 'submitted']),
  framework: z.object({ id: ZSlug, version: z.number().int().min(1) }),
  overall: z.object({
    score: ZRoundedScore.nullable(),
    targetScore: ZRoundedScore.nullable(),
    stage: ZStage.nullable(),
  }),
  /** Scoring's counts: criteria marked not applicable are left out of both. */
  completeness: ZAssessmentCompleteness.omit({ notApplicable: true }),
  pillars: z.array(ZPillarResult),
  radar: z.array(ZResultsRadarDatum),
  strengths: z.object({ pillars: z.array(ZPillarResult), criteria: z.array(ZCriterionResult) }),
  priorities: z.object({ pillars: z.array(ZPillarResult), criteria: z.array(ZCriterionResult) }),
  criteria: z.array(ZCriterionResult),
});
export type TAssessmentResults = z.infer<typeof ZAssessmentResults>;

// ─── Actions ──────────────────────────────────────────────────────────────────────────────────

export const ACTION_STATUSES = ['planned', 'in_progress', 'done'] as const;
export const ZActionStatus = z.enum(ACTION_STATUSES);
export type TActionStatus = z.infer<typeof ZActionStatus>;

export const MAX_ACTION_TITLE_LENGTH = 200;
export const MAX_ACTION_DESCRIPTION_LENGTH = 5000;

/** A calendar date, `YYYY-MM-DD`. */
export const ZDueDate = storable(z.iso.date());

/**
 * `POST /assessments/:assessmentId/actions` (admin or contributor). `criterionId` must be a
 * criterion of the assessment's framework; `ownerUserId` a member of the organisation.
 * Omit `title` to pre-fill it from the criterion's next level ("Fair pay: reach Embedding", cut to
 * 200 characters) — `description` then defaults to that level's descriptor and example.
 */
export const ZCreateActionBody = z
  .object({
    criterionId: ZRequestSlug,
    title: ZText.trim().min(1).max(MAX_ACTION_TITLE_LENGTH).optional(),
    description: ZText.trim().max(MAX_ACTION_DESCRIPTION_LENGTH).nullable().optional(),
    ownerUserId: ZRequestId.nullable().optional(),
    dueDate: ZDueDate.nullable().optional(),
    status: ZActionStatus.optional(),
  })
  .strict();
export type TCreateActionBody = z.infer<typeof ZCreateActionBody>;

/** `PATCH /assessments/:assessmentId/actions/:actionId`: any of the fields, at least one. */
export const ZUpdateActionBody = z
  .object({
    criterionId: ZRequestSlug.optional(),
    title: ZText.trim().min(1).max(MAX_ACTION_TITLE_LENGTH).optional(),
    description: ZText.trim().max(MAX_ACTION_DESCRIPTION_LENGTH).nullable().optional(),
    ownerUserId: ZRequestId.nullable().optional(),
    dueDate: ZDueDate.nullable().optional(),
    status: ZActionStatus.optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'change at least one field' });
export type TUpdateActionBody = z.infer<typeof ZUpdateActionBody>;

/** `GET /assessments/:assessmentId/actions?status=&criterionId=&ownerUserId=`. */
export const ZActionListQuery = z
  .object({
    status: ZActionStatus.optional(),
    criterionId: ZRequestSlug.optional(),
    ownerUserId: ZRequestId.optional(),
  })
  .strict();
export type TActionListQuery = z.infer<typeof ZActionListQuery>;

export const ZAction = z.object({
  id: ZId,
  assessmentId: ZId,
  criterionId: ZSlug,
  title: z.string(),
  description: z.string().nullable(),
  owner: ZAssessmentUserRef.nullable(),
  dueDate: ZDueDate.nullable(),
  status: ZActionStatus,
  createdAt: ZDateTime,
  updatedAt: ZDateTime,
  /** Set when the status became `done`; cleared if it leaves `done`. */
  completedAt: ZDateTime.nullable(),
});
export type TAction = z.infer<typeof ZAction>;

/** Actions in creation order. */
export const ZActionListResponse = z.object({ items: z.array(ZAction) });
export type TActionListResponse = z.infer<typeof ZActionListResponse>;
