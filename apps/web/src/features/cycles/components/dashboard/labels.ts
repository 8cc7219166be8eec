import type { TDashboardHoldReason, TFramework, TIndicatorUnit } from '@waymark/rubric';

/** Names for the ids the dashboard carries, from the cycle's framework version. */
export interface DashboardLabels {
  pillar: (id: string) => string;
  criterion: (id: string) => string;
  indicator: (id: string) => string;
  level: (level: number) => string;
}

export function dashboardLabels(framework: TFramework): DashboardLabels {
  const pillars = new Map(framework.pillars.map((p) => [p.id, p.title]));
  const criteria = new Map(
    framework.pillars.flatMap((p) => p.criteria.map((c) => [c.id, c.title])),
  );
  const indicators = new Map(framework.indicators.map((i) => [i.id, i.label]));
  const levels = new Map(framework.levels.map((l) => [l.level, l.name]));
  return {
    pillar: (id) => pillars.get(id) ?? id,
    criterion: (id) => criteria.get(id) ?? id,
    indicator: (id) => indicators.get(id) ?? id,
    level: (level) => levels.get(level) ?? `Level ${level}`,
  };
}

/** What a suppressed figure says instead of its number (issue 9's wording). */
export function notEnough(contributors: number, threshold: number): string {
  return `Not enough submissions yet (${contributors} of ${threshold})`;
}

function members(n: number, adjective = ''): string {
  return `${n} ${adjective}${adjective ? ' ' : ''}${n === 1 ? 'member' : 'members'}`;
}

/**
 * Why a figure that counts anonymous members is held back although enough members contributed:
 * with the named members' results known to the coordinator, a median over them and 1 … threshold
 * − 1 anonymous ones would give the anonymous ones away.
 */
export function heldBackForAnonymous(anonymous: number, threshold: number): string {
  return `Held back to protect anonymous members: ${members(anonymous, 'anonymous')} submitted; figures that include them show once at least ${threshold} have (or none)`;
}

/**
 * The label of a figure computed over the named members only, because 1 … threshold − 1 anonymous
 * members contributed (the figure including them is never shown).
 */
export function namedOnlyText(
  figure: { contributors: number; anonymousLeftOut: number },
  threshold: number,
): string {
  const { contributors, anonymousLeftOut: left } = figure;
  return `Named members only (${contributors}): the ${members(left, 'anonymous')} ${left === 1 ? 'is' : 'are'} left out until at least ${threshold} anonymous members have submitted`;
}

/** The first named-only figure of a section, whose counts its label gives; null if none. */
export function firstNamedOnly<T extends { basis?: string }>(figures: readonly T[]): T | null {
  return figures.find((f) => f.basis === 'named') ?? null;
}

/** What a held-back figure says instead of its number, by reason. */
export function heldBackText(
  held: { reason: TDashboardHoldReason; contributors: number; anonymous: number },
  threshold: number,
): string {
  return held.reason === 'few_anonymous'
    ? heldBackForAnonymous(held.anonymous, threshold)
    : notEnough(held.contributors, threshold);
}

const numberFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

export function formatIndicator(value: number, unit: TIndicatorUnit): string {
  const n = numberFormat.format(value);
  switch (unit) {
    case 'percent':
      return `${n}%`;
    case 'tco2e':
      return `${n} tCO2e`;
    case 'hours':
      return `${n} hours`;
    default:
      return n;
  }
}

/** A median level such as 1.5, to one decimal place at most. */
export function formatLevel(value: number): string {
  return numberFormat.format(value);
}
