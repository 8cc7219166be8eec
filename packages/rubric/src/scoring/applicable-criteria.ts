import type { TApplicability, TFramework, TPillar } from '../schemas/framework.js';
import type { TOrganisationProfile } from './schemas.js';

export interface ApplicabilityOptions {
  /** Ids of the optional pillars that the network (or organisation) has switched on. */
  includeOptionalPillars?: readonly string[];
}

/**
 * Whether an `appliesTo` rule admits an organisation. A missing rule or list admits everyone, and
 * a profile that does not state a field is not excluded on that field (we do not know, so we ask).
 */
function admits(appliesTo: TApplicability | undefined, profile: TOrganisationProfile): boolean {
  if (!appliesTo) return true;
  const { organisationTypes, sizeBands } = appliesTo;
  if (organisationTypes && profile.organisationType !== undefined) {
    if (!organisationTypes.includes(profile.organisationType)) return false;
  }
  if (sizeBands && profile.sizeBand !== undefined) {
    if (!sizeBands.includes(profile.sizeBand)) return false;
  }
  return true;
}

/**
 * The pillars, each with only its criteria, that apply to an organisation:
 * - an `optional` pillar only when its id is in `includeOptionalPillars`;
 * - a pillar or criterion with `appliesTo` only when the profile matches it (see {@link admits});
 * - a pillar left with no criteria is dropped.
 *
 * Framework order is kept. The framework is not modified; pillars are shallow copies.
 */
export function applicableCriteria(
  framework: TFramework,
  profile: TOrganisationProfile,
  options: ApplicabilityOptions = {},
): TPillar[] {
  const included = new Set(options.includeOptionalPillars ?? []);
  const pillars: TPillar[] = [];
  for (const pillar of framework.pillars) {
    if (pillar.optional && !included.has(pillar.id)) continue;
    if (!admits(pillar.appliesTo, profile)) continue;
    const criteria = pillar.criteria.filter((criterion) => admits(criterion.appliesTo, profile));
    if (criteria.length > 0) pillars.push({ ...pillar, criteria });
  }
  return pillars;
}
