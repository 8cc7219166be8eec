import {
  type TApplicability,
  type TFramework,
  type TVersionMapping,
  ZFramework,
} from '../schemas/framework.js';

/**
 * Test-only: small frameworks for the scoring tests, so that they never depend on the default
 * framework's content. Everything but the structure that scoring reads is filler.
 */

export interface CriterionSpec {
  id: string;
  weight?: number;
  appliesTo?: TApplicability;
}

export interface PillarSpec {
  id: string;
  weight?: number;
  optional?: boolean;
  appliesTo?: TApplicability;
  /** Criterion ids, or specs where a weight or `appliesTo` matters. */
  criteria: (string | CriterionSpec)[];
}

export interface FrameworkSpec {
  /** Level names, in order; their count is the number of levels. */
  levels?: string[];
  pillars: PillarSpec[];
  version?: number;
  mapping?: TVersionMapping;
}

export const FOUR_LEVELS = ['Starting', 'Developing', 'Established', 'Leading'];

/** Level names for a scale of `count` levels: `Level 1`, `Level 2`, … */
export function levelNames(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `Level ${i + 1}`);
}

/** Builds a framework from a compact spec and parses it with `ZFramework`, so defaults apply. */
export function makeFramework(spec: FrameworkSpec): TFramework {
  const levels = spec.levels ?? FOUR_LEVELS;
  return ZFramework.parse({
    id: 'test-framework',
    version: spec.version ?? 1,
    title: 'Test framework',
    description: 'A framework built for a test.',
    levels: levels.map((name, i) => ({ level: i + 1, name, meaning: `Meaning of ${name}.` })),
    pillars: spec.pillars.map((pillar) => ({
      id: pillar.id,
      title: `Pillar ${pillar.id}`,
      summary: `Summary of ${pillar.id}.`,
      weight: pillar.weight,
      optional: pillar.optional,
      appliesTo: pillar.appliesTo,
      criteria: pillar.criteria.map((entry) => {
        const criterion = typeof entry === 'string' ? { id: entry } : entry;
        return {
          id: criterion.id,
          title: `Criterion ${criterion.id}`,
          question: `How far along is ${criterion.id}?`,
          guidance: `Guidance for ${criterion.id}.`,
          weight: criterion.weight,
          appliesTo: criterion.appliesTo,
          levels: levels.map((_, i) => ({
            level: i + 1,
            descriptor: `${criterion.id} at level ${i + 1}.`,
            example: `An example of ${criterion.id} at level ${i + 1}.`,
          })),
        };
      }),
    })),
    mapping: spec.mapping,
  });
}
