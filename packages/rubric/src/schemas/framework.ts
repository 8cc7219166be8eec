import { z } from 'zod';

/**
 * The shape of a framework definition: a versioned rubric of pillars → criteria → ordered levels.
 *
 * Structural rules (types, required fields, positive weights) live in the zod schemas; rules that
 * look across fields (unique ids, one descriptor per level, mappings that name known criteria) live
 * in `superRefine` so that `validateFramework` reports every problem at once, each with its path.
 */

/** Stable identifiers: lower-case words joined by hyphens, e.g. `real-living-wage`. */
export const ZSlug = z
  .string()
  .min(2)
  .max(64)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case letters, digits and single hyphens');

export const ORGANISATION_TYPES = ['business', 'public_sector', 'voluntary_community'] as const;
export const ZOrganisationType = z.enum(ORGANISATION_TYPES);
export type TOrganisationType = z.infer<typeof ZOrganisationType>;

export const SIZE_BANDS = ['micro', 'small', 'medium', 'large'] as const;
export const ZSizeBand = z.enum(SIZE_BANDS);
export type TSizeBand = z.infer<typeof ZSizeBand>;

export const INDICATOR_UNITS = ['percent', 'count', 'tco2e', 'hours'] as const;
export const ZIndicatorUnit = z.enum(INDICATOR_UNITS);
export type TIndicatorUnit = z.infer<typeof ZIndicatorUnit>;

const ZText = z.string().trim().min(1);
const ZWeight = z.number().positive().finite();

/** One step of the framework's maturity scale, e.g. `{ level: 2, name: 'Developing', … }`. */
export const ZLevel = z.object({
  level: z.number().int().min(1),
  name: ZText.max(40),
  meaning: ZText.max(200),
});
export type TLevel = z.infer<typeof ZLevel>;

/** What a criterion looks like at one level: something an organisation could point to. */
export const ZLevelDescriptor = z.object({
  level: z.number().int().min(1),
  descriptor: ZText.max(600),
  example: ZText.max(600),
});
export type TLevelDescriptor = z.infer<typeof ZLevelDescriptor>;

/**
 * Which organisations a criterion or pillar applies to. An absent list means "all";
 * e.g. `{ sizeBands: ['medium', 'large'] }` spares a micro firm a question about capital programmes.
 */
export const ZApplicability = z.object({
  organisationTypes: z.array(ZOrganisationType).min(1).optional(),
  sizeBands: z.array(ZSizeBand).min(1).optional(),
});
export type TApplicability = z.infer<typeof ZApplicability>;

export const ZCriterion = z.object({
  id: ZSlug,
  title: ZText.max(120),
  question: ZText.max(400),
  guidance: ZText.max(1200),
  levels: z.array(ZLevelDescriptor).min(2),
  weight: ZWeight.default(1),
  appliesTo: ZApplicability.optional(),
});
export type TCriterion = z.infer<typeof ZCriterion>;

export const ZPillar = z.object({
  id: ZSlug,
  title: ZText.max(80),
  summary: ZText.max(600),
  weight: ZWeight.default(1),
  /** An optional pillar (e.g. Service delivery) is left out unless a network switches it on. */
  optional: z.boolean().default(false),
  appliesTo: ZApplicability.optional(),
  criteria: z.array(ZCriterion).min(1),
});
export type TPillar = z.infer<typeof ZPillar>;

/** A yearly number entered beside the level choices; never part of any score. */
export const ZIndicator = z.object({
  id: ZSlug,
  label: ZText.max(160),
  unit: ZIndicatorUnit,
  pillarId: ZSlug,
  description: ZText.max(600).optional(),
});
export type TIndicator = z.infer<typeof ZIndicator>;

/**
 * How the previous version's criteria carry over: each old criterion id maps to the new ids that
 * continue it — one (kept or renamed), several (split) or none (dropped) — so that year-on-year
 * comparisons stay honest.
 */
export const ZVersionMapping = z.object({
  fromVersion: z.number().int().min(1),
  criteria: z.record(ZSlug, z.array(ZSlug)),
});
export type TVersionMapping = z.infer<typeof ZVersionMapping>;

