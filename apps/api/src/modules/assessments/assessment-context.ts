import type { ApplicabilityOptions, TFramework, TOrganisationProfile } from '@waymark/rubric';
import type { Db } from '../../db/client.js';
import { ForbiddenError, NotFoundError } from '../../errors.js';
import { getFrameworkVersion } from '../frameworks/frameworks.queries.js';
import { cachePerVersion } from '../frameworks/per-version-cache.js';
import type { Role } from '../tenancy.js';
import { type AssessmentForMember, getAssessmentForMember } from './assessments.queries.js';
import { scoringOptions } from './mappers.js';

/**
 * Published framework versions never change (a change is a new version), so each is read from the
 * database once per app and kept: every answer save needs its levels, criteria and indicators.
 */
export interface FrameworkCache {
  get(key: { frameworkId: string; version: number }): Promise<TFramework | undefined>;
}

export function createFrameworkCache(db: Db): FrameworkCache {
  return {
    get: cachePerVersion(async (key) => (await getFrameworkVersion(db, key))?.definition),
  };
}

/** The parts of an assessment that never change once it has started. */
export interface AssessmentMeta {
  organisationId: string;
  frameworkId: string;
  frameworkVersion: number;
  profile: TOrganisationProfile;
  includedOptionalPillars: string[];
}

/**
 * An assessment's organisation, framework version, profile and optional pillars are fixed when it
 * starts (no route changes them), so the answer save — the hottest route — can validate a body
 * against them without a look-up and do its work in one statement that checks membership and
 * status itself. Never used to decide who may see what: only to skip a round trip.
 */
export class AssessmentMetaCache {
  readonly #entries = new Map<string, AssessmentMeta>();
  constructor(readonly maxEntries = 10_000) {}

  get(assessmentId: string): AssessmentMeta | undefined {
    return this.#entries.get(assessmentId);
  }

  remember(assessmentId: string, meta: AssessmentMeta): void {
    if (this.#entries.has(assessmentId)) return;
    if (this.#entries.size >= this.maxEntries) {
      // Forget the oldest (Map keeps insertion order): enough for a cache that only saves a query.
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
    this.#entries.set(assessmentId, meta);
  }
}

/** What the assessments routes pass to each of their sub-modules. */
export interface AssessmentModuleOptions {
  frameworks: FrameworkCache;
  metas: AssessmentMetaCache;
}

export interface AssessmentContext {
  assessment: AssessmentForMember;
  role: Role;
  framework: TFramework;
  /** The profile and optional pillars that decide which criteria apply (see `applicableCriteria`). */
  scoring: ApplicabilityOptions & { profile: TOrganisationProfile };
}

/**
 * The assessment as the caller may see it: found through the caller's membership of its
 * organisation in one query, so that a stranger gets 404 whether or not it exists; a member whose
 * role is not in `allowed` gets 403.
 */
export async function loadAssessment(
  db: Db,
  frameworks: FrameworkCache,
  key: { assessmentId: string; userId: string },
  allowed: readonly Role[],
): Promise<AssessmentContext> {
  const assessment = await getAssessmentForMember(db, key);
  if (!assessment) throw new NotFoundError();
  if (!allowed.includes(assessment.role)) throw new ForbiddenError();
  const framework = await frameworks.get({
    frameworkId: assessment.frameworkId,
    version: assessment.frameworkVersion,
  });
  // The foreign key guarantees the version exists; reaching this is a bug, not a client error.
  if (!framework)
    throw new Error(`framework ${assessment.frameworkId}@${assessment.frameworkVersion} missing`);
  return {
    assessment,
    role: assessment.role,
    framework,
    scoring: scoringOptions(assessment),
  };
}

/** Where in the framework a criterion sits, or undefined when it is not in the framework. */
export function findCriterion(framework: TFramework, criterionId: string) {
  for (const pillar of framework.pillars) {
    const criterion = pillar.criteria.find((c) => c.id === criterionId);
    if (criterion) return { pillar, criterion };
  }
  return undefined;
}
