import type { TMemberRole, TOrganisationType, TSizeBand } from '@waymark/rubric';

/** Words for the organisation profile's codes, shared by every page that shows them. */

export const ORGANISATION_TYPE_LABELS: Record<TOrganisationType, string> = {
  business: 'Business',
  public_sector: 'Public sector',
  voluntary_community: 'Voluntary and community',
};

export const SIZE_BAND_LABELS: Record<TSizeBand, string> = {
  micro: 'Micro (fewer than 10 people)',
  small: 'Small (10 to 49 people)',
  medium: 'Medium (50 to 249 people)',
  large: 'Large (250 people or more)',
};

export const ROLE_LABELS: Record<TMemberRole, string> = {
  admin: 'Admin',
  contributor: 'Contributor',
  viewer: 'Viewer',
};

export const ROLE_DESCRIPTIONS: Record<TMemberRole, string> = {
  admin: 'manages the profile and people, assigns pillars, submits assessments',
  contributor: 'answers criteria and works on the action plan',
  viewer: 'reads assessments and results, changes nothing',
};

export function options<T extends string>(labels: Record<T, string>) {
  return (Object.entries(labels) as [T, string][]).map(([value, label]) => ({ value, label }));
}
