import type { TApplicability, TOrganisationType, TPillar, TSizeBand } from '@waymark/rubric';

/** Plain-English labels for `appliesTo` rules, so that nobody reads `sizeBands: [...]` on screen. */

const SIZE_LABELS: Record<TSizeBand, string> = {
  micro: 'micro',
  small: 'small',
  medium: 'medium',
  large: 'large',
};

const TYPE_NOUNS: Record<TOrganisationType, string> = {
  business: 'businesses',
  public_sector: 'public-sector organisations',
  voluntary_community: 'voluntary and community organisations',
};

function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * "Medium and large organisations only", "Public-sector organisations only", "Small businesses
 * only"; null when the rule admits everyone.
 */
export function describeApplicability(appliesTo: TApplicability | undefined): string | null {
  const sizes = appliesTo?.sizeBands?.map((band) => SIZE_LABELS[band]) ?? [];
  const types = appliesTo?.organisationTypes ?? [];
  if (sizes.length === 0 && types.length === 0) return null;
  const noun = types.length > 0 ? joinWords(types.map((t) => TYPE_NOUNS[t])) : 'organisations';
  const phrase = sizes.length > 0 ? `${joinWords(sizes)} ${noun}` : noun;
  return `${capitalise(phrase)} only`;
}

/**
 * How an optional pillar is labelled: public-sector-only optional pillars (Service delivery) are
 * "Optional — public anchors", other optional pillars say who can switch them on.
 */
export function describeOptionalPillar(
  pillar: Pick<TPillar, 'optional' | 'appliesTo'>,
): string | null {
  if (!pillar.optional) return null;
  const types = pillar.appliesTo?.organisationTypes;
  if (types?.length === 1 && types[0] === 'public_sector') return 'Optional — public anchors';
  const audience = describeApplicability(pillar.appliesTo);
  return audience
    ? `Optional — ${audience.charAt(0).toLowerCase()}${audience.slice(1)}`
    : 'Optional — a network can switch it on';
}