const ZFrameworkShape = z.object({
  id: ZSlug,
  version: z.number().int().min(1),
  title: ZText.max(120),
  description: ZText.max(2000),
  levels: z.array(ZLevel).min(2).max(10),
  pillars: z.array(ZPillar).min(1),
  indicators: z.array(ZIndicator).default([]),
  mapping: ZVersionMapping.optional(),
});

type FrameworkShape = z.infer<typeof ZFrameworkShape>;

function reportDuplicates(
  ctx: z.RefinementCtx,
  entries: { id: string; path: (string | number)[] }[],
  what: string,
): void {
  const seen = new Map<string, (string | number)[]>();
  for (const entry of entries) {
    const first = seen.get(entry.id);
    if (first) {
      ctx.addIssue({
        code: 'custom',
        path: entry.path,
        message: `duplicate ${what} id "${entry.id}" (first used at ${first.join('.')})`,
      });
    } else {
      seen.set(entry.id, entry.path);
    }
  }
}

function checkFramework(fw: FrameworkShape, ctx: z.RefinementCtx): void {
  // The scale must be numbered 1..L in order, so that a level's position is its number.
  fw.levels.forEach((level, index) => {
    if (level.level !== index + 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['levels', index, 'level'],
        message: `levels must be numbered 1 to ${fw.levels.length} in order; expected ${index + 1}, got ${level.level}`,
      });
    }
  });
  reportDuplicates(
    ctx,
    fw.levels.map((l, i) => ({ id: l.name.toLowerCase(), path: ['levels', i, 'name'] })),
    'level name',
  );

  reportDuplicates(
    ctx,
    fw.pillars.map((p, i) => ({ id: p.id, path: ['pillars', i, 'id'] })),
    'pillar',
  );
  // Criterion ids are unique across the whole framework: answers and mappings refer to them alone.
  reportDuplicates(
    ctx,
    fw.pillars.flatMap((p, pi) =>
      p.criteria.map((c, ci) => ({ id: c.id, path: ['pillars', pi, 'criteria', ci, 'id'] })),
    ),
    'criterion',
  );

  const levelCount = fw.levels.length;
  fw.pillars.forEach((pillar, pi) => {
    pillar.criteria.forEach((criterion, ci) => {
      const path = ['pillars', pi, 'criteria', ci, 'levels'];
      if (criterion.levels.length !== levelCount) {
        ctx.addIssue({
          code: 'custom',
          path,
          message: `needs exactly one descriptor per level: expected ${levelCount}, got ${criterion.levels.length}`,
        });
      }
      criterion.levels.forEach((descriptor, li) => {
        if (descriptor.level !== li + 1) {
          ctx.addIssue({
            code: 'custom',
            path: [...path, li, 'level'],
            message: `descriptors must follow the scale in order; expected level ${li + 1}, got ${descriptor.level}`,
          });
        }
      });
    });
  });

  const pillarIds = new Set(fw.pillars.map((p) => p.id));
  reportDuplicates(
    ctx,
    fw.indicators.map((ind, i) => ({ id: ind.id, path: ['indicators', i, 'id'] })),
    'indicator',
  );
  fw.indicators.forEach((indicator, i) => {
    if (!pillarIds.has(indicator.pillarId)) {
      ctx.addIssue({
        code: 'custom',
        path: ['indicators', i, 'pillarId'],
        message: `names unknown pillar "${indicator.pillarId}"`,
      });
    }
  });

  if (fw.mapping) {
    if (fw.mapping.fromVersion >= fw.version) {
      ctx.addIssue({
        code: 'custom',
        path: ['mapping', 'fromVersion'],
        message: `must be an earlier version than ${fw.version}`,
      });
    }
    const criterionIds = new Set(fw.pillars.flatMap((p) => p.criteria.map((c) => c.id)));
    for (const [oldId, newIds] of Object.entries(fw.mapping.criteria)) {
      newIds.forEach((newId, i) => {
        if (!criterionIds.has(newId)) {
          ctx.addIssue({
            code: 'custom',
            path: ['mapping', 'criteria', oldId, i],
            message: `maps "${oldId}" to unknown criterion "${newId}"`,
          });
        }
      });
    }
  }
}

export const ZFramework = ZFrameworkShape.superRefine(checkFramework);
export type TFramework = z.infer<typeof ZFramework>;
/** What an author writes: weights, `optional` and `indicators` may be left to their defaults. */
export type TFrameworkInput = z.input<typeof ZFramework>;
